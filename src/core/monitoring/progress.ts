import Big from 'big.js';
import type { CatalogDefaults } from '../catalog/catalog-schema';
import { PLAN_FIRST_YEAR, type Indicator } from '../catalog/indicator-schema';
import type { Target, TargetOf } from '../catalog/target-schema';
import { UNITS } from '../catalog/units';
import { approxTolerance } from '../assess/describe-target';
import { isRecurring } from '../assess/targets-for-year';
import { BilingualError, type Bilingual } from '../i18n/message';
import { validRange } from '../rules/validate-value';
import { progressMessages } from './progress-messages';

/**
 * # Progress toward the governing target (the plans' 预警: 预计达标困难、波动较大的监测指标)
 *
 * The method Open SDG publishes (sdg-build's `ProgressMeasure`, after Statistics Canada's progress
 * measurement methodology, itself after Eurostat's). For an indicator's series of yearly values:
 *
 * - `y_0` is the value of the base year `t_0`, `y_t` the latest value, of year `t`;
 *   `CAGR_o = (y_t / y_0)^(1/(t − t_0)) − 1` is the observed compound annual growth rate.
 * - With a numeric target `y_T` due in year `T` (Open SDG's "methodology 2"):
 *   `CAGR_r = (y_T / y_0)^(1/(T − t_0)) − 1` is the rate that reaches the target on time and
 *   `R = s · d · CAGR_o / |CAGR_r|`, where `d` is +1 when higher is better and −1 when lower is better and
 *   `s` is −1 for a series of negative values (sdg-build's `sign`; +1 otherwise).
 *   Status: `achieved` when `y_t` already meets the target (whatever the trend — Open SDG checks this first,
 *   even with a single point); else `onTrack` (R ≥ 0.95), `needsAcceleration` (0.6 ≤ R < 0.95),
 *   `limited` (0 ≤ R < 0.6), `regressing` (R < 0).
 * - Without a numeric target but with a desired direction (Open SDG's "methodology 1"), the observed rate
 *   itself, `P = s · d · CAGR_o`, is compared with fixed thresholds: `onTrack` P ≥ 1.5%·C,
 *   `needsAcceleration` P ≥ 0.5%·C, `limited` P ≥ 0, `regressing` P < 0, where the scaling factor C ∈ [0, 1]
 *   lowers the thresholds near a natural maximum (a rate near 100% cannot rise 1.5% a year):
 *   `C = 1 − (y_0/y_lim)^4.44` for 0 ≤ y_0 ≤ y_lim (sdg-build's formula; `y_lim` = the unit's maximum, e.g. 100%).
 *
 * ## The series
 *
 * Points `{year, value}`: the consolidated value of each reporting year, plus the plan's stated baselines
 * ({@link seriesWithBaselines}: added for the years the series does not give). The base year is **2020**
 * ({@link PROGRESS_BASE_YEAR}: the plans run 2021–2030 and state their baselines for 2020), as Open SDG fixes
 * a base year (2015) and uses the first later year with data when the base year has none. Points before 2020
 * (e.g. the plan's 2010 baselines of 婴儿死亡率) do not enter the measure: they are reported as ignored.
 * Only `y_0` and `y_t` enter the rate (intermediate points do not, as in sdg-build).
 *
 * ## The governing target
 *
 * {@link governingTarget}: the first target — a milestone or the final target — whose year is **after** the
 * latest year with data; when none is, the final target. A target of the latest year itself is past: in 2025,
 * with the 2025 value in hand, whether the 2025 milestone is met is the assessment engine's verdict
 * (met/notMet), and progress looks ahead to 2030. A recurring final target ({@link isRecurring}: 保持/每年,
 * or a trend target) is due in every year, so its year is the year after the latest (at most `targetYear`).
 *
 * ## Each target kind (the choices, where the code makes them: {@link ruleFor})
 *
 * - `min` (d = +1) and `max` (d = −1): the target value; met as the assessment engine judges it (`strict`
 *   included).
 * - `approx`, `sides: "both"` (保持在…左右) is what Open SDG calls a "Goldilocks" target: being above is as bad
 *   as being below. Open SDG transforms such values as `target + |y − target|` (its treatment of GIF 5.5.1:
 *   50% + |y − 50%|) and asks for a decrease towards the target. So does this module (measure `reflected`,
 *   d = −1), with the plan's tolerance: the target of the measure is `value + tolerance`, which the measure
 *   meets exactly when |y − value| ≤ tolerance (the engine's verdict). The transform never reaches zero.
 * - `approx`, `sides: "atLeast"` (达到…左右): exceeding the value meets it too, so it is not a Goldilocks
 *   target: a `min` target of `value − tolerance` (the engine's threshold).
 * - `ratio` (男女厕位2:3): the measure is the favoured term's share in percent, e.g. women's stalls
 *   women/(men + women) × 100 against 3/(2 + 3) × 100 = 60% (d = +1). The latest value meets it exactly as the
 *   engine judges it (cross-multiplication, no division).
 * - `reduction` (以2020年为基数下降20%): the target is `base × (100 − p)/100` (d = −1), computed in decimal; the
 *   base is the series' value of the base year (a point before 2020 counts here), else the plan's stated
 *   baseline of that year; with neither, `notAssessable` (`missingBase`).
 * - `count` (至少1所/每年至少召开1次): `achieved` when the latest value reaches the number; otherwise
 *   `notAssessable` (`count`): a growth rate of 0 → 1 institution (with Open SDG's 0.001 for the zero) says
 *   nothing (the swing warning exempts counts for the same reason).
 * - `increase` / `decrease` (逐步提高/持续下降): no numeric target, a direction (d = ±1): methodology 1. They are
 *   never `achieved` — Open SDG gives "target achieved" only for numeric targets, and "higher than last year"
 *   is met or missed anew every year (the assessment engine's verdict); the last change and whether it goes
 *   the plan's way are reported beside the status (`lastChange`).
 * - `notBelowPrevious` (不低于上年/上届, 巩固): holding the level is what the plan asks, so every threshold is 0
 *   (P ≥ 0 `onTrack`, P < 0 `regressing`) — Open SDG's treatment of a series held at its limit (C = 0).
 *   For `previousTerm` targets the series' points are the terms' values; the "previous" is the previous point.
 * - `relative` (不低于党员中女性比例): `notAssessable` (`relative`): the value it compares with is another
 *   figure, entered every year, that is not in the series.
 * - `achieved` (是/否): `notAssessable` (`yesNo`): no numeric series.
 * - `qualitative`: `notAssessable` (`qualitative`) — e.g. 农村卫生厕所 after 2025 (基本普及 by 2030).
 *
 * ## Zeros and sign changes (as sdg-build guards them, extended where it breaks)
 *
 * - A zero base value or a zero target is replaced by 0.001 (in the measure's unit) in the rates, as
 *   sdg-build does; here the 0.001 takes the sign of the other values (sdg-build's +0.001 breaks a negative
 *   series). The target itself stays as it is for `achieved` (sdg-build checks achievement against the 0.001).
 * - A series that stays at zero (y_0 = y_t = 0) has `CAGR_o = 0`, not the −100% that the 0.001 would make of it.
 * - A latest value of zero: `CAGR_o = −1` (a fall of 100%), exact.
 * - Base and latest values (or base and target) of opposite signs (possible in 百分点): the compound rate is
 *   undefined; sdg-build returns no progress value ("not available") — here `notAssessable` (`signChange`).
 * - `CAGR_r = 0` (the base value is the target, or both were zero): R is undefined (reported as null); the
 *   status is `regressing` when the series moved away from the target, else `limited`.
 * - A target year not after the base year (`T ≤ t_0`, a series that starts after its target): `notAssessable`
 *   (`targetNotAfterBase`) unless achieved.
 *
 * ## Projection and gap
 *
 * `projected` = `y_t · (1 + CAGR_o)^(T − t)` — the observed rate carried to T (from y_t, so a 0.001 base
 * never enters it), clamped to the valid range of the measure (a rate stays within 0–100%; the reflected
 * measure cannot fall below the target value), rounded to 2 decimals, and only when T is after t.
 * `gap` = `d · (target − projected)` in decimal: how far the projection stays short of the target (> 0), or
 * passes it (≤ 0). `projectedAchieves` judges the projection as the target judges a value.
 *
 * Arithmetic: every comparison that decides `achieved` (and `projectedAchieves`) is exact (big.js); the rates
 * and R are binary floating point, as in sdg-build.
 */

/** The year the plans state their baselines for: the base year `t_0` of the measure. */
export const PROGRESS_BASE_YEAR = PLAN_FIRST_YEAR - 1;
/** Open SDG's thresholds of R for numeric targets. */
export const RATIO_THRESHOLDS = { onTrack: 0.95, needsAcceleration: 0.6 } as const;
/** Open SDG's thresholds of the observed rate without a numeric target (before scaling near a limit). */
export const TREND_THRESHOLDS = { onTrack: 0.015, needsAcceleration: 0.005 } as const;
/** What sdg-build puts in place of a zero base value or target. */
export const ZERO_REPLACEMENT = 0.001;
/** The exponent of sdg-build's scaling factor near a natural limit. */
const LIMIT_EXPONENT = 4.44;

export const PROGRESS_STATUSES = ['achieved', 'onTrack', 'needsAcceleration', 'limited', 'regressing', 'insufficientData', 'notAssessable'] as const;
/** The progress status of a series. */
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Why a series is `notAssessable` or has `insufficientData`. */
export type ProgressReason =
  | 'qualitative'
  | 'yesNo'
  | 'relative'
  | 'count'
  | 'missingBase'
  | 'signChange'
  | 'targetNotAfterBase'
  | 'noData'
  | 'onePoint';

/** `target`: Open SDG's methodology 2 (R); `trend`: methodology 1 (the observed rate); `none`: neither. */
export type ProgressMethod = 'target' | 'trend' | 'none';

/** What the series measures: the value itself, the favoured term's share (%), or `target + |value − target|`. */
export type ProgressMeasure = 'value' | 'share' | 'reflected';

/** A ratio value, e.g. 男:女 = 2:3 as `{ left: 2, right: 3 }`. */
export interface RatioValue {
  readonly left: number;
  readonly right: number;
}

/** One value of the series: a number, or a ratio for a `ratio` indicator. */
export type PointValue = number | RatioValue;

/** One point of a series. */
export interface ProgressPoint {
  readonly year: number;
  readonly value: PointValue;
}

/** A point as the result reports it: where it came from, its measure and whether it entered the rates. */
export interface SeriesEntry extends ProgressPoint {
  readonly source: 'observed' | 'baseline';
  /** The value as the measure sees it (the value, the share in %, or the reflected value). */
  readonly measure: number;
  /** false for points before {@link PROGRESS_BASE_YEAR}. */
  readonly used: boolean;
}

/** The target a series is measured against. */
export interface GoverningTarget {
  readonly year: number;
  readonly target: Target;
  readonly role: 'milestone' | 'final';
  /** The final target binds every year (保持/每年, or a trend target). */
  readonly recurring: boolean;
}

/** The last change of a trend target's series, and whether it goes the way the plan asks this year. */
export interface LastChange {
  readonly fromYear: number;
  readonly toYear: number;
  readonly change: number;
  readonly meetsPlan: boolean;
}

/** A message of the result, in both languages; `code` is stable and meant for programs. */
export interface ProgressMessage extends Bilingual {
  readonly code: string;
}

/** The progress of one indicator's series (of the county, or of one reporting unit). */
export interface ProgressResult {
  readonly indicatorId: string;
  readonly unitId: string | null;
  readonly status: ProgressStatus;
  readonly reason: ProgressReason | null;
  readonly method: ProgressMethod;
  readonly measure: ProgressMeasure;
  /** +1 higher is better, −1 lower is better; null without a direction (qualitative, yes/no, relative). */
  readonly direction: 1 | -1 | null;
  /** Every point, oldest first. */
  readonly series: readonly SeriesEntry[];
  /** The years of the plan's baselines that were added to the series. */
  readonly addedBaselines: readonly number[];
  /** The years before the base year, not used. */
  readonly ignoredYears: readonly number[];
  readonly baseYear: number | null;
  readonly baseValue: number | null;
  readonly latestYear: number | null;
  readonly latestValue: number | null;
  readonly target: GoverningTarget;
  readonly targetYear: number;
  /** The target in the measure's terms (e.g. 3.5 for ≤3.5‰, 60 for 2:3 favouring women, 46 for 45%左右±1). */
  readonly targetValue: number | null;
  /** The observed compound annual growth rate (0.05 = 5% a year). */
  readonly cagr: number | null;
  /** The compound annual growth rate that reaches the target on time. */
  readonly requiredCagr: number | null;
  /** R (methodology 2). */
  readonly ratio: number | null;
  /** The thresholds the status was read with (R's, or the scaled rates of methodology 1). */
  readonly thresholds: { readonly onTrack: number; readonly needsAcceleration: number } | null;
  readonly projected: number | null;
  readonly projectedAchieves: boolean | null;
  readonly gap: number | null;
  readonly lastChange: LastChange | null;
  /** Which values were replaced by 0.001 in the rates. */
  readonly replacedZeros: readonly ('base' | 'target')[];
  readonly messages: readonly ProgressMessage[];
}

/** What the progress of a series needs beside the series. */
export interface ProgressOptions {
  readonly defaults: CatalogDefaults;
  /** The reporting unit (a township, a body of a list) the series is of; absent for the county as a whole. */
  readonly unitId?: string;
}

/** A series that cannot be measured as given (a duplicate year, a value of the wrong kind). */
export class ProgressInputError extends BilingualError {}

/** The points of a series with the plan's baselines added, and which baselines were added. */
export interface SeriesWithBaselines {
  readonly points: readonly (ProgressPoint & { readonly source: 'observed' | 'baseline' })[];
  readonly added: readonly number[];
}

/**
 * The observed points plus the plan's stated baselines of years the points do not give, oldest first.
 * Baselines before {@link PROGRESS_BASE_YEAR} are not added (they would not be used). A unit's series gets
 * none: the plan's baselines are the county's figures, not a township's.
 */
export function seriesWithBaselines(indicator: Indicator, observed: readonly ProgressPoint[], unitId?: string): SeriesWithBaselines {
  checkPoints(indicator, observed);
  const years = new Set(observed.map((point) => point.year));
  const addable = unitId === undefined && UNITS[indicator.unit].valueKind === 'number';
  const baselines = addable ? indicator.baseline.filter((baseline) => baseline.year >= PROGRESS_BASE_YEAR && !years.has(baseline.year)) : [];
  const points = [
    ...observed.map((point) => ({ year: point.year, value: point.value, source: 'observed' as const })),
    ...baselines.map((baseline) => ({ year: baseline.year, value: baseline.value, source: 'baseline' as const })),
  ].sort((a, b) => a.year - b.year);
  return { points, added: baselines.map((baseline) => baseline.year).sort((a, b) => a - b) };
}

/**
 * The target a series whose latest year is `latestYear` is measured against: the first target (milestone or
 * final) due after that year, else the final target. A recurring final target is due the year after.
 */
export function governingTarget(indicator: Indicator, latestYear: number): GoverningTarget {
  const recurring = isRecurring(indicator);
  const finalYear = recurring ? Math.min(latestYear + 1, indicator.targetYear) : indicator.targetYear;
  const final: GoverningTarget = { year: finalYear, target: indicator.target, role: 'final', recurring };
  const all: GoverningTarget[] = [
    ...indicator.milestones.map((milestone) => ({ year: milestone.year, target: milestone.target, role: 'milestone' as const, recurring: false })),
    final,
  ].sort((a, b) => a.year - b.year);
  return all.find((entry) => entry.year > latestYear) ?? final;
}

/** How a target kind is measured: see the module comment. */
type Rule =
  | { readonly method: 'none'; readonly reason: 'qualitative' | 'yesNo' | 'relative' }
  | { readonly method: 'count'; readonly value: number }
  | { readonly method: 'missingBase' }
  | {
      readonly method: 'target';
      readonly direction: 1 | -1;
      readonly measure: ProgressMeasure;
      readonly target: Big;
      readonly measureOf: (value: PointValue) => Big;
      /** Whether a value meets the target, exactly as the assessment engine judges it. */
      readonly meets: (value: PointValue) => boolean;
      /** Whether a value of the measure (a projection) meets the target. */
      readonly measureMeets: (measure: Big) => boolean;
      /** The valid range of the measure, for clamping a projection. */
      readonly range: { readonly min?: number; readonly max?: number };
    }
  | {
      readonly method: 'trend';
      readonly direction: 1 | -1;
      readonly holdOnly: boolean;
      readonly range: { readonly min?: number; readonly max?: number };
    };

function numberOf(value: PointValue): number {
  if (typeof value !== 'number') throw new ProgressInputError('该指标的值应为数值，不是比例', 'This indicator\'s values are numbers, not ratios');
  return value;
}

function ratioOf(value: PointValue): RatioValue {
  if (typeof value === 'number') throw new ProgressInputError('该指标的值应为比例（如2:3）', 'This indicator\'s values are ratios (such as 2:3)');
  return value;
}

function ruleFor(indicator: Indicator, target: Target, points: readonly ProgressPoint[], defaults: CatalogDefaults): Rule {
  const range = validRange(indicator);
  const plain = (value: PointValue) => new Big(numberOf(value));
  switch (target.kind) {
    case 'qualitative':
      return { method: 'none', reason: 'qualitative' };
    case 'achieved':
      return { method: 'none', reason: 'yesNo' };
    case 'relative':
      return { method: 'none', reason: 'relative' };
    case 'count':
      return { method: 'count', value: target.value };
    case 'increase':
    case 'decrease':
    case 'notBelowPrevious':
      return { method: 'trend', direction: target.kind === 'decrease' ? -1 : 1, holdOnly: target.kind === 'notBelowPrevious', range };
    case 'min':
    case 'max': {
      const value = new Big(target.value);
      const higher = target.kind === 'min';
      const measureMeets = (m: Big) => (higher ? (target.strict ? m.gt(value) : m.gte(value)) : target.strict ? m.lt(value) : m.lte(value));
      return { method: 'target', direction: higher ? 1 : -1, measure: 'value', target: value, measureOf: plain, meets: (v) => measureMeets(plain(v)), measureMeets, range };
    }
    case 'approx':
      return approxRule(target, approxTolerance(target, defaults), range);
    case 'ratio':
      return ratioRule(target);
    case 'reduction': {
      const base = reductionBase(indicator, target, points);
      if (base === undefined) return { method: 'missingBase' };
      // value ≤ base·(100 − p)/100, exactly as the engine judges it
      const bound = new Big(base).times(new Big(100).minus(target.percent));
      const measureMeets = (m: Big) => m.times(100).lte(bound);
      return { method: 'target', direction: -1, measure: 'value', target: bound.div(100), measureOf: plain, meets: (v) => measureMeets(plain(v)), measureMeets, range };
    }
  }
}

function approxRule(target: TargetOf<'approx'>, tolerance: number, range: { min?: number; max?: number }): Rule {
  const plain = (value: PointValue) => new Big(numberOf(value));
  if (target.sides === 'atLeast') {
    const floor = new Big(target.value).minus(tolerance);
    const measureMeets = (m: Big) => m.gte(floor);
    return { method: 'target', direction: 1, measure: 'value', target: floor, measureOf: plain, meets: (v) => measureMeets(plain(v)), measureMeets, range };
  }
  // Open SDG's Goldilocks transform: target + |y − target|, to decrease towards target + tolerance
  const centre = new Big(target.value);
  const reflect = (value: PointValue) => centre.plus(plain(value).minus(centre).abs());
  const ceiling = centre.plus(tolerance);
  const measureMeets = (m: Big) => m.lte(ceiling);
  return {
    method: 'target',
    direction: -1,
    measure: 'reflected',
    target: ceiling,
    measureOf: reflect,
    meets: (v) => measureMeets(reflect(v)),
    measureMeets,
    range: { min: target.value },
  };
}

function ratioRule(target: TargetOf<'ratio'>): Rule {
  const [targetFirst, targetSecond] = target.value;
  const second = target.favours === 'second';
  const share = (value: PointValue) => {
    const { left, right } = ratioOf(value);
    return new Big(second ? right : left).div(new Big(left).plus(right)).times(100);
  };
  const targetShare = new Big(second ? targetSecond : targetFirst).div(new Big(targetFirst).plus(targetSecond)).times(100);
  return {
    method: 'target',
    direction: 1,
    measure: 'share',
    target: targetShare,
    measureOf: share,
    // second/first ≥ t2/t1  ⇔  second·t1 ≥ t2·first (all terms positive): no division
    meets: (value) => {
      const { left, right } = ratioOf(value);
      const favoured = new Big(second ? right : left).times(second ? targetFirst : targetSecond);
      const other = new Big(second ? left : right).times(second ? targetSecond : targetFirst);
      return favoured.gte(other);
    },
    measureMeets: (m) => m.gte(targetShare),
    range: { min: 0, max: 100 },
  };
}

/** The base value of a reduction target: the series' value of the base year, else the plan's baseline of that year. */
function reductionBase(indicator: Indicator, target: TargetOf<'reduction'>, points: readonly ProgressPoint[]): number | undefined {
  const point = points.find((entry) => entry.year === target.baseYear);
  if (point) return numberOf(point.value);
  return indicator.baseline.find((baseline) => baseline.year === target.baseYear)?.value;
}

function checkPoints(indicator: Indicator, points: readonly ProgressPoint[]): void {
  const seen = new Set<number>();
  const ratio = UNITS[indicator.unit].valueKind === 'ratio';
  for (const point of points) {
    if (!Number.isInteger(point.year)) throw new ProgressInputError(`年份“${point.year}”不是整数`, `The year "${point.year}" is not a whole number`);
    if (seen.has(point.year)) throw new ProgressInputError(`序列中${point.year}年出现了不止一次`, `The series gives ${point.year} more than once`);
    seen.add(point.year);
    const values = typeof point.value === 'number' ? [point.value] : [point.value.left, point.value.right];
    if (!values.every(Number.isFinite)) throw new ProgressInputError(`${point.year}年的值不是有限数值`, `The value of ${point.year} is not a finite number`);
    if (ratio) {
      const { left, right } = ratioOf(point.value);
      if (!(left > 0 && right > 0)) throw new ProgressInputError(`${point.year}年的比例两项均应为正数`, `Both terms of the ${point.year} ratio must be positive`);
    } else {
      numberOf(point.value);
    }
  }
}

/** What the computation found, before it is put into words. */
export type ProgressFigures = Omit<ProgressResult, 'messages'>;

/**
 * The progress status of an indicator's series toward its governing target (see the module comment for the
 * method and every choice). `observed` holds the consolidated values (any order); the plan's baselines are
 * added for a county series. Throws {@link ProgressInputError} on a duplicate year or a value of the wrong kind.
 */
export function assessProgress(indicator: Indicator, observed: readonly ProgressPoint[], options: ProgressOptions): ProgressResult {
  const figures = progressFigures(indicator, observed, options);
  return { ...figures, messages: progressMessages(indicator, figures, options.defaults) };
}

/** The figures of {@link assessProgress}, without the messages. */
export function progressFigures(indicator: Indicator, observed: readonly ProgressPoint[], options: ProgressOptions): ProgressFigures {
  const { points, added } = seriesWithBaselines(indicator, observed, options.unitId);
  const used = points.filter((point) => point.year >= PROGRESS_BASE_YEAR);
  const first = used[0];
  const latest = used[used.length - 1];
  const previous = used.length >= 2 ? used[used.length - 2] : undefined;
  const governing = governingTarget(indicator, latest?.year ?? PROGRESS_BASE_YEAR);
  const rule = ruleFor(indicator, governing.target, points, options.defaults);
  const measureOf = (value: PointValue): number => (rule.method === 'target' ? rule.measureOf(value).toNumber() : typeof value === 'number' ? value : Number.NaN);
  const series = points.map((point) => ({ ...point, measure: measureOf(point.value), used: point.year >= PROGRESS_BASE_YEAR }));
  const empty: ProgressFigures = {
    indicatorId: indicator.id,
    unitId: options.unitId ?? null,
    status: 'notAssessable',
    reason: null,
    method: 'none',
    measure: rule.method === 'target' ? rule.measure : 'value',
    direction: rule.method === 'target' || rule.method === 'trend' ? rule.direction : rule.method === 'count' ? 1 : rule.method === 'missingBase' ? -1 : null,
    series,
    addedBaselines: added,
    ignoredYears: points.filter((point) => point.year < PROGRESS_BASE_YEAR).map((point) => point.year),
    baseYear: first?.year ?? null,
    baseValue: first ? measureOf(first.value) : null,
    latestYear: latest?.year ?? null,
    latestValue: latest ? measureOf(latest.value) : null,
    target: governing,
    targetYear: governing.year,
    targetValue: rule.method === 'target' ? rule.target.toNumber() : rule.method === 'count' ? rule.value : null,
    cagr: null,
    requiredCagr: null,
    ratio: null,
    thresholds: null,
    projected: null,
    projectedAchieves: null,
    gap: null,
    lastChange: null,
    replacedZeros: [],
  };
  switch (rule.method) {
    case 'none':
      return { ...empty, reason: rule.reason };
    case 'missingBase':
      return { ...empty, reason: 'missingBase' };
    case 'count':
      if (!latest) return { ...empty, status: 'insufficientData', reason: 'noData' };
      // a count is achieved or not: its growth rate says nothing (see the module comment)
      return new Big(numberOf(latest.value)).gte(rule.value) ? { ...empty, status: 'achieved' } : { ...empty, reason: 'count' };
    case 'target':
      return targetProgress(empty, rule, first, latest);
    case 'trend':
      return trendProgress(empty, rule, governing, first, latest, previous);
  }
}

type Point = ProgressPoint;

function targetProgress(empty: ProgressFigures, rule: Extract<Rule, { method: 'target' }>, first: Point | undefined, latest: Point | undefined): ProgressFigures {
  const base: ProgressFigures = { ...empty, method: 'target' };
  if (!first || !latest) return { ...base, status: 'insufficientData', reason: 'noData' };
  // Open SDG checks achievement first, even with a single point
  if (rule.meets(latest.value)) return { ...base, status: 'achieved' };
  if (first === latest) return { ...base, status: 'insufficientData', reason: 'onePoint' };
  const T = empty.targetYear;
  if (T <= first.year) return { ...base, status: 'notAssessable', reason: 'targetNotAfterBase' };
  const y0 = rule.measureOf(first.value).toNumber();
  const yt = rule.measureOf(latest.value).toNumber();
  const target = rule.target.toNumber();
  const zeros = replaceZeros(y0, yt, target);
  if (!zeros) return { ...base, status: 'notAssessable', reason: 'signChange' };
  const d = rule.direction;
  const cagr = growth(yt, y0, zeros.base, latest.year - first.year);
  const required = (zeros.target / zeros.base) ** (1 / (T - first.year)) - 1;
  const signed = zeros.sign * d * cagr;
  let ratio: number | null;
  let status: ProgressStatus;
  if (required === 0) {
    // the base is the target: R is undefined; away from it is regressing, standing still is limited
    ratio = null;
    status = signed < 0 ? 'regressing' : 'limited';
  } else {
    ratio = signed / Math.abs(required);
    status = statusOf(ratio, RATIO_THRESHOLDS);
  }
  const projection = project(yt, cagr, latest.year, T, rule.range);
  const projectedAchieves = projection === null ? null : rule.measureMeets(new Big(projection));
  const gap = projection === null ? null : rule.target.minus(projection).times(d).toNumber();
  return {
    ...base,
    status,
    cagr,
    requiredCagr: required,
    ratio,
    thresholds: RATIO_THRESHOLDS,
    projected: projection,
    projectedAchieves,
    gap,
    replacedZeros: zeros.replaced,
  };
}

function trendProgress(
  empty: ProgressFigures,
  rule: Extract<Rule, { method: 'trend' }>,
  governing: GoverningTarget,
  first: Point | undefined,
  latest: Point | undefined,
  previous: Point | undefined,
): ProgressFigures {
  const base: ProgressFigures = { ...empty, method: 'trend' };
  if (!first || !latest) return { ...base, status: 'insufficientData', reason: 'noData' };
  if (!previous) return { ...base, status: 'insufficientData', reason: 'onePoint' };
  const change = new Big(numberOf(latest.value)).minus(numberOf(previous.value));
  const kind = governing.target.kind;
  const meetsPlan = kind === 'increase' ? change.gt(0) : kind === 'decrease' ? change.lt(0) : change.gte(0);
  const lastChange: LastChange = { fromYear: previous.year, toYear: latest.year, change: change.toNumber(), meetsPlan };
  const y0 = numberOf(first.value);
  const yt = numberOf(latest.value);
  const zeros = replaceZeros(y0, yt, undefined);
  if (!zeros) return { ...base, status: 'notAssessable', reason: 'signChange', lastChange };
  const cagr = growth(yt, y0, zeros.base, latest.year - first.year);
  const scale = rule.holdOnly ? 0 : rule.direction === 1 ? limitScaling(zeros.base, rule.range.max) : 1;
  const thresholds = { onTrack: TREND_THRESHOLDS.onTrack * scale, needsAcceleration: TREND_THRESHOLDS.needsAcceleration * scale };
  const status = statusOf(zeros.sign * rule.direction * cagr, thresholds);
  const projected = project(yt, cagr, latest.year, empty.targetYear, rule.range);
  return { ...base, status, cagr, thresholds, projected, lastChange, replacedZeros: zeros.replaced };
}

/**
 * sdg-build's scaling factor near a natural maximum `limit` (a rate of 100%): 1 far from it, 0 at it.
 * Without a limit (a count, a rate per 100,000 has a limit so far away that C ≈ 1), 1.
 */
export function limitScaling(base: number, limit: number | undefined): number {
  if (limit === undefined || limit <= 0) return 1;
  const y = Math.abs(base);
  if (y >= 2 * limit) return 1;
  if (y <= limit) return 1 - (y / limit) ** LIMIT_EXPONENT;
  return 1 - ((2 * limit - y) / limit) ** LIMIT_EXPONENT;
}

function statusOf(value: number, thresholds: { onTrack: number; needsAcceleration: number }): ProgressStatus {
  if (value >= thresholds.onTrack) return 'onTrack';
  if (value >= thresholds.needsAcceleration) return 'needsAcceleration';
  if (value >= 0) return 'limited';
  return 'regressing';
}

/**
 * The base value and target the rates use: a zero replaced by 0.001 with the sign of the other values;
 * undefined when the values have opposite signs (no compound rate exists).
 */
function replaceZeros(y0: number, yt: number, target: number | undefined): { base: number; target: number; sign: 1 | -1; replaced: ('base' | 'target')[] } | undefined {
  const replaced: ('base' | 'target')[] = [];
  const sign = Math.sign(y0) || Math.sign(yt) || Math.sign(target ?? 0) || 1;
  let base = y0;
  if (base === 0) {
    base = ZERO_REPLACEMENT * sign;
    replaced.push('base');
  }
  let goal = target ?? base;
  if (target === 0) {
    goal = ZERO_REPLACEMENT * Math.sign(base);
    replaced.push('target');
  }
  if (yt !== 0 && Math.sign(yt) !== Math.sign(base)) return undefined;
  if (Math.sign(goal) !== Math.sign(base)) return undefined;
  return { base, target: goal, sign: base < 0 ? -1 : 1, replaced };
}

/** CAGR_o: 0 for a series that did not move (a series staying at zero included), else from the (replaced) base. */
function growth(yt: number, y0: number, base: number, years: number): number {
  if (yt === y0) return 0;
  return (yt / base) ** (1 / years) - 1;
}

/** The latest value carried to `year` at the observed rate, clamped to `range`, to 2 decimals; null when `year` is not ahead. */
function project(yt: number, cagr: number, from: number, year: number, range: { min?: number; max?: number }): number | null {
  if (year <= from) return null;
  const raw = yt * (1 + cagr) ** (year - from);
  const clamped = Math.min(range.max ?? Infinity, Math.max(range.min ?? -Infinity, raw));
  const rounded = Number(clamped.toFixed(2));
  return rounded === 0 ? 0 : rounded;
}
