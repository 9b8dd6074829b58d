import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { seedCatalog } from '../../src/seed-catalog';
import { evaluateReport } from '../../src/core/report/evaluate-report';
import { buildTemplate, FIRST_DATA_ROW, FOOTER_FIELDS, HEADER_ROW } from '../../src/core/template/build-template';
import { decodeMetadata } from '../../src/core/template/template-metadata';
import { columnLetter } from '../../src/core/template/cell-address';
import { COLUMN_INDEX, STATUS_WORDS, TEMPLATE_COLUMNS, type ColumnKey } from '../../src/core/template/template-columns';
import { CELL_STYLES, type CellStyle, type StyleName } from '../../src/core/template/template-model';
import { checkXlsx, readWorkbookGrids, readXlsx } from '../../src/xlsx/read-xlsx';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { intendedEntries, verdicts, type RowInput } from '../core/template/template-grid';

const catalog = seedCatalog();
const isUnlocked = (style: StyleName): boolean | undefined => (CELL_STYLES[style] as CellStyle).unlocked;
const YEAR = 2025;
const model = buildTemplate(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj' });
const lastDataRow = model.dataRows.at(-1)?.row ?? FIRST_DATA_ROW;
const STATUS = columnLetter(COLUMN_INDEX.status);

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function sheetXml(data: Uint8Array, index = 1): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  return (await zip.file(`xl/worksheets/sheet${index}.xml`)?.async('string')) ?? '';
}

/** 1-based ExcelJS address of a template cell, in the layout the model wrote. */
function modelCell(indicatorId: string, key: ColumnKey, unitId?: string): string {
  const info = model.dataRows.find((row) => row.indicatorId === indicatorId && row.unitId === unitId);
  if (!info) throw new Error(`${indicatorId} not in the template`);
  return `${String.fromCharCode(65 + COLUMN_INDEX[key])}${info.row + 1}`;
}

/** Moves a formula's relative references from one row to another, outside string literals (what Excel's sort does). */
function moveFormula(value: ExcelJS.CellValue, from: number, to: number): ExcelJS.CellValue {
  if (!value || typeof value !== 'object' || !('formula' in value)) return value;
  const formula = (value.formula ?? '')
    .split('"')
    .map((part, index) => (index % 2 === 1 ? part : part.replace(new RegExp(`\\b([A-Z]{1,3})${from}\\b`, 'g'), `$1${to}`)))
    .join('"');
  return { ...value, formula };
}

/** Sorts rows first..last (1-based) by a key, moving values, formulas and styles as Excel does. */
function sortRows(sheet: ExcelJS.Worksheet, first: number, last: number, key: (row: ExcelJS.Row) => string): void {
  const width = sheet.columnCount;
  const rows = [];
  for (let r = first; r <= last; r += 1) {
    const row = sheet.getRow(r);
    const cells = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      cells.push({ value: cell.value, style: JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style> });
    }
    rows.push({ from: r, key: key(row), cells });
  }
  rows.sort((a, b) => a.key.localeCompare(b.key));
  rows.forEach((source, index) => {
    const row = sheet.getRow(first + index);
    source.cells.forEach((saved, column) => {
      const cell = row.getCell(column + 1);
      cell.value = moveFormula(saved.value, source.from, first + index);
      cell.style = saved.style;
    });
  });
}

/** Inserts rows or columns the way Excel does: ExcelJS's splice leaves merged ranges behind, so move them too. */
function insertKeepingMerges(sheet: ExcelJS.Worksheet, what: 'row' | 'column', at: number): void {
  const merges = [...((sheet.model as unknown as { merges: string[] }).merges ?? [])];
  for (const range of merges) sheet.unMergeCells(range);
  if (what === 'row') sheet.spliceRows(at, 0, []);
  else sheet.spliceColumns(at, 0, []);
  for (const range of merges) {
    const moved = range.replace(/([A-Z]+)(\d+)/g, (_all, letters: string, digits: string) => {
      let column = 0;
      for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
      const row = Number(digits);
      const newRow = what === 'row' && row >= at ? row + 1 : row;
      const newColumn = what === 'column' && column >= at ? column + 1 : column;
      let name = '';
      for (let n = newColumn; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
      return `${name}${newRow}`;
    });
    sheet.mergeCells(moved);
  }
}

describe('templatesToXlsx: the file really has the template\'s structure', () => {
  let data: Uint8Array;
  let sheet: ExcelJS.Worksheet;
  let xml: string;
  beforeAll(async () => {
    data = await templatesToXlsx([model]);
    sheet = (await load(data)).worksheets[0] as ExcelJS.Worksheet;
    xml = await sheetXml(data);
  });

  it('has the hidden marker row with the column keys and the metadata cell', () => {
    expect(sheet.name).toBe(model.sheetName);
    expect(sheet.getRow(1).hidden).toBe(true);
    TEMPLATE_COLUMNS.forEach((column, index) => expect(sheet.getRow(1).getCell(index + 1).value).toBe(`xpm:${column.key}`));
    const meta = sheet.getRow(1).getCell(TEMPLATE_COLUMNS.length + 1).value;
    expect(decodeMetadata(String(meta))).toEqual({ ok: true, meta: model.meta });
    expect(sheet.getRow(HEADER_ROW + 1).getCell(COLUMN_INDEX.value + 1).value).toBe('本年值');
    expect(sheet.getCell('A2').value).toBe(model.title);
    expect(sheet.getCell('A2').isMerged).toBe(true);
  });

  it('has a status formula on every data row, with an empty cached result', () => {
    for (const info of model.dataRows) {
      const cell = sheet.getRow(info.row + 1).getCell(COLUMN_INDEX.status + 1);
      const expected = model.rows[info.row]?.cells[COLUMN_INDEX.status]?.formula as string;
      expect(cell.formula).toBe(expected.slice(1));
      expect([undefined, '']).toContain(cell.result);
    }
    // a string formula whose cached value is empty until the spreadsheet program recalculates
    expect(xml).toMatch(new RegExp(`<c r="${STATUS}${(model.dataRows[0]?.row ?? 0) + 1}" s="\\d+" t="str"><f>[^<]+</f><v></v></c>`));
  });

  it('has the data validations as merged ranges, with their types and the warning style for numbers', () => {
    const rules = [...xml.matchAll(/<dataValidation ([^>]*)>/g)].map((match) => {
      const attrs = Object.fromEntries([...(match[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
      return attrs as Record<string, string>;
    });
    expect(rules.map((rule) => rule.sqref).sort()).toEqual(model.validations.map((rule) => rule.range).sort());
    for (const rule of model.validations) {
      const written = rules.find((candidate) => candidate.sqref === rule.range);
      expect(written?.type).toBe(rule.rule.type);
      expect(written?.errorStyle ?? 'stop').toBe(rule.error.style);
      expect(written?.promptTitle).toBe(rule.prompt.title);
    }
    expect(rules.some((rule) => rule.type === 'decimal' && rule.errorStyle === 'warning')).toBe(true);
    expect(rules.some((rule) => rule.type === 'list')).toBe(true);
    // ExcelJS reads them back per cell
    const value = sheet.getCell(modelCell('C-HEA-09', 'value', 'gasa')).dataValidation;
    expect(value).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], errorStyle: 'warning' });
    expect(sheet.getCell(modelCell('C-HEA-25', 'value')).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });

  it('has the conditional formats on the status column', () => {
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    const range = `${STATUS}${FIRST_DATA_ROW + 1}:${STATUS}${lastDataRow + 1}`;
    expect(formats.map((format) => format.ref)).toEqual([range, range, range, range]);
    const formulae = formats.flatMap((format) => format.rules.map((rule) => rule.formulae[0]));
    expect(formulae).toEqual(model.conditionalFormats.map((rule) => rule.formula));
    expect(formulae[0]).toContain(`"${STATUS_WORDS['zh-CN'].notMet}"`);
    expect(formats.flatMap((format) => format.rules.map((rule) => rule.style.fill.bgColor.argb))).toEqual(model.conditionalFormats.map((rule) => `FF${rule.fill.slice(1)}`));
  });

  it('is protected without a password, with exactly the input cells unlocked', () => {
    const protection = xml.match(/<sheetProtection [^>]*\/>/)?.[0] ?? '';
    expect(protection).toContain('sheet="1"');
    expect(protection).not.toMatch(/password|hashValue/i);
    // sorting and formatting rows/columns stay allowed ("0" means not protected)
    expect(protection).toContain('sort="0"');
    let unlocked = 0;
    model.rows.forEach((row, index) => {
      row.cells.forEach((templateCell, column) => {
        const cell = sheet.getRow(index + 1).getCell(column + 1);
        // a merged range is protected as its top-left cell says
        if (cell.isMerged && cell.master !== cell) return;
        const isInput = templateCell !== undefined && isUnlocked(templateCell.style) === true;
        if (isInput) unlocked += 1;
        expect([index + 1, column + 1, cell.protection?.locked === false]).toEqual([index + 1, column + 1, isInput]);
      });
    });
    expect(unlocked).toBeGreaterThan(model.dataRows.length * 3);
    expect(sheet.getCell(modelCell('C-HEA-01', 'previous')).protection?.locked).not.toBe(false);
    expect(sheet.getCell(modelCell('C-SAF-01', 'baseline')).protection?.locked).toBe(false);
  });

  it('freezes the header, prints A3 landscape one page wide (the visible columns only) with the header row repeated, and recalculates on load', async () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW + 1, xSplit: 0 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const workbookXml = (await (await JSZip.loadAsync(data)).file('xl/workbook.xml')?.async('string')) ?? '';
    expect(workbookXml).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="0">[^<]*\\$A\\$1:\\$N\\$${model.rows.length}</definedName>`));
    expect(workbookXml).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="0">[^<]*\\$${HEADER_ROW + 1}:\\$${HEADER_ROW + 1}</definedName>`));
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheet.headerFooter.oddFooter).toContain('&P');
  });
});

describe('a template filled with ExcelJS the way people do reads back as the engine judges the inputs', () => {
  const inputs: RowInput[] = [
    { indicatorId: 'C-HEA-03', value: 2.5, previous: 2.6, note: '个别乡镇出生人数少，波动大' },
    { indicatorId: 'C-HEA-04', value: '3.1', previous: '3.4' }, // numbers stored as text
    { indicatorId: 'C-HEA-05', value: '４．８', previous: 5 }, // full-width
    { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 89.9, note: '疫苗供应中断两个月' }, // a per-township miss with a note
    { indicatorId: 'C-HEA-09', unitId: 'mosha', value: 96 },
    { indicatorId: 'C-HEA-09', unitId: 'pingzhang', value: '９２' },
    { indicatorId: 'C-HEA-10', value: 2 },
    { indicatorId: 'C-HEA-18', value: 95.2 }, // typed as =90+5.2
    { indicatorId: 'C-HEA-20', value: 91.5, previous: 92, note: '新增流动儿童未及时建档' },
    { indicatorId: 'C-HEA-25', value: '是' },
    { indicatorId: 'C-HEA-26', value: 0.93 }, // typed "93%" into a General cell: Excel stores 0.93 and shows 93%
    { indicatorId: 'C-HEA-11', value: '—', note: '本年度未开展贫血筛查' },
    { indicatorId: 'C-HEA-28', value: '约90' },
    { indicatorId: 'C-SAF-01', value: 4.8, baseline: 6, previous: 5.1 },
    { indicatorId: 'C-HEA-01', value: '已建成县乡村三级儿童健康服务网络' },
  ];
  const raw = (input: RowInput) => (input.indicatorId === 'C-HEA-26' ? '93%' : input.value ?? null);
  let outcome: Awaited<ReturnType<typeof checkXlsx>>;
  let filledSheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    const workbook = await load(await templatesToXlsx([model]));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    for (const input of inputs) {
      const set = (key: ColumnKey, value: ExcelJS.CellValue | undefined) => {
        if (value !== undefined) sheet.getCell(modelCell(input.indicatorId, key, input.unitId)).value = value;
      };
      set(catalog.indicators.get(input.indicatorId)?.unit === '文字' ? 'progress' : 'value', input.value as ExcelJS.CellValue);
      set('previous', input.previous as ExcelJS.CellValue);
      set('baseline', input.baseline as ExcelJS.CellValue);
      set('note', input.note);
    }
    sheet.getCell(modelCell('C-HEA-18', 'value')).value = { formula: '90+5.2', result: 95.2, date1904: false };
    // ExcelJS shares one style object between the cells it loaded with the same style: give this cell its own
    const percentCell = sheet.getCell(modelCell('C-HEA-26', 'value'));
    percentCell.style = { ...percentCell.style, numFmt: '0%' };
    // the footer
    const footer = model.rows.findIndex((row) => row.kind === 'footer');
    const footerCell = (field: keyof typeof FOOTER_FIELDS) => sheet.getRow(footer + FOOTER_FIELDS[field].row + 1).getCell(COLUMN_INDEX[FOOTER_FIELDS[field].input] + 1);
    footerCell('reporter').value = '张三';
    footerCell('phone').value = '0877-7012345';
    footerCell('date').value = '2026年1月15日';
    // sort the data rows by indicator name (descending), then insert a row and a column, rename, copy
    sortRows(sheet, FIRST_DATA_ROW + 1, lastDataRow + 1, (row) => `${String(row.getCell(COLUMN_INDEX.name + 1).value)}|${String(row.getCell(COLUMN_INDEX.unitName + 1).value ?? '')}`);
    expect(sheet.getRow(FIRST_DATA_ROW + 1).getCell(COLUMN_INDEX.id + 1).value).not.toBe(model.dataRows[0]?.indicatorId);
    insertKeepingMerges(sheet, 'row', FIRST_DATA_ROW + 8);
    sheet.getRow(FIRST_DATA_ROW + 8).getCell(COLUMN_INDEX.note + 1).value = '（以下为补充指标）';
    insertKeepingMerges(sheet, 'column', COLUMN_INDEX.name + 1);
    sheet.name = '卫健局2025填报';
    const copy = workbook.addWorksheet('卫健局2025填报 (2)');
    copy.model = { ...sheet.model, name: copy.name, id: copy.id } as ExcelJS.WorksheetModel;
    const saved = await save(workbook);
    outcome = await checkXlsx(saved, catalog);
    filledSheet = (await load(saved)).worksheets[0] as ExcelJS.Worksheet;
  });

  it('reads both copies of the sheet, under their new names', () => {
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets.map((sheet) => sheet.read.sheetName)).toEqual(['卫健局2025填报', '卫健局2025填报 (2)']);
    expect(outcome.skipped).toEqual([]);
  });

  it('gives the statuses and severities the engine gives the typed inputs directly', () => {
    if (!outcome.ok) throw new Error(outcome.message.zh);
    const direct = evaluateReport(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj', entries: intendedEntries(model, catalog, inputs, raw) });
    for (const sheet of outcome.sheets) {
      expect(verdicts(sheet.report.results)).toEqual(verdicts(direct.results));
      const perUnit = (summaries: typeof direct.perUnit) => Object.fromEntries(summaries.map((s) => [s.indicatorId, [s.status, s.severity, s.counts]]));
      expect(perUnit(sheet.report.perUnit)).toEqual(perUnit(direct.perUnit));
      expect(sheet.report.problems).toEqual(direct.problems);
      expect(sheet.read.entries).toHaveLength(model.dataRows.length);
    }
    // the inputs cover every kind of verdict
    expect(direct.summary.byStatus).toMatchObject({ met: expect.any(Number), notMet: expect.any(Number), invalid: 1 });
    expect(direct.summary.byStatus.met).toBeGreaterThan(3);
    expect(direct.summary.byStatus.notMet).toBeGreaterThanOrEqual(1);
    expect(direct.summary.byStatus.notYetDue).toBeGreaterThanOrEqual(1);
  });

  it('reads the values as typed: text, full-width, formula results, percent cells', () => {
    if (!outcome.ok) throw new Error(outcome.message.zh);
    const entries = outcome.sheets[0]?.read.entries ?? [];
    const entry = (id: string, unitId?: string) => entries.find((e) => e.indicatorId === id && e.unitId === unitId);
    expect(entry('C-HEA-04')).toMatchObject({ value: '3.1', previous: '3.4' });
    expect(entry('C-HEA-05')?.value).toBe('４．８');
    expect(entry('C-HEA-18')?.value).toBe(95.2);
    expect(entry('C-HEA-26')?.value).toBe('93%');
    expect(entry('C-HEA-09', 'gasa')).toMatchObject({ value: 89.9, note: '疫苗供应中断两个月' });
    expect(entry('C-SAF-01')).toMatchObject({ value: 4.8, baseline: 6, previous: 5.1 });
    const percent = outcome.sheets[0]?.read.problems ?? [];
    expect(percent.map((p) => p.code)).toEqual(['template.percentFormat']);
  });

  it('points every entry at the cell it now sits in, and reads the footer', () => {
    if (!outcome.ok) throw new Error(outcome.message.zh);
    const read = outcome.sheets[0]?.read;
    for (const entry of read?.entries ?? []) {
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(entry.cells.id as string) as RegExpExecArray;
      expect(filledSheet.getCell(`${letters}${digits}`).value).toBe(entry.indicatorId);
      expect(filledSheet.getCell(entry.cells.value as string).value ?? null).toEqual(
        typeof entry.value === 'string' && entry.value.endsWith('%') ? 0.93 : entry.indicatorId === 'C-HEA-18' ? expect.objectContaining({ result: 95.2 }) : entry.value,
      );
    }
    // the inserted column moved 本年值 from K to L
    expect(read?.columns.value).toBe(COLUMN_INDEX.value + 1);
    expect(read?.footer).toEqual({ reporter: '张三', phone: '0877-7012345', date: '2026年1月15日' });
  });

  it('flags the misses and the invalid value at their current cells', () => {
    if (!outcome.ok) throw new Error(outcome.message.zh);
    const sheet = outcome.sheets[0];
    const entry = sheet?.read.entries.find((e) => e.indicatorId === 'C-HEA-28');
    const flag = sheet?.flags.flags.find((f) => f.address === entry?.cells.value);
    expect(flag).toMatchObject({ kind: 'error', severity: 'error' });
    expect(flag?.note).toContain('约90');
    const gasa = sheet?.read.entries.find((e) => e.indicatorId === 'C-HEA-09' && e.unitId === 'gasa');
    expect(sheet?.flags.flags.find((f) => f.address === gasa?.cells.value)?.kind).toBe('notMet');
    expect(sheet?.counts.error).toBeGreaterThan(0);
  });
});

describe('readXlsx and checkXlsx on other files', () => {
  it('reads every template sheet of a workbook (both plans), and makes sheet names unique', async () => {
    const women = buildTemplate(catalog, { plan: 'women', year: 2026 });
    const twice = buildTemplate(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj' });
    const data = await templatesToXlsx([women, model, twice]);
    const outcome = await readXlsx(data, catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets.map((sheet) => sheet.meta)).toEqual([women.meta, model.meta, twice.meta]);
    expect(outcome.sheets.map((sheet) => sheet.entries.length)).toEqual([women.dataRows.length, model.dataRows.length, twice.dataRows.length]);
    const names = outcome.sheets.map((sheet) => sheet.sheetName);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(3);
    expect(names[2]).toBe(`${model.sheetName} (2)`);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(31);
  });

  it('reads a template next to an unrelated sheet, listing the other one as skipped', async () => {
    const workbook = await load(await templatesToXlsx([model]));
    const other = workbook.addWorksheet('预算');
    other.addRow(['项目', '金额']);
    other.addRow(['培训', 1200]);
    const outcome = await readXlsx(await save(workbook), catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets).toHaveLength(1);
    expect(outcome.skipped).toEqual([{ sheetName: '预算', message: expect.objectContaining({ code: 'template.notTemplate', zh: '工作表“预算”不是监测指标填报模板' }) }]);
  });

  it('reads an Excel time typed into a ratio cell as what was shown', async () => {
    const women = buildTemplate(catalog, { plan: 'women', year: YEAR, organisationId: 'zjj' });
    const workbook = await load(await templatesToXlsx([women]));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const info = women.dataRows.find((row) => row.indicatorId === 'W-ENV-09');
    const cell = sheet.getRow((info?.row as number) + 1).getCell(COLUMN_INDEX.value + 1);
    cell.value = (2 * 60 + 3) / 1440; // Excel took the typed "2:3" for 2:03
    cell.style = { ...cell.style, numFmt: 'h:mm' };
    const grids = await readWorkbookGrids(await save(workbook));
    const grid = grids.ok ? grids.sheets[0] : undefined;
    expect(grid?.values[info?.row as number]?.[COLUMN_INDEX.value]).toBe('2:03');
    expect(grid?.numberFormats?.[info?.row as number]?.[COLUMN_INDEX.value]).toBe('h:mm');
  });

  it.each([
    ['an old .xls (OLE) file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(512).fill(0)]), 'xlsx.legacyOrEncrypted', '旧版 .xls 格式或已加密'],
    ['a damaged zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'xlsx.damaged', '文件已损坏，无法作为 .xlsx 读取'],
    ['a text file', new TextEncoder().encode('指标,数值\nC-HEA-09,95\n'), 'xlsx.notXlsx', '文件不是 Excel 工作簿（.xlsx）'],
    ['an empty file', new Uint8Array(0), 'xlsx.notXlsx', '文件不是 Excel 工作簿（.xlsx）'],
  ])('refuses %s with a specific Chinese message', async (_what, bytes, code, zh) => {
    for (const outcome of [await readXlsx(bytes, catalog), await checkXlsx(bytes, catalog)]) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.message.code).toBe(code);
        expect(outcome.message.zh).toContain(zh);
        expect(outcome.refusal).toMatchObject({ code, status: 422 });
      }
    }
    const grids = await readWorkbookGrids(bytes);
    expect(grids).toMatchObject({ ok: false, refusal: { code, status: 422, zh: expect.stringContaining(zh) } });
  });

  it('refuses a zip that is not a workbook (a .docx renamed to .xlsx)', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file('word/document.xml', '<w:document/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const outcome = await checkXlsx(bytes, catalog);
    expect(outcome).toMatchObject({ ok: false, message: { code: 'xlsx.notXlsx' } });
  });

  it('reads bytes that sit inside a larger buffer', async () => {
    const data = await templatesToXlsx([model]);
    const padded = new Uint8Array(data.length + 16);
    padded.set(data, 8);
    const outcome = await readXlsx(padded.subarray(8, 8 + data.length), catalog);
    expect(outcome.ok && outcome.sheets[0]?.meta).toEqual(model.meta);
  });
});
