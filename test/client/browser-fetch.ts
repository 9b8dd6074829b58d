import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Node's fetch does not enforce CORS or mixed content: a browser does. This wraps Node's fetch so that it
 * behaves as a browser page at `pageOrigin` would, against whatever server answers — the real endpoint in
 * these tests, so its CORS configuration is what decides:
 *
 * - an http:// request from an https:// page to a host other than loopback is blocked (TypeError);
 * - a cross-origin request needing a preflight (a method other than GET/HEAD/POST, a header outside the
 *   CORS-safelisted ones, a non-simple Content-Type) first sends OPTIONS with Origin and
 *   Access-Control-Request-*, and fails with TypeError unless the answer allows the origin, the method and
 *   every header;
 * - the actual answer must carry Access-Control-Allow-Origin for the page (else TypeError: the page never
 *   sees the status or the body), and only CORS-safelisted and exposed response headers are readable;
 * - `mode: 'no-cors'` sends a simple request and resolves with an opaque answer (status 0, no headers, no
 *   body) whenever the server answered at all; rejects with TypeError when nothing answered;
 * - network failures are `TypeError('Failed to fetch')`, whatever the cause, as in Chromium.
 */
export function browserFetch(pageOrigin: string, realFetch: typeof fetch = fetch): typeof fetch & { readonly calls: BrowserCall[] } {
  const calls: BrowserCall[] = [];
  const failed = () => new TypeError('Failed to fetch');
  const send = async (url: URL, init: RequestInit): Promise<Response> => {
    try {
      return await realFetch(url, init);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw failed();
    }
  };

  const browser = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const mode = init.mode ?? 'cors';
    const headers = lowerCaseHeaders(init.headers);
    calls.push({ url: url.toString(), method, mode, headers });
    if (pageOrigin.startsWith('https:') && url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) throw failed();

    if (mode === 'no-cors') {
      if (!['GET', 'HEAD', 'POST'].includes(method)) throw failed();
      const response = await send(url, { method, headers: { origin: pageOrigin }, ...(init.signal ? { signal: init.signal } : {}) });
      await response.arrayBuffer().catch(() => undefined);
      return opaqueResponse();
    }

    const crossOrigin = url.origin !== pageOrigin;
    if (crossOrigin) {
      const unsafe = Object.entries(headers)
        .filter(([name, value]) => !safelistedRequestHeader(name, value))
        .map(([name]) => name)
        .sort();
      if (!['GET', 'HEAD', 'POST'].includes(method) || unsafe.length > 0) {
        const preflight = await send(url, {
          method: 'OPTIONS',
          headers: { origin: pageOrigin, 'access-control-request-method': method, ...(unsafe.length ? { 'access-control-request-headers': unsafe.join(',') } : {}) },
          ...(init.signal ? { signal: init.signal } : {}),
        });
        await preflight.arrayBuffer().catch(() => undefined);
        const allowedHeaders = list(preflight.headers.get('access-control-allow-headers'));
        const allowedMethods = list(preflight.headers.get('access-control-allow-methods'));
        if (
          preflight.status < 200 ||
          preflight.status > 299 ||
          !allowsOrigin(preflight.headers, pageOrigin) ||
          !(['GET', 'HEAD', 'POST'].includes(method) || allowedMethods.includes(method.toLowerCase())) ||
          !unsafe.every((name) => allowedHeaders.includes(name) || (allowedHeaders.includes('*') && name !== 'authorization'))
        ) {
          throw failed();
        }
      }
    }
    const response = await send(url, { ...init, headers: { ...headers, ...(crossOrigin ? { origin: pageOrigin } : {}) } });
    if (!crossOrigin) return response;
    if (!allowsOrigin(response.headers, pageOrigin)) {
      await response.arrayBuffer().catch(() => undefined);
      throw failed();
    }
    const exposed = list(response.headers.get('access-control-expose-headers'));
    const visible = new Headers();
    response.headers.forEach((value, name) => {
      if (SAFELISTED_RESPONSE_HEADERS.has(name) || exposed.includes(name)) visible.set(name, value);
    });
    const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: visible });
  };
  return Object.assign(browser as typeof fetch, { calls });
}

/** One request the page made (what the code under test asked the browser for). */
export interface BrowserCall {
  readonly url: string;
  readonly method: string;
  readonly mode: RequestMode;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a browser hands back for a `no-cors` request: status 0, nothing readable. */
export function opaqueResponse(): Response {
  return {
    type: 'opaque',
    status: 0,
    ok: false,
    statusText: '',
    redirected: false,
    url: '',
    headers: new Headers(),
    text: async () => '',
    json: async () => {
      throw new SyntaxError('opaque');
    },
    arrayBuffer: async () => new ArrayBuffer(0),
  } as unknown as Response;
}

const SAFELISTED_RESPONSE_HEADERS = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);

function safelistedRequestHeader(name: string, value: string): boolean {
  if (name === 'accept' || name === 'accept-language' || name === 'content-language') return true;
  if (name === 'content-type') return ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'].includes(value.split(';')[0]!.trim().toLowerCase());
  return false;
}

function allowsOrigin(headers: Headers, origin: string): boolean {
  const allowed = headers.get('access-control-allow-origin');
  return allowed === '*' || allowed === origin;
}

function list(header: string | null): string[] {
  return (header ?? '').split(',').map((item) => item.trim().toLowerCase()).filter(Boolean);
}

function lowerCaseHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    result[name.toLowerCase()] = value;
  });
  return result;
}

/** A small HTTP server answering with a handler: a server that is not this system's API. */
export async function startHttpServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server that accepts connections and never answers (for timeouts). */
export async function startSilentServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An address where nothing listens: a port that was free a moment ago. */
export async function closedPortOrigin(): Promise<string> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
