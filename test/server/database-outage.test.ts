import { acceptableDocument } from './helpers/submission-fixtures';
import { startFreezableProxy, type FreezableProxy } from './helpers/freezable-proxy';
import { postgresSkipped } from './helpers/test-database';
import { startTestApp, type TestApp, type TestResponse } from './helpers/test-app';

const describePostgres = postgresSkipped() ? describe.skip : describe;

/** The answer and how long it took (the request is aborted after `limitMs`). */
async function timed(call: () => Promise<TestResponse>): Promise<{ response?: TestResponse; ms: number; error?: unknown }> {
  const started = Date.now();
  try {
    const response = await call();
    return { response, ms: Date.now() - started };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

describePostgres('a frozen PostgreSQL (no answers, no resets)', () => {
  let t: TestApp;
  let proxy: FreezableProxy;
  let wjj: string;
  beforeAll(async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await startFreezableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    t = await startTestApp('postgres', {}, { through: (databaseUrl) => {
      const proxied = new URL(databaseUrl);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      return proxied.toString();
    } });
    wjj = await t.token('wjj');
  });
  afterAll(async () => {
    proxy?.thaw();
    await t?.close();
    await proxy?.close();
  });

  it('API calls answer 503 with Retry-After within seconds instead of hanging; /healthz says so; service resumes after the thaw', async () => {
    expect((await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', year: 2025, count: 5 }) })).statusCode).toBe(201);
    proxy.freeze();
    const calls = await Promise.all([
      timed(() => t.request(wjj, { method: 'GET', url: '/api/v1/submissions' })),
      timed(() => t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', year: 2024, count: 5 }) })),
      timed(() => t.request(undefined, { method: 'GET', url: '/healthz' })),
    ]);
    for (const call of calls) {
      expect(call.error).toBeUndefined();
      expect(call.response?.statusCode).toBe(503);
      expect(call.ms).toBeLessThan(8000);
    }
    const [list] = calls;
    expect(list!.response!.json().error.code).toMatch(/^server\.database/);
    expect(list!.response!.json().error.message).toContain('数据库');
    expect(Number(list!.response!.headers['retry-after'])).toBeGreaterThan(0);
    // once the health check has seen the outage, further calls are refused at once
    const fast = await timed(() => t.request(wjj, { method: 'GET', url: '/api/v1/submissions' }));
    expect(fast.response?.statusCode).toBe(503);
    expect(fast.ms).toBeLessThan(1000);

    proxy.thaw();
    let recovered = false;
    for (let i = 0; i < 40 && !recovered; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      recovered = (await t.request(wjj, { method: 'GET', url: '/api/v1/submissions' })).statusCode === 200;
    }
    expect(recovered).toBe(true);
    expect((await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: acceptableDocument({ organisationId: 'wjj', year: 2023, count: 5 }) })).statusCode).toBe(201);
  }, 60_000);
});
