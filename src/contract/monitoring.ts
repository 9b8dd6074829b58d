import { z } from 'zod';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR, PlanIdSchema } from '../core/catalog/indicator-schema';
import { PROGRESS_STATUSES } from '../core/monitoring/progress';
import { SafeTextSchema } from './submission-document';

/**
 * The statistics bureau's monitoring answers (`/api/v1/monitoring/…`) and the JSON of `indicators
 * consolidate --json`: who has reported, the consolidation, the series with their progress, the evaluation
 * table and the warnings of a plan-year, and the bureau's settings (reporting deadlines, lead organisations).
 * Text in both languages is spelled as the rest of the wire spells it: `message`/`messageEn`,
 * `name`/`nameEn`.
 */

/** A plan in a path, refused in Chinese first. */
export const MonitoringPlanSchema = z.enum(PlanIdSchema.options, { error: '规划应为 women（妇女发展规划）或 children（儿童发展规划） / plan must be women or children' });

/** A reporting year of the plans in a path (2021–2030). */
export const MonitoringYearSchema = z.coerce
  .number({ error: `年度应为${PLAN_FIRST_YEAR}—${PLAN_LAST_YEAR}年之间的年份 / year must be a year of the plans` })
  .int(`年度应为整数年份，例如 2025 / year must be a whole number`)
  .min(PLAN_FIRST_YEAR, `年度应在${PLAN_FIRST_YEAR}—${PLAN_LAST_YEAR}年之间（规划期） / year must be ${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR}`)
  .max(PLAN_LAST_YEAR, `年度应在${PLAN_FIRST_YEAR}—${PLAN_LAST_YEAR}年之间（规划期） / year must be ${PLAN_FIRST_YEAR}–${PLAN_LAST_YEAR}`);

export const MonitoringPlanYearParamsSchema = z.object({ plan: MonitoringPlanSchema, year: MonitoringYearSchema });
export const MonitoringPlanParamsSchema = z.object({ plan: MonitoringPlanSchema });
export const LeadParamsSchema = z.object({ plan: MonitoringPlanSchema, indicatorId: SafeTextSchema.min(1).max(40) });

/** A text in both languages, as the wire spells it. */
const MessageSchema = z.object({ message: z.string().describe('zh-CN'), messageEn: z.string() });

// ——— completeness ———

export const ReportingStateSchema = z.enum(['notStarted', 'missing', 'submitted', 'returned', 'approved']);

export const OrganisationProgressSchema = z.object({
  organisationId: z.string(),
  name: z.string().describe('The short name people use (卫健局).'),
  expected: z.boolean().describe('It has lines in the plan\'s template (catalog responsibilities and grants).'),
  state: ReportingStateSchema,
  version: z.number().int().nullable().describe('The current version, once one was received.'),
  firstReceivedAt: z.string().nullable().describe('When version 1 arrived (ISO 8601): what "late" is judged by.'),
  late: z.boolean(),
});

export const CompletenessSchema = z.object({
  plan: PlanIdSchema,
  year: z.number().int(),
  deadline: z.string().nullable().describe('YYYY-MM-DD, due by the end of that day in China Standard Time; null when the bureau set none.'),
  deadlineEnd: z.string().nullable().describe('The instant the deadline day ends (ISO 8601, UTC).'),
  expected: z.array(z.string()).describe('Organisations that report this plan (ids).'),
  submitted: z.array(z.string()).describe('Expected organisations with a version received, whatever its review state.'),
  approved: z.array(z.string()),
  returned: z.array(z.string()),
  late: z.array(z.string()).describe('Expected organisations whose first version arrived after the deadline.'),
  missing: z.array(z.string()).describe('Expected organisations without any version once the deadline has passed.'),
  notStarted: z.array(z.string()).describe('Expected organisations without any version while the deadline has not passed (or none is set).'),
  unexpected: z.array(z.string()).describe('Organisations that submitted but report nothing of this plan now (a revoked grant …).'),
  reportingRate: z.number().describe('submitted ÷ expected (DHIS2\'s reporting rate), never above 1.'),
  onTimeRate: z.number().nullable().describe('(submitted − late) ÷ expected; null without a deadline.'),
  organisations: z.array(OrganisationProgressSchema),
});
export type CompletenessAnswer = z.infer<typeof CompletenessSchema>;

// ——— progress ———

export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES);

/** An indicator's (or a unit's) progress toward its governing target: Open SDG's method (docs/monitoring.md). */
export const ProgressSummarySchema = z.object({
  status: ProgressStatusSchema,
  reason: z.string().nullable().describe('Why notAssessable or insufficientData (qualitative, yesNo, onePoint …).'),
  method: z.enum(['target', 'trend', 'none']),
  measure: z.enum(['value', 'share', 'reflected']),
  direction: z.union([z.literal(1), z.literal(-1)]).nullable().describe('+1 higher is better, −1 lower is better.'),
  baseYear: z.number().int().nullable(),
  baseValue: z.number().nullable(),
  latestYear: z.number().int().nullable(),
  latestValue: z.number().nullable(),
  targetYear: z.number().int().describe('The year of the governing target: the next milestone not yet past, else the final target.'),
  targetRole: z.enum(['milestone', 'final']),
  targetValue: z.number().nullable().describe('The target in the measure\'s terms.'),
  cagr: z.number().nullable().describe('Observed compound annual growth rate (0.05 = 5% a year).'),
  requiredCagr: z.number().nullable().describe('The rate that reaches the target on time.'),
  ratio: z.number().nullable().describe('R = d · cagr / |requiredCagr|.'),
  projected: z.number().nullable().describe('The latest value carried to the target year at the observed rate.'),
  projectedAchieves: z.boolean().nullable(),
  gap: z.number().nullable(),
  lastChange: z.object({ fromYear: z.number().int(), toYear: z.number().int(), change: z.number(), meetsPlan: z.boolean() }).nullable(),
  messages: z.array(MessageSchema.extend({ code: z.string() })),
});
export type ProgressSummary = z.infer<typeof ProgressSummarySchema>;

// ——— consolidation ———

const ValueSchema = z
  .union([z.number(), z.boolean(), z.string()])
  .nullable()
  .describe('The value as the server read it: a number, yes/no as a boolean, a ratio or text as text; null when nothing (or only a "no data" marker) was reported.');

export const ContributionSchema = z.object({
  organisationId: z.string(),
  value: ValueSchema,
  text: z.string().describe('As people read it ("3.2", "是", "—"); "" when nothing was typed.'),
  status: z.string().describe('The server\'s verdict (met, notMet, notYetDue, noData, invalid, notAssessable).'),
  note: z.string().nullable(),
});

const ConsolidatedFields = {
  value: ValueSchema,
  text: z.string(),
  status: z.string().describe('The verdict on the chosen value; missing when nobody reported one. For a per-unit indicator, the roll-up (met only when every unit is met, notMet, notYetDue, incomplete, noData, notAssessable).'),
  reportedBy: z.string().nullable().describe('The organisation whose value the county takes (the lead: the bureau\'s choice, else the first responsible organisation with a value).'),
  note: z.string().nullable(),
  conflict: z.boolean().describe('Two organisations reported different values: both are in contributions; nothing is resolved silently.'),
  contributions: z.array(ContributionSchema),
};

export const UnitLineSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  nameEn: z.string(),
  ...ConsolidatedFields,
  progress: ProgressSummarySchema.nullable().optional().describe('The unit\'s own progress (the consolidate command; absent from /consolidation).'),
});

export const RollUpSchema = z.object({
  status: z.enum(['met', 'notMet', 'notYetDue', 'incomplete', 'noData', 'notAssessable']),
  units: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  notYetDue: z.number().int().describe('Units short of a target whose year has not come (未到期).'),
  withoutData: z.number().int(),
  failingUnits: z.array(z.string()),
  missingUnits: z.array(z.string()),
});

export const IndicatorLineSchema = z.object({
  id: z.string(),
  domain: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  ...ConsolidatedFields,
  reporters: z.array(z.string()).describe('Every organisation that reported something for it.'),
  rollUp: RollUpSchema.nullable().describe('Per-unit indicators: the roll-up of the units.'),
  units: z.array(UnitLineSchema).describe('Per-unit indicators: every township\'s (or listed body\'s) line.'),
  progress: ProgressSummarySchema.nullable().optional().describe('The county series\' progress (the consolidate command; /series has it too).'),
});
export type IndicatorLine = z.infer<typeof IndicatorLineSchema>;

export const ConsolidationSchema = z.object({ plan: PlanIdSchema, year: z.number().int(), indicators: z.array(IndicatorLineSchema) });
export type ConsolidationAnswer = z.infer<typeof ConsolidationSchema>;

// ——— series ———

export const SeriesPointSchema = z.object({
  year: z.number().int(),
  value: z.union([z.number(), z.object({ left: z.number(), right: z.number() })]).describe('A number, or a ratio (男:女 = 2:3 as {left: 2, right: 3}).'),
  source: z.enum(['observed', 'baseline']).describe('observed: that year\'s consolidated value; baseline: a value the plan states (2020).'),
});

export const IndicatorSeriesSchema = z.object({
  id: z.string(),
  domain: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  points: z.array(SeriesPointSchema).describe('The county series, oldest first (empty for per-unit indicators and for values that are no numbers).'),
  progress: ProgressSummarySchema.nullable().describe('null for per-unit indicators (see units).'),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), nameEn: z.string(), points: z.array(SeriesPointSchema), progress: ProgressSummarySchema.nullable() })),
});

export const SeriesSchema = z.object({ plan: PlanIdSchema, year: z.number().int(), indicators: z.array(IndicatorSeriesSchema) });
export type SeriesAnswer = z.infer<typeof SeriesSchema>;

// ——— evaluation ———

export const EvaluationCountsSchema = z.object({
  domain: z.string(),
  indicators: z.number().int().describe('指标数'),
  monitorable: z.number().int().describe('可监测数'),
  met: z.number().int().describe('已达标'),
  basicallyMet: z.number().int().describe('基本达标'),
  notMet: z.number().int().describe('未达标'),
  notYetDue: z.number().int().describe('未到期'),
  notYetDueByProgress: z.record(z.string(), z.number().int()).describe('未到期 by progress status.'),
  noData: z.number().int().describe('无数据'),
  rateWithData: z.number().nullable().describe('达标率 = met ÷ (monitorable − notYetDue − noData).'),
  rateAll: z.number().nullable().describe('达标率 = met ÷ (monitorable − notYetDue); no data counts as not met.'),
});

export const EvaluationRowSchema = z.object({
  indicatorId: z.string(),
  domain: z.string(),
  name: z.string(),
  nameEn: z.string(),
  target: z.string().describe('The targets governing the year, as the template writes them.'),
  targetEn: z.string(),
  baseline2020: z.number().nullable(),
  values: z.array(z.object({ year: z.number().int(), text: z.string().nullable() })).describe('Each year\'s consolidated value, 2021 … year.'),
  latest: z.object({ year: z.number().int(), text: z.string() }).nullable(),
  category: z.enum(['met', 'basicallyMet', 'notMet', 'notYetDue', 'noData', 'notMonitorable']),
  completion: z.number().nullable().describe('The degree of completion of a missed numeric target.'),
  progress: z.string().nullable(),
  responsible: z.array(z.string()),
  conflict: z.boolean(),
});

export const EvaluationSchema = z.object({
  plan: PlanIdSchema,
  year: z.number().int(),
  kind: z.enum(['annual', 'midTerm', 'final']).describe('2025: the mid-term evaluation; 2030: the final; else the annual monitoring.'),
  basicallyMetRatio: z.number(),
  domains: z.array(EvaluationCountsSchema),
  total: EvaluationCountsSchema,
  rows: z.array(EvaluationRowSchema),
  definitions: z.record(z.string(), MessageSchema).describe('What each count and rate means, as the report states it.'),
});
export type EvaluationAnswer = z.infer<typeof EvaluationSchema>;

// ——— warnings ———

export const MonitoringWarningSchema = MessageSchema.extend({
  kind: z.enum(['conflict', 'progress', 'fluctuation']).describe('conflict: organisations reported different values; progress: 预计达标困难 (needsAcceleration, limited, regressing); fluctuation: 波动较大 on the previous year.'),
  indicatorId: z.string(),
  unitId: z.string().nullable(),
  status: ProgressStatusSchema.optional(),
  targetYear: z.number().int().optional(),
  reportedBy: z.string().nullable().optional(),
  values: z.array(z.object({ organisationId: z.string(), text: z.string() })).optional(),
  previousYear: z.number().int().optional(),
  previous: z.number().optional(),
  value: z.number().optional(),
});

export const WarningsSchema = z.object({ plan: PlanIdSchema, year: z.number().int(), warnings: z.array(MonitoringWarningSchema) });

/** The JSON of `indicators consolidate --json`: the whole board of a plan-year. */
export const MonitoringReportSchema = z.object({
  plan: PlanIdSchema,
  year: z.number().int(),
  generatedAt: z.string(),
  completeness: CompletenessSchema,
  indicators: z.array(IndicatorLineSchema),
  evaluation: EvaluationSchema,
  warnings: z.array(MonitoringWarningSchema),
});
export type MonitoringReport = z.infer<typeof MonitoringReportSchema>;

// ——— the bureau's settings ———

/** YYYY-MM-DD, a real calendar day. */
export const DeadlineDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期应写作 YYYY-MM-DD，例如 2026-03-31 / the date must be YYYY-MM-DD')
  .refine(isCalendarDate, '截止日期不是日历上存在的日期（如 2月30日） / not a calendar date');

/** Whether `YYYY-MM-DD` names a day of the calendar (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const DeadlineRequestSchema = z.object({ date: DeadlineDateSchema }).strict();

export const DeadlineSchema = z.object({
  plan: PlanIdSchema,
  year: z.number().int(),
  deadline: z.string().nullable().describe('YYYY-MM-DD; null when none is set.'),
  deadlineEnd: z.string().nullable().describe('The instant the deadline day ends (24:00 China Standard Time), ISO 8601 UTC.'),
  setAt: z.string().nullable(),
  setBy: z.string().nullable().describe('A bureau token\'s id, or cli:<user>.'),
});
export type DeadlineAnswer = z.infer<typeof DeadlineSchema>;

export const LeadRequestSchema = z.object({ organisationId: SafeTextSchema.min(1).max(40) }).strict();

export const LeadOverrideSchema = z.object({
  plan: PlanIdSchema,
  indicatorId: z.string(),
  organisationId: z.string(),
  setAt: z.string(),
  setBy: z.string(),
});
export const LeadOverrideListSchema = z.object({ leads: z.array(LeadOverrideSchema) });
