import type { Status } from '../../../src/core/assess/entry';
import { consolidate } from '../../../src/core/monitoring/consolidation';
import type { ReportedValue, ReportedVersion } from '../../../src/core/monitoring/reported';
import { unitDefinition } from '../../../src/core/catalog/units';
import { parseCell } from '../../../src/core/parse/parse-cell';
import { seedCatalog } from '../../../src/seed-catalog';

const catalog = seedCatalog();

/** A stored value: the server's reading of `text` in the indicator's unit, with the status it gave. */
function value(indicatorId: string, text: string, status: Status, unitId: string | null = null, note: string | null = null): ReportedValue {
  const indicator = catalog.indicators.get(indicatorId)!;
  const parsed = parseCell(text, unitDefinition(indicator.unit));
  return { indicatorId, unitId, value: parsed.ok ? parsed.value : null, status, note };
}

function version(organisationId: string, values: ReportedValue[]): ReportedVersion {
  return { organisationId, submissionId: `sub_${organisationId}`, version: 1, status: 'submitted', firstReceivedAt: '2026-01-10T00:00:00Z', receivedAt: '2026-01-10T00:00:00Z', values };
}

const planYear = { plan: 'children' as const, year: 2025 };
const line = (result: ReturnType<typeof consolidate>, id: string) => result.indicators.find((item) => item.indicatorId === id)!;

describe('consolidation of a plan-year', () => {
  it('one indicator reported by one organisation: its value, status and name', () => {
    const result = consolidate(catalog, planYear, [version('wjj', [value('C-HEA-04', '3.2', 'met')])]);
    expect(result.indicators).toHaveLength(catalog.plans.children.indicators.length);
    expect(line(result, 'C-HEA-04')).toMatchObject({ status: 'met', conflict: false, reportedBy: ['wjj'], county: { text: '3.2', reportedBy: 'wjj', status: 'met' } });
    // nobody reported it: missing, not met
    expect(line(result, 'C-HEA-05')).toMatchObject({ status: 'missing', county: { reportedBy: null, status: 'missing' } });
  });

  it('two responsible organisations disagree (近视率, 教体局 and 卫健局): a conflict with both values; the lead (first responsible) gives the county value', () => {
    const reports = [version('wjj', [value('C-HEA-14', '31.5', 'met')]), version('jtj', [value('C-HEA-14', '33.0', 'notMet', null, '学校筛查口径')])];
    const result = line(consolidate(catalog, planYear, reports), 'C-HEA-14');
    expect(result.conflict).toBe(true);
    // C-HEA-14's responsible list is [jtj, wjj]: 教体局 leads
    expect(result.county).toMatchObject({ text: '33', reportedBy: 'jtj', status: 'notMet', note: '学校筛查口径' });
    expect(result.county!.contributions.map((item) => [item.organisationId, item.text])).toEqual([['jtj', '33'], ['wjj', '31.5']]);
    // the bureau makes 卫健局 the lead
    const overridden = line(consolidate(catalog, planYear, reports, new Map([['C-HEA-14', 'wjj']])), 'C-HEA-14');
    expect(overridden.county).toMatchObject({ text: '31.5', reportedBy: 'wjj', status: 'met' });
    expect(overridden.conflict).toBe(true);
  });

  it('the same value from both is no conflict; "no data" from the lead gives way to the other\'s value', () => {
    const same = consolidate(catalog, planYear, [version('wjj', [value('C-HEA-14', '31.5', 'met')]), version('jtj', [value('C-HEA-14', '31.50', 'met')])]);
    expect(line(same, 'C-HEA-14').conflict).toBe(false);
    const marker = consolidate(catalog, planYear, [version('jtj', [value('C-HEA-14', '—', 'noData', null, '暂无数据')]), version('wjj', [value('C-HEA-14', '31.5', 'met')])]);
    expect(line(marker, 'C-HEA-14')).toMatchObject({ conflict: false, county: { text: '31.5', reportedBy: 'wjj' } });
  });

  it('per-township indicator: every unit\'s value and status; met only when all are met; failing and missing units named', () => {
    const townships = catalog.organisations.filter((organisation) => organisation.kind !== 'department').map((organisation) => organisation.id);
    expect(townships).toHaveLength(12);
    const values = townships.slice(0, 10).map((id, index) => value('C-HEA-09', index === 3 ? '88' : '96', index === 3 ? 'notMet' : 'met', id));
    const result = line(consolidate(catalog, planYear, [version('wjj', values)]), 'C-HEA-09');
    expect(result.county).toBeNull();
    expect(result.units).toHaveLength(12);
    expect(result.rollUp).toEqual({ status: 'notMet', units: 12, met: 9, notMet: 1, notYetDue: 0, withoutData: 2, failingUnits: [townships[3]], missingUnits: townships.slice(10) });
    expect(result.units[3]).toMatchObject({ unitId: townships[3], text: '88', status: 'notMet', reportedBy: 'wjj' });
    const allMet = consolidate(catalog, planYear, [version('wjj', townships.map((id) => value('C-HEA-09', '96', 'met', id)))]);
    expect(line(allMet, 'C-HEA-09').rollUp).toMatchObject({ status: 'met', met: 12, failingUnits: [], missingUnits: [] });
    const partial = consolidate(catalog, planYear, [version('wjj', townships.slice(0, 11).map((id) => value('C-HEA-09', '96', 'met', id)))]);
    expect(line(partial, 'C-HEA-09').rollUp).toMatchObject({ status: 'incomplete', met: 11, missingUnits: [townships[11]] });
  });

  it('per-township roll-up in an interim year: townships short of the 2030 target make it 未到期 (not met, not no data); one due miss makes it 未达标', () => {
    const townships = catalog.organisations.filter((organisation) => organisation.kind !== 'department').map((organisation) => organisation.id);
    // C-HEA-24 乡镇儿童保健医生 2030年至少2名: 1 in 2025 is not yet due, 2 meets it already
    const some = consolidate(catalog, planYear, [version('wjj', townships.map((id, index) => value('C-HEA-24', index < 4 ? '1' : '2', index < 4 ? 'notYetDue' : 'met', id)))]);
    expect(line(some, 'C-HEA-24').rollUp).toMatchObject({ status: 'notYetDue', met: 8, notYetDue: 4, notMet: 0, failingUnits: [], missingUnits: [] });
    expect(line(some, 'C-HEA-24').status).toBe('notYetDue');
    const all = consolidate(catalog, planYear, [version('wjj', townships.map((id) => value('C-HEA-24', '1', 'notYetDue', id)))]);
    expect(line(all, 'C-HEA-24').rollUp).toMatchObject({ status: 'notYetDue', notYetDue: 12 });
    const withMiss = consolidate(catalog, { plan: 'children', year: 2030 }, [version('wjj', townships.map((id, index) => value('C-HEA-24', index === 0 ? '1' : '2', index === 0 ? 'notMet' : 'met', id)))]);
    expect(line(withMiss, 'C-HEA-24').rollUp).toMatchObject({ status: 'notMet', failingUnits: [townships[0]] });
  });

  it('a township reports its own row and the department the same row: the township leads where every township reports (社工), the department otherwise', () => {
    const own = consolidate(catalog, planYear, [version('gasa', [value('C-WEL-14', '2', 'met', 'gasa')]), version('mzj', [value('C-WEL-14', '1', 'met', 'gasa')])]);
    expect(line(own, 'C-WEL-14').units.find((unit) => unit.unitId === 'gasa')).toMatchObject({ text: '2', reportedBy: 'gasa', conflict: true });
    const department = consolidate(catalog, planYear, [version('gasa', [value('C-HEA-09', '97', 'met', 'gasa')]), version('wjj', [value('C-HEA-09', '95', 'met', 'gasa')])]);
    expect(line(department, 'C-HEA-09').units.find((unit) => unit.unitId === 'gasa')).toMatchObject({ text: '95', reportedBy: 'wjj', conflict: true });
  });
});
