import { OrganisationSchema } from '../../core/catalog/organisation-schema';
import { databaseLocation } from '../../server/config';
import { describeLocation } from '../../server/db/connect';
import { prepareDatabase } from '../../server/db/prepare';
import { addOrganisation, listOrganisations } from '../../server/repositories/organisations';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';

const KINDS = OrganisationSchema.shape.kind.options;

/** `org list [--json]` and `org add --id <id> --name <名称> [--short <简称>] [--name-en <name>] [--kind …]`, on DATABASE_URL or DATA_DIR. */
export async function orgCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return listCommand(rest, io);
  if (sub === 'add') return addCommand(rest, io);
  throw new UsageError(`org 的子命令应为 list 或 add，收到“${sub ?? ''}”。\n  indicators org list\n  indicators org add --id <编号> --name <名称> [--short <简称>] [--kind ${KINDS.join('|')}]`);
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { json: { type: 'boolean', default: false } });
  const db = await prepareDatabase(databaseLocation());
  try {
    const rows = await listOrganisations(db);
    if (options.json) {
      writeJson(io, rows.map((row) => ({ id: row.id, name: row.name, shortName: row.short_name, nameEn: row.name_en, kind: row.kind })));
    } else {
      for (const row of rows) io.stdout.write(`${row.id.padEnd(12)} ${row.kind.padEnd(12)} ${row.short_name}（${row.name}）\n`);
      io.stdout.write(`共 ${rows.length} 个单位（${describeLocation(databaseLocation())}）\n`);
    }
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

async function addCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    id: { type: 'string' },
    name: { type: 'string' },
    short: { type: 'string' },
    'name-en': { type: 'string' },
    kind: { type: 'string', default: 'department' },
  });
  if (!options.id) throw new UsageError('缺少 --id <编号>（小写字母开头，只含小写字母、数字和连字符，例如 xjb）');
  if (!options.name) throw new UsageError('缺少 --name <名称>，例如 --name 新平县乡村振兴局');
  const parsed = OrganisationSchema.safeParse({ id: options.id, name: options.name, shortName: options.short ?? options.name, nameEn: options['name-en'] ?? options.name, kind: options.kind });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join('、');
    throw new UsageError(`单位信息无效（${fields}）：--id 须为小写字母开头的编号（如 xjb），--kind 须为 ${KINDS.join('、')}`);
  }
  const organisation = parsed.data;
  const db = await prepareDatabase(databaseLocation());
  try {
    const added = await addOrganisation(db, { id: organisation.id, name: organisation.name, short_name: organisation.shortName, name_en: organisation.nameEn, kind: organisation.kind, created_at: new Date().toISOString() });
    if (!added) throw new UsageError(`编号“${organisation.id}”已被使用：单位编号不得重复或复用`);
    io.stdout.write(`已添加单位 ${organisation.id}：${organisation.name}（${organisation.shortName}，${organisation.kind}）\n`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}
