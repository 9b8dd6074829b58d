import { buildTemplate } from '../../../src/core/template/build-template';
import { cellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../../src/core/template/template-columns';
import { seedCatalog } from '../../../src/seed-catalog';
import { acceptableDocument } from './submission-fixtures';

/**
 * The pre-filled template of 卫健局 (wjj) for the children's plan of 2025, as the server's download and
 * `indicators template --prefill-from` make it: 婴儿死亡率 (C-HEA-04)'s 上年值 and 基期值 cells, and the
 * report of 2024 that fills 上年值.
 */
export const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'wjj' });
const infantRow = model.dataRows.find((row) => row.indicatorId === 'C-HEA-04')?.row ?? -1;
/** C-HEA-04's 上年值 cell. */
export const PREVIOUS = cellAddress(infantRow, COLUMN_INDEX.previous);
/** C-HEA-04's 基期值 cell. */
export const BASELINE = cellAddress(infantRow, COLUMN_INDEX.baseline);

/** 卫健局's report of 2024 as the server accepts it, 婴儿死亡率 3.6‰ (5岁以下 4.5‰ above it). */
export function report2024() {
  const document = acceptableDocument({ organisationId: 'wjj', year: 2024 });
  const set: Record<string, string> = { 'C-HEA-04': '3.6', 'C-HEA-05': '4.5' };
  return { ...document, values: document.values.map((value) => (set[value.indicatorId] === undefined ? value : { indicatorId: value.indicatorId, value: set[value.indicatorId] as string, note: '按卫健委年报口径' })) };
}
