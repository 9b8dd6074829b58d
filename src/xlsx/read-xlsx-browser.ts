import type { Catalog } from '../core/catalog/catalog';
import { openBrowserPackage } from './browser-package';
import { checksOfGrids, readWorkbookGridsWith, xlsxFailure, type WorkbookGrids, type XlsxCheckOutcome, type XlsxReadOptions } from './read-workbook-grids';

export type { WorkbookGrids, XlsxCheckOutcome, XlsxReadOptions } from './read-workbook-grids';
export { DEFAULT_XLSX_LIMITS, refusalMessage } from './read-workbook-grids';

/**
 * The bounded .xlsx reader in the browser (fflate instead of yauzl; no Node module): the same limits, the
 * same refusals, the same grids as `readWorkbookGrids` on the server. Loaded on demand by the web portal's
 * quick check, which judges a filled template on the PC before anything is uploaded.
 */
export function readWorkbookGridsInBrowser(data: Uint8Array, options: XlsxReadOptions = {}): Promise<WorkbookGrids> {
  return readWorkbookGridsWith(openBrowserPackage, data, options);
}

/** Reads and checks every template sheet of an .xlsx file in the browser: what `indicators check` runs. */
export async function checkXlsxInBrowser(data: Uint8Array, catalog: Catalog, options?: XlsxReadOptions): Promise<XlsxCheckOutcome> {
  const grids = await readWorkbookGridsInBrowser(data, options);
  return grids.ok ? checksOfGrids(grids.sheets, catalog) : xlsxFailure(grids.refusal);
}
