import { z } from 'zod';
import type { PlanId } from '../core/catalog/indicator-schema';
import { ErrorResponseSchema, IdentitySchema, PlanSummarySchema, PreviousValuesSchema, ReceiptSchema, SubmissionDetailSchema, SubmissionListSchema, SubmissionRefusalSchema } from '../contract/api';
import type { SubmissionDocument } from '../contract/submission-document';
import { endpointFailureTexts, type EndpointFailureTexts } from './endpoint-failure-texts';
import { EndpointError, type EndpointClient, type EndpointFailure, type EndpointSettings, type TokenIdentity } from './endpoint-client';
import { API_BASE_PATH, isMixedContent, parseEndpointUrl } from './endpoint-url';

/** How long one call may take (request and answer) before it fails as `timeout`. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface EndpointClientOptions {
  /** Per call; default 30 s. */
  readonly timeoutMs?: number;
  /**
   * The origin the task pane is served from (`location.origin`). With it, an http:// endpoint from an
   * https:// pane fails at once as `mixedContent` (the browser would block it without a word).
   */
  readonly pageOrigin?: string;
}

/** GET /catalog, reading only what the client needs: each plan's catalog version (the rest is ignored). */
const CatalogVersionsSchema = z.object({ plans: z.array(PlanSummarySchema.pick({ plan: true, catalogVersion: true })) });

const ZH = endpointFailureTexts['zh-CN'];
const EN = endpointFailureTexts['en-US'];

/** An EndpointError whose texts come from the strings file, in both languages. */
export function endpointError(
  kind: EndpointFailure,
  text: (texts: EndpointFailureTexts) => string,
  options: { status?: number; code?: string; details?: unknown; retryable?: boolean } = {},
): EndpointError {
  return new EndpointError(kind, text(ZH), text(EN), { ...options, retryable: options.retryable ?? RETRYABLE.has(kind) });
}

/** Failures that may go away by themselves: the outbox keeps the submission and tries again. */
const RETRYABLE: ReadonlySet<EndpointFailure> = new Set(['unreachable', 'timeout', 'rateLimited', 'server']);

/**
 * The endpoint client over `fetch`: Bearer token, JSON, an `Idempotency-Key` on submissions, every answer
 * checked with the core's zod schemas, and every failure an {@link EndpointError} with a specific kind and
 * the server's own message when it sent one. An abort through the caller's signal is not a failure: the
 * abort reason is thrown as it is.
 *
 * A network failure (fetch's TypeError) is `unreachable` here: a browser gives no reason (DNS, refused
 * connection, certificate and CORS all look the same). `diagnoseConnection` tells them apart as far as a
 * browser allows.
 */
export function createEndpointClient(settings: EndpointSettings, fetchFn: typeof fetch, options: EndpointClientOptions = {}): EndpointClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const token = settings.token.trim();

  async function call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, init: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal | undefined } = {}): Promise<{ value: T; headers: Headers }> {
    const endpoint = parseEndpointUrl(settings.url);
    if (!endpoint.ok) throw endpointError('badUrl', (t) => t.badUrl(settings.url.trim()));
    const base = endpoint.url;
    if (isMixedContent(endpoint, options.pageOrigin)) {
      throw endpointError('mixedContent', (t) => t.mixedContent(base, options.pageOrigin ?? ''));
    }
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';

    const { signal } = init;
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    // a failure of the network (or of our own timer, or the caller's abort) while sending or reading
    const failed = (error: unknown): unknown => {
      if (timedOut) return endpointError('timeout', (t) => t.timeout(base, Math.round(timeoutMs / 100) / 10));
      if (signal?.aborted) return signal.reason ?? error;
      return endpointError('unreachable', (t) => t.networkFailed(base));
    };
    try {
      let response: Response;
      try {
        response = await fetchFn(`${base}${API_BASE_PATH}${path}`, {
          method,
          headers,
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          mode: 'cors',
          credentials: 'omit',
          cache: 'no-store',
          signal: controller.signal,
        });
      } catch (error) {
        throw failed(error);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw failed(error);
      }
      return { value: interpret(base, response, text, schema), headers: response.headers };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  return {
    async me(signal) {
      const { value } = await call('GET', '/me', IdentitySchema, { signal });
      return value satisfies TokenIdentity;
    },

    async catalogVersions(signal) {
      const { value } = await call('GET', '/catalog', CatalogVersionsSchema, { signal });
      return new Map<PlanId, string>(value.plans.map((plan) => [plan.plan, plan.catalogVersion]));
    },

    async submit(document: SubmissionDocument, idempotencyKey: string, signal?: AbortSignal) {
      const { value, headers } = await call('POST', '/submissions', ReceiptSchema, { body: document, headers: { 'idempotency-key': idempotencyKey }, signal });
      return { receipt: value, replayed: headers.get('idempotent-replayed')?.trim().toLowerCase() === 'true' };
    },

    async findSubmission(plan, year, organisationId, signal) {
      const query = new URLSearchParams({ plan, year: String(year), org: organisationId });
      const { value } = await call('GET', `/submissions?${query.toString()}`, SubmissionListSchema, { signal });
      const match = value.submissions.find((item) => item.plan === plan && item.year === year && item.organisationId === organisationId);
      if (!match) return null;
      return (await call('GET', `/submissions/${encodeURIComponent(match.id)}`, SubmissionDetailSchema, { signal })).value;
    },

    async previousValues(plan, year, organisationId, signal) {
      const query = new URLSearchParams({ plan, year: String(year), org: organisationId });
      return (await call('GET', `/submissions/previous-values?${query.toString()}`, PreviousValuesSchema, { signal })).value;
    },
  };
}

/** The answer as the schema's value, or the EndpointError it means. */
function interpret<T>(base: string, response: Response, text: string, schema: z.ZodType<T>): T {
  const status = response.status;
  const contentType = response.headers.get('content-type')?.toLowerCase() ?? '';
  const json = parseJson(text);

  if (status >= 200 && status < 300) {
    if (json === undefined) {
      const what = looksLikeHtml(contentType, text) ? 'html' : 'notJson';
      throw endpointError('notOurServer', (t) => t.notOurServer(base, t.answer[what]), { status });
    }
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) throw endpointError('notOurServer', (t) => t.notOurServer(base, t.answer.unexpected), { status, details: parsed.error.issues });
    return parsed.data;
  }

  const apiError = json === undefined ? undefined : ErrorResponseSchema.safeParse(json.value);
  const error = apiError?.success ? apiError.data.error : undefined;
  const kind = failureOf(status, error?.code);
  if (kind === 'notOurServer') {
    const html = json === undefined && looksLikeHtml(contentType, text);
    throw endpointError('notOurServer', (t) => t.notOurServer(base, html ? t.answer.statusHtml(status) : t.answer.status(status)), { status, ...(error ? { code: error.code } : {}) });
  }
  if (error) {
    // the server's own words: specific (which organisation, which version, how many errors) and actionable
    const details = kind === 'invalid' ? refusalOf(error.details) : error.details;
    throw new EndpointError(kind, error.message, error.messageEn, { status, code: error.code, ...(details === undefined ? {} : { details }), retryable: RETRYABLE.has(kind) });
  }
  throw endpointError(kind, (t) => fallbackText(t, kind, status), { status });
}

/** The kind of a non-2xx answer, from its status and (for 409) the API's error code. */
function failureOf(status: number, code: string | undefined): EndpointFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  // an /api/v1 route that does not exist: another server, or another version of this one
  if (status === 404 || status === 405 || status === 406) return 'notOurServer';
  if (status === 409) return code === 'catalog.versionMismatch' ? 'catalogVersion' : 'conflict';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'rateLimited';
  if (status === 400 || status === 415 || status === 422) return code === undefined ? 'notOurServer' : 'invalid';
  if (status >= 500) return 'server';
  return code === undefined ? 'notOurServer' : 'invalid';
}

function fallbackText(t: EndpointFailureTexts, kind: EndpointFailure, status: number): string {
  switch (kind) {
    case 'unauthorized':
      return t.unauthorized;
    case 'forbidden':
      return t.forbidden;
    case 'conflict':
    case 'catalogVersion':
      return t.conflict;
    case 'tooLarge':
      return t.tooLarge;
    case 'rateLimited':
      return t.rateLimited;
    case 'invalid':
      return t.invalid(status);
    default:
      return t.server(status);
  }
}

function refusalOf(details: unknown): unknown {
  const parsed = SubmissionRefusalSchema.safeParse(details);
  return parsed.success ? parsed.data : details;
}

function parseJson(text: string): { value: unknown } | undefined {
  if (text.trim() === '') return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function looksLikeHtml(contentType: string, text: string): boolean {
  return contentType.includes('html') || /^\s*<(?:!doctype|html|head|body)/i.test(text);
}
