import type { z } from 'zod';
import { CSRF_HEADER } from '../../contract/accounts';
import { ErrorResponseSchema } from '../../contract/api';
import { BilingualError } from '../../core/i18n/message';

/** The API's base path, on the origin the web app is served from. */
export const WEB_API_BASE = '/api/v1';

/** A failed call: the HTTP status, the API's code, its Chinese and English message, its details. */
export class WebApiError extends BilingualError {
  constructor(
    readonly status: number,
    readonly code: string,
    zh: string,
    en: string,
    readonly details?: unknown,
  ) {
    super(zh, en);
  }
}

/** How the web app talks to the server: the session cookie (same origin) and, on changes, the CSRF token. */
export interface WebApi {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  /** POST of a file (e.g. an .xlsx) as the raw body with its content type. */
  sendFile<T>(path: string, file: Blob, contentType: string, schema: z.ZodType<T>, headers?: Record<string, string>): Promise<T>;
  /** A file the server generates (template, report): the bytes and the name from Content-Disposition. */
  download(path: string): Promise<{ blob: Blob; fileName: string | null }>;
  /** Set after sign-in (and cleared at sign-out): sent as the CSRF header on every change. */
  setCsrfToken(token: string | null): void;
}

/**
 * The web app's API client over `fetch`: paths under /api/v1 on the same origin, the session cookie sent by
 * the browser, answers checked with the contract's zod schemas, failures as {@link WebApiError} carrying the
 * server's own Chinese message (or a specific one for the network).
 */
export function createWebApi(fetchFn: typeof fetch = (...args) => fetch(...args)): WebApi {
  let csrfToken: string | null = null;

  async function request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> }): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
    let response: Response;
    try {
      response = await fetchFn(`${WEB_API_BASE}${path}`, { method, headers, body: init.body, credentials: 'same-origin' });
    } catch (error) {
      throw new WebApiError(0, 'network', '无法连接服务器：请检查网络后重试。', 'The server cannot be reached; check the network and retry.', error);
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  async function read<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    if (response.status === 204) return schema.parse(undefined);
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new WebApiError(response.status, 'answer.unreadable', '服务器的答复无法识别：请刷新页面；仍不行请联系管理员。', 'The server\u2019s answer could not be read; reload the page.', parsed.error.issues);
    return parsed.data;
  }

  return {
    async get(path, schema) {
      return read(await request('GET', path, {}), schema);
    },
    async send(method, path, body, schema) {
      const init = body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
      return read(await request(method, path, init), schema);
    },
    async sendFile(path, file, contentType, schema, headers = {}) {
      return read(await request('POST', path, { body: file, headers: { 'content-type': contentType, ...headers } }), schema);
    },
    async download(path) {
      const response = await request('GET', path, { headers: { accept: '*/*' } });
      const disposition = response.headers.get('content-disposition') ?? '';
      const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
      const plain = /filename="([^"]+)"/i.exec(disposition);
      const fileName = star?.[1] ? decodeURIComponent(star[1]) : (plain?.[1] ?? null);
      return { blob: await response.blob(), fileName };
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}

/** The API's error (its Chinese message), or a generic one naming the status. */
async function failure(response: Response): Promise<WebApiError> {
  const body = ErrorResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (body.success) {
    const { code, message, messageEn, details } = body.data.error;
    return new WebApiError(response.status, code, message, messageEn, details);
  }
  return new WebApiError(response.status, `http.${response.status}`, `服务器返回错误（HTTP ${response.status}），请稍后重试。`, `The server answered HTTP ${response.status}; retry later.`);
}
