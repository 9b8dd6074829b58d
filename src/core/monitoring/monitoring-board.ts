import { EVERY_TOWNSHIP, type Catalog } from '../catalog/catalog';
import { PLAN_FIRST_YEAR, type Indicator, type PlanId } from '../catalog/indicator-schema';
import { isTownship, type Organisation } from '../catalog/organisation-schema';
import { UNITS } from '../catalog/units';
import type { Bilingual } from '../i18n/message';
import type { CellValue } from '../parse/cell-value';
import type { ReportingGrant } from '../template/template-rows';
import { swingWarning } from '../warnings/swing';
import { completenessOf, type Completeness } from './completeness';
import { consolidate, type ConsolidatedUnit, type ConsolidatedValue, type Consolidation } from './consolidation';
import { evaluate, type Evaluation, type EvaluationOptions } from './evaluation';
import { assessProgress, seriesWithBaselines, type PointValue, type ProgressPoint, type ProgressResult, type ProgressStatus } from './progress';
import type { ReportedVersion } from './reported';

/**
 * # The bureau's monitoring board of a plan-year
 *
 * One pure composition of the monitoring core for what the statistics bureau looks at (the API, the
 * `consolidate` command, the monitoring report): who has reported ({@link completenessOf}), the year's
 * consolidation ({@link consolidate}, with the bureau's lead overrides), each indicator's series — the plan's
 * stated baselines and every year's consolidated value — with its progress toward the governing target
 * ({@link assessProgress}, Open SDG's method), the evaluation table ({@link evaluate}) and the warnings the
 * plans ask for (对预计达标困难、波动较大的监测指标及时进行预警, and conflicting values).
 *
 * Choices:
 * - Every year from 2021 to the board's year is consolidated with the same lead overrides (an override is
 *   per plan-indicator, not per year); years after the board's year are ignored.
 * - A county series is the consolidated county value of each year (a number, or a ratio for 2:3 targets;
 *   markers, text and yes/no give no point) plus the plan's baselines of 2020 on. A per-unit indicator (per
 *   township, per listed body) has no county value: no county series and no county progress; each unit has
 *   its own series (no baselines: the plan's are the county's figures) and, unless `unitProgress` is false,
 *   its own progress.
 * - The evaluation reads each indicator's county progress status (未到期 counts are split by it).
 * - Warnings: a conflict (two organisations reported different values) for each indicator or unit; a
 *   progress status of needsAcceleration, limited or regressing (预计达标困难); a year-over-year swing of the
 *   consolidated value (波动较大, the same rule as a submission's swing warning, {@link swingWarning}).
 */

/** What the board is built from: plain data the server reads from its store (or a test writes by hand). */
export interface MonitoringInput {
  readonly catalog: Catalog;
  readonly plan: PlanId;
  readonly year: number;
  /** The organisations (the database's list); the catalog's by default. */
  readonly organisations?: readonly Organisation[];
  /** The bureau's grants in force (who reports an indicator beyond the catalog's lists). */
  readonly grants?: readonly (ReportingGrant & { readonly organisationId: string })[];
  /** The current version of each organisation's submission, by reporting year (2021 … year). */
  readonly reports: ReadonlyMap<number, readonly ReportedVersion[]>;
  /** The reporting deadline of the plan-year (YYYY-MM-DD), when the bureau set one. */
  readonly deadline?: string | null;
  /** The bureau's lead organisation per indicator id, overriding the first of `responsible`. */
  readonly leads?: ReadonlyMap<string, string>;
  readonly now: Date;
  readonly evaluation?: EvaluationOptions;
  /** Assess each reporting unit's series too (default true). */
  readonly unitProgress?: boolean;
}

/** One point of a series: a reporting year's consolidated value, or a baseline the plan states. */
export interface SeriesPoint {
  readonly year: number;
  readonly value: PointValue;
  readonly source: 'observed' | 'baseline';
}

/** A reporting unit's series (a township's row of a per-township indicator, a listed body's). */
export interface UnitSeries {
  readonly unitId: string;
  readonly unitName: Bilingual;
  readonly points: readonly SeriesPoint[];
  readonly progress: ProgressResult | null;
}

/** An indicator's series and progress: the county's, and each unit's for per-unit indicators. */
export interface IndicatorSeries {
  readonly indicatorId: string;
  readonly domain: string;
  /** The county's points, oldest first (empty for a per-unit indicator). */
  readonly points: readonly SeriesPoint[];
  /** The county series' progress (null for a per-unit indicator). */
  readonly progress: ProgressResult | null;
  readonly units: readonly UnitSeries[];
}

/** Progress statuses that mean 预计达标困难: the plans' early warning. */
export const WARNING_PROGRESS: readonly ProgressStatus[] = ['needsAcceleration', 'limited', 'regressing'];

interface WarningBase {
  readonly indicatorId: string;
  /** The reporting unit, for a per-unit indicator. */
  readonly unitId: string | null;
  readonly message: Bilingual;
}

/** Something the bureau should look at in a plan-year, for the report's warnings sheet. */
export type MonitoringWarning =
  | (WarningBase & { readonly kind: 'conflict'; readonly reportedBy: string | null; readonly values: readonly { readonly organisationId: string; readonly text: string }[] })
  | (WarningBase & { readonly kind: 'progress'; readonly status: ProgressStatus; readonly targetYear: number })
  | (WarningBase & { readonly kind: 'fluctuation'; readonly previousYear: number; readonly previous: number; readonly value: number });

/** Everything the bureau sees of a plan-year. */
export interface MonitoringBoard {
  readonly plan: PlanId;
  readonly year: number;
  /** `now`, as an ISO instant. */
  readonly generatedAt: string;
  readonly completeness: Completeness;
  /** The year's consolidation. */
  readonly consolidation: Consolidation;
  /** Every year's consolidation, 2021 … year. */
  readonly consolidations: ReadonlyMap<number, Consolidation>;
  /** One per indicator of the plan, in catalog order. */
  readonly series: readonly IndicatorSeries[];
  readonly evaluation: Evaluation;
  readonly warnings: readonly MonitoringWarning[];
}

/** The years a board of `year` consolidates: 2021 … year. */
export function boardYears(year: number): number[] {
  return Array.from({ length: Math.max(0, year - PLAN_FIRST_YEAR + 1) }, (_unused, index) => PLAN_FIRST_YEAR + index);
}

/** Builds the board of a plan-year (see the module comment). */
export function monitoringBoard(input: MonitoringInput): MonitoringBoard {
  const { catalog, plan, year, now } = input;
  const organisations = input.organisations ?? catalog.organisations;
  const leads = input.leads ?? new Map<string, string>();
  const grantsByOrganisation = new Map<string, ReportingGrant[]>();
  for (const grant of input.grants ?? []) {
    let list = grantsByOrganisation.get(grant.organisationId);
    if (!list) grantsByOrganisation.set(grant.organisationId, (list = []));
    list.push({ indicatorId: grant.indicatorId, unitId: grant.unitId ?? null });
  }
  const expected = reportingOrganisations(catalog, plan, organisations, (id) => grantsByOrganisation.get(id) ?? []);
  const reportsOfYear = input.reports.get(year) ?? [];
  const completeness = completenessOf({ plan, year }, expected, reportsOfYear, { deadline: input.deadline ?? null, now });

  const consolidations = new Map<number, Consolidation>();
  for (const y of boardYears(year)) consolidations.set(y, consolidate(catalog, { plan, year: y }, input.reports.get(y) ?? [], leads));
  const consolidation = consolidations.get(year) ?? consolidate(catalog, { plan, year }, reportsOfYear, leads);
  const lines = new Map([...consolidations].map(([y, item]) => [y, new Map(item.indicators.map((line) => [line.indicatorId, line]))]));
  const lineOf = (y: number, id: string) => lines.get(y)?.get(id);

  const defaults = catalog.plans[plan].defaults;
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.shortName]));
  const unitProgress = input.unitProgress ?? true;
  const series: IndicatorSeries[] = [];
  const warnings: MonitoringWarning[] = [];
  for (const indicator of catalog.plans[plan].indicators) {
    const kind = UNITS[indicator.unit].valueKind;
    const numeric = kind === 'number' || kind === 'ratio';
    const current = lineOf(year, indicator.id);
    const previous = lineOf(year - 1, indicator.id);
    if (!indicator.perUnit) {
      const observed = numeric ? observedPoints(consolidations, (y) => lineOf(y, indicator.id)?.county ?? null) : [];
      const progress = assessProgress(indicator, observed, { defaults });
      series.push({ indicatorId: indicator.id, domain: indicator.domain, points: numeric ? withBaselines(indicator, observed) : [], progress, units: [] });
      if (current?.county) warnings.push(...valueWarnings(indicator, null, current.county, previous?.county ?? null, year, names, defaults));
      warnings.push(...progressWarnings(indicator, null, progress));
      continue;
    }
    // each year's units by id, once (a province-wide database has thousands of townships)
    const unitsByYear = new Map<number, Map<string, ConsolidatedUnit>>();
    for (const y of consolidations.keys()) unitsByYear.set(y, new Map((lineOf(y, indicator.id)?.units ?? []).map((unit) => [unit.unitId, unit])));
    const units: UnitSeries[] = (current?.units ?? []).map(({ unitId, unitName }) => {
      const unitValue = (y: number) => unitsByYear.get(y)?.get(unitId) ?? null;
      const observed = numeric ? observedPoints(consolidations, unitValue) : [];
      const progress = unitProgress ? assessProgress(indicator, observed, { defaults, unitId }) : null;
      const latest = unitValue(year);
      if (latest) warnings.push(...valueWarnings(indicator, unitId, latest, unitValue(year - 1), year, names, defaults, unitName));
      if (progress) warnings.push(...progressWarnings(indicator, unitId, progress, unitName));
      return { unitId, unitName, points: observed.map((point) => ({ ...point, source: 'observed' as const })), progress };
    });
    series.push({ indicatorId: indicator.id, domain: indicator.domain, points: [], progress: null, units });
  }
  const progressById = new Map(series.filter((item) => item.progress !== null).map((item) => [item.indicatorId, (item.progress as ProgressResult).status]));
  const evaluation = evaluate(catalog, { plan, year }, consolidations, progressById, input.evaluation ?? {});
  return { plan, year, generatedAt: now.toISOString(), completeness, consolidation, consolidations, series, evaluation, warnings };
}

/**
 * The organisations that report a plan — exactly {@link expectedOrganisations}'s answer (a template with at
 * least one line: the catalog's `responsible` lists, a township's own rows, the bureau's grants), decided
 * without building every organisation's template: with a province's thousands of organisations (the
 * benchmark's 129 counties) building them took 1.7 s of a 2 s budget, this takes milliseconds. The
 * equivalence is tested over every organisation, both plans and random grants.
 */
export function reportingOrganisations(catalog: Catalog, plan: PlanId, organisations: readonly Organisation[], grantsOf: (organisationId: string) => readonly ReportingGrant[] = () => []): string[] {
  const indicators = catalog.plans[plan].indicators;
  const townships = new Set(catalog.organisations.filter(isTownship).map((township) => township.id));
  const units = new Map(indicators.filter((indicator) => indicator.perUnit).map((indicator) => [indicator.id, indicator.perUnit?.scope === 'list' ? new Set(indicator.perUnit.units.map((unit) => unit.id)) : townships]));
  const hasLine = (organisation: Organisation): boolean => {
    const grants = grantsOf(organisation.id);
    const township = isTownship(organisation);
    for (const indicator of indicators) {
      // as templateLines: a township reports its rows of per-township and every-township indicators, a department what it is responsible for
      const responsible = township ? indicator.responsible.includes(EVERY_TOWNSHIP) || indicator.perUnit?.scope === 'township' : indicator.responsible.includes(organisation.id);
      const granted = grants.filter((grant) => grant.indicatorId === indicator.id);
      if (!responsible && granted.length === 0) continue;
      if (!indicator.perUnit) return true;
      const unitIds = units.get(indicator.id) ?? new Set<string>();
      const grantedUnit = granted.some((grant) => grant.unitId != null && unitIds.has(grant.unitId));
      const everyUnit = responsible || granted.some((grant) => grant.unitId == null);
      const own = indicator.perUnit.scope === 'township' && responsible && township && !granted.some((grant) => grant.unitId == null);
      if (own ? unitIds.has(organisation.id) || grantedUnit : everyUnit ? unitIds.size > 0 : grantedUnit) return true;
    }
    return false;
  };
  return organisations.filter(hasLine).map((organisation) => organisation.id);
}

/** A stored value as a point of a series: a finite number, or a ratio of two positive terms; else none. */
export function pointValueOf(value: CellValue | null): PointValue | undefined {
  if (value?.kind === 'number') return Number.isFinite(value.value) ? value.value : undefined;
  if (value?.kind === 'ratio') return value.left > 0 && value.right > 0 ? { left: value.left, right: value.right } : undefined;
  return undefined;
}

function observedPoints(consolidations: ReadonlyMap<number, Consolidation>, valueOf: (year: number) => ConsolidatedValue | null): ProgressPoint[] {
  const points: ProgressPoint[] = [];
  for (const y of consolidations.keys()) {
    const value = pointValueOf(valueOf(y)?.value ?? null);
    if (value !== undefined) points.push({ year: y, value });
  }
  return points;
}

function withBaselines(indicator: Indicator, observed: readonly ProgressPoint[]): SeriesPoint[] {
  return seriesWithBaselines(indicator, observed).points.map((point) => ({ year: point.year, value: point.value, source: point.source }));
}

/** Where a warning is: the indicator's name, and the unit's for a per-unit indicator. */
function place(indicator: Indicator, unitName?: Bilingual): Bilingual {
  return unitName ? { zh: `${indicator.name}（${unitName.zh}）`, en: `${indicator.nameEn} (${unitName.en})` } : { zh: indicator.name, en: indicator.nameEn };
}

/** A conflict of the year's value, and a swing from the previous year's. */
function valueWarnings(
  indicator: Indicator,
  unitId: string | null,
  value: ConsolidatedValue,
  previous: ConsolidatedValue | null,
  year: number,
  names: ReadonlyMap<string, string>,
  defaults: Catalog['plans'][PlanId]['defaults'],
  unitName?: Bilingual,
): MonitoringWarning[] {
  const where = place(indicator, unitName);
  const warnings: MonitoringWarning[] = [];
  if (value.conflict) {
    const values = value.contributions.filter((item) => item.text !== '').map((item) => ({ organisationId: item.organisationId, text: item.text }));
    const name = (id: string | null) => (id === null ? '' : (names.get(id) ?? id));
    warnings.push({
      kind: 'conflict',
      indicatorId: indicator.id,
      unitId,
      reportedBy: value.reportedBy,
      values,
      message: {
        zh: `${where.zh}：${values.map((item) => `${name(item.organisationId)}报“${item.text}”`).join('，')}，数值不一致；汇总暂取${name(value.reportedBy)}的数值，请核实`,
        en: `${where.en}: ${values.map((item) => `${item.organisationId} reported "${item.text}"`).join(', ')}; the values differ. The consolidated value is ${value.reportedBy ?? ''}'s for now: check them`,
      },
    });
  }
  const now = value.value?.kind === 'number' ? value.value.value : undefined;
  const before = previous?.value?.kind === 'number' ? previous.value.value : undefined;
  if (now !== undefined && before !== undefined && UNITS[indicator.unit].valueKind === 'number') {
    const swing = swingWarning(indicator, now, before, defaults);
    if (swing) warnings.push({ kind: 'fluctuation', indicatorId: indicator.id, unitId, previousYear: year - 1, previous: before, value: now, message: { zh: `${where.zh}：${swing.zh}`, en: `${where.en}: ${swing.en}` } });
  }
  return warnings;
}

/** 预计达标困难: a series progressing too slowly, or going the wrong way. */
function progressWarnings(indicator: Indicator, unitId: string | null, progress: ProgressResult, unitName?: Bilingual): MonitoringWarning[] {
  if (!WARNING_PROGRESS.includes(progress.status)) return [];
  const where = place(indicator, unitName);
  const status = progress.messages[0] ?? { zh: progress.status, en: progress.status };
  return [{ kind: 'progress', indicatorId: indicator.id, unitId, status: progress.status, targetYear: progress.targetYear, message: { zh: `${where.zh}：${status.zh}`, en: `${where.en}: ${status.en}` } }];
}
