import { withTestApp, type TestApp } from './helpers/test-app';

describe('request floods are limited before authentication and body parsing count', () => {
  const t = withTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '5' });

  it('1,000 requests with bad tokens from one address: refused with 429 once the failures pass the limit', async () => {
    const statuses = new Map<number, number>();
    let last: ReturnType<TestApp['request']> extends Promise<infer R> ? R : never = undefined as never;
    for (let i = 0; i < 1000; i += 1) {
      last = await t.request(`xpm_guess${i}`, { method: 'GET', url: '/api/v1/submissions' });
      statuses.set(last.statusCode, (statuses.get(last.statusCode) ?? 0) + 1);
    }
    expect(statuses.get(401)).toBeLessThanOrEqual(30);
    expect(statuses.get(429)).toBeGreaterThanOrEqual(970);
    expect(last.json().error.code).toBe('auth.tooManyFailures');
    expect(last.json().error.message).toContain('身份验证失败次数过多');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // a valid token from the same address still works: the limit holds back guessing, not the office behind it
    const valid = await t.token('wjj');
    expect((await t.request(valid, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  }, 60_000);

  it('requests whose body cannot be parsed count against the token\'s rate limit', async () => {
    const token = await t.token('mzj');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await t.request(token, { method: 'POST', url: '/api/v1/submissions', payload: '{"plan": "children", ', headers: { 'content-type': 'application/json' } });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});

describe('a blocked event loop', () => {
  const t = withTestApp('sqlite', { MAX_EVENT_LOOP_DELAY_MS: '200' });

  it('requests are answered 503 with Retry-After while the loop lags, and served again once it recovers', async () => {
    const token = await t.token('wjj');
    expect((await t.request(token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    // block the loop for 1.5 s, as a runaway computation would
    const until = Date.now() + 1500;
    while (Date.now() < until) Math.sqrt(Math.random());
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await t.request(token, { method: 'GET', url: '/api/v1/me' });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error).toMatchObject({ code: 'server.overloaded' });
    expect(refused.json().error.message).toContain('负载过高');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    let served = false;
    for (let i = 0; i < 30 && !served; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      served = (await t.request(token, { method: 'GET', url: '/api/v1/me' })).statusCode === 200;
    }
    expect(served).toBe(true);
  });
});
