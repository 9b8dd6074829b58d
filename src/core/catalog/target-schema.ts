import { z } from 'zod';

/**
 * A target as the plan states it. `kind` says how a value is judged:
 *
 * - `min`     以上/达到/不低于/不少于 — value ≥ target (value > target when `strict`, for 高于/超过).
 * - `max`     以下/以内/降至…及以下/控制在…以下 — value ≤ target (value < target when `strict`, for 低于).
 *             Following 《民法典》第1259条, 以上/以下/以内 include the number itself.
 * - `approx`  左右 — |value − target| ≤ tolerance (`sides: "both"`, for 保持在…左右), or
 *             value ≥ target − tolerance (`sides: "atLeast"`, for 达到…左右).
 * - `ratio`   A:B, e.g. 男女厕位比例2:3 — the favoured term must be at least its target share.
 * - `reduction` 以Y年为基数下降P% — value ≤ base × (100 − P)/100, the base-year value being an input.
 * - `count`   至少配备/建成 N — a whole number ≥ N.
 * - `increase` / `decrease` 逐步提高/持续下降 — value > / < the previous value (year or term).
 * - `notBelowPrevious` 不低于上届/巩固 — value ≥ the previous value.
 * - `relative` 不低于另一指标 — value compared with another value that is itself an input.
 * - `achieved` a yes/no milestone (开展/建立/实现全覆盖) — "是" meets it.
 * - `qualitative` no checkable criterion: progress is collected as text and never judged.
 */
export const TARGET_KINDS = [
  'min',
  'max',
  'approx',
  'ratio',
  'reduction',
  'count',
  'increase',
  'decrease',
  'notBelowPrevious',
  'relative',
  'achieved',
  'qualitative',
] as const;

/** The kind of a target. */
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What an `increase`/`decrease`/`notBelowPrevious` target compares with. */
export const PreviousSchema = z
  .enum(['previousYear', 'previousTerm'])
  .describe('previousYear: 上年值; previousTerm: 上届值 (elected bodies).');

const finite = z.number().finite();

/**
 * A value the plan states elsewhere for the same target (e.g. 93% in 主要目标 but 90% in 策略措施).
 * The engine judges against `value` and reports how the alternative would have judged.
 */
const AlternativeSchema = z.object({
  value: finite,
  sourceIndex: z.number().int().min(0).describe('Index into the indicator\'s `sources` where this value is stated.'),
});

const ValueText = z
  .string()
  .min(1)
  .optional()
  .describe('The wording the plan uses for the number when it is not written in digits (e.g. "一半" for 50).');

export const MinTargetSchema = z.object({
  kind: z.literal('min'),
  value: finite,
  strict: z.boolean().optional().describe('true for 高于/超过 (the number itself does not meet the target).'),
  valueText: ValueText,
  alternatives: z.array(AlternativeSchema).optional(),
});

export const MaxTargetSchema = z.object({
  kind: z.literal('max'),
  value: finite,
  strict: z.boolean().optional().describe('true for 低于 (the number itself does not meet the target).'),
  valueText: ValueText,
  alternatives: z.array(AlternativeSchema).optional(),
});

export const ApproxTargetSchema = z.object({
  kind: z.literal('approx'),
  value: finite,
  sides: z.enum(['both', 'atLeast']).describe('both: 保持在…左右; atLeast: 达到…左右 (exceeding it also meets it).'),
  tolerance: finite
    .positive()
    .optional()
    .describe('Allowed deviation in the indicator\'s unit. Absent: the catalog\'s defaults.approxTolerance.'),
});

export const RatioTargetSchema = z.object({
  kind: z.literal('ratio'),
  value: z.tuple([finite.positive(), finite.positive()]).describe('The two terms, e.g. [2, 3] for 2:3.'),
  terms: z.tuple([z.string().min(1), z.string().min(1)]).describe('What each term counts, e.g. ["男", "女"].'),
  termsEn: z.tuple([z.string().min(1), z.string().min(1)]),
  favours: z
    .enum(['first', 'second'])
    .describe('The term that must be at least its target share: with [2,3] and "second", B/A ≥ 3/2 meets it.'),
});

export const ReductionTargetSchema = z.object({
  kind: z.literal('reduction'),
  percent: finite.positive().max(100),
  baseYear: z.number().int().min(2000).max(2030),
});

export const CountTargetSchema = z.object({
  kind: z.literal('count'),
  value: z.number().int().min(0),
  valueText: ValueText,
});

export const IncreaseTargetSchema = z.object({ kind: z.literal('increase'), compareTo: PreviousSchema });
export const DecreaseTargetSchema = z.object({ kind: z.literal('decrease'), compareTo: PreviousSchema });
export const NotBelowPreviousTargetSchema = z.object({
  kind: z.literal('notBelowPrevious'),
  compareTo: PreviousSchema,
});

export const RelativeTargetSchema = z.object({
  kind: z.literal('relative'),
  comparator: z.enum(['>=', '>', '<=', '<']),
  other: z.string().min(1).describe('What the value is compared with, e.g. 本地区党员总数中女性比例.'),
  otherEn: z.string().min(1),
});

export const AchievedTargetSchema = z.object({ kind: z.literal('achieved') });
export const QualitativeTargetSchema = z.object({
  kind: z.literal('qualitative'),
  wording: z
    .string()
    .min(1)
    .optional()
    .describe('The plan\'s own words for an unquantified target, e.g. "基本普及".'),
  wordingEn: z.string().min(1).optional(),
});

/** A target: how a value of this indicator is judged. */
export const TargetSchema = z.discriminatedUnion('kind', [
  MinTargetSchema,
  MaxTargetSchema,
  ApproxTargetSchema,
  RatioTargetSchema,
  ReductionTargetSchema,
  CountTargetSchema,
  IncreaseTargetSchema,
  DecreaseTargetSchema,
  NotBelowPreviousTargetSchema,
  RelativeTargetSchema,
  AchievedTargetSchema,
  QualitativeTargetSchema,
]);

/** A target: how a value of this indicator is judged. */
export type Target = z.infer<typeof TargetSchema>;

/** The target of one kind. */
export type TargetOf<K extends TargetKind> = Extract<Target, { kind: K }>;
