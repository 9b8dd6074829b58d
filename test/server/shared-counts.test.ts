/**
 * Issue 13, "counts and words disagree": the clerk's sheet (卫健局, 60 lines, 24 per township) checked by the
 * task pane's 检查, its 提交 pre-flight, `indicators check` (text and JSON) and the server (its refusal and,
 * once the sheet is put right, its receipt) — every one of them says the same numbers, from the one source
 * (src/core/report/report-findings.ts), and lists as many findings as it counts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { checkFindings } from '../../src/apps/taskpane/check/findings';
import { officeWorkbook } from '../../src/apps/taskpane/workbook/office-workbook-port';
import { preflight } from '../../src/client/preflight';
import { countsText, type ReportCounts } from '../../src/core/report/report-findings';
import type { RawCell } from '../../src/core/parse/cell-value';
import { seedCatalog } from '../../src/seed-catalog';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { run } from '../cli/cli-harness';
import type { RowInput } from '../core/template/template-grid';
import { FakeExcelHost } from '../helpers/fake-excel';
import { CLERK_INPUTS, clerkCell, clerkFooter, clerkModel, typeClerkSheet } from '../helpers/clerk-sheet';
import { describeEachDialect } from './helpers/test-database';
import { withTestApp } from './helpers/test-app';

const catalog = seedCatalog();
const model = clerkModel(catalog);
const CATEGORIES = ['error', 'notMet', 'warning', 'info', 'notesRequired'] as const;
const shared = (counts: ReportCounts) => Object.fromEntries(CATEGORIES.map((key) => [key, counts[key]]));

/** The sheet put right: blanks marked with a note, "abc" fixed, 0.95 confirmed, the nesting fixed, every warning explained. */
function putRight(): RowInput[] {
  const fixed = CLERK_INPUTS.map((input): RowInput => {
    if (input.indicatorId === 'C-HEA-28') return { ...input, value: 85 };
    if (input.indicatorId === 'C-HEA-05') return { ...input, value: 4.1 };
    if (input.unitId === 'gucheng') return { ...input, note: '【确认】0.95 该街道当年仅统计流动儿童' };
    return input;
  });
  const filled = new Set(fixed.map((input) => `${input.indicatorId}/${input.unitId ?? ''}`));
  for (const row of model.dataRows) {
    const indicator = catalog.indicators.get(row.indicatorId);
    if (filled.has(`${row.indicatorId}/${row.unitId ?? ''}`) || indicator?.unit === '文字') continue;
    fixed.push({ indicatorId: row.indicatorId, ...(row.unitId ? { unitId: row.unitId } : {}), value: '—', note: '乡镇卫生院未上报' });
  }
  const explain = new Set(['C-HEA-03', 'C-HEA-14', 'C-HEA-20', 'C-HEA-23', 'C-HEA-33', 'C-WEL-06']);
  return fixed.map((input) => (explain.has(input.indicatorId) || (input.indicatorId === 'C-HEA-09' && input.unitId === 'yangwu') ? { ...input, note: '已核实，原因见附件' } : input));
}

/** 检查 and 提交 in the task pane: the real workbook port over the strict fake Excel, the sheet typed by a person. */
async function inThePane(inputs: readonly RowInput[]) {
  const host = new FakeExcelHost();
  const port = officeWorkbook(host);
  const { sheetName } = await port.insertTemplate(model);
  typeClerkSheet(host.workbook.sheet(sheetName), model, inputs);
  await host.settleEvents();
  const outcome = await port.check(catalog, 'zh-CN');
  if (outcome.kind !== 'template') throw new Error('not a template');
  const check = checkFindings(outcome.check, catalog);
  const submit = preflight((await port.read(sheetName)).grid, catalog);
  if (submit.kind !== 'ready') throw new Error(submit.kind);
  return { check, submit };
}

/** `indicators check` on the same values typed into the .xlsx template. */
async function inTheCli(inputs: readonly RowInput[], dir: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await templatesToXlsx([model])) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  for (const input of inputs) {
    for (const key of ['value', 'previous', 'baseline', 'note'] as const) {
      const value: RawCell | undefined = input[key];
      // a qualitative indicator's text goes into 进展情况, as the clerk types it in the pane
      const column = key === 'value' && catalog.indicators.get(input.indicatorId)?.unit === '文字' ? 'progress' : key;
      if (value !== undefined && value !== null) sheet.getCell(clerkCell(model, input.indicatorId, column, input.unitId)).value = value as ExcelJS.CellValue;
    }
  }
  for (const { address, value } of clerkFooter(model)) sheet.getCell(address).value = value; // signed, as in the pane
  const path = join(dir, `clerk-${Date.now()}.xlsx`);
  await workbook.xlsx.writeFile(path);
  const text = await run('check', path);
  const json = await run('check', path, '--json');
  return { text, json: JSON.parse(json.stdout) };
}

/** How many findings the CLI's text lists under a title (a row naming several townships counts each). */
function listed(stdout: string, title: string): number {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith(title));
  if (start < 0) return 0;
  let count = 0;
  for (const line of lines.slice(start + 1)) {
    if (!/^ {4}\S/.test(line)) {
      if (/^ {10}/.test(line)) continue; // a 说明 line under a finding
      break;
    }
    count += Number(/共(\d+)个）/.exec(line)?.[1] ?? 1);
  }
  return count;
}

describeEachDialect('one source of counts: pane 检查, pane 提交, indicators check and the server agree on the clerk\'s sheet', (dialect) => {
  const t = withTestApp(dialect);
  let dir: string;
  let wjj: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shared-counts-'));
    wjj = await t.token('wjj');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('as the clerk hands it in: the same numbers everywhere, and each lists what it counts', async () => {
    const { check, submit } = await inThePane(CLERK_INPUTS);
    const expected = { error: 18, notMet: 4, warning: 5, info: 16, notesRequired: 7 };
    // 检查
    expect(shared(check.counts)).toEqual(expected);
    expect(check.counts).toMatchObject({ lines: 60, filled: 35 });
    // 提交: the same counts, and as many errors and notes listed as counted
    expect(submit.counts).toEqual(check.counts);
    expect(submit.errors).toHaveLength(expected.error);
    expect(submit.notes).toHaveLength(expected.notesRequired);
    // indicators check: the sentence, the JSON and the lists
    const cli = await inTheCli(CLERK_INPUTS, dir);
    expect(cli.text.code).toBe(1);
    expect(cli.text.stdout).toContain(`已填 35/60 · ${countsText(check.counts, 'zh-CN')}`);
    expect(cli.text.stdout).toContain(`结论：有 ${expected.error} 项错误`);
    expect(listed(cli.text.stdout, '错误（')).toBe(expected.error);
    expect(listed(cli.text.stdout, '未达标（')).toBe(expected.notMet);
    expect(listed(cli.text.stdout, '预警：')).toBe(expected.warning);
    expect(listed(cli.text.stdout, '提示（')).toBe(expected.info);
    expect(cli.json.sheets[0].summary.counts).toEqual(check.counts);
    expect(cli.json.summary).toMatchObject({ errors: expected.error, warnings: expected.notMet + expected.warning, notesRequired: expected.notesRequired });
    // the server refuses it, saying and sending the same counts
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: submit.document });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.counts).toEqual(JSON.parse(JSON.stringify(check.counts)));
    expect(response.json().error.message).toContain(`报表有 ${expected.error} 处错误`);
    expect(response.json().error.message).toContain(`为 ${expected.notesRequired} 项预警数据填写说明`);
  });

  it('put right: nothing blocks anywhere, and the receipt counts what the pane and the CLI count', async () => {
    const inputs = putRight();
    const { check, submit } = await inThePane(inputs);
    expect(shared(check.counts)).toMatchObject({ error: 0, notesRequired: 0 });
    expect(check.clear).toBe(true);
    expect(submit).toMatchObject({ acceptable: true, errors: [], notes: [], counts: check.counts });
    const cli = await inTheCli(inputs, dir);
    expect(cli.text.code).toBe(0);
    expect(cli.json.sheets[0].summary.counts).toEqual(check.counts);
    const response = await t.request(wjj, { method: 'POST', url: '/api/v1/submissions', payload: submit.document });
    expect(response.statusCode).toBe(201);
    const { counts } = check;
    expect(response.json().counts).toEqual({ values: counts.lines, ...counts.byStatus, warnings: counts.notMet + counts.warning });
  });
});
