import { z } from 'zod';
import { PlanIdSchema, PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from '../core/catalog/indicator-schema';
import { OrganisationSchema } from '../core/catalog/organisation-schema';
import { FIELDS, SEVERITIES } from '../core/i18n/message';
import { AuditActionSchema, RoleSchema, SafeTextSchema, SubmissionSourceSchema, SubmissionStatusSchema } from './submission-document';

/**
 * The shared endpoint's API beside the submission document: what it answers and the small requests it
 * takes, as zod schemas. The server validates and documents (OpenAPI) with them, the clients (the add-in, the
 * web app) read answers with the same definitions — one place, no copy on either side.
 */

export const FieldSchema = z.enum(FIELDS);
export const SeveritySchema = z.enum(SEVERITIES);

/** One problem of a refused submission, tied to its entry. */
export const FindingSchema = z.object({
  entryIndex: z.number().int().optional(),
  cell: z.string().optional().describe('For an uploaded template: the cell (A1) the finding is about.'),
  sheet: z.string().optional(),
  indicatorId: z.string().optional(),
  unitId: z.string().optional(),
  field: FieldSchema.optional(),
  code: z.string(),
  severity: SeveritySchema,
  message: z.string().describe('zh-CN'),
  messageEn: z.string(),
});

/** The one error format of the API: a stable code, a Chinese message a clerk can act on, English, details. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable, for programs, e.g. submission.invalid, auth.missingToken.'),
    message: z.string().describe('zh-CN: what is wrong and what to do.'),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** Counts of a stored version, by the server's own verdicts. */
export const ValueCountsSchema = z.object({
  values: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  notYetDue: z.number().int().default(0).describe('Short of a target whose year has not come (未到期): not a miss. Absent from receipts stored before it existed.'),
  noData: z.number().int(),
  invalid: z.number().int(),
  notAssessable: z.number().int(),
  warnings: z.number().int().describe('Entries accepted with a warning and its 说明.'),
});
export type ValueCounts = z.infer<typeof ValueCountsSchema>;

/** The receipt of one stored version: what the organisation keeps as proof of what it sent. */
export const ReceiptSchema = z.object({
  submissionId: z.string(),
  version: z.number().int(),
  plan: PlanIdSchema,
  year: z.number().int(),
  organisationId: z.string(),
  status: SubmissionStatusSchema,
  receivedAt: z.string().describe('ISO 8601, UTC.'),
  source: SubmissionSourceSchema,
  catalogVersion: z.string(),
  templateVersion: z.number().int(),
  counts: ValueCountsSchema,
  bodySha256: z.string().describe('SHA-256 (hex) of the stored document (canonical JSON).'),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** A submission (one plan, year and organisation) as listed. */
export const SubmissionSummarySchema = z.object({
  id: z.string(),
  plan: PlanIdSchema,
  year: z.number().int(),
  organisationId: z.string(),
  status: SubmissionStatusSchema,
  currentVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

/** One stored value with the server's verdict. */
export const StoredValueSchema = z.object({
  indicatorId: z.string(),
  unitId: z.string().nullable(),
  value: z.unknown().describe('The raw value as received.'),
  parsed: z.unknown().describe('The server\'s reading of it.'),
  status: z.string(),
  severity: SeveritySchema,
  note: z.string().nullable(),
  previous: z.unknown(),
  baseline: z.unknown(),
  other: z.unknown(),
});

/** One event of the audit trail. */
export const AuditEventSchema = z.object({
  action: AuditActionSchema,
  version: z.number().int().nullable(),
  at: z.string(),
  tokenId: z.string(),
  organisationId: z.string(),
  role: RoleSchema,
  comment: z.string().nullable(),
});

/** A submission with every version's receipt, the current version's values and its history. */
export const SubmissionDetailSchema = SubmissionSummarySchema.extend({
  versions: z.array(ReceiptSchema),
  values: z.array(StoredValueSchema).describe('The values of the current version.'),
  history: z.array(AuditEventSchema),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;

/** The bureau's grant: an organisation may report an indicator (one unit of it, or every unit) beyond the catalog's lists. */
export const ReportingGrantSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  indicatorId: z.string(),
  unitId: z.string().nullable().describe('null: every reporting unit of the indicator.'),
  createdAt: z.string(),
  createdBy: z.string().describe('The bureau token that granted it.'),
  revokedAt: z.string().nullable(),
});
export type ReportingGrant = z.infer<typeof ReportingGrantSchema>;

/** The details of a 422 refusal of a submission: every error and every warning still needing a 说明, by entry. */
export const SubmissionRefusalSchema = z.object({
  errors: z.array(FindingSchema).default([]),
  notesRequired: z.array(FindingSchema).default([]),
});
export type SubmissionRefusal = z.infer<typeof SubmissionRefusalSchema>;

/** GET /me: who the calling token is. */
export const IdentitySchema = z.object({ tokenId: z.string(), organisationId: z.string(), role: RoleSchema });
export type Identity = z.infer<typeof IdentitySchema>;

/** One plan in GET /catalog: the catalog version every submission of it must carry. */
export const PlanSummarySchema = z.object({
  plan: PlanIdSchema,
  title: z.string(),
  titleEn: z.string(),
  catalogVersion: z.string().describe('The version every submission of this plan must carry.'),
  indicatorCount: z.number().int(),
  indicatorIds: z.array(z.string()),
});
/** GET /catalog. */
export const CatalogSummarySchema = z.object({ plans: z.array(PlanSummarySchema) });
export type CatalogSummary = z.infer<typeof CatalogSummarySchema>;

/** GET /organisations. */
export const OrganisationListSchema = z.object({ organisations: z.array(OrganisationSchema) });

/** GET /submissions: the filters (reporters: their own organisation only) and the answer. */
export const SubmissionListQuerySchema = z.object({
  plan: PlanIdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  org: SafeTextSchema.max(40).optional(),
  status: SubmissionStatusSchema.optional(),
});
export const SubmissionListSchema = z.object({ submissions: z.array(SubmissionSummarySchema) });

/** A submission's id in a path. */
export const SubmissionIdParamsSchema = z.object({ id: SafeTextSchema.min(1).max(60) });

/** One version of a submission: its receipt and its values. */
export const SubmissionVersionSchema = z.object({ receipt: ReceiptSchema, values: z.array(StoredValueSchema) });

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

/** The review's requests: approve (locks), return with a comment (退回), reopen. */
const ReviewVersionField = z.number().int().min(1).optional().describe('If given, must be the current version (approve what you have read).');
export const ApproveRequestSchema = z.object({ version: ReviewVersionField, comment: SafeTextSchema.max(2000).optional() }).strict().nullish();
export const ReturnRequestSchema = z.object({ comment: SafeTextSchema.trim().min(1, '退回时须填写退回意见 (comment)').max(2000), version: ReviewVersionField }).strict();
export const ReopenRequestSchema = z.object({ comment: SafeTextSchema.max(2000).optional() }).strict().nullish();

/** The bureau's grant requests. */
export const ReportingGrantListQuerySchema = z.object({ org: SafeTextSchema.max(40).optional() });
export const ReportingGrantRequestSchema = z
  .object({ organisationId: SafeTextSchema.max(40), indicatorId: SafeTextSchema.max(40), unitId: SafeTextSchema.max(40).optional().describe('One unit of a per-unit indicator; without it, every unit.') })
  .strict();
export const ReportingGrantListSchema = z.object({ grants: z.array(ReportingGrantSchema) });
export const ReportingGrantIdParamsSchema = z.object({ id: SafeTextSchema.min(1).max(60) });

/** POST /submissions/upload: the template sheet to submit, when the workbook holds several. */
export const UploadQuerySchema = z.object({ sheet: SafeTextSchema.max(100).optional().describe('The template sheet to submit, when the workbook holds several.') });

/** What /healthz answers when the database answers, can write, and the disk has room. */
export const HealthReportSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgresql']),
  storage: z.object({ writable: z.literal(true), freeBytes: z.number().optional().describe('Free space in DATA_DIR (SQLite).') }),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;

/**
 * GET /submissions/previous-values: the template of `year` asks for last year's values of the same plan and
 * organisation (reporters: their own; `org` may be left out), to prefill 上年值.
 */
export const PreviousValuesQuerySchema = z.object({
  plan: PlanIdSchema,
  year: z.coerce.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR).describe('The reporting year of the template being filled; the values are of year − 1.'),
  org: SafeTextSchema.max(40).optional().describe('The organisation (required for the bureau; a reporter\'s own by default).'),
});

/** One value of last year's report, as the server read it: a number, or the canonical text of a ratio or yes/no. */
export const PreviousValueSchema = z.object({
  indicatorId: z.string(),
  unitId: z.string().nullable(),
  value: z.union([z.number(), z.string()]),
});

/** The answer: where the values come from (null when last year's report does not exist) and the values. */
export const PreviousValuesSchema = z.object({
  plan: PlanIdSchema,
  year: z.number().int().describe('The reporting year asked for (the template\'s).'),
  organisationId: z.string(),
  source: z
    .object({
      year: z.number().int().describe('year − 1: the report the values come from.'),
      submissionId: z.string(),
      version: z.number().int().describe('The approved version when the report is approved, else its current (latest) version.'),
      status: SubmissionStatusSchema,
      receivedAt: z.string(),
    })
    .nullable(),
  values: z.array(PreviousValueSchema).describe('Readable values only (numbers, ratios, yes/no); blanks, markers and qualitative text are left out.'),
});
export type PreviousValues = z.infer<typeof PreviousValuesSchema>;
