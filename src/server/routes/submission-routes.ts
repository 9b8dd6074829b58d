import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdempotencyHeadersSchema,
  PreviousValuesQuerySchema,
  PreviousValuesSchema,
  ReceiptSchema,
  StoredValueSchema,
  SubmissionDetailSchema,
  SubmissionIdParamsSchema,
  SubmissionListQuerySchema,
  SubmissionListSchema,
  SubmissionVersionSchema,
} from '../../contract/api';
import { SubmissionDocumentSchema } from '../../contract/submission-document';
import type { AuthContext } from '../auth-context';
import type { SubmissionRow } from '../db/database';
import { ApiError } from '../errors';
import { listAuditEvents } from '../repositories/audit';
import { findSubmission, listSubmissions, listValues, listVersions } from '../repositories/submissions';
import { acceptSubmission } from '../services/accept-submission';
import { loadPreviousValues } from '../services/previous-values';
import { receiptOf, summaryOf } from '../services/receipts';
import { errorResponses } from './error-responses';
import { sendOutcome } from './idempotency-header';


/** POST/GET /submissions and GET /submissions/:id (with versions, receipt, values and history). */
export const submissionRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.post('/submissions', {
    schema: {
      summary: 'Submit a report (JSON)',
      description: 'The server parses and assesses every value again. Errors → 422; warnings need a note (说明) → 422 otherwise. Each accepted submission is a new version.',
      headers: IdempotencyHeadersSchema,
      body: SubmissionDocumentSchema,
      response: { 201: ReceiptSchema, 200: ReceiptSchema, ...errorResponses(400, 403, 409, 413, 415, 422, 503, 507) },
    },
  }, async (request, reply) => {
    const auth = request.auth as AuthContext;
    const outcome = await acceptSubmission(
      fastify.db,
      fastify.catalog,
      auth,
      { document: request.body, source: 'json', ...(request.headers['idempotency-key'] === undefined ? {} : { idempotencyKey: request.headers['idempotency-key'] }) },
      { storageQuotaBytes: fastify.limits.storageQuotaBytes },
    );
    return sendOutcome(reply, outcome);
  });

  fastify.get('/submissions', {
    schema: {
      summary: 'List submissions',
      description: 'Reporters see their own organisation only; the bureau sees all.',
      querystring: SubmissionListQuerySchema,
      response: { 200: SubmissionListSchema, ...errorResponses(400, 403) },
    },
  }, async (request) => {
    const auth = readerOf(request.auth);
    const { plan, year, org, status } = request.query;
    if (auth.role === 'reporter' && org !== undefined && org !== auth.organisationId) throw otherOrganisation(org);
    const organisationId = auth.role === 'reporter' ? auth.organisationId : org;
    const rows = await listSubmissions(fastify.db, {
      ...(plan === undefined ? {} : { plan }),
      ...(year === undefined ? {} : { year }),
      ...(organisationId === undefined ? {} : { organisationId }),
      ...(status === undefined ? {} : { status }),
    });
    return { submissions: rows.map(summaryOf) };
  });

  fastify.get('/submissions/previous-values', {
    schema: {
      summary: 'Last year\'s values of a plan and organisation, to prefill a template\'s 上年值',
      description:
        'The values of the organisation\'s report of year − 1: its approved version when the bureau approved it, else its current (latest) version (`source` says which version and its status; null when there is no such report). Numbers, ratios and yes/no only. Reporters read their own organisation (`org` may be left out); the bureau names one.',
      querystring: PreviousValuesQuerySchema,
      response: { 200: PreviousValuesSchema, ...errorResponses(400, 403) },
    },
  }, async (request) => {
    const auth = readerOf(request.auth);
    const { plan, year, org } = request.query;
    if (auth.role === 'reporter' && org !== undefined && org !== auth.organisationId) throw otherOrganisation(org);
    const organisationId = auth.role === 'reporter' ? auth.organisationId : org;
    if (organisationId === undefined) {
      throw new ApiError(400, 'request.invalid', '请用 org 参数指明要查询哪个单位的上年数据。', 'Name the organisation (query parameter org).', { field: 'querystring.org' });
    }
    return loadPreviousValues(fastify.db, { plan, year, organisationId });
  });

  fastify.get('/submissions/:id', {
    schema: {
      summary: 'One submission: every version\'s receipt, the current version\'s values, the audit trail',
      params: SubmissionIdParamsSchema,
      response: { 200: SubmissionDetailSchema, ...errorResponses(403, 404) },
    },
  }, async (request) => {
    const submission = await readable(request.auth, request.params.id);
    const [versions, values, history] = await Promise.all([
      listVersions(fastify.db, submission.id),
      listValues(fastify.db, submission.id, Number(submission.current_version)),
      listAuditEvents(fastify.db, submission.id),
    ]);
    return {
      ...summaryOf(submission),
      versions: versions.map((version) => receiptOf(submission, version)),
      values: values.map(storedValue),
      history: history.map((event) => ({
        action: event.action,
        version: event.version === null ? null : Number(event.version),
        at: event.at,
        tokenId: event.token_id,
        organisationId: event.organisation_id,
        role: event.role,
        comment: event.comment,
      })),
    };
  });

  fastify.get('/submissions/:id/versions/:version', {
    schema: {
      summary: 'One version of a submission: its receipt and values',
      params: SubmissionIdParamsSchema.extend({ version: z.coerce.number().int().min(1) }),
      response: { 200: SubmissionVersionSchema, ...errorResponses(403, 404) },
    },
  }, async (request) => {
    const submission = await readable(request.auth, request.params.id);
    const version = (await listVersions(fastify.db, submission.id)).find((item) => Number(item.version) === request.params.version);
    if (!version) throw new ApiError(404, 'submission.versionNotFound', `报表没有第 ${request.params.version} 版。`, `No version ${request.params.version}.`);
    const values = await listValues(fastify.db, submission.id, request.params.version);
    return { receipt: receiptOf(submission, version), values: values.map(storedValue) };
  });

  /**
   * The submission if the caller may read it. Another organisation's answers 404 exactly as a missing one:
   * a 403 would tell a reporter that the id exists and whose it is.
   */
  async function readable(auth: AuthContext | null, id: string): Promise<SubmissionRow> {
    const reader = readerOf(auth);
    const submission = await findSubmission(fastify.db, id);
    if (!submission || (reader.role === 'reporter' && submission.organisation_id !== reader.organisationId)) {
      throw new ApiError(404, 'submission.notFound', `没有编号为“${id}”的报表（或不属于本单位）。`, `No submission "${id}" (or not your organisation's).`);
    }
    return submission;
  }
};

/** Reporters and the bureau read submissions; admin tokens manage organisations and tokens only. */
function readerOf(auth: AuthContext | null): AuthContext {
  if (!auth || auth.role === 'admin') {
    throw new ApiError(403, 'auth.roleCannotRead', '管理员令牌只用于管理单位和令牌，不能查看报表。', 'Admin tokens cannot read submissions.');
  }
  return auth;
}

function otherOrganisation(organisationId: string): ApiError {
  return new ApiError(403, 'auth.otherOrganisation', `不能查看其他单位（${organisationId}）的报表。`, `Cannot read another organisation's (${organisationId}) submissions.`);
}

function storedValue(row: Awaited<ReturnType<typeof listValues>>[number]): z.infer<typeof StoredValueSchema> {
  const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));
  return {
    indicatorId: row.indicator_id,
    unitId: row.unit_id,
    value: json(row.raw_value),
    parsed: json(row.parsed),
    status: row.status,
    severity: row.severity as 'error' | 'warning' | 'info',
    note: row.note,
    previous: json(row.previous),
    baseline: json(row.baseline),
    other: json(row.other),
  };
}
