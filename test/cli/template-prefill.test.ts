import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { describeEachDialect } from '../server/helpers/test-database';
import { withTestApp } from '../server/helpers/test-app';
import { BASELINE, catalog, PREVIOUS, report2024 } from '../server/helpers/prefill-fixtures';
import { run } from './cli-harness';

async function sheetOf(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describeEachDialect('indicators template --prefill-from', (dialect) => {
  const t = withTestApp(dialect);
  let dir: string;
  let wjj: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, INDICATORS_TOKEN: process.env.INDICATORS_TOKEN };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'indicators-prefill-'));
    wjj = await t.token('wjj');
    const receipt = (await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: report2024() })).json();
    expect(receipt).toMatchObject({ version: 1 });
    const bureau = await t.token('tjj', 'bureau');
    expect((await t.request(bureau, { method: 'POST', url: `/api/v1/submissions/${receipt.submissionId}/approve` })).statusCode).toBe(200);
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('from a server with a token: 上年值 of last year\'s approved report and the plan\'s 基期值, blue, with their source', async () => {
    const out = join(dir, 'server.xlsx');
    const { code, stdout, stderr } = await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', out, '--prefill-from', `${t.origin}/`, '--token', wjj);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/已预填：上年值 \d+ 项，来自2024年已报送数据（第1版，已审核通过）；规划中的基期值 2 项（蓝色数字）。/);
    const sheet = await sheetOf(out);
    expect(sheet.getCell(PREVIOUS).value).toBe(3.6);
    expect(sheet.getCell(PREVIOUS).font?.color?.argb).toBe('FF1F4E79');
    expect(sheet.getCell(PREVIOUS).dataValidation?.prompt).toBe('来自2024年已报送数据（第1版，已审核通过）。如有更正，可直接改写。');
    expect(sheet.getCell(BASELINE).value).toBe(5.94);
    // the file reads back as the same template, with the previous value as an input of the engine
    const read = await readXlsx(readFileSync(out), catalog);
    if (!read.ok) throw new Error(read.message.zh);
    expect(read.sheets[0]?.entries.find((entry) => entry.indicatorId === 'C-HEA-04')?.previous).toBe(3.6);
  });

  it('from the endpoint\'s database (DATA_DIR / DATABASE_URL), the token from the environment not needed', async () => {
    process.env.DATA_DIR = t.database.location.dataDir;
    process.env.DATABASE_URL = t.database.location.databaseUrl ?? '';
    const out = join(dir, 'database.xlsx');
    const { code, stdout } = await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', out, '--prefill-from', 'database');
    expect(code).toBe(0);
    expect(stdout).toContain('来自2024年已报送数据（第1版，已审核通过）');
    expect((await sheetOf(out)).getCell(PREVIOUS).value).toBe(3.6);
  });

  it('says when there is nothing from last year, and refuses what cannot work (exit 2, no file)', async () => {
    process.env.INDICATORS_TOKEN = wjj;
    const empty = join(dir, 'women.xlsx');
    const women = await run('template', '--plan', 'women', '--org', 'wjj', '--year', '2025', '--out', empty, '--prefill-from', t.origin);
    expect(women.code).toBe(0);
    expect(women.stdout).toContain('没有本单位2024年度的报表，上年值未预填');

    const cases: [string[], RegExp][] = [
      [['--prefill-from', t.origin], /--prefill-from 需要 --org/],
      [['--org', 'wjj', '--token', wjj], /--token 只与 --prefill-from/],
      [['--org', 'wjj', '--prefill-from', 'ftp://x'], /http\(s\)/],
      [['--org', 'fl', '--prefill-from', t.origin], /HTTP 403.*不能查看其他单位（fl）的报表/],
      [['--org', 'wjj', '--prefill-from', 'http://127.0.0.1:1'], /无法连接到 http:\/\/127\.0\.0\.1:1/],
    ];
    for (const [extra, message] of cases) {
      const out = join(dir, 'refused.xlsx');
      const refused = await run('template', '--plan', 'children', '--year', '2025', '--out', out, ...extra);
      expect({ extra, code: refused.code }).toEqual({ extra, code: 2 });
      expect(refused.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    }
    delete process.env.INDICATORS_TOKEN;
    const noToken = await run('template', '--plan', 'children', '--org', 'wjj', '--year', '2025', '--out', join(dir, 'x.xlsx'), '--prefill-from', t.origin);
    expect(noToken.stderr).toContain('需要访问令牌：--token <令牌>，或环境变量 INDICATORS_TOKEN');
  });
});
