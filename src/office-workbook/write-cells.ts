/// <reference types="office-js" />
import { detectCapabilities } from './capabilities';
import { runBatch, type ExcelHost } from './excel-host';
import { WorkbookError, asWorkbookError, errorCode } from './workbook-error';

/** One value for one cell. */
export interface CellValueWrite {
  /** A1 address of one cell ("M7", "$M$7"), without the sheet. */
  readonly address: string;
  /** What to put there; null or '' empties the cell. */
  readonly value: string | number | boolean | null;
}

/** What a write did. */
export interface WriteCellsResult {
  readonly written: number;
  readonly syncs: number;
}

const CELL = /^\$?[A-Za-z]{1,3}\$?[1-9]\d{0,6}$/;

/**
 * Writes values into cells of one sheet in ONE sync — e.g. a 说明 typed in the task pane into a template's
 * note cell. Values go in as a person would type them (Range.values): in a text-formatted cell (the
 * template's 说明 and 数据来源 columns are "@") text stays text; elsewhere Excel converts "95" to a number.
 * A missing sheet, or a locked cell of a protected sheet, fails with a WorkbookError saying so. (A batch is
 * not a transaction: cells listed before a locked one may have been written.)
 */
export async function writeCells(host: ExcelHost, sheetName: string, cells: readonly CellValueWrite[]): Promise<WriteCellsResult> {
  detectCapabilities(host);
  if (cells.length === 0) return { written: 0, syncs: 0 };
  const bad = cells.filter((cell) => !CELL.test(cell.address));
  if (bad.length > 0) {
    const list = bad.map((cell) => `“${cell.address}”`).join('、');
    throw new WorkbookError(`无法写入：${list} 不是单个单元格的地址`, `Cannot write: ${bad.map((cell) => `"${cell.address}"`).join(', ')} is not the address of one cell`, 'InvalidArgument');
  }
  const targets = cells.map((cell) => ({ address: cell.address.replace(/\$/g, '').toUpperCase(), value: cell.value ?? '' }));
  const addresses = targets.map((target) => target.address);
  const shown = addresses.length <= 5 ? addresses.join('、') : `${addresses.slice(0, 5).join('、')} 等 ${addresses.length} 个单元格`;
  const shownEn = addresses.length <= 5 ? addresses.join(', ') : `${addresses.slice(0, 5).join(', ')} and ${addresses.length - 5} more`;
  try {
    await runBatch(host, async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const target of targets) sheet.getRange(target.address).values = [[target.value]];
      await context.sync();
    });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ItemNotFound') {
      throw new WorkbookError(`找不到名为“${sheetName}”的工作表（可能已被重命名或删除），未写入任何内容`, `There is no sheet named "${sheetName}" (renamed or deleted?); nothing was written`, code);
    }
    if (code === 'AccessDenied') {
      throw new WorkbookError(
        `工作表“${sheetName}”受保护，要写入的单元格（${shown}）中有锁定的单元格，加载项不能写入；只有白色的填报单元格可以填写`,
        `Sheet "${sheetName}" is protected and a cell to write (${shownEn}) is locked; only the white input cells can be filled in`,
        code,
      );
    }
    throw asWorkbookError(error, { zh: `写入单元格 ${shown}`, en: `Writing ${shownEn}` });
  }
  return { written: cells.length, syncs: 1 };
}
