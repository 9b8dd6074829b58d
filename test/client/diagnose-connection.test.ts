/**
 * "测试连接" against the real server (SQLite, loopback), with a fetch that behaves as a browser page at a
 * given origin (CORS, mixed content, opaque no-cors answers: browser-fetch.ts); and the decision logic alone
 * with a scripted fetch double that fails the way browsers fail.
 */
import { catalogVersion } from '../helpers/catalog-version';
import type { Catalog } from '../../src/core/catalog/catalog';
import { diagnoseConnection, type ConnectionDiagnosis } from '../../src/client/diagnose-connection';
import type { EndpointError } from '../../src/client/endpoint-client';
import { seedCatalog } from '../../src/seed-catalog';
import { send } from '../server/helpers/test-app';
import { withTestApp } from '../server/helpers/test-app';
import { browserFetch, closedPortOrigin, opaqueResponse, startHttpServer, startSilentServer } from './browser-fetch';

const ADDIN = 'https://addin.example';
const STRANGER = 'https://stranger.example';

function failed(diagnosis: ConnectionDiagnosis): EndpointError {
  if (diagnosis.ok) throw new Error(`expected a failure, got ${JSON.stringify(diagnosis)}`);
  return diagnosis.error;
}

/** The add-in's catalog with another version of the women's plan. */
function catalogWithWomenVersion(version: string): Catalog {
  const catalog = seedCatalog();
  return { ...catalog, plans: { ...catalog.plans, women: { ...catalog.plans.women, catalogVersion: version } } };
}

describe('the connection test against the real server', () => {
  const t = withTestApp('sqlite', { ALLOWED_ORIGINS: ADDIN });
  let wjj: string;
  beforeAll(async () => {
    wjj = await t.token('wjj');
  });

  const diagnose = (token: string, options: { url?: string; pageOrigin?: string; catalog?: Catalog } = {}) => {
    const pageOrigin = options.pageOrigin ?? ADDIN;
    return diagnoseConnection({ url: options.url ?? t.origin, token }, { fetch: browserFetch(pageOrigin), catalog: options.catalog ?? seedCatalog(), pageOrigin });
  };

  it('success: the organisation by name, the role, the server and matching versions', async () => {
    const diagnosis = await diagnose(wjj, { url: ` ${t.origin}/api/v1/ ` });
    expect(diagnosis).toMatchObject({
      ok: true,
      serverUrl: t.origin,
      identity: { organisationId: 'wjj', role: 'reporter' },
      organisation: { id: 'wjj', shortName: '卫健局' },
      canSubmit: true,
      versions: [
        { plan: 'women', server: catalogVersion('women'), addin: catalogVersion('women') },
        { plan: 'children', server: catalogVersion('children'), addin: catalogVersion('children') },
      ],
    });
  });

  it('a bureau token connects but cannot submit; an admin token is refused', async () => {
    expect(await diagnose(await t.token('tjj', 'bureau'))).toMatchObject({ ok: true, identity: { role: 'bureau' }, canSubmit: false });
    const admin = failed(await diagnose(await t.token('tjj', 'admin')));
    expect(admin.kind).toBe('forbidden');
    expect(admin.zh).toContain('管理员令牌');
  });

  it('401: a wrong token', async () => {
    const error = failed(await diagnose('xpm_wrong'));
    expect(error).toMatchObject({ kind: 'unauthorized', options: { status: 401 } });
    expect(error.zh).toContain('撤销');
  });

  it('version: the server enforces another catalog version than the add-in\'s → 版本不一致, both named', async () => {
    const error = failed(await diagnose(wjj, { catalog: catalogWithWomenVersion('2025.9') }));
    expect(error.kind).toBe('catalogVersion');
    expect(error.options.details).toEqual({
      plans: [
        { plan: 'women', server: catalogVersion('women'), addin: '2025.9' },
        { plan: 'children', server: catalogVersion('children'), addin: catalogVersion('children') },
      ],
    });
    expect(error.zh).toContain('版本不一致');
    expect(error.zh).toContain(`妇女发展规划 ${catalogVersion('women')}`);
    expect(error.zh).toContain('妇女发展规划 2025.9');
    expect(error.en).toMatch(/update the add-in/i);
  });

  it('CORS: from an origin the server does not allow, the server is found reachable and the origin is named for ALLOWED_ORIGINS', async () => {
    const error = failed(await diagnose(wjj, { pageOrigin: STRANGER }));
    expect(error).toMatchObject({ kind: 'cors', options: { retryable: false } });
    expect(error.zh).toContain(STRANGER);
    expect(error.zh).toContain('ALLOWED_ORIGINS');
    expect(error.en).toContain(STRANGER);
  });

  it('the server\'s CORS answers: a preflight from the allowed origin is allowed (token, JSON, Idempotency-Key), from another origin not', async () => {
    const preflight = (origin: string) =>
      send(t.origin, {
        method: 'OPTIONS',
        url: '/api/v1/submissions',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
    const allowed = await preflight(ADDIN);
    expect(allowed.statusCode).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe(ADDIN);
    expect(allowed.headers['access-control-allow-headers']?.toLowerCase().split(/\s*,\s*/)).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    const refused = await preflight(STRANGER);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const answer = await send(t.origin, { method: 'GET', url: '/api/v1/me', headers: { origin: ADDIN, authorization: `Bearer ${wjj}` } });
    expect(answer.headers['access-control-allow-origin']).toBe(ADDIN);
    expect(answer.headers['access-control-expose-headers']?.toLowerCase()).toContain('idempotent-replayed');
  });

  it('unreachable: nothing listens there → the honest list of causes and the address to open in a browser', async () => {
    const origin = await closedPortOrigin();
    const error = failed(await diagnose(wjj, { url: origin }));
    expect(error).toMatchObject({ kind: 'unreachable', options: { retryable: true } });
    expect(error.zh).toContain('证书');
    expect(error.zh).toContain('浏览器不会告诉');
    expect(error.zh).toContain(`${origin}/api/v1/healthz`);
  });

  it('mixed content: an http:// server from the https:// pane is refused before any request', async () => {
    const fetchFn = browserFetch(ADDIN);
    const error = failed(await diagnoseConnection({ url: 'http://tianbao.example.gov.cn', token: wjj }, { fetch: fetchFn, catalog: seedCatalog(), pageOrigin: ADDIN }));
    expect(error.kind).toBe('mixedContent');
    expect(error.zh).toContain('https://');
    expect(fetchFn.calls).toEqual([]);
  });

  it('a bad address: badUrl', async () => {
    expect(failed(await diagnose(wjj, { url: 'tianbao.example.gov.cn' })).kind).toBe('badUrl');
    expect(failed(await diagnose(wjj, { url: '' })).kind).toBe('badUrl');
  });

  it('not this API: a web page, or a path of the server that is not /api/v1', async () => {
    // a permissive web server (CORS open to all, as some portals are): the browser lets the pane read its page.
    // One without CORS headers is reported as `cors`, whose message also asks to check the address.
    const web = await startHttpServer((request, response) => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, accept', 'access-control-allow-methods': 'GET' };
      if (request.method === 'OPTIONS') response.writeHead(204, cors).end();
      else response.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<!doctype html><title>门户网站</title>');
    });
    try {
      const error = failed(await diagnose(wjj, { url: web.origin }));
      expect(error.kind).toBe('notOurServer');
      expect(error.zh).toContain('网页');
    } finally {
      await web.close();
    }
    expect(failed(await diagnose(wjj, { url: `${t.origin}/v2` })).kind).toBe('notOurServer');
  });

  it('timeout: a server that never answers', async () => {
    const silent = await startSilentServer();
    try {
      const error = failed(await diagnoseConnection({ url: silent.origin, token: wjj }, { fetch, catalog: seedCatalog(), pageOrigin: ADDIN, timeoutMs: 300 }));
      expect(error).toMatchObject({ kind: 'timeout', options: { retryable: true } });
    } finally {
      await silent.close();
    }
  });
});

describe('the connection test\'s decisions with a fetch that fails as browsers do', () => {
  const catalog = seedCatalog();
  /** A browser whose CORS request fails (TypeError) and whose no-cors probe behaves as told. */
  function scripted(probe: 'opaque' | 'fails') {
    const calls: { url: string; mode: RequestMode | undefined; authorization: string | null }[] = [];
    const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), mode: init?.mode, authorization: new Headers(init?.headers).get('authorization') });
      if (init?.mode === 'no-cors' && probe === 'opaque') return opaqueResponse();
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    return { fetchFn, calls };
  }

  it('the request fails, the no-cors probe gets an opaque answer → cors; the probe carries no token', async () => {
    const { fetchFn, calls } = scripted('opaque');
    const error = failed(await diagnoseConnection({ url: 'https://tianbao.example.gov.cn/', token: 'xpm_secret' }, { fetch: fetchFn, catalog, pageOrigin: ADDIN }));
    expect(error.kind).toBe('cors');
    expect(error.zh).toContain(`把 ${ADDIN} 加入服务器的 ALLOWED_ORIGINS`);
    expect(calls).toEqual([
      { url: 'https://tianbao.example.gov.cn/api/v1/me', mode: 'cors', authorization: 'Bearer xpm_secret' },
      { url: 'https://tianbao.example.gov.cn/api/v1/healthz', mode: 'no-cors', authorization: null },
    ]);
  });

  it('both fail → unreachable (DNS, server down or certificate: not told apart)', async () => {
    const { fetchFn, calls } = scripted('fails');
    const error = failed(await diagnoseConnection({ url: 'https://tianbao.example.gov.cn', token: 'xpm_secret' }, { fetch: fetchFn, catalog, pageOrigin: ADDIN }));
    expect(error.kind).toBe('unreachable');
    expect(calls.map((call) => call.mode)).toEqual(['cors', 'no-cors']);
  });

  it('the pane\'s own origin: CORS is not involved, so no probe and unreachable', async () => {
    const { fetchFn, calls } = scripted('opaque');
    const error = failed(await diagnoseConnection({ url: ADDIN, token: 'xpm_secret' }, { fetch: fetchFn, catalog, pageOrigin: ADDIN }));
    expect(error.kind).toBe('unreachable');
    expect(calls).toHaveLength(1);
  });

  it('an abort while testing is thrown as it is', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('stopped', 'AbortError'));
    const { fetchFn } = scripted('opaque');
    await expect(diagnoseConnection({ url: 'https://tianbao.example.gov.cn', token: 'x' }, { fetch: fetchFn, catalog, pageOrigin: ADDIN, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
