/**
 * The task pane's endpoint client against the real server (SQLite, loopback), through a fetch that enforces
 * CORS as a browser page at the add-in's origin would (browser-fetch.ts): every call below also proves the
 * server's CORS answer lets the pane make it and read what it needs (Idempotent-Replayed included).
 */
import { EndpointError, type EndpointClient } from '../../src/client/endpoint-client';
import type { SubmissionRefusal } from '../../src/contract/api';
import { createEndpointClient } from '../../src/client/http-endpoint-client';
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { seedCatalog } from '../../src/seed-catalog';
import { acceptableDocument } from '../server/helpers/submission-fixtures';
import { startTestApp, type TestApp } from '../server/helpers/test-app';
import { browserFetch, closedPortOrigin, startHttpServer, startSilentServer } from './browser-fetch';

const ADDIN = 'https://addin.example';

/** The EndpointError a promise rejects with (fails the test when it resolves or rejects with something else). */
async function failure(promise: Promise<unknown>): Promise<EndpointError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof EndpointError)) throw outcome.error;
  return outcome.error;
}

describe('the endpoint client against the real server', () => {
  let t: TestApp;
  let wjj: string;
  let bureau: string;
  let client: EndpointClient;
  const clientFor = (token: string, url = t.origin) => createEndpointClient({ url, token }, browserFetch(ADDIN), { pageOrigin: ADDIN });

  beforeAll(async () => {
    t = await startTestApp('sqlite', { ALLOWED_ORIGINS: `${ADDIN},https://other-addin.example` });
    [wjj, bureau] = await Promise.all([t.token('wjj'), t.token('tjj', 'bureau')]);
    client = clientFor(wjj);
  });
  afterAll(async () => t?.close());

  it('me(): who the token is', async () => {
    expect(await client.me()).toEqual({ tokenId: expect.stringMatching(/^tok_/), organisationId: 'wjj', role: 'reporter' });
    expect(await clientFor(bureau).me()).toMatchObject({ organisationId: 'tjj', role: 'bureau' });
  });

  it('catalogVersions(): the versions the server enforces, per plan', async () => {
    const catalog = seedCatalog();
    expect(await client.catalogVersions()).toEqual(new Map([['women', catalog.plans.women.catalogVersion], ['children', catalog.plans.children.catalogVersion]]));
  });

  it('submit: 201 with the receipt, the same key again is a replay (same receipt, nothing stored); findSubmission null before, the detail after', async () => {
    expect(await client.findSubmission('children', 2024, 'wjj')).toBeNull();
    const document = acceptableDocument({ organisationId: 'wjj', year: 2024, count: 6 });

    const first = await client.submit(document, 'key-2024-a');
    expect(first.replayed).toBe(false);
    expect(first.receipt).toMatchObject({ version: 1, plan: 'children', year: 2024, organisationId: 'wjj', status: 'submitted', source: 'json', counts: { values: 6 } });

    const again = await client.submit(document, 'key-2024-a');
    expect(again).toEqual({ receipt: first.receipt, replayed: true });

    const found = await client.findSubmission('children', 2024, 'wjj');
    expect(found).not.toBeNull();
    expect(found!.id).toBe(first.receipt.submissionId);
    expect(found!.versions.map((version) => version.version)).toEqual([1]);
    expect(found!.values).toHaveLength(6);
    expect(found!.history.map((event) => event.action)).toEqual(['submitted']);
    // another year and the other plan are not this one
    expect(await client.findSubmission('children', 2023, 'wjj')).toBeNull();
    expect(await client.findSubmission('women', 2024, 'wjj')).toBeNull();

    const second = await client.submit({ ...document, values: document.values.slice(0, 5) }, 'key-2024-b');
    expect(second).toMatchObject({ replayed: false, receipt: { submissionId: first.receipt.submissionId, version: 2 } });

    const reused = await failure(client.submit({ ...document, values: document.values.slice(0, 4) }, 'key-2024-a'));
    expect(reused).toMatchObject({ kind: 'conflict', options: { status: 409, code: 'idempotency.conflict', retryable: false } });
    expect(reused.zh).toContain('幂等键');
  });

  it('401: a wrong token and a missing one, with the server\'s own message', async () => {
    const wrong = await failure(clientFor('xpm_not-a-real-token').me());
    expect(wrong).toMatchObject({ kind: 'unauthorized', options: { status: 401, code: 'auth.invalidToken', retryable: false } });
    expect(wrong.zh).toContain('撤销');
    expect(wrong.en).toContain('revoked');

    const missing = await failure(clientFor('   ').catalogVersions());
    expect(missing).toMatchObject({ kind: 'unauthorized', options: { code: 'auth.missingToken' } });
    expect(missing.zh).toContain('令牌');
  });

  it('403: a token submitting or reading for another organisation', async () => {
    const submitted = await failure(client.submit(acceptableDocument({ organisationId: 'fegw', count: 2 }), 'key-other-org'));
    expect(submitted).toMatchObject({ kind: 'forbidden', options: { status: 403, code: 'auth.otherOrganisation', retryable: false } });
    expect(submitted.zh).toContain('fegw');
    expect(await failure(client.findSubmission('children', 2025, 'fegw'))).toMatchObject({ kind: 'forbidden', options: { status: 403 } });
    expect(await failure(clientFor(bureau).submit(acceptableDocument({ organisationId: 'tjj', count: 2 }), 'key-bureau'))).toMatchObject({ kind: 'forbidden', options: { code: 'auth.roleCannotSubmit' } });
  });

  it('409: a document of another catalog version, with what the server expects', async () => {
    const document: SubmissionDocument = { ...acceptableDocument({ organisationId: 'wjj', count: 2 }), catalogVersion: '2020.1' };
    const error = await failure(client.submit(document, 'key-old-catalog'));
    expect(error).toMatchObject({ kind: 'catalogVersion', options: { status: 409, code: 'catalog.versionMismatch', details: { expected: seedCatalog().plans.children.catalogVersion, received: '2020.1' }, retryable: false } });
    expect(error.zh).toContain('最新模板');
  });

  it('409: an approved report is locked', async () => {
    const document = acceptableDocument({ organisationId: 'wjj', year: 2022, count: 2 });
    const { receipt } = await client.submit(document, 'key-2022-a');
    expect((await t.request(bureau, { method: 'POST', url: `/api/v1/submissions/${receipt.submissionId}/approve`, payload: {} })).statusCode).toBe(200);
    const locked = await failure(client.submit({ ...document, values: document.values.slice(0, 1) }, 'key-2022-b'));
    expect(locked).toMatchObject({ kind: 'conflict', options: { status: 409, code: 'submission.locked' } });
    expect(locked.zh).toContain('锁定');
    expect((await client.findSubmission('children', 2022, 'wjj'))?.status).toBe('approved');
  });

  it('422: the findings are kept, by entry, parsed with the core schema', async () => {
    const document: SubmissionDocument = {
      ...acceptableDocument({ organisationId: 'wjj', year: 2021, count: 1 }),
      values: [{ indicatorId: 'C-HEA-04', value: '不知道' }],
    };
    const error = await failure(client.submit(document, 'key-invalid'));
    expect(error).toMatchObject({ kind: 'invalid', options: { status: 422, code: 'submission.invalid', retryable: false } });
    const details = error.options.details as SubmissionRefusal;
    expect(details.errors.length).toBeGreaterThan(0);
    expect(details.errors[0]).toMatchObject({ entryIndex: 0, indicatorId: 'C-HEA-04', severity: 'error', message: expect.any(String), messageEn: expect.any(String) });
    expect(details.notesRequired).toEqual([]);
    expect(error.zh).toMatch(/错误/);
  });

  it('400: a document the API schema refuses is `invalid`, with the server\'s message', async () => {
    const error = await failure(client.submit({ ...acceptableDocument({ organisationId: 'wjj', count: 1 }), year: 1999 } as SubmissionDocument, 'key-bad-year'));
    expect(error).toMatchObject({ kind: 'invalid', options: { status: 400, code: 'request.invalid' } });
  });

  it('a caller\'s abort is thrown as it is, not as an endpoint failure', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('stopped', 'AbortError'));
    await expect(client.me(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a path on the real server that is not its API is notOurServer (404)', async () => {
    const error = await failure(clientFor(wjj, `${t.origin}/tianbao`).me());
    expect(error).toMatchObject({ kind: 'notOurServer', options: { status: 404, retryable: false } });
    expect(error.zh).toContain(`${t.origin}/tianbao`);
  });
});

describe('the endpoint client against servers that are not this API', () => {
  let other: Awaited<ReturnType<typeof startHttpServer>>;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;
  beforeAll(async () => {
    other = await startHttpServer((request, response) => {
      const path = request.url ?? '';
      if (path.startsWith('/html/')) response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>欢迎</body></html>');
      else if (path.startsWith('/json/')) response.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
      else if (path.startsWith('/gateway/')) response.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      else if (path.startsWith('/limited/')) response.writeHead(429, { 'content-type': 'text/plain' }).end('slow down');
      else if (path.startsWith('/denied/')) response.writeHead(403, { 'content-type': 'text/html' }).end('<html>Forbidden</html>');
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    });
    silent = await startSilentServer();
  });
  afterAll(async () => {
    await other?.close();
    await silent?.close();
  });
  const at = (url: string, timeoutMs?: number) => createEndpointClient({ url, token: 'xpm_x' }, fetch, timeoutMs === undefined ? {} : { timeoutMs });

  it('HTML, plain 404 and foreign JSON are notOurServer, saying what came back', async () => {
    const html = await failure(at(`${other.origin}/html`).me());
    expect(html).toMatchObject({ kind: 'notOurServer', options: { status: 200, retryable: false } });
    expect(html.zh).toContain('网页');
    const missing = await failure(at(`${other.origin}/missing`).me());
    expect(missing).toMatchObject({ kind: 'notOurServer', options: { status: 404 } });
    expect(missing.zh).toContain('HTTP 404');
    const foreign = await failure(at(`${other.origin}/json`).catalogVersions());
    expect(foreign).toMatchObject({ kind: 'notOurServer', options: { status: 200 } });
  });

  it('a proxy\'s 502, 429 and 403 pages: server (retryable), rateLimited (retryable), forbidden', async () => {
    expect(await failure(at(`${other.origin}/gateway`).me())).toMatchObject({ kind: 'server', options: { status: 502, retryable: true } });
    expect(await failure(at(`${other.origin}/limited`).me())).toMatchObject({ kind: 'rateLimited', options: { status: 429, retryable: true } });
    const denied = await failure(at(`${other.origin}/denied`).me());
    expect(denied).toMatchObject({ kind: 'forbidden', options: { status: 403 } });
    expect(denied.zh).toContain('403');
  });

  it('a closed port is unreachable (retryable)', async () => {
    const error = await failure(at(await closedPortOrigin()).me());
    expect(error).toMatchObject({ kind: 'unreachable', options: { retryable: true } });
  });

  it('a server that never answers is a timeout after timeoutMs (retryable)', async () => {
    const started = Date.now();
    const error = await failure(at(silent.origin, 300).me());
    expect(error).toMatchObject({ kind: 'timeout', options: { retryable: true } });
    expect(error.zh).toContain('0.3 秒');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a caller\'s abort while waiting is the abort, not a timeout', async () => {
    const controller = new AbortController();
    const pending = at(silent.origin, 10_000).me(controller.signal);
    setTimeout(() => controller.abort(new DOMException('stopped', 'AbortError')), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a bad address and an http:// address from an https:// pane fail before anything is sent', async () => {
    const calls: string[] = [];
    const spy = (async (input: string | URL | Request) => {
      calls.push(String(input));
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await failure(createEndpointClient({ url: 'ftp://tianbao.example.gov.cn', token: 'x' }, spy).me())).toMatchObject({ kind: 'badUrl', options: { retryable: false } });
    expect(await failure(createEndpointClient({ url: '', token: 'x' }, spy).me())).toMatchObject({ kind: 'badUrl' });
    const mixed = await failure(createEndpointClient({ url: 'http://tianbao.example.gov.cn', token: 'x' }, spy, { pageOrigin: ADDIN }).me());
    expect(mixed).toMatchObject({ kind: 'mixedContent', options: { retryable: false } });
    expect(mixed.zh).toContain('https://');
    expect(calls).toEqual([]);
    // loopback is not mixed content for browsers: it is tried
    await failure(createEndpointClient({ url: 'http://localhost:3000', token: 'x' }, spy, { pageOrigin: ADDIN }).me());
    expect(calls).toEqual(['http://localhost:3000/api/v1/me']);
  });
});
