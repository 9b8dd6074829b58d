import { z } from 'zod';
import type { PlanId } from './indicator-schema';

/**
 * A text of the report form's header: printed as typed, never a formula (a leading = + - @ would make a
 * spreadsheet take it for one), one line.
 */
const formText = (max: number, description: string) =>
  z
    .string()
    .max(max)
    .regex(/^(?![=+\-@])[^\r\n\t]*$/, 'one line of text, not starting with = + - @')
    .default('')
    .describe(description);

/**
 * The fields that make a template a 统计报表 (statistical report form) under the Statistics Law: the form's
 * number, who issued it, the approval (or filing) number and how long it is valid. They are decided per
 * deployment — by the county's statistics bureau when it approves or files the form — so they live in
 * `seeds/report-form.json`, never in the code; an empty field is printed as its label with a blank line.
 */
export const ReportFormSchema = z
  .object({
    formNumber: formText(40, '表号, the form\'s number as the approving office gave it'),
    issuedBy: formText(60, '制表机关, the office that issues the form'),
    approvalNumber: formText(60, '批准文号 (or 备案文号), as the approval or filing says it'),
    validUntil: formText(30, '有效期至, the last month the approval covers, e.g. 2026年12月'),
  })
  .strict();
export type ReportForm = z.infer<typeof ReportFormSchema>;

/** No header fields set: labels with blank lines. */
export const EMPTY_REPORT_FORM: ReportForm = { formNumber: '', issuedBy: '', approvalNumber: '', validUntil: '' };

/** `seeds/report-form.json`: the header fields of each plan's template in this deployment. */
export const ReportFormFileSchema = z
  .object({
    $schema: z.string().optional(),
    note: z.string().optional(),
    women: ReportFormSchema.default(EMPTY_REPORT_FORM),
    children: ReportFormSchema.default(EMPTY_REPORT_FORM),
  })
  .strict();
export type ReportFormFile = z.infer<typeof ReportFormFileSchema>;

/** The header fields of both plans. */
export type ReportForms = Readonly<Record<PlanId, ReportForm>>;
