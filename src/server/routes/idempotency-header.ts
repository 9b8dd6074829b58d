import type { FastifyReply } from 'fastify';
import type { SubmissionOutcome } from '../services/accept-submission';

/** Answers with the outcome of a submission; a replay carries `Idempotent-Replayed: true`. */
export function sendOutcome(reply: FastifyReply, outcome: SubmissionOutcome): FastifyReply {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.header('location', `/api/v1/submissions/${outcome.receipt.submissionId}`);
  return reply.code(outcome.statusCode).send(outcome.receipt);
}
