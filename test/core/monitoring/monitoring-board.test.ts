import type { Status } from '../../../src/core/assess/entry';
import { isTownship } from '../../../src/core/catalog/organisation-schema';
import { unitDefinition } from '../../../src/core/catalog/units';
import { expectedOrganisations } from '../../../src/core/monitoring/completeness';
import fc from 'fast-check';
import { boardYears, monitoringBoard, pointValueOf, reportingOrganisations, type MonitoringInput } from '../../../src/core/monitoring/monitoring-board';
import type { ReportedValue, ReportedVersion } from '../../../src/core/monitoring/reported';
import { parseCell } from '../../../src/core/parse/parse-cell';
import type { Organisation } from '../../../src/core/catalog/organisation-schema';
import { catalogForOrganisations, seedCatalog } from '../../../src/seed-catalog';

const catalog = seedCatalog();
const townships = catalog.organisations.filter(isTownship).map((organisation) => organisation.id);

/** A stored value: the server's reading of `text` in the indicator's unit, with the status it gave. */
function value(indicatorId: string, text: string, status: Status, unitId: string | null = null): ReportedValue {
  const indicator = catalog.indicators.get(indicatorId)!;
  const parsed = parseCell(text, unitDefinition(indicator.unit));
  if (!parsed.ok) throw new Error(`${indicatorId}: ${text}`);
  return { indicatorId, unitId, value: parsed.value, status, note: null };
}

function report(organisationId: string, values: ReportedValue[], firstReceivedAt = '2023-01-10T00:00:00.000Z', status: ReportedVersion['status'] = 'submitted'): ReportedVersion {
  return { organisationId, submissionId: `sub_${organisationId}`, version: 1, status, firstReceivedAt, receivedAt: firstReceivedAt, values };
}

/**
 * Two reporting years of the children's plan:
 * - 婴儿死亡率 C-HEA-04 (≤3.5‰ by 2030, 2020 baseline 5.94‰): 5.6‰ (2021), 5.5‰ (2022), 卫健局;
 * - 新生儿访视率 C-HEA-26 (保持在90%以上, every year): 95% (2021), 70% (2022);
 * - 儿童新发近视率 C-HEA-14 (decreasing; 教体局 then 卫健局): 34 (2021, 教体局), 33 vs 31.5 (2022, both);
 * - 免疫规划疫苗接种率 C-HEA-09 (≥90% in every township, by 卫健局): gasa 92 → 95, mosha 85 → 88, zhelong 88 → 86.
 */
const reports2021 = [
  report('wjj', [value('C-HEA-04', '5.6', 'notYetDue'), value('C-HEA-26', '95', 'met'), ...[['gasa', '92', 'met'], ['mosha', '85', 'notMet'], ['zhelong', '88', 'notMet']].map(([unit, text, status]) => value('C-HEA-09', text!, status as Status, unit!))], '2022-01-10T00:00:00.000Z'),
  report('jtj', [value('C-HEA-14', '34', 'met')], '2022-01-10T00:00:00.000Z'),
];
const reports2022 = [
  // on time (the 31st of March, 23:00 in Beijing), approved
  report(
    'wjj',
    [value('C-HEA-04', '5.5', 'notYetDue'), value('C-HEA-26', '70', 'notMet'), value('C-HEA-14', '31.5', 'met'), ...[['gasa', '95', 'met'], ['mosha', '88', 'notMet'], ['zhelong', '86', 'notMet']].map(([unit, text, status]) => value('C-HEA-09', text!, status as Status, unit!))],
    '2023-03-31T15:00:00.000Z',
    'approved',
  ),
  // late (the 1st of April, 09:00 in Beijing), returned
  report('jtj', [value('C-HEA-14', '33', 'met')], '2023-04-01T01:00:00.000Z', 'returned'),
  // a township, on time
  report('gasa', [value('C-WEL-14', '2', 'met', 'gasa')], '2023-03-01T00:00:00.000Z'),
];

const input: MonitoringInput = {
  catalog,
  plan: 'children',
  year: 2022,
  reports: new Map([
    [2021, reports2021],
    [2022, reports2022],
  ]),
  deadline: '2023-03-31',
  now: new Date('2023-06-01T00:00:00Z'),
};
const board = monitoringBoard(input);
const seriesOf = (id: string) => board.series.find((item) => item.indicatorId === id)!;
const lineOf = (id: string) => board.consolidation.indicators.find((item) => item.indicatorId === id)!;
const rowOf = (id: string) => board.evaluation.rows.find((item) => item.indicatorId === id)!;

describe('the monitoring board of a plan-year', () => {
  it('consolidates every year from 2021 to the board\'s year; nothing of later years', () => {
    expect(boardYears(2022)).toEqual([2021, 2022]);
    expect(boardYears(2030)).toHaveLength(10);
    expect([...board.consolidations.keys()]).toEqual([2021, 2022]);
    const withLater = monitoringBoard({ ...input, reports: new Map([...input.reports, [2023, [report('wjj', [value('C-HEA-04', '1.0', 'met')])]]]) });
    expect([...withLater.consolidations.keys()]).toEqual([2021, 2022]);
    expect(withLater.series.find((item) => item.indicatorId === 'C-HEA-04')!.points.map((point) => point.year)).toEqual([2020, 2021, 2022]);
    expect(board.generatedAt).toBe('2023-06-01T00:00:00.000Z');
  });

  it('completeness: expected from the catalog, on time, late (first version after the deadline), returned, approved, missing', () => {
    const expected = expectedOrganisations(catalog, 'children', catalog.organisations);
    const { completeness } = board;
    expect(completeness.expected).toEqual(expected);
    expect(completeness.submitted).toEqual(expect.arrayContaining(['wjj', 'jtj', 'gasa']));
    expect(completeness.submitted).toHaveLength(3);
    expect(completeness.late).toEqual(['jtj']);
    expect(completeness.approved).toEqual(['wjj']);
    expect(completeness.returned).toEqual(['jtj']);
    // the deadline has passed: everyone else expected is missing
    expect(completeness.missing).toEqual(expected.filter((id) => !['wjj', 'jtj', 'gasa'].includes(id)));
    expect(completeness.reportingRate).toBeCloseTo(3 / expected.length, 12);
    expect(completeness.onTimeRate).toBeCloseTo(2 / expected.length, 12);
  });

  it('婴儿死亡率: the 2020 baseline and each year\'s value make the series; R = 0.7327 → needsAcceleration, warned', () => {
    const series = seriesOf('C-HEA-04');
    expect(series.points).toEqual([
      { year: 2020, value: 5.94, source: 'baseline' },
      { year: 2021, value: 5.6, source: 'observed' },
      { year: 2022, value: 5.5, source: 'observed' },
    ]);
    // CAGR_o = (5.5/5.94)^(1/2) − 1 = −0.037750; CAGR_r = (3.5/5.94)^(1/10) − 1 = −0.051520; R = 0.037750/0.051520 = 0.7327
    expect(series.progress).toMatchObject({ status: 'needsAcceleration', baseYear: 2020, latestYear: 2022, targetYear: 2030 });
    expect(series.progress!.cagr).toBeCloseTo(-0.03775, 5);
    expect(series.progress!.requiredCagr).toBeCloseTo(-0.05152, 5);
    expect(series.progress!.ratio).toBeCloseTo(0.7327, 4);
    expect(board.warnings).toContainEqual(expect.objectContaining({ kind: 'progress', indicatorId: 'C-HEA-04', unitId: null, status: 'needsAcceleration', targetYear: 2030 }));
    // the evaluation row carries the progress and every year's value
    expect(rowOf('C-HEA-04')).toMatchObject({ values: { 2021: '5.6', 2022: '5.5' }, latest: { year: 2022, text: '5.5' }, progress: 'needsAcceleration' });
  });

  it('新生儿访视率 95% → 70%: a swing of 25 points (more than 20% of 95) and regressing against the every-year 90%', () => {
    const warnings = board.warnings.filter((warning) => warning.indicatorId === 'C-HEA-26');
    expect(warnings.map((warning) => warning.kind).sort()).toEqual(['fluctuation', 'progress']);
    expect(warnings.find((warning) => warning.kind === 'fluctuation')).toMatchObject({ previousYear: 2021, previous: 95, value: 70 });
    // a recurring target is due the year after the latest: CAGR_o = 70/95 − 1 = −0.2632, CAGR_r = (90/95)^(1/2) − 1 = −0.02667 → R < 0
    expect(seriesOf('C-HEA-26').progress).toMatchObject({ status: 'regressing', targetYear: 2023 });
    expect(seriesOf('C-HEA-26').progress!.cagr).toBeCloseTo(-0.263158, 6);
    expect(warnings.find((warning) => warning.kind === 'fluctuation')!.message.zh).toMatch(/^新生儿访视率：/);
  });

  it('近视率 reported differently by 教体局 and 卫健局: a conflict, the lead\'s value, both named; the bureau\'s override changes the lead', () => {
    expect(lineOf('C-HEA-14')).toMatchObject({ conflict: true, county: { text: '33', reportedBy: 'jtj' } });
    const conflict = board.warnings.find((warning) => warning.kind === 'conflict' && warning.indicatorId === 'C-HEA-14');
    expect(conflict).toMatchObject({ reportedBy: 'jtj', values: [{ organisationId: 'jtj', text: '33' }, { organisationId: 'wjj', text: '31.5' }] });
    expect(conflict!.message.zh).toContain('数值不一致');
    // decreasing, 34 → 33: −2.94% a year ≥ 1.5% → on track
    expect(seriesOf('C-HEA-14').progress).toMatchObject({ status: 'onTrack', method: 'trend' });
    const overridden = monitoringBoard({ ...input, leads: new Map([['C-HEA-14', 'wjj']]) });
    expect(overridden.consolidation.indicators.find((item) => item.indicatorId === 'C-HEA-14')!.county).toMatchObject({ text: '31.5', reportedBy: 'wjj' });
    // 2021: 卫健局 reported nothing, 教体局's 34 stays the county value; 2022: 卫健局's 31.5
    expect(overridden.series.find((item) => item.indicatorId === 'C-HEA-14')!.points.map((point) => point.value)).toEqual([34, 31.5]);
    expect(overridden.evaluation.rows.find((item) => item.indicatorId === 'C-HEA-14')!.values).toEqual({ 2021: '34', 2022: '31.5' });
  });

  it('per-township 接种率: no county series; each township\'s series and progress; roll-up names the failing ones', () => {
    const series = seriesOf('C-HEA-09');
    expect(series.points).toEqual([]);
    expect(series.progress).toBeNull();
    expect(series.units.map((unit) => unit.unitId)).toEqual(townships);
    const unit = (id: string) => series.units.find((item) => item.unitId === id)!;
    expect(unit('gasa').points).toEqual([{ year: 2021, value: 92, source: 'observed' }, { year: 2022, value: 95, source: 'observed' }]);
    expect(unit('gasa').progress).toMatchObject({ status: 'achieved', unitId: 'gasa' });
    // 85 → 88 against 90 due in 2023: CAGR_o = 88/85 − 1 = 0.035294, CAGR_r = (90/85)^(1/2) − 1 = 0.028992, R = 1.2174
    expect(unit('mosha').progress).toMatchObject({ status: 'onTrack' });
    expect(unit('mosha').progress!.ratio).toBeCloseTo(1.2174, 4);
    // 88 → 86: away from 90
    expect(unit('zhelong').progress).toMatchObject({ status: 'regressing' });
    expect(unit('gasa').unitName.zh).toBe(catalog.organisations.find((organisation) => organisation.id === 'gasa')!.shortName);
    expect(unit(townships[11]!).points).toEqual([]);
    expect(unit(townships[11]!).progress).toMatchObject({ status: 'insufficientData' });
    expect(lineOf('C-HEA-09').rollUp).toMatchObject({ status: 'notMet', met: 1, notMet: 2, failingUnits: ['mosha', 'zhelong'] });
    expect(board.warnings).toContainEqual(expect.objectContaining({ kind: 'progress', indicatorId: 'C-HEA-09', unitId: 'zhelong', status: 'regressing' }));
    expect(board.warnings.filter((warning) => warning.indicatorId === 'C-HEA-09' && warning.kind === 'progress').map((warning) => warning.unitId)).toEqual(['zhelong']);
    // without unit progress: the series stay, no unit is assessed
    const lean = monitoringBoard({ ...input, unitProgress: false });
    expect(lean.series.find((item) => item.indicatorId === 'C-HEA-09')!.units.every((item) => item.progress === null && item.points.length <= 2)).toBe(true);
  });

  it('evaluation counts of the year, from the stored verdicts: 已达标 1, 未达标 2, 未到期 1 (by progress), everything else 无数据', () => {
    const { total } = board.evaluation;
    expect(total.indicators).toBe(catalog.plans.children.indicators.length);
    // 已达标: 近视率 (33, as the server judged it); 未达标: 访视率 70% and 接种率 (2 townships short);
    // 未到期: 婴儿死亡率 (the 2030 target), needing acceleration; 社工 C-WEL-14: 1 township of 12 → 无数据
    expect({ met: total.met, notMet: total.notMet, basicallyMet: total.basicallyMet, notYetDue: total.notYetDue }).toEqual({ met: 1, notMet: 2, basicallyMet: 0, notYetDue: 1 });
    expect(total.notYetDueByProgress).toEqual({ needsAcceleration: 1 });
    // 70% against ≥90% every year: 70/90 = 77.8% < 90% → not 基本达标
    expect(rowOf('C-HEA-26')).toMatchObject({ category: 'notMet', completion: 0.777778 });
    expect(rowOf('C-HEA-04')).toMatchObject({ category: 'notYetDue', completion: null });
    expect(rowOf('C-HEA-14')).toMatchObject({ category: 'met', conflict: true });
    expect(rowOf('C-HEA-09').category).toBe('notMet');
    expect(rowOf('C-WEL-14').category).toBe('noData');
    expect(total.noData).toBe(total.monitorable - 4);
    // 达标率 with data: 1 ÷ (monitorable − 1 未到期 − noData) = 1/3
    expect(total.rateWithData).toBeCloseTo(1 / 3, 12);
    // the domains add up to the plan
    expect(board.evaluation.domains.reduce((sum, domain) => sum + domain.met + domain.notMet + domain.noData + domain.notYetDue, 0)).toBe(total.met + total.notMet + total.noData + total.notYetDue);
  });

  it('a value within 90% of its target is 基本达标; a board without reports has every expected organisation not started (no deadline)', () => {
    const close = monitoringBoard({ ...input, reports: new Map([[2022, [report('wjj', [value('C-HEA-26', '85', 'notMet')])]]]) });
    // 85/90 = 94.4% ≥ 90%
    expect(close.evaluation.rows.find((row) => row.indicatorId === 'C-HEA-26')).toMatchObject({ category: 'basicallyMet', completion: 0.944444 });
    expect(close.evaluation.total.basicallyMet).toBe(1);
    const empty = monitoringBoard({ ...input, reports: new Map(), deadline: null });
    expect(empty.completeness.missing).toEqual([]);
    expect(empty.completeness.notStarted).toEqual(empty.completeness.expected);
    expect(empty.warnings).toEqual([]);
    expect(empty.evaluation.total.met).toBe(0);
  });

  it('a grant makes an organisation expected', () => {
    expect(board.completeness.expected).not.toContain('tjj');
    const granted = monitoringBoard({ ...input, grants: [{ organisationId: 'tjj', indicatorId: 'C-HEA-04' }] });
    expect(granted.completeness.expected).toContain('tjj');
    expect(granted.completeness.missing).toContain('tjj');
  });

  it('a stored value is a point only as a finite number or a ratio of positive terms', () => {
    expect(pointValueOf({ kind: 'number', value: 3.2, text: '3.2' })).toBe(3.2);
    expect(pointValueOf({ kind: 'ratio', left: 2, right: 3, text: '2:3' })).toEqual({ left: 2, right: 3 });
    expect(pointValueOf({ kind: 'ratio', left: 0, right: 3, text: '0:3' })).toBeUndefined();
    expect(pointValueOf({ kind: 'notAvailable', marker: '—' })).toBeUndefined();
    expect(pointValueOf({ kind: 'boolean', value: true, text: '是' })).toBeUndefined();
    expect(pointValueOf(null)).toBeUndefined();
  });
});

describe('who reports a plan, decided without building every template', () => {
  const ids = [...catalog.indicators.keys()];
  const organisationIds = catalog.organisations.map((organisation) => organisation.id);
  /** A grant of an indicator: every unit, a unit it has (a township, a listed body), or a unit it does not have. */
  const grant = fc.record({
    organisationId: fc.constantFrom(...organisationIds),
    indicatorId: fc.constantFrom(...ids),
    unit: fc.constantFrom('every', 'own', 'gasa', 'first', 'unknown'),
  });
  const unitOf = (indicatorId: string, organisationId: string, unit: string): string | null => {
    const perUnit = catalog.indicators.get(indicatorId)!.perUnit;
    if (unit === 'every') return null;
    if (unit === 'own') return organisationId;
    if (unit === 'first') return perUnit?.scope === 'list' ? perUnit.units[0]!.id : townships[0]!;
    return unit === 'gasa' ? 'gasa' : 'nowhere';
  };

  it('is expectedOrganisations\' answer for every organisation of both plans, without grants and with random grants', () => {
    for (const plan of ['women', 'children'] as const) {
      expect(reportingOrganisations(catalog, plan, catalog.organisations)).toEqual(expectedOrganisations(catalog, plan, catalog.organisations));
    }
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 12 }), fc.constantFrom('women' as const, 'children' as const), (grants, plan) => {
        const byOrganisation = new Map<string, { indicatorId: string; unitId: string | null }[]>();
        for (const item of grants) byOrganisation.set(item.organisationId, [...(byOrganisation.get(item.organisationId) ?? []), { indicatorId: item.indicatorId, unitId: unitOf(item.indicatorId, item.organisationId, item.unit) }]);
        const grantsOf = (id: string) => byOrganisation.get(id) ?? [];
        expect(reportingOrganisations(catalog, plan, catalog.organisations, grantsOf)).toEqual(expectedOrganisations(catalog, plan, catalog.organisations, grantsOf));
      }),
      { numRuns: 300 },
    );
  });

  it('also without townships, and for organisations the catalog does not list', () => {
    const departments: Organisation[] = catalog.organisations.filter((organisation) => organisation.kind === 'department');
    const withoutTownships = catalogForOrganisations(departments);
    const stranger: Organisation = { id: 'elsewhere', name: '外县某镇', shortName: '某镇', nameEn: 'a town', kind: 'township' };
    for (const plan of ['women', 'children'] as const) {
      expect(reportingOrganisations(withoutTownships, plan, departments)).toEqual(expectedOrganisations(withoutTownships, plan, departments));
      expect(reportingOrganisations(catalog, plan, [stranger])).toEqual(expectedOrganisations(catalog, plan, [stranger]));
      // a township the catalog does not list has no own row, but a granted one
      const strangerGrants = () => [{ indicatorId: plan === 'children' ? 'C-HEA-09' : 'W-DEC-08', unitId: 'gasa' }];
      expect(reportingOrganisations(catalog, plan, [stranger], strangerGrants)).toEqual(['elsewhere']);
      expect(expectedOrganisations(catalog, plan, [stranger], strangerGrants)).toEqual(['elsewhere']);
      const granted = () => [{ indicatorId: 'C-HEA-09', unitId: 'gasa' }, { indicatorId: 'W-DEC-07', unitId: null }];
      expect(reportingOrganisations(withoutTownships, plan, departments, granted)).toEqual(expectedOrganisations(withoutTownships, plan, departments, granted));
      // every township's row of a per-township indicator, and no township: no line (统计局 reports nothing else of the children's plan)
      const everyRow = (id: string) => (id === 'tjj' ? [{ indicatorId: plan === 'children' ? 'C-HEA-09' : 'W-DEC-08', unitId: null }] : []);
      expect(reportingOrganisations(withoutTownships, plan, departments, everyRow)).toEqual(expectedOrganisations(withoutTownships, plan, departments, everyRow));
    }
    expect(expectedOrganisations(withoutTownships, 'children', departments, (id) => (id === 'tjj' ? [{ indicatorId: 'C-HEA-09', unitId: null }] : []))).not.toContain('tjj');
  });
});
