/**
 * What the task pane's views see of the open workbook: the WorkbookPort and its plain-data answers. It is
 * the same whatever spreadsheet runs the pane (Excel through its JavaScript API, or a COM-like host such as
 * WPS): `createWorkbook` (./workbook.ts) builds it over any WorkbookHost (./workbook-host.ts). Nothing here
 * speaks of round trips, payload budgets or a host's own types.
 */
import type { Catalog } from '../core/catalog/catalog';
import type { Bilingual, Language, Message } from '../core/i18n/message';
import type { TemplateCheck } from '../core/template/check-template';
import type { SheetGrid } from '../core/template/read-template';
import type { TemplateModel } from '../core/template/template-model';

/** How to insert a template. */
export interface InsertOptions {
  /** The sheet to replace (after the person agreed); without it an existing sheet is never touched. */
  readonly replaceSheet?: string;
}

/** Where an inserted template went. */
export interface InsertedTemplate {
  readonly sheetName: string;
  /** The sheet that was replaced, when `replaceSheet` named an existing one. */
  readonly replaced?: string;
}

/** A sheet read without drawing anything: the grid for the core's template reader, and the add-in's notes found. */
export interface SheetRead {
  readonly grid: SheetGrid;
  /** The contents of the notes (or comments) an earlier check wrote; the next check removes those that no longer apply. */
  readonly flagNotes: readonly string[];
}

/** What 检查 drew into the sheet, as counts (and the cells it left to a person's own note). */
export interface FlagDrawing {
  readonly flaggedCells: number;
  readonly notesAdded: number;
  readonly notesRemoved: number;
  /** The add-in's notes from the last check that still say the same on the same cell: left as they are. */
  readonly notesKept: number;
  /** Flagged cells that already carry a person's own note or comment, left untouched (the task pane lists the message). */
  readonly notesSkipped: readonly string[];
  /** Status cells filled directly (hosts without conditional formats). */
  readonly statusCellsFilled: number;
  /** Flagged cells whose note the host refused (an annotation it cannot see is there): coloured, listed in the pane. */
  readonly notesFailed?: readonly string[];
  /** Nothing was drawn into the sheet (protected with a password): why. The findings stand. */
  readonly notDrawn?: Bilingual;
}

/** The outcome of 检查 on one sheet, for the task pane to list: the core's check and what was drawn, or why it is no template. */
export type CheckSheetOutcome =
  | { readonly kind: 'template'; readonly sheetName: string; readonly check: TemplateCheck; readonly drawn: FlagDrawing }
  | { readonly kind: 'notTemplate'; readonly sheetName: string; readonly looksLikeTemplate: boolean; readonly message: Message };

/** A change people made in the workbook, as plain data. */
export interface SheetChange {
  /** The sheet's id: stable across renames. */
  readonly sheetId: string;
  /**
   * The sheet's name when known (events carry an id; the host knows the names of the sheets there were
   * when watching began). May be the old name of a sheet renamed since.
   */
  readonly sheetName?: string;
  /** The changed range, A1 (without the sheet). */
  readonly address: string;
  /** 'local' for this user, 'remote' for a co-author. */
  readonly source: 'local' | 'remote';
}

/** A value to write into a cell of a template sheet (e.g. a 说明 typed in the pane). */
export interface CellWrite {
  /** A1 address of one cell. */
  readonly address: string;
  /** null (or '') empties the cell. */
  readonly value: string | number | null;
}

/** Stops listening to changes. */
export type StopWatching = () => Promise<void>;

/**
 * Everything the task pane does to the open workbook, in one interface. Views take it from the services
 * context and never call a spreadsheet API: the add-in passes `createWorkbook` over the Office adapter,
 * component tests the same over the strict fake Excel host (test/helpers/fake-excel), so the real adapter
 * runs in every test.
 */
export interface WorkbookPort {
  /** Inserts a template as a new sheet ("name (2)" … when taken) and activates it. */
  insertTemplate(model: TemplateModel, options?: InsertOptions): Promise<InsertedTemplate>;
  /** Validates and flags the active sheet (or the named one). */
  check(catalog: Catalog, language: Language, sheetName?: string): Promise<CheckSheetOutcome>;
  /** Reads the active (or named) sheet without drawing anything. */
  read(sheetName?: string): Promise<SheetRead>;
  /** Activates a sheet and selects one cell (a finding clicked in the pane). */
  selectCell(sheetName: string, address: string): Promise<void>;
  /** The names of the workbook's sheets, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Writes values into cells of one sheet (the add-in's own write: not a person's change). */
  writeCells(sheetName: string, cells: readonly CellWrite[]): Promise<void>;
  /**
   * Calls `listener` after people change cells (not after the add-in's own writes). Resolves to a function
   * that stops listening, or to null when the host cannot report changes (Excel below ExcelApi 1.7).
   */
  watchChanges(listener: (change: SheetChange) => void): Promise<StopWatching | null>;
}
