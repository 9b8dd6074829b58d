import Big from 'big.js';
import { targetsForYear } from '../assess/targets-for-year';
import type { Catalog } from '../catalog/catalog';
import type { Indicator, PlanId } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';
import type { Bilingual } from '../i18n/message';
import { targetText } from '../template/build-template';
import type { ConsolidatedIndicator, Consolidation } from './consolidation';

/**
 * How an indicator stands in an evaluation table:
 * - `met` 已达标; `basicallyMet` 基本达标 (missed, but the degree of completion reaches the threshold);
 * - `notMet` 未达标; `notYetDue` 未到期 (a future target the value is on its way to; see its progress);
 * - `noData` 无数据 (nothing usable reported, or a per-township indicator with townships missing);
 * - `notMonitorable`: every target governing the year is qualitative (基本普及 …): not counted as monitorable.
 */
export type EvaluationCategory = 'met' | 'basicallyMet' | 'notMet' | 'notYetDue' | 'noData' | 'notMonitorable';

/** What kind of table: the annual monitoring, the 2025 mid-term or the 2030 final evaluation. */
export type EvaluationKind = 'annual' | 'midTerm' | 'final';

/** The evaluation's settings (documented in docs/monitoring.md, configurable per deployment). */
export interface EvaluationOptions {
  /**
   * 基本达标: a missed numeric target counts as basically met when the degree of completion is at least this
   * share (value ÷ target for 不低于 targets, target ÷ value for 不高于 targets). Default 0.9 (90%).
   */
  readonly basicallyMetRatio?: number;
}

export const DEFAULT_BASICALLY_MET_RATIO = 0.9;

/** The counts of one domain (or of the whole plan). */
export interface EvaluationCounts {
  readonly domain: string;
  /** 指标数: indicators of the catalog. */
  readonly indicators: number;
  /** 可监测数: indicators with a judgeable (not only qualitative) target governing the year. */
  readonly monitorable: number;
  readonly met: number;
  readonly basicallyMet: number;
  readonly notMet: number;
  readonly notYetDue: number;
  /** 未到期 by progress status (achieved, onTrack, needsAcceleration, limited, regressing, insufficientData …). */
  readonly notYetDueByProgress: Readonly<Record<string, number>>;
  readonly noData: number;
  /** 达标率 over the monitorable indicators with data: met ÷ (monitorable − noData − notYetDue). */
  readonly rateWithData: number | null;
  /** 达标率 over every monitorable due indicator: met ÷ (monitorable − notYetDue), 无数据 counted as not met. */
  readonly rateAll: number | null;
}

/** One indicator's row of the evaluation table. */
export interface EvaluationRow {
  readonly indicatorId: string;
  readonly domain: string;
  readonly name: Bilingual;
  /** The targets governing the year, as the template writes them. */
  readonly target: Bilingual;
  /** The plan's stated 2020 value (the base year of both plans), when it states one. */
  readonly baseline2020: number | null;
  /** The consolidated value of each year from 2021 to the evaluation year (text; null = none reported). */
  readonly values: Readonly<Record<number, string | null>>;
  /** The latest year with a value, and the value. */
  readonly latest: { readonly year: number; readonly text: string } | null;
  readonly category: EvaluationCategory;
  /** value ÷ target (or target ÷ value for a ceiling) when a numeric target was missed; else null. */
  readonly completion: number | null;
  /** The progress status toward the governing target (from the series), when known. */
  readonly progress: string | null;
  readonly responsible: readonly string[];
  readonly conflict: boolean;
}

/** The evaluation table of a plan-year, with the definitions it uses (stated with it, as reports must). */
export interface Evaluation {
  readonly plan: PlanId;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly basicallyMetRatio: number;
  readonly domains: readonly EvaluationCounts[];
  readonly total: EvaluationCounts;
  readonly rows: readonly EvaluationRow[];
  readonly definitions: Readonly<Record<'monitorable' | 'basicallyMet' | 'rateWithData' | 'rateAll' | 'notYetDue', Bilingual>>;
}

/** 2025 is the mid-term (中期评估), 2030 the final evaluation (终期评估); other years the annual monitoring. */
export function evaluationKind(year: number): EvaluationKind {
  return year === 2025 ? 'midTerm' : year === 2030 ? 'final' : 'annual';
}

/**
 * The evaluation table of a plan-year from its consolidation (and the earlier years', for the value
 * columns), and each indicator's progress status: per domain and for the plan, 指标数, 可监测数, 已达标,
 * 基本达标, 未达标, 未到期 (by progress), 无数据, and 达标率 with both denominators Chinese reports use.
 */
export function evaluate(
  catalog: Catalog,
  planYear: { plan: PlanId; year: number },
  consolidations: ReadonlyMap<number, Consolidation>,
  progress: ReadonlyMap<string, string> = new Map(),
  options: EvaluationOptions = {},
): Evaluation {
  const { plan, year } = planYear;
  const ratio = options.basicallyMetRatio ?? DEFAULT_BASICALLY_MET_RATIO;
  const current = consolidations.get(year);
  const byId = new Map((current?.indicators ?? []).map((line) => [line.indicatorId, line]));
  const defaults = catalog.plans[plan].defaults;
  const years = Array.from({ length: Math.max(0, year - 2020) }, (_unused, index) => 2021 + index);
  const rows = catalog.plans[plan].indicators.map((indicator): EvaluationRow => {
    const line = byId.get(indicator.id);
    const values: Record<number, string | null> = {};
    for (const y of years) values[y] = textOf(consolidations.get(y)?.indicators.find((item) => item.indicatorId === indicator.id));
    const latestYear = [...years].reverse().find((y) => values[y] !== null && values[y] !== undefined);
    const { category, completion } = categoryOf(indicator, year, line, ratio);
    return {
      indicatorId: indicator.id,
      domain: indicator.domain,
      name: { zh: indicator.name, en: indicator.nameEn },
      target: { zh: targetText(indicator, year, 'zh-CN', defaults), en: targetText(indicator, year, 'en-US', defaults) },
      baseline2020: indicator.baseline.find((baseline) => baseline.year === 2020)?.value ?? null,
      values,
      latest: latestYear === undefined ? null : { year: latestYear, text: values[latestYear] as string },
      category,
      completion,
      progress: progress.get(indicator.id) ?? null,
      responsible: indicator.responsible,
      conflict: line?.conflict ?? false,
    };
  });
  const domains = catalog.plans[plan].domains.map((domain) => countsOf(domain.name, rows.filter((row) => row.domain === domain.name)));
  return {
    plan,
    year,
    kind: evaluationKind(year),
    basicallyMetRatio: ratio,
    domains,
    total: countsOf('合计', rows),
    rows,
    definitions: definitions(ratio),
  };
}

/** The table's text for a consolidated line: the county value, or "10/12 个乡镇达标" for a roll-up. */
function textOf(line: ConsolidatedIndicator | undefined): string | null {
  if (!line) return null;
  if (line.county) return line.county.status === 'missing' || line.county.text === '' ? null : line.county.text;
  if (!line.rollUp || line.rollUp.units === line.rollUp.withoutData) return null;
  return `${line.rollUp.met}/${line.rollUp.units} 达标`;
}

function categoryOf(indicator: Indicator, year: number, line: ConsolidatedIndicator | undefined, ratio: number): { category: EvaluationCategory; completion: number | null } {
  const checks = targetsForYear(indicator, year);
  if (!checks.some((check) => check.target.kind !== 'qualitative')) return { category: 'notMonitorable', completion: null };
  const status: string = line?.status ?? 'missing';
  if (status === 'met') return { category: 'met', completion: null };
  if (status === 'notYetDue') return { category: 'notYetDue', completion: null };
  if (status !== 'notMet') return { category: 'noData', completion: null };
  const completion = line?.county?.value?.kind === 'number' ? completionOf(indicator, year, line.county.value.value) : null;
  return { category: completion !== null && completion >= ratio ? 'basicallyMet' : 'notMet', completion };
}

/**
 * The degree of completion of a missed numeric target: value ÷ target for a floor (不低于, 以上, 至少),
 * target ÷ value for a ceiling (以下, 控制在), threshold ÷ value for a reduction from a base year. Only for
 * the due target the value misses first; null where no such ratio means anything (左右, ratios, trends).
 */
function completionOf(indicator: Indicator, year: number, value: number): number | null {
  for (const check of targetsForYear(indicator, year)) {
    if (check.role !== 'due') continue;
    const degree = degreeOf(check.target, value, indicator);
    if (degree !== null && degree < 1) return degree;
  }
  return null;
}

function degreeOf(target: Target, value: number, indicator: Indicator): number | null {
  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : Number(new Big(numerator).div(denominator).toFixed(6)));
  switch (target.kind) {
    case 'min':
    case 'count':
      return ratio(value, target.value);
    case 'max':
      return value === 0 ? 1 : ratio(target.value, value);
    case 'reduction': {
      const base = indicator.baseline.find((baseline) => baseline.year === target.baseYear)?.value;
      if (base === undefined) return null;
      const threshold = Number(new Big(base).times(new Big(100).minus(target.percent)).div(100));
      return value === 0 ? 1 : ratio(threshold, value);
    }
    default:
      return null;
  }
}

function countsOf(domain: string, rows: readonly EvaluationRow[]): EvaluationCounts {
  const count = (category: EvaluationCategory) => rows.filter((row) => row.category === category).length;
  const monitorable = rows.length - count('notMonitorable');
  const met = count('met');
  const notYetDue = count('notYetDue');
  const noData = count('noData');
  const byProgress: Record<string, number> = {};
  for (const row of rows.filter((item) => item.category === 'notYetDue')) byProgress[row.progress ?? 'insufficientData'] = (byProgress[row.progress ?? 'insufficientData'] ?? 0) + 1;
  const due = monitorable - notYetDue;
  const withData = due - noData;
  return {
    domain,
    indicators: rows.length,
    monitorable,
    met,
    basicallyMet: count('basicallyMet'),
    notMet: count('notMet'),
    notYetDue,
    notYetDueByProgress: byProgress,
    noData,
    rateWithData: withData > 0 ? met / withData : null,
    rateAll: due > 0 ? met / due : null,
  };
}

function definitions(ratio: number): Evaluation['definitions'] {
  const percent = `${Math.round(ratio * 100)}%`;
  return {
    monitorable: { zh: '可监测数：当年起作用的目标中至少有一项可以判定（非“基本普及”等定性表述）的指标数', en: 'Monitorable: indicators with at least one judgeable (not only qualitative) target governing the year' },
    basicallyMet: {
      zh: `基本达标：未达到目标，但完成程度不低于${percent}（“不低于”类目标为实际值÷目标值，“不高于”类目标为目标值÷实际值，以基期下降类目标为目标阈值÷实际值）`,
      en: `Basically met: the target is missed but the degree of completion is at least ${percent} (value ÷ target for floors, target ÷ value for ceilings, threshold ÷ value for reductions)`,
    },
    rateWithData: { zh: '达标率（有数据）= 已达标 ÷（可监测数 − 未到期 − 无数据）', en: 'Rate (with data) = met ÷ (monitorable − not yet due − no data)' },
    rateAll: { zh: '达标率（全部）= 已达标 ÷（可监测数 − 未到期），无数据按未达标计', en: 'Rate (all) = met ÷ (monitorable − not yet due); no data counts as not met' },
    notYetDue: { zh: '未到期：目标年份未到、当年不要求达到的指标，按进展状态分列', en: 'Not yet due: the target year has not come; listed by progress status' },
  };
}
