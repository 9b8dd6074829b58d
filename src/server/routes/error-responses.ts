import { ErrorResponseSchema } from '../../contract/api';

/** The error answers a route documents in the OpenAPI document (all in the one error format). */
export function errorResponses(...codes: number[]): Record<number, typeof ErrorResponseSchema> {
  return Object.fromEntries([401, 429, ...codes].map((code) => [code, ErrorResponseSchema.describe(ERROR_TEXT[code] ?? 'Error')]));
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed JSON or a body that does not match the schema',
  401: 'Missing, invalid or revoked token',
  403: 'Another organisation\'s data, or a role that may not do this',
  404: 'No such submission',
  409: 'Idempotency-Key reused with another body, catalog version mismatch, approved (locked) submission, or a review conflict',
  413: 'Body too large (JSON 2 MiB, .xlsx 10 MiB)',
  415: 'Unsupported content type',
  422: 'The engine found errors, or warnings without a note (details list each entry)',
  429: 'Too many requests for this token',
  503: 'The database does not answer or cannot write, the disk is nearly full, or the server is overloaded (Retry-After)',
  507: 'The database cannot store the submission (disk full); nothing was stored',
};
