import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SubmissionSummarySchema } from '../../core/submission/api-schema';
import { SafeTextSchema } from '../../core/submission/submission-schema';
import type { AuthContext } from '../auth-context';
import { reviewSubmission } from '../services/review-submission';
import { errorResponses } from './error-responses';

const IdParams = z.object({ id: SafeTextSchema.min(1).max(60) });
const VersionField = z.number().int().min(1).optional().describe('If given, must be the current version (approve what you have read).');

/** The statistics bureau's review: approve (locks), return with a comment (退回), reopen (unlocks). */
export const reviewRoutes: FastifyPluginAsyncZod = async (fastify) => {
  const responses = { 200: SubmissionSummarySchema, ...errorResponses(400, 403, 404, 409) };

  fastify.post('/submissions/:id/approve', {
    schema: { summary: 'Approve (locks the submission)', params: IdParams, body: z.object({ version: VersionField, comment: SafeTextSchema.max(2000).optional() }).strict().nullish(), response: responses },
  }, async (request) =>
    reviewSubmission(fastify.db, request.auth as AuthContext, request.params.id, 'approve', { ...(request.body?.version === undefined ? {} : { version: request.body.version }), ...(request.body?.comment ? { comment: request.body.comment } : {}) }),
  );

  fastify.post('/submissions/:id/return', {
    schema: {
      summary: 'Return to the organisation (退回) with a comment saying what to fix',
      params: IdParams,
      body: z.object({ comment: SafeTextSchema.trim().min(1, '退回时须填写退回意见 (comment)').max(2000), version: VersionField }).strict(),
      response: responses,
    },
  }, async (request) =>
    reviewSubmission(fastify.db, request.auth as AuthContext, request.params.id, 'return', { comment: request.body.comment, ...(request.body.version === undefined ? {} : { version: request.body.version }) }),
  );

  fastify.post('/submissions/:id/reopen', {
    schema: { summary: 'Reopen an approved submission (new versions accepted again)', params: IdParams, body: z.object({ comment: SafeTextSchema.max(2000).optional() }).strict().nullish(), response: responses },
  }, async (request) => reviewSubmission(fastify.db, request.auth as AuthContext, request.params.id, 'reopen', request.body?.comment ? { comment: request.body.comment } : {}));
};
