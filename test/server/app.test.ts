import { catalogVersion } from '../helpers/catalog-version';
import { describeEachDialect } from './helpers/test-database';
import { send, withTestApp } from './helpers/test-app';

describeEachDialect('the app', (dialect) => {
  const t = withTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '5', ALLOWED_ORIGINS: 'https://addin.example:3000' });
  let wjj: string;
  beforeAll(async () => {
    wjj = await t.token('wjj');
  });

  it('GET /healthz and /api/v1/healthz answer without a token, checking the database', async () => {
    for (const url of ['/healthz', '/api/v1/healthz']) {
      const response = await t.request(undefined, { method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', database: dialect === 'sqlite' ? 'sqlite' : 'postgresql', storage: { writable: true } });
      if (dialect === 'sqlite') expect(response.json().storage.freeBytes).toBeGreaterThan(0);
    }
  });

  it('GET /api/v1/openapi.json describes the API, without a token', async () => {
    const response = await t.request(undefined, { method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/submissions', '/api/v1/submissions/upload', '/api/v1/submissions/{id}', '/api/v1/submissions/{id}/approve', '/api/v1/catalog', '/api/v1/healthz']));
    expect(document.paths['/api/v1/submissions'].post.requestBody.content['application/json'].schema.properties.values).toBeDefined();
  });

  it('GET /api/v1/catalog: the catalog version the server enforces', async () => {
    const response = await t.request(wjj, { method: 'GET', url: '/api/v1/catalog' });
    expect(response.json().plans).toEqual([
      expect.objectContaining({ plan: 'women', catalogVersion: catalogVersion('women'), indicatorCount: 141 }),
      expect.objectContaining({ plan: 'children', catalogVersion: catalogVersion('children'), indicatorCount: 127 }),
    ]);
    const children = (await t.request(wjj, { method: 'GET', url: '/api/v1/catalog/children' })).json();
    expect(children.indicators).toHaveLength(127);
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/catalog' })).statusCode).toBe(401);
  });

  it('serves the task pane and the manifest; unknown paths are 404 in the error format', async () => {
    const manifest = await t.request(undefined, { method: 'GET', url: '/manifest.xml' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toContain('xml');
    expect(manifest.body).toContain('<OfficeApp');
    const missing = await t.request(wjj, { method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('没有这个地址');
    const outside = await t.request(undefined, { method: 'GET', url: '/..%2fpackage.json' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('notFound');
    // a "%" in a file name (already decoded by the router) is a missing file, not a server error
    const percent = await t.request(undefined, { method: 'GET', url: '/a%25b.js' });
    expect(percent.statusCode).toBe(404);
  });

  it('CORS: only the configured origin of the add-in', async () => {
    const allowed = await send(t.origin, { method: 'OPTIONS', url: '/api/v1/submissions', headers: { origin: 'https://addin.example:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://addin.example:3000');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/i);
    const foreign = await send(t.origin, { method: 'OPTIONS', url: '/api/v1/submissions', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('429: more requests per minute than the limit, per token, with a Chinese message', async () => {
    const [limitedToken, other] = await Promise.all([t.token('wjj'), t.token('mzj')]);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await t.request(limitedToken, { method: 'GET', url: '/api/v1/submissions' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await t.request(limitedToken, { method: 'GET', url: '/api/v1/submissions' });
    expect(limited.json().error).toMatchObject({ code: 'request.rateLimited' });
    expect(limited.json().error.message).toContain('请求过于频繁');
    expect(limited.headers['retry-after']).toBeDefined();
    // another token has its own budget; health checks are never limited
    expect((await t.request(other, { method: 'GET', url: '/api/v1/submissions' })).statusCode).toBe(200);
    expect((await t.request(undefined, { method: 'GET', url: '/api/v1/healthz' })).statusCode).toBe(200);
  });
});
