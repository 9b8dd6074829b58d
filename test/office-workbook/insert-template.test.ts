import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate, FIRST_DATA_ROW, HEADER_ROW, MARKER_ROW } from '../../src/core/template/build-template';
import { columnLetter } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { encodeMetadata } from '../../src/core/template/template-metadata';
import { CELL_STYLES, FLAG_COLOURS } from '../../src/core/template/template-model';
import { insertTemplate, METADATA_PROPERTY, WorkbookError } from '../../src/office-workbook';
import { uniqueSheetName } from '../../src/core/template/sheet-name';
import { FakeExcelHost, FakeWorkbook, cellName, parseRange, type FakeSheet } from '../helpers/fake-excel';
import { model10, model2000 } from './models';

const catalog = seedCatalog();
const children = buildTemplate(catalog, { plan: 'children', year: 2025 });
const MB = 1024 * 1024;
/** The first indicator row's code and value cells (below the header and the first domain's group row). */
const FIRST_ID = cellName(children.dataRows[0]?.row ?? 0, COLUMN_INDEX.id);
const FIRST_VALUE = cellName(children.dataRows[0]?.row ?? 0, COLUMN_INDEX.value);

const rectNames = (sheet: FakeSheet) => sheet.merges.map((rect) => cellName(rect.r0, rect.c0) + (rect.r1 > rect.r0 || rect.c1 > rect.c0 ? `:${cellName(rect.r1, rect.c1)}` : ''));

describe('insertTemplate on a current Excel (ExcelApi 1.18)', () => {
  let host: FakeExcelHost;
  let sheet: FakeSheet;
  beforeAll(async () => {
    host = new FakeExcelHost({ workbook: new FakeWorkbook(['数据']) });
    host.workbook.sheet('数据').personTypes('A1', '已有数据');
    const result = await insertTemplate(host, children);
    expect(result.sheetName).toBe(children.sheetName);
    sheet = host.workbook.sheet(result.sheetName);
  });

  it('writes every value and formula of the model, the metadata cell and the status formulas', () => {
    children.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        const written = sheet.cellAt(r, c);
        if (cell?.formula) expect(written?.formula).toBe(cell.formula);
        else if (cell?.value !== undefined) expect(written?.value).toBe(cell.value);
      }),
    );
    expect(sheet.value(cellName(MARKER_ROW, children.columns.length))).toBe(encodeMetadata(children.meta));
    for (const info of children.dataRows) expect(sheet.cellAt(info.row, COLUMN_INDEX.status)?.formula).toMatch(/^=IF\(/);
    expect(sheet.value(FIRST_ID)).toMatch(/^C-[A-Z]{3}-\d{2}$/);
  });

  it('applies number formats before values, so "@" cells keep text', () => {
    children.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (cell?.numberFormat) expect(sheet.cellAt(r, c)?.numberFormat).toBe(cell.numberFormat);
      }),
    );
  });

  it('styles cells by rectangles: header, grey model cells, white unlocked inputs, grey locked unused inputs, borders', () => {
    expect(sheet.at(cellName(HEADER_ROW, 0))?.format).toMatchObject({ fill: CELL_STYLES.header.fill, bold: true, horizontalAlignment: 'Center', wrapText: true });
    expect(sheet.at(FIRST_ID)?.format).toMatchObject({ fill: CELL_STYLES.cellCentered.fill, fontSize: 10, locked: true });
    expect(sheet.at(FIRST_ID)?.format.borders.EdgeTop).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    for (const info of children.dataRows) {
      const text = catalog.indicators.get(info.indicatorId)?.unit === '文字';
      const value = sheet.cellAt(info.row, COLUMN_INDEX[text ? 'progress' : 'value']);
      expect(value?.format).toMatchObject({ fill: '#FFFFFF', locked: false });
      const previous = sheet.cellAt(info.row, COLUMN_INDEX.previous)?.format;
      expect(previous).toMatchObject(info.inputs.previous ? { fill: '#FFFFFF', locked: false } : { fill: CELL_STYLES.unused.fill, locked: true });
    }
    // the style writes are grouped: far fewer actions than cells
    const writeSync = host.syncs[1];
    expect(writeSync?.actions).toBeLessThan(children.rows.length * children.columns.length);
  });

  it('merges, hides the marker row, sizes rows and columns', () => {
    expect(rectNames(sheet).sort()).toEqual(children.merges.filter((merge) => merge.includes(':')).sort());
    expect([...sheet.hiddenRows]).toEqual([MARKER_ROW]);
    expect(sheet.rowHeights.get(1)).toBe(30);
    expect(sheet.columnWidths.size).toBe(children.columns.length);
    // the hidden 读数 and 校验值 columns the formulas use: width 0, as Excel hides a column
    expect([sheet.columnWidths.get(COLUMN_INDEX.parsed), sheet.columnWidths.get(COLUMN_INDEX.judged)]).toEqual([0, 0]);
    // rows of one height are sized together: fewer height writes than rows
    for (const [index, row] of children.rows.entries()) if (row.height !== undefined) expect(sheet.rowHeights.get(index)).toBe(row.height);
    expect(sheet.columnWidths.get(COLUMN_INDEX.name)).toBeGreaterThan(sheet.columnWidths.get(COLUMN_INDEX.seq) as number);
  });

  it('adds the conditional formats, data validation, frozen header, print setup, metadata property and protection', () => {
    // 未达标 red, 达标 green, 未到期 blue, 有误/待核对 amber
    expect(sheet.conditionalFormats.map((format) => format.fill)).toEqual([FLAG_COLOURS.notMet.fill, FLAG_COLOURS.met.fill, FLAG_COLOURS.notYetDue.fill, FLAG_COLOURS.error.fill]);
    expect(sheet.conditionalFormats[0]).toMatchObject({ type: 'Custom', formula: `=${children.conditionalFormats[0]?.formula}`, fill: FLAG_COLOURS.notMet.fill, fontColor: FLAG_COLOURS.notMet.font });
    expect(sheet.validations).toHaveLength(children.validations.length);
    const decimal = children.validations.findIndex((rule) => rule.rule.type === 'decimal');
    expect(sheet.validations[decimal]).toMatchObject({ rule: { decimal: { operator: 'Between' } }, prompt: { showPrompt: true }, errorAlert: { style: 'Warning' }, ignoreBlanks: true });
    const text = children.validations.findIndex((rule) => rule.rule.type === 'textLength');
    expect(sheet.validations[text]).toMatchObject({ rule: { textLength: { operator: 'LessThanOrEqualTo', formula1: 2000 } }, errorAlert: { style: 'Stop' } });
    const list = children.validations.findIndex((rule) => rule.rule.type === 'list');
    expect(sheet.validations[list]).toMatchObject({ rule: { list: { source: '是,否', inCellDropDown: true } } });
    expect(sheet.freeze).toEqual({ rows: FIRST_DATA_ROW, columns: 0 });
    // A3, the visible columns only (not the hidden helper columns and the metadata cell beyond them): legible print
    const lastVisible = columnLetter(children.columns.filter((column) => !column.hidden).length - 1);
    expect(sheet.pageLayout).toEqual({ orientation: 'Landscape', paperSize: 'A3', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: `A1:${lastVisible}${children.rows.length}`, printTitleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`, centerFooter: '第 &P 页，共 &N 页' });
    expect(sheet.customProperties.get(METADATA_PROPERTY)).toBe(encodeMetadata(children.meta));
    expect(sheet.protection).toEqual({ protected: true, options: { allowSort: true, allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true } });
  });

  it('activates the new sheet and leaves the existing one alone', () => {
    expect(host.workbook.active).toBe(sheet);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(['数据', children.sheetName]);
    expect(host.workbook.sheet('数据').value('A1')).toBe('已有数据');
  });
});

describe('insertTemplate on Excel 2016 (ExcelApi 1.1)', () => {
  it('still writes values, formulas, number formats and styles, and never calls a newer API', async () => {
    // the fake throws ApiNotFound on any API above 1.1, so a successful insert proves none was touched
    const host = new FakeExcelHost({ apiVersion: '1.1' });
    const { sheetName, syncs } = await insertTemplate(host, children);
    const sheet = host.workbook.sheet(sheetName);
    expect(syncs).toBe(2);
    expect(sheet.cellAt(children.dataRows[0]?.row as number, COLUMN_INDEX.status)?.formula).toMatch(/^=IF\(/);
    expect(sheet.value(cellName(MARKER_ROW, children.columns.length))).toBe(encodeMetadata(children.meta));
    expect(sheet.at(cellName(HEADER_ROW, 0))?.format.fill).toBe(CELL_STYLES.header.fill);
    expect(sheet.at(FIRST_VALUE)?.format.locked).toBe(true); // no unlocking without protection (1.2)
    expect({ merges: sheet.merges, hidden: sheet.hiddenRows.size, widths: sheet.columnWidths.size, cf: sheet.conditionalFormats, dv: sheet.validations, freeze: sheet.freeze, layout: sheet.pageLayout, props: sheet.customProperties.size, protection: sheet.protection.protected }).toEqual({
      merges: [],
      hidden: 0,
      widths: 0,
      cf: [],
      dv: [],
      freeze: { rows: 0, columns: 0 },
      layout: {},
      props: 0,
      protection: false,
    });
  });

  it('refuses a host below ExcelApi 1.1 with a Chinese message', async () => {
    const host = new FakeExcelHost({ apiVersion: '1.0' });
    await expect(insertTemplate(host, children)).rejects.toThrow(WorkbookError);
    await expect(insertTemplate(host, children)).rejects.toThrow(/Excel 2016/);
  });
});

describe('frozen panes: rows, columns or both (ExcelApi 1.7)', () => {
  it.each([
    [{ rows: 4, columns: 0 }],
    [{ rows: 0, columns: 2 }],
    [{ rows: 4, columns: 2 }], // WorksheetFreezePanes.freezeAt
  ])('freezes %o', async (freeze) => {
    const host = new FakeExcelHost({ apiVersion: '1.7' });
    const { sheetName } = await insertTemplate(host, { ...children, freeze });
    expect(host.workbook.sheet(sheetName).freeze).toEqual(freeze);
  });
});

describe('sheet names: a new sheet, never an overwrite unless asked', () => {
  it('picks "name (2)", "name (3)" … comparing names case-insensitively', async () => {
    const english = buildTemplate(catalog, { plan: 'children', year: 2025, language: 'en-US' });
    expect(english.sheetName).toBe('Children2025-All');
    const host = new FakeExcelHost({ workbook: new FakeWorkbook(['CHILDREN2025-ALL', 'children2025-all (2)']) });
    host.workbook.sheet('CHILDREN2025-ALL').personTypes('K5', '95');
    const first = await insertTemplate(host, english);
    const second = await insertTemplate(host, english);
    expect([first.sheetName, second.sheetName]).toEqual(['Children2025-All (3)', 'Children2025-All (4)']);
    expect(host.workbook.sheet('CHILDREN2025-ALL').value('K5')).toBe(95); // untouched
    expect(host.workbook.sheet('CHILDREN2025-ALL').cells.size).toBe(1);
  });

  it('keeps names within 31 characters', () => {
    const long = '儿童2025-一个非常非常非常非常长的单位名称用来测试工作表名称长度限制';
    const taken = [long.slice(0, 31)];
    const name = uniqueSheetName(long, taken);
    expect([...name].length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' (2)')).toBe(true);
    expect(uniqueSheetName('a', ['A', 'a (2)'])).toBe('a (3)');
  });

  it('replaces a sheet only when asked, in its place and under its name', async () => {
    const host = new FakeExcelHost({ workbook: new FakeWorkbook(['封面', children.sheetName, '附表']) });
    host.workbook.sheet(children.sheetName).personTypes(FIRST_VALUE, '旧数据');
    const result = await insertTemplate(host, children, { replaceSheet: children.sheetName.toLowerCase() });
    expect(result).toEqual({ sheetName: children.sheetName, replaced: children.sheetName, syncs: 2 });
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(['封面', children.sheetName, '附表']);
    const sheet = host.workbook.sheet(children.sheetName);
    expect(sheet.value(FIRST_VALUE)).toBe('');
    expect(sheet.value(FIRST_ID)).toBe(children.dataRows[0]?.indicatorId);
    expect(host.workbook.active).toBe(sheet);
  });
});

describe('round trips and payload', () => {
  it.each([
    ['10', model10, 2],
    ['2,000', model2000, 3],
  ])('inserts %s data rows in at most 3 syncs, each under the 2 MB default budget', async (_label, make, expected) => {
    const { model } = make();
    const host = new FakeExcelHost();
    const result = await insertTemplate(host, model);
    expect(result.syncs).toBe(expected);
    expect(host.syncs).toHaveLength(expected);
    for (const sync of host.syncs) expect(sync.payloadBytes).toBeLessThan(2 * MB);
    expect(host.syncs.every((sync) => !sync.implicit)).toBe(true);
  });

  it('sends a real template (all 175 rows of the children\'s plan) in one write sync', async () => {
    const host = new FakeExcelHost();
    await insertTemplate(host, children);
    expect(host.syncs).toHaveLength(2);
    expect(host.syncs[1]?.payloadBytes).toBeLessThan(0.5 * MB);
  });

  it('splits into more syncs under a small budget, each within it, and draws the same sheet', async () => {
    const { model } = model2000();
    const whole = new FakeExcelHost();
    await insertTemplate(whole, model);
    const split = new FakeExcelHost();
    const budget = 256 * 1024;
    const result = await insertTemplate(split, model, { payloadBudget: budget });
    expect(result.syncs).toBeGreaterThan(10);
    for (const sync of split.syncs) expect(sync.payloadBytes).toBeLessThanOrEqual(budget);
    const dump = (host: FakeExcelHost) => {
      const sheet = host.workbook.sheet(model.sheetName);
      return JSON.stringify({ cells: [...sheet.cells].sort((a, b) => a[0] - b[0]), merges: sheet.merges, cf: sheet.conditionalFormats, dv: sheet.validations, protection: sheet.protection });
    };
    expect(dump(split)).toBe(dump(whole));
  });

  it('writes whole rectangles: one formulas write covers the template', async () => {
    const host = new FakeExcelHost();
    await insertTemplate(host, children);
    const sheet = host.workbook.sheet(children.sheetName);
    const used = sheet.usedRect();
    // the metadata cell is the last column of the marker row
    expect(used).toEqual(parseRange(`A1:${cellName(children.rows.length - 1, children.columns.length)}`).rect);
  });
});
