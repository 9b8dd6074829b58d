import type { Catalog } from '../../src/core/catalog/catalog';
import { UNITS } from '../../src/core/catalog/units';
import type { EntryInput } from '../../src/core/assess/entry';
import { validRange } from '../../src/core/rules/validate-value';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import type { TemplateModel } from '../../src/core/template/template-model';
import { parseRange, type FakeSheet } from '../helpers/fake-excel';

/** "95.2" → "９５．２" (what a Chinese IME in full-width mode types). */
export function fullWidth(text: string): string {
  return text.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * Fills a freshly inserted template the way people do — typed numbers, numbers pasted as text, full-width
 * digits, 是/否, ratios, progress text (in 进展情况), previous-year values, notes, blanks — only into cells a
 * person can edit on the protected sheet — and returns the entries the person meant, for the engine to judge
 * directly. Every township row of per-township indicators is filled.
 */
export function fillTemplate(sheet: FakeSheet, model: TemplateModel, catalog: Catalog): EntryInput[] {
  const entries: EntryInput[] = [];
  // Excel refuses typing into a locked cell of a protected sheet; the fake lets it pass, so the person here checks
  const editable = (address: string) => {
    if (sheet.protection.protected && sheet.anyLocked(parseRange(address).rect)) throw new Error(`${sheet.name}!${address} is locked on a protected sheet: a person cannot type there`);
    return address;
  };
  const type = (address: string, input: string) => sheet.personTypes(editable(address), input);
  const paste = (address: string, input: string) => sheet.personPastesText(editable(address), [[input]]);
  model.dataRows.forEach((info, i) => {
    const indicator = catalog.indicators.get(info.indicatorId);
    if (!indicator) throw new Error(info.indicatorId);
    const at = (column: keyof typeof COLUMN_INDEX) => cellAddress(info.row, COLUMN_INDEX[column]);
    const unit = UNITS[indicator.unit];
    let value = '';
    let previous: string | undefined;
    switch (unit.valueKind) {
      case 'number': {
        const { min = 0, max } = validRange(indicator);
        const span = max === undefined ? 200 : Math.min(max - min, 200);
        const raw = min + (span * ((i * 37) % 100)) / 100;
        const number = unit.integer ? Math.round(raw) : Math.round(raw * 10) / 10;
        value = String(number);
        if (i % 4 === 3) value = '';
        else if (i % 4 === 0) type(at('value'), value);
        else if (i % 4 === 1) paste(at('value'), value); // pasted: a number stored as text
        else {
          value = fullWidth(value);
          type(at('value'), value); // full-width stays text in Excel
        }
        if (info.inputs.previous && i % 3 === 0) {
          previous = String(unit.integer ? Math.round(number * 1.5) : Math.round(number * 13) / 10);
          type(at('previous'), previous);
        }
        break;
      }
      case 'boolean':
        value = i % 2 === 0 ? '是' : '否';
        type(at('value'), value);
        break;
      case 'ratio':
        value = i % 2 === 0 ? '2:3' : '1:1';
        type(at('value'), value); // the value column is "@": stays "2:3", not a time
        break;
      case 'text':
        // a qualitative indicator's progress goes into 进展情况 (template version 2); its 本年值 is locked
        if (i % 2 === 0) {
          value = '已开展专项工作，进展顺利';
          type(at('progress'), value);
        }
        break;
    }
    const note = i % 5 === 0 ? '数据来源于年度统计报表，未达标原因已说明' : undefined;
    if (note) type(at('note'), note);
    const baseline = info.inputs.baseline ? model.rows[info.row]?.cells[COLUMN_INDEX.baseline]?.value : undefined;
    entries.push({
      indicatorId: info.indicatorId,
      ...(info.unitId ? { unitId: info.unitId } : {}),
      value,
      ...(note ? { note } : {}),
      ...(previous ? { previous } : {}),
      ...(baseline !== undefined ? { baseline } : {}),
    });
  });
  return entries;
}
