import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { buildTemplate } from '../../src/core/template/build-template';
import { CELL_STYLES } from '../../src/core/template/template-model';
import { seedCatalog } from '../../src/seed-catalog';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { convertWithLibreOffice, pdfWordsHtml } from '../helpers/libreoffice';

/**
 * The template printed: LibreOffice turns the .xlsx the `template` command writes into a PDF, as a clerk's
 * 打印 does, and the PDF's text says it is a 统计报表 — 表号, 制表机关, 批准文号 and 有效期至 at the top of the
 * first page, each domain once as a group heading, the footer 单位负责人 · 统计负责人 · 填表人 · 联系电话 · 报出日期
 * and the 填表说明 (explaining 未到期) on the last page — and that it is legible: on A3 landscape, one page wide
 * and as many tall as the rows need, the data rows print at 8 points or more (their glyphs at least 8/10 as tall
 * and wide as those of a 10-point line printed at 100% in the same font; they printed at 5.7 points on A4) and
 * 填表说明 at 9 points or more (as tall as a 9-point line at 100%).
 */
const catalog = seedCatalog();
/** A data row's text: C-HEA-01's name, in the 10-point data font. */
const DATA_WORD = '儿童健康服务体系';
const FORM = { formNumber: '妇儿监1表', issuedBy: '县妇儿工委办公室', approvalNumber: '县统字〔2021〕1号', validUntil: '2026年12月' };

interface Word {
  readonly page: number;
  /** The page's size in points (width × height). */
  readonly pageSize: readonly [number, number];
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** The words of a PDF with their boxes and pages. */
function words(pdf: string): Word[] {
  const html = pdfWordsHtml(pdf);
  const result: Word[] = [];
  let page = 0;
  let pageSize: [number, number] = [0, 0];
  for (const line of html.split('\n')) {
    const pageMatch = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (pageMatch) {
      page += 1;
      pageSize = [Number(pageMatch[1]), Number(pageMatch[2])];
    }
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (match) result.push({ page, pageSize, text: match[5] as string, width: Number(match[3]) - Number(match[1]), height: Number(match[4]) - Number(match[2]) });
  }
  return result;
}

describe('a template printed by LibreOffice is a 统计报表', () => {
  let dir: string;
  let printed: Word[];
  let pages: number;
  let calibration: Word[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xpm-print-'));
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj', reportForm: FORM });
    writeFileSync(join(dir, 'template.xlsx'), await templatesToXlsx([model]));
    // 9-point text in the template's instruction font and 10-point text in its data font, printed at 100%
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('calibration', { pageSetup: { paperSize: 9, orientation: 'landscape', scale: 100 } });
    sheet.getCell('A1').value = '填表说明';
    sheet.getCell('A1').font = { name: '宋体', size: 9, bold: true };
    sheet.getCell('A3').value = DATA_WORD;
    sheet.getCell('A3').font = { name: '宋体', size: CELL_STYLES.cell.fontSize };
    await workbook.xlsx.writeFile(join(dir, 'calibration.xlsx'));
    for (const file of ['template.xlsx', 'calibration.xlsx']) convertWithLibreOffice(join(dir, file), 'pdf', dir, dir);
    printed = words(join(dir, 'template.pdf'));
    pages = Math.max(...printed.map((word) => word.page));
    calibration = words(join(dir, 'calibration.pdf'));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const textOf = (page: number) => printed.filter((word) => word.page === page).map((word) => word.text).join(' ');

  it('heads the first page with the title, 填报单位 and 表号, 制表机关, 批准文号, 有效期至', () => {
    const first = textOf(1);
    expect(first).toContain('监测指标填报表');
    expect(first).toContain('填报单位（盖章）：新平县卫生健康局');
    for (const field of ['妇儿监1表', '制表机关：县妇儿工委办公室', '批准文号：县统字〔2021〕1号', '有效期至：2026年12月']) expect(first).toContain(field);
    expect(pages).toBeGreaterThan(1);
    // the column headers repeat on every page; the 统计报表 header does not
    for (let page = 2; page <= pages; page += 1) {
      expect(textOf(page)).toContain('指标名称');
      expect(textOf(page)).not.toContain('制表机关');
    }
  });

  it('names each domain once, as a heading over its rows', () => {
    const all = printed.map((word) => word.text).join(' ');
    for (const heading of ['一、儿童与健康', '二、儿童与安全', '四、儿童与福利', '五、儿童与家庭']) expect(all.split(heading)).toHaveLength(2);
    expect(all).not.toContain('领域');
  });

  it('ends with the footer and the 填表说明, which explain 未到期', () => {
    const last = textOf(pages).replace(/\s+(?=\S)/g, (space, offset: number, text: string) => (/[\u4e00-\u9fff，；、（）“”—]/.test(text[offset - 1] ?? '') ? '' : space));
    for (const label of ['单位负责人：', '统计负责人：', '填表人：', '联系电话：', '报出日期：', '填表说明']) expect(last).toContain(label);
    expect(last).toContain('未到期——尚未达到以后年份的目标，属提示，不需要说明');
    expect(last.indexOf('单位负责人')).toBeLessThan(last.indexOf('填表说明'));
  });

  it('prints on A3 landscape, one page wide and as many pages tall as the rows need, the data rows at 8 points or more', () => {
    // A3 landscape: 420 × 297 mm
    for (const word of printed) expect(word.pageSize.map(Math.round)).toEqual([1191, 842]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const ten = calibration.find((word) => word.text === DATA_WORD);
    expect(ten).toBeDefined();
    // every line of C-HEA-09 (12 townships) and the name of C-HEA-01: the same 10-point glyphs, scaled to the page's width
    const data = printed.filter((word) => word.text === DATA_WORD || word.text === '适龄儿童免疫规划疫苗接种率');
    expect(data.length).toBeGreaterThanOrEqual(13);
    const points = (word: Word) => (CELL_STYLES.cell.fontSize * word.height) / (ten?.height ?? Infinity);
    for (const word of data) expect(points(word)).toBeGreaterThanOrEqual(8);
    // a CJK glyph is one em wide: the name's eight characters say the same
    const name = data.find((word) => word.text === DATA_WORD) as Word;
    expect(name.width / [...DATA_WORD].length).toBeGreaterThanOrEqual(8);
    expect((CELL_STYLES.cell.fontSize * name.width) / (ten?.width ?? Infinity)).toBeGreaterThanOrEqual(8);
  });

  it('prints the 填表说明 at 9 points or more, scaled to one page wide', () => {
    const heading = printed.find((word) => word.text === '填表说明');
    const nine = calibration.find((word) => word.text === '填表说明');
    expect(heading).toBeDefined();
    expect(nine).toBeDefined();
    // the same glyphs, bold, in the same font: as tall and as wide as the 9-point ones or more
    expect(heading?.height).toBeGreaterThanOrEqual((nine?.height ?? Infinity) * 0.99);
    expect(heading?.width).toBeGreaterThanOrEqual((nine?.width ?? Infinity) * 0.99);
    // while the rows above are scaled below their 10 points: the page really is fit to width
    const row = printed.find((word) => word.text === 'C-HEA-01');
    expect(row?.height).toBeLessThan(nine?.height ?? 0);
  });

  it('writes the footer fields of the deployment from seeds/report-form.json (blank there: labels only)', () => {
    const seeds = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', 'report-form.json'), 'utf8')) as Record<string, unknown>;
    expect(seeds).toMatchObject({ women: { formNumber: '' }, children: { formNumber: '', issuedBy: '', approvalNumber: '', validUntil: '' } });
    expect(catalog.reportForms?.children).toEqual({ formNumber: '', issuedBy: '', approvalNumber: '', validUntil: '' });
  });
});
