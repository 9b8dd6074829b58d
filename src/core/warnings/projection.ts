import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Indicator } from '../catalog/indicator-schema';
import { describeTarget } from '../assess/describe-target';
import { formatQuantity, formatQuantityEn } from '../assess/format-quantity';
import { judgeTarget } from '../assess/judge-target';
import type { TargetCheck } from '../assess/targets-for-year';
import type { Message } from '../i18n/message';
import { validRange } from '../rules/validate-value';

/** One observed value of an indicator. */
export interface Observation {
  readonly year: number;
  readonly value: number;
}

/** Least-squares straight line through the observations, evaluated at `year`; undefined with < 2 distinct years. */
export function projectLinear(observations: readonly Observation[], year: number): number | undefined {
  const years = new Set(observations.map((observation) => observation.year));
  if (years.size < 2) return undefined;
  const n = observations.length;
  const meanX = observations.reduce((sum, o) => sum + o.year, 0) / n;
  const meanY = observations.reduce((sum, o) => sum + o.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const o of observations) {
    sxy += (o.year - meanX) * (o.value - meanY);
    sxx += (o.year - meanX) ** 2;
  }
  return meanY + (sxy / sxx) * (year - meanX);
}

const PROJECTABLE = new Set(['min', 'max', 'approx', 'count']);
/** How many years ahead a straight line through only two observations is still projected. */
const MAX_TWO_POINT_HORIZON = 5;

/**
 * Warns when the trend of the observations (the plan's baselines from 2020 on, last year, this year)
 * projects a miss of the upcoming numeric target (the plans' 预计达标困难的监测指标).
 * The projection is clamped to the indicator's valid range (a rate cannot fall below 0); from only two
 * observations it reaches at most five years ahead.
 */
export function projectionWarning(
  indicator: Indicator,
  upcoming: TargetCheck | undefined,
  observations: readonly Observation[],
  defaults: CatalogDefaults,
): Message | undefined {
  if (!upcoming || !PROJECTABLE.has(upcoming.target.kind)) return undefined;
  // two points say little about a target more than five years away
  const last = Math.max(...observations.map((o) => o.year));
  if (upcoming.year - last > MAX_TWO_POINT_HORIZON && new Set(observations.map((o) => o.year)).size < 3) return undefined;
  const projected = projectLinear(observations, upcoming.year);
  if (projected === undefined) return undefined;
  const { min, max } = validRange(indicator);
  const clamped = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, projected));
  const rounded = Number(clamped.toFixed(2));
  const verdict = judgeTarget(upcoming.target, { value: { kind: 'number', value: rounded, text: String(rounded) } }, defaults);
  if (verdict.outcome !== 'notMet') return undefined;
  const first = Math.min(...observations.map((o) => o.year));
  const target = describeTarget(upcoming.target, indicator, defaults);
  return {
    code: 'warning.projectedMiss',
    severity: 'warning',
    field: 'value',
    zh: `达标预警：按${first}—${last}年的变化趋势，预计${upcoming.year}年为${formatQuantity(rounded, indicator.unit)}，难以实现${target.zh}的目标`,
    en: `Early warning: on the ${first}–${last} trend, ${upcoming.year} is projected at ${formatQuantityEn(rounded, indicator.unit)}, missing the target ${target.en}`,
  };
}
