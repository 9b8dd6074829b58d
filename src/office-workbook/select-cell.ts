/// <reference types="office-js" />
import { runBatch, type ExcelHost } from './excel-host';
import { WorkbookError, asWorkbookError, errorCode } from './workbook-error';

/** Activates a sheet and selects one cell (a flagged cell clicked in the task pane): one sync. */
export async function selectCell(host: ExcelHost, sheetName: string, address: string): Promise<void> {
  try {
    await runBatch(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    if (errorCode(error) === 'ItemNotFound') {
      throw new WorkbookError(`找不到名为“${sheetName}”的工作表（可能已被重命名或删除）；请重新检查`, `There is no sheet named "${sheetName}"; check again`, 'ItemNotFound');
    }
    throw asWorkbookError(error, { zh: `定位单元格 ${address}`, en: `Selecting ${address}` });
  }
}
