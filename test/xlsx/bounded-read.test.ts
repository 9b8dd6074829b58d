import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../src/core/template/build-template';
import { COLUMN_INDEX, TEMPLATE_COLUMNS } from '../../src/core/template/template-columns';
import { columnLetter } from '../../src/core/template/cell-address';
import { seedCatalog } from '../../src/seed-catalog';
import { DEFAULT_XLSX_LIMITS, readWorkbookGrids, readXlsx, type WorkbookGrids, type XlsxLimits } from '../../src/xlsx/read-xlsx';
import { parseCellReference } from '../../src/xlsx/sheet-grid-reader';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { baseTemplate, farCellTemplate, lyingSizeBomb, manyEntries, mediaBomb, partText, sheetXmlBomb, TEMPLATE_SHEET_PART, withParts } from '../helpers/hostile-xlsx';
import { deflatedEntry, writeZip } from '../helpers/zip-writer';

const catalog = seedCatalog();
const MIB = 1024 * 1024;
const SHEET = '儿童2025-卫健局';

/** Runs one read and measures it: wall time and how much the process's RSS grew meanwhile (sampled every 5 ms). */
async function measured<T>(read: () => Promise<T>): Promise<{ result: T; ms: number; rssGrowthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  try {
    const result = await read();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, rssGrowthMb: (peak - before) / MIB };
  } finally {
    clearInterval(sampler);
  }
}

/** The refusal of a read that must have been refused. */
function refusalOf(outcome: WorkbookGrids) {
  if (outcome.ok) throw new Error(`read, not refused: ${outcome.sheets.map((sheet) => sheet.name).join(', ')}`);
  return outcome.refusal;
}

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('hostile files are refused from what they declare, quickly and in little memory', () => {
  const files: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    files.farXFD1048576 = await farCellTemplate('XFD1048576');
    files.farXFD2000 = await farCellTemplate('XFD2000');
    files.farA1048576 = await farCellTemplate('A1048576');
    files.sheetBomb = await sheetXmlBomb(300 * MIB);
    files.ratioBomb = await sheetXmlBomb(8 * MIB);
    files.mediaBomb = await mediaBomb(1536 * MIB);
    files.lyingBomb = await lyingSizeBomb(300 * MIB);
    files.manyEntries = await manyEntries(600);
  }, 60_000);

  it('the hostile files are small on disk', () => {
    expect(files.sheetBomb!.length).toBeLessThan(600_000);
    expect(files.mediaBomb!.length).toBeLessThan(2 * MIB);
    expect(files.lyingBomb!.length).toBeLessThan(600_000);
    expect(files.farXFD1048576!.length).toBeLessThan(30_000);
  });

  it.each([
    ['farXFD1048576', 'XFD1048576'],
    ['farXFD2000', 'XFD2000'],
    ['farA1048576', 'A1048576'],
  ])('%s: a value far away is refused, naming the sheet, the cell and the limits', async (name, cell) => {
    const { result, ms, rssGrowthMb } = await measured(() => readWorkbookGrids(files[name]!));
    const refusal = refusalOf(result);
    expect(refusal).toMatchObject({ code: 'xlsx.cellOutOfRange', status: 422, sheet: SHEET, cell });
    expect(refusal.zh).toContain(`工作表“${SHEET}”的单元格 ${cell} 有内容`);
    expect(refusal.zh).toContain('前 3000 行、前 100 列，即 A1:CV3000');
    expect(refusal.zh).toContain('请删除该单元格的内容后重新上传');
    expect(ms).toBeLessThan(2000);
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('a worksheet that inflates to 300 MB is refused (413) before it is inflated', async () => {
    const { result, ms, rssGrowthMb } = await measured(() => readWorkbookGrids(files.sheetBomb!));
    const refusal = refusalOf(result);
    expect(refusal).toMatchObject({ code: 'xlsx.entryTooLarge', status: 413 });
    expect(refusal.zh).toMatch(/部件“xl\/worksheets\/sheet1\.xml”解压后有 30\d MB，超过单个部件 16 MB 的上限/);
    expect(refusal.zh).toContain('删除图片、图表等与填报无关的内容后重新上传');
    expect(ms).toBeLessThan(2000);
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('a part under the size limit but compressed 400:1 is refused (422) for its ratio', async () => {
    const { result, ms, rssGrowthMb } = await measured(() => readWorkbookGrids(files.ratioBomb!));
    const refusal = refusalOf(result);
    expect(refusal).toMatchObject({ code: 'xlsx.compressionRatio', status: 422 });
    expect(refusal.zh).toMatch(/压缩比为 \d+:1，超过 200:1 的上限/);
    expect(refusal.zh).toContain('另存为');
    expect(ms).toBeLessThan(2000);
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('a 1.5 GB picture is refused (413) unopened, naming it', async () => {
    const { result, ms, rssGrowthMb } = await measured(() => readWorkbookGrids(files.mediaBomb!));
    const refusal = refusalOf(result);
    expect(refusal).toMatchObject({ code: 'xlsx.entryTooLarge', status: 413 });
    expect(refusal.zh).toContain('部件“xl/media/image1.png”解压后有 1536 MB，超过单个部件 16 MB 的上限；请删除图片');
    expect(ms).toBeLessThan(2000);
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('a worksheet that lies about its size is cut off after the size it declared, not inflated to the end', async () => {
    // count what the inflaters yauzl makes actually produce (the property is read-only but configurable)
    const create = zlib.createInflateRaw;
    let inflaters = 0;
    let inflated = 0;
    Object.defineProperty(zlib, 'createInflateRaw', {
      configurable: true,
      enumerable: true,
      value: (options?: zlib.ZlibOptions) => {
        const stream = create(options);
        inflaters += 1;
        const push = stream.push.bind(stream);
        stream.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
          if (chunk) inflated += chunk.length;
          return push(chunk, encoding);
        };
        return stream;
      },
    });
    try {
      const { result, ms, rssGrowthMb } = await measured(() => readWorkbookGrids(files.lyingBomb!));
      const refusal = refusalOf(result);
      expect(refusal).toMatchObject({ code: 'xlsx.sizeMismatch', status: 422 });
      expect(refusal.zh).toMatch(/部件“xl\/worksheets\/sheet1\.xml”解压后的实际大小与文件记录的 \d+ 字节不符/);
      expect(refusal.zh).toContain('另存为');
      expect(ms).toBeLessThan(2000);
      expect(rssGrowthMb).toBeLessThan(200);
    } finally {
      Object.defineProperty(zlib, 'createInflateRaw', { configurable: true, enumerable: true, writable: false, value: create });
    }
    // rels, workbook, styles, shared strings, the sheet
    expect(inflaters).toBe(6);
    // the sheet declares ~127 KB; of the 300 MB, at most a few chunks beyond that were inflated
    expect(inflated).toBeGreaterThan(100_000);
    expect(inflated).toBeLessThan(2 * MIB);
  });

  it('a zip of 610 entries is refused (422) from its end record', async () => {
    const { result, ms } = await measured(() => readWorkbookGrids(files.manyEntries!));
    const refusal = refusalOf(result);
    expect(refusal).toMatchObject({ code: 'xlsx.tooManyEntries', status: 422 });
    expect(refusal.zh).toContain('文件内含 610 个部件，超过上限 500 个');
    expect(refusal.zh).toContain('删除图片');
    expect(ms).toBeLessThan(2000);
  });

  it('the readXlsx outcome carries the refusal and the message callers show', async () => {
    const outcome = await readXlsx(files.mediaBomb!, catalog);
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'xlsx.entryTooLarge', status: 413 }, message: { code: 'xlsx.entryTooLarge', severity: 'error', zh: expect.stringContaining('16 MB') } });
  });
});

describe('every limit, with its own code, status and words', () => {
  const limits = (changes: Partial<XlsxLimits>): XlsxLimits => ({ ...DEFAULT_XLSX_LIMITS, ...changes });

  it('the total declared size (413)', async () => {
    const refusal = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxTotalBytes: 100_000 }) }));
    expect(refusal).toMatchObject({ code: 'xlsx.totalTooLarge', status: 413 });
    expect(refusal.zh).toMatch(/文件解压后共 \d+\.\d MB，超过 0\.1 MB 的上限；请删除图片/);
  });

  it('the total actually inflated, when a workbook names one worksheet part many times (413)', async () => {
    const template = await baseTemplate();
    const workbookXml = await partText(template, 'xl/workbook.xml');
    const sheet = /<sheet [^>]*\/>/.exec(workbookXml)?.[0] as string;
    const copies = Array.from({ length: 20 }, (_unused, index) => sheet.replace(/name="[^"]*"/, `name="副本${index}"`).replace(/sheetId="\d+"/, `sheetId="${index + 1}"`)).join('');
    const repeated = await withParts(template, { 'xl/workbook.xml': workbookXml.replace(sheet, copies) });
    const refusal = refusalOf(await readWorkbookGrids(repeated, { limits: limits({ maxTotalBytes: 1 * MIB }) }));
    expect(refusal).toMatchObject({ code: 'xlsx.totalTooLarge', status: 413 });
    expect(refusal.zh).toContain('读取文件时解压的内容超过 1.0 MB 的上限');
  });

  it('the rows and columns a value may sit in (422)', async () => {
    const rows = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxRows: 20 }) }));
    expect(rows).toMatchObject({ code: 'xlsx.cellOutOfRange', status: 422, sheet: SHEET, cell: 'A21' });
    expect(rows.zh).toContain('前 20 行、前 100 列，即 A1:CV20');
    const columns = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxColumns: 10 }) }));
    // the marker row's 11th cell, xpm:value
    expect(columns).toMatchObject({ code: 'xlsx.cellOutOfRange', cell: 'K1' });
    expect(columns.zh).toContain('前 3000 行、前 10 列，即 A1:J3000');
  });

  it('shared strings, merged ranges and cell formats (422)', async () => {
    const strings = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxSharedStrings: 10 }) }));
    expect(strings).toMatchObject({ code: 'xlsx.tooManySharedStrings', status: 422 });
    expect(strings.zh).toContain('共享字符串超过 10 个的上限');
    const merges = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxMergeRanges: 3 }) }));
    expect(merges).toMatchObject({ code: 'xlsx.tooManyMergeRanges', status: 422, sheet: SHEET });
    expect(merges.zh).toContain('合并单元格区域超过 3 个的上限');
    const formats = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxCellFormats: 5 }) }));
    expect(formats).toMatchObject({ code: 'xlsx.tooManyCellFormats', status: 422 });
    expect(formats.zh).toContain('单元格格式超过 5 种的上限');
  });

  it('the entry count and the ratio, with limits of its own', async () => {
    const entries = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxEntries: 5 }) }));
    expect(entries).toMatchObject({ code: 'xlsx.tooManyEntries', status: 422 });
    expect(entries.zh).toContain('超过上限 5 个');
    // the template's sheet compresses ~12:1; held to 5:1 above 100 KB it is refused
    const ratio = refusalOf(await readWorkbookGrids(await baseTemplate(), { limits: limits({ maxRatio: 5, ratioAboveBytes: 100_000 }) }));
    expect(ratio).toMatchObject({ code: 'xlsx.compressionRatio', status: 422 });
    expect(ratio.zh).toContain('超过 5:1 的上限');
  });

  it('a DOCTYPE anywhere it could expand entities (422), not parsed', async () => {
    const template = await baseTemplate();
    const strings = await partText(template, 'xl/sharedStrings.xml');
    const laughs = '<!DOCTYPE sst [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const bomb = await withParts(template, { 'xl/sharedStrings.xml': strings.replace('?>', `?>${laughs}`).replace('<t>', '<t>&c;') });
    const refusal = refusalOf(await readWorkbookGrids(bomb));
    expect(refusal).toMatchObject({ code: 'xlsx.doctype', status: 422 });
    expect(refusal.zh).toContain('部件“xl/sharedStrings.xml”含有 DOCTYPE 声明');
    const workbookXml = await partText(template, 'xl/workbook.xml');
    const inWorkbook = await withParts(template, { 'xl/workbook.xml': workbookXml.replace('?>', '?><!DOCTYPE workbook>') });
    expect(refusalOf(await readWorkbookGrids(inWorkbook))).toMatchObject({ code: 'xlsx.doctype', zh: expect.stringContaining('xl/workbook.xml') });
  });

  it('more worksheets than a workbook of templates has (422), even if they are one part named many times', async () => {
    const template = await baseTemplate();
    const workbookXml = await partText(template, 'xl/workbook.xml');
    const sheet = /<sheet [^>]*\/>/.exec(workbookXml)?.[0] as string;
    const copies = Array.from({ length: 101 }, (_unused, index) => sheet.replace(/name="[^"]*"/, `name="副本${index}"`).replace(/sheetId="\d+"/, `sheetId="${index + 1}"`)).join('');
    const refusal = refusalOf(await readWorkbookGrids(await withParts(template, { 'xl/workbook.xml': workbookXml.replace(sheet, copies) })));
    expect(refusal).toMatchObject({ code: 'xlsx.tooManySheets', status: 422 });
    expect(refusal.zh).toContain('工作表超过 100 个的上限');
  });

  it('nesting and attribute counts no spreadsheet has are a damaged file, refused while parsing', async () => {
    const template = await baseTemplate();
    const xml = await partText(template, TEMPLATE_SHEET_PART);
    const deep = xml.replace('<sheetData>', `<sheetData><row r="1"><c r="A1" t="inlineStr"><is>${'<r>'.repeat(100)}${'</r>'.repeat(100)}</is></c></row>`);
    expect(refusalOf(await readWorkbookGrids(await withParts(template, { [TEMPLATE_SHEET_PART]: deep })))).toMatchObject({ code: 'xlsx.damaged', zh: expect.stringContaining('nested more than 64 deep') });
    // refused before saxes has collected them all (a tag of 1.4 million took 340 MB)
    const attributes = Array.from({ length: 200_000 }, (_unused, index) => `a${index}="1"`).join(' ');
    const wide = xml.replace('<sheetData>', `<sheetData><row r="1" ${attributes}/>`);
    const { result, rssGrowthMb } = await measured(async () => readWorkbookGrids(await withParts(template, { [TEMPLATE_SHEET_PART]: wide })));
    expect(refusalOf(result)).toMatchObject({ code: 'xlsx.damaged', zh: expect.stringContaining('more than 10000 attributes') });
    expect(rssGrowthMb).toBeLessThan(100);
  });

  it('XML that is not well-formed is a damaged file, as before', async () => {
    const template = await baseTemplate();
    const xml = await partText(template, TEMPLATE_SHEET_PART);
    const broken = await withParts(template, { [TEMPLATE_SHEET_PART]: xml.replace('</sheetData>', '</sheetDat>') });
    expect(refusalOf(await readWorkbookGrids(broken))).toMatchObject({ code: 'xlsx.damaged', status: 422, zh: expect.stringContaining('文件已损坏，无法作为 .xlsx 读取') });
  });
});

describe('the grid keeps what the template reader looks at, and no more', () => {
  it('a cell with only a style is nothing, however far away', async () => {
    const outcome = await readXlsx(await farCellTemplate('XFD1048576', { styleOnly: true }), catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets).toHaveLength(1);
    expect(outcome.sheets[0]?.entries.length).toBe(buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' }).dataRows.length);
    const grids = await readWorkbookGrids(await farCellTemplate('XFD1048576', { styleOnly: true }));
    if (!grids.ok) throw new Error(grids.refusal.zh);
    expect(grids.sheets[0]?.values[0]).toHaveLength(TEMPLATE_COLUMNS.length + 1);
  });

  it('after the marker row only the marked columns are kept; up to it every column', async () => {
    const workbook = await load(await baseTemplate());
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    sheet.getCell('Z10').value = '旁注'; // after the marker row, an unmarked column: dropped
    sheet.spliceRows(1, 0, ['说明', ...new Array(20).fill(null), '表外文字']); // above the marker row: kept
    const grids = await readWorkbookGrids(await save(workbook));
    if (!grids.ok) throw new Error(grids.refusal.zh);
    const grid = grids.sheets[0]!;
    expect(grid.values[0]?.[21]).toBe('表外文字');
    expect(grid.values[1]?.[COLUMN_INDEX.id]).toBe('xpm:id');
    expect(grid.values[10]?.[25] ?? null).toBeNull();
    expect(grid.values.every((row) => row.length === 22)).toBe(true);
  });

  it('merged ranges keep their value in the top-left cell only, however large the range', async () => {
    const template = await baseTemplate();
    const xml = await partText(template, TEMPLATE_SHEET_PART);
    expect(xml).toContain('<c r="B2" s="2"/>');
    const edited = xml
      .replace('<c r="B2" s="2"/>', '<c r="B2" s="2" t="inlineStr"><is><t>不该读到</t></is></c>')
      .replace('</mergeCells>', `<mergeCell ref="${columnLetter(TEMPLATE_COLUMNS.length + 1)}1:XFD1048576"/></mergeCells>`)
      .replace(/<mergeCells count="\d+">/, (open) => open.replace(/\d+/, (n) => String(Number(n) + 1)));
    const started = performance.now();
    const grids = await readWorkbookGrids(await withParts(template, { [TEMPLATE_SHEET_PART]: edited }));
    expect(performance.now() - started).toBeLessThan(1000);
    if (!grids.ok) throw new Error(grids.refusal.zh);
    const grid = grids.sheets[0]!;
    expect(String(grid.values[1]?.[0])).toContain('监测指标填报表');
    expect(grid.values[1]?.[1]).toBeNull();
    // the metadata cell (right of the last column's marker) is outside the huge range, which starts just after it
    expect(String(grid.values[0]?.[TEMPLATE_COLUMNS.length])).toMatch(/^xpm:meta /);
  });

  it('a sheet whose marker row is the 60th row is a template; one whose marker row is the 61st is not, as before', async () => {
    for (const [inserted, template] of [[59, true], [60, false]] as const) {
      const workbook = await load(await baseTemplate());
      (workbook.worksheets[0] as ExcelJS.Worksheet).spliceRows(1, 0, ...new Array(inserted).fill([]));
      const grids = await readWorkbookGrids(await save(workbook));
      if (!grids.ok) throw new Error(grids.refusal.zh);
      const outcome = await readXlsx(await save(workbook), catalog);
      if (!outcome.ok) throw new Error(outcome.message.zh);
      expect(outcome.sheets.length).toBe(template ? 1 : 0);
      if (!template) {
        expect(outcome.skipped[0]?.message.code).toBe('template.notTemplate');
        // reading stopped at the 60th row
        expect(grids.sheets[0]?.values.length ?? 0).toBeLessThanOrEqual(60);
      }
    }
  });

  it('a template whose marker row was deleted gets today\'s message', async () => {
    const workbook = await load(await baseTemplate());
    (workbook.worksheets[0] as ExcelJS.Worksheet).spliceRows(1, 1);
    const outcome = await readXlsx(await save(workbook), catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets).toEqual([]);
    expect(outcome.skipped[0]?.message).toMatchObject({ code: 'template.metadataMissing', zh: expect.stringContaining('像是填报表，但缺少隐藏的模板信息行') });
  });
});

describe('another organisation\'s template is refused as soon as its metadata is read', () => {
  it('a template cut for 民政局 uploaded as 卫健局: 403, even before a far cell further down', async () => {
    const mzj = await templatesToXlsx([buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'mzj' })]);
    const refusal = refusalOf(await readWorkbookGrids(mzj, { expectedOrganisationId: 'wjj' }));
    expect(refusal).toMatchObject({ code: 'xlsx.otherOrganisation', status: 403, organisationId: 'mzj', sheet: expect.stringContaining('民政局') });
    const workbook = await load(mzj);
    (workbook.worksheets[0] as ExcelJS.Worksheet).getCell('XFD1048576').value = 'x';
    expect(refusalOf(await readWorkbookGrids(await save(workbook), { expectedOrganisationId: 'wjj' }))).toMatchObject({ code: 'xlsx.otherOrganisation' });
    // its own organisation reads it
    expect(await readWorkbookGrids(mzj, { expectedOrganisationId: 'mzj' })).toMatchObject({ ok: true });
  });

  it('the all-indicator template names no organisation: read for anyone', async () => {
    const all = await templatesToXlsx([buildTemplate(catalog, { plan: 'women', year: 2025 })]);
    const outcome = await readXlsx(all, catalog, { expectedOrganisationId: 'wjj' });
    expect(outcome.ok && outcome.sheets.map((sheet) => sheet.meta.organisationId)).toEqual([undefined]);
  });
});

describe('which sheets are read', () => {
  let workbookBytes: Uint8Array;
  const women = buildTemplate(catalog, { plan: 'women', year: 2025, organisationId: 'wjj' });
  const children = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
  beforeAll(async () => {
    const workbook = await load(await templatesToXlsx([children, women]));
    // a far value in the first sheet: reading it is refused
    (workbook.worksheets[0] as ExcelJS.Worksheet).getCell('XFD1048576').value = 'x';
    workbookBytes = await save(workbook);
  });

  it('sheetName reads that worksheet only (the others are not read at all)', async () => {
    expect(refusalOf(await readWorkbookGrids(workbookBytes))).toMatchObject({ code: 'xlsx.cellOutOfRange', sheet: children.sheetName });
    const grids = await readWorkbookGrids(workbookBytes, { sheetName: women.sheetName });
    if (!grids.ok) throw new Error(grids.refusal.zh);
    expect(grids.sheets.map((sheet) => sheet.name)).toEqual([women.sheetName]);
    const outcome = await readXlsx(workbookBytes, catalog, { sheetName: women.sheetName });
    expect(outcome.ok && outcome.sheets.map((sheet) => sheet.meta)).toEqual([women.meta]);
  });

  it('an unknown sheetName is refused, listing the sheets', async () => {
    const refusal = refusalOf(await readWorkbookGrids(workbookBytes, { sheetName: '汇总' }));
    expect(refusal).toMatchObject({ code: 'xlsx.sheetNotFound', status: 422 });
    expect(refusal.zh).toContain(`工作簿中没有名为“汇总”的工作表（现有工作表：${children.sheetName}、${women.sheetName}）`);
  });

  it('sheets that are not templates, before and after one, are listed as skipped; a long one is read only 60 rows deep', async () => {
    const workbook = new ExcelJS.Workbook();
    const before = workbook.addWorksheet('预算');
    before.addRow(['项目', '金额']);
    for (let row = 0; row < 200; row += 1) before.addRow([`培训${row}`, 1200 + row]);
    // beyond the 60 rows read, and beyond the grid: never reached
    before.getCell('XFD1000').value = '远处';
    const template = await load(await templatesToXlsx([children]));
    const copy = workbook.addWorksheet(children.sheetName);
    copy.model = { ...(template.worksheets[0] as ExcelJS.Worksheet).model, name: copy.name, id: copy.id } as ExcelJS.WorksheetModel;
    workbook.addWorksheet('说明').addRow(['本工作簿由卫健局填报']);
    const bytes = await save(workbook);
    const grids = await readWorkbookGrids(bytes);
    if (!grids.ok) throw new Error(grids.refusal.zh);
    expect(grids.sheets.map((sheet) => sheet.name)).toEqual(['预算', children.sheetName, '说明']);
    expect(grids.sheets[0]?.values.length).toBe(60);
    const outcome = await readXlsx(bytes, catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets.map((sheet) => sheet.sheetName)).toEqual([children.sheetName]);
    expect(outcome.skipped).toEqual([
      { sheetName: '预算', message: expect.objectContaining({ code: 'template.notTemplate' }) },
      { sheetName: '说明', message: expect.objectContaining({ code: 'template.notTemplate' }) },
    ]);
  });
});

describe('cell values as ExcelJS gave them, from XML any writer may produce', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

  /** A minimal workbook of one sheet, written part by part. */
  function workbookOf(parts: { sheetData: string; sharedStrings?: string[]; numFmts?: string; cellXfs?: string; date1904?: boolean; prefixed?: boolean; mergeCells?: string }): Uint8Array {
    const sheet = parts.prefixed
      ? `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:XFD1048576"/><x:sheetData>${parts.sheetData}</x:sheetData></x:worksheet>`
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:XFD1048576"/><sheetData>${parts.sheetData}</sheetData>${parts.mergeCells ?? ''}</worksheet>`;
    return writeZip([
      deflatedEntry('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      deflatedEntry('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      deflatedEntry('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><workbookPr${parts.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      deflatedEntry(
        'xl/_rels/workbook.xml.rels',
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="/xl/styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      deflatedEntry('xl/styles.xml', `<?xml version="1.0"?><styleSheet ${NS}>${parts.numFmts ?? ''}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${parts.cellXfs ?? '<xf numFmtId="0"/>'}</cellXfs></styleSheet>`),
      deflatedEntry('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${(parts.sharedStrings ?? []).map((item) => `<si>${item}</si>`).join('')}</sst>`),
      deflatedEntry('xl/worksheets/data.xml', sheet),
      deflatedEntry('xl/media/image1.png', 'not a picture, and never read'),
    ]);
  }

  async function valuesOf(bytes: Uint8Array) {
    const grids = await readWorkbookGrids(bytes);
    if (!grids.ok) throw new Error(grids.refusal.zh);
    return grids.sheets[0]!;
  }

  it('strings: shared (rich text joined, phonetic guides left out), inline, formula results; _xHHHH_ escapes decoded', async () => {
    const grid = await valuesOf(
      workbookOf({
        sharedStrings: ['<t>本年值</t>', '<r><rPr><b/></rPr><t>疫苗</t></r><r><t xml:space="preserve">供应 中断</t></r><rPh sb="0" eb="2"><t>yimiao</t></rPh>', '<t>第一行_x000D__x000A_第二行 a_x005F_x0041_b</t>', '<t/>'],
        sheetData:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>内联</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r><rPh><t>fu</t></rPh></is></c><c r="C2" t="str"><f>A1&amp;"!"</f><v>本年值!</v></c><c r="D2" t="str"><f>""</f><v></v></c><c r="E2" t="inlineStr"><is><t><![CDATA[<a&b>]]></t></is></c></row>',
      }),
    );
    expect(grid.values[0]).toEqual(['本年值', '疫苗供应 中断', '第一行\r\n第二行 a_x0041_b', '', null]);
    expect(grid.values[1]).toEqual(['内联', '富文本', '本年值!', null, '<a&b>']);
  });

  it('numbers, booleans, errors, formulas with cached results, and cells with only a style', async () => {
    const grid = await valuesOf(
      workbookOf({
        cellXfs: '<xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="4"/>',
        sheetData:
          '<row r="1"><c r="A1"><v>95.2</v></c><c r="B1" s="1"><v>0.93</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
          '<c r="G1"><f>90+5.2</f><v>95.2</v></c><c r="H1" t="b"><f>TRUE()</f><v>1</v></c><c r="I1" s="2"><v>1234.5</v></c><c r="J1" s="2"/><c r="K1"><f>1+1</f></c><c r="L1"><v>1E-3</v></c></row>',
      }),
    );
    // J1 (a style only) and K1 (a formula never calculated) hold nothing
    expect(grid.values[0]).toEqual([95.2, 0.93, true, false, '#DIV/0!', '#DIV/0!', 95.2, true, 1234.5, null, null, 0.001]);
    expect(grid.numberFormats?.[0]?.slice(0, 2)).toEqual(['General', '0%']);
  });

  it('dates and times shown as a person saw them: built-in, custom and zh-CN formats, ISO dates, the 1904 system', async () => {
    const bytes = (date1904: boolean) =>
      workbookOf({
        date1904,
        numFmts: '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>',
        cellXfs: '<xf numFmtId="0"/><xf numFmtId="20"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/><xf numFmtId="165"/>',
        sheetData:
          '<row r="1"><c r="A1" s="1"><v>0.08541666666666667</v></c><c r="B1" s="2"><v>46037</v></c><c r="C1" s="3"><v>46037</v></c><c r="D1" s="4"><v>46037</v></c><c r="E1" s="5"><v>46037.5</v></c><c r="F1" t="d" s="2"><v>2026-01-15T00:00:00Z</v></c><c r="G1" t="d" s="5"><v>2026-01-15T08:30:00</v></c></row>',
      });
    const grid = await valuesOf(bytes(false));
    expect(grid.values[0]).toEqual(['2:03', '2026-01-15', '2026-01-15', '2026-01-15', '2026-01-15 12:00', '2026-01-15', '2026-01-15 8:30']);
    expect(grid.numberFormats?.[0]?.slice(0, 5)).toEqual(['h:mm', 'mm-dd-yy', 'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"d"日"', 'yyyy-mm-dd hh:mm']);
    // the same serial is 1,462 days later in the 1904 system
    expect((await valuesOf(bytes(true))).values[0]?.[1]).toBe('2030-01-16');
  });

  it('rows and cells without r are the next row and the next column; namespace prefixes are fine', async () => {
    const grid = await valuesOf(workbookOf({ prefixed: true, sheetData: '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row r="3"><x:c r="B3"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row><x:row><x:c><x:v>5</x:v></x:c></x:row>' }));
    expect(grid.values).toEqual([
      [1, 2, null],
      [null, null, null],
      [null, 3, 4],
      [5, null, null],
    ]);
    expect(grid.firstRow).toBe(0);
  });

  it('the declared dimension sizes nothing, and a value far away is refused even in a sheet without a template', async () => {
    const refusal = refusalOf(await readWorkbookGrids(workbookOf({ sheetData: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>' })));
    expect(refusal).toMatchObject({ code: 'xlsx.cellOutOfRange', sheet: '数据', cell: 'XFD1' });
    const styled = await valuesOf(workbookOf({ sheetData: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row><row r="1048576"><c r="A1048576" s="0"/></row>' }));
    expect(styled.values).toEqual([[1]]);
  });

  it('characters split between inflated chunks are decoded whole (a 200 KB table of Chinese strings)', async () => {
    const strings = Array.from({ length: 3000 }, (_unused, index) => `<t>第${index}项：儿童健康服务网络覆盖率</t>`);
    // 60 rows: the sheet has no marker row, so it is read no deeper
    const rows = Array.from({ length: 60 }, (_unused, index) => `<row r="${index + 1}"><c r="A${index + 1}" t="s"><v>${index * 50}</v></c></row>`).join('');
    const grid = await valuesOf(workbookOf({ sharedStrings: strings, sheetData: rows }));
    expect(grid.values.map((row) => row[0])).toEqual(Array.from({ length: 60 }, (_unused, index) => `第${index * 50}项：儿童健康服务网络覆盖率`));
  });

  it('the result is plain data that crosses a worker boundary unchanged', async () => {
    const grids = await readWorkbookGrids(workbookOf({ sharedStrings: ['<t>本年值</t>'], sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" t="b"><v>1</v></c></row>' }));
    expect(structuredClone(grids)).toEqual(grids);
    const refused = await readWorkbookGrids(await farCellTemplate('XFD2000'));
    expect(structuredClone(refused)).toEqual(refused);
    expect(refused.ok || Object.getPrototypeOf(refused.refusal)).toBe(Object.prototype);
  });

  it('A1 references, read without a regular expression', () => {
    expect(['A1', 'XFD1048576', '$B$7', 'aa10', 'ZZZ999999999'].map(parseCellReference)).toEqual([
      { row: 0, column: 0 },
      { row: 1048575, column: 16383 },
      { row: 6, column: 1 },
      { row: 9, column: 26 },
      { row: 999999998, column: 18277 },
    ]);
    for (const bad of ['', 'A', '1', 'A0', 'AAAA1', 'A1B', 'A-1', '1A', 'A1234567890']) expect([bad, parseCellReference(bad)]).toEqual([bad, undefined]);
  });

  it('a shared string that does not exist is a damaged file', async () => {
    expect(refusalOf(await readWorkbookGrids(workbookOf({ sharedStrings: ['<t>a</t>'], sheetData: '<row r="1"><c r="A1" t="s"><v>7</v></c></row>' })))).toMatchObject({ code: 'xlsx.damaged' });
  });
});
