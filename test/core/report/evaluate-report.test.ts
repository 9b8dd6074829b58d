import type { EntryInput } from '../../../src/core/assess/entry';
import { isTownship } from '../../../src/core/catalog/organisation-schema';
import { evaluateReport, type ReportInput } from '../../../src/core/report/evaluate-report';
import { seedCatalog } from '../../../src/seed-catalog';
import { expectBilingual } from '../assess/fixtures';

const catalog = seedCatalog();
const townships = catalog.organisations.filter(isTownship).map((o) => o.id);
const evaluate = (entries: EntryInput[], year = 2030, plan: ReportInput['plan'] = 'children') => evaluateReport(catalog, { plan, year, entries });

test('the seed catalog has 12 乡镇（街道）', () => {
  expect(townships).toHaveLength(12);
  expect(townships).toContain('gasa');
});

describe('the reporting year', () => {
  test.each([2020, 2031, 2025.5, Number.NaN, 0])('%p is refused, nothing is assessed', (year) => {
    const result = evaluate([{ indicatorId: 'C-HEA-04', value: '3' }], year);
    expect(result.problems.map((p) => [p.code, p.severity])).toEqual([['report.yearOutOfRange', 'error']]);
    expect(result.results).toEqual([]);
    expect(result.summary).toMatchObject({ entries: 0, severity: 'error', bySeverity: { error: 1, warning: 0, info: 0 } });
    expect(result.problems[0]?.zh).toContain('2021—2030');
    expect(result.problems[0]?.en).toContain(String(year));
    if (Number.isFinite(year)) expectBilingual(result.problems);
  });
  test.each([2021, 2030])('%p is a plan year', (year) => {
    const result = evaluate([{ indicatorId: 'C-HEA-04', value: '3' }], year);
    expect(result.problems).toEqual([]);
    expect(result.results.map((r) => [r.indicatorId, r.year])).toEqual([['C-HEA-04', year]]);
  });
});

describe('matching entries to the catalog', () => {
  const result = evaluate([
    { indicatorId: 'X-NOPE-01', value: '1' },
    { indicatorId: 'W-HEA-03', value: '1' },
    { indicatorId: 'C-HEA-04', value: '3' },
    { indicatorId: 'C-HEA-04', value: '9' },
    { indicatorId: 'C-HEA-09', value: '95' },
    { indicatorId: 'C-HEA-09', unitId: 'atlantis', value: '95' },
    { indicatorId: 'C-HEA-09', unitId: 'wjj', value: '95' },
    { indicatorId: 'C-HEA-04', unitId: 'mosha', value: '3' },
    { indicatorId: 'C-HEA-09', unitId: 'mosha', value: '95' },
    { indicatorId: 'C-HEA-09', unitId: 'gasa', value: '95' },
  ]);

  test('each problem has a code, the entry index, the indicator and the field', () => {
    expect(result.problems.map((p) => [p.code, p.entryIndex, p.indicatorId, p.field, p.severity])).toEqual([
      ['report.unknownIndicator', 0, 'X-NOPE-01', 'indicator', 'error'],
      ['report.otherPlan', 1, 'W-HEA-03', 'indicator', 'error'],
      ['report.duplicateEntry', 3, 'C-HEA-04', 'indicator', 'error'],
      ['report.missingUnit', 4, 'C-HEA-09', 'unit', 'error'],
      ['report.unknownUnit', 5, 'C-HEA-09', 'unit', 'error'],
      ['report.unknownUnit', 6, 'C-HEA-09', 'unit', 'error'],
      ['report.unexpectedUnit', 7, 'C-HEA-04', 'unit', 'error'],
    ]);
    expect(result.problems.find((p) => p.entryIndex === 5)?.unitId).toBe('atlantis');
    expect(result.problems.find((p) => p.entryIndex === 5)?.zh).toContain('atlantis');
    expectBilingual(result.problems);
  });

  test('only matched entries are assessed; the first of duplicates counts; townships are not duplicates of each other', () => {
    expect(result.results.map((r) => [r.indicatorId, r.unitId])).toEqual([
      ['C-HEA-04', undefined],
      ['C-HEA-09', 'mosha'],
      ['C-HEA-09', 'gasa'],
    ]);
    expect(result.results[0]?.value).toMatchObject({ value: 3 });
    expect(result.summary.entries).toBe(3);
    expect(result.summary.severity).toBe('error');
  });

  test('the same indicator for the same township twice is a duplicate', () => {
    const twice = evaluate([
      { indicatorId: 'C-WEL-14', unitId: 'gasa', value: '1' },
      { indicatorId: 'C-WEL-14', unitId: 'gasa', value: '2' },
    ]);
    expect(twice.problems.map((p) => [p.code, p.entryIndex, p.unitId])).toEqual([['report.duplicateEntry', 1, 'gasa']]);
    expect(twice.problems[0]?.zh).toContain('gasa');
  });

  test('a listed-body indicator (W-DEC-07) accepts its bodies, not townships', () => {
    const women = evaluate(
      [
        { indicatorId: 'W-DEC-07', unitId: 'county-party-committee', value: '1' },
        { indicatorId: 'W-DEC-07', unitId: 'county-government', value: '2' },
        { indicatorId: 'W-DEC-07', unitId: 'mosha', value: '1' },
        { indicatorId: 'W-DEC-07', value: '1' },
      ],
      2030,
      'women',
    );
    expect(women.problems.map((p) => [p.code, p.entryIndex])).toEqual([['report.unknownUnit', 2], ['report.missingUnit', 3]]);
    expect(women.perUnit).toHaveLength(1);
    expect(women.perUnit[0]).toMatchObject({ indicatorId: 'W-DEC-07', status: 'met', unitCount: 2 });
    expect(women.perUnit[0]?.message.zh).toContain('县级党政领导班子');
  });

  test('the organisation is carried through', () => {
    expect(evaluateReport(catalog, { plan: 'children', year: 2030, organisationId: 'wjj', entries: [] }).organisationId).toBe('wjj');
    expect('organisationId' in evaluate([])).toBe(false);
  });
});

describe('per-unit summary: every township must meet it', () => {
  const allTownships = (value: (township: string, index: number) => string, indicatorId = 'C-WEL-14'): EntryInput[] =>
    townships.map((unitId, index) => ({ indicatorId, unitId, value: value(unitId, index) }));

  test('11 met and 1 not met: not met, naming the township', () => {
    const result = evaluate(allTownships((t) => (t === 'gasa' ? '0' : '2')));
    expect(result.perUnit).toHaveLength(1);
    const summary = result.perUnit[0];
    expect(summary).toMatchObject({ indicatorId: 'C-WEL-14', status: 'notMet', severity: 'warning', unitCount: 12 });
    expect(summary?.counts).toEqual({ met: 11, notMet: 1, noData: 0, invalid: 0, notAssessable: 0, notYetDue: 0 });
    expect(summary?.message.code).toBe('perUnit.someNotMet');
    expect(summary?.message.zh).toContain('戛洒镇');
    expect(summary?.message.zh).toContain('12个乡镇（街道）中有1个未达标');
    expect(summary?.message.en).toContain('Gasa Town');
    expectBilingual([summary!.message]);
  });

  test('all met: met', () => {
    const summary = evaluate(allTownships(() => '1')).perUnit[0];
    expect(summary).toMatchObject({ status: 'met', severity: 'info', unitCount: 12 });
    expect(summary?.counts.met).toBe(12);
    expect(summary?.message.code).toBe('perUnit.allMet');
    expect(summary?.message.zh).toBe('12个乡镇（街道）均达标');
  });

  test('an everyYear per-township rate (C-HEA-09 ≥90%) in 2023', () => {
    const result = evaluate(allTownships((_, i) => (i < 2 ? '89.99' : '90'), 'C-HEA-09'), 2023);
    expect(result.perUnit[0]).toMatchObject({ status: 'notMet', counts: { met: 10, notMet: 2 } });
    expect(result.perUnit[0]?.message.zh).toContain('桂山街道、古城街道');
  });

  test('an invalid township entry makes the summary invalid (an error); a blank one makes it noData', () => {
    const invalid = evaluate(allTownships((t) => (t === 'mosha' ? '1.5' : t === 'gasa' ? '0' : '1'))).perUnit[0];
    expect(invalid).toMatchObject({ status: 'invalid', severity: 'error', counts: { met: 10, notMet: 1, invalid: 1 } });
    expect(invalid?.message.severity).toBe('error');
    const blank = evaluate(allTownships((t) => (t === 'mosha' ? '' : '1'))).perUnit[0];
    expect(blank).toMatchObject({ status: 'noData', counts: { met: 11, noData: 1 } });
    expectBilingual([invalid!.message, blank!.message]);
  });

  test('county-level indicators have no per-unit summary', () => {
    expect(evaluate([{ indicatorId: 'C-HEA-04', value: '3' }]).perUnit).toEqual([]);
  });
});

describe('summary', () => {
  test('counts entries by status and everything by severity', () => {
    const result = evaluate(
      [
        { indicatorId: 'C-HEA-04', value: '3' }, // met, info
        { indicatorId: 'C-HEA-05', value: '6' }, // notMet, warning
        { indicatorId: 'C-HEA-20', value: '' }, // noData, error
        { indicatorId: 'C-HEA-02', value: '开展宣传' }, // notAssessable, info
        { indicatorId: 'C-HEA-12', value: '120' }, // invalid, error
        { indicatorId: 'X-NOPE-01', value: '1' }, // problem, error
      ],
      2030,
    );
    expect(result.summary.entries).toBe(5);
    expect(result.summary.byStatus).toEqual({ met: 1, notMet: 1, noData: 1, invalid: 1, notAssessable: 1, notYetDue: 0 });
    expect(result.summary.bySeverity).toEqual({ error: 3, warning: 1, info: 2 });
    expect(result.summary.severity).toBe('error');
  });

  test('a report whose entries all meet their targets is info', () => {
    const result = evaluate([{ indicatorId: 'C-HEA-03', value: '1' }, { indicatorId: 'C-HEA-04', value: '2' }, { indicatorId: 'C-HEA-05', value: '3' }]);
    expect(result.summary).toEqual({
      entries: 3,
      byStatus: { met: 3, notMet: 0, noData: 0, invalid: 0, notAssessable: 0, notYetDue: 0 },
      bySeverity: { error: 0, warning: 0, info: 3 },
      severity: 'info',
    });
    expect(result.consistency).toEqual([]);
  });

  test('an empty report is info with nothing counted', () => {
    expect(evaluate([]).summary).toMatchObject({ entries: 0, severity: 'info' });
  });
});
