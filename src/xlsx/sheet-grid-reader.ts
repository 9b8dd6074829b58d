import type { SheetGrid } from '../core/template/read-template';
import { decodeMetadata, isMetadataCell, MARKER_PREFIX } from '../core/template/template-metadata';
import { decodeXString, isDateFormat, serialDate, shownDate } from './number-formats';
import type { XlsxLimits } from './xlsx-limits';
import { cellOutOfRange, damaged, otherOrganisation, refuse, tooManyMergeRanges } from './xlsx-refusals';
import type { XmlHandler } from './xml-events';

/**
 * Reads one worksheet's XML, as it streams, into a grid whose size the reader decides, never the file:
 * rows and columns come from each cell's `r`, a cell with a value outside `maxRows` × `maxColumns` stops
 * the read with a refusal naming it, and cells with only a style (Excel writes those anywhere a format was
 * applied) are ignored wherever they are.
 *
 * It also knows what the core's `readTemplate` will look at, and keeps only that: the hidden marker row
 * (`xpm:meta {…}` and `xpm:<column>` cells) within the first 60 rows, every column up to and including it,
 * and after it only the columns the marker row names. A sheet without a marker row in its first 60 rows is
 * not a template: its reading stops there, and those rows are enough for the core to say why.
 */

/** The rows the core's `readTemplate` scans for the marker row (its SCAN_ROWS). */
export const MARKER_SCAN_ROWS = 60;

/** What a worksheet is read with: the workbook's shared strings and cell formats, and the limits. */
export interface SheetContext {
  readonly name: string;
  readonly limits: XlsxLimits;
  readonly sharedStrings: readonly string[];
  /** The number format of each cell style, by the style index a cell names in `s`. */
  readonly cellFormats: readonly string[];
  readonly date1904: boolean;
  /** The organisation uploading: another organisation's template is refused as soon as its metadata is read. */
  readonly expectedOrganisationId?: string;
}

/** A cell value as the grid holds it (what `RawCell` can be once dates are shown as text). */
type GridValue = string | number | boolean;

interface StoredCell {
  readonly value: GridValue;
  readonly format: string;
}

/** The `<c>` being read. */
interface OpenCell {
  readonly row: number;
  readonly column: number;
  readonly type: string;
  readonly style: number | undefined;
  hasFormula: boolean;
  /** Text of `<v>`; undefined without one. */
  value: string[] | undefined;
  /** Texts of the `<t>` elements of an inline string (`<is>`). */
  inline: string[] | undefined;
}

/** A merged range, 0-based, corners inclusive. */
interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * The worksheet children that may come between `sheetData` and `mergeCells` (ECMA-376's order); any other
 * comes after the merged ranges, so reading stops there (conditional formats, data validation, page setup
 * … are most of a template's XML and none of its data).
 */
const BEFORE_MERGE_CELLS = new Set(['sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews']);

/**
 * The 0-based row and column of an A1 reference ("XFD1048576", "$B$7"); undefined when it is not one.
 * Read by character codes: it runs for every cell of a sheet, a regular expression was the reader's hot spot.
 */
export function parseCellReference(reference: string): { row: number; column: number } | undefined {
  const length = reference.length;
  let index = reference.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  const lettersFrom = index;
  for (; index < length; index += 1) {
    let code = reference.charCodeAt(index);
    if (code >= 97 && code <= 122) code -= 32; // a-z
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  const letters = index - lettersFrom;
  if (letters === 0 || letters > 3) return undefined;
  if (reference.charCodeAt(index) === 36) index += 1;
  const digitsFrom = index;
  let row = 0;
  for (; index < length; index += 1) {
    const code = reference.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
    row = row * 10 + (code - 48);
  }
  const digits = index - digitsFrom;
  if (digits === 0 || digits > 9 || row < 1) return undefined;
  return { row: row - 1, column: column - 1 };
}

/** "A1:C2" (or "B5", a one-cell range) as corners. */
function parseRange(reference: string): Range | undefined {
  const [first = '', last = first] = reference.split(':');
  const from = parseCellReference(first);
  const to = parseCellReference(last);
  if (!from || !to) return undefined;
  return { top: Math.min(from.row, to.row), left: Math.min(from.column, to.column), bottom: Math.max(from.row, to.row), right: Math.max(from.column, to.column) };
}

export class SheetGridReader implements XmlHandler {
  finished = false;
  private readonly cells: (Map<number, StoredCell> | undefined)[] = [];
  private readonly merges: Range[] = [];
  private mergeCount = 0;
  private depth = 0;
  private inSheetData = false;
  private sheetDataDone = false;
  private row = -1;
  private nextColumn = 0;
  private cell: OpenCell | undefined;
  private collecting: string[] | undefined;
  private phonetic = 0;
  private markerRow = -1;
  private markerColumns = new Set<number>();

  constructor(private readonly context: SheetContext) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    this.depth += 1;
    if (this.depth === 2 && this.sheetDataDone && name !== 'mergeCells' && !BEFORE_MERGE_CELLS.has(name)) {
      this.finished = true;
      return;
    }
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'row':
        if (this.inSheetData) this.openRow(attributes.r);
        return;
      case 'c':
        if (this.inSheetData) this.openCell(attributes);
        return;
      case 'v':
        if (this.cell) this.collecting = this.cell.value = [];
        return;
      case 'f':
        if (this.cell) this.cell.hasFormula = true;
        return;
      case 'is':
        if (this.cell) this.cell.inline = [];
        return;
      case 'rPh':
        this.phonetic += 1;
        return;
      case 't':
        if (this.cell?.inline && this.phonetic === 0) this.collecting = [];
        return;
      case 'mergeCell':
        this.addMerge(attributes.ref ?? '');
        return;
    }
  }

  close(name: string): void {
    this.depth -= 1;
    switch (name) {
      case 'v':
        this.collecting = undefined;
        return;
      case 't':
        if (this.cell?.inline && this.collecting) this.cell.inline.push(decodeXString(this.collecting.join('')));
        this.collecting = undefined;
        return;
      case 'rPh':
        this.phonetic -= 1;
        return;
      case 'c':
        this.closeCell();
        return;
      case 'row':
        if (this.inSheetData) this.closeRow();
        return;
      case 'sheetData':
        this.inSheetData = false;
        this.sheetDataDone = true;
        // without a marker row the merged ranges change nothing the core looks at
        if (this.markerRow < 0) this.finished = true;
        return;
      case 'mergeCells':
        this.finished = true;
        return;
    }
  }

  text(text: string): void {
    this.collecting?.push(text);
  }

  private openRow(reference: string | undefined): void {
    const row = reference === undefined ? this.row + 1 : Number(reference) - 1;
    if (!Number.isInteger(row) || row < 0) refuse(damaged(`${this.context.name}: row number "${reference}"`));
    this.row = row;
    this.nextColumn = 0;
    this.stopIfNoMarker();
  }

  /** A sheet that has no marker row in the rows the core scans is not a template: read no further. */
  private stopIfNoMarker(): void {
    if (this.markerRow < 0 && this.row >= MARKER_SCAN_ROWS) this.finished = true;
  }

  private openCell(attributes: Readonly<Record<string, string>>): void {
    let row = this.row;
    let column = this.nextColumn;
    if (attributes.r !== undefined) {
      const position = parseCellReference(attributes.r);
      if (!position) refuse(damaged(`${this.context.name}: cell reference "${attributes.r}"`));
      ({ row, column } = position);
      if (row !== this.row) {
        this.row = row;
        this.stopIfNoMarker();
        if (this.finished) return;
      }
    }
    this.nextColumn = column + 1;
    this.cell = { row: Math.max(row, 0), column, type: attributes.t ?? 'n', style: attributes.s === undefined ? undefined : Number(attributes.s), hasFormula: false, value: undefined, inline: undefined };
  }

  private closeCell(): void {
    const cell = this.cell;
    this.cell = undefined;
    this.collecting = undefined;
    if (!cell) return;
    const format = (cell.style === undefined ? undefined : this.context.cellFormats[cell.style]) ?? 'General';
    const value = this.valueOf(cell, format);
    // a cell with only a style holds nothing, wherever it is
    if (value === undefined) return;
    const { limits } = this.context;
    if (cell.row >= limits.maxRows || cell.column >= limits.maxColumns) refuse(cellOutOfRange(this.context.name, cell.row, cell.column, limits));
    if (!this.keeps(cell.row, cell.column)) return;
    let row = this.cells[cell.row];
    if (!row) this.cells[cell.row] = row = new Map();
    row.set(cell.column, { value, format });
  }

  /** Up to the marker row every column; after it only the columns the marker row names. */
  private keeps(row: number, column: number): boolean {
    return this.markerRow < 0 || row <= this.markerRow || this.markerColumns.has(column);
  }

  /**
   * A cell's value as ExcelJS gave it: the cached result of a formula, the shared or inline string,
   * true/false, the error text ("#DIV/0!"), a number — or, for a number in a date or time format, the text
   * a person saw. Undefined for a cell without a value.
   */
  private valueOf(cell: OpenCell, format: string): GridValue | undefined {
    const text = cell.value?.join('');
    if (cell.type === 'inlineStr' && !cell.hasFormula) {
      const inline = cell.inline?.join('') ?? '';
      return inline === '' ? undefined : inline;
    }
    // an empty <v/> is no value (a formula not yet calculated)
    if (text === undefined || text === '') return undefined;
    switch (cell.type) {
      case 's':
        return cell.hasFormula ? this.number(text, format) : this.sharedString(text);
      case 'str':
        return decodeXString(text);
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return text;
      case 'd':
        return isoDate(text, format);
      default:
        return this.number(text, format);
    }
  }

  private sharedString(text: string): string {
    const index = Number(text);
    const value = Number.isInteger(index) ? this.context.sharedStrings[index] : undefined;
    if (value === undefined) refuse(damaged(`${this.context.name}: shared string ${text} does not exist`));
    return value;
  }

  private number(text: string, format: string): GridValue {
    const value = parseFloat(text);
    if (!Number.isFinite(value)) return text;
    return isDateFormat(format) ? shownDate(serialDate(value, this.context.date1904), format) : value;
  }

  /** The end of a row: within the first 60, is it the marker row? */
  private closeRow(): void {
    if (this.markerRow >= 0 || this.row < 0 || this.row >= MARKER_SCAN_ROWS) return;
    const cells = this.cells[this.row];
    if (!cells) return;
    const columns = [...cells.keys()].sort((a, b) => a - b);
    const text = (column: number) => {
      const value = cells.get(column)?.value;
      return typeof value === 'string' ? value : '';
    };
    // the leftmost metadata cell, as the core finds it
    const metaColumn = columns.find((column) => isMetadataCell(text(column)));
    if (metaColumn === undefined) return;
    this.markerRow = this.row;
    this.markerColumns = new Set(columns.filter((column) => text(column).startsWith(MARKER_PREFIX)));
    const expected = this.context.expectedOrganisationId;
    if (expected === undefined) return;
    const decoded = decodeMetadata(text(metaColumn));
    // a damaged metadata cell is the core's to explain; the all-indicator template has no organisation
    if (decoded.ok && decoded.meta.organisationId !== undefined && decoded.meta.organisationId !== expected) {
      refuse(otherOrganisation(this.context.name, decoded.meta.organisationId, expected));
    }
  }

  private addMerge(reference: string): void {
    this.mergeCount += 1;
    if (this.mergeCount > this.context.limits.maxMergeRanges) refuse(tooManyMergeRanges(this.context.name, this.context.limits));
    const range = parseRange(reference);
    if (range) this.merges.push(range);
  }

  /** The grid read: as tall and wide as the cells kept, merged ranges holding their value in the top-left cell only. */
  grid(): SheetGrid {
    let height = 0;
    let width = 0;
    this.cells.forEach((row, index) => {
      if (!row || row.size === 0) return;
      height = index + 1;
      for (const column of row.keys()) width = Math.max(width, column + 1);
    });
    const values: (GridValue | null)[][] = [];
    const numberFormats: string[][] = [];
    for (let row = 0; row < height; row += 1) {
      const rowValues: (GridValue | null)[] = new Array<GridValue | null>(width).fill(null);
      const rowFormats: string[] = new Array<string>(width).fill('General');
      for (const [column, cell] of this.cells[row] ?? []) {
        if (!this.keeps(row, column)) continue;
        rowValues[column] = cell.value;
        rowFormats[column] = cell.format;
      }
      values.push(rowValues);
      numberFormats.push(rowFormats);
    }
    clearMergedCells(values, numberFormats, this.merges, height, width);
    return { name: this.context.name, firstRow: 0, firstColumn: 0, values, numberFormats };
  }
}

/**
 * Empties every cell of a merged range but its top-left one (which holds the range's value), within the
 * grid only: a range as large as the sheet costs no more than the grid (a 2-D difference array counts the
 * ranges covering each cell in one pass).
 */
function clearMergedCells(values: (GridValue | null)[][], formats: string[][], merges: readonly Range[], height: number, width: number): void {
  if (merges.length === 0 || height === 0 || width === 0) return;
  const stride = width + 1;
  const cover = new Int32Array((height + 1) * stride);
  const topLeft = new Set<number>();
  for (const range of merges) {
    if (range.top >= height || range.left >= width) continue;
    const bottom = Math.min(range.bottom, height - 1);
    const right = Math.min(range.right, width - 1);
    const add = (row: number, column: number, delta: number) => {
      cover[row * stride + column] = (cover[row * stride + column] ?? 0) + delta;
    };
    topLeft.add(range.top * stride + range.left);
    add(range.top, range.left, 1);
    add(range.top, right + 1, -1);
    add(bottom + 1, range.left, -1);
    add(bottom + 1, right + 1, 1);
  }
  for (let row = 0; row < height; row += 1) {
    for (let column = 0; column < width; column += 1) {
      const at = row * stride + column;
      const sum = (cover[at] ?? 0) + (row > 0 ? (cover[at - stride] ?? 0) : 0) + (column > 0 ? (cover[at - 1] ?? 0) : 0) - (row > 0 && column > 0 ? (cover[at - stride - 1] ?? 0) : 0);
      cover[at] = sum;
      if (sum > 0 && !topLeft.has(at)) {
        (values[row] as (GridValue | null)[])[column] = null;
        (formats[row] as string[])[column] = 'General';
      }
    }
  }
}

/** An ISO 8601 date cell (`t="d"`), shown as a person saw it; without a time zone it is UTC, as serials are. */
function isoDate(text: string, format: string): string {
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? text : shownDate(date, format);
}
