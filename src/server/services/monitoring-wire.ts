import type { z } from 'zod';
import type { Catalog } from '../../core/catalog/catalog';
import type { Bilingual } from '../../core/i18n/message';
import { deadlineEnd, type Completeness } from '../../core/monitoring/completeness';
import type { ConsolidatedIndicator, ConsolidatedValue, Consolidation, Contribution } from '../../core/monitoring/consolidation';
import type { Evaluation, EvaluationCounts } from '../../core/monitoring/evaluation';
import type { IndicatorSeries, MonitoringBoard, MonitoringWarning, SeriesPoint } from '../../core/monitoring/monitoring-board';
import type { ProgressResult } from '../../core/monitoring/progress';
import type { CellValue } from '../../core/parse/cell-value';
import type {
  CompletenessAnswer,
  ContributionSchema,
  ConsolidationAnswer,
  EvaluationAnswer,
  IndicatorLine,
  MonitoringReport,
  MonitoringWarningSchema,
  ProgressSummary,
  SeriesAnswer,
  SeriesPointSchema,
} from '../../contract/monitoring';

/**
 * The monitoring core's results as the wire spells them (src/contract/monitoring.ts): bilingual text as
 * `message`/`messageEn` and `name`/`nameEn`, values as plain JSON, each progress without its series (the
 * series answer has the points). The API's routes and the `consolidate` command both answer with these.
 */

/** Who has reported; `names` gives each organisation's short name. */
export function completenessAnswer(completeness: Completeness, names: ReadonlyMap<string, string>): CompletenessAnswer {
  return {
    plan: completeness.plan,
    year: completeness.year,
    deadline: completeness.deadline,
    deadlineEnd: completeness.deadline === null ? null : deadlineEnd(completeness.deadline),
    expected: [...completeness.expected],
    submitted: [...completeness.submitted],
    approved: [...completeness.approved],
    returned: [...completeness.returned],
    late: [...completeness.late],
    missing: [...completeness.missing],
    notStarted: [...completeness.notStarted],
    unexpected: [...completeness.unexpected],
    reportingRate: completeness.reportingRate,
    onTimeRate: completeness.onTimeRate,
    organisations: completeness.organisations.map((item) => ({ ...item, name: names.get(item.organisationId) ?? item.organisationId })),
  };
}

/** A stored value as plain JSON: a number, yes/no, or text (a ratio, free text); null for nothing or a "no data" marker. */
export function wireValue(value: CellValue | null): number | boolean | string | null {
  if (value === null) return null;
  switch (value.kind) {
    case 'number':
    case 'boolean':
      return value.value;
    case 'ratio':
    case 'text':
      return value.text;
    default:
      return null;
  }
}

function contributionOf(contribution: Contribution): z.infer<typeof ContributionSchema> {
  return { organisationId: contribution.organisationId, value: wireValue(contribution.value), text: contribution.text, status: contribution.status, note: contribution.note };
}

function consolidatedFields(value: ConsolidatedValue) {
  return { value: wireValue(value.value), text: value.text, status: value.status, reportedBy: value.reportedBy, note: value.note, conflict: value.conflict, contributions: value.contributions.map(contributionOf) };
}

/** A progress result without its series (and its messages as the wire spells them). */
export function progressSummary(progress: ProgressResult): ProgressSummary {
  return {
    status: progress.status,
    reason: progress.reason,
    method: progress.method,
    measure: progress.measure,
    direction: progress.direction,
    baseYear: progress.baseYear,
    baseValue: progress.baseValue,
    latestYear: progress.latestYear,
    latestValue: progress.latestValue,
    targetYear: progress.targetYear,
    targetRole: progress.target.role,
    targetValue: progress.targetValue,
    cagr: progress.cagr,
    requiredCagr: progress.requiredCagr,
    ratio: progress.ratio,
    projected: progress.projected,
    projectedAchieves: progress.projectedAchieves,
    gap: progress.gap,
    lastChange: progress.lastChange,
    messages: progress.messages.map((message) => ({ code: message.code, ...wireText(message) })),
  };
}

function wireText(text: Bilingual): { message: string; messageEn: string } {
  return { message: text.zh, messageEn: text.en };
}

/**
 * One indicator's consolidated line; with `series` (the board's), the county's and each unit's progress.
 * A per-unit indicator's own value fields are its roll-up's: status the roll-up's, no value, no lead.
 */
export function indicatorLine(catalog: Catalog, line: ConsolidatedIndicator, series?: IndicatorSeries): IndicatorLine {
  const indicator = catalog.indicators.get(line.indicatorId);
  const units = new Map((series?.units ?? []).map((unit) => [unit.unitId, unit]));
  const own = line.county ? consolidatedFields(line.county) : { value: null, text: '', status: line.status, reportedBy: null, note: null, conflict: line.conflict, contributions: [] };
  return {
    id: line.indicatorId,
    domain: line.domain,
    name: indicator?.name ?? line.indicatorId,
    nameEn: indicator?.nameEn ?? line.indicatorId,
    unit: indicator?.unit ?? '',
    ...own,
    status: line.status,
    conflict: line.conflict,
    reporters: [...line.reportedBy],
    rollUp: line.rollUp ? { ...line.rollUp, failingUnits: [...line.rollUp.failingUnits], missingUnits: [...line.rollUp.missingUnits] } : null,
    units: line.units.map((unit) => {
      const progress = units.get(unit.unitId)?.progress;
      return {
        unitId: unit.unitId,
        name: unit.unitName.zh,
        nameEn: unit.unitName.en,
        ...consolidatedFields(unit),
        ...(series ? { progress: progress ? progressSummary(progress) : null } : {}),
      };
    }),
    ...(series ? { progress: series.progress ? progressSummary(series.progress) : null } : {}),
  };
}

/** A plan-year's consolidation, optionally restricted to some indicators (and units). */
export function consolidationAnswer(catalog: Catalog, consolidation: Consolidation, keep: LineFilter = KEEP_ALL): ConsolidationAnswer {
  return { plan: consolidation.plan, year: consolidation.year, indicators: restrict(consolidation.indicators.map((line) => indicatorLine(catalog, line)), keep) };
}

function pointOf(point: SeriesPoint): z.infer<typeof SeriesPointSchema> {
  return { year: point.year, value: typeof point.value === 'number' ? point.value : { left: point.value.left, right: point.value.right }, source: point.source };
}

/** Every indicator's series and progress, county and units. */
export function seriesAnswer(catalog: Catalog, board: Pick<MonitoringBoard, 'plan' | 'year' | 'series'>, keep: LineFilter = KEEP_ALL): SeriesAnswer {
  const indicators = board.series.map((item) => {
    const indicator = catalog.indicators.get(item.indicatorId);
    return {
      id: item.indicatorId,
      domain: item.domain,
      name: indicator?.name ?? item.indicatorId,
      nameEn: indicator?.nameEn ?? item.indicatorId,
      unit: indicator?.unit ?? '',
      points: item.points.map(pointOf),
      progress: item.progress ? progressSummary(item.progress) : null,
      units: item.units.map((unit) => ({ unitId: unit.unitId, name: unit.unitName.zh, nameEn: unit.unitName.en, points: unit.points.map(pointOf), progress: unit.progress ? progressSummary(unit.progress) : null })),
    };
  });
  return { plan: board.plan, year: board.year, indicators: restrict(indicators, keep) };
}

function countsOf(counts: EvaluationCounts): EvaluationAnswer['total'] {
  return { ...counts, notYetDueByProgress: { ...counts.notYetDueByProgress } };
}

/** The evaluation table. */
export function evaluationAnswer(evaluation: Evaluation): EvaluationAnswer {
  return {
    plan: evaluation.plan,
    year: evaluation.year,
    kind: evaluation.kind,
    basicallyMetRatio: evaluation.basicallyMetRatio,
    domains: evaluation.domains.map(countsOf),
    total: countsOf(evaluation.total),
    rows: evaluation.rows.map((row) => ({
      indicatorId: row.indicatorId,
      domain: row.domain,
      name: row.name.zh,
      nameEn: row.name.en,
      target: row.target.zh,
      targetEn: row.target.en,
      baseline2020: row.baseline2020,
      values: Object.entries(row.values)
        .map(([year, text]) => ({ year: Number(year), text }))
        .sort((a, b) => a.year - b.year),
      latest: row.latest,
      category: row.category,
      completion: row.completion,
      progress: row.progress,
      responsible: [...row.responsible],
      conflict: row.conflict,
    })),
    definitions: Object.fromEntries(Object.entries(evaluation.definitions).map(([key, text]) => [key, wireText(text)])),
  };
}

/** The board's warnings. */
export function warningsAnswer(warnings: readonly MonitoringWarning[]): z.infer<typeof MonitoringWarningSchema>[] {
  return warnings.map((warning) => {
    const { message, ...rest } = warning;
    const fields = rest.kind === 'conflict' ? { ...rest, values: rest.values.map((item) => ({ ...item })) } : rest;
    return { ...fields, ...wireText(message) };
  });
}

/** The whole board: the JSON of `consolidate --json`. */
export function monitoringReport(catalog: Catalog, board: MonitoringBoard, names: ReadonlyMap<string, string>): MonitoringReport {
  const series = new Map(board.series.map((item) => [item.indicatorId, item]));
  return {
    plan: board.plan,
    year: board.year,
    generatedAt: board.generatedAt,
    completeness: completenessAnswer(board.completeness, names),
    indicators: board.consolidation.indicators.map((line) => indicatorLine(catalog, line, series.get(line.indicatorId))),
    evaluation: evaluationAnswer(board.evaluation),
    warnings: warningsAnswer(board.warnings),
  };
}

/** Which lines of an answer a caller may see: the indicators (and, per indicator, the units) kept. */
export interface LineFilter {
  readonly indicator: (id: string) => boolean;
  /** Undefined: every unit of a kept indicator. */
  readonly unit?: (indicatorId: string, unitId: string) => boolean;
}

const KEEP_ALL: LineFilter = { indicator: () => true };

function restrict<T extends { id: string; units: { unitId: string }[] }>(lines: T[], keep: LineFilter): T[] {
  if (keep === KEEP_ALL) return lines;
  return lines.filter((line) => keep.indicator(line.id)).map((line) => (keep.unit ? { ...line, units: line.units.filter((unit) => keep.unit!(line.id, unit.unitId)) } : line));
}
