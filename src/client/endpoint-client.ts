import { BilingualError } from '../core/i18n/message';
import type { PreviousValues, Receipt, SubmissionDetail } from '../contract/api';
import type { PlanId } from '../core/catalog/indicator-schema';
import type { Role, SubmissionDocument } from '../contract/submission-document';

/** Where the shared endpoint is and who the person is there (stored per user, never in the workbook). */
export interface EndpointSettings {
  /** The server's base URL, e.g. https://monitor.xinping.gov.cn (the client appends /api/v1/…). */
  readonly url: string;
  /** The person's token (xpm_…), created by the bureau with `indicators token create`. */
  readonly token: string;
}

/** Why a call to the endpoint failed, specific enough to tell the person what to do. */
export type EndpointFailure =
  | 'badUrl' // the URL is not an http(s) URL
  | 'mixedContent' // an http:// endpoint from the https:// task pane: the browser blocks it
  | 'unreachable' // DNS, refused connection, untrusted certificate: the browser does not say which
  | 'cors' // the server answers but does not allow this add-in's origin (ALLOWED_ORIGINS)
  | 'timeout'
  | 'notOurServer' // answers, but not with this API (404 on /api/v1, HTML, …)
  | 'unauthorized' // 401: token missing, wrong or revoked
  | 'forbidden' // 403: the token may not do this (another organisation, wrong role)
  | 'catalogVersion' // the server enforces another catalog version than the add-in's
  | 'conflict' // 409: e.g. approved (locked), idempotency key reused with another document
  | 'invalid' // 400/422: the server refused the document (details: findings)
  | 'tooLarge' // 413
  | 'rateLimited' // 429
  | 'server'; // 5xx or an unreadable answer

/** A failed call: a stable kind, Chinese and English text a clerk can act on, and whether retrying later may help. */
export class EndpointError extends BilingualError {
  constructor(
    readonly kind: EndpointFailure,
    zh: string,
    en: string,
    readonly options: {
      readonly status?: number;
      /** The API's error code (submission.invalid, auth.missingToken …) when it sent one. */
      readonly code?: string;
      readonly details?: unknown;
      /** Network down, 5xx, 429, timeout: the outbox keeps the submission and retries. */
      readonly retryable: boolean;
    },
  ) {
    super(zh, en);
  }
}

/** Who the token is (GET /api/v1/me). */
export interface TokenIdentity {
  readonly tokenId: string;
  readonly organisationId: string;
  readonly role: Role;
}

/** A stored version's receipt, and whether the server answered from its idempotency record. */
export interface SubmitResult {
  readonly receipt: Receipt;
  /** True when the same Idempotency-Key had already been stored: nothing new was stored. */
  readonly replayed: boolean;
}

/** The calls the task pane makes to the shared endpoint (/api/v1). Every answer is checked with the core's zod schemas. */
export interface EndpointClient {
  me(signal?: AbortSignal): Promise<TokenIdentity>;
  /** The catalog version the server enforces, per plan. */
  catalogVersions(signal?: AbortSignal): Promise<ReadonlyMap<PlanId, string>>;
  submit(document: SubmissionDocument, idempotencyKey: string, signal?: AbortSignal): Promise<SubmitResult>;
  /** The submission of a plan, year and organisation with its versions and history; null when none yet. */
  findSubmission(plan: PlanId, year: number, organisationId: string, signal?: AbortSignal): Promise<SubmissionDetail | null>;
  /** Last year's values of the organisation (its report of `year − 1`), to prefill the template of `year`. */
  previousValues(plan: PlanId, year: number, organisationId: string, signal?: AbortSignal): Promise<PreviousValues>;
}
