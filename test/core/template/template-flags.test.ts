import { seedCatalog } from '../../../src/seed-catalog';
import type { EntryResult } from '../../../src/core/assess/entry';
import { evaluateReport, type ReportResult } from '../../../src/core/report/evaluate-report';
import { buildTemplate, FIRST_DATA_ROW } from '../../../src/core/template/build-template';
import { checkTemplate, type TemplateCheck } from '../../../src/core/template/check-template';
import { templateFindings } from '../../../src/core/template/template-findings';
import { readTemplate, reportInputOf, type TemplateRead } from '../../../src/core/template/read-template';
import { templateFlags, type CellFlag } from '../../../src/core/template/template-flags';
import { COLUMN_INDEX, type ColumnKey } from '../../../src/core/template/template-columns';
import { addressOf, fill, gridOf, insertRow, rowOf, type RowInput } from './template-grid';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });

function checked(inputs: readonly RowInput[], edit?: (grid: ReturnType<typeof gridOf>) => void): { read: TemplateRead; report: ReportResult; check: TemplateCheck; grid: ReturnType<typeof gridOf> } {
  const grid = gridOf(model);
  fill(grid, model, catalog, inputs);
  edit?.(grid);
  const outcome = readTemplate(grid, catalog);
  if (outcome.kind !== 'template') throw new Error(outcome.message.zh);
  const report = evaluateReport(catalog, reportInputOf(outcome.read));
  const check = checkTemplate(grid, catalog);
  if (check.kind !== 'template') throw new Error('not a template');
  return { read: outcome.read, report, check: check.check, grid };
}

/** The A1 address of a template cell as the grid holds it now. */
function cell(grid: ReturnType<typeof gridOf>, key: ColumnKey, indicatorId: string, unitName?: string): string {
  return addressOf(grid, rowOf(grid, indicatorId, unitName), COLUMN_INDEX[key]);
}

function flagAt(flags: readonly CellFlag[], address: string): CellFlag | undefined {
  return flags.find((flag) => flag.address === address);
}

function result(report: ReportResult, indicatorId: string, unitId?: string): EntryResult {
  const found = report.results.find((r) => r.indicatorId === indicatorId && r.unitId === unitId);
  if (!found) throw new Error(`no result for ${indicatorId}`);
  return found;
}

describe('templateFlags', () => {
  it('marks a missed target on the value cell as notMet with the engine\'s message', () => {
    const { read, report, grid } = checked([{ indicatorId: 'C-HEA-09', unitId: 'gasa', value: 89.9, note: '疫苗短缺' }]);
    const engine = result(report, 'C-HEA-09', 'gasa');
    expect(engine.status).toBe('notMet');
    const { flags, statusCells } = templateFlags(read, report);
    const address = cell(grid, 'value', 'C-HEA-09', '戛洒镇');
    const flag = flagAt(flags, address);
    expect(flag).toMatchObject({ kind: 'notMet', severity: 'warning', indicatorId: 'C-HEA-09', unitId: 'gasa' });
    const miss = engine.messages.find((m) => m.code.startsWith('assess.not') && m.severity === 'warning');
    expect(flag?.note.split('\n')).toContain(miss?.zh);
    expect(statusCells).toContainEqual({ address: cell(grid, 'status', 'C-HEA-09', '戛洒镇'), kind: 'notMet' });
  });

  it('marks an invalid value as an error, and its status cell too', () => {
    const { read, report, grid } = checked([{ indicatorId: 'C-HEA-26', value: '约95' }]);
    const engine = result(report, 'C-HEA-26');
    expect(engine).toMatchObject({ status: 'invalid', severity: 'error' });
    const { flags, statusCells } = templateFlags(read, report);
    const flag = flagAt(flags, cell(grid, 'value', 'C-HEA-26'));
    expect(flag).toMatchObject({ kind: 'error', severity: 'error' });
    expect(flag?.note).toBe(engine.messages.filter((m) => m.severity !== 'info').map((m) => m.zh).join('\n'));
    expect(flag?.note).toContain('约95');
    expect(statusCells).toContainEqual({ address: cell(grid, 'status', 'C-HEA-26'), kind: 'error' });
  });

  it('marks a met value with a strong swing as a warning (not a miss), and its status as met', () => {
    const { read, report, grid } = checked([{ indicatorId: 'C-HEA-26', value: 99, previous: 70 }]);
    const engine = result(report, 'C-HEA-26');
    expect(engine.status).toBe('met');
    expect(engine.messages.map((m) => m.code)).toContain('warning.swing');
    const { flags, statusCells } = templateFlags(read, report);
    expect(flagAt(flags, cell(grid, 'value', 'C-HEA-26'))).toMatchObject({ kind: 'warning', severity: 'warning' });
    expect(statusCells).toContainEqual({ address: cell(grid, 'status', 'C-HEA-26'), kind: 'met' });
  });

  it('merges several messages on one cell into one note, and the worst kind wins', () => {
    const { read, report, grid } = checked([
      { indicatorId: 'C-HEA-09', unitId: 'mosha', value: 60, previous: 95 }, // miss + swing
      { indicatorId: 'C-HEA-04', value: 0.032, valueFormat: '0.0%' }, // percent-format warning + the wrong unit (婴儿死亡率 is in ‰)
    ]);
    const { flags } = templateFlags(read, report);
    const missAndSwing = flagAt(flags, cell(grid, 'value', 'C-HEA-09', '漠沙镇'));
    const codes = result(report, 'C-HEA-09', 'mosha').messages.filter((m) => m.severity !== 'info');
    expect(codes.map((m) => m.code)).toEqual(expect.arrayContaining(['warning.swing']));
    expect(missAndSwing?.kind).toBe('notMet');
    expect(missAndSwing?.note.split('\n')).toEqual(codes.map((m) => m.zh));

    const percent = flagAt(flags, cell(grid, 'value', 'C-HEA-04'));
    expect(percent?.kind).toBe('error');
    expect(percent?.severity).toBe('error');
    const lines = percent?.note.split('\n') ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('百分比格式');
    expect(lines[1]).toBe(result(report, 'C-HEA-04').messages[0]?.zh);
    expect(lines[1]).toContain('与指标单位“‰”不符');
    // one flag per cell
    expect(new Set(flags.map((f) => f.address)).size).toBe(flags.length);
  });

  it('puts each message on the cell it is about: note, previous value, reporting unit, indicator code', () => {
    const { read, report, grid } = checked([
      { indicatorId: 'C-HEA-11', value: '—' }, // a marker without a note: the note is missing
      { indicatorId: 'C-HEA-03', value: 2, previous: 'x' }, // an unreadable previous value
      { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 95 },
    ], (grid) => {
      (grid.values[rowOf(grid, 'C-HEA-09', '戛洒镇')] as unknown[])[COLUMN_INDEX.unitName] = '火星镇';
      (grid.values[rowOf(grid, 'C-HEA-26')] as unknown[])[COLUMN_INDEX.id] = 'C-HEA-99';
    });
    const { flags } = templateFlags(read, report);
    const noteFlag = flagAt(flags, cell(grid, 'note', 'C-HEA-11'));
    expect(noteFlag).toMatchObject({ kind: 'error', severity: 'error' });
    expect(noteFlag?.note).toContain('须在说明栏注明原因');
    expect(flagAt(flags, cell(grid, 'value', 'C-HEA-11'))).toBeUndefined();

    const previousFlag = flagAt(flags, cell(grid, 'previous', 'C-HEA-03'));
    expect(previousFlag).toMatchObject({ kind: 'error' });
    expect(previousFlag?.note).toContain('上年值');

    const unitFlag = flagAt(flags, cell(grid, 'unitName', 'C-HEA-09', '火星镇'));
    expect(unitFlag).toMatchObject({ kind: 'error', indicatorId: 'C-HEA-09', unitId: '火星镇' });
    expect(unitFlag?.note).toContain('火星镇');

    const idFlag = flagAt(flags, cell(grid, 'id', 'C-HEA-99'));
    expect(idFlag).toMatchObject({ kind: 'error', indicatorId: 'C-HEA-99' });
  });

  it('flags a copied row\'s indicator code as a duplicate', () => {
    const { read, report, grid } = checked([{ indicatorId: 'C-HEA-26', value: 95 }], (grid) => {
      const at = FIRST_DATA_ROW + 3;
      insertRow(grid, at);
      grid.values[at] = [...(grid.values[rowOf(grid, 'C-HEA-26')] ?? [])];
    });
    const { flags } = templateFlags(read, report);
    const duplicate = report.problems.find((p) => p.code === 'report.duplicateEntry');
    expect(duplicate).toBeDefined();
    const second = read.entries[duplicate?.entryIndex as number];
    expect(flagAt(flags, second?.cells.id as string)).toMatchObject({ kind: 'error' });
    // the copy sits above the original, so the original row is the one reported twice
    expect(second?.cells.id).toBe(addressOf(grid, grid.values.map((r) => r[COLUMN_INDEX.id]).lastIndexOf('C-HEA-26'), COLUMN_INDEX.id));
  });

  it('flags both cells of a consistency finding', () => {
    const { read, report, grid } = checked([
      { indicatorId: 'C-HEA-03', value: 5 },
      { indicatorId: 'C-HEA-04', value: 4 },
      { indicatorId: 'C-HEA-05', value: 6 },
    ]);
    expect(report.consistency).toHaveLength(1);
    const finding = report.consistency[0];
    const { flags } = templateFlags(read, report);
    for (const id of ['C-HEA-03', 'C-HEA-04']) {
      const flag = flagAt(flags, cell(grid, 'value', id));
      expect(flag?.kind).toBe(finding?.severity === 'error' ? 'error' : 'warning');
      expect(flag?.note).toContain(finding?.zh);
    }
    expect(flagAt(flags, cell(grid, 'value', 'C-HEA-05'))?.note ?? '').not.toContain(finding?.zh);
  });

  it('gives status cells for met, notMet, notYetDue and invalid rows only', () => {
    const { read, report, grid } = checked([
      { indicatorId: 'C-HEA-26', value: 95 },
      { indicatorId: 'C-HEA-28', value: 60, note: '新设' },
      { indicatorId: 'C-HEA-25', value: '否', note: '正在建设' },
      { indicatorId: 'C-HEA-29', value: 'abc' },
      { indicatorId: 'C-HEA-11', value: '—', note: '未开展监测' },
      { indicatorId: 'C-HEA-01', value: '进展顺利' },
    ]);
    const { statusCells, flags } = templateFlags(read, report);
    const expected = report.results
      .filter((r) => r.status === 'met' || r.status === 'notMet' || r.status === 'notYetDue' || r.status === 'invalid')
      .map((r) => ({ address: cell(grid, 'status', r.indicatorId, r.unitId ? catalog.organisations.find((o) => o.id === r.unitId)?.name : undefined), kind: r.status === 'invalid' ? 'error' : r.status }));
    expect(statusCells).toEqual(expected);
    expect(statusCells.map((s) => s.kind).sort()).toEqual(['error', 'met', 'notMet', 'notYetDue']);
    // a met value without warnings and a no-data row with a note are not flagged; blanks are errors
    expect(flagAt(flags, cell(grid, 'value', 'C-HEA-26'))).toBeUndefined();
    expect(flagAt(flags, cell(grid, 'value', 'C-HEA-11'))).toBeUndefined();
    expect(flagAt(flags, cell(grid, 'value', 'C-HEA-20'))).toMatchObject({ kind: 'error' });
  });

  it('writes the notes in English on request', () => {
    const { read, report, grid } = checked([{ indicatorId: 'C-HEA-26', value: 80 }]);
    const flag = flagAt(templateFlags(read, report, 'en-US').flags, cell(grid, 'value', 'C-HEA-26'));
    expect(flag?.note).toBe(result(report, 'C-HEA-26').messages.filter((m) => m.severity !== 'info').map((m) => m.en).join('\n'));
    expect(flag?.note).toMatch(/^Not met/);
  });

  it('is what checkTemplate returns, with the findings and counts by line (a reading problem in a line\'s cell is that line\'s)', () => {
    const inputs: RowInput[] = [{ indicatorId: 'C-HEA-26', value: 0.8, valueFormat: '0%' }, { indicatorId: 'C-HEA-29', value: 'abc' }];
    const { read, report, check } = checked(inputs);
    expect(check.flags).toEqual(templateFlags(read, report));
    expect(check.report.results).toEqual(report.results);
    expect(check).toMatchObject(templateFindings(read, report));
    // the unreadable line and the blank ones are errors; nothing is counted twice
    expect(check.counts.error).toBe(check.findings.filter((finding) => finding.category === 'error').length);
    expect(check.counts.lines).toBe(read.entries.length);
    const byCell = check.findings.map((finding) => finding.cell);
    expect(new Set(byCell).size).toBe(byCell.length);
  });
});
