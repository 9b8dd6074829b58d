import { seedCatalog } from '../../../../src/seed-catalog';
import { buildTemplate } from '../../../../src/core/template/build-template';
import { parseCellAddress } from '../../../../src/core/template/cell-address';
import type { TemplateCheck } from '../../../../src/core/template/check-template';
import { findingSections } from '../../../../src/core/report/finding-sections';
import { CATEGORY_NAMES } from '../../../../src/core/report/report-findings';
import { insertTemplate, officeWorkbookHost } from '../../../../src/office-workbook';
import { createWorkbook } from '../../../../src/workbook/workbook';
import { FINDING_GROUPS, checkFindings, nextProblemCell, type CheckSummary } from '../../../../src/apps/taskpane/check/findings';
import { strings } from '../../../../src/apps/taskpane/strings';
import { FakeExcelHost, type FakeSheet } from '../../../helpers/fake-excel';
import { CLERK_TOWNSHIPS, clerkCell, clerkModel, signClerkFooter, typeClerkSheet } from '../../../helpers/clerk-sheet';
import { fillTemplate } from '../../../office-workbook/fill-template';

const catalog = seedCatalog();

async function checked(organisationId: string | undefined, fill: (sheet: FakeSheet, model: ReturnType<typeof buildTemplate>) => void): Promise<TemplateCheck> {
  const model = organisationId === 'wjj' ? clerkModel(catalog) : buildTemplate(catalog, { plan: 'children', year: 2025, ...(organisationId ? { organisationId } : {}) });
  const host = new FakeExcelHost();
  const { sheetName } = await insertTemplate(host, model);
  fill(host.workbook.sheet(sheetName), model);
  signClerkFooter(host.workbook.sheet(sheetName), model); // 填表人 and 联系电话 given, as the clerk does
  const outcome = await createWorkbook(officeWorkbookHost(host)).check(catalog, 'zh-CN');
  if (outcome.kind !== 'template') throw new Error(outcome.message.zh);
  return outcome.check;
}

/** 桂山街道's template: C-HEA-09 (≥90%), C-HEA-24 (a count), C-EDU-11 (relative), C-WEL-14, C-WEL-18 (是/否). */
const township = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const at = (indicatorId: string, key: 'value' | 'previous' | 'other' = 'value') => clerkCell(township, indicatorId, key, township.dataRows.find((row) => row.indicatorId === indicatorId)?.unitId);
const guishan = (sheet: FakeSheet) => {
  sheet.personTypes(at('C-HEA-09'), '85'); // misses ≥90%
  sheet.personTypes(at('C-HEA-09', 'previous'), '60'); // … and swings from last year's 60%
  sheet.personTypes(at('C-HEA-24'), 'abc'); // unreadable
};

describe('the words of the four categories', () => {
  it('are the core\'s, in both languages (the pane, the CLI and the server say the same)', () => {
    for (const group of FINDING_GROUPS) {
      expect(strings['zh-CN'].check.groups[group]).toBe(CATEGORY_NAMES[group].zh);
      expect(strings['en-US'].check.groups[group]).toBe(CATEGORY_NAMES[group].en);
    }
  });
});

describe('checkFindings on a township\'s sheet', () => {
  let summary: CheckSummary;
  beforeAll(async () => {
    summary = checkFindings(await checked('guishan', guishan), catalog);
  });

  it('one finding per cell: the miss and the swing on one cell are one finding with both messages', () => {
    const k5 = summary.findings.filter((finding) => finding.address === at('C-HEA-09'));
    expect(k5).toHaveLength(1);
    expect(k5[0]).toMatchObject({ group: 'notMet', needsNote: true, indicatorId: 'C-HEA-09', indicatorName: { zh: '适龄儿童免疫规划疫苗接种率' }, unitId: 'guishan', unitName: { zh: '桂山街道' }, domain: { zh: '儿童与健康' } });
    expect(k5[0]?.messages.map((message) => message.text.zh)).toEqual([expect.stringMatching(/^未达标/), expect.stringMatching(/^波动预警/)]);
    expect(summary.findings.find((finding) => finding.address === at('C-HEA-24'))).toMatchObject({ group: 'error' });
  });

  it('counts lines, as the core does, and nothing says "met"', () => {
    expect(summary.counts).toMatchObject({ error: 4, notMet: 1, warning: 0, info: 0, notesRequired: 1, lines: 5, filled: 2 });
    expect(summary.findings.flatMap((finding) => finding.messages).some((message) => message.text.zh.startsWith('达标'))).toBe(false);
    expect(summary.clear).toBe(false);
    expect(new Set(summary.findings.map((finding) => finding.id)).size).toBe(summary.findings.length);
  });

  it('is clear when every row is filled right', async () => {
    const good = await checked('guishan', (sheet) => {
      const typed: [string, string][] = [
        [at('C-HEA-09'), '95'], [at('C-HEA-09', 'previous'), '94'], [at('C-HEA-24'), '3'], [at('C-HEA-24', 'previous'), '3'],
        [at('C-EDU-11'), '5'], [at('C-EDU-11', 'other'), '5'], [at('C-EDU-11', 'previous'), '5'], [at('C-WEL-14'), '2'], [at('C-WEL-14', 'previous'), '2'], [at('C-WEL-18'), '是'],
      ];
      for (const [address, value] of typed) sheet.personTypes(address, value);
    });
    expect(checkFindings(good, catalog)).toMatchObject({ clear: true, problemCells: [], counts: { error: 0, notMet: 0, warning: 0, filled: 5, lines: 5 } });
  });
});

describe('checkFindings on the clerk\'s sheet (卫健局, 60 lines, 24 of them per township; issue 13)', () => {
  let check: TemplateCheck;
  let summary: CheckSummary;
  const model = clerkModel(catalog);
  beforeAll(async () => {
    check = await checked('wjj', (sheet) => typeClerkSheet(sheet, model));
    summary = checkFindings(check, catalog);
  });

  it('says how much is filled and counts every line once, in its worst category', () => {
    expect(summary.counts).toMatchObject({ lines: 60, filled: 35, error: 18, notMet: 4, warning: 5, info: 16, notesRequired: 7 });
    for (const group of FINDING_GROUPS) expect(summary.findings.filter((finding) => finding.group === group)).toHaveLength(summary.counts[group]);
  });

  it('one finding per cell: no cell is listed twice, the messages about it are merged', () => {
    const addresses = summary.findings.map((finding) => finding.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    // 5岁以下 2.5‰ below 婴儿 3.2‰ (an error on both) and its swing from 4.8‰: one finding on its value cell
    const k9 = summary.findings.find((finding) => finding.address === clerkCell(model, 'C-HEA-05', 'value'));
    expect(k9?.group).toBe('error');
    expect(k9?.messages.map((message) => message.text.zh)).toEqual([expect.stringContaining('不应高于5岁以下儿童死亡率'), expect.stringMatching(/^波动预警/)]);
    // a projected miss with 未到期 and the plan's other number: one finding, three lines
    expect(summary.findings.find((finding) => finding.indicatorId === 'C-HEA-20')?.messages).toHaveLength(3);
  });

  it('by category: the eight blank townships of one indicator are one row naming them, counted eight times', () => {
    const sections = findingSections(summary.findings, 'category', catalog);
    expect(sections.map((section) => [section.category, section.count])).toEqual([['error', 18], ['notMet', 4], ['warning', 5], ['info', 16]]);
    const errors = sections[0]?.rows ?? [];
    expect(errors).toHaveLength(6); // 婴儿, 5岁以下, 0.95, the blanks of C-HEA-09, the blanks of C-HEA-24, "abc"
    const blanks = errors.find((row) => row.findings[0]?.indicatorId === 'C-HEA-09' && row.findings.length > 1);
    expect(blanks?.findings.map((finding) => finding.unitId)).toEqual(CLERK_TOWNSHIPS.slice(4));
    expect(blanks?.findings.map((finding) => finding.unitName?.zh)).toEqual(['戛洒镇', '水塘镇', '平甸乡', '新化乡', '建兴乡', '老厂乡', '者竜乡', '平掌乡']);
    expect(blanks?.findings[0]?.address).toBe(clerkCell(model, 'C-HEA-09', 'value', 'gasa'));
    expect(errors.find((row) => row.findings[0]?.indicatorId === 'C-HEA-24')?.findings).toHaveLength(6);
    // different words are different rows: the two misses of C-HEA-09 stay apart
    expect(sections[1]?.rows.filter((row) => row.findings[0]?.indicatorId === 'C-HEA-09')).toHaveLength(2);
  });

  it('by 领域 and by 填报单元: every finding in exactly one section, townships in the catalog\'s order', () => {
    const byDomain = findingSections(summary.findings, 'domain', catalog);
    expect(byDomain.map((section) => section.title?.zh)).toEqual(['儿童与健康', '儿童与安全', '儿童与福利', '儿童与家庭']);
    const byUnit = findingSections(summary.findings, 'unit', catalog);
    expect(byUnit[0]).toMatchObject({ special: 'county', count: 25 });
    expect(byUnit.slice(1).map((section) => section.title?.zh)).toEqual(['古城街道', '扬武镇', '漠沙镇', '戛洒镇', '水塘镇', '平甸乡', '新化乡', '建兴乡', '老厂乡', '者竜乡', '平掌乡']);
    // worst first within a section: the county's errors before its notes
    expect(byUnit[0]?.rows.map((row) => row.group)).toEqual([...(byUnit[0]?.rows.map((row) => row.group) ?? [])].sort((a, b) => FINDING_GROUPS.indexOf(a) - FINDING_GROUPS.indexOf(b)));
    expect(byUnit[0]?.rows[0]?.group).toBe('error');
    for (const sections of [byDomain, byUnit]) {
      expect(sections.reduce((sum, section) => sum + section.count, 0)).toBe(summary.findings.length);
      expect(sections.flatMap((section) => section.rows.flatMap((row) => row.findings)).map((finding) => finding.id).sort()).toEqual(summary.findings.map((finding) => finding.id).sort());
    }
  });

  it('下一个问题 walks the cells of every 错误, 未达标 and 预警 in sheet order, from the one last selected, and starts over', () => {
    const cells = summary.problemCells;
    expect(cells).toHaveLength(18 + 4 + 5);
    const rows = cells.map((cell) => parseCellAddress(cell).row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(nextProblemCell(summary)).toEqual({ address: cells[0], position: 0 });
    expect(nextProblemCell(summary, cells[0])).toEqual({ address: cells[1], position: 1 });
    // from a cell that is no problem (a row clicked, then fixed), the next one below it
    expect(nextProblemCell(summary, clerkCell(model, 'C-HEA-10', 'value'))?.address).toBe(clerkCell(model, 'C-HEA-14', 'value'));
    expect(nextProblemCell(summary, cells[cells.length - 1])).toEqual({ address: cells[0], position: 0 });
    expect(nextProblemCell({ problemCells: [] })).toBeUndefined();
  });
});

describe('on a whole department\'s template filled in every way people type', () => {
  it('every category appears; a consistency error lands on each value it names', async () => {
    const big = await checked('wjj', (sheet, model) => void fillTemplate(sheet, model, catalog));
    const summary = checkFindings(big, catalog);
    for (const group of FINDING_GROUPS) expect(summary.counts[group]).toBeGreaterThan(0);
    const nesting = summary.findings.filter((finding) => finding.source.messages.some((message) => message.code.startsWith('consistency.')));
    expect(nesting.length).toBeGreaterThanOrEqual(2);
    expect(new Set(summary.findings.map((finding) => finding.address)).size).toBe(summary.findings.length);
  });
});
