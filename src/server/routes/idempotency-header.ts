import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { SubmissionOutcome } from '../services/accept-submission';

/** The optional `Idempotency-Key` header: a client retrying the same submission sends the same key. */
export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional()
    .describe('Same key + same body → the original answer (header Idempotent-Replayed: true); same key + other body → 409. Scoped to the organisation.'),
});

/** Answers with the outcome of a submission; a replay carries `Idempotent-Replayed: true`. */
export function sendOutcome(reply: FastifyReply, outcome: SubmissionOutcome): FastifyReply {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.header('location', `/api/v1/submissions/${outcome.receipt.submissionId}`);
  return reply.code(outcome.statusCode).send(outcome.receipt);
}
