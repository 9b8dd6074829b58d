import { catalogVersion } from '../../helpers/catalog-version';
import { seedCatalog } from '../../../src/seed-catalog';
import organisationsFile from '../../../seeds/organisations.json';
import { assessEntry } from '../../../src/core/assess/assess-entry';
import { evaluateReport } from '../../../src/core/report/evaluate-report';
import { buildTemplate, FIRST_DATA_ROW } from '../../../src/core/template/build-template';
import { readTemplate, reportInputOf, type TemplateRead, type TemplateReadOutcome } from '../../../src/core/template/read-template';
import { encodeMetadata } from '../../../src/core/template/template-metadata';
import { COLUMN_INDEX } from '../../../src/core/template/template-columns';
import { columnLetter } from '../../../src/core/template/cell-address';
import { FOOTER_FIELDS } from '../../../src/core/template/build-template';
import type { TemplateModel } from '../../../src/core/template/template-model';
import {
  addressOf,
  currentColumns,
  fill,
  gridOf,
  insertColumn,
  insertRow,
  intendedEntries,
  rowOf,
  signFooter,
  sortRows,
  verdicts,
  type EditableGrid,
  type RowInput,
} from './template-grid';

const catalog = seedCatalog();
const YEAR = 2025;
const health = () => buildTemplate(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj' });

function read(outcome: TemplateReadOutcome): TemplateRead {
  if (outcome.kind !== 'template') throw new Error(`not read as a template: ${outcome.message.zh}`);
  return outcome.read;
}

/** The engine's verdicts on what the reader got, next to its verdicts on what the person meant. */
function compareWithEngine(model: TemplateModel, result: TemplateRead, inputs: readonly RowInput[], raw?: (input: RowInput) => RowInput['value']) {
  const direct = evaluateReport(catalog, { plan: model.meta.plan, year: model.meta.year, organisationId: model.meta.organisationId, entries: intendedEntries(model, catalog, inputs, raw) });
  const viaSheet = evaluateReport(catalog, reportInputOf(result));
  expect(verdicts(viaSheet.results)).toEqual(verdicts(direct.results));
  expect(viaSheet.problems.map((p) => p.code)).toEqual(direct.problems.map((p) => p.code));
  expect(viaSheet.consistency.map((c) => c.code)).toEqual(direct.consistency.map((c) => c.code));
  return { direct, viaSheet };
}

const TOWNSHIPS = organisationsFile.organisations.filter((o) => o.kind === 'township' || o.kind === 'subdistrict');

/** Typical inputs for the health commission's sheet: misses, met values, per-township values. */
const HEALTH_INPUTS: RowInput[] = [
  { indicatorId: 'C-HEA-03', value: 2.5, previous: 2.6, note: '新生儿死亡率略高' },
  { indicatorId: 'C-HEA-04', value: '3.1', previous: '3.4' },
  { indicatorId: 'C-HEA-05', value: '４．８', previous: 5 },
  { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 89.9, note: '疫苗短缺' },
  { indicatorId: 'C-HEA-09', unitId: 'mosha', value: '95' },
  { indicatorId: 'C-HEA-09', unitId: 'guishan', value: '９８．１' },
  { indicatorId: 'C-HEA-10', value: 2 },
  { indicatorId: 'C-HEA-20', value: 91.5, previous: 92 },
  { indicatorId: 'C-HEA-25', value: '是' },
  { indicatorId: 'C-SAF-01', value: 4.8, baseline: 6, previous: 5 },
  { indicatorId: 'C-HEA-01', value: '已建成县乡村三级儿童健康服务网络' },
  { indicatorId: 'C-HEA-11', value: '—' },
  { indicatorId: 'C-HEA-26', value: 'abc' },
];

describe('readTemplate: finds every entry by its indicator code', () => {
  it('reads a freshly filled sheet exactly as the engine would judge the typed values', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    const result = read(readTemplate(grid, catalog));
    expect(result.meta).toEqual(model.meta);
    expect(result.sheetName).toBe(model.sheetName);
    expect(result.entries).toHaveLength(model.dataRows.length);
    expect(result.problems).toEqual([]);
    const { viaSheet } = compareWithEngine(model, result, HEALTH_INPUTS);
    // the inputs really matter: the sheet has met, missed, invalid and no-data rows
    expect(viaSheet.summary.byStatus.met).toBeGreaterThan(0);
    expect(viaSheet.summary.byStatus.notMet).toBeGreaterThan(0);
    expect(viaSheet.summary.byStatus.invalid).toBeGreaterThan(0);
    // cells point at the template's own positions
    const entry = result.entries.find((e) => e.indicatorId === 'C-HEA-09' && e.unitId === 'gasa');
    const info = model.dataRows.find((d) => d.indicatorId === 'C-HEA-09' && d.unitId === 'gasa');
    expect(entry?.row).toBe(info?.row);
    expect(entry?.cells.value).toBe(addressOf(grid, info?.row as number, COLUMN_INDEX.value));
    expect(entry?.cells.note).toBe(addressOf(grid, info?.row as number, COLUMN_INDEX.note));
    expect(entry?.cells.status).toBe(addressOf(grid, info?.row as number, COLUMN_INDEX.status));
    expect(entry?.note).toBe('疫苗短缺');
  });

  it('reads the same after the data rows are sorted by name and shuffled', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    const first = FIRST_DATA_ROW;
    const last = FIRST_DATA_ROW + model.dataRows.length - 1;
    sortRows(grid, first, last, (a, b) => String(b[COLUMN_INDEX.name]).localeCompare(String(a[COLUMN_INDEX.name]), 'zh') || String(b[COLUMN_INDEX.unitName] ?? '').localeCompare(String(a[COLUMN_INDEX.unitName] ?? '')));
    expect(grid.values[first]?.[COLUMN_INDEX.id]).not.toBe(model.rows[first]?.cells[COLUMN_INDEX.id]?.value);
    const result = read(readTemplate(grid, catalog));
    compareWithEngine(model, result, HEALTH_INPUTS);
    // each entry now names the row it moved to
    const row = rowOf(grid, 'C-SAF-01');
    const entry = result.entries.find((e) => e.indicatorId === 'C-SAF-01');
    expect(entry?.row).toBe(row);
    expect(entry?.cells.baseline).toBe(addressOf(grid, row, COLUMN_INDEX.baseline));
    expect(entry?.baseline).toBe(6);
    expect(result.problems).toEqual([]);
  });

  it('reads the same after a row and a column are inserted, and with a renamed sheet', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    insertRow(grid, 0); // above the hidden marker row
    insertRow(grid, FIRST_DATA_ROW + 6); // inside the data block, left empty
    insertColumn(grid, COLUMN_INDEX.name); // before 指标名称
    insertColumn(grid, 0);
    grid.name = '我的填报 (2)';
    const result = read(readTemplate(grid, catalog));
    expect(result.sheetName).toBe('我的填报 (2)');
    compareWithEngine(model, result, HEALTH_INPUTS);
    expect(result.problems).toEqual([]);
    const columns = currentColumns(grid);
    expect(result.columns.value).toBe(COLUMN_INDEX.value + 2);
    expect(result.columns).toEqual(columns);
    const row = rowOf(grid, 'C-HEA-20');
    const entry = result.entries.find((e) => e.indicatorId === 'C-HEA-20');
    expect(entry?.cells.value).toBe(addressOf(grid, row, columns.value));
    expect(entry?.cells.value).toBe(`${columnLetter(COLUMN_INDEX.value + 2)}${row + 1}`);
  });

  it('finds columns by their hidden key when they are moved or relabelled', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    // swap 本年值 and 说明 (values, formats and markers move together), relabel a header
    for (const [index, row] of grid.values.entries()) {
      const formats = grid.numberFormats[index] as string[];
      [row[COLUMN_INDEX.value], row[COLUMN_INDEX.note]] = [row[COLUMN_INDEX.note] ?? null, row[COLUMN_INDEX.value] ?? null];
      [formats[COLUMN_INDEX.value], formats[COLUMN_INDEX.note]] = [formats[COLUMN_INDEX.note] as string, formats[COLUMN_INDEX.value] as string];
    }
    (grid.values[3] as unknown[])[COLUMN_INDEX.note] = '2025年数值';
    const result = read(readTemplate(grid, catalog));
    expect(result.columns.value).toBe(COLUMN_INDEX.note);
    expect(result.columns.note).toBe(COLUMN_INDEX.value);
    compareWithEngine(model, result, HEALTH_INPUTS);
  });

  it('gives addresses in sheet coordinates when the used range does not start at A1', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, [{ indicatorId: 'C-HEA-26', value: 'abc' }]);
    const shifted: EditableGrid = { ...grid, firstRow: 2, firstColumn: 1 };
    const result = read(readTemplate(shifted, catalog));
    const info = model.dataRows.find((d) => d.indicatorId === 'C-HEA-26');
    const entry = result.entries.find((e) => e.indicatorId === 'C-HEA-26');
    // grid column c is sheet column c + 1; row r of the grid is sheet row r + 3
    expect(entry?.cells.value).toBe(`${columnLetter(COLUMN_INDEX.value + 1)}${(info?.row as number) + 3}`);
    expect(entry?.row).toBe((info?.row as number) + 2);
    expect(result.columns.value).toBe(COLUMN_INDEX.value + 1);
  });
});

describe('readTemplate: values as spreadsheets hold them', () => {
  it('passes text numbers, full-width digits and formula results to the engine unchanged', () => {
    const model = health();
    const grid = gridOf(model);
    const inputs: RowInput[] = [
      { indicatorId: 'C-HEA-26', value: '93' },
      { indicatorId: 'C-HEA-18', value: '９５．２' },
      { indicatorId: 'C-HEA-28', value: 90 + 5.2 }, // =90+5.2 in the cell: the host gives its result
      { indicatorId: 'C-HEA-29', value: ' 97 ' },
    ];
    fill(grid, model, catalog, inputs);
    const result = read(readTemplate(grid, catalog));
    for (const input of inputs) {
      const entry = result.entries.find((e) => e.indicatorId === input.indicatorId);
      expect(entry?.value).toBe(input.value);
    }
    const { viaSheet } = compareWithEngine(model, result, inputs);
    const parsed = viaSheet.results.find((r) => r.indicatorId === 'C-HEA-18');
    expect(parsed?.value).toMatchObject({ kind: 'number', value: 95.2 });
  });

  it('reads a percent-formatted 0.93 as the "93%" that was typed (as the sheet\'s formula does: a note, not a warning)', () => {
    const model = health();
    const grid = gridOf(model);
    const inputs: RowInput[] = [{ indicatorId: 'C-HEA-26', value: 0.93, valueFormat: '0%' }, { indicatorId: 'C-HEA-28', value: 0.925, valueFormat: '0.0%', valueText: '92.5%' }];
    fill(grid, model, catalog, inputs);
    const result = read(readTemplate(grid, catalog));
    const row = rowOf(grid, 'C-HEA-26');
    const cell = addressOf(grid, row, COLUMN_INDEX.value);
    expect(result.entries.find((e) => e.indicatorId === 'C-HEA-26')?.value).toBe('93%');
    expect(result.entries.find((e) => e.indicatorId === 'C-HEA-28')?.value).toBe('92.5%');
    const warnings = result.problems.filter((p) => p.code === 'template.percentFormat');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ severity: 'info', cell, indicatorId: 'C-HEA-26' });
    expect(warnings[0]?.zh).toContain(cell);
    expect(warnings[0]?.zh).toContain('“93%”');
    // the engine judges what the person typed
    compareWithEngine(model, result, inputs, (input) => (input.indicatorId === 'C-HEA-26' ? '93%' : '92.5%'));
    const direct = assessEntry(catalog.indicators.get('C-HEA-26') as never, { indicatorId: 'C-HEA-26', value: '93%' }, { year: YEAR, defaults: catalog.plans.children.defaults });
    expect(evaluateReport(catalog, reportInputOf(result)).results.find((r) => r.indicatorId === 'C-HEA-26')?.status).toBe(direct.status);
    expect(direct.status).toBe('met');
  });

  it('does not treat a literal % in a quoted format section as a percent format', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, [{ indicatorId: 'C-HEA-26', value: 93, valueFormat: '0"%"' }]);
    const result = read(readTemplate(grid, catalog));
    expect(result.entries.find((e) => e.indicatorId === 'C-HEA-26')?.value).toBe(93);
    expect(result.problems.filter((p) => p.code === 'template.percentFormat')).toEqual([]);
  });

  it('reads a time-formatted ratio as shown ("2:03") when the host shows it, and refuses the bare serial otherwise', () => {
    const model = buildTemplate(catalog, { plan: 'women', year: YEAR, organisationId: 'zjj' });
    expect(model.dataRows.map((d) => d.indicatorId)).toContain('W-ENV-09');
    const serial = (2 * 60 + 3) / (24 * 60);
    const indicator = catalog.indicators.get('W-ENV-09') as never;
    const context = { year: YEAR, defaults: catalog.plans.women.defaults };

    const shown = gridOf(model);
    fill(shown, model, catalog, [{ indicatorId: 'W-ENV-09', value: serial, valueFormat: 'h:mm', valueText: '2:03' }]);
    const withText = read(readTemplate(shown, catalog));
    expect(withText.entries[0]?.value).toBe('2:03');
    const viaSheet = evaluateReport(catalog, reportInputOf(withText)).results[0];
    expect(viaSheet?.status).toBe(assessEntry(indicator, { indicatorId: 'W-ENV-09', value: '2:03' }, context).status);

    const bare = gridOf(model);
    fill(bare, model, catalog, [{ indicatorId: 'W-ENV-09', value: serial, valueFormat: '[h]:mm' }]);
    const withoutText = read(readTemplate(bare, catalog));
    expect(withoutText.entries[0]?.value).toBe(serial);
    const refused = evaluateReport(catalog, reportInputOf(withoutText)).results[0];
    expect(refused).toMatchObject({ status: 'invalid', severity: 'error' });
    expect(refused?.messages[0]?.zh).toContain('时间');
  });
});

describe('readTemplate: per-township rows', () => {
  it('maps township names to unit ids, in any of their spellings', () => {
    const model = health();
    const grid = gridOf(model);
    const inputs: RowInput[] = TOWNSHIPS.map((township, index) => ({ indicatorId: 'C-HEA-09', unitId: township.id, value: 85 + index }));
    fill(grid, model, catalog, inputs);
    // a clerk retypes two names: the English name and the id
    (grid.values[rowOf(grid, 'C-HEA-09', '戛洒镇')] as unknown[])[COLUMN_INDEX.unitName] = 'Gasa Town';
    (grid.values[rowOf(grid, 'C-HEA-09', '漠沙镇')] as unknown[])[COLUMN_INDEX.unitName] = 'mosha';
    const result = read(readTemplate(grid, catalog));
    const perTownship = result.entries.filter((e) => e.indicatorId === 'C-HEA-09');
    expect(perTownship.map((e) => e.unitId).sort()).toEqual(TOWNSHIPS.map((t) => t.id).sort());
    for (const input of inputs) expect(perTownship.find((e) => e.unitId === input.unitId)?.value).toBe(input.value);
    const { viaSheet } = compareWithEngine(model, result, inputs);
    const summary = viaSheet.perUnit.find((s) => s.indicatorId === 'C-HEA-09');
    expect(summary?.unitCount).toBe(12);
    expect(summary?.status).toBe('notMet');
  });

  it('passes an unknown township name to the engine, which reports it at that row', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, [{ indicatorId: 'C-HEA-09', unitId: 'gasa', value: 95 }]);
    const row = rowOf(grid, 'C-HEA-09', '戛洒镇');
    (grid.values[row] as unknown[])[COLUMN_INDEX.unitName] = '火星镇';
    const result = read(readTemplate(grid, catalog));
    const index = result.entries.findIndex((e) => e.unitId === '火星镇');
    expect(index).toBeGreaterThanOrEqual(0);
    const report = evaluateReport(catalog, reportInputOf(result));
    const problem = report.problems.find((p) => p.entryIndex === index);
    expect(problem).toMatchObject({ code: 'report.unknownUnit', severity: 'error' });
    expect(problem?.zh).toContain('火星镇');
    expect(result.entries[index]?.cells.unitName).toBe(addressOf(grid, row, COLUMN_INDEX.unitName));
  });

  it('sends a unit typed on a county-wide row to the engine, which refuses it', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, [{ indicatorId: 'C-HEA-26', value: 95 }]);
    (grid.values[rowOf(grid, 'C-HEA-26')] as unknown[])[COLUMN_INDEX.unitName] = '戛洒镇';
    const result = read(readTemplate(grid, catalog));
    const index = result.entries.findIndex((e) => e.indicatorId === 'C-HEA-26');
    expect(result.entries[index]?.unitId).toBe('gasa');
    expect(evaluateReport(catalog, reportInputOf(result)).problems.find((p) => p.entryIndex === index)?.code).toBe('report.unexpectedUnit');
  });
});

describe('readTemplate: optional inputs and the footer', () => {
  it('reads previous, baseline and comparison values only where the row offers them', () => {
    const model = health();
    const grid = gridOf(model);
    const inputs: RowInput[] = [
      { indicatorId: 'C-HEA-01', value: '进展', previous: 5, baseline: 4, other: 3 }, // qualitative: none offered
      { indicatorId: 'C-HEA-03', value: 2, previous: 2.2, baseline: 3, other: 1 }, // previous only
      { indicatorId: 'C-SAF-01', value: 4.9, previous: 5, baseline: 6, other: 1 }, // previous and baseline
    ];
    fill(grid, model, catalog, inputs);
    const result = read(readTemplate(grid, catalog));
    const byId = (id: string) => result.entries.find((e) => e.indicatorId === id);
    expect(byId('C-HEA-01')).not.toHaveProperty('previous');
    expect(byId('C-HEA-01')).not.toHaveProperty('baseline');
    expect(byId('C-HEA-01')).not.toHaveProperty('other');
    expect(byId('C-HEA-03')).toMatchObject({ previous: 2.2 });
    expect(byId('C-HEA-03')).not.toHaveProperty('baseline');
    expect(byId('C-SAF-01')).toMatchObject({ previous: 5, baseline: 6 });
    expect(byId('C-SAF-01')).not.toHaveProperty('other');
    compareWithEngine(model, result, inputs);
  });

  it('reads the comparison value of a relative target', () => {
    const model = buildTemplate(catalog, { plan: 'women', year: YEAR, organisationId: 'zzb' });
    const inputs: RowInput[] = [{ indicatorId: 'W-DEC-03', value: 28, other: 27.5, previous: 26 }];
    const grid = gridOf(model);
    fill(grid, model, catalog, inputs);
    const result = read(readTemplate(grid, catalog));
    expect(result.entries.find((e) => e.indicatorId === 'W-DEC-03')).toMatchObject({ value: 28, other: 27.5, previous: 26 });
    const { viaSheet } = compareWithEngine(model, result, inputs);
    expect(viaSheet.results.find((r) => r.indicatorId === 'W-DEC-03')?.status).toBe('met');
  });

  it('reads 单位负责人, 统计负责人, 填表人, 联系电话 and 报出日期 from the footer, wherever it moved', () => {
    const model = health();
    const grid = gridOf(model);
    const footer = model.rows.findIndex((row) => row.kind === 'footer');
    expect(grid.values[footer]?.[0]).toBe('单位负责人：');
    signFooter(grid, model, { head: '李四', statistician: '王五', reporter: '张三', phone: '0877-7012345', date: '2026-01-15' });
    insertRow(grid, FIRST_DATA_ROW + 2);
    insertColumn(grid, 1);
    const result = read(readTemplate(grid, catalog));
    expect(result.footer).toEqual({ head: '李四', statistician: '王五', reporter: '张三', phone: '0877-7012345', date: '2026-01-15' });
    // the footer's texts sit in the data columns: they are not rows without an indicator code
    expect(result.problems).toEqual([]);
  });

  it('gives an empty footer when nobody signed, and a 提示 naming the blank 填表人 and 联系电话 cells', () => {
    const model = health();
    const grid = gridOf(model);
    const result = read(readTemplate(grid, catalog));
    expect(result.footer).toEqual({});
    const first = model.rows.findIndex((row) => row.kind === 'footer');
    const cellOf = (field: keyof typeof FOOTER_FIELDS) => addressOf(grid, first + FOOTER_FIELDS[field].row, COLUMN_INDEX[FOOTER_FIELDS[field].input]);
    expect(result.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ['template.reporterMissing', 'info', cellOf('reporter')],
      ['template.phoneMissing', 'info', cellOf('phone')],
    ]);
    expect(result.problems[0]?.zh).toBe(`${cellOf('reporter')}：表尾“填表人”未填写；请填写填表人姓名，以便核实数据时联系`);
    // a footer deleted altogether: one 提示 without a cell
    const cut = gridOf(model);
    cut.values.splice(first);
    expect(read(readTemplate(cut, catalog)).problems.map((p) => p.code)).toEqual(['template.footerMissing']);
  });

  it('still reads the footer of a version-1 sheet (填报人 · 联系电话 · 填报日期, then 单位负责人, names in its 领域 column)', () => {
    const model = health();
    const grid = gridOf(model);
    // version 1 had a 领域 column after 指标编号
    insertColumn(grid, 2);
    (grid.values[0] as unknown[])[2] = 'xpm:domain';
    const first = model.rows.findIndex((row) => row.kind === 'footer');
    const columns = currentColumns(grid);
    const v1 = (row: number, cells: Record<number, string>) => {
      grid.values[row] = grid.values[row]!.map(() => null);
      for (const [column, value] of Object.entries(cells)) (grid.values[row] as unknown[])[Number(column)] = value;
    };
    v1(first, { 0: '填报人：', 2: '张三', [columns.unitName]: '联系电话：', [columns.target]: '0877-7012345', [columns.baseline]: '填报日期：', [columns.value]: '2026-01-15' });
    v1(first + 1, { 0: '单位负责人：', 2: '李四' });
    const result = read(readTemplate(grid, catalog));
    expect(result.footer).toEqual({ reporter: '张三', phone: '0877-7012345', date: '2026-01-15', head: '李四' });
    expect(result.problems).toEqual([]);
  });
});

describe('readTemplate: rows and codes it cannot use', () => {
  it('warns about a value typed into an inserted row without an indicator code, naming the cell', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    const at = FIRST_DATA_ROW + 10;
    insertRow(grid, at);
    (grid.values[at] as unknown[])[COLUMN_INDEX.value] = 88;
    const result = read(readTemplate(grid, catalog));
    const cell = addressOf(grid, at, COLUMN_INDEX.value);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'template.rowWithoutIndicator', severity: 'warning', cell })]);
    expect(result.problems[0]?.zh).toContain(cell);
    // the rest still reads as typed
    compareWithEngine(model, result, HEALTH_INPUTS);
  });

  it('warns about values typed into rows inserted at the edges of the data block', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    const below = (model.dataRows.at(-1)?.row ?? 0) + 1; // right after the last indicator row
    insertRow(grid, below);
    (grid.values[below] as unknown[])[COLUMN_INDEX.value] = 77;
    insertRow(grid, FIRST_DATA_ROW); // between the header and the first domain's group row
    (grid.values[FIRST_DATA_ROW] as unknown[])[COLUMN_INDEX.value] = '66';
    const footer = grid.values.findIndex((row) => row[0] === '单位负责人：');
    (grid.values[footer] as unknown[])[COLUMN_INDEX.value] = '（签字）'; // a footer's text in the 本年值 column
    const result = read(readTemplate(grid, catalog));
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([
      ['template.rowWithoutIndicator', addressOf(grid, FIRST_DATA_ROW, COLUMN_INDEX.value)],
      ['template.rowWithoutIndicator', addressOf(grid, below + 1, COLUMN_INDEX.value)],
    ]);
    compareWithEngine(model, result, HEALTH_INPUTS);
  });

  it('never warns about the title, subtitle, header, instructions or footer rows', () => {
    const model = health();
    const grid = gridOf(model);
    for (const kind of ['title', 'subtitle', 'header', 'instructions', 'footer'] as const) {
      model.rows.forEach((row, index) => {
        if (row.kind === kind) (grid.values[index] as unknown[])[COLUMN_INDEX.value] = `${kind} text`;
      });
    }
    const result = read(readTemplate(grid, catalog));
    expect(result.problems.filter((p) => p.code === 'template.rowWithoutIndicator')).toEqual([]);
    expect(result.entries).toHaveLength(model.dataRows.length);
  });

  it('reports an unknown indicator code and another plan\'s code at their cells, and skips those rows', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    const unknownRow = rowOf(grid, 'C-HEA-26');
    const otherRow = rowOf(grid, 'C-HEA-28');
    (grid.values[unknownRow] as unknown[])[COLUMN_INDEX.id] = 'C-HEA-99';
    (grid.values[otherRow] as unknown[])[COLUMN_INDEX.id] = 'ｗ-hea-01'; // full-width and lower case: still a code
    const result = read(readTemplate(grid, catalog));
    const unknown = result.problems.find((p) => p.code === 'template.unknownIndicator');
    const other = result.problems.find((p) => p.code === 'template.otherPlan');
    expect(unknown).toMatchObject({ severity: 'error', cell: addressOf(grid, unknownRow, COLUMN_INDEX.id), indicatorId: 'C-HEA-99' });
    expect(unknown?.zh).toContain('C-HEA-99');
    expect(other).toMatchObject({ severity: 'error', cell: addressOf(grid, otherRow, COLUMN_INDEX.id), indicatorId: 'W-HEA-01' });
    expect(result.entries).toHaveLength(model.dataRows.length - 2);
    expect(result.entries.map((e) => e.indicatorId)).not.toContain('C-HEA-26');
  });

  it('says the hidden metadata is missing when the marker row was deleted (in Chinese)', () => {
    const grid = gridOf(health(), '儿童2025');
    grid.values.splice(0, 1);
    grid.numberFormats.splice(0, 1);
    const outcome = readTemplate(grid, catalog);
    expect(outcome.kind).toBe('notTemplate');
    if (outcome.kind !== 'notTemplate') return;
    expect(outcome.looksLikeTemplate).toBe(true);
    expect(outcome.message).toMatchObject({ code: 'template.metadataMissing', severity: 'error' });
    expect(outcome.message.zh).toContain('缺少隐藏的模板信息行');
    expect(outcome.message.zh).toContain('儿童2025');
  });

  it('says the metadata is damaged when its JSON is broken or out of range', () => {
    for (const text of ['xpm:meta {"plan":"children","year":2025', encodeMetadata({ plan: 'children', year: 2025, catalogVersion: catalogVersion(), templateVersion: 1 }).replace('2025', '2040')]) {
      const model = health();
      const grid = gridOf(model);
      const metaColumn = grid.values[0]?.findIndex((cell) => String(cell).startsWith('xpm:meta ')) as number;
      (grid.values[0] as unknown[])[metaColumn] = text;
      const outcome = readTemplate(grid, catalog);
      expect(outcome).toMatchObject({ kind: 'notTemplate', looksLikeTemplate: true, message: { code: 'template.metadataDamaged', severity: 'error' } });
      if (outcome.kind === 'notTemplate') expect(outcome.message.zh).toContain('隐藏的模板信息已损坏');
    }
  });

  it('says an unrelated sheet is not a template', () => {
    const outcome = readTemplate({ name: 'Sheet1', firstRow: 0, firstColumn: 0, values: [['月份', '收入'], ['1月', 1200], ['2月', 1350]] }, catalog);
    expect(outcome).toMatchObject({ kind: 'notTemplate', looksLikeTemplate: false, message: { code: 'template.notTemplate' } });
    if (outcome.kind === 'notTemplate') expect(outcome.message.zh).toBe('工作表“Sheet1”不是监测指标填报模板');
    expect(readTemplate({ name: 'empty', firstRow: 0, firstColumn: 0, values: [] }, catalog)).toMatchObject({ kind: 'notTemplate', looksLikeTemplate: false });
  });

  it('warns when the template was cut from an older catalog version, and still reads it', () => {
    const model = health();
    const grid = gridOf(model);
    fill(grid, model, catalog, HEALTH_INPUTS);
    const metaColumn = grid.values[0]?.findIndex((cell) => String(cell).startsWith('xpm:meta ')) as number;
    (grid.values[0] as unknown[])[metaColumn] = encodeMetadata({ ...model.meta, catalogVersion: '2025.1' });
    const result = read(readTemplate(grid, catalog));
    const warning = result.problems.find((p) => p.code === 'template.catalogVersion');
    expect(warning?.severity).toBe('warning');
    expect(warning?.zh).toContain('2025.1');
    expect(warning?.zh).toContain(catalog.plans.children.catalogVersion);
    expect(result.meta.catalogVersion).toBe('2025.1');
    compareWithEngine(model, result, HEALTH_INPUTS);
  });

  it('warns about a newer template version and refuses an organisation that is not in the list', () => {
    const model = health();
    const grid = gridOf(model);
    const metaColumn = grid.values[0]?.findIndex((cell) => String(cell).startsWith('xpm:meta ')) as number;
    (grid.values[0] as unknown[])[metaColumn] = encodeMetadata({ ...model.meta, templateVersion: 99, organisationId: 'nosuch' });
    const result = read(readTemplate(grid, catalog));
    expect(result.problems.find((p) => p.code === 'template.newerVersion')?.severity).toBe('warning');
    expect(result.problems.find((p) => p.code === 'template.unknownOrganisation')?.severity).toBe('error');
  });

  it('says so when the column markers are gone but the metadata is there', () => {
    const grid = gridOf(health());
    (grid.values[0] as unknown[])[COLUMN_INDEX.value] = null;
    const outcome = readTemplate(grid, catalog);
    expect(outcome).toMatchObject({ kind: 'notTemplate', looksLikeTemplate: true, message: { code: 'template.columnsMissing' } });
    if (outcome.kind === 'notTemplate') expect(outcome.message.zh).toContain('value');
  });
});
