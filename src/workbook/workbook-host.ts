/**
 * The driver interface a spreadsheet adapter implements, as Kysely's dialects implement its Driver: plain
 * data in and out, and capability flags instead of "which program is this". Everything host-independent —
 * judging a sheet (the core), deciding what to draw (./flag-plan.ts), telling the add-in's own writes from
 * people's (./own-writes.ts) — lives above it, in `createWorkbook` (./workbook.ts). A second host (WPS,
 * whose API is synchronous and COM-like) needs only a new implementation of this file's WorkbookHost.
 *
 * Round trips are the adapter's business, but the primitives are cut so that a batched host (Excel's
 * JavaScript API: queued calls sent by `sync`) needs no more of them than a hand-written operation would:
 * insert = names + one write batch; read = one; 检查 = read, [where the notes are], draw; select, sheet
 * names and write cells one each. Hence `flagSheet`, which keeps 检查's read, note lookup and drawing in one
 * visit to the host.
 */
import type { Bilingual } from '../core/i18n/message';
import type { SheetGrid } from '../core/template/read-template';
import type { TemplateModel } from '../core/template/template-model';
import type { CellWrite, InsertOptions, InsertedTemplate, StopWatching } from './workbook-port';

/** What the open spreadsheet can do: detected once by the adapter, as plain flags. */
export interface HostCapabilities {
  /**
   * The host's calls take effect synchronously underneath (a COM-like API: WPS's `Application.ActiveSheet
   * .Range("A1").Value2`); false for a batched host whose queued calls are sent in round trips. The port
   * awaits every primitive either way; the flag says what the round-trip counts of an adapter mean.
   */
  readonly supportsSyncExecution: boolean;
  /** Merged cells, hidden rows, column widths and row heights, unlocked cells, sheet protection. */
  readonly layout: boolean;
  /** Conditional formats (else 检查 fills the status cells directly). */
  readonly conditionalFormats: boolean;
  /** Frozen header rows. */
  readonly freezePanes: boolean;
  /** Data validation with input prompts and error alerts. */
  readonly dataValidation: boolean;
  /** Page layout (A4 landscape, one page wide, repeated header row, footer). */
  readonly pageLayout: boolean;
  /** Sheet custom properties (a second copy of the template metadata). */
  readonly customProperties: boolean;
  /** Where a flag's message goes: notes, else comments, else nowhere (the task pane lists it). */
  readonly notes: 'notes' | 'comments' | null;
  /** The host reports changes of cell data (else `watchChanges` resolves to null). */
  readonly changeEvents: boolean;
  /** Change events say whether this add-in made them (`HostChange.byThisAddin` is then never null). */
  readonly triggerSource: boolean;
}

/** A sheet as the host read it: its used cells, its notes' contents, whether it is protected. */
export interface SheetSnapshot {
  readonly grid: SheetGrid;
  /**
   * The contents of every note (or comment) on the sheet, people's and the add-in's, in the host's order.
   * Where each one is costs a batched host another round trip: `FlaggingVisit.locateNotes`.
   */
  readonly notes: readonly string[];
  /** The sheet is protected (false where the host has no protection). */
  readonly sheetProtected: boolean;
}

/** A note (or comment) and the cell it is on. */
export interface LocatedNote {
  /** A1 address of one cell, without the sheet ("K7"). */
  readonly address: string;
  readonly content: string;
  /**
   * Which kind, where a host has two (Excel: notes, ExcelApi 1.18, and threaded comments, 1.10): the add-in's
   * flags of the kind the host does not write are replaced by ones of the kind it does. Absent: the kind the
   * host writes.
   */
  readonly kind?: 'note' | 'comment';
}

/** What a drawing could not do, when the host got round it (the sheet is left as it was, never unprotected). */
export interface DrawResult {
  /** Nothing was drawn (a sheet protected with a password): why, in the host's words. */
  readonly notDrawn?: Bilingual;
  /** Cells whose flag note could not be added (the cell holds an annotation the host cannot see); colours are drawn. */
  readonly notesFailed?: readonly string[];
}

/** A colour for a rectangle of cells. */
export interface RangeColour {
  /** A1 address of a cell or rectangle ("K7", "K7:K12"). */
  readonly address: string;
  /** #RRGGBB. */
  readonly colour: string;
}

/**
 * What 检查 draws into a sheet, decided by `planFlags` (./flag-plan.ts). The host applies it in this order —
 * fills, fonts, removed notes, added notes — inside one unprotect/protect pair when `unprotect` says so.
 */
export interface FlagPlan {
  /** The sheet is protected: lift the protection for the drawing and put it back with the same options. */
  readonly unprotect: boolean;
  readonly fills: readonly RangeColour[];
  readonly fonts: readonly RangeColour[];
  /** Cells whose (add-in's) note is removed: stale, or replaced by `addNotes`. Always among the notes located. */
  readonly removeNotes: readonly string[];
  /** Notes (or comments, as the host has them) to add; `content` is written as it is. */
  readonly addNotes: readonly LocatedNote[];
}

/** One visit of 检查 to one sheet (see WorkbookHost.flagSheet); call `read` first. */
export interface FlaggingVisit {
  /** Reads the sheet: one round trip. */
  read(): Promise<SheetSnapshot>;
  /** Where the notes of the read are: none when there are none, else one round trip. */
  locateNotes(): Promise<readonly LocatedNote[]>;
  /**
   * Draws the plan: one round trip (a batched host splits only what would exceed its payload limit). What it
   * could not draw is said in the result; a failure it cannot get round is thrown, the sheet's protection put back.
   */
  draw(plan: FlagPlan): Promise<DrawResult>;
}

/** A change of cell data, as the host reports it: people's, co-authors' and the add-in's own. */
export interface HostChange {
  /** The sheet's id (stable across renames). */
  readonly sheetId: string;
  /**
   * The sheet's name as the host knew it when watching began (or learned since): absent for a sheet it never
   * learned, the old name of a sheet renamed meanwhile — compare sheets by `sheetId` where it matters.
   */
  readonly sheetName?: string;
  /** The changed range, A1 without the sheet ("K7", "K7:K9"). */
  readonly address: string;
  /** The host's kind of change ('RangeEdited', 'RowInserted' …). */
  readonly changeType: string;
  /** 'local': made in this program (by the person or an add-in); 'remote': by a co-author. */
  readonly source: 'local' | 'remote';
  /** True when this add-in's own write made the change, false when someone else did; null when the host cannot tell. */
  readonly byThisAddin: boolean | null;
}

/**
 * The spreadsheet, as an adapter offers it. Every failure is a WorkbookError (./workbook-error.ts) in the
 * adapter's own words. Sheet names compare case-insensitively, as spreadsheets do.
 */
export interface WorkbookHost {
  readonly capabilities: HostCapabilities;
  /**
   * Inserts the template model (the core's rendering of the sheet: cells, styles, merges, validation …) as a
   * new sheet under a free name ("name (2)" …), or in place of `replaceSheet`, and activates it. What the
   * host cannot draw is left out, as `capabilities` says.
   */
  insertTemplate(model: TemplateModel, options: InsertOptions): Promise<InsertedTemplate>;
  /** Reads the active (or named) sheet: one round trip. */
  readSheet(sheetName?: string): Promise<SheetSnapshot>;
  /**
   * 检查's visit to the active (or named) sheet: `visit` reads it, judges it, locates its notes if it must and
   * draws — all against the same sheet, in one visit (a batched host keeps one request context, so what it
   * read stays addressable). Resolves to what `visit` resolves to.
   */
  flagSheet<T>(sheetName: string | undefined, visit: (sheet: FlaggingVisit) => Promise<T>): Promise<T>;
  /** Activates the sheet and selects one cell: one round trip. */
  selectCell(sheetName: string, address: string): Promise<void>;
  /** The sheets' names in tab order: one round trip. */
  sheetNames(): Promise<string[]>;
  /** Writes values as a person would type them (text-formatted cells keep text): one round trip. */
  writeCells(sheetName: string, cells: readonly CellWrite[]): Promise<void>;
  /** Calls `listener` for every change of cell data; resolves to a stop function, or null without change events. */
  watchChanges(listener: (change: HostChange) => void): Promise<StopWatching | null>;
}
