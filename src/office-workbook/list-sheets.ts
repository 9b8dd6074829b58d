/// <reference types="office-js" />
import { runBatch, type ExcelHost } from './excel-host';
import { asWorkbookError } from './workbook-error';

/** The names of the workbook's sheets, in tab order: one sync (the task pane asks before inserting over a name). */
export async function listSheetNames(host: ExcelHost): Promise<string[]> {
  try {
    return await runBatch(host, async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      return worksheets.items.map((sheet) => sheet.name);
    });
  } catch (error) {
    throw asWorkbookError(error, { zh: '读取工作表名称', en: 'Reading the sheet names' });
  }
}
