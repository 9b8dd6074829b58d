/// <reference types="office-js" />
import type { Catalog } from '../../core/catalog/catalog';
import type { Language } from '../../core/i18n/message';
import type { TemplateModel } from '../../core/template/template-model';
import {
  checkSheet,
  insertTemplate,
  readTemplateSheet,
  selectCell,
  type CheckSheetOutcome,
  type ExcelHost,
  type InsertTemplateOptions,
  type InsertTemplateResult,
  type SheetRead,
} from '../../office-workbook';

/** A change people made in the workbook (an `onChanged` event), as plain data. */
export interface SheetChange {
  /** The sheet's name when known (events carry an id; the port resolves it when it can). */
  readonly sheetName?: string;
  /** The changed range, A1 (without the sheet). */
  readonly address: string;
  /** 'local' for this user, 'remote' for a co-author (Excel.EventSource). */
  readonly source: 'local' | 'remote';
}

/** A value to write into a cell of a template sheet (e.g. a 说明 typed in the pane). */
export interface CellWrite {
  /** A1 address. */
  readonly address: string;
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
  /** Writes values into cells of one sheet in one round trip (the add-in's own write: not a person's change). */
  writeCells(sheetName: string, cells: readonly CellWrite[]): Promise<void>;
  /**
   * Calls `listener` after people change cells (not after the add-in's own writes). Resolves to a function
   * that stops listening, or to null when the host cannot report changes (below ExcelApi 1.7).
   */
  watchChanges(listener: (change: SheetChange) => void): Promise<(() => Promise<void>) | null>;
}

/** The WorkbookPort over an ExcelHost (Excel.run in the add-in, the strict fake in tests). */
export function officeWorkbook(host: ExcelHost): WorkbookPort {
  return {
    insertTemplate: (model, options) => insertTemplate(host, model, options),
    check: (catalog, language, sheetName) => checkSheet(host, catalog, { language, ...(sheetName === undefined ? {} : { sheetName }) }),
    read: (sheetName) => readTemplateSheet(host, sheetName),
    selectCell: (sheetName, address) => selectCell(host, sheetName, address),
    writeCells: () => Promise.reject(new Error('writeCells: not built yet')),
    watchChanges: () => Promise.resolve(null),
  };
}
