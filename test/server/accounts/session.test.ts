import { SessionInfoSchema } from '../../../src/contract/accounts';
import { deleteExpiredSessions } from '../../../src/server/repositories/sessions';
import { withTestApp } from '../helpers/test-app';
import { describeEachDialect } from '../helpers/test-database';
import { addUser, login, sessionCookieOf, signIn, TEST_COST, withCookie } from './account-fixtures';

// scrypt at its real cost (32 MiB, ~0.5 s on one core) and many sign-ins, on the 2 cores the whole suite shares
jest.setTimeout(60_000);

const PASSWORD = 'Richtig-Passwort-2025';

describeEachDialect('the web app\'s session: POST/GET/DELETE /api/v1/session', (dialect) => {
  /** The accounts' clock: real time plus what a test moved it by. */
  let offsetMs = 0;
  // many failures on purpose: the per-address budget is tested below on its own
  const t = withTestApp(dialect, { AUTH_FAILURES_PER_MINUTE: '1000' }, { app: { passwordCost: TEST_COST, now: () => new Date(Date.now() + offsetMs) } });
  beforeAll(async () => {
    await addUser(t, { login: 'Zhang.San', organisationId: 'wjj', role: 'reporter', password: PASSWORD, displayName: '张三' });
    await addUser(t, { login: 'li-si', organisationId: 'fl', role: 'reporter', password: PASSWORD });
    await addUser(t, { login: 'wang-wu', organisationId: 'fl', role: 'reporter', password: PASSWORD });
    await addUser(t, { login: 'zhao-liu', organisationId: 'fl', role: 'reporter', password: PASSWORD });
    await addUser(t, { login: 'tjj-admin', organisationId: 'tjj', role: 'admin', password: PASSWORD });
  });
  afterEach(() => {
    offsetMs = 0;
  });

  it('signs in (login in any case): the user, the organisation and a CSRF token; the cookie is HttpOnly, SameSite=Strict, Path=/, not Secure over HTTP', async () => {
    const response = await login(t, 'ZHANG.san', PASSWORD);
    expect(response.statusCode).toBe(200);
    const info = SessionInfoSchema.parse(response.json());
    expect(info.user).toMatchObject({ login: 'Zhang.San', displayName: '张三', organisationId: 'wjj', role: 'reporter', mustChangePassword: false, disabled: false, lockedUntil: null });
    expect(info.user.id).toMatch(/^usr_[0-9a-f]{16}$/);
    expect(info.organisation).toMatchObject({ id: 'wjj', kind: 'department' });
    expect(info.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(info)).not.toMatch(/scrypt|password_hash/);
    const cookie = response.headers['set-cookie'] ?? '';
    expect(cookie).toMatch(/^xpm_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    // only the SHA-256 of the cookie's secret is stored
    const secret = sessionCookieOf(response)!;
    const stored = await t.app.db.selectFrom('sessions').selectAll().where('user_id', '=', info.user.id).execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const again = await withCookie(t, secret, { method: 'GET', url: '/api/v1/session' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ user: { id: info.user.id }, csrfToken: info.csrfToken });
    // the existing routes see the user as the caller: its id where a token's would be
    expect((await withCookie(t, secret, { method: 'GET', url: '/api/v1/me' })).json()).toEqual({ tokenId: info.user.id, organisationId: 'wjj', role: 'reporter' });
    const submissions = await withCookie(t, secret, { method: 'GET', url: '/api/v1/submissions' });
    expect(submissions.statusCode).toBe(200);
  });

  it('the cookie is Secure when the trusted proxy says the browser came over HTTPS', async () => {
    const response = await login(t, 'li-si', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toMatch(/; Secure/i);
  });

  it('wrong password and unknown login: the same 401 and countdown; a disabled user is told so only with the right password', async () => {
    const wrong = await login(t, 'wang-wu', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'auth.invalidCredentials', message: '用户名或密码错误：还可尝试 4 次，连续 5 次错误将锁定账户 15 分钟。', details: { attemptsLeft: 4 } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await login(t, 'nobody-here', 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect((await login(t, 'wang-wu', 'not-the-password')).json().error.details).toEqual({ attemptsLeft: 3 });
    expect((await login(t, 'nobody-here', 'not-the-password')).json().error.details).toEqual({ attemptsLeft: 3 });
    // a success forgets the failures
    expect((await login(t, 'wang-wu', PASSWORD)).statusCode).toBe(200);
    expect((await login(t, 'wang-wu', 'not-the-password')).json().error.details).toEqual({ attemptsLeft: 4 });

    await t.app.db.updateTable('users').set({ disabled: 1 }).where('login', '=', 'zhao-liu').execute();
    expect((await login(t, 'zhao-liu', 'not-the-password')).json().error.code).toBe('auth.invalidCredentials');
    const disabled = await login(t, 'zhao-liu', PASSWORD);
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().error).toMatchObject({ code: 'auth.userDisabled', message: expect.stringContaining('此账户已停用') });
    await t.app.db.updateTable('users').set({ disabled: 0, failed_attempts: 0 }).where('login', '=', 'zhao-liu').execute();
  });

  it('locks after 5 wrong passwords in a row for 15 minutes (the right one refused too); an admin unlocks; the lock also ends by itself', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login(t, 'li-si', `wrong-${attempt}`)).statusCode).toBe(401);
    const locked = await login(t, 'li-si', 'wrong-5');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('auth.locked');
    expect(locked.json().error.message).toBe('账户已锁定：连续 5 次密码错误。请 15 分钟后再试，或请管理员解锁。');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    const right = await login(t, 'li-si', PASSWORD);
    expect(right.statusCode).toBe(423);
    // an unknown login locks the same way
    for (let attempt = 1; attempt <= 4; attempt++) expect((await login(t, 'ghost-user', `wrong-${attempt}`)).statusCode).toBe(401);
    expect((await login(t, 'ghost-user', 'wrong-5')).json().error.message).toBe(locked.json().error.message);

    const admin = await signIn(t, 'tjj-admin', PASSWORD);
    const users = (await admin.request({ method: 'GET', url: '/api/v1/users' })).json().users as { id: string; login: string; lockedUntil: string | null }[];
    const lisi = users.find((user) => user.login === 'li-si')!;
    expect(lisi.lockedUntil).toEqual(expect.any(String));
    const unlocked = await admin.request({ method: 'PUT', url: `/api/v1/users/${lisi.id}`, payload: { unlock: true } });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login(t, 'li-si', PASSWORD)).statusCode).toBe(200);

    // locked again; 16 minutes later the lock is over
    for (let attempt = 1; attempt <= 5; attempt++) await login(t, 'li-si', `wrong-${attempt}`);
    expect((await login(t, 'li-si', PASSWORD)).statusCode).toBe(423);
    offsetMs = 10 * 60_000;
    expect((await login(t, 'li-si', PASSWORD)).json().error.message).toContain('请 5 分钟后再试');
    offsetMs = 16 * 60_000;
    expect((await login(t, 'li-si', PASSWORD)).statusCode).toBe(200);
  });

  it('CSRF: with the cookie, a change needs the session\'s x-csrf-token and no cross-site Origin; a Bearer token needs neither', async () => {
    const browser = await signIn(t, 'tjj-admin', PASSWORD);
    const token = { method: 'POST' as const, url: '/api/v1/tokens', payload: { organisationId: 'wjj', role: 'reporter' as const, label: 'csrf test' } };
    for (const csrf of [false, 'x'.repeat(43), ''] as const) {
      const refused = await browser.request({ ...token, csrf });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toEqual({ code: 'auth.csrf', message: '页面已过期或请求来源不明：请刷新页面后重试。', messageEn: expect.any(String) });
    }
    const otherSession = await signIn(t, 'tjj-admin', PASSWORD);
    expect((await browser.request({ ...token, csrf: otherSession.csrf })).statusCode).toBe(403);
    const crossSite = await browser.request({ ...token, headers: { origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('auth.csrf');
    expect((await browser.request({ ...token, headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
    expect((await browser.request({ ...token, headers: { origin: t.origin, 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(201);
    expect((await browser.request(token)).statusCode).toBe(201);
    // an origin of ALLOWED_ORIGINS (by default the server's localhost origins) is this site too
    expect((await browser.request({ ...token, headers: { origin: 'http://localhost:3000' } })).statusCode).toBe(201);
    expect((await browser.request({ ...token, headers: { origin: 'http://localhost:3001' } })).statusCode).toBe(403);
    // reading needs no CSRF token
    expect((await browser.request({ method: 'GET', url: '/api/v1/tokens', csrf: false })).statusCode).toBe(200);
    // a sign-in from another site is refused too (login CSRF)
    expect((await login(t, 'tjj-admin', PASSWORD, { origin: 'https://evil.example' })).json().error.code).toBe('auth.csrf');

    const adminToken = await t.token('tjj', 'admin');
    expect((await t.request(adminToken, token)).statusCode).toBe(201);
    // a Bearer request is the token's, whatever cookie comes along
    const both = await t.request(adminToken, { ...token, headers: { cookie: `xpm_session=${browser.secret}` } });
    expect(both.statusCode).toBe(201);
  });

  it('sign-out ends the session (with the CSRF token) and clears the cookie', async () => {
    const browser = await signIn(t, 'Zhang.San', PASSWORD);
    expect((await browser.request({ method: 'DELETE', url: '/api/v1/session', csrf: false })).statusCode).toBe(403);
    const out = await browser.request({ method: 'DELETE', url: '/api/v1/session' });
    expect(out.statusCode).toBe(204);
    expect(out.headers['set-cookie']).toMatch(/^xpm_session=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/i);
    const after = await browser.request({ method: 'GET', url: '/api/v1/session' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.sessionExpired');
    // signing out without a session is no error
    expect((await t.request(undefined, { method: 'DELETE', url: '/api/v1/session' })).statusCode).toBe(204);
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);
  });

  it('a session ends after 8 idle hours, moves on while used, and ends 24 hours after sign-in however it is used', async () => {
    const browser = await signIn(t, 'Zhang.San', PASSWORD);
    offsetMs = 7 * 3_600_000;
    const used = await browser.request({ method: 'GET', url: '/api/v1/session' });
    expect(used.statusCode).toBe(200);
    expect(Date.parse(used.json().expiresAt)).toBeGreaterThan(Date.now() + 14.9 * 3_600_000);
    offsetMs = 14 * 3_600_000;
    expect((await browser.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    offsetMs = 21 * 3_600_000;
    expect((await browser.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    offsetMs = 24 * 3_600_000 + 1000;
    const absolute = await browser.request({ method: 'GET', url: '/api/v1/me' });
    expect(absolute.statusCode).toBe(401);
    expect(absolute.json().error).toMatchObject({ code: 'auth.sessionExpired', message: '登录已过期或已退出：请重新登录。' });
    expect(absolute.headers['set-cookie']).toMatch(/^xpm_session=;/);

    offsetMs = 0;
    const idle = await signIn(t, 'Zhang.San', PASSWORD);
    offsetMs = 8 * 3_600_000 - 60_000;
    expect((await idle.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
    offsetMs = 2 * 8 * 3_600_000;
    expect((await idle.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(401);

    // the hourly sweep forgets ended sessions and keeps the others
    const live = await signIn(t, 'wang-wu', PASSWORD);
    const before = await t.app.db.selectFrom('sessions').select('id').execute();
    const removed = await deleteExpiredSessions(t.app.db, new Date(Date.now() + offsetMs));
    expect(removed).toBeGreaterThanOrEqual(1);
    const after = await t.app.db.selectFrom('sessions').select('id').execute();
    expect(after.length).toBe(before.length - removed);
    expect((await live.request({ method: 'GET', url: '/api/v1/session' })).statusCode).toBe(200);
  });

  it('must change the password: every route but /session* answers 403 until the user chose a new one; other sessions end', async () => {
    await addUser(t, { login: 'new-clerk', organisationId: 'wjj', role: 'reporter', password: 'Given-By-Admin-1', mustChangePassword: true });
    const first = await signIn(t, 'new-clerk', 'Given-By-Admin-1');
    const second = await signIn(t, 'new-clerk', 'Given-By-Admin-1');
    const gated = await first.request({ method: 'GET', url: '/api/v1/me' });
    expect(gated.statusCode).toBe(403);
    expect(gated.json().error).toMatchObject({ code: 'auth.mustChangePassword', message: expect.stringContaining('请先修改密码') });
    expect((await first.request({ method: 'GET', url: '/api/v1/session' })).json().user.mustChangePassword).toBe(true);

    const wrong = await first.request({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'nope', newPassword: 'Mein-Neues-Passwort-1' } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('auth.wrongPassword');
    const short = await first.request({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'Given-By-Admin-1', newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('密码至少 10 个字符');
    expect((await first.request({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'Given-By-Admin-1', newPassword: 'Given-By-Admin-1' } })).json().error.code).toBe('auth.samePassword');
    expect((await first.request({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'Given-By-Admin-1', newPassword: 'x-new-clerk-2025' } })).json().error.code).toBe('auth.weakPassword');
    expect((await first.request({ method: 'POST', url: '/api/v1/session/password', csrf: false, payload: { currentPassword: 'Given-By-Admin-1', newPassword: 'Mein-Neues-Passwort-1' } })).statusCode).toBe(403);

    const changed = await first.request({ method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'Given-By-Admin-1', newPassword: 'Mein-Neues-Passwort-1' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect((await first.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await second.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect((await login(t, 'new-clerk', 'Given-By-Admin-1')).statusCode).toBe(401);
    expect((await login(t, 'new-clerk', 'Mein-Neues-Passwort-1')).statusCode).toBe(200);
    // a token has no password to change
    const token = await t.token('wjj');
    expect((await t.request(token, { method: 'POST', url: '/api/v1/session/password', payload: { currentPassword: 'a', newPassword: 'Mein-Neues-Passwort-2' } })).json().error.code).toBe('auth.noSession');
  });

  it('refuses a malformed sign-in with 400 in Chinese and a missing cookie with 401', async () => {
    const bad = await t.request(undefined, { method: 'POST', url: '/api/v1/session', payload: { login: 'a b', password: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('用户名应为');
    expect((await withCookie(t, 'not-a-session', { method: 'GET', url: '/api/v1/me' })).json().error.code).toBe('auth.sessionExpired');
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/me' })).json().error.code).toBe('auth.missingToken');
  });
});

describeEachDialect('failed sign-ins count against the address', (dialect) => {
  const t = withTestApp(dialect, { AUTH_FAILURES_PER_MINUTE: '3' }, { app: { passwordCost: TEST_COST } });
  beforeAll(async () => {
    await addUser(t, { login: 'sun-qi', organisationId: 'wjj', role: 'reporter', password: PASSWORD });
  });

  it('past AUTH_FAILURES_PER_MINUTE failures from one address, 429 — even for the right password — while tokens keep working', async () => {
    for (const name of ['guess-one', 'guess-two', 'guess-three']) expect((await login(t, name, 'wrong-password')).statusCode).toBe(401);
    const limited = await login(t, 'guess-four', 'wrong-password');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('auth.tooManyFailures');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const right = await login(t, 'sun-qi', PASSWORD);
    expect(right.statusCode).toBe(429);
    expect((await t.request(await t.token('wjj'), { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });
});

describeEachDialect('a sign-in rehashes a password stored at a lower cost', (dialect) => {
  // the server's own cost (OWASP's); the user's hash was made cheaper (as by an older release)
  const t = withTestApp(dialect);

  it('after the sign-in the stored hash carries the current cost and still verifies', async () => {
    const user = await addUser(t, { login: 'old-hash', organisationId: 'wjj', role: 'reporter', password: PASSWORD });
    expect(user.password_hash.startsWith(`scrypt$${TEST_COST.N}$${TEST_COST.r}$${TEST_COST.p}$`)).toBe(true);
    expect((await login(t, 'old-hash', PASSWORD)).statusCode).toBe(200);
    const stored = await t.app.db.selectFrom('users').select(['password_hash', 'password_changed_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash.startsWith('scrypt$32768$8$3$')).toBe(true);
    expect(stored.password_changed_at).toBe(user.password_changed_at);
    expect((await login(t, 'old-hash', PASSWORD)).statusCode).toBe(200);
    expect((await login(t, 'old-hash', 'not-the-password')).statusCode).toBe(401);
  });
});

describeEachDialect('a flood of sign-ins waits for a bounded number of hashes', (dialect) => {
  // one hash at a time at the real cost, nobody may wait: the sign-ins that arrive meanwhile are refused
  const t = withTestApp(dialect, { PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '0', AUTH_FAILURES_PER_MINUTE: '1000' });

  it('answers 503 auth.busy with Retry-After beyond the queue, and signs in again once the hashes are done', async () => {
    await addUser(t, { login: 'flooded', organisationId: 'wjj', role: 'reporter', password: PASSWORD });
    const answers = await Promise.all(Array.from({ length: 4 }, () => login(t, 'flooded', PASSWORD)));
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses).toContain(503);
    const busy = answers.find((answer) => answer.statusCode === 503)!;
    expect(busy.json().error).toMatchObject({ code: 'auth.busy', message: '登录请求过多，服务器正忙：请稍等几秒后再试。' });
    expect(busy.headers['retry-after']).toBe('5');
    expect((await login(t, 'flooded', PASSWORD)).statusCode).toBe(200);
  });
});
