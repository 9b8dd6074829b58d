import { seedCatalog } from '../../../src/seed-catalog';
import { buildTemplate } from '../../../src/core/template/build-template';
import { parseCellAddress, cellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../../src/core/template/template-columns';
import { planBaseline, prefillTemplate, type PreviousSource } from '../../../src/core/template/prefill-template';
import { readTemplate } from '../../../src/core/template/read-template';
import type { TemplateModel, ValidationRule } from '../../../src/core/template/template-model';
import { gridOf } from './template-grid';

const catalog = seedCatalog();

const LAST_YEAR: PreviousSource = {
  year: 2024,
  version: 2,
  status: 'approved',
  values: [
    { indicatorId: 'C-HEA-04', value: 3.6 },
    { indicatorId: 'C-HEA-09', unitId: 'gasa', value: 98.5 },
    { indicatorId: 'W-DEC-04', value: 20 }, // another plan's indicator: nowhere in this template
  ],
};

const rowOf = (model: TemplateModel, indicatorId: string, unitId?: string) => {
  const info = model.dataRows.find((row) => row.indicatorId === indicatorId && row.unitId === unitId);
  if (!info) throw new Error(`${indicatorId} ${unitId ?? ''}`);
  return info.row;
};
const cell = (model: TemplateModel, row: number, key: keyof typeof COLUMN_INDEX) => model.rows[row]?.cells[COLUMN_INDEX[key]];

/** Every cell a set of validation rules covers, with the rule's prompt, failing on a cell covered twice. */
function coverage(rules: readonly ValidationRule[]): Map<string, string> {
  const cells = new Map<string, string>();
  for (const rule of rules) {
    const [first, last = first] = rule.range.split(':') as [string, string?];
    const top = parseCellAddress(first);
    const bottom = parseCellAddress(last);
    for (let row = top.row; row <= bottom.row; row += 1) {
      for (let column = top.column; column <= bottom.column; column += 1) {
        const address = cellAddress(row, column);
        if (cells.has(address)) throw new Error(`${address} has two validation rules`);
        cells.set(address, rule.prompt.message);
      }
    }
  }
  return cells;
}

describe('prefillTemplate', () => {
  const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });

  it('fills 上年值 from last year\'s report, marked blue with its source as the input message', () => {
    const { model: filled, filled: summary } = prefillTemplate(model, catalog, { previous: LAST_YEAR });
    const infant = rowOf(filled, 'C-HEA-04');
    expect(cell(filled, infant, 'previous')).toEqual({ value: 3.6, style: 'prefilled', numberFormat: 'General' });
    const gasa = rowOf(filled, 'C-HEA-09', 'gasa');
    expect(cell(filled, gasa, 'previous')).toMatchObject({ value: 98.5, style: 'prefilled' });
    // a township without a value last year stays empty, an input as before
    expect(cell(filled, rowOf(filled, 'C-HEA-09', 'mosha'), 'previous')).toEqual(cell(model, rowOf(model, 'C-HEA-09', 'mosha'), 'previous'));
    expect(summary.previous).toEqual([cellAddress(infant, COLUMN_INDEX.previous), cellAddress(gasa, COLUMN_INDEX.previous)]);

    // the same cells carry one validation rule each as before, the prefilled ones with their source
    const before = coverage(model.validations);
    const after = coverage(filled.validations);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get(cellAddress(infant, COLUMN_INDEX.previous))).toBe('来自2024年已报送数据（第2版，已审核通过）。如有更正，可直接改写。');
    expect(after.get(cellAddress(infant + 1, COLUMN_INDEX.previous))).toBe(before.get(cellAddress(infant + 1, COLUMN_INDEX.previous)));
    expect(filled.rows.find((row) => row.kind === 'subtitle')?.cells[0]?.value).toContain('蓝色数字为预填（可改写）：上年值来自2024年已报送数据（第2版，已审核通过），基期值来自规划');

    // and the sheet reads back with them as the engine's previous values
    const read = readTemplate(gridOf(filled), catalog);
    if (read.kind !== 'template') throw new Error('not read');
    expect(read.read.entries.find((entry) => entry.indicatorId === 'C-HEA-04')?.previous).toBe(3.6);
    expect(read.read.entries.find((entry) => entry.indicatorId === 'C-HEA-09' && entry.unitId === 'gasa')?.previous).toBe(98.5);
  });

  it('shows the plan\'s stated 2020 baselines beside county lines, locked (not an input), also without last year\'s report', () => {
    const { model: filled, filled: summary } = prefillTemplate(model, catalog);
    const infant = rowOf(filled, 'C-HEA-04');
    expect(planBaseline(catalog.indicators.get('C-HEA-04')!)).toEqual({ year: 2020, value: 5.94 });
    expect(cell(filled, infant, 'baseline')).toEqual({ value: 5.94, style: 'prefilledInfo', numberFormat: 'General' });
    expect(cell(filled, rowOf(filled, 'C-HEA-05'), 'baseline')).toMatchObject({ value: 7.63 });
    expect(summary.previous).toEqual([]);
    expect(summary.baseline).toHaveLength(2); // 卫健局's two: 婴儿 and 5岁以下儿童死亡率
    expect(filled.validations).toEqual(model.validations);
    expect(filled.rows.find((row) => row.kind === 'subtitle')?.cells[0]?.value).toMatch(/蓝色数字为预填（可改写）：基期值来自规划$/);
    // not read as an input: the engine judges these lines as before
    const read = readTemplate(gridOf(filled), catalog);
    if (read.kind !== 'template') throw new Error('not read');
    expect(read.read.entries.find((entry) => entry.indicatorId === 'C-HEA-04')?.baseline).toBeUndefined();
  });

  it('leaves previous-term values (elected bodies) and templates without anything to fill alone', () => {
    const women = buildTemplate(catalog, { plan: 'women', year: 2025, organisationId: 'rdb' });
    const result = prefillTemplate(women, catalog, { previous: { ...LAST_YEAR, values: [{ indicatorId: 'W-DEC-04', value: 20 }] } });
    expect(result.filled).toEqual({ previous: [], baseline: [] });
    expect(result.model).toBe(women);
  });

  it('speaks English in an English template', () => {
    const english = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj', language: 'en-US' });
    const { model: filled } = prefillTemplate(english, catalog, { previous: { ...LAST_YEAR, status: 'submitted', version: 1 } });
    const messages = coverage(filled.validations);
    expect(messages.get(cellAddress(rowOf(filled, 'C-HEA-04'), COLUMN_INDEX.previous))).toBe('From the 2024 report as submitted (version 1, awaiting review). Overwrite it if it was corrected.');
  });
});
