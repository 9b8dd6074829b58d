import ExcelJS from 'exceljs';
import { DEFAULT_XLSX_LIMITS, readWorkbookGrids, type WorkbookGrids, type XlsxLimits } from '../../../src/xlsx/read-xlsx';
import { readWorkbookGridsInBrowser } from '../../../src/xlsx/read-xlsx-browser';
import { baseTemplate, farCellTemplate, lyingSizeBomb, manyEntries, mediaBomb, partText, sheetXmlBomb, TEMPLATE_SHEET_PART, withParts } from '../../helpers/hostile-xlsx';
import { storedEntry } from '../../helpers/zip-writer';

/**
 * The web portal's quick check reads .xlsx files in the browser on fflate (src/xlsx/browser-package.ts)
 * instead of yauzl: the same file must give the same grids, and a hostile one the same refusal — the same
 * code, status and Chinese words — as the server's reader.
 */

const MIB = 1024 * 1024;
const limits = (overrides: Partial<XlsxLimits>): XlsxLimits => ({ ...DEFAULT_XLSX_LIMITS, ...overrides });

function refusalOf(result: WorkbookGrids) {
  if (result.ok) throw new Error('expected a refusal');
  return result.refusal;
}

async function bothReaders(data: Uint8Array, options?: Parameters<typeof readWorkbookGrids>[1]) {
  const [node, browser] = await Promise.all([readWorkbookGrids(data, options), readWorkbookGridsInBrowser(data, options)]);
  return { node, browser };
}

describe('the browser .xlsx reader (fflate) reads and refuses as the Node one (yauzl)', () => {
  it('a real template: the same grids', async () => {
    const { node, browser } = await bothReaders(await baseTemplate());
    expect(node.ok).toBe(true);
    expect(browser).toEqual(node);
  });

  it('a filled template saved by ExcelJS: the same grids, values included', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await baseTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    sheet.getCell('H9').value = 95.2;
    sheet.getCell('H10').value = '３．２‰';
    sheet.getCell('J10').value = '说明：统计口径调整';
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { node, browser } = await bothReaders(filled);
    expect(browser).toEqual(node);
    expect(JSON.stringify(browser)).toContain('统计口径调整');
  });

  it.each([
    ['a worksheet that inflates to 300 MB (413, from the central directory)', () => sheetXmlBomb(300 * MIB), 'xlsx.entryTooLarge'],
    ['a part compressed 400:1 (422)', () => sheetXmlBomb(8 * MIB), 'xlsx.compressionRatio'],
    ['a 1.5 GB picture, unopened (413)', () => mediaBomb(1536 * MIB), 'xlsx.entryTooLarge'],
    ['a worksheet lying about its size, cut off after what it declared', () => lyingSizeBomb(300 * MIB), 'xlsx.sizeMismatch'],
    ['610 entries, from the end record', () => manyEntries(600), 'xlsx.tooManyEntries'],
    ['a value far away (XFD2000)', () => farCellTemplate('XFD2000'), 'xlsx.cellOutOfRange'],
  ])('%s: the same refusal', async (_name, make, code) => {
    const started = Date.now();
    const { node, browser } = await bothReaders(await make());
    expect(refusalOf(node).code).toBe(code);
    expect(refusalOf(browser)).toEqual(refusalOf(node));
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('the lying worksheet is not inflated to the end: the refusal names the size it declared', async () => {
    const refusal = refusalOf(await readWorkbookGridsInBrowser(await lyingSizeBomb(300 * MIB)));
    expect(refusal.zh).toContain(TEMPLATE_SHEET_PART);
  }, 60_000);

  it('the limits given: total declared, total inflated, entries — the same refusals', async () => {
    const template = await baseTemplate();
    const workbookXml = await partText(template, 'xl/workbook.xml');
    const sheet = /<sheet [^>]*\/>/.exec(workbookXml)?.[0] as string;
    const copies = Array.from({ length: 20 }, (_unused, index) => sheet.replace(/name="[^"]*"/, `name="副本${index}"`).replace(/sheetId="\d+"/, `sheetId="${index + 1}"`)).join('');
    const repeated = await withParts(template, { 'xl/workbook.xml': workbookXml.replace(sheet, copies) });
    for (const [data, options, code] of [
      [template, { limits: limits({ maxTotalBytes: 100_000 }) }, 'xlsx.totalTooLarge'],
      [repeated, { limits: limits({ maxTotalBytes: 1 * MIB }) }, 'xlsx.totalTooLarge'],
      [template, { limits: limits({ maxEntries: 5 }) }, 'xlsx.tooManyEntries'],
      [template, { limits: limits({ maxRatio: 2, ratioAboveBytes: 1000 }) }, 'xlsx.compressionRatio'],
    ] as const) {
      const { node, browser } = await bothReaders(data, options);
      expect(refusalOf(node).code).toBe(code);
      expect(refusalOf(browser)).toEqual(refusalOf(node));
    }
  });

  it('a DOCTYPE, XML that is not well-formed, a missing sheet: the same refusals', async () => {
    const template = await baseTemplate();
    const sheetXml = await partText(template, TEMPLATE_SHEET_PART);
    const doctype = await withParts(template, { [TEMPLATE_SHEET_PART]: sheetXml.replace('<worksheet', '<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet') });
    const broken = await withParts(template, { [TEMPLATE_SHEET_PART]: sheetXml.replace('</sheetData>', '</sheetDta>') });
    const stored = await withParts(template, { [TEMPLATE_SHEET_PART]: storedEntry(TEMPLATE_SHEET_PART, sheetXml) });
    const d = await bothReaders(doctype);
    expect(refusalOf(d.browser)).toEqual(refusalOf(d.node));
    const b = await bothReaders(broken);
    expect(refusalOf(b.browser)).toEqual(refusalOf(b.node));
    const s = await bothReaders(stored);
    expect(s.node.ok).toBe(true);
    expect(s.browser).toEqual(s.node);
    const missing = await bothReaders(template, { sheetName: '没有这张表' });
    expect(refusalOf(missing.browser)).toEqual(refusalOf(missing.node));
  });

  it('not a zip, a legacy .xls, a truncated zip: the same codes', async () => {
    const template = await baseTemplate();
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]);
    for (const data of [new TextEncoder().encode('年度,指标\n2025,95'), ole, template.slice(0, 2000), template.slice(0, template.length - 10), new Uint8Array(0)]) {
      const { node, browser } = await bothReaders(data);
      expect(node.ok).toBe(false);
      expect(refusalOf(browser).code).toBe(refusalOf(node).code);
      expect(refusalOf(browser).status).toBe(refusalOf(node).status);
    }
  });

  it('loads no Node module: yauzl is never required by the browser reader', () => {
    jest.isolateModules(() => {
      jest.doMock('yauzl', () => {
        throw new Error('yauzl is Node-only and must not be in the browser reader');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the module under the mock is the test
      expect(() => require('../../../src/xlsx/read-xlsx-browser')).not.toThrow();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- and the mock does bite the Node reader
      expect(() => require('../../../src/xlsx/read-xlsx')).toThrow(/Node-only/);
    });
  });
});
