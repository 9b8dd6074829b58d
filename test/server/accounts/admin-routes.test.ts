import { ApiTokenListSchema, CreatedTokenSchema, UserListSchema, UserWithPasswordSchema } from '../../../src/contract/accounts';
import { firstAdminHint } from '../../../src/server/server';
import { withTestApp } from '../helpers/test-app';
import { describeEachDialect } from '../helpers/test-database';
import { acceptableDocument } from '../helpers/submission-fixtures';
import { addUser, login, signIn, TEST_COST, type Browser } from './account-fixtures';

// scrypt at its real cost (32 MiB, ~0.5 s on one core) and many sign-ins, on the 2 cores the whole suite shares
jest.setTimeout(60_000);

const PASSWORD = 'Admin-Passwort-2025';

describeEachDialect('admin routes: users, tokens, organisations', (dialect) => {
  const t = withTestApp(dialect, { AUTH_FAILURES_PER_MINUTE: '1000' }, { app: { passwordCost: TEST_COST } });
  let admin: Browser;
  beforeAll(async () => {
    expect((await firstAdminHint(t.app)).join('\n')).toContain('npm run -s cli -- user add --login admin --org tjj --role admin');
    await addUser(t, { login: 'admin', organisationId: 'tjj', role: 'admin', password: PASSWORD });
    expect(await firstAdminHint(t.app)).toEqual([]);
    await addUser(t, { login: 'bureau-wang', organisationId: 'tjj', role: 'bureau', password: PASSWORD });
    await addUser(t, { login: 'clerk-li', organisationId: 'wjj', role: 'reporter', password: PASSWORD });
    admin = await signIn(t, 'admin', PASSWORD);
  });

  it('refuses reporters and the bureau (session or token) with 403 auth.adminOnly', async () => {
    const reporter = await signIn(t, 'clerk-li', PASSWORD);
    const bureau = await signIn(t, 'bureau-wang', PASSWORD);
    const tokens = [await t.token('wjj', 'reporter'), await t.token('tjj', 'bureau')];
    const requests = [
      { method: 'GET' as const, url: '/api/v1/users' },
      { method: 'POST' as const, url: '/api/v1/users', payload: { login: 'sneaky', displayName: 'x', organisationId: 'wjj', role: 'admin' } },
      { method: 'GET' as const, url: '/api/v1/tokens' },
      { method: 'POST' as const, url: '/api/v1/tokens', payload: { organisationId: 'wjj', role: 'admin' } },
      { method: 'POST' as const, url: '/api/v1/organisations', payload: { id: 'sneaky', name: '不应添加', shortName: 'x', nameEn: 'x', kind: 'department' } },
    ];
    for (const request of requests) {
      for (const answer of [await reporter.request(request), await bureau.request(request), ...(await Promise.all(tokens.map((token) => t.request(token, request))))]) {
        expect([request.url, answer.statusCode, answer.json().error.code]).toEqual([request.url, 403, 'auth.adminOnly']);
        expect(answer.json().error.message).toContain('只有管理员');
      }
    }
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('adds a user with a generated password shown once; the user must change it at the first sign-in', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'Fl.Zhou', displayName: '妇联周某', organisationId: 'fl', role: 'reporter' } });
    expect(created.statusCode).toBe(201);
    const body = UserWithPasswordSchema.parse(created.json());
    expect(body.user).toMatchObject({ login: 'Fl.Zhou', displayName: '妇联周某', organisationId: 'fl', role: 'reporter', mustChangePassword: true, disabled: false });
    expect(body.password).toMatch(/^[A-Za-z0-9]{16}$/);
    const listed = UserListSchema.parse((await admin.request({ method: 'GET', url: '/api/v1/users' })).json());
    expect(listed.users.map((user) => user.login)).toEqual(['admin', 'bureau-wang', 'clerk-li', 'Fl.Zhou']);
    expect(JSON.stringify(listed)).not.toContain(body.password);
    const zhou = await signIn(t, 'fl.zhou', body.password!);
    expect((await zhou.request({ method: 'GET', url: '/api/v1/me' })).json().error.code).toBe('auth.mustChangePassword');

    const chosen = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'fl-wu', displayName: '吴某', organisationId: 'fl', role: 'reporter', password: 'Vom-Admin-gewaehlt-1' } });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().password).toBeUndefined();
    expect(chosen.json().user.mustChangePassword).toBe(true);
    expect((await login(t, 'fl-wu', 'Vom-Admin-gewaehlt-1')).statusCode).toBe(200);

    const taken = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'FL.ZHOU', displayName: '重名', organisationId: 'fl', role: 'reporter' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'user.loginTaken', message: expect.stringContaining('已被使用') });
    expect((await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'ghost', displayName: 'x', organisationId: 'nowhere', role: 'reporter' } })).json().error.code).toBe('request.unknownOrganisation');
    expect((await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'weakling', displayName: 'x', organisationId: 'fl', role: 'reporter', password: 'weakling-2025' } })).json().error.code).toBe('auth.weakPassword');
    expect((await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'x', displayName: 'x', organisationId: 'fl', role: 'reporter' } })).statusCode).toBe(400);
  });

  it('changes a user (the change holds at once in their session), disables (sessions end), resets a password (shown once, sessions end)', async () => {
    const users = UserListSchema.parse((await admin.request({ method: 'GET', url: '/api/v1/users' })).json()).users;
    const li = users.find((user) => user.login === 'clerk-li')!;
    const clerk = await signIn(t, 'clerk-li', PASSWORD);
    const changed = await admin.request({ method: 'PUT', url: `/api/v1/users/${li.id}`, payload: { displayName: '李某', organisationId: 'fl' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ displayName: '李某', organisationId: 'fl', role: 'reporter' });
    expect((await clerk.request({ method: 'GET', url: '/api/v1/me' })).json()).toEqual({ tokenId: li.id, organisationId: 'fl', role: 'reporter' });
    expect((await admin.request({ method: 'PUT', url: `/api/v1/users/${li.id}`, payload: { organisationId: 'nowhere' } })).statusCode).toBe(400);
    expect((await admin.request({ method: 'PUT', url: '/api/v1/users/usr_0000000000000000', payload: { displayName: 'x' } })).statusCode).toBe(404);

    const disabled = await admin.request({ method: 'PUT', url: `/api/v1/users/${li.id}`, payload: { disabled: true } });
    expect(disabled.json().disabled).toBe(true);
    expect((await clerk.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await login(t, 'clerk-li', PASSWORD)).json().error.code).toBe('auth.userDisabled');
    expect((await admin.request({ method: 'PUT', url: `/api/v1/users/${li.id}`, payload: { disabled: false, organisationId: 'wjj' } })).json().disabled).toBe(false);

    const again = await signIn(t, 'clerk-li', PASSWORD);
    for (let attempt = 0; attempt < 5; attempt++) await login(t, 'clerk-li', 'wrong-password');
    const reset = await admin.request({ method: 'POST', url: `/api/v1/users/${li.id}/reset-password` });
    expect(reset.statusCode).toBe(200);
    const body = UserWithPasswordSchema.parse(reset.json());
    expect(body.user).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await again.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
    expect((await login(t, 'clerk-li', PASSWORD)).statusCode).toBe(401);
    const fresh = await signIn(t, 'clerk-li', body.password!);
    expect((await fresh.request({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: body.password, newPassword: PASSWORD } })).statusCode).toBe(200);
  });

  it('the last active admin can be neither demoted nor disabled; with a second admin it can', async () => {
    const users = UserListSchema.parse((await admin.request({ method: 'GET', url: '/api/v1/users' })).json()).users;
    const me = users.find((user) => user.login === 'admin')!;
    for (const payload of [{ role: 'bureau' }, { disabled: true }, { role: 'reporter', disabled: true }]) {
      const refused = await admin.request({ method: 'PUT', url: `/api/v1/users/${me.id}`, payload });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'user.lastAdmin', message: '不能停用最后一位管理员，也不能取消其管理员角色：请先为另一位用户授予管理员角色。' });
    }
    // a disabled admin is no admin
    const second = UserWithPasswordSchema.parse((await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'admin-two', displayName: '第二位管理员', organisationId: 'tjj', role: 'admin' } })).json()).user;
    expect((await admin.request({ method: 'PUT', url: `/api/v1/users/${second.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await admin.request({ method: 'PUT', url: `/api/v1/users/${me.id}`, payload: { role: 'bureau' } })).statusCode).toBe(409);
    expect((await admin.request({ method: 'PUT', url: `/api/v1/users/${second.id}`, payload: { disabled: false } })).statusCode).toBe(200);
    const demoted = await admin.request({ method: 'PUT', url: `/api/v1/users/${second.id}`, payload: { role: 'bureau' } });
    expect(demoted.statusCode).toBe(200);
    expect(demoted.json().role).toBe('bureau');
  });

  it('tokens: the secret once in the answer, listed without it (and without the users\' audit rows), revoked → 401', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/v1/tokens', payload: { organisationId: 'wjj', role: 'reporter', label: '卫健局张三' } });
    expect(created.statusCode).toBe(201);
    const body = CreatedTokenSchema.parse(created.json());
    expect(body.secret).toMatch(/^xpm_[A-Za-z0-9_-]{43}$/);
    expect(body.token).toMatchObject({ organisationId: 'wjj', role: 'reporter', label: '卫健局张三', revokedAt: null });
    expect((await t.request(body.secret, { method: 'GET', url: '/api/v1/me' })).json()).toEqual({ tokenId: body.token.id, organisationId: 'wjj', role: 'reporter' });
    const listed = ApiTokenListSchema.parse((await admin.request({ method: 'GET', url: '/api/v1/tokens' })).json());
    expect(listed.tokens).toContainEqual(body.token);
    expect(listed.tokens.every((token) => token.id.startsWith('tok_'))).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(body.secret);
    expect((await admin.request({ method: 'POST', url: '/api/v1/tokens', payload: { organisationId: 'nowhere', role: 'reporter' } })).statusCode).toBe(400);

    const revoked = await admin.request({ method: 'POST', url: `/api/v1/tokens/${body.token.id}/revoke` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toEqual(expect.any(String));
    expect((await t.request(body.secret, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await admin.request({ method: 'POST', url: `/api/v1/tokens/${body.token.id}/revoke` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'POST', url: '/api/v1/tokens/tok_000000000000/revoke' })).statusCode).toBe(404);
    // DELETE /tokens/:id revokes as well (the token stays listed, revoked)
    const other = CreatedTokenSchema.parse((await admin.request({ method: 'POST', url: '/api/v1/tokens', payload: { organisationId: 'fl', role: 'reporter' } })).json());
    expect((await t.request(other.secret, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/tokens/${other.token.id}`, csrf: false })).statusCode).toBe(403);
    const deleted = await admin.request({ method: 'DELETE', url: `/api/v1/tokens/${other.token.id}` });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ id: other.token.id, revokedAt: expect.any(String) });
    expect((await t.request(other.secret, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await admin.request({ method: 'DELETE', url: '/api/v1/tokens/tok_000000000000' })).statusCode).toBe(404);
    const userRow = UserListSchema.parse((await admin.request({ method: 'GET', url: '/api/v1/users' })).json()).users[0]!;
    expect((await admin.request({ method: 'POST', url: `/api/v1/tokens/${userRow.id}/revoke` })).statusCode).toBe(404);
    // an admin token manages as an admin session does
    const adminToken = await t.token('tjj', 'admin');
    expect((await t.request(adminToken, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
  });

  it('adds an organisation: listed at once, its id never reused', async () => {
    const organisation = { id: 'xczx', name: '新平县乡村振兴局', shortName: '乡村振兴局', nameEn: 'Rural Revitalisation Bureau', kind: 'department' as const };
    const added = await admin.request({ method: 'POST', url: '/api/v1/organisations', payload: organisation });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual(organisation);
    const list = (await admin.request({ method: 'GET', url: '/api/v1/organisations' })).json().organisations;
    expect(list).toContainEqual(organisation);
    const again = await admin.request({ method: 'POST', url: '/api/v1/organisations', payload: { ...organisation, name: '重复' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('organisation.idTaken');
    expect((await admin.request({ method: 'POST', url: '/api/v1/organisations', payload: { ...organisation, id: 'Bad Id' } })).statusCode).toBe(400);
    // the catalog knows it now: a user of it gets its (empty) completeness line and its template
    expect((await admin.request({ method: 'POST', url: '/api/v1/users', payload: { login: 'xczx-clerk', displayName: '振兴局', organisationId: 'xczx', role: 'reporter', password: 'Zhenxing-Passwort-1' } })).statusCode).toBe(201);
    expect(t.app.catalog.organisations.some((candidate) => candidate.id === 'xczx')).toBe(true);
  });

  it('what a signed-in user submits and reviews is recorded under their id (the audit trail and the versions)', async () => {
    await addUser(t, { login: 'wjj-submitter', organisationId: 'wjj', role: 'reporter', password: PASSWORD });
    await addUser(t, { login: 'tjj-reviewer', organisationId: 'tjj', role: 'bureau', password: PASSWORD });
    const clerk = await signIn(t, 'wjj-submitter', PASSWORD);
    const reviewer = await signIn(t, 'tjj-reviewer', PASSWORD);
    const document = acceptableDocument({ organisationId: 'wjj', year: 2023 });
    expect((await clerk.request({ method: 'POST', url: '/api/v1/submissions', payload: document, csrf: false })).json().error.code).toBe('auth.csrf');
    const receipt = await clerk.request({ method: 'POST', url: '/api/v1/submissions', payload: document });
    expect(receipt.statusCode).toBe(201);
    const id = receipt.json().submissionId as string;
    expect((await reviewer.request({ method: 'POST', url: `/api/v1/submissions/${id}/return`, payload: { comment: '请核对' } })).statusCode).toBe(200);
    const detail = (await reviewer.request({ method: 'GET', url: `/api/v1/submissions/${id}` })).json();
    const me = (await clerk.request({ method: 'GET', url: '/api/v1/me' })).json().tokenId;
    const them = (await reviewer.request({ method: 'GET', url: '/api/v1/me' })).json().tokenId;
    expect(me).toMatch(/^usr_/);
    expect(detail.history.map((event: { action: string; tokenId: string }) => [event.action, event.tokenId])).toEqual([['submitted', me], ['returned', them]]);
    // an admin's session reads no submissions (as an admin token)
    expect((await admin.request({ method: 'GET', url: `/api/v1/submissions/${id}` })).statusCode).toBe(403);
  });

  it('the OpenAPI document shows the session, users, tokens, organisations and template routes', async () => {
    const document = (await t.request(undefined, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/session/password', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/users/{id}/reset-password', '/api/v1/tokens', '/api/v1/tokens/{id}/revoke', '/api/v1/organisations', '/api/v1/templates/{plan}/{year}']));
    expect(document.paths['/api/v1/organisations'].post).toBeDefined();
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'xpm_session' });
  });
});
