import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { seedCatalog } from '../../src/seed-catalog';
import { assessEntry } from '../../src/core/assess/assess-entry';
import type { Indicator } from '../../src/core/catalog/indicator-schema';
import { evaluateReport } from '../../src/core/report/evaluate-report';
import { countFindings, reportFindings } from '../../src/core/report/report-findings';
import { buildTemplate, FOOTER_FIELDS } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX, type ColumnKey } from '../../src/core/template/template-columns';
import { encodeMetadata } from '../../src/core/template/template-metadata';
import { templatesToXlsx } from '../../src/xlsx/write-xlsx';
import { intendedEntries, type RowInput } from '../core/template/template-grid';
import { run } from './cli-harness';

const catalog = seedCatalog();
const YEAR = 2025;
const model = buildTemplate(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj' });
const NO_STACK = /\bat .*\.(ts|js):\d+/;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'indicators-check-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Where an indicator's value is typed: 进展情况 for a qualitative one, 本年值 for the others. */
function valueKey(indicatorId: string): 'value' | 'progress' {
  return catalog.indicators.get(indicatorId)?.unit === '文字' ? 'progress' : 'value';
}

function address(indicatorId: string, key: ColumnKey, unitId?: string): string {
  const info = model.dataRows.find((row) => row.indicatorId === indicatorId && row.unitId === unitId);
  if (!info) throw new Error(`${indicatorId} is not in the template`);
  return cellAddress(info.row, COLUMN_INDEX[key]);
}

/** The footer cell of a field (填表人 …), 1-based for ExcelJS. */
function footerCell(sheet: ExcelJS.Worksheet, field: keyof typeof FOOTER_FIELDS): ExcelJS.Cell {
  const footer = model.rows.findIndex((row) => row.kind === 'footer');
  return sheet.getRow(footer + FOOTER_FIELDS[field].row + 1).getCell(COLUMN_INDEX[FOOTER_FIELDS[field].input] + 1);
}

/**
 * Writes the template, types the inputs with ExcelJS, signs the footer (填表人, 联系电话) unless told not to,
 * lets the test edit the sheet, saves it; returns the path.
 */
async function filledFile(inputs: readonly RowInput[], edit?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void, options: { sign?: boolean } = {}): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await templatesToXlsx([model])) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  if (options.sign !== false) {
    footerCell(sheet, 'reporter').value = '张三';
    footerCell(sheet, 'phone').value = '0877-7012345';
  }
  for (const input of inputs) {
    for (const key of ['value', 'previous', 'baseline', 'note'] as const) {
      const value = input[key];
      // a qualitative indicator's text goes into 进展情况
      const column = key === 'value' ? valueKey(input.indicatorId) : key;
      if (value !== undefined) sheet.getCell(address(input.indicatorId, column, input.unitId)).value = value as ExcelJS.CellValue;
    }
  }
  edit?.(sheet, workbook);
  const path = join(dir, 'filled.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A sheet a careful clerk filled: every number readable, one miss explained, one miss not. */
const CLEAN: RowInput[] = [
  { indicatorId: 'C-HEA-03', value: 2.5, previous: 2.6 },
  { indicatorId: 'C-HEA-04', value: 3.1, previous: 3.4 },
  { indicatorId: 'C-HEA-05', value: 4.6, previous: 5 },
  ...['guishan', 'gucheng', 'yangwu', 'mosha', 'gasa', 'shuitang', 'pingdian', 'xinhua', 'jianxing', 'laochang', 'zhelong', 'pingzhang'].map((unitId, index) => ({
    indicatorId: 'C-HEA-09',
    unitId,
    value: unitId === 'gasa' ? 89.9 : 92 + (index % 5),
    ...(unitId === 'gasa' ? { note: '疫苗供应中断' } : {}),
  })),
  { indicatorId: 'C-HEA-20', value: '91.5', previous: 92 },
  { indicatorId: 'C-HEA-25', value: '是' },
  { indicatorId: 'C-SAF-01', value: 4.8, baseline: 6, previous: 5 },
];

/** Fills every other line with "—" and a note, so that the sheet has no missing values. */
function complete(inputs: readonly RowInput[]): RowInput[] {
  const filled = [...inputs];
  for (const info of model.dataRows) {
    if (filled.some((input) => input.indicatorId === info.indicatorId && input.unitId === info.unitId)) continue;
    filled.push({ indicatorId: info.indicatorId, ...(info.unitId ? { unitId: info.unitId } : {}), value: '—', note: '本年度无统计' });
  }
  return filled;
}

describe('indicators check', () => {
  it('exits 0 on a correctly filled file and names each miss with its cell in a Chinese report', async () => {
    const inputs = complete(CLEAN);
    const { code, stdout, stderr } = await run('check', await filledFile(inputs));
    expect(stderr).toBe('');
    const direct = evaluateReport(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj', entries: intendedEntries(model, catalog, inputs) });
    expect(direct.summary.bySeverity.error).toBe(0);
    expect(code).toBe(0);
    expect(stdout).toContain('文件：filled.xlsx');
    expect(stdout).toContain(`工作表“${model.sheetName}”：${catalog.plans.children.title} · 新平县卫生健康局 · 2025年度`);
    expect(stdout).toContain(`共 ${model.dataRows.length} 项：达标 ${direct.summary.byStatus.met}，未达标 ${direct.summary.byStatus.notMet}`);
    expect(stdout).toContain('结论：没有错误，可以提交');
    for (const miss of direct.results.filter((r) => r.status === 'notMet')) {
      const cell = address(miss.indicatorId, 'value', miss.unitId);
      const line = stdout.split('\n').find((text) => text.trim().startsWith(cell));
      expect(line).toContain(miss.indicatorId);
      expect(line).toContain(catalog.indicators.get(miss.indicatorId)?.name);
      expect(line).toContain(miss.messages.find((m) => m.code.startsWith('assess.not'))?.zh);
    }
    // the miss with a note shows it; the one without asks for it
    expect(stdout).toContain('说明：疫苗供应中断');
    const unexplained = stdout.split('\n').findIndex((text) => text.trim().startsWith(address('C-HEA-20', 'value')));
    expect(stdout.split('\n')[unexplained + 1]).toContain('→ 须在“说明”栏说明原因');
    expect(stdout).toContain('（戛洒镇）');
  });

  it('names a blank 填表人 and 联系电话 under 提示 as 表尾信息 (not under 预警, which asks for a 说明), naming their cells, and still exits 0', async () => {
    const inputs = complete(CLEAN);
    const unsigned = await run('check', await filledFile(inputs, undefined, { sign: false }));
    const signed = await run('check', await filledFile(inputs));
    expect(unsigned.code).toBe(0);
    const reporter = footerCell(new ExcelJS.Workbook().addWorksheet('x'), 'reporter').address;
    const phone = footerCell(new ExcelJS.Workbook().addWorksheet('x'), 'phone').address;
    const lines = unsigned.stdout.split('\n');
    const lineOf = (cell: string) => lines.find((line) => line.trim().startsWith(`${cell} `)) ?? '';
    expect(lineOf(reporter)).toMatch(new RegExp(`^ {4}${reporter} +表尾信息：表尾“填表人”未填写；请填写填表人姓名`));
    expect(lineOf(phone)).toMatch(new RegExp(`^ {4}${phone} +表尾信息：表尾“联系电话”未填写；请填写联系电话`));
    // listed in the 提示 section (the last heading above them), asking for no 说明
    const heading = (cell: string) => lines.slice(0, lines.indexOf(lineOf(cell))).reverse().find((line) => /^ {2}\S/.test(line)) ?? '';
    expect(heading(reporter)).toMatch(/^ {2}提示（不影响提交）：\d+$/);
    expect(heading(phone)).toMatch(/^ {2}提示（不影响提交）：\d+$/);
    expect(lines[lines.indexOf(lineOf(reporter)) + 1]).not.toContain('说明');
    // counted where they are listed: two more 提示, the same 预警 and 须填写说明 as the signed sheet
    const sentence = (stdout: string) => /错误 (\d+) · 未达标 (\d+) · 预警 (\d+) · 提示 (\d+)(?:；须填写说明 (\d+))?/.exec(stdout)?.slice(1).map((n) => Number(n ?? 0)) ?? [];
    const [error, notMet, warning, info, notes] = sentence(signed.stdout);
    expect(sentence(unsigned.stdout)).toEqual([error, notMet, warning, (info ?? 0) + 2, notes]);
    const json = JSON.parse((await run('check', await filledFile(inputs, undefined, { sign: false }), '--json')).stdout) as {
      sheets: { problems: { code: string; cell: string | null; severity: string }[]; footer: Record<string, string>; summary: { counts: Record<string, number> }; findings: { category: string; needsNote: boolean; messages: { code: string }[] }[] }[];
    };
    expect(json.sheets[0]?.problems.filter((problem) => problem.code.startsWith('template.')).map((problem) => [problem.code, problem.cell, problem.severity])).toEqual([
      ['template.reporterMissing', reporter, 'info'],
      ['template.phoneMissing', phone, 'info'],
    ]);
    expect(json.sheets[0]?.findings.filter((finding) => finding.messages.some((message) => message.code.endsWith('Missing'))).map((finding) => [finding.category, finding.needsNote])).toEqual([
      ['info', false],
      ['info', false],
    ]);
    // signed: no such 提示, and the footer in the JSON
    const signedJson = JSON.parse((await run('check', await filledFile(inputs), '--json')).stdout) as typeof json;
    const sheet = signedJson.sheets[0];
    expect(sheet?.problems.filter((problem) => problem.code === 'template.reporterMissing' || problem.code === 'template.phoneMissing')).toEqual([]);
    expect(sheet?.footer).toEqual({ reporter: '张三', phone: '0877-7012345' });
    expect(json.sheets[0]?.summary.counts).toEqual({ ...sheet?.summary.counts, info: (sheet?.summary.counts.info ?? 0) + 2 });
  });

  it('exits 1 on garbage values and names the cell and what was expected', async () => {
    const inputs = complete([...CLEAN.filter((input) => input.indicatorId !== 'C-HEA-03'), { indicatorId: 'C-HEA-03', value: '两个' }]);
    const path = await filledFile(inputs);
    const { code, stdout, stderr } = await run('check', path);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const cell = address('C-HEA-03', 'value');
    expect(cell).toMatch(/^J\d+$/); // 本年值, the tenth column
    const engine = assessEntry(catalog.indicators.get('C-HEA-03') as Indicator, { indicatorId: 'C-HEA-03', value: '两个', previous: 2.6 }, { year: YEAR, defaults: catalog.plans.children.defaults });
    expect(engine.status).toBe('invalid');
    const line = stdout.split('\n').find((text) => text.trim().startsWith(cell));
    expect(line).toContain(engine.messages[0]?.zh);
    expect(line).toContain('应填写0—1,000之间的数值（单位‰）');
    expect(stdout).toContain('错误（须改正后才能提交）：1');
    expect(stdout).toContain('结论：有 1 项错误，请改正后再提交。');
  });

  it('prints the problems of a sheet that have no cell (an older catalog, an unknown organisation)', async () => {
    const meta = { ...model.meta, catalogVersion: '2025.1', organisationId: 'gone' };
    const path = await filledFile(complete(CLEAN), (sheet) => {
      sheet.getCell(1, model.columns.length + 1).value = encodeMetadata(meta); // the metadata cell, right of the markers
    });
    const { code, stdout } = await run('check', path);
    expect(code).toBe(1);
    expect(stdout).toContain('模板按指标目录 2025.1 版生成');
    expect(stdout).toContain('模板的填报单位“gone”不在单位名录中');
    expect(stdout).toContain(' · gone · 2025年度');
    expect(stdout).toContain('结论：有 1 项错误');
  });

  it('exits 2 when the hidden metadata row was deleted', async () => {
    const path = await filledFile(CLEAN, (sheet) => sheet.spliceRows(1, 1));
    const { code, stdout, stderr } = await run('check', path);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('缺少隐藏的模板信息');
    expect(stderr).toContain(`工作表“${model.sheetName}”像是填报表`);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('exits 2 on an unrelated workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['月份', '人数']);
    sheet.addRow(['1月', 95]);
    sheet.addRow(['2月', 97.5]);
    const path = join(dir, 'budget.xlsx');
    await workbook.xlsx.writeFile(path);
    const { code, stderr } = await run('check', path);
    expect(code).toBe(2);
    expect(stderr).toContain('“budget.xlsx”中没有监测指标填报模板');
    expect(stderr).toContain('- 工作表“Sheet1”不是监测指标填报模板');
    expect(stderr).not.toMatch(NO_STACK);
  });

  it.each([
    ['a CSV file', () => 'a.xlsx', 'C-HEA-03,2.5\n', '“a.xlsx”：文件不是 Excel 工作簿（.xlsx）'],
    ['a damaged zip', () => 'b.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0]), '“b.xlsx”：文件已损坏，无法作为 .xlsx 读取'],
    ['an old .xls', () => 'c.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]), '旧版 .xls 格式或已加密'],
  ])('exits 2 on %s', async (_what, name, content, message) => {
    const path = join(dir, name());
    writeFileSync(path, content);
    const { code, stderr } = await run('check', path);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('exits 2 on a missing file, a folder, no file or two files', async () => {
    const missing = join(dir, 'nope.xlsx');
    expect(await run('check', missing)).toMatchObject({ code: 2, stderr: `找不到文件“${missing}”\n` });
    expect(await run('check', dir)).toMatchObject({ code: 2, stderr: `“${dir}”是文件夹，不是 .xlsx 文件\n` });
    const none = await run('check');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('用法：indicators check <文件.xlsx>');
    expect((await run('check', 'a.xlsx', 'b.xlsx')).code).toBe(2);
  });

  it('prints JSON with the template metadata, summary counts and one result per indicator/unit', async () => {
    const inputs = [...CLEAN, { indicatorId: 'C-HEA-26', value: '约95' }, { indicatorId: 'C-HEA-18', value: '９５．２' }];
    const path = await filledFile(inputs, (sheet) => {
      sheet.getCell('C68').value = '张三';
      sheet.name = '改名后的表';
    });
    const { code, stdout, stderr } = await run('check', path, '--json');
    expect(stderr).toBe('');
    const direct = evaluateReport(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj', entries: intendedEntries(model, catalog, inputs) });
    expect(code).toBe(direct.summary.bySeverity.error > 0 ? 1 : 0);
    expect(code).toBe(1);
    const output = JSON.parse(stdout);
    // the counts by line every view shows (src/core/report/report-findings.ts)
    const findings = reportFindings(direct, intendedEntries(model, catalog, inputs));
    const counts = countFindings(direct, findings);
    expect(output).toMatchObject({ file: path, ok: true, skipped: [], summary: { sheets: 1, errors: counts.error, warnings: counts.notMet + counts.warning, notesRequired: counts.notesRequired } });
    const sheet = output.sheets[0];
    expect(sheet.sheet).toBe('改名后的表');
    expect(sheet.meta).toEqual(model.meta);
    expect(sheet.footer).toEqual({ reporter: '张三', phone: '0877-7012345' });
    expect(sheet.summary).toEqual({ entries: model.dataRows.length, byStatus: direct.summary.byStatus, counts, severity: 'error' });
    expect(sheet.findings).toHaveLength(findings.length);
    expect(sheet.findings.find((finding: { indicatorId?: string }) => finding.indicatorId === 'C-HEA-26')).toMatchObject({ category: 'error', cell: address('C-HEA-26', 'value') });
    expect(sheet.results).toHaveLength(model.dataRows.length);
    for (const expected of direct.results) {
      const found = sheet.results.filter((r: { indicatorId: string; unitId: string | null }) => r.indicatorId === expected.indicatorId && r.unitId === (expected.unitId ?? null));
      expect(found).toHaveLength(1);
      const result = found[0];
      const input = inputs.find((i) => i.indicatorId === expected.indicatorId && i.unitId === expected.unitId);
      expect(result).toMatchObject({
        sheet: '改名后的表',
        cell: address(expected.indicatorId, valueKey(expected.indicatorId), expected.unitId),
        raw: input?.value ?? null,
        status: expected.status,
        severity: expected.severity,
        messages: expected.messages.map((m) => ({ code: m.code, severity: m.severity, field: m.field ?? null, zh: m.zh, en: m.en })),
      });
    }
    const byId = (id: string) => sheet.results.find((r: { indicatorId: string }) => r.indicatorId === id);
    expect(byId('C-HEA-18')).toMatchObject({ raw: '９５．２', parsed: 95.2, status: 'met' });
    expect(byId('C-HEA-26')).toMatchObject({ raw: '约95', parsed: null, status: 'invalid', severity: 'error' });
    expect(byId('C-HEA-25')).toMatchObject({ parsed: '是', status: 'met' });
    expect(sheet.flags.find((f: { address: string }) => f.address === address('C-HEA-26', 'value'))).toMatchObject({ kind: 'error' });
  });

  it('prints JSON for an unusable file too, with exit 2', async () => {
    const path = join(dir, 'notes.xlsx');
    writeFileSync(path, 'hello');
    const { code, stdout, stderr } = await run('check', path, '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ file: path, ok: false, error: { zh: expect.stringContaining('文件不是 Excel 工作簿'), en: expect.stringContaining('not an Excel workbook') } });
    expect(stderr).not.toMatch(NO_STACK);
  });

  it('reports in English with --lang en-US', async () => {
    const { code, stdout } = await run('check', await filledFile(complete(CLEAN)), '--lang', 'en-US');
    expect(code).toBe(0);
    expect(stdout).toContain('Result: no errors');
    expect(stdout).toContain('Targets not met');
  });
});
