import type { Catalog } from '../core/catalog/catalog';
import { checksOfGrids, readWorkbookGridsWith, templatesOfGrids, xlsxFailure, type WorkbookGrids, type XlsxCheckOutcome, type XlsxReadOptions, type XlsxReadOutcome } from './read-workbook-grids';
import { openNodePackage } from './xlsx-package';

export type { SkippedSheet, WorkbookGrids, XlsxCheckOutcome, XlsxFailure, XlsxReadOptions, XlsxReadOutcome, XlsxLimits, XlsxRefusal } from './read-workbook-grids';
export { checksOfGrids, DEFAULT_XLSX_LIMITS, refusalMessage, templatesOfGrids, xlsxFailure } from './read-workbook-grids';

/**
 * The only function that touches untrusted bytes: reads the worksheets of an .xlsx into grids for the
 * core, with memory and time bounded before any data is read (see `XlsxLimits`): the zip's central
 * directory is checked first, only the parts a template needs are inflated, each as a counted stream,
 * and each sheet is read into a grid of bounded size. Never throws; the result is structured-cloneable.
 * (yauzl, on Node; the browser's reader is read-xlsx-browser.ts.)
 */
export function readWorkbookGrids(data: Uint8Array, options: XlsxReadOptions = {}): Promise<WorkbookGrids> {
  return readWorkbookGridsWith(openNodePackage, data, options);
}

/** Reads every sheet of an .xlsx file that is a template; the others are listed with the reason. */
export async function readXlsx(data: Uint8Array, catalog: Catalog, options?: XlsxReadOptions): Promise<XlsxReadOutcome> {
  const grids = await readWorkbookGrids(data, options);
  return grids.ok ? templatesOfGrids(grids.sheets, catalog) : xlsxFailure(grids.refusal);
}

/** Reads and checks every template sheet of an .xlsx file: what `indicators check` runs. */
export async function checkXlsx(data: Uint8Array, catalog: Catalog, options?: XlsxReadOptions): Promise<XlsxCheckOutcome> {
  const grids = await readWorkbookGrids(data, options);
  return grids.ok ? checksOfGrids(grids.sheets, catalog) : xlsxFailure(grids.refusal);
}
