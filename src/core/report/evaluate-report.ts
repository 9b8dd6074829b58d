import { reportingUnitName, type Catalog } from '../catalog/catalog';
import type { Indicator, PlanId } from '../catalog/indicator-schema';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from '../catalog/indicator-schema';
import { isTownship } from '../catalog/organisation-schema';
import { assessEntry } from '../assess/assess-entry';
import { entryKey, type EntryInput, type EntryResult, type Status } from '../assess/entry';
import { worstSeverity, type Message, type Severity } from '../i18n/message';
import { checkConsistency, type ConsistencyFinding } from '../rules/consistency';

/** A report of one plan for one year by one organisation: the entries of a filled template. */
export interface ReportInput {
  readonly plan: PlanId;
  readonly year: number;
  readonly organisationId?: string;
  readonly entries: readonly EntryInput[];
}

/** A problem with the report as a whole or with an entry that cannot be matched to the catalog. */
export interface ReportProblem extends Message {
  readonly indicatorId?: string;
  readonly unitId?: string;
  /** Position of the entry in the input, when the problem is about one entry. */
  readonly entryIndex?: number;
}

/** The verdict on a per-unit indicator over all its units: met only if every unit meets it. */
export interface IndicatorSummary {
  readonly indicatorId: string;
  readonly status: Status;
  readonly severity: Severity;
  readonly unitCount: number;
  readonly counts: Readonly<Record<Status, number>>;
  readonly message: Message;
}

/** Everything the engine says about a report. */
export interface ReportResult {
  readonly plan: PlanId;
  readonly year: number;
  readonly organisationId?: string;
  readonly problems: readonly ReportProblem[];
  readonly results: readonly EntryResult[];
  readonly perUnit: readonly IndicatorSummary[];
  readonly consistency: readonly ConsistencyFinding[];
  readonly summary: {
    readonly entries: number;
    readonly byStatus: Readonly<Record<Status, number>>;
    readonly bySeverity: Readonly<Record<Severity, number>>;
    /** The worst severity anywhere: `error` means the report cannot be submitted as it is. */
    readonly severity: Severity;
  };
}

const emptyStatusCounts = (): Record<Status, number> => ({ met: 0, notMet: 0, notYetDue: 0, noData: 0, invalid: 0, notAssessable: 0 });

/**
 * Evaluates a whole report: matches each entry to its indicator and reporting unit, assesses it, sums up
 * per-unit indicators (every township must meet the target), and applies the consistency rules.
 * The same function runs in the add-in, the CLI and the server, so all three give the same verdicts.
 */
export function evaluateReport(catalog: Catalog, report: ReportInput): ReportResult {
  const problems: ReportProblem[] = [];
  const results: EntryResult[] = [];
  if (!Number.isInteger(report.year) || report.year < PLAN_FIRST_YEAR || report.year > PLAN_LAST_YEAR) {
    problems.push({
      code: 'report.yearOutOfRange',
      severity: 'error',
      zh: `报告年度“${report.year}”无效：应为${PLAN_FIRST_YEAR}—${PLAN_LAST_YEAR}年之间的年份`,
      en: `The reporting year "${report.year}" is invalid: it must be from ${PLAN_FIRST_YEAR} to ${PLAN_LAST_YEAR}`,
    });
    return finish(report, problems, results, [], []);
  }
  const townships = new Set(catalog.organisations.filter(isTownship).map((organisation) => organisation.id));
  const defaults = catalog.plans[report.plan].defaults;
  const seen = new Set<string>();
  report.entries.forEach((entry, entryIndex) => {
    const indicator = catalog.indicators.get(entry.indicatorId);
    const at = { indicatorId: entry.indicatorId, ...(entry.unitId === undefined ? {} : { unitId: entry.unitId }), entryIndex };
    if (!indicator) {
      problems.push({ ...at, code: 'report.unknownIndicator', severity: 'error', field: 'indicator', zh: `指标编号“${entry.indicatorId}”不在目录中`, en: `Indicator "${entry.indicatorId}" is not in the catalog` });
      return;
    }
    if (indicator.plan !== report.plan) {
      problems.push({ ...at, code: 'report.otherPlan', severity: 'error', field: 'indicator', zh: `指标 ${indicator.id}（${indicator.name}）不属于本规划`, en: `Indicator ${indicator.id} belongs to the other plan` });
      return;
    }
    const unitProblem = checkUnit(indicator, entry.unitId, townships);
    if (unitProblem) {
      problems.push({ ...at, ...unitProblem });
      return;
    }
    const key = entryKey(entry.indicatorId, entry.unitId);
    if (seen.has(key)) {
      problems.push({ ...at, code: 'report.duplicateEntry', severity: 'error', field: 'indicator', zh: `指标 ${indicator.id}${entry.unitId ? `（${entry.unitId}）` : ''}重复填报`, en: `Indicator ${indicator.id}${entry.unitId ? ` (${entry.unitId})` : ''} is reported twice` });
      return;
    }
    seen.add(key);
    results.push(assessEntry(indicator, entry, { year: report.year, defaults }));
  });
  const perUnit = summarisePerUnit(catalog, results);
  const consistency = checkConsistency(catalog.plans[report.plan].consistencyRules, catalog, results);
  return finish(report, problems, results, perUnit, consistency);
}

function checkUnit(indicator: Indicator, unitId: string | undefined, townships: ReadonlySet<string>): Omit<ReportProblem, 'entryIndex'> | undefined {
  const perUnit = indicator.perUnit;
  if (!perUnit) {
    return unitId === undefined
      ? undefined
      : { code: 'report.unexpectedUnit', severity: 'error', field: 'unit', zh: `指标 ${indicator.id}（${indicator.name}）按全县填报，不分“${unitId}”`, en: `Indicator ${indicator.id} is reported for the county as a whole, not per "${unitId}"` };
  }
  const allowed = perUnit.scope === 'township' ? townships : new Set(perUnit.units.map((unit) => unit.id));
  if (unitId === undefined) {
    return { code: 'report.missingUnit', severity: 'error', field: 'unit', zh: `指标 ${indicator.id}（${indicator.name}）须按${perUnit.label}分别填报，缺少填报单元`, en: `Indicator ${indicator.id} is reported per ${perUnit.labelEn}; the unit is missing` };
  }
  if (!allowed.has(unitId)) {
    return { code: 'report.unknownUnit', severity: 'error', field: 'unit', zh: `指标 ${indicator.id}（${indicator.name}）的填报单元“${unitId}”不是有效的${perUnit.label}`, en: `"${unitId}" is not a valid ${perUnit.labelEn} for indicator ${indicator.id}` };
  }
  return undefined;
}

function summarisePerUnit(catalog: Catalog, results: readonly EntryResult[]): IndicatorSummary[] {
  const groups = new Map<string, EntryResult[]>();
  for (const result of results) {
    if (result.unitId === undefined) continue;
    const group = groups.get(result.indicatorId) ?? [];
    group.push(result);
    groups.set(result.indicatorId, group);
  }
  return [...groups].map(([indicatorId, group]) => {
    const indicator = catalog.indicators.get(indicatorId) as Indicator;
    const counts = emptyStatusCounts();
    for (const result of group) counts[result.status] += 1;
    const status: Status = counts.invalid ? 'invalid' : counts.notMet ? 'notMet' : counts.noData ? 'noData' : counts.notYetDue ? 'notYetDue' : counts.met ? 'met' : 'notAssessable';
    const label = indicator.perUnit?.label ?? '';
    const missedIds = group.filter((result) => result.status === 'notMet').map((result) => result.unitId ?? '');
    // messages name townships and bodies as people know them, not by id
    const names = missedIds.map((id) => reportingUnitName(catalog, id, indicator));
    const missed = names.map((name) => name.zh);
    const missedEn = names.map((name) => name.en);
    const message: Message =
      status === 'met'
        ? { code: 'perUnit.allMet', severity: 'info', zh: `${group.length}个${label}均达标`, en: `All ${group.length} units meet the target` }
        : status === 'notMet'
          ? { code: 'perUnit.someNotMet', severity: 'warning', zh: `${group.length}个${label}中有${counts.notMet}个未达标（${missed.join('、')}）；须每个${label}均达标`, en: `${counts.notMet} of ${group.length} units miss the target (${missedEn.join(', ')}); every unit must meet it` }
          : { code: `perUnit.${status}`, severity: status === 'invalid' ? 'error' : 'info', zh: `${group.length}个${label}中：达标${counts.met}个，未达标${counts.notMet}个，未到期${counts.notYetDue}个，无数据${counts.noData}个，有误${counts.invalid}个`, en: `Of ${group.length} units: ${counts.met} met, ${counts.notMet} not met, ${counts.notYetDue} not yet due, ${counts.noData} without data, ${counts.invalid} invalid` };
    return { indicatorId, status, severity: worstSeverity(group.map((result) => result.severity)), unitCount: group.length, counts, message };
  });
}

function finish(
  report: ReportInput,
  problems: ReportProblem[],
  results: EntryResult[],
  perUnit: IndicatorSummary[],
  consistency: ConsistencyFinding[],
): ReportResult {
  const byStatus = emptyStatusCounts();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    byStatus[result.status] += 1;
    bySeverity[result.severity] += 1;
  }
  for (const item of [...problems, ...consistency]) bySeverity[item.severity] += 1;
  return {
    plan: report.plan,
    year: report.year,
    ...(report.organisationId === undefined ? {} : { organisationId: report.organisationId }),
    problems,
    results,
    perUnit,
    consistency,
    summary: {
      entries: results.length,
      byStatus,
      bySeverity,
      severity: worstSeverity([...results.map((r) => r.severity), ...problems.map((p) => p.severity), ...consistency.map((c) => c.severity)]),
    },
  };
}
