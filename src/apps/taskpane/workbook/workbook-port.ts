/// <reference types="office-js" />
import type { Catalog } from '../../../core/catalog/catalog';
import type { Language } from '../../../core/i18n/message';
import type { TemplateModel } from '../../../core/template/template-model';
import {
  checkSheet,
  insertTemplate,
  listSheetNames,
  readTemplateSheet,
  selectCell,
  watchChanges,
  writeCells,
  type CheckSheetOutcome,
  type ExcelHost,
  type InsertTemplateOptions,
  type InsertTemplateResult,
  type SheetRead,
  type WorkbookChange,
} from '../../../office-workbook';

/** A change people made in the workbook (an `onChanged` event), as plain data. */
export interface SheetChange {
  /** The sheet's id: stable across renames. */
  readonly sheetId: string;
  /**
   * The sheet's name when known (events carry an id; the adapter knows the names of the sheets there were
   * when watching began). May be the old name of a sheet renamed since.
   */
  readonly sheetName?: string;
  /** The changed range, A1 (without the sheet). */
  readonly address: string;
  /** 'local' for this user, 'remote' for a co-author (Excel.EventSource). */
  readonly source: 'local' | 'remote';
}

/** A value to write into a cell of a template sheet (e.g. a 说明 typed in the pane). */
export interface CellWrite {
  /** A1 address of one cell. */
  readonly address: string;
  /** null (or '') empties the cell. */
  readonly value: string | number | null;
}

/**
 * Everything the task pane does to the open workbook, in one interface. Views take it from the services
 * context and never call Office.js: the add-in passes `officeWorkbook(officeExcelHost())`, component tests
 * the same `officeWorkbook` over the strict fake Excel host (test/helpers/fake-excel), so the real adapter
 * runs in every test.
 */
export interface WorkbookPort {
  insertTemplate(model: TemplateModel, options?: InsertTemplateOptions): Promise<InsertTemplateResult>;
  /** Validates and flags the active sheet (or the named one). */
  check(catalog: Catalog, language: Language, sheetName?: string): Promise<CheckSheetOutcome>;
  /** Reads the active (or named) sheet without drawing anything. */
  read(sheetName?: string): Promise<SheetRead>;
  selectCell(sheetName: string, address: string): Promise<void>;
  /** The names of the workbook's sheets (one round trip). */
  sheetNames(): Promise<string[]>;
  /** Writes values into cells of one sheet in one round trip (the add-in's own write: not a person's change). */
  writeCells(sheetName: string, cells: readonly CellWrite[]): Promise<void>;
  /**
   * Calls `listener` after people change cells (not after the add-in's own writes). Resolves to a function
   * that stops listening, or to null when the host cannot report changes (below ExcelApi 1.7).
   */
  watchChanges(listener: (change: SheetChange) => void): Promise<(() => Promise<void>) | null>;
}

/**
 * How long after one of the port's own write operations ends an unattributed change event (no
 * `triggerSource`, hosts below ExcelApi 1.14) is still taken for the add-in's own, in milliseconds.
 *
 * Why a window at all: Excel raises `onChanged` for the add-in's own writes too (inserting a template,
 * drawing a check's notes, writing a 说明), and it raises them AFTER the sync that made them, when the write
 * operation may already have returned. Without `triggerSource` nothing in the event says who made the change,
 * so the port ignores unattributed events that arrive while one of its writes is in flight or shortly after.
 * Why short: hosts without `triggerSource` are older desktop builds (perpetual Excel such as Excel 2019,
 * Microsoft 365 builds from before ExcelApi 1.14); Excel on the web and current builds have 1.14 and never
 * reach this rule. On the desktop the events
 * of a batch arrive right after its sync, and a long window would swallow what people type right after a
 * check (the list would then lag until their next edit). 500 ms covers the first and keeps the second rare.
 */
export const OWN_WRITE_WINDOW_MS = 500;

/** How the port tells its own writes from people's where Excel does not say (see OWN_WRITE_WINDOW_MS). */
export interface OfficeWorkbookOptions {
  /** Default OWN_WRITE_WINDOW_MS. */
  readonly ownWriteWindowMs?: number;
  /** The clock (ms); default Date.now. */
  readonly now?: () => number;
}

/** The WorkbookPort over an ExcelHost (Excel.run in the add-in, the strict fake in tests). */
export function officeWorkbook(host: ExcelHost, options: OfficeWorkbookOptions = {}): WorkbookPort {
  const ownWriteWindow = options.ownWriteWindowMs ?? OWN_WRITE_WINDOW_MS;
  const now = options.now ?? (() => Date.now());
  let writesInFlight = 0;
  let lastWriteEnded = Number.NEGATIVE_INFINITY;

  /** Runs one of the port's own write operations, so that the changes it causes are known as ours. */
  const writing = async <T>(operation: () => Promise<T>): Promise<T> => {
    writesInFlight += 1;
    try {
      return await operation();
    } finally {
      writesInFlight -= 1;
      lastWriteEnded = now();
    }
  };

  /** Trust Excel's `triggerSource` where it has one; else: in flight or within the window = ours. */
  const isOwn = (change: WorkbookChange): boolean =>
    change.byThisAddin ?? (writesInFlight > 0 || now() - lastWriteEnded <= ownWriteWindow);

  return {
    insertTemplate: (model, insertOptions) => writing(() => insertTemplate(host, model, insertOptions)),
    // check draws its flags (fills, notes) into the sheet: a write like the others
    check: (catalog, language, sheetName) => writing(() => checkSheet(host, catalog, { language, ...(sheetName === undefined ? {} : { sheetName }) })),
    read: (sheetName) => readTemplateSheet(host, sheetName),
    selectCell: (sheetName, address) => selectCell(host, sheetName, address),
    sheetNames: () => listSheetNames(host),
    writeCells: (sheetName, cells) => writing(() => writeCells(host, sheetName, cells)).then(() => undefined),
    watchChanges: (listener) =>
      watchChanges(host, (change) => {
        if (isOwn(change)) return;
        listener({
          sheetId: change.sheetId,
          ...(change.sheetName === undefined ? {} : { sheetName: change.sheetName }),
          address: change.address,
          source: change.source,
        });
      }),
  };
}
