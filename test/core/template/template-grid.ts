import type { Catalog } from '../../../src/core/catalog/catalog';
import type { Indicator } from '../../../src/core/catalog/indicator-schema';
import type { RawCell } from '../../../src/core/parse/cell-value';
import type { EntryInput } from '../../../src/core/assess/entry';
import { cellAddress } from '../../../src/core/template/cell-address';
import { COLUMN_INDEX, type ColumnKey } from '../../../src/core/template/template-columns';
import type { TemplateModel } from '../../../src/core/template/template-model';
import { lineInputs } from '../../../src/core/template/template-rows';
import type { SheetGrid, TemplateFooter } from '../../../src/core/template/read-template';
import { FOOTER_FIELDS } from '../../../src/core/template/build-template';

/** A SheetGrid the tests can edit the way people edit sheets. */
export interface EditableGrid extends SheetGrid {
  name: string;
  firstRow: number;
  firstColumn: number;
  values: RawCell[][];
  numberFormats: string[][];
  texts?: string[][];
}

/** What a test types into one template row. */
export interface RowInput {
  readonly indicatorId: string;
  readonly unitId?: string;
  readonly value?: RawCell;
  readonly note?: string;
  readonly previous?: RawCell;
  readonly baseline?: RawCell;
  readonly other?: RawCell;
  readonly dataSource?: string;
  /** A number format for the value cell (e.g. "0%"). */
  readonly valueFormat?: string;
  /** The text a host shows for the value cell. */
  readonly valueText?: string;
}

/** A freshly rendered template as a host reads it: constants as values, formulas as their cached "" result. */
export function gridOf(model: TemplateModel, name = model.sheetName): EditableGrid {
  const width = Math.max(...model.rows.map((row) => row.cells.length));
  const values = model.rows.map((row) =>
    Array.from({ length: width }, (_unused, column): RawCell => {
      const cell = row.cells[column];
      if (!cell) return null;
      if (cell.formula !== undefined) return '';
      return cell.value ?? null;
    }),
  );
  const numberFormats = model.rows.map((row) => Array.from({ length: width }, (_unused, column) => row.cells[column]?.numberFormat ?? 'General'));
  return { name, firstRow: 0, firstColumn: 0, values, numberFormats };
}

/** The 0-based grid row of a template line, found by scanning the indicator and unit columns as they are now. */
export function rowOf(grid: SheetGrid, indicatorId: string, unitName?: string, columns = currentColumns(grid)): number {
  const row = grid.values.findIndex((cells) => cells[columns.id] === indicatorId && (unitName === undefined || cells[columns.unitName] === unitName));
  if (row < 0) throw new Error(`no row for ${indicatorId} ${unitName ?? ''}`);
  return row;
}

/** Where each column is now, from the marker row (the test's own scan, independent of the reader). */
export function currentColumns(grid: SheetGrid): Record<ColumnKey, number> {
  const marker = grid.values.find((cells) => cells.some((cell) => cell === 'xpm:id'));
  if (!marker) throw new Error('no marker row');
  const columns = {} as Record<ColumnKey, number>;
  for (const key of Object.keys(COLUMN_INDEX) as ColumnKey[]) columns[key] = marker.indexOf(`xpm:${key}`);
  return columns;
}

/** The A1 address of a grid cell. */
export function addressOf(grid: SheetGrid, row: number, column: number): string {
  return cellAddress(grid.firstRow + row, grid.firstColumn + column);
}

/** What a clerk writes into the footer (填表人 and 联系电话 are the ones `check` asks for). */
export const SIGNED: TemplateFooter = { reporter: '张三', phone: '0877-7012345' };

/** Writes the footer's fields (by the model's positions), as a clerk signs the sheet. */
export function signFooter(grid: EditableGrid, model: TemplateModel, footer: TemplateFooter = SIGNED): void {
  const first = model.rows.findIndex((row) => row.kind === 'footer');
  for (const [name, field] of Object.entries(FOOTER_FIELDS) as [keyof typeof FOOTER_FIELDS, (typeof FOOTER_FIELDS)[keyof typeof FOOTER_FIELDS]][]) {
    const value = footer[name];
    if (value !== undefined) (grid.values[first + field.row] as RawCell[])[COLUMN_INDEX[field.input]] = value;
  }
}

/**
 * Types the inputs into their rows (by the model's row positions: fill first, then edit the layout) — a
 * qualitative indicator's text into 进展情况 — and signs the footer (填表人, 联系电话) unless told not to.
 */
export function fill(grid: EditableGrid, model: TemplateModel, catalog: Catalog, inputs: readonly RowInput[], options: { sign?: boolean } = {}): void {
  if (options.sign !== false) signFooter(grid, model);
  for (const input of inputs) {
    const info = model.dataRows.find((candidate) => candidate.indicatorId === input.indicatorId && candidate.unitId === input.unitId);
    if (!info) throw new Error(`${input.indicatorId} ${input.unitId ?? ''} is not in the template`);
    const cells = grid.values[info.row] as RawCell[];
    const put = (key: ColumnKey, value: RawCell | undefined) => {
      if (value !== undefined) cells[COLUMN_INDEX[key]] = value;
    };
    const text = catalog.indicators.get(input.indicatorId)?.unit === '文字';
    put(text ? 'progress' : 'value', input.value);
    put('note', input.note);
    put('previous', input.previous);
    put('baseline', input.baseline);
    put('other', input.other);
    put('dataSource', input.dataSource);
    if (input.valueFormat) (grid.numberFormats[info.row] as string[])[COLUMN_INDEX.value] = input.valueFormat;
    if (input.valueText !== undefined) {
      grid.texts ??= grid.values.map((row) => row.map(() => ''));
      (grid.texts[info.row] as string[])[COLUMN_INDEX.value] = input.valueText;
    }
    if (!catalog.indicators.has(input.indicatorId)) throw new Error(`${input.indicatorId} is not in the catalog`);
  }
}

/**
 * The engine input a person meant: every line of the template, with what was typed where the template offers
 * an input (a previous value typed into a grey cell is not part of the report).
 */
export function intendedEntries(model: TemplateModel, catalog: Catalog, inputs: readonly RowInput[], raw: (input: RowInput) => RawCell = (input) => input.value ?? null): EntryInput[] {
  return model.dataRows.map((info) => {
    const input = inputs.find((candidate) => candidate.indicatorId === info.indicatorId && candidate.unitId === info.unitId);
    const offered = lineInputs(catalog.indicators.get(info.indicatorId) as Indicator);
    const entry: { -readonly [K in keyof EntryInput]: EntryInput[K] } = { indicatorId: info.indicatorId, value: input ? raw(input) : null };
    if (info.unitId !== undefined) entry.unitId = info.unitId;
    if (input?.note) entry.note = input.note;
    if (input?.previous !== undefined && offered.previous) entry.previous = input.previous;
    if (input?.baseline !== undefined && offered.baseline) entry.baseline = input.baseline;
    if (input?.other !== undefined && offered.other) entry.other = input.other;
    return entry;
  });
}

/** Inserts an empty row before grid row `at` (what Excel's "insert row" does to the used range). */
export function insertRow(grid: EditableGrid, at: number): void {
  const width = (grid.values[0] ?? []).length;
  grid.values.splice(at, 0, new Array(width).fill(null));
  grid.numberFormats.splice(at, 0, new Array(width).fill('General'));
  grid.texts?.splice(at, 0, new Array(width).fill(''));
}

/** Inserts an empty column before grid column `at`. */
export function insertColumn(grid: EditableGrid, at: number): void {
  for (const row of grid.values) row.splice(at, 0, null);
  for (const row of grid.numberFormats) row.splice(at, 0, 'General');
  for (const row of grid.texts ?? []) row.splice(at, 0, '');
}

/** Reorders rows first..last (inclusive) by a comparator over their cells, keeping formats with their rows. */
export function sortRows(grid: EditableGrid, first: number, last: number, compare: (a: readonly RawCell[], b: readonly RawCell[]) => number): void {
  const block = grid.values.slice(first, last + 1).map((values, index) => ({
    values,
    formats: grid.numberFormats[first + index] as string[],
    texts: grid.texts?.[first + index],
  }));
  block.sort((a, b) => compare(a.values, b.values));
  block.forEach((row, index) => {
    grid.values[first + index] = row.values;
    grid.numberFormats[first + index] = row.formats;
    if (grid.texts && row.texts) grid.texts[first + index] = row.texts;
  });
}

/** Status and severity per indicator/unit, for comparing two engine verdicts. */
export function verdicts(results: readonly { indicatorId: string; unitId?: string; status: string; severity: string }[]): Record<string, string> {
  return Object.fromEntries(results.map((result) => [`${result.indicatorId}${result.unitId ? `/${result.unitId}` : ''}`, `${result.status}/${result.severity}`]));
}
