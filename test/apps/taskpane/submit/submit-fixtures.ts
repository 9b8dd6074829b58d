import type { Catalog } from '../../../../src/core/catalog/catalog';
import { checkSubmission } from '../../../../src/core/submission/check-submission';
import { cellAddress } from '../../../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../../../src/core/template/template-columns';
import type { DataRowInfo, TemplateModel } from '../../../../src/core/template/template-model';
import type { FakeSheet } from '../../../helpers/fake-excel';
import { acceptableValues } from '../../../server/helpers/submission-fixtures';

/** The A1 address of a column of a template row. */
export function cellOf(info: DataRowInfo, column: keyof typeof COLUMN_INDEX): string {
  return cellAddress(info.row, COLUMN_INDEX[column]);
}

/**
 * Fills every row of an inserted template with values the engine accepts together without any warning
 * (pasted as text, as people paste from another program), with a 说明 where a row needs one.
 */
export function fillAcceptable(sheet: FakeSheet, model: TemplateModel, catalog: Catalog): void {
  const plan = model.meta.plan;
  const year = model.meta.year;
  const slots = model.dataRows.map((info) => ({ indicatorId: info.indicatorId, ...(info.unitId ? { unitId: info.unitId } : {}) }));
  const values = acceptableValues(slots, { plan, year, catalog });
  model.dataRows.forEach((info, index) => {
    const value = values[index];
    if (!value) throw new Error(`no value for row ${index}`);
    const paste = (column: keyof typeof COLUMN_INDEX, raw: unknown) => sheet.personPastesText(cellOf(info, column), [[String(raw)]]);
    paste('value', value.value);
    if (info.inputs.previous && value.previous !== undefined && value.previous !== null) paste('previous', value.previous);
    if (info.inputs.baseline && value.baseline !== undefined && value.baseline !== null) paste('baseline', value.baseline);
    if (info.inputs.other && value.other !== undefined && value.other !== null) paste('other', value.other);
    if (value.note) paste('note', value.note);
  });
}

/** The first row where `value` alone gives exactly what `want` asks (an error, or a warning needing a note). */
export function rowWhere(model: TemplateModel, catalog: Catalog, value: string, want: 'error' | 'note', skip: readonly DataRowInfo[] = []): DataRowInfo {
  const found = model.dataRows.find((info) => {
    if (skip.includes(info)) return false;
    const indicator = catalog.indicators.get(info.indicatorId);
    if (!indicator || indicator.unit !== '%') return false;
    const check = checkSubmission(catalog, {
      plan: model.meta.plan,
      year: model.meta.year,
      organisationId: model.meta.organisationId ?? 'x',
      values: [{ indicatorId: info.indicatorId, ...(info.unitId ? { unitId: info.unitId } : {}), value }],
    });
    return want === 'error' ? check.errors.length === 1 && check.notesRequired.length === 0 : check.errors.length === 0 && check.notesRequired.length === 1;
  });
  if (!found) throw new Error(`no row where ${value} gives ${want}`);
  return found;
}
