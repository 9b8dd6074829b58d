/// <reference types="office-js" />
import type { SheetGrid } from '../core/template/read-template';
import type { RawCell } from '../core/parse/cell-value';
import type { HostCapabilities, SheetSnapshot } from '../workbook/workbook-host';
import { detectCapabilities } from './capabilities';
import { queueNotesLoad, type LoadedNote } from './cell-notes';
import { columnLetter } from '../core/template/cell-address';
import { runBatch, type ExcelHost } from './excel-host';
import { WorkbookError, asWorkbookError, errorCode } from './workbook-error';

/**
 * The part of a sheet 检查 reads, from A1: the rows and columns a template can have. The all-indicator
 * templates have ~190 rows and 15 columns; the .xlsx reader reads at most 3,000 rows too
 * (src/xlsx/xlsx-limits.ts), and 40 columns leave room for 25 inserted ones. Excel on the web refuses a
 * response over 5 MB: values, texts and number formats of 3,000 × 40 empty cells are ~2 MB, while the used
 * range of a sheet with one stray entry at row 100,000 would be ~20 MB.
 */
export const READ_BOUNDS = { rows: 3000, columns: 40 } as const;

/** A1:AN3000. */
const BOUNDS_ADDRESS = `A1:${columnLetter(READ_BOUNDS.columns - 1)}${READ_BOUNDS.rows}`;

/** A sheet as read in one round trip: its used range, its notes, and whether it is protected. */
export interface LoadedSheet {
  readonly sheet: Excel.Worksheet;
  readonly grid: SheetGrid;
  /** Every note and comment the host shows, people's and the add-in's: still addressable in the batch that loaded them. */
  readonly notes: readonly LoadedNote[];
  /** Absent below ExcelApi 1.2 (no protection API). */
  readonly protection?: { readonly protected: boolean; readonly options: Excel.WorksheetProtectionOptions };
}

/**
 * Loads the active (or named) sheet in ONE sync: the values, shown texts, number formats and position of
 * the used range within READ_BOUNDS in a single load (never the whole used range: one far cell would make it
 * huge), the notes and comments, and the protection state.
 */
export async function loadSheet(context: Excel.RequestContext, capabilities: HostCapabilities, sheetName: string | undefined, nullObjects: boolean): Promise<LoadedSheet> {
  const sheet = sheetName === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheetName);
  sheet.load('name');
  // ExcelApi 1.4: a used range wholly outside the bounds is a null object (an empty read); before, it fails
  const used = nullObjects ? sheet.getUsedRange().getIntersectionOrNullObject(BOUNDS_ADDRESS) : sheet.getUsedRange().getIntersection(BOUNDS_ADDRESS);
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
  const empty = nullObjects && used.isNullObject;
  const grid: SheetGrid = empty
    ? { name: sheet.name, firstRow: 0, firstColumn: 0, values: [['']], texts: [['']], numberFormats: [['General']] }
    : {
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

/** `*OrNullObject` methods (ExcelApi 1.4). */
export function hasNullObjects(host: ExcelHost): boolean {
  return host.isSetSupported('ExcelApi', '1.4');
}

/** A loaded sheet as plain data (the port's view of it). */
export function snapshotOf(loaded: LoadedSheet): SheetSnapshot {
  return { grid: loaded.grid, notes: loaded.notes.map(({ note }) => note.content), sheetProtected: loaded.protection?.protected ?? false };
}

/** Reads the active (or named) sheet for the template reader (`readTemplate` / `checkTemplate`): one sync. */
export async function readSheet(host: ExcelHost, sheetName?: string): Promise<SheetSnapshot> {
  const capabilities = detectCapabilities(host);
  try {
    return await runBatch(host, async (context) => snapshotOf(await loadSheet(context, capabilities, sheetName, hasNullObjects(host))));
  } catch (error) {
    throw asWorkbookError(error, { zh: '读取工作表', en: 'Reading the sheet' });
  }
}
