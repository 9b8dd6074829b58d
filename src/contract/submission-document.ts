import { z } from 'zod';
import { PlanIdSchema, PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from '../core/catalog/indicator-schema';

/**
 * The document a client sends to the shared endpoint (`POST /api/v1/submissions`): one plan, one year, one
 * organisation, every value as typed. Pure zod: the add-in (browser), the CLI and the server import the
 * same schema, and every type below is derived from it.
 */

/** The most values one submission may carry (a whole plan with every township's row fits easily). */
export const MAX_SUBMISSION_VALUES = 5000;

/**
 * Characters no stored or exported text may hold: U+0000 (PostgreSQL cannot store it), the other C0 control
 * characters but tab, line feed and carriage return, and U+FFFE/U+FFFF (XML, hence an .xlsx export, cannot
 * hold them), and lone surrogates (not Unicode text; neither database stores them faithfully).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds a character no stored or exported text may hold (see UNSAFE_TEXT). */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/** Text a client sends: refused (400, naming the field) when it holds a control or invalid character. */
export const SafeTextSchema = z.string().refine((text) => !hasUnsafeCharacter(text), {
  message: '含有不可见的控制字符或无效字符（如 U+0000、孤立的代理项），请删除后重新提交 / contains a control or invalid character',
});

/** A cell as typed: text, a number, yes/no, or nothing. The server parses and judges it itself. */
export const RawValueSchema = z.union([SafeTextSchema.max(2000), z.number().finite(), z.boolean(), z.null()]);
export type RawValue = z.infer<typeof RawValueSchema>;

/** One reported value: the indicator, the township or body for per-unit indicators, and the raw inputs. */
export const SubmissionValueSchema = z
  .object({
    indicatorId: SafeTextSchema.min(1).max(40).describe('Catalog id, e.g. C-HEA-04.'),
    unitId: SafeTextSchema.min(1).max(40).optional().describe('Township or listed body, for per-unit indicators only.'),
    value: RawValueSchema.describe('This year\'s value as typed (９５．２％, 95.2, 是, — …). The server parses it itself (a client\'s own reading is not accepted).'),
    note: SafeTextSchema.max(2000).nullish().describe('说明: required for a not-available marker and for every warning.'),
    previous: RawValueSchema.optional().describe('Last year\'s (or the previous term\'s) value.'),
    baseline: RawValueSchema.optional().describe('The base-year value, for 以Y年为基数 targets.'),
    other: RawValueSchema.optional().describe('The comparison value, for relative targets.'),
  })
  .strict();
export type SubmissionValue = z.infer<typeof SubmissionValueSchema>;

/** Who filled the template (the 填报人 footer). */
export const ReporterSchema = z
  .object({
    name: SafeTextSchema.max(100).optional(),
    phone: SafeTextSchema.max(50).optional(),
    date: SafeTextSchema.max(50).optional(),
  })
  .strict();
export type Reporter = z.infer<typeof ReporterSchema>;

/** The program that sent the document (for support: which add-in build, which host). */
export const ClientInfoSchema = z
  .object({
    app: SafeTextSchema.max(100).optional(),
    version: SafeTextSchema.max(50).optional(),
    host: SafeTextSchema.max(100).optional(),
  })
  .strict();
export type ClientInfo = z.infer<typeof ClientInfoSchema>;

/** A whole submission: what `POST /api/v1/submissions` takes. */
export const SubmissionDocumentSchema = z
  .object({
    plan: PlanIdSchema,
    year: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR),
    organisationId: z.string().regex(/^[a-z][a-z0-9-]*$/).max(40),
    catalogVersion: SafeTextSchema.min(1).max(20).describe('The catalog version the template was cut from; must be the server\'s.'),
    templateVersion: z.number().int().min(0),
    values: z.array(SubmissionValueSchema).max(MAX_SUBMISSION_VALUES),
    reporter: ReporterSchema.optional(),
    client: ClientInfoSchema.optional(),
  })
  .strict();
export type SubmissionDocument = z.infer<typeof SubmissionDocumentSchema>;

/** Where a submission is in review: awaiting review, returned to the organisation (退回), or approved (locked). */
export const SubmissionStatusSchema = z.enum(['submitted', 'returned', 'approved']);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** How a version reached the server. */
export const SubmissionSourceSchema = z.enum(['json', 'xlsx']);
export type SubmissionSource = z.infer<typeof SubmissionSourceSchema>;

/** The roles a token can carry. */
export const RoleSchema = z.enum(['reporter', 'bureau', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** What the audit trail records. */
export const AuditActionSchema = z.enum(['submitted', 'approved', 'returned', 'reopened']);
export type AuditAction = z.infer<typeof AuditActionSchema>;
