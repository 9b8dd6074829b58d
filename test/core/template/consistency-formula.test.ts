import { HyperFormula } from 'hyperformula';
import { seedCatalog } from '../../../src/seed-catalog';
import type { RawCell } from '../../../src/core/parse/cell-value';
import { evaluateReport } from '../../../src/core/report/evaluate-report';
import { buildTemplate } from '../../../src/core/template/build-template';
import { COLUMN_INDEX, STATUS_WORDS } from '../../../src/core/template/template-columns';
import type { TemplateModel } from '../../../src/core/template/template-model';
import { shownPercent } from '../../../src/core/template/read-template';
import { formatKey, registerSpreadsheetFunctions, setCellFormats } from './spreadsheet-functions';

/**
 * The consistency rules of severity error (新生儿 ≤ 婴儿 ≤ 5岁以下儿童死亡率) in the sheet's own status column:
 * the whole 卫健局 template computed by HyperFormula says 逻辑有误 on exactly the rows the engine's consistency
 * error names — each number against the next one reported, a blank or invalid one in between skipped — and
 * still does after the rows were moved (the rows find each other by indicator code).
 */
registerSpreadsheetFunctions();
const catalog = seedCatalog();
const words = STATUS_WORDS['zh-CN'];
const YEAR = 2025;
const CHAIN = ['C-HEA-03', 'C-HEA-04', 'C-HEA-05'] as const;
const model = buildTemplate(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj' });

type Typed = { value: RawCell; format?: string };
type Scenario = readonly [name: string, values: Readonly<Partial<Record<(typeof CHAIN)[number], Typed | RawCell>>>];

/** The template as a grid HyperFormula takes: constants (text kept as text), formulas, and the typed values. */
function sheetOf(template: TemplateModel, typed: Scenario[1]): { rows: RawCell[][]; formats: Map<string, string> } {
  const formats = new Map<string, string>();
  const rows = template.rows.map((row) => row.cells.map((cell): RawCell => (cell?.formula ?? (typeof cell?.value === 'string' ? `'${cell.value}` : cell?.value)) ?? null));
  for (const [id, input] of Object.entries(typed)) {
    const info = template.dataRows.find((row) => row.indicatorId === id);
    if (!info) throw new Error(`${id} is not in the template`);
    const cell: Typed = input !== null && typeof input === 'object' && 'value' in input ? input : { value: input as RawCell };
    (rows[info.row] as RawCell[])[COLUMN_INDEX.value] = typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
    if (cell.format) formats.set(formatKey(0, info.row, COLUMN_INDEX.value), cell.format);
  }
  return { rows, formats };
}

/** The words the engine's verdict calls for, per chain indicator: 逻辑有误 where its consistency error names it. */
function engineWords(typed: Scenario[1]): Record<string, string> {
  const entries = model.dataRows.map((info) => {
    const input = typed[info.indicatorId as (typeof CHAIN)[number]];
    const cell: Typed | undefined = input === undefined ? undefined : input !== null && typeof input === 'object' && 'value' in input ? input : { value: input as RawCell };
    const value = cell && typeof cell.value === 'number' && cell.format?.includes('%') ? shownPercent(cell.value, cell.format) : (cell?.value ?? null);
    return { indicatorId: info.indicatorId, ...(info.unitId ? { unitId: info.unitId } : {}), value };
  });
  const report = evaluateReport(catalog, { plan: 'children', year: YEAR, organisationId: 'wjj', entries });
  const named = new Set(report.consistency.filter((finding) => finding.severity === 'error').flatMap((finding) => finding.indicatorIds));
  const word: Record<string, string> = { met: words.met, notMet: words.notMet, notYetDue: words.notYetDue, invalid: words.invalid, noData: '' };
  return Object.fromEntries(CHAIN.map((id) => [id, named.has(id) ? words.inconsistent : (word[report.results.find((result) => result.indicatorId === id)?.status ?? ''] ?? '?')]));
}

function sheetWords(hf: HyperFormula): Record<string, string> {
  const values = hf.getSheetValues(0);
  const row = (id: string) => values.findIndex((cells) => cells[COLUMN_INDEX.id] === id);
  return Object.fromEntries(CHAIN.map((id) => [id, String(values[row(id)]?.[COLUMN_INDEX.status] ?? '')]));
}

const scenarios: Scenario[] = [
  ['all in order', { 'C-HEA-03': 1.8, 'C-HEA-04': 3.2, 'C-HEA-05': 4.5 }],
  ['5岁以下 below 婴儿 (the issue: 2.5 under 3.2)', { 'C-HEA-03': 1.8, 'C-HEA-04': 3.2, 'C-HEA-05': 2.5 }],
  ['新生儿 above 婴儿', { 'C-HEA-03': 4, 'C-HEA-04': 3.2, 'C-HEA-05': 4.5 }],
  ['婴儿 blank: 新生儿 against 5岁以下', { 'C-HEA-03': 1.8, 'C-HEA-05': 1.5 }],
  ['婴儿 invalid (out of range): skipped', { 'C-HEA-03': 1.8, 'C-HEA-04': -3, 'C-HEA-05': 1.5 }],
  ['婴儿 as a percentage (wrong unit): skipped', { 'C-HEA-03': 1.8, 'C-HEA-04': { value: 0.032, format: '0.0%' }, 'C-HEA-05': 4.5 }],
  ['婴儿 marked no data', { 'C-HEA-03': 1.8, 'C-HEA-04': '—', 'C-HEA-05': 1.5 }],
  ['full-width 5岁以下 below 婴儿', { 'C-HEA-03': '１．８', 'C-HEA-04': '３．２', 'C-HEA-05': '２．５' }],
  ['equal values are consistent', { 'C-HEA-03': 3.2, 'C-HEA-04': 3.2, 'C-HEA-05': 3.2 }],
  ['only one value', { 'C-HEA-05': 2.5 }],
];

describe('consistency errors in the status column, computed by HyperFormula', () => {
  it('the 卫健局 template has the whole chain, with its hidden judged numbers', () => {
    for (const id of CHAIN) {
      const info = model.dataRows.find((row) => row.indicatorId === id);
      expect(model.rows[info?.row ?? -1]?.cells[COLUMN_INDEX.judged]?.formula).toMatch(/^=CHOOSE\(/);
      expect(model.rows[info?.row ?? -1]?.cells[COLUMN_INDEX.status]?.formula).toContain(`"${words.inconsistent}"`);
    }
    expect(model.columns[COLUMN_INDEX.judged]?.hidden).toBe(true);
  });

  it.each(scenarios)('%s', (_name, typed) => {
    const expected = engineWords(typed);
    const { rows, formats } = sheetOf(model, typed);
    setCellFormats(formats);
    const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3' });
    expect(sheetWords(hf)).toEqual(expected);
    hf.destroy();
  });

  it('the scenarios are not vacuous: the engine names each link of the chain in some of them', () => {
    const inconsistent = scenarios.map(([, typed]) => engineWords(typed)).flatMap((byId) => CHAIN.filter((id) => byId[id] === words.inconsistent));
    expect(new Set(inconsistent)).toEqual(new Set(CHAIN));
  });

  it('rows moved (sorted by a person) still find each other by indicator code', () => {
    const typed = scenarios[1]?.[1] ?? {};
    const { rows, formats } = sheetOf(model, typed);
    setCellFormats(formats);
    const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3' });
    const at = (id: string) => model.dataRows.find((row) => row.indicatorId === id)?.row ?? -1;
    // 5岁以下 to the top of the data, 新生儿 to the bottom
    hf.moveRows(0, at('C-HEA-05'), 1, model.dataRows[0]?.row ?? 0);
    hf.moveRows(0, at('C-HEA-03') + 1, 1, (model.dataRows.at(-1)?.row ?? 0) + 1);
    const values = hf.getSheetValues(0);
    expect(values.findIndex((cells) => cells[COLUMN_INDEX.id] === 'C-HEA-05')).toBeLessThan(values.findIndex((cells) => cells[COLUMN_INDEX.id] === 'C-HEA-03'));
    expect(sheetWords(hf)).toEqual(engineWords(typed));
    expect(sheetWords(hf)['C-HEA-05']).toBe(words.inconsistent);
    hf.destroy();
  });
});
