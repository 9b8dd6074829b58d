/**
 * The endpoint's address as people type it, made into the base URL the client appends `/api/v1/…` to,
 * and the one check a browser makes before any request: an http:// address from an https:// page.
 * Pure (no fetch, no storage): the settings view, the client and the connection test share it.
 */

/** Why a typed address cannot be used. */
export type EndpointUrlProblem = 'empty' | 'notUrl' | 'notHttp';

export type ParsedEndpointUrl =
  | { readonly ok: true; readonly url: string; readonly origin: string; readonly protocol: 'http:' | 'https:'; readonly hostname: string }
  | { readonly ok: false; readonly problem: EndpointUrlProblem };

/** The API's base path on the server. */
export const API_BASE_PATH = '/api/v1';

/**
 * Trims, requires http(s), drops a query, a fragment, trailing slashes and a pasted `/api/v1` suffix
 * (the client appends it), and keeps a path prefix (a server behind a proxy at /tianbao).
 * `https://Tianbao.Example.gov.cn/api/v1/` → `https://tianbao.example.gov.cn`.
 */
export function parseEndpointUrl(text: string): ParsedEndpointUrl {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    // "tianbao.example.gov.cn" without a scheme: not guessed (http or https matters), but said so
    return { ok: false, problem: /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? 'notHttp' : 'notUrl' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, problem: 'notHttp' };
  if (parsed.username || parsed.password || parsed.hostname === '') return { ok: false, problem: 'notUrl' };
  let path = parsed.pathname.replace(/\/+$/, '');
  if (path.toLowerCase().endsWith(API_BASE_PATH)) path = path.slice(0, -API_BASE_PATH.length).replace(/\/+$/, '');
  return { ok: true, url: `${parsed.origin}${path}`, origin: parsed.origin, protocol: parsed.protocol, hostname: parsed.hostname };
}

/**
 * Loopback hosts: browsers treat http://localhost and http://127.0.0.1 as potentially trustworthy and do
 * not block them as mixed content (a development server), so only other hosts are refused up front.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** An http:// endpoint asked from an https:// page: the browser blocks the request (mixed content) without sending it. */
export function isMixedContent(endpoint: ParsedEndpointUrl & { ok: true }, pageOrigin: string | undefined): boolean {
  return pageOrigin !== undefined && pageOrigin.toLowerCase().startsWith('https:') && endpoint.protocol === 'http:' && !isLoopbackHost(endpoint.hostname);
}
