import { RoleSchema } from '../../contract/submission-document';
import { databaseLocation } from '../../server/config';
import { prepareDatabase } from '../../server/db/prepare';
import { findOrganisation } from '../../server/repositories/organisations';
import { createToken, listTokens, revokeToken } from '../../server/repositories/tokens';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';

const ROLES = RoleSchema.options;

/** `token create --org <id> --role <role> [--label <text>]`, `token list [--json]`, `token revoke <tokenId>`, on DATABASE_URL or DATA_DIR. */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return createCommand(rest, io);
  if (sub === 'list') return listCommand(rest, io);
  if (sub === 'revoke') return revokeCommand(rest, io);
  throw new UsageError(`token 的子命令应为 create、list 或 revoke，收到“${sub ?? ''}”。\n  indicators token create --org <单位编号> --role ${ROLES.join('|')} [--label <备注>]\n  indicators token list\n  indicators token revoke <令牌编号>`);
}

async function createCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { org: { type: 'string' }, role: { type: 'string' }, label: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (!options.org) throw new UsageError('缺少 --org <单位编号>（运行 indicators org list 查看）');
  const role = RoleSchema.safeParse(options.role);
  if (!role.success) throw new UsageError(`--role 应为 ${ROLES.join('、')}（reporter 填报本单位；bureau 统计局审核汇总；admin 管理单位和令牌），收到“${options.role ?? ''}”`);
  const db = await prepareDatabase(databaseLocation());
  try {
    const organisation = await findOrganisation(db, options.org);
    if (!organisation) throw new UsageError(`单位编号“${options.org}”不存在（运行 indicators org list 查看，或用 indicators org add 添加）`);
    const created = await createToken(db, { organisationId: organisation.id, role: role.data, label: options.label ?? null });
    if (options.json) {
      writeJson(io, { id: created.id, organisationId: organisation.id, role: role.data, label: options.label ?? null, token: created.token });
    } else {
      io.stdout.write(`已为 ${organisation.short_name}（${organisation.id}）创建 ${role.data} 令牌 ${created.id}${options.label ? `（${options.label}）` : ''}。\n`);
      io.stdout.write('令牌只显示这一次，请立即复制并妥善保存 / The token is shown only once:\n\n');
      io.stdout.write(`${created.token}\n`);
    }
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { json: { type: 'boolean', default: false } });
  const db = await prepareDatabase(databaseLocation());
  try {
    const rows = await listTokens(db);
    if (options.json) {
      writeJson(io, rows.map((row) => ({ id: row.id, organisationId: row.organisation_id, role: row.role, label: row.label, createdAt: row.created_at, revokedAt: row.revoked_at })));
      return EXIT.ok;
    }
    for (const row of rows) {
      const state = row.revoked_at ? `已撤销 ${row.revoked_at}` : '有效';
      io.stdout.write(`${row.id}  ${row.organisation_id.padEnd(10)} ${row.role.padEnd(8)} ${state}  创建于 ${row.created_at}${row.label ? `  ${row.label}` : ''}\n`);
    }
    io.stdout.write(`共 ${rows.length} 个令牌（只保存哈希，令牌本身无法再显示）\n`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

async function revokeCommand(args: string[], io: CliIo): Promise<number> {
  const [id, ...rest] = args;
  if (!id || id.startsWith('-')) throw new UsageError('缺少令牌编号：indicators token revoke <令牌编号>（运行 indicators token list 查看，形如 tok_…）');
  parseOptions(rest, {});
  const db = await prepareDatabase(databaseLocation());
  try {
    const outcome = await revokeToken(db, id);
    if (outcome === 'unknown') throw new UsageError(`没有编号为“${id}”的令牌（运行 indicators token list 查看）`);
    io.stdout.write(outcome === 'already' ? `令牌 ${id} 此前已撤销。\n` : `已撤销令牌 ${id}：此后用它的请求一律拒绝（401）。\n`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}
