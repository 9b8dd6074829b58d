/**
 * The clerk's sheet of issue 13: 卫健局's children's template for 2025 (60 lines, 24 of them per township),
 * filled the way a department hands it in — most county figures typed, half the township rows still blank,
 * a fraction typed for a percentage (0.95 for 95%), one unreadable value, a swing, a nesting error between
 * two mortality rates, misses with and without a 说明, a few progress texts. The pane, the CLI and the server
 * are tested on this one sheet so that their counts can be compared.
 */
import type { Catalog } from '../../src/core/catalog/catalog';
import { buildTemplate, FOOTER_FIELDS } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX, type ColumnKey } from '../../src/core/template/template-columns';
import type { TemplateModel } from '../../src/core/template/template-model';
import type { RowInput } from '../core/template/template-grid';
import { parseRange, type FakeSheet } from './fake-excel';

export const CLERK_YEAR = 2025;

/** 卫健局's children's template for 2025. */
export function clerkModel(catalog: Catalog): TemplateModel {
  return buildTemplate(catalog, { plan: 'children', year: CLERK_YEAR, organisationId: 'wjj' });
}

const TOWNSHIPS = ['guishan', 'gucheng', 'yangwu', 'mosha', 'gasa', 'shuitang', 'pingdian', 'xinhua', 'jianxing', 'laochang', 'zhelong', 'pingzhang'] as const;

/** What the clerk typed (every value a string, as typed; numbers where Excel would keep a number). */
export const CLERK_INPUTS: readonly RowInput[] = [
  // qualitative progress (typed into 进展情况): some described, the rest left blank (optional)
  { indicatorId: 'C-HEA-01', value: '县妇幼保健院儿科门诊扩建完成' },
  { indicatorId: 'C-HEA-02', value: '开展健康素养进家庭活动12场' },
  { indicatorId: 'C-HEA-21', value: '各校配备心理健康教师' },
  // county rates
  { indicatorId: 'C-HEA-03', value: 2.1, previous: 2.0 }, // short of ≤2‰ by 2030: 未到期
  { indicatorId: 'C-HEA-04', value: 3.2, previous: 3.4 }, // met
  { indicatorId: 'C-HEA-05', value: 2.5, previous: 4.8 }, // below 婴儿 3.2: nesting error; and a swing
  // 适龄儿童免疫规划疫苗接种率 per township: four filled, eight blank
  { indicatorId: 'C-HEA-09', unitId: 'guishan', value: 96 },
  { indicatorId: 'C-HEA-09', unitId: 'gucheng', value: 0.95 }, // 95% typed as a fraction
  { indicatorId: 'C-HEA-09', unitId: 'yangwu', value: 88, previous: 93 }, // a miss without a note
  { indicatorId: 'C-HEA-09', unitId: 'mosha', value: 89, note: '疫苗供应中断两个月' }, // a miss explained
  { indicatorId: 'C-HEA-10', value: 1 },
  { indicatorId: 'C-HEA-11', value: '—', note: '本年度未开展该项调查' },
  { indicatorId: 'C-HEA-12', value: 4.1, previous: 4.0 },
  { indicatorId: 'C-HEA-14', value: 12.5, previous: 11.8 }, // 新发近视率 up: a miss of 持续下降
  { indicatorId: 'C-HEA-18', value: 92.3, previous: 91 },
  { indicatorId: 'C-HEA-20', value: '９１', previous: 92 }, // full-width, short of 93% by 2030: 未到期
  { indicatorId: 'C-HEA-23', value: 0.9, previous: 0.88 },
  // 专业从事儿童保健的医生数 per township: six filled, six blank
  ...TOWNSHIPS.slice(0, 6).map((unitId, index): RowInput => ({ indicatorId: 'C-HEA-24', unitId, value: [2, 2, 1, 3, 2, 2][index] as number })),
  { indicatorId: 'C-HEA-25', value: '否', note: '中医馆正在装修' },
  { indicatorId: 'C-HEA-26', value: 96.2, previous: 95.8 },
  { indicatorId: 'C-HEA-27', value: 1 },
  { indicatorId: 'C-HEA-28', value: 'abc' }, // unreadable
  { indicatorId: 'C-HEA-29', value: 98.6, previous: 98.1 },
  { indicatorId: 'C-HEA-30', value: '是' },
  { indicatorId: 'C-HEA-31', value: 91.4, previous: 92 },
  { indicatorId: 'C-HEA-32', value: 21, previous: 22 },
  { indicatorId: 'C-HEA-33', value: 52, previous: 40 }, // a swing of +30%
  { indicatorId: 'C-SAF-01', value: 4.6, baseline: 6.1, previous: 5 },
  { indicatorId: 'C-SAF-02', value: 2.4, previous: 2.6 },
  { indicatorId: 'C-WEL-06', value: 9, previous: 8.5 },
];

export { TOWNSHIPS as CLERK_TOWNSHIPS };

/** The A1 address of one cell of a template's line (whatever the layout: read from the model). */
export function clerkCell(model: TemplateModel, indicatorId: string, key: ColumnKey, unitId?: string): string {
  const info = model.dataRows.find((row) => row.indicatorId === indicatorId && row.unitId === unitId);
  if (!info) throw new Error(`${indicatorId} ${unitId ?? ''} is not in the template`);
  return cellAddress(info.row, COLUMN_INDEX[key]);
}

/** The footer the clerk signs (填表人, 联系电话: what `check` asks for), cell by cell, by the model's positions. */
export function clerkFooter(model: TemplateModel): { address: string; value: string }[] {
  const footer = model.rows.findIndex((row) => row.kind === 'footer');
  const at = (field: keyof typeof FOOTER_FIELDS) => cellAddress(footer + FOOTER_FIELDS[field].row, COLUMN_INDEX[FOOTER_FIELDS[field].input]);
  return [
    { address: at('reporter'), value: '张三' },
    { address: at('phone'), value: '0877-7012345' },
  ];
}

/** Signs the footer of an inserted template as the clerk does. */
export function signClerkFooter(sheet: FakeSheet, model: TemplateModel): void {
  for (const { address, value } of clerkFooter(model)) sheet.personTypes(address, value);
}

/**
 * What the clerk types, cell by cell, as typed (numbers as text): each input's 本年值, 上年值, 基期值 and 说明 — a
 * qualitative indicator's text into its 进展情况, as its 本年值 is locked — found by the model's positions.
 */
export function clerkTyping(model: TemplateModel, inputs: readonly RowInput[] = CLERK_INPUTS): { address: string; value: string }[] {
  const typed: { address: string; value: string }[] = [];
  for (const input of inputs) {
    const info = model.dataRows.find((row) => row.indicatorId === input.indicatorId && row.unitId === input.unitId);
    const qualitative = info !== undefined && model.rows[info.row]?.cells[COLUMN_INDEX.progress]?.style === 'inputText';
    for (const key of ['value', 'previous', 'baseline', 'note'] as const) {
      const value = input[key];
      if (value === undefined || value === null) continue;
      const column = key === 'value' && qualitative ? 'progress' : key;
      typed.push({ address: clerkCell(model, input.indicatorId, column, input.unitId), value: typeof value === 'number' ? String(value) : (value as string) });
    }
  }
  return typed;
}

/** Types the clerk's inputs into an inserted template, as a person would (numbers typed as text), and signs the footer. */
export function typeClerkSheet(sheet: FakeSheet, model: TemplateModel, inputs: readonly RowInput[] = CLERK_INPUTS): void {
  signClerkFooter(sheet, model);
  for (const { address, value } of clerkTyping(model, inputs)) {
    // Excel refuses typing into a locked cell of a protected sheet; the fake lets it pass, so the clerk here checks
    if (sheet.protection.protected && sheet.anyLocked(parseRange(address).rect)) throw new Error(`${sheet.name}!${address} is locked on a protected sheet: the clerk cannot type there`);
    sheet.personTypes(address, value);
  }
}
