import type { EntryInput } from '../../../src/core/assess/entry';
import { evaluateReport } from '../../../src/core/report/evaluate-report';
import { findingSections, GROUPINGS, nameFindings, type PlacedFinding } from '../../../src/core/report/finding-sections';
import { FINDING_CATEGORIES, reportFindings } from '../../../src/core/report/report-findings';
import { seedCatalog } from '../../../src/seed-catalog';

const catalog = seedCatalog();
const townships = catalog.organisations.filter((organisation) => organisation.kind === 'township').map((organisation) => organisation.id);
/** The sheet lists the townships the other way round; the sections by 填报单元 follow the catalog. */
const sheetTownships = [...townships].reverse();

/** The findings of a report, each placed on a cell of its own line (row 5 onwards), as a template sheet places them. */
function placed(entries: EntryInput[]): PlacedFinding[] {
  const report = evaluateReport(catalog, { plan: 'children', year: 2025, organisationId: 'wjj', entries });
  return reportFindings(report, entries).map((finding) => (finding.entryIndex === undefined ? finding : { ...finding, cell: `D${finding.entryIndex + 5}` }));
}

const entries: EntryInput[] = [
  { indicatorId: 'C-XXX-99', value: 1 }, // an unknown code: about the sheet, no 领域
  { indicatorId: 'C-HEA-26', value: 80, previous: 96 }, // county level: missed
  ...sheetTownships.map((unitId, index): EntryInput => ({ indicatorId: 'C-HEA-09', unitId, value: index === 0 ? 85 : null })), // one miss, the rest blank
  { indicatorId: 'C-SAF-01', value: 3, baseline: 6 }, // 溺水 above 意外伤害: a warning on both
  { indicatorId: 'C-SAF-02', value: 4, previous: 5 },
];
const findings = nameFindings(placed(entries), catalog);
const ids = (list: readonly { readonly id: string }[]) => list.map((item) => item.id).sort();

describe('nameFindings', () => {
  it('names each finding from the catalog, in sheet order, with its cell and a unique id', () => {
    expect(findings).toHaveLength(2 + sheetTownships.length + 2);
    expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length);
    expect(findings[0]).toMatchObject({ group: 'error', indicatorId: 'C-XXX-99', address: 'D5' });
    expect(findings[0]).not.toHaveProperty('domain');
    expect(findings[0]).not.toHaveProperty('indicatorName');
    const indicator = catalog.indicators.get('C-HEA-26');
    expect(findings[1]).toMatchObject({ group: 'notMet', needsNote: true, indicatorId: 'C-HEA-26', indicatorName: { zh: indicator?.name }, domain: { zh: '儿童与健康' }, address: 'D6' });
    expect(findings[1]?.messages[0]?.text.zh).toMatch(/^未达标/);
    expect(findings[2]).toMatchObject({ indicatorId: 'C-HEA-09', unitId: sheetTownships[0], unitName: { zh: expect.any(String) } });
  });

  it('gives a message its own address only when it is about another cell than the finding\'s', () => {
    const [first] = placed([{ indicatorId: 'C-HEA-26', value: 80, previous: 96 }]);
    if (!first) throw new Error('a finding was expected');
    const [miss] = first.messages;
    if (!miss) throw new Error('a message was expected');
    const [named] = nameFindings([{ ...first, cell: 'D5', messages: [{ ...miss, cell: 'D5' }, { ...miss, cell: 'E5' }, { ...miss, cell: undefined }] }], catalog);
    expect(named?.messages.map((message) => message.address)).toEqual([undefined, 'E5', undefined]);
    expect(named?.source.cell).toBe('D5');
  });
});

describe('findingSections', () => {
  it('by category: every category a section, even an empty one; one message about several townships is one row, counted per line', () => {
    const sections = findingSections(findings, 'category', catalog);
    expect(sections.map((section) => [section.key, section.category, section.count])).toEqual([['error', 'error', 10], ['notMet', 'notMet', 2], ['warning', 'warning', 2], ['info', 'info', 0]]);
    const errors = sections[0]?.rows ?? [];
    expect(errors.map((row) => row.findings.length)).toEqual([1, 9]);
    expect(errors[1]?.findings.map((finding) => finding.unitId)).toEqual(sheetTownships.slice(1));
    expect(errors[1]).toMatchObject({ id: errors[1]?.findings[0]?.id, group: 'error' });
    // different words are different rows: the township's miss stays apart from the county's
    expect(sections[1]?.rows.map((row) => row.findings.map((finding) => finding.indicatorId))).toEqual([['C-HEA-26'], ['C-HEA-09']]);
    expect(sections[3]?.rows).toEqual([]);
  });

  it('by 领域: the sheet\'s own findings first, then each 领域 in the order it first appears', () => {
    const sections = findingSections(findings, 'domain', catalog);
    expect(sections.map((section) => [section.key, section.special, section.title?.zh, section.count])).toEqual([
      ['sheet', 'wholeSheet', undefined, 1],
      ['domain:儿童与健康', undefined, '儿童与健康', 1 + sheetTownships.length],
      ['domain:儿童与安全', undefined, '儿童与安全', 2],
    ]);
    // worst first, then sheet order: the blanks (错误) before the two misses (未达标)
    expect(sections[1]?.rows.map((row) => [row.group, row.findings.length])).toEqual([['error', 9], ['notMet', 1], ['notMet', 1]]);
  });

  it('by 填报单元: county-level lines (an unknown code among them), then every township in the catalog\'s order, whatever the sheet\'s', () => {
    const sections = findingSections(findings, 'unit', catalog);
    expect(sections[0]).toMatchObject({ key: 'county', special: 'county', count: 4 });
    expect(sections.slice(1).map((section) => section.key)).toEqual(townships.map((unitId) => `unit:${unitId}`));
    expect(sections.slice(1).map((section) => section.title?.zh)).toEqual(townships.map((unitId) => findings.find((finding) => finding.unitId === unitId)?.unitName?.zh));
    // worst first, then sheet order
    expect(sections[0]?.rows.map((row) => [row.group, row.findings[0]?.indicatorId])).toEqual([['error', 'C-XXX-99'], ['notMet', 'C-HEA-26'], ['warning', 'C-SAF-01'], ['warning', 'C-SAF-02']]);
  });

  it('a finding about the sheet as a whole (no indicator) has a section of its own first', () => {
    const sheetWide: PlacedFinding = { kind: 'report', category: 'error', needsNote: false, messages: [{ code: 'template.year', severity: 'error', zh: '年份不对', en: 'Wrong year' }] };
    const [named] = nameFindings([sheetWide], catalog);
    if (!named) throw new Error('a finding was expected');
    for (const grouping of ['domain', 'unit'] as const) {
      const sections = findingSections([named, ...findings], grouping, catalog);
      expect(sections[0]).toMatchObject({ key: 'sheet', special: 'wholeSheet', count: grouping === 'domain' ? 2 : 1 });
    }
  });

  it('holds every finding exactly once, in every grouping', () => {
    for (const grouping of GROUPINGS) {
      const sections = findingSections(findings, grouping, catalog);
      expect(sections.reduce((sum, section) => sum + section.count, 0)).toBe(findings.length);
      expect(ids(sections.flatMap((section) => section.rows.flatMap((row) => row.findings)))).toEqual(ids(findings));
      for (const section of sections) for (const row of section.rows) expect(FINDING_CATEGORIES).toContain(row.group);
    }
  });

  it('with nothing found: four empty sections by category, none otherwise', () => {
    expect(findingSections([], 'category', catalog).map((section) => [section.key, section.count, section.rows.length])).toEqual(FINDING_CATEGORIES.map((category) => [category, 0, 0]));
    expect(findingSections([], 'domain', catalog)).toEqual([]);
    expect(findingSections([], 'unit', catalog)).toEqual([]);
  });
});
