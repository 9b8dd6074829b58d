/**
 * A second WorkbookHost, in memory: sheets of plain arrays, every primitive done synchronously underneath
 * and only then handed back as a promise — as a COM-like host (WPS: `Application.ActiveSheet.Range("A1")
 * .Value2 = …`) would do it. It proves the seam: `createWorkbook` runs on it unchanged, with no Excel in
 * sight. Strict where a spreadsheet is: a protected sheet refuses formatting and locked cells, a cell holds
 * one note, a missing sheet is an error; change events fire during the write that causes them (as COM
 * events do), with `byThisAddin` only where the host is told to know it.
 */
import { columnLetter, parseCellAddress } from '../../src/core/template/cell-address';
import type { RawCell } from '../../src/core/parse/cell-value';
import { uniqueSheetName } from '../../src/core/template/sheet-name';
import { CELL_STYLES, type CellStyle, type TemplateModel } from '../../src/core/template/template-model';
import { WorkbookError } from '../../src/workbook/workbook-error';
import type { FlagPlan, FlaggingVisit, HostCapabilities, HostChange, LocatedNote, SheetSnapshot, WorkbookHost } from '../../src/workbook/workbook-host';
import type { CellWrite, InsertOptions, InsertedTemplate, StopWatching } from '../../src/workbook/workbook-port';
import { displayText, typedInput, type CellScalar } from './fake-excel/fake-workbook';

/** One cell: what it holds and how it looks. */
export interface MemoryCell {
  value: CellScalar;
  formula?: string;
  numberFormat: string;
  fill?: string;
  font?: string;
  /** Matters only on a protected sheet. */
  locked: boolean;
  note?: string;
}

/** One sheet: rows of cells (a hole is an empty cell). */
export class MemorySheet {
  readonly rows: (MemoryCell | undefined)[][] = [];
  sheetProtected = false;
  conditionalFormats = 0;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(address: string): MemoryCell | undefined {
    const { row, column } = parseCellAddress(address);
    return this.rows[row]?.[column];
  }

  /** The cell, created empty when absent. */
  ensure(row: number, column: number): MemoryCell {
    const line = (this.rows[row] ??= []);
    return (line[column] ??= { value: '', numberFormat: 'General', locked: true });
  }

  value(address: string): CellScalar {
    return this.cell(address)?.value ?? '';
  }

  /** Every note, by cell address, row by row. */
  notes(): Map<string, string> {
    const found = new Map<string, string>();
    this.rows.forEach((line, row) => line?.forEach((cell, column) => cell?.note !== undefined && found.set(`${columnLetter(column)}${row + 1}`, cell.note)));
    return found;
  }

  /** The cells of "K5" or "K5:K9", in rows then columns. */
  cellsOf(range: string): MemoryCell[] {
    const [first, last = first] = range.split(':') as [string, string?];
    const from = parseCellAddress(first);
    const to = parseCellAddress(last);
    const cells: MemoryCell[] = [];
    for (let row = from.row; row <= to.row; row += 1) for (let column = from.column; column <= to.column; column += 1) cells.push(this.ensure(row, column));
    return cells;
  }
}

/** What the memory host can do: everything, with notes, change events and their trigger, unless told otherwise. */
export const MEMORY_CAPABILITIES: HostCapabilities = {
  supportsSyncExecution: true,
  layout: true,
  conditionalFormats: true,
  freezePanes: true,
  dataValidation: true,
  pageLayout: true,
  customProperties: true,
  notes: 'notes',
  changeEvents: true,
  triggerSource: true,
};

export interface MemoryHostOptions {
  readonly capabilities?: Partial<HostCapabilities>;
  readonly sheets?: readonly string[];
}

/** The in-memory spreadsheet. Tests edit it as people would (`person*`) and read it directly. */
export class MemoryWorkbookHost implements WorkbookHost {
  readonly capabilities: HostCapabilities;
  readonly sheets: MemorySheet[] = [];
  activeId: string;
  selection?: { readonly sheetId: string; readonly address: string };
  /** Every primitive called, in order (a visit counts once). */
  readonly calls: string[] = [];
  private readonly listeners = new Set<(change: HostChange) => void>();
  private nextId = 1;

  constructor(options: MemoryHostOptions = {}) {
    this.capabilities = { ...MEMORY_CAPABILITIES, ...options.capabilities };
    for (const name of options.sheets ?? ['Sheet1']) this.sheets.push(new MemorySheet(this.newId(), name));
    this.activeId = (this.sheets[0] as MemorySheet).id;
  }

  // ---- the WorkbookHost primitives: synchronous work, answered as promises ----

  insertTemplate(model: TemplateModel, options: InsertOptions): Promise<InsertedTemplate> {
    return this.answer('insertTemplate', () => this.insertNow(model, options));
  }

  readSheet(sheetName?: string): Promise<SheetSnapshot> {
    return this.answer('readSheet', () => this.snapshot(this.target(sheetName)));
  }

  flagSheet<T>(sheetName: string | undefined, visit: (sheet: FlaggingVisit) => Promise<T>): Promise<T> {
    this.calls.push('flagSheet');
    let sheet: MemorySheet | undefined;
    const visited = () => {
      if (!sheet) throw new Error('FlaggingVisit: read() the sheet first');
      return sheet;
    };
    return visit({
      read: () => this.now(() => this.snapshot((sheet = this.target(sheetName)))),
      locateNotes: () => this.now(() => [...visited().notes()].map(([address, content]): LocatedNote => ({ address, content }))),
      draw: (plan) => this.now(() => {
        this.drawNow(visited(), plan);
        return {};
      }),
    });
  }

  selectCell(sheetName: string, address: string): Promise<void> {
    return this.answer('selectCell', () => {
      const sheet = this.named(sheetName);
      this.activeId = sheet.id;
      this.selection = { sheetId: sheet.id, address: address.toUpperCase() };
    });
  }

  sheetNames(): Promise<string[]> {
    return this.answer('sheetNames', () => this.sheets.map((sheet) => sheet.name));
  }

  writeCells(sheetName: string, cells: readonly CellWrite[]): Promise<void> {
    return this.answer('writeCells', () => this.writeNow(this.named(sheetName), cells));
  }

  watchChanges(listener: (change: HostChange) => void): Promise<StopWatching | null> {
    return this.answer('watchChanges', () => {
      if (!this.capabilities.changeEvents) return null;
      this.listeners.add(listener);
      return async () => void this.listeners.delete(listener);
    });
  }

  // ---- people ----

  /** A person types into a cell (of the active sheet by default): "85" becomes a number, as in a spreadsheet. */
  personTypes(address: string, input: CellScalar, sheetName?: string): void {
    const sheet = this.target(sheetName);
    const { row, column } = parseCellAddress(address);
    this.put(sheet.ensure(row, column), input);
    this.changed(sheet, address.toUpperCase(), 'person');
  }

  /** A person adds a note of their own. */
  personAddsNote(address: string, content: string, sheetName?: string): void {
    const { row, column } = parseCellAddress(address);
    this.target(sheetName).ensure(row, column).note = content;
  }

  sheet(name: string): MemorySheet {
    return this.named(name);
  }

  get active(): MemorySheet {
    return this.sheets.find((sheet) => sheet.id === this.activeId) as MemorySheet;
  }

  // ---- the synchronous work ----

  private insertNow(model: TemplateModel, options: InsertOptions): InsertedTemplate {
    const names = this.sheets.map((sheet) => sheet.name);
    const replaced = options.replaceSheet === undefined ? undefined : this.find(options.replaceSheet);
    const sheet = new MemorySheet(this.newId(), replaced?.name ?? uniqueSheetName(model.sheetName, names));
    this.render(sheet, model);
    if (replaced) this.sheets.splice(this.sheets.indexOf(replaced), 1, sheet);
    else this.sheets.push(sheet);
    this.activeId = sheet.id;
    this.changed(sheet, `A1:${columnLetter(model.columns.length)}${model.rows.length}`, 'addin');
    return { sheetName: sheet.name, ...(replaced ? { replaced: replaced.name } : {}) };
  }

  /** The model's values and formulas, number formats first (so "@" keeps text), fills, fonts, locks; protection. */
  private render(sheet: MemorySheet, model: TemplateModel): void {
    model.rows.forEach((row, r) =>
      row.cells.forEach((template, c) => {
        if (!template) return;
        const cell = sheet.ensure(r, c);
        const style: CellStyle = CELL_STYLES[template.style];
        cell.numberFormat = template.numberFormat ?? 'General';
        this.put(cell, template.formula ?? template.value ?? '');
        if (style.fill !== undefined) cell.fill = style.fill;
        if (style.fontColor !== undefined) cell.font = style.fontColor;
        cell.locked = !(this.capabilities.layout && style.unlocked);
      }),
    );
    if (this.capabilities.conditionalFormats) sheet.conditionalFormats = model.conditionalFormats.length;
    sheet.sheetProtected = this.capabilities.layout;
  }

  private snapshot(sheet: MemorySheet): SheetSnapshot {
    const width = Math.max(0, ...Array.from(sheet.rows, (line) => line?.length ?? 0));
    const rows = Array.from({ length: sheet.rows.length }, (_, row) => Array.from({ length: width }, (_, column) => sheet.rows[row]?.[column]));
    return {
      grid: {
        name: sheet.name,
        firstRow: 0,
        firstColumn: 0,
        values: rows.map((line) => line.map((cell): RawCell => cell?.value ?? '')),
        texts: rows.map((line) => line.map((cell) => (cell ? displayText({ value: cell.value, numberFormat: cell.numberFormat, format: { borders: {}, locked: cell.locked } }) : ''))),
        numberFormats: rows.map((line) => line.map((cell) => cell?.numberFormat ?? 'General')),
      },
      notes: [...sheet.notes().values()],
      sheetProtected: sheet.sheetProtected,
    };
  }

  /** A flag plan, all or nothing: refused on a protected sheet the plan does not unprotect. */
  private drawNow(sheet: MemorySheet, plan: FlagPlan): void {
    if (sheet.sheetProtected && !plan.unprotect) throw new WorkbookError(`工作表“${sheet.name}”受保护，不能设置格式`, `Sheet "${sheet.name}" is protected: formats cannot be set`, 'AccessDenied');
    const notes = sheet.notes();
    for (const address of plan.removeNotes) if (!notes.has(address)) throw new Error(`no note at ${address} to remove`);
    for (const { address } of plan.addNotes) if (notes.has(address) && !plan.removeNotes.includes(address)) throw new Error(`${address} has a note already`);
    if (this.capabilities.notes === null && plan.addNotes.length > 0) throw new Error('this host has no notes');
    for (const { address, colour } of plan.fills) for (const cell of sheet.cellsOf(address)) cell.fill = colour;
    for (const { address, colour } of plan.fonts) for (const cell of sheet.cellsOf(address)) cell.font = colour;
    for (const address of plan.removeNotes) delete sheet.cellsOf(address)[0]?.note;
    for (const { address, content } of plan.addNotes) (sheet.cellsOf(address)[0] as MemoryCell).note = content;
    for (const address of [...plan.removeNotes, ...plan.addNotes.map((note) => note.address)]) this.changed(sheet, address, 'addin');
  }

  /** Values as a person types them; a locked cell of a protected sheet refuses the whole write. */
  private writeNow(sheet: MemorySheet, cells: readonly CellWrite[]): void {
    const locked = cells.filter((cell) => sheet.sheetProtected && (sheet.cell(cell.address)?.locked ?? true));
    if (locked.length > 0) {
      const list = locked.map((cell) => cell.address).join('、');
      throw new WorkbookError(`工作表“${sheet.name}”受保护，${list} 是锁定的单元格`, `Sheet "${sheet.name}" is protected and ${list} is locked`, 'AccessDenied');
    }
    for (const { address, value } of cells) {
      const { row, column } = parseCellAddress(address);
      this.put(sheet.ensure(row, column), value ?? '');
      this.changed(sheet, address.toUpperCase(), 'addin');
    }
  }

  private put(cell: MemoryCell, input: CellScalar): void {
    const typed = typedInput(input, cell.numberFormat);
    cell.value = typed.value;
    if (typed.formula === undefined) delete cell.formula;
    else cell.formula = typed.formula;
    if (typed.numberFormat !== undefined) cell.numberFormat = typed.numberFormat;
  }

  /** Tells every listener, now (as a COM event fires inside the call that caused it). A listener's failure is its own. */
  private changed(sheet: MemorySheet, address: string, by: 'person' | 'addin'): void {
    const change: HostChange = {
      sheetId: sheet.id,
      sheetName: sheet.name,
      address,
      changeType: 'RangeEdited',
      source: 'local',
      byThisAddin: this.capabilities.triggerSource ? by === 'addin' : null,
    };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // the listener's own failure: the others still hear of it
      }
    }
  }

  // ---- sheets ----

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  private named(name: string): MemorySheet {
    const sheet = this.find(name);
    if (!sheet) throw new WorkbookError(`找不到名为“${name}”的工作表（可能已被重命名或删除）`, `There is no sheet named "${name}" (renamed or deleted?)`, 'ItemNotFound');
    return sheet;
  }

  private target(name?: string): MemorySheet {
    return name === undefined ? this.active : this.named(name);
  }

  private newId(): string {
    return `sheet-${this.nextId++}`;
  }

  /** A primitive: recorded, done at once, answered as a promise (a throw becomes a rejection). */
  private answer<T>(name: string, work: () => T): Promise<T> {
    this.calls.push(name);
    return this.now(work);
  }

  private now<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
