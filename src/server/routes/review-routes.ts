import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApproveRequestSchema, ReopenRequestSchema, ReturnRequestSchema, SubmissionIdParamsSchema, SubmissionSummarySchema } from '../../contract/api';
import type { AuthContext } from '../auth-context';
import { reviewSubmission } from '../services/review-submission';
import { errorResponses } from './error-responses';


/** The statistics bureau's review: approve (locks), return with a comment (退回), reopen (unlocks). */
export const reviewRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const responses = { 200: SubmissionSummarySchema, ...errorResponses(400, 403, 404, 409) };

  fastify.post('/submissions/:id/approve', {
    schema: { summary: 'Approve (locks the submission)', params: SubmissionIdParamsSchema, body: ApproveRequestSchema, response: responses },
  }, async (request) =>
    reviewSubmission(fastify.db, request.auth as AuthContext, request.params.id, 'approve', { ...(request.body?.version === undefined ? {} : { version: request.body.version }), ...(request.body?.comment ? { comment: request.body.comment } : {}) }),
  );

  fastify.post('/submissions/:id/return', {
    schema: {
      summary: 'Return to the organisation (退回) with a comment saying what to fix',
      params: SubmissionIdParamsSchema,
      body: ReturnRequestSchema,
      response: responses,
    },
  }, async (request) =>
    reviewSubmission(fastify.db, request.auth as AuthContext, request.params.id, 'return', { comment: request.body.comment, ...(request.body.version === undefined ? {} : { version: request.body.version }) }),
  );

  fastify.post('/submissions/:id/reopen', {
    schema: { summary: 'Reopen an approved submission (new versions accepted again)', params: SubmissionIdParamsSchema, body: ReopenRequestSchema, response: responses },
  }, async (request) => reviewSubmission(fastify.db, request.auth as AuthContext, request.params.id, 'reopen', request.body?.comment ? { comment: request.body.comment } : {}));
};
