import type { Kysely } from 'kysely';
import { LoginNameSchema, NewPasswordSchema, CreateUserRequestSchema } from '../../contract/accounts';
import { RoleSchema } from '../../contract/submission-document';
import { databaseLocation } from '../../server/config';
import type { Database, UserRow } from '../../server/db/database';
import { prepareDatabase } from '../../server/db/prepare';
import { findOrganisation } from '../../server/repositories/organisations';
import { deleteSessionsOfUser } from '../../server/repositories/sessions';
import { createUser, findUserByLogin, listUsers, setPassword, updateUser } from '../../server/repositories/users';
import { userAnswer } from '../../server/services/accounts';
import { generatePassword, PasswordHasher, weakPasswordReason } from '../../server/services/passwords';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';

const ROLES = RoleSchema.options;
const USAGE = [
  'user 的子命令应为 add、list、reset-password 或 unlock / user: add, list, reset-password or unlock',
  `  indicators user add --login <用户名> --org <单位编号> --role ${ROLES.join('|')} [--name <姓名>] [--password-stdin]`,
  '  indicators user list [--json]',
  '  indicators user reset-password --login <用户名>',
  '  indicators user unlock --login <用户名>',
].join('\n');

/** One hash at a time: the CLI hashes at the server's cost. */
const hasher = () => new PasswordHasher({ concurrency: 1, queue: 0 });

/**
 * `user add|list|reset-password|unlock`: the web app's users, on DATABASE_URL or DATA_DIR (as `org` and
 * `token`). The first admin is made here: `indicators user add --login admin --org tjj --role admin`.
 */
export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') return addCommand(rest, io);
  if (sub === 'list') return listCommand(rest, io);
  if (sub === 'reset-password') return resetCommand(rest, io);
  if (sub === 'unlock') return unlockCommand(rest, io);
  throw new UsageError(`${USAGE}\n收到“${sub ?? ''}”。`);
}

function loginOption(value: string | undefined): string {
  if (value === undefined) throw new UsageError('缺少 --login <用户名>（3–40 个字母、数字或 . _ -）/ missing --login');
  const parsed = LoginNameSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--login：${parsed.error.issues[0]?.message ?? '无效'}，收到“${value}”`);
  return parsed.data;
}

/** Everything on stdin, without the one line end `echo` or a here-string adds. */
async function readStdin(io: CliIo): Promise<string> {
  if (!io.stdin) throw new UsageError('--password-stdin：没有标准输入 / no standard input');
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

async function addCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    login: { type: 'string' },
    org: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const login = loginOption(options.login);
  if (!options.org) throw new UsageError('缺少 --org <单位编号>（运行 indicators org list 查看；统计局为 tjj）/ missing --org');
  const role = RoleSchema.safeParse(options.role);
  if (!role.success) throw new UsageError(`--role 应为 ${ROLES.join('、')}（reporter 填报本单位；bureau 统计局审核汇总；admin 管理用户、单位和令牌），收到“${options.role ?? ''}”`);
  const displayName = CreateUserRequestSchema.shape.displayName.safeParse(options.name ?? login);
  if (!displayName.success) throw new UsageError(`--name：姓名应为 1–60 个字符，收到“${options.name ?? ''}”`);
  let password: string;
  const generated = !options['password-stdin'];
  if (generated) {
    password = generatePassword();
  } else {
    password = await readStdin(io);
    const checked = NewPasswordSchema.safeParse(password);
    if (!checked.success) throw new UsageError(`--password-stdin：${checked.error.issues[0]?.message ?? '密码无效'}`);
    const weak = weakPasswordReason(password, login);
    if (weak) throw new UsageError(`--password-stdin：${weak.zh} / ${weak.en}`);
  }
  const db = await prepareDatabase(databaseLocation());
  try {
    const organisation = await findOrganisation(db, options.org);
    if (!organisation) throw new UsageError(`单位编号“${options.org}”不存在（运行 indicators org list 查看，或用 indicators org add 添加）`);
    // a generated password was seen on this terminal: its owner chooses their own at the first sign-in
    const created = await createUser(db, { login, displayName: displayName.data, organisationId: organisation.id, role: role.data, passwordHash: await hasher().hash(password), mustChangePassword: generated });
    if (created === 'taken') throw new UsageError(`用户名“${login}”已被使用（不区分大小写）/ the login is taken`);
    if (options.json) {
      writeJson(io, { user: userJson(created), ...(generated ? { password } : {}) });
      return EXIT.ok;
    }
    io.stdout.write(`已创建用户 ${created.login}（${created.display_name}，${organisation.short_name} ${organisation.id}，${role.data}），编号 ${created.id}。\n`);
    if (generated) {
      io.stdout.write('初始密码只显示这一次，请立即转交本人；首次登录后须修改 / The password is shown only once; it must be changed at the first sign-in:\n\n');
      io.stdout.write(`${password}\n`);
    } else {
      io.stdout.write('密码取自标准输入 / Password read from standard input.\n');
    }
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

/** The user as the API shows it, as of now. */
function userJson(row: UserRow) {
  return userAnswer(row, new Date());
}

async function listCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, { json: { type: 'boolean', default: false } });
  const db = await prepareDatabase(databaseLocation());
  try {
    const users = (await listUsers(db)).map(userJson);
    if (options.json) {
      writeJson(io, users);
      return EXIT.ok;
    }
    for (const user of users) {
      const states = [user.disabled ? '已停用' : '', user.lockedUntil ? `锁定至 ${user.lockedUntil}` : '', user.mustChangePassword ? '须改密码' : ''].filter(Boolean).join('，');
      io.stdout.write(`${user.login.padEnd(16)} ${user.organisationId.padEnd(10)} ${user.role.padEnd(8)} ${user.displayName}${states ? `  （${states}）` : ''}  最近登录 ${user.lastLoginAt ?? '—'}\n`);
    }
    io.stdout.write(`共 ${users.length} 个用户${users.some((user) => user.role === 'admin' && !user.disabled) ? '' : '；还没有可用的管理员：indicators user add --login admin --org tjj --role admin'}\n`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

/** Runs `action` on the user `--login` names (a usage error when there is none), on a database closed after. */
async function withNamedUser(args: string[], action: (db: Kysely<Database>, user: UserRow) => Promise<void>): Promise<number> {
  const options = parseOptions(args, { login: { type: 'string' } });
  const login = loginOption(options.login);
  const db = await prepareDatabase(databaseLocation());
  try {
    const user = await findUserByLogin(db, login);
    if (!user) throw new UsageError(`没有用户名为“${login}”的用户（运行 indicators user list 查看）`);
    await action(db, user);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}

async function resetCommand(args: string[], io: CliIo): Promise<number> {
  return withNamedUser(args, async (db, user) => {
    const password = generatePassword();
    await setPassword(db, user.id, await hasher().hash(password), true);
    const ended = await deleteSessionsOfUser(db, user.id);
    io.stdout.write(`已重置 ${user.login} 的密码${ended > 0 ? `，并结束其 ${ended} 个登录会话` : ''}；首次登录后须修改。新密码只显示这一次 / The new password is shown only once:\n\n${password}\n`);
  });
}

async function unlockCommand(args: string[], io: CliIo): Promise<number> {
  return withNamedUser(args, async (db, user) => {
    await updateUser(db, user.id, { unlock: true });
    io.stdout.write(`已解锁 ${user.login}：可以立即登录 / ${user.login} is unlocked.\n`);
  });
}
