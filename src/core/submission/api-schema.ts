import { z } from 'zod';
import { PlanIdSchema } from '../catalog/indicator-schema';
import { AuditActionSchema, RoleSchema, SubmissionSourceSchema, SubmissionStatusSchema } from './submission-schema';

/**
 * What the shared endpoint answers, as zod schemas: the add-in reads receipts and errors with the same
 * definitions the server writes them with (and the OpenAPI document is generated from them).
 */

const FieldSchema = z.enum(['value', 'previous', 'baseline', 'other', 'note', 'unit', 'indicator']);
const SeveritySchema = z.enum(['error', 'warning', 'info']);

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
