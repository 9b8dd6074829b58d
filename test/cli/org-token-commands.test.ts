import { useCliDatabase } from '../server/helpers/cli-database';
import { describeEachDialect } from '../server/helpers/test-database';
import { prepareDatabase } from '../../src/server/db/prepare';
import { hashToken } from '../../src/server/tokens';
import { run } from './cli-harness';

describeEachDialect('indicators org / token', (dialect) => {
  const database = useCliDatabase(dialect);

  it('org list shows the seeded organisations; org add adds one, once', async () => {
    const list = await run('org', 'list', '--json');
    expect(list.code).toBe(0);
    const organisations = JSON.parse(list.stdout);
    expect(organisations).toHaveLength(40);
    expect(organisations).toContainEqual({ id: 'gasa', name: expect.stringContaining('戛洒'), shortName: expect.any(String), nameEn: expect.any(String), kind: 'township' });
    const added = await run('org', 'add', '--id', 'xczx', '--name', '新平县乡村振兴局', '--short', '乡村振兴局');
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('已添加单位 xczx');
    expect((await run('org', 'list')).stdout).toMatch(/xczx\s+department\s+乡村振兴局（新平县乡村振兴局）/);
    const again = await run('org', 'add', '--id', 'xczx', '--name', '重复');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已被使用');
    expect((await run('org', 'add', '--id', 'Bad Id', '--name', 'x')).code).toBe(2);
    expect((await run('org', 'add', '--id', 'abc', '--name', 'x', '--kind', 'village')).stderr).toContain('--kind');
    expect((await run('org', 'remove')).code).toBe(2);
  });

  it('token create prints the token once; only its hash is stored; list and revoke', async () => {
    const created = await run('token', 'create', '--org', 'xczx', '--role', 'reporter', '--label', '张三');
    expect(created.code).toBe(0);
    const token = /^(xpm_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
    expect(token).toBeDefined();
    expect(created.stdout).toContain('只显示这一次');
    const listed = JSON.parse((await run('token', 'list', '--json')).stdout);
    expect(listed).toEqual([expect.objectContaining({ organisationId: 'xczx', role: 'reporter', label: '张三', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const db = await prepareDatabase(database.location);
    try {
      const row = await db.selectFrom('tokens').selectAll().executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashToken(token!));
    } finally {
      await db.destroy();
    }
    const revoked = await run('token', 'revoke', listed[0].id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('已撤销');
    expect(JSON.parse((await run('token', 'list', '--json')).stdout)[0].revokedAt).toEqual(expect.any(String));
    expect((await run('token', 'revoke', listed[0].id)).stdout).toContain('此前已撤销');
  });

  it.each([
    [['token', 'create', '--org', 'nowhere', '--role', 'reporter'], /单位编号“nowhere”不存在/],
    [['token', 'create', '--org', 'wjj', '--role', 'king'], /--role 应为 reporter、bureau、admin/],
    [['token', 'create', '--role', 'reporter'], /缺少 --org/],
    [['token', 'revoke', 'tok_000000000000'], /没有编号为“tok_000000000000”的令牌/],
    [['token', 'revoke'], /缺少令牌编号/],
    [['token'], /create、list 或 revoke/],
  ])('exits 2 on %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
