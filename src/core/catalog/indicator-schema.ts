import { z } from 'zod';
import { UNIT_IDS } from './units';
import { TargetSchema } from './target-schema';

/** The first and last reporting years of both plans. */
export const PLAN_FIRST_YEAR = 2021;
export const PLAN_LAST_YEAR = 2030;

export const PlanIdSchema = z.enum(['women', 'children']);
/** Which plan: 妇女发展规划 or 儿童发展规划. */
export type PlanId = z.infer<typeof PlanIdSchema>;

/** A place in the plan text, with a verbatim quote that the tests find in `seeds/plans-source.txt`. */
export const SourceSchema = z.object({
  section: z.string().min(1).describe('The section heading, e.g. "二、（一）儿童与健康".'),
  part: z.enum(['序言', '主要目标', '策略措施', '组织实施']),
  item: z.number().int().min(1).optional().describe('The item number within the part (absent for 序言).'),
  quote: z.string().min(2).describe('Verbatim text from the plan, line breaks included.'),
});
export type Source = z.infer<typeof SourceSchema>;

/** A value the plan states for an earlier year. */
export const BaselineSchema = z.object({
  year: z.number().int().min(1990).max(2030),
  value: z.number().finite(),
  quote: z.string().min(2).describe('Verbatim text from the plan in which the value is stated.'),
});
export type Baseline = z.infer<typeof BaselineSchema>;

/** A target for a year before the final target year, e.g. 农村卫生厕所 ≥70% by 2025. */
export const MilestoneSchema = z.object({
  year: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR),
  target: TargetSchema,
  sourceIndex: z.number().int().min(0).describe('Index into `sources` where this milestone is stated.'),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

/**
 * A target that applies to every unit rather than to the county as a whole: every township
 * (以乡镇（街道）为单位, 每个乡镇…), or every body in a fixed list (县级党政领导班子 → 县委, 县政府).
 */
export const PerUnitSchema = z.discriminatedUnion('scope', [
  z.object({
    scope: z.literal('township'),
    label: z.string().min(1).describe('What one unit is, e.g. "乡镇（街道）" or "乡镇卫生院/社区卫生服务中心".'),
    labelEn: z.string().min(1),
  }),
  z.object({
    scope: z.literal('list'),
    label: z.string().min(1),
    labelEn: z.string().min(1),
    units: z
      .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), name: z.string().min(1), nameEn: z.string().min(1) }))
      .min(2),
  }),
]);
export type PerUnit = z.infer<typeof PerUnitSchema>;

/** Why a reader of the catalog should look twice: the plan is vague, contradicts itself, or garbles text. */
export const NoteSchema = z.object({
  kind: z.enum(['ambiguity', 'conflict', 'interpretation', 'sourceError', 'unitConvention']),
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Note = z.infer<typeof NoteSchema>;

/** Settings that tune the early warnings for one indicator. */
export const WarningSettingsSchema = z.object({
  swingRelative: z
    .number()
    .positive()
    .optional()
    .describe('A year-over-year change larger than this share of the previous value is a swing (0.2 = 20%).'),
  swingAbsolute: z
    .number()
    .positive()
    .optional()
    .describe('A year-over-year change larger than this many units is a swing (used instead of swingRelative).'),
});

/**
 * Where values of an indicator are believable: a data-quality bound, never a target. A value outside is
 * not a miss but most likely a typing slip (0.95 typed for 95%); it is an error until the person confirms
 * it in the 说明 (【确认】 followed by the value as typed, src/core/rules/validate-value.ts). Every target
 * of the indicator lies inside it (the catalog loader checks).
 */
export const PlausibleRangeSchema = z
  .object({
    min: z.number().finite().optional().describe('Values below this are implausible.'),
    max: z.number().finite().optional().describe('Values above this are implausible.'),
    reason: z
      .object({ zh: z.string().min(1), en: z.string().min(1) })
      .strict()
      .describe('Why a value outside is suspect (a data-quality reason, said in the message), e.g. a percentage typed as a fraction.'),
  })
  .strict();
export type PlausibleRange = z.infer<typeof PlausibleRangeSchema>;

/** One monitoring indicator with its target. */
export const IndicatorSchema = z
  .object({
    id: z
      .string()
      .regex(/^[WC]-[A-Z]{3}-\d{2}$/)
      .describe('Stable id, never reused: W|C (plan), domain code, number. e.g. "C-HEA-03".'),
    plan: PlanIdSchema,
    domain: z.string().min(1).describe('The domain name as in the plan, e.g. "儿童与健康"; one of the catalog\'s domains.'),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    unit: z.enum(UNIT_IDS),
    range: z
      .object({ min: z.number().finite().optional(), max: z.number().finite().optional() })
      .optional()
      .describe('Narrows the unit\'s valid range for this indicator.'),
    plausible: PlausibleRangeSchema.optional().describe('Data-quality bounds (not a target): a value outside must be confirmed in the 说明 with 【确认】 and the value.'),
    target: TargetSchema,
    targetYear: z.number().int().min(PLAN_FIRST_YEAR).max(PLAN_LAST_YEAR).default(PLAN_LAST_YEAR),
    everyYear: z
      .boolean()
      .default(false)
      .describe('true for 保持/稳定/每年 targets: the target is due in every reporting year, not only by targetYear.'),
    milestones: z.array(MilestoneSchema).default([]),
    perUnit: PerUnitSchema.optional(),
    baseline: z.array(BaselineSchema).default([]),
    sources: z.array(SourceSchema).min(1),
    notes: z.array(NoteSchema).default([]),
    responsible: z
      .array(z.string().min(1))
      .min(1)
      .describe('Organisation ids (seeds/organisations.json) that report this indicator by default.'),
    warnings: WarningSettingsSchema.optional(),
  })
  .strict();

/** One monitoring indicator with its target, as validated (defaults filled in). */
export type Indicator = z.infer<typeof IndicatorSchema>;
/** One monitoring indicator as written in a catalog file (defaults may be omitted). */
export type IndicatorInput = z.input<typeof IndicatorSchema>;
