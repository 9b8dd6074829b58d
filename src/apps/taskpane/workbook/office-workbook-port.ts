/**
 * The pane's wiring of its workbook in Excel: the host-independent port (src/workbook) over the Office.js
 * adapter (src/office-workbook). Only lazy-workbook.ts imports this module, on first use, so both and the
 * core they need stay out of the first screen's bundle (the "workbook" chunk).
 */
import { officeWorkbookHost } from '../../../office-workbook/office-workbook-host';
import type { ExcelHost } from '../../../office-workbook/excel-host';
import { createWorkbook, type WorkbookOptions } from '../../../workbook/workbook';
import type { WorkbookPort } from '../../../workbook/workbook-port';

/** The WorkbookPort over an ExcelHost (Excel.run in the add-in, the strict fake in tests). */
export function officeWorkbook(host: ExcelHost, options: WorkbookOptions = {}): WorkbookPort {
  return createWorkbook(officeWorkbookHost(host), options);
}
