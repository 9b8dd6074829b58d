import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { HEADER_ROW } from '../../src/core/template/build-template';
import { TEMPLATE_VERSION } from '../../src/core/template/template-metadata';
import { TEMPLATE_COLUMNS } from '../../src/core/template/template-columns';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { run } from './cli-harness';

const catalog = seedCatalog();
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'indicators-template-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NO_STACK = /\bat .*\.(ts|js):\d+/;

describe('indicators template', () => {
  it('writes the template of one organisation, which reads back as that template', async () => {
    const out = join(dir, '儿童2025-卫健局.xlsx');
    const { code, stdout, stderr } = await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
    expect(stdout).toContain(`已生成 儿童2025-卫健局.xlsx：工作表“${model.sheetName}”，${model.dataRows.length} 行指标`);
    const outcome = await readXlsx(readFileSync(out), catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets).toHaveLength(1);
    expect(outcome.sheets[0]?.meta).toEqual(model.meta);
    expect(outcome.sheets[0]?.entries.map((e) => [e.indicatorId, e.unitId])).toEqual(model.dataRows.map((r) => [r.indicatorId, r.unitId]));
    // no partial file is left beside it
    expect(readdirSync(dir)).toEqual(['儿童2025-卫健局.xlsx']);
  });

  it('writes every indicator without --org, and English headers with --lang en-US (plan given in Chinese)', async () => {
    const out = join(dir, 'women.xlsx');
    const { code, stdout } = await run('template', '--plan', '妇女', '--year', '２０２６', '--out', out, '--lang', 'en-US');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote women\.xlsx/);
    const outcome = await readXlsx(readFileSync(out), catalog);
    if (!outcome.ok) throw new Error(outcome.message.zh);
    expect(outcome.sheets[0]?.meta).toEqual({ plan: 'women', year: 2026, catalogVersion: catalog.plans.women.catalogVersion, templateVersion: TEMPLATE_VERSION });
    expect(outcome.sheets[0]?.entries).toHaveLength(buildTemplate(catalog, { plan: 'women', year: 2026 }).dataRows.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const header = workbook.worksheets[0]?.getRow(HEADER_ROW + 1);
    expect(TEMPLATE_COLUMNS.map((_c, i) => header?.getCell(i + 1).value)).toEqual(TEMPLATE_COLUMNS.map((c) => c.headerEn));
  });

  it('refuses to overwrite an existing file without --force, and overwrites with it', async () => {
    const out = join(dir, 'existing.xlsx');
    writeFileSync(out, 'keep me');
    const refused = await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`文件“${out}”已存在，未覆盖；换一个文件名，或加 --force 覆盖`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', out, '--force');
    expect(forced.code).toBe(0);
    const outcome = await readXlsx(readFileSync(out), catalog);
    expect(outcome.ok && outcome.sheets[0]?.meta.organisationId).toBe('wjj');
  });

  it.each([
    [['--plan', 'children', '--org', 'nasa', '--year', '2025'], /--org “nasa”不在单位名录中。可用的单位编号：.*wjj（卫健局）/],
    [['--plan', 'children', '--org', 'wjj', '--year', '2035'], /--year 应为2021—2030之间的年份，收到“2035”/],
    [['--plan', 'children', '--org', 'wjj', '--year', 'last'], /--year 应为2021—2030之间的年份，收到“last”/],
    [['--plan', 'children', '--org', 'wjj'], /缺少 --year <报告年度>/],
    [['--org', 'wjj', '--year', '2025'], /缺少 --plan women\|children/],
    [['--plan', 'men', '--year', '2025'], /--plan 应为 women（妇女）或 children（儿童），收到“men”/],
    [['--plan', 'children', '--org', 'tjj', '--year', '2025'], /在《新平儿童发展规划（2021—2030年）》中没有默认填报的指标；可不带 --org 生成全部指标的模板/],
    [['--plan', 'children', '--year', '2025', '--lang', 'fr'], /--lang 应为 zh-CN 或 en-US/],
    [['--plan', 'children', '--year', '2025', '--colour', 'red'], /参数错误/],
  ])('exits 2 with a specific Chinese message on %j', async (args, message) => {
    const out = join(dir, 'out.xlsx');
    const { code, stdout, stderr } = await run('template', ...args, '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK);
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without --out, with a file name that is not .xlsx, or into a folder that does not exist', async () => {
    const missing = await run('template', '--plan', 'children', '--year', '2025');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少 --out <文件名.xlsx>');
    const csv = await run('template', '--plan', 'children', '--year', '2025', '--out', join(dir, 'a.csv'));
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--out 应为 .xlsx 文件名');
    const nowhere = join(dir, 'no', 'such', 'dir', 'a.xlsx');
    const unwritable = await run('template', '--plan', 'children', '--year', '2025', '--out', nowhere);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain(`无法写入“${nowhere}”`);
    expect(unwritable.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(dir)).toEqual([]);
  });
});
