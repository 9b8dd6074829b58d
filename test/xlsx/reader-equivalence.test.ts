import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { PlanId } from '../../src/core/catalog/indicator-schema';
import { UNITS } from '../../src/core/catalog/units';
import { buildTemplate, FOOTER_FIELDS } from '../../src/core/template/build-template';
import type { ReadEntry } from '../../src/core/template/read-template';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import type { TemplateModel } from '../../src/core/template/template-model';
import { seedCatalog } from '../../src/seed-catalog';
import { checkXlsx, readXlsx } from '../../src/xlsx/read-xlsx';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { referenceReadXlsx } from './exceljs-reference';

/**
 * The bounded reader reads real templates exactly as the ExcelJS-based reader did (kept in
 * exceljs-reference.ts as the reference): blank and filled the way people fill them, for both plans, the
 * all-indicator templates, a department and a township; and after LibreOffice has re-saved one (what WPS
 * and LibreOffice users upload).
 */

const catalog = seedCatalog();

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook;
}

/** Gives a cell its own style with this number format (ExcelJS shares style objects between loaded cells). */
function formatted(cell: ExcelJS.Cell, value: ExcelJS.CellValue, numFmt: string): void {
  cell.value = value;
  cell.style = { ...cell.style, numFmt };
}

/**
 * Fills every row of a template with the kinds of input people type, in rotation: numbers, numbers as
 * text, full-width digits, 是/否, ratios as text and as the time Excel makes of "2:3", percent-formatted
 * numbers, formulas with their cached results, rich text, hyperlinks, booleans, error values, dates.
 */
async function filled(model: TemplateModel): Promise<Uint8Array> {
  const workbook = await load(await templatesToXlsx([model]));
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  model.dataRows.forEach((info, index) => {
    const row = sheet.getRow(info.row + 1);
    const cell = (key: keyof typeof COLUMN_INDEX) => row.getCell(COLUMN_INDEX[key] + 1);
    const indicator = catalog.indicators.get(info.indicatorId);
    const kind = indicator ? UNITS[indicator.unit].valueKind : 'number';
    const value = cell('value');
    switch (kind) {
      case 'ratio':
        if (index % 2) formatted(value, (2 * 60 + 3) / 1440, 'h:mm'); // Excel took the typed "2:3" for 2:03
        else value.value = '2:3';
        break;
      case 'boolean':
        value.value = index % 3 ? '是' : '否';
        break;
      case 'text':
        value.value = { richText: [{ text: '已建成' }, { font: { bold: true }, text: '县乡村三级网络' }] };
        break;
      default:
        switch (index % 7) {
          case 0:
            value.value = 95.2;
            break;
          case 1:
            value.value = '93.5';
            break;
          case 2:
            value.value = '９２．４';
            break;
          case 3:
            formatted(value, 0.93, '0%');
            break;
          case 4:
            value.value = { formula: '90+5.2', result: 95.2, date1904: false };
            break;
          case 5:
            value.value = { error: '#DIV/0!' };
            break;
          default:
            value.value = index % 2 ? 2 : 0;
        }
    }
    if (index % 4 === 0) cell('note').value = { richText: [{ text: '个别乡镇' }, { font: { italic: true }, text: '波动大' }] };
    if (index % 5 === 0) cell('dataSource').value = { text: '统计年鉴', hyperlink: 'https://example.gov.cn/nj' };
    if (index % 6 === 0) cell('previous').value = 91.5;
    if (index % 9 === 0) cell('baseline').value = true;
  });
  const footer = model.rows.findIndex((row) => row.kind === 'footer');
  const footerCell = (field: keyof typeof FOOTER_FIELDS) => sheet.getRow(footer + FOOTER_FIELDS[field].row + 1).getCell(COLUMN_INDEX[FOOTER_FIELDS[field].input] + 1);
  footerCell('reporter').value = '张三';
  formatted(footerCell('date'), new Date(Date.UTC(2026, 0, 15)), 'yyyy"年"m"月"d"日"');
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const templates: [string, { plan: PlanId; year: number; organisationId?: string }][] = [
  ['children, 卫健局 (a department)', { plan: 'children', year: 2025, organisationId: 'wjj' }],
  ['children, all indicators', { plan: 'children', year: 2025 }],
  ['women, all indicators', { plan: 'women', year: 2026 }],
  ['women, 嘎洒镇 (a township)', { plan: 'women', year: 2025, organisationId: 'gasa' }],
  ['women, 住建局', { plan: 'women', year: 2025, organisationId: 'zjj' }],
];

describe('the bounded reader reads real templates as the ExcelJS reader did', () => {
  it.each(templates)('%s, blank and filled', async (_name, request) => {
    const model = buildTemplate(catalog, request);
    for (const bytes of [await templatesToXlsx([model]), await filled(model)]) {
      const outcome = await readXlsx(bytes, catalog);
      expect(outcome.ok).toBe(true);
      expect(outcome).toEqual(await referenceReadXlsx(bytes, catalog));
    }
  });

  it('the filled templates have what the comparison is about: every kind of value reaches the reader', async () => {
    const outcome = await readXlsx(await filled(buildTemplate(catalog, { plan: 'women', year: 2026 })), catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    const read = outcome.sheets[0]!;
    const values = read.entries.map((entry) => entry.value);
    expect(values).toEqual(expect.arrayContaining([95.2, '93.5', '９２．４', '93%', '#DIV/0!', '是', '否', '2:3', '2:03', '已建成县乡村三级网络']));
    expect(read.entries.some((entry) => entry.note === '个别乡镇波动大' && entry.dataSource === '统计年鉴')).toBe(true);
    expect(read.footer).toEqual({ reporter: '张三', date: '2026-01-15' });
    expect(read.problems.map((problem) => problem.code)).toContain('template.percentFormat');
  });

  it('a workbook of several templates and other sheets, checked', async () => {
    const workbook = await load(await templatesToXlsx([buildTemplate(catalog, { plan: 'women', year: 2025 }), buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' })]));
    workbook.addWorksheet('预算').addRow(['项目', '金额']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const reference = await referenceReadXlsx(bytes, catalog);
    expect(await readXlsx(bytes, catalog)).toEqual(reference);
    const check = await checkXlsx(bytes, catalog);
    expect(check.ok && check.sheets.map((sheet) => sheet.read)).toEqual(reference.ok && reference.sheets);
  });
});

/** `soffice`, or a failure saying how to get it: this test must not pass silently where it cannot run. */
function soffice(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui (CI installs it); this test re-saves a template with it, as WPS/LibreOffice users do');
  }
}

describe('a template re-saved by LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xpm-soffice-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The file LibreOffice writes when it opens `bytes` and saves it as .xlsx. */
  function resaved(bytes: Uint8Array, name: string): Uint8Array {
    const command = soffice();
    const input = join(dir, 'in', `${name}.xlsx`);
    execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
    writeFileSync(input, bytes);
    execFileSync(command, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), input], { stdio: 'pipe', timeout: 120_000 });
    return new Uint8Array(readFileSync(join(dir, 'out', `${name}.xlsx`)));
  }

  const comparable = (entries: readonly ReadEntry[]) => entries.map(({ indicatorId, unitId, value, note, previous, baseline, other, row, cells, dataSource }) => ({ indicatorId, unitId, value, note, previous, baseline, other, row, cells, dataSource }));

  it.each([
    ['children, 卫健局', { plan: 'children' as const, year: 2025, organisationId: 'wjj' }],
    ['women, all indicators', { plan: 'women' as const, year: 2026 }],
  ])('%s, filled: the same entries as the original, and the same as the ExcelJS reader', async (name, request) => {
    const original = await filled(buildTemplate(catalog, request));
    const bytes = resaved(original, name.replace(/\W+/g, '-'));
    expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(false);
    const before = await readXlsx(original, catalog);
    const after = await readXlsx(bytes, catalog);
    if (!before.ok || !after.ok) throw new Error('not read');
    expect(after.sheets.map((sheet) => sheet.meta)).toEqual(before.sheets.map((sheet) => sheet.meta));
    expect(comparable(after.sheets[0]!.entries)).toEqual(comparable(before.sheets[0]!.entries));
    expect(after.sheets[0]!.footer).toEqual(before.sheets[0]!.footer);
    expect(after).toEqual(await referenceReadXlsx(bytes, catalog));
  }, 120_000);
});
