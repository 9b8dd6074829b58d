/// <reference types="office-js" />
import type { SheetGrid } from '../core/template/read-template';
import type { RawCell } from '../core/parse/cell-value';
import type { HostCapabilities, SheetSnapshot } from '../workbook/workbook-host';
import { detectCapabilities } from './capabilities';
import { queueNotesLoad, type CellNote } from './cell-notes';
import type { ExcelHost } from './excel-host';
import { WorkbookError, asWorkbookError, errorCode } from './workbook-error';

/** A sheet as read in one round trip: its used range, its notes, and whether it is protected. */
export interface LoadedSheet {
  readonly sheet: Excel.Worksheet;
  readonly grid: SheetGrid;
  /** Every note (or comment), people's and the add-in's: still addressable in the batch that loaded them. */
  readonly notes: readonly CellNote[];
  /** Absent below ExcelApi 1.2 (no protection API). */
  readonly protection?: { readonly protected: boolean; readonly options: Excel.WorksheetProtectionOptions };
}

/**
 * Loads the active (or named) sheet in ONE sync: the used range's values, shown texts, number formats and
 * position in a single load, the notes or comments, and the protection state.
 */
export async function loadSheet(context: Excel.RequestContext, capabilities: HostCapabilities, sheetName?: string): Promise<LoadedSheet> {
  const sheet = sheetName === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheetName);
  sheet.load('name');
  const used = sheet.getUsedRange();
  used.load('values,text,numberFormat,rowIndex,columnIndex');
  const notes = queueNotesLoad(sheet, capabilities.notes);
  const protection = capabilities.layout ? sheet.protection : undefined;
  protection?.load('protected,options');
  try {
    await context.sync();
  } catch (error) {
    if (sheetName !== undefined && errorCode(error) === 'ItemNotFound') {
      throw new WorkbookError(`找不到名为“${sheetName}”的工作表（可能已被重命名或删除）`, `There is no sheet named "${sheetName}" (renamed or deleted?)`, 'ItemNotFound');
    }
    throw error;
  }
  const grid: SheetGrid = {
    name: sheet.name,
    firstRow: used.rowIndex,
    firstColumn: used.columnIndex,
    values: used.values as RawCell[][],
    texts: used.text,
    numberFormats: used.numberFormat as string[][],
  };
  return {
    sheet,
    grid,
    notes: notes(),
    ...(protection ? { protection: { protected: protection.protected, options: protection.options } } : {}),
  };
}

/** A loaded sheet as plain data (the port's view of it). */
export function snapshotOf(loaded: LoadedSheet): SheetSnapshot {
  return { grid: loaded.grid, notes: loaded.notes.map((note) => note.content), sheetProtected: loaded.protection?.protected ?? false };
}

/** Reads the active (or named) sheet for the template reader (`readTemplate` / `checkTemplate`): one sync. */
export async function readSheet(host: ExcelHost, sheetName?: string): Promise<SheetSnapshot> {
  const capabilities = detectCapabilities(host);
  try {
    return await host.run(async (context) => snapshotOf(await loadSheet(context, capabilities, sheetName)));
  } catch (error) {
    throw asWorkbookError(error, { zh: '读取工作表', en: 'Reading the sheet' });
  }
}
