import { MAX_COLUMN, cellName, contains, parseRange, shiftRect, type Rect } from './addresses';

/** What a cell holds: text, a number, a logical, or nothing (''). */
export type CellScalar = string | number | boolean;

export interface Border {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders: Record<string, Border>;
  /** Cells are locked unless unlocked; it matters only on a protected sheet. */
  locked: boolean;
}

/** A note (ExcelApi 1.18) or a threaded comment (1.10) on a cell; its identity is the object. */
export interface FakeNote {
  content: string;
}

export interface FakeCell {
  value: CellScalar;
  formula?: string;
  numberFormat: string;
  format: CellFormat;
  note?: FakeNote;
  comment?: FakeNote;
}

export interface RecordedConditionalFormat {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface RecordedValidation {
  rect: Rect;
  rule?: Record<string, unknown>;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

const COLUMNS = MAX_COLUMN + 1;
const key = (row: number, column: number) => row * COLUMNS + column;
const position = (k: number) => ({ row: Math.floor(k / COLUMNS), column: k % COLUMNS });

export function emptyCell(): FakeCell {
  return { value: '', numberFormat: 'General', format: { borders: {}, locked: true } };
}

function cloneCell(cell: FakeCell): FakeCell {
  return {
    ...cell,
    format: { ...cell.format, borders: Object.fromEntries(Object.entries(cell.format.borders).map(([k, b]) => [k, { ...b }])) },
    ...(cell.note ? { note: { ...cell.note } } : {}),
    ...(cell.comment ? { comment: { ...cell.comment } } : {}),
  };
}

/**
 * What a person typing into a cell gets (and what Office.js `values`/`formulas` writes get): numbers,
 * percentages and times are converted unless the cell is formatted as text ("@"); "=…" is a formula.
 */
export function typedInput(input: CellScalar, numberFormat: string): { value: CellScalar; formula?: string; numberFormat?: string } {
  if (typeof input !== 'string') return { value: input };
  if (numberFormat === '@') return { value: input };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const text = input.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return { value: Number(text) };
  const percent = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/.exec(text);
  if (percent) return { value: Number(percent[1]) / 100, ...(numberFormat === 'General' ? { numberFormat: '0%' } : {}) };
  const time = /^(\d{1,2}):(\d{1,2})$/.exec(text);
  if (time) return { value: Number(time[1]) / 24 + Number(time[2]) / 1440, ...(numberFormat === 'General' ? { numberFormat: 'h:mm' } : {}) };
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE' };
  return { value: input };
}

/** The text Excel shows for a cell (enough of Excel's formatting for the template's cells). */
export function displayText(cell: FakeCell | undefined): string {
  if (!cell) return '';
  const { value, numberFormat } = cell;
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (numberFormat.includes('%')) {
    const decimals = /\.(0+)/.exec(numberFormat)?.[1]?.length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  if (/h+:mm/.test(numberFormat)) {
    const minutes = Math.round(value * 1440);
    return `${Math.floor(minutes / 60) % 24}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return String(Number(value.toPrecision(11)));
}

/** One worksheet's state. Tests read it directly; the `person*` helpers simulate someone editing. */
export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  columnWidths = new Map<number, number>();
  conditionalFormats: RecordedConditionalFormat[] = [];
  validations: RecordedValidation[] = [];
  protection: { protected: boolean; options: Record<string, boolean>; password?: string } = { protected: false, options: {} };
  /** The AutoFilter's range, when the sheet has one (its dropdowns filter rows; on a protected sheet only with allowAutoFilter). */
  autoFilter?: Rect;
  freeze = { rows: 0, columns: 0 };
  pageLayout: { orientation?: string; paperSize?: string; zoom?: Record<string, unknown>; printArea?: string; printTitleRows?: string; centerFooter?: string } = {};
  readonly customProperties = new Map<string, string>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cellAt(row: number, column: number): FakeCell | undefined {
    return this.cells.get(key(row, column));
  }

  /** The cell, created (empty) when absent. */
  ensure(row: number, column: number): FakeCell {
    const k = key(row, column);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** The cell at an A1 address ("K7"). */
  at(address: string): FakeCell | undefined {
    const { rect } = parseRange(address);
    return this.cellAt(rect.r0, rect.c0);
  }

  value(address: string): CellScalar {
    return this.at(address)?.value ?? '';
  }

  text(address: string): string {
    return displayText(this.at(address));
  }

  /** Every cell with a note or comment, by address. */
  notes(kind: 'note' | 'comment' = 'note'): Map<string, string> {
    const found = new Map<string, string>();
    for (const [k, cell] of [...this.cells].sort((a, b) => a[0] - b[0])) {
      const note = kind === 'note' ? cell.note : cell.comment;
      if (note) found.set(cellName(position(k).row, position(k).column), note.content);
    }
    return found;
  }

  /** Where a note object is now (notes move with inserted rows and sorting). */
  locate(note: FakeNote): { row: number; column: number } | undefined {
    for (const [k, cell] of this.cells) if (cell.note === note || cell.comment === note) return position(k);
    return undefined;
  }

  isUsed(cell: FakeCell): boolean {
    const f = cell.format;
    return (
      cell.value !== '' || cell.formula !== undefined || cell.numberFormat !== 'General' || cell.note !== undefined || cell.comment !== undefined ||
      f.fill !== undefined || f.fontColor !== undefined || f.bold !== undefined || f.fontSize !== undefined || f.horizontalAlignment !== undefined ||
      f.verticalAlignment !== undefined || f.wrapText !== undefined || Object.keys(f.borders).length > 0 || !f.locked
    );
  }

  /** The smallest rectangle holding every cell with a value or formatting (Excel's used range); undefined when blank. */
  usedRect(): Rect | undefined {
    let rect: { r0: number; c0: number; r1: number; c1: number } | undefined;
    for (const [k, cell] of this.cells) {
      if (!this.isUsed(cell)) continue;
      const { row, column } = position(k);
      if (!rect) rect = { r0: row, c0: column, r1: row, c1: column };
      else {
        rect.r0 = Math.min(rect.r0, row);
        rect.r1 = Math.max(rect.r1, row);
        rect.c0 = Math.min(rect.c0, column);
        rect.c1 = Math.max(rect.c1, column);
      }
    }
    return rect;
  }

  /** The data validation covering a cell, if any. */
  validationAt(address: string): RecordedValidation | undefined {
    const { rect } = parseRange(address);
    return this.validations.find((rule) => contains(rule.rect, rect.r0, rect.c0));
  }

  // ---- a person editing the sheet (typing bypasses protection: people type into the unlocked cells) ----

  /**
   * Review › Protect Sheet, with the options Excel's dialog offers and optionally a password (what a person
   * does after the add-in inserted a template: the add-in's protection has none).
   */
  personProtects(options: Record<string, boolean> = {}, password?: string): void {
    if (this.protection.protected) throw new Error(`${this.name} is protected already`);
    this.protection = { protected: true, options: { ...options }, ...(password === undefined ? {} : { password }) };
  }

  /** Review › Unprotect Sheet: a password-protected sheet needs its password. */
  personUnprotects(password?: string): void {
    if (this.protection.password !== undefined && this.protection.password !== password) throw new Error('The password you supplied is not correct.');
    this.protection = { protected: false, options: {} };
  }

  /**
   * Excel refuses sorting or filtering a protected sheet wherever the range holds a locked cell, whatever
   * allowSort and allowAutoFilter say: "Sorting can only be performed on unlocked or unprotected cells in a
   * protected worksheet" (Protection.AllowSorting); AutoFilter's dropdowns work on a protected sheet only where
   * an AutoFilter was applied before protecting and allowAutoFilter is on.
   */
  private guardPersonSort(rect: Rect, what: string): void {
    if (!this.protection.protected) return;
    if (this.protection.options.allowSort !== true || this.anyLocked(rect)) {
      throw new Error(`${what}: the cell or chart you're trying to change is on a protected sheet (${this.name}); sorting a protected sheet needs every cell of the range unlocked`);
    }
  }

  /** Types into a cell as a person would: "95.2" becomes a number, "93%" 0.93 with a percent format, "=…" a formula. */
  personTypes(address: string, input: CellScalar, formulaResult: CellScalar = ''): void {
    const { rect } = parseRange(address);
    const cell = this.ensure(rect.r0, rect.c0);
    const typed = typedInput(input, cell.numberFormat);
    cell.value = typed.formula ? formulaResult : typed.value;
    if (typed.formula) cell.formula = typed.formula;
    else delete cell.formula;
    if (typed.numberFormat) cell.numberFormat = typed.numberFormat;
  }

  /** Pastes text (Paste Special → Text from another program): stays text, however numeric it looks. */
  personPastesText(address: string, rows: readonly (readonly string[])[]): void {
    const { rect } = parseRange(address);
    rows.forEach((line, i) =>
      line.forEach((text, j) => {
        const cell = this.ensure(rect.r0 + i, rect.c0 + j);
        cell.value = text;
        delete cell.formula;
      }),
    );
  }

  /**
   * Adds a note (people's own, not the add-in's) — or a threaded comment. A cell holds one or the other, never
   * both (Excel offers New Note only where there is no comment, and the reverse).
   */
  personAddsNote(address: string, content: string, kind: 'note' | 'comment' = 'note'): void {
    const { rect } = parseRange(address);
    const cell = this.ensure(rect.r0, rect.c0);
    if (cell.note || cell.comment) throw new Error(`${address} already has a ${cell.note ? 'note' : 'comment'}`);
    if (kind === 'note') cell.note = { content };
    else cell.comment = { content };
  }

  /** Inserts `count` empty rows so that they become 1-based row `before`; they take the formats of the row above. */
  personInsertsRows(before: number, count = 1): void {
    if (this.protection.protected && this.protection.options.allowInsertRows !== true) throw new Error(`Insert rows: ${this.name} is protected`);
    this.insertRows(before, count);
  }

  /** Rows inserted (by a person, or by Range.insert after its own protection check). */
  insertRows(before: number, count = 1): void {
    const at = before - 1;
    this.shift('row', at, count);
    if (at > 0) {
      for (const [k, cell] of [...this.cells]) {
        const { row, column } = position(k);
        if (row !== at - 1) continue;
        for (let i = 0; i < count; i += 1) this.cells.set(key(at + i, column), { ...emptyCell(), numberFormat: cell.numberFormat, format: cloneCell(cell).format });
      }
    }
  }

  /** Inserts `count` empty columns before 0-based column `before`; they take the formats of the column to the left. */
  personInsertsColumns(before: number, count = 1): void {
    if (this.protection.protected && this.protection.options.allowInsertColumns !== true) throw new Error(`Insert columns: ${this.name} is protected`);
    this.insertColumns(before, count);
  }

  /** Columns inserted (by a person, or by Range.insert after its own protection check). */
  insertColumns(before: number, count = 1): void {
    this.shift('column', before, count);
    if (before > 0) {
      for (const [k, cell] of [...this.cells]) {
        const { row, column } = position(k);
        if (column !== before - 1) continue;
        for (let i = 0; i < count; i += 1) this.cells.set(key(row, before + i), { ...emptyCell(), numberFormat: cell.numberFormat, format: cloneCell(cell).format });
      }
    }
  }

  /**
   * Sorts 1-based rows first..last (whole rows: values, formulas, formats and notes move; formulas are not
   * rewritten). Refused on a protected sheet whose rows hold locked cells, as Excel refuses it.
   */
  personSortsRows(first: number, last: number, compare: (a: (column: number) => CellScalar, b: (column: number) => CellScalar) => number): void {
    this.guardPersonSort({ r0: first - 1, c0: 0, r1: last - 1, c1: Math.max(0, (this.usedRect()?.c1 ?? 0)) }, 'Sort');
    const rows = new Map<number, Map<number, FakeCell>>();
    for (let row = first - 1; row <= last - 1; row += 1) rows.set(row, new Map());
    for (const [k, cell] of this.cells) {
      const { row, column } = position(k);
      rows.get(row)?.set(column, cell);
    }
    const order = [...rows.keys()].sort((a, b) =>
      compare((column) => rows.get(a)?.get(column)?.value ?? '', (column) => rows.get(b)?.get(column)?.value ?? ''),
    );
    for (const row of rows.keys()) for (const column of rows.get(row)?.keys() ?? []) this.cells.delete(key(row, column));
    order.forEach((from, index) => {
      for (const [column, cell] of rows.get(from) ?? []) this.cells.set(key(first - 1 + index, column), cell);
    });
  }

  /** Data › Filter over a range (its first row the header): refused on a protected sheet, as Excel greys it out. */
  personAppliesAutoFilter(address: string): void {
    if (this.protection.protected) throw new Error(`Filter: ${this.name} is protected; an AutoFilter cannot be added to a protected sheet`);
    this.autoFilter = parseRange(address).rect;
  }

  /**
   * Picks values in a column's AutoFilter dropdown: the other rows below the header are hidden. Needs an
   * AutoFilter; on a protected sheet also allowAutoFilter.
   */
  personFilters(column: number, keep: (value: CellScalar) => boolean): void {
    const filter = this.autoFilter;
    if (!filter) throw new Error(`Filter: ${this.name} has no AutoFilter`);
    if (this.protection.protected && this.protection.options.allowAutoFilter !== true) throw new Error(`Filter: ${this.name} is protected without allowAutoFilter`);
    for (let row = filter.r0 + 1; row <= filter.r1; row += 1) {
      if (keep(this.cellAt(row, column)?.value ?? '')) this.hiddenRows.delete(row);
      else this.hiddenRows.add(row);
    }
  }

  /** A deep copy under another name (Excel's Move or Copy → Create a copy). */
  copyAs(id: string, name: string): FakeSheet {
    const copy = new FakeSheet(id, name);
    for (const [k, cell] of this.cells) copy.cells.set(k, cloneCell(cell));
    copy.merges = [...this.merges];
    copy.hiddenRows = new Set(this.hiddenRows);
    copy.hiddenColumns = new Set(this.hiddenColumns);
    copy.rowHeights = new Map(this.rowHeights);
    copy.columnWidths = new Map(this.columnWidths);
    copy.conditionalFormats = this.conditionalFormats.map((rule) => ({ ...rule }));
    copy.validations = this.validations.map((rule) => ({ ...rule }));
    copy.protection = { ...this.protection, options: { ...this.protection.options } };
    if (this.autoFilter) copy.autoFilter = { ...this.autoFilter };
    copy.freeze = { ...this.freeze };
    copy.pageLayout = { ...this.pageLayout };
    for (const [k, v] of this.customProperties) copy.customProperties.set(k, v);
    return copy;
  }

  private shift(axis: 'row' | 'column', at: number, count: number): void {
    const moved = [...this.cells].map(([k, cell]) => {
      const { row, column } = position(k);
      if (axis === 'row') return [key(row >= at ? row + count : row, column), cell] as const;
      return [key(row, column >= at ? column + count : column), cell] as const;
    });
    this.cells.clear();
    for (const [k, cell] of moved) this.cells.set(k, cell);
    this.merges = this.merges.map((rect) => shiftRect(rect, axis, at, count));
    if (this.autoFilter) this.autoFilter = shiftRect(this.autoFilter, axis, at, count);
    for (const rule of this.conditionalFormats) rule.rect = shiftRect(rule.rect, axis, at, count);
    for (const rule of this.validations) rule.rect = shiftRect(rule.rect, axis, at, count);
    if (axis === 'row') {
      this.hiddenRows = new Set([...this.hiddenRows].map((row) => (row >= at ? row + count : row)));
      this.rowHeights = new Map([...this.rowHeights].map(([row, h]) => [row >= at ? row + count : row, h]));
    } else {
      this.hiddenColumns = new Set([...this.hiddenColumns].map((column) => (column >= at ? column + count : column)));
      this.columnWidths = new Map([...this.columnWidths].map(([column, w]) => [column >= at ? column + count : column, w]));
    }
  }

  /** Whether any cell of the rectangle is locked (for writes on a protected sheet). */
  anyLocked(rect: Rect): boolean {
    for (let row = rect.r0; row <= rect.r1; row += 1) {
      for (let column = rect.c0; column <= rect.c1; column += 1) if (this.cellAt(row, column)?.format.locked ?? true) return true;
    }
    return false;
  }

  inMerge(row: number, column: number): Rect | undefined {
    return this.merges.find((rect) => contains(rect, row, column));
  }
}

/** The workbook: its sheets in order, the active sheet and the selection. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeId: string;
  selection?: { sheetId: string; rect: Rect };
  private nextId = 1;

  constructor(sheetNames: readonly string[] = ['Sheet1']) {
    for (const name of sheetNames) this.sheets.push(new FakeSheet(this.newId(), name));
    this.activeId = (this.sheets[0] as FakeSheet).id;
  }

  newId(): string {
    return `{sheet-${this.nextId++}}`;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  /** The sheet of that name (case-insensitive); throws in tests when absent. */
  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet "${name}" (have ${this.sheets.map((s) => s.name).join(', ')})`);
    return sheet;
  }

  get active(): FakeSheet {
    return this.sheets.find((sheet) => sheet.id === this.activeId) as FakeSheet;
  }

  /** Checks a new sheet name as Excel does; throws an Office-style error. */
  assertName(name: string, except?: FakeSheet): void {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw Object.assign(new Error(`The sheet name "${name}" is invalid.`), { code: 'InvalidArgument' });
    }
    const clash = this.find(name);
    if (clash && clash !== except) throw Object.assign(new Error(`A sheet named "${name}" already exists.`), { code: 'ItemAlreadyExists' });
  }

  /** A person renames a sheet. */
  personRenames(from: string, to: string): void {
    const sheet = this.sheet(from);
    this.assertName(to, sheet);
    sheet.name = to;
  }

  /** A person copies a sheet (Excel names the copy "name (2)"). */
  personCopies(name: string, copyName?: string): FakeSheet {
    const source = this.sheet(name);
    let candidate = copyName;
    for (let n = 2; candidate === undefined || this.find(candidate); n += 1) candidate = `${source.name.slice(0, 26)} (${n})`;
    const copy = source.copyAs(this.newId(), candidate);
    this.sheets.splice(this.sheets.indexOf(source) + 1, 0, copy);
    return copy;
  }

  /** A person activates a sheet. */
  personActivates(name: string): void {
    this.activeId = this.sheet(name).id;
  }
}
