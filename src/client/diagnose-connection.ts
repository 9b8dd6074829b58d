import type { Catalog } from '../core/catalog/catalog';
import { PlanIdSchema, type PlanId } from '../core/catalog/indicator-schema';
import type { Organisation } from '../core/catalog/organisation-schema';
import type { CatalogVersionRow } from './endpoint-failure-texts';
import { EndpointError, type EndpointSettings, type TokenIdentity } from './endpoint-client';
import { API_BASE_PATH, isMixedContent, parseEndpointUrl } from './endpoint-url';
import { createEndpointClient, endpointError } from './http-endpoint-client';

/** The connection test's own limit per request: shorter than a submission's. */
export const DIAGNOSIS_TIMEOUT_MS = 15_000;

export interface ConnectionCheckOptions {
  readonly fetch: typeof fetch;
  /** The catalog shipped with the add-in (services.loadCatalog()): its versions must be the server's. */
  readonly catalog: Catalog;
  /** The origin the task pane is served from (`location.origin`): the one the server's CORS must allow. */
  readonly pageOrigin: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** What "测试连接" found: who the token is and that the versions match, or the one specific reason it cannot work. */
export type ConnectionDiagnosis =
  | {
      readonly ok: true;
      /** The normalised address that was tested. */
      readonly serverUrl: string;
      readonly identity: TokenIdentity;
      /** The token's organisation in the add-in's catalog (undefined: an organisation the server added later). */
      readonly organisation: Organisation | undefined;
      readonly versions: readonly CatalogVersionRow[];
      /** Only reporter tokens submit; a bureau token reads and reviews. */
      readonly canSubmit: boolean;
    }
  | { readonly ok: false; readonly error: EndpointError };

/**
 * The connection test, as far as a browser lets a page find out why a request failed:
 *
 * 1. the address itself (not http(s) → `badUrl`; http:// from the https:// pane → `mixedContent`, which the
 *    browser would block without a word);
 * 2. GET /api/v1/me with the token: 401 → `unauthorized`, 404 or HTML → `notOurServer`, no answer in time →
 *    `timeout`, an admin token → `forbidden`;
 * 3. when fetch fails with nothing but a TypeError, a `mode: 'no-cors'` probe of the same server: an (opaque)
 *    answer means the server is there and only CORS refused this pane's origin → `cors`; no answer either
 *    means `unreachable` (name not found, server down or certificate not trusted: the browser does not say
 *    which, and the message says so);
 * 4. GET /api/v1/catalog: every plan's catalog version must be the add-in's, else `catalogVersion`.
 *
 * An abort through `signal` is thrown as it is.
 */
export async function diagnoseConnection(settings: EndpointSettings, options: ConnectionCheckOptions): Promise<ConnectionDiagnosis> {
  const endpoint = parseEndpointUrl(settings.url);
  if (!endpoint.ok) return failure(endpointError('badUrl', (t) => t.badUrl(settings.url.trim())));
  const serverUrl = endpoint.url;
  if (isMixedContent(endpoint, options.pageOrigin)) return failure(endpointError('mixedContent', (t) => t.mixedContent(serverUrl, options.pageOrigin)));

  const timeoutMs = options.timeoutMs ?? DIAGNOSIS_TIMEOUT_MS;
  const client = createEndpointClient({ url: serverUrl, token: settings.token }, options.fetch, { timeoutMs, pageOrigin: options.pageOrigin });
  const explain = async (error: unknown): Promise<ConnectionDiagnosis> => {
    if (!(error instanceof EndpointError)) throw error;
    if (error.kind !== 'unreachable') return failure(error);
    const sameOrigin = endpoint.origin.toLowerCase() === options.pageOrigin.toLowerCase();
    // same origin: CORS is not involved, so a failure there is the network's
    const answered = !sameOrigin && (await probe(`${serverUrl}${API_BASE_PATH}/healthz`, options.fetch, timeoutMs, options.signal));
    return failure(
      answered
        ? endpointError('cors', (t) => t.cors(serverUrl, options.pageOrigin), { retryable: false })
        : endpointError('unreachable', (t) => t.unreachable(serverUrl)),
    );
  };

  let identity: TokenIdentity;
  try {
    identity = await client.me(options.signal);
  } catch (error) {
    return explain(error);
  }
  if (identity.role === 'admin') return failure(endpointError('forbidden', (t) => t.adminToken, { status: 200, code: 'auth.adminToken' }));

  let serverVersions: ReadonlyMap<PlanId, string>;
  try {
    serverVersions = await client.catalogVersions(options.signal);
  } catch (error) {
    return explain(error);
  }
  const versions: CatalogVersionRow[] = PlanIdSchema.options.map((plan) => ({
    plan,
    server: serverVersions.get(plan) ?? null,
    addin: options.catalog.plans[plan].catalogVersion,
  }));
  if (versions.some((row) => row.server !== row.addin)) {
    return failure(endpointError('catalogVersion', (t) => t.catalogVersion(versions), { code: 'catalog.versionMismatch', details: { plans: versions } }));
  }
  return {
    ok: true,
    serverUrl,
    identity,
    organisation: options.catalog.organisations.find((organisation) => organisation.id === identity.organisationId),
    versions,
    canSubmit: identity.role === 'reporter',
  };
}

function failure(error: EndpointError): ConnectionDiagnosis {
  return { ok: false, error };
}

/**
 * A request the browser sends without CORS (`mode: 'no-cors'`): its answer is opaque (no status, no body)
 * but it resolves whenever the server answered at all, and rejects when nothing came back. No token is sent.
 */
async function probe(url: string, fetchFn: typeof fetch, timeoutMs: number, signal: AbortSignal | undefined): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const forwardAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    await fetchFn(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: controller.signal });
    return true;
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    return false;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}
