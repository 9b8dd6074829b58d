import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { prepareDatabase } from '../../src/server/db/prepare';
import { decodePasswordHash, DEFAULT_SCRYPT_COST, PasswordHasher } from '../../src/server/services/passwords';
import { useCliDatabase } from '../server/helpers/cli-database';
import { describeEachDialect } from '../server/helpers/test-database';

// scrypt at its real cost (32 MiB, ~0.5 s on one core) and many sign-ins, on the 2 cores the whole suite shares
jest.setTimeout(60_000);

/** Runs the CLI in-process with `input` on its standard input. */
async function run(input: string | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    ...(input === undefined ? {} : { stdin: Readable.from([Buffer.from(input, 'utf8')]) }),
  });
  return { code, stdout, stderr };
}

describeEachDialect('indicators user', (dialect) => {
  const database = useCliDatabase(dialect);

  const storedUser = async (login: string) => {
    const db = await prepareDatabase(database.location);
    try {
      return await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirstOrThrow();
    } finally {
      await db.destroy();
    }
  };

  it('user list says how to make the first admin while there is none', async () => {
    const list = await run(undefined, 'user', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('共 0 个用户；还没有可用的管理员：indicators user add --login admin --org tjj --role admin');
  });

  it('user add without --password-stdin generates a strong password, printed once, to be changed at the first sign-in', async () => {
    const added = await run(undefined, 'user', 'add', '--login', 'admin', '--org', 'tjj', '--role', 'admin', '--name', '统计局管理员');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('已创建用户 admin（统计局管理员');
    expect(added.stdout).toContain('只显示这一次');
    const password = /\n\n([A-Za-z0-9]{16})\n$/.exec(added.stdout)?.[1];
    expect(password).toBeDefined();
    const row = await storedUser('admin');
    expect(row).toMatchObject({ organisation_id: 'tjj', role: 'admin', display_name: '统计局管理员', must_change_password: 1, disabled: 0 });
    expect(row.password_hash).not.toContain(password);
    // hashed at the server's cost, and the password printed is the one stored
    expect(decodePasswordHash(row.password_hash)?.cost).toEqual(DEFAULT_SCRYPT_COST);
    expect(await new PasswordHasher({ concurrency: 1, queue: 0 }).verify(password!, row.password_hash)).toBe(true);
    const list = await run(undefined, 'user', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ login: 'admin', organisationId: 'tjj', role: 'admin', mustChangePassword: true, disabled: false, lockedUntil: null })]);
    expect(list.stdout).not.toContain('scrypt');
    expect((await run(undefined, 'user', 'list')).stdout).toMatch(/admin\s+tjj\s+admin\s+统计局管理员 {2}（须改密码）/);
  });

  it('user add --password-stdin reads the password (one line end dropped), checked by NewPasswordSchema', async () => {
    const added = await run('Ein-gutes-Passwort-9\n', 'user', 'add', '--login', 'WJJ.Zhang', '--org', 'wjj', '--role', 'reporter', '--password-stdin');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('密码取自标准输入');
    expect(added.stdout).not.toContain('Ein-gutes-Passwort-9');
    const row = await storedUser('WJJ.Zhang');
    expect(row).toMatchObject({ display_name: 'WJJ.Zhang', must_change_password: 0 });
    expect(await new PasswordHasher({ concurrency: 1, queue: 0 }).verify('Ein-gutes-Passwort-9', row.password_hash)).toBe(true);

    const short = await run('kurz\n', 'user', 'add', '--login', 'short-one', '--org', 'wjj', '--role', 'reporter', '--password-stdin');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('密码至少 10 个字符');
    const taken = await run('Noch-ein-Passwort-1', 'user', 'add', '--login', 'wjj.zhang', '--org', 'wjj', '--role', 'reporter', '--password-stdin');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('已被使用');
    expect((await run(undefined, 'user', 'add', '--login', 'x', '--org', 'wjj', '--role', 'reporter')).stderr).toContain('--login');
    expect((await run(undefined, 'user', 'add', '--login', 'someone', '--org', 'nowhere', '--role', 'reporter')).stderr).toContain('不存在');
    expect((await run(undefined, 'user', 'add', '--login', 'someone', '--org', 'wjj', '--role', 'chief')).stderr).toContain('--role');
    expect((await run(undefined, 'user', 'remove')).code).toBe(2);
  });

  it('user unlock lifts a lockout; user reset-password prints a new password once and ends the sessions', async () => {
    const db = await prepareDatabase(database.location);
    try {
      await db.updateTable('users').set({ failed_attempts: 3, locked_until: new Date(Date.now() + 600_000).toISOString() }).where('login', '=', 'WJJ.Zhang').execute();
    } finally {
      await db.destroy();
    }
    expect(JSON.parse((await run(undefined, 'user', 'list', '--json')).stdout).find((user: { login: string }) => user.login === 'WJJ.Zhang').lockedUntil).toEqual(expect.any(String));
    const unlocked = await run(undefined, 'user', 'unlock', '--login', 'wjj.zhang');
    expect(unlocked.code).toBe(0);
    expect(await storedUser('WJJ.Zhang')).toMatchObject({ failed_attempts: 0, locked_until: null });

    const reset = await run(undefined, 'user', 'reset-password', '--login', 'WJJ.ZHANG');
    expect(reset.code).toBe(0);
    const password = /\n\n([A-Za-z0-9]{16})\n$/.exec(reset.stdout)?.[1];
    const row = await storedUser('WJJ.Zhang');
    expect(row.must_change_password).toBe(1);
    expect(await new PasswordHasher({ concurrency: 1, queue: 0 }).verify(password!, row.password_hash)).toBe(true);
    expect((await run(undefined, 'user', 'unlock', '--login', 'nobody')).code).toBe(2);
  });
});
