import { z } from 'zod';
import { ApiTokenListSchema, CreatedTokenSchema, SessionInfoSchema, UserListSchema, UserWithPasswordSchema } from '../../../src/contract/accounts';
import { OrganisationListSchema, ReceiptSchema, SubmissionDetailSchema, SubmissionListSchema, SubmissionVersionSchema } from '../../../src/contract/api';
import { CompletenessSchema, DeadlineSchema } from '../../../src/contract/monitoring';
import { createWebApi, WebApiError, type WebApi } from '../../../src/apps/web/web-api';
import { XLSX_CONTENT_TYPE } from '../../../src/apps/web/portal/QuickCheck';
import { portalCatalog, plansOf, quickCheck } from '../../../src/apps/web/portal/quick-check-engine';
import { withTestApp } from '../../server/helpers/test-app';
import { addUser, TEST_COST } from '../../server/accounts/account-fixtures';

/**
 * The web app's calls against the real server (SQLite): every path, method, body and answer schema the
 * shell, the admin pages and the portal use, through the same client (createWebApi) over a fetch that keeps
 * the session cookie as a browser on the same origin would.
 */

function browserFetch(origin: string): typeof fetch {
  let cookie: string | undefined;
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>), origin, 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}) };
    const response = await fetch(`${origin}${String(input)}`, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0] ?? '';
      cookie = pair.endsWith('=') ? undefined : pair;
    }
    return response;
  }) as typeof fetch;
}

async function failure(promise: Promise<unknown>): Promise<WebApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the web app\'s API calls against the real server', () => {
  const t = withTestApp('sqlite', { AUTH_FAILURES_PER_MINUTE: '1000' }, { app: { passwordCost: TEST_COST } });
  let adminApi: WebApi;
  let clerkApi: WebApi;

  beforeAll(async () => {
    await addUser(t, { login: 'admin', organisationId: 'tjj', role: 'admin', password: 'Admin-pass-2026' });
  });

  it('admin: no session (401) → login → session with its CSRF token; users, organisations, tokens; sign out', async () => {
    adminApi = createWebApi(browserFetch(t.origin));
    expect((await failure(adminApi.get('/session', SessionInfoSchema))).status).toBe(401);
    const wrong = await failure(adminApi.send('POST', '/session', { login: 'admin', password: 'wrong' }, SessionInfoSchema));
    expect(wrong.status).toBe(401);
    expect(wrong.zh).toMatch(/[\u4e00-\u9fff]/);
    const session = await adminApi.send('POST', '/session', { login: 'admin', password: 'Admin-pass-2026' }, SessionInfoSchema);
    adminApi.setCsrfToken(session.csrfToken);
    expect((await adminApi.get('/session', SessionInfoSchema)).user.login).toBe('admin');

    const organisations = await adminApi.get('/organisations', OrganisationListSchema);
    expect(organisations.organisations.some((organisation) => organisation.id === 'wjj')).toBe(true);
    await adminApi.send('POST', '/organisations', { id: 'test-org', name: '测试单位全称', shortName: '测试单位', nameEn: 'Test', kind: 'department' }, z.unknown());

    const created = await adminApi.send('POST', '/users', { login: 'wjj-clerk', displayName: '张三', organisationId: 'wjj', role: 'reporter' }, UserWithPasswordSchema);
    expect(created.password).toBeTruthy();
    const users = await adminApi.get('/users', UserListSchema);
    const clerk = users.users.find((user) => user.login === 'wjj-clerk');
    expect(clerk).toBeDefined();
    await adminApi.send('PUT', `/users/${clerk!.id}`, { disabled: true }, z.unknown());
    await adminApi.send('PUT', `/users/${clerk!.id}`, { disabled: false }, z.unknown());
    const reset = await adminApi.send('POST', `/users/${clerk!.id}/reset-password`, undefined, UserWithPasswordSchema);
    expect(reset.password).toBeTruthy();
    clerkPassword = reset.password!;

    const token = await adminApi.send('POST', '/tokens', { organisationId: 'wjj', role: 'reporter', label: '卫健局张三' }, CreatedTokenSchema);
    expect(token.secret).toBeTruthy();
    expect((await adminApi.get('/tokens', ApiTokenListSchema)).tokens.some((listed) => listed.id === token.token.id)).toBe(true);
    await adminApi.send('DELETE', `/tokens/${token.token.id}`, undefined, z.unknown());
    expect((await adminApi.get('/tokens', ApiTokenListSchema)).tokens.find((listed) => listed.id === token.token.id)?.revokedAt).not.toBeNull();

    await adminApi.send('DELETE', '/session', undefined, z.unknown());
    adminApi.setCsrfToken(null);
    expect((await failure(adminApi.get('/session', SessionInfoSchema))).status).toBe(401);
  });

  let clerkPassword = '';

  it('reporter: must change the password first, then the portal\'s calls: deadline, submissions, template, quick check, upload, versions', async () => {
    clerkApi = createWebApi(browserFetch(t.origin));
    const session = await clerkApi.send('POST', '/session', { login: 'wjj-clerk', password: clerkPassword }, SessionInfoSchema);
    expect(session.user.mustChangePassword).toBe(true);
    clerkApi.setCsrfToken(session.csrfToken);
    const wrongCurrent = await failure(clerkApi.send('POST', '/session/password', { currentPassword: 'not-it-at-all', newPassword: 'Clerk-new-pass-2026' }, z.unknown()));
    expect(wrongCurrent.status).not.toBe(401);
    await clerkApi.send('POST', '/session/password', { currentPassword: clerkPassword, newPassword: 'Clerk-new-pass-2026' }, z.unknown());
    expect((await clerkApi.get('/session', SessionInfoSchema)).user.mustChangePassword).toBe(false);

    const deadline = await clerkApi.get('/monitoring/children/2025/deadline', DeadlineSchema);
    expect(deadline.deadline).toBeNull();
    // which plans the organisation reports (its own line of the completeness, grants included)
    expect((await clerkApi.get('/monitoring/children/2025/completeness', CompletenessSchema)).expected).toContain('wjj');
    expect((await clerkApi.get('/submissions?plan=children&year=2025', SubmissionListSchema)).submissions).toEqual([]);

    const { blob, fileName } = await clerkApi.download('/templates/children/2025');
    expect(fileName).toMatch(/\.xlsx$/);
    const template = new Uint8Array(await blob.arrayBuffer());
    const catalog = portalCatalog(session.organisation);
    expect(plansOf(catalog, session.organisation)).toEqual(['women', 'children']);
    const checked = await quickCheck(template, catalog, 'wjj');
    expect(checked.ok).toBe(true);

    // an empty template is refused by the server with its Chinese reasons (nothing filled)
    const refused = await failure(clerkApi.sendFile('/submissions/upload', new Blob([template as unknown as BlobPart]), XLSX_CONTENT_TYPE, ReceiptSchema, { 'idempotency-key': 'web-test-1' }));
    expect(refused.status).toBe(422);
    expect(refused.zh).toMatch(/[\u4e00-\u9fff]/);
  }, 30_000);

  it('the answers of a stored submission parse with the schemas the portal uses', async () => {
    const token = await t.token('wjj');
    const { acceptableDocument } = await import('../../server/helpers/submission-fixtures');
    const document = acceptableDocument({ organisationId: 'wjj' });
    const stored = await t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: document });
    expect(stored.statusCode).toBeLessThan(300);
    const list = await clerkApi.get(`/submissions?plan=${document.plan}&year=${document.year}`, SubmissionListSchema);
    expect(list.submissions).toHaveLength(1);
    const detail = await clerkApi.get(`/submissions/${list.submissions[0]!.id}`, SubmissionDetailSchema);
    expect(detail.currentVersion).toBe(1);
    const version = await clerkApi.get(`/submissions/${detail.id}/versions/1`, SubmissionVersionSchema);
    expect(version.values.length).toBeGreaterThan(0);
  });
});
