import { WorkbookError } from '../workbook/workbook-error';

/**
 * Office.js failures in words a county clerk can act on: every operation of the adapter turns them into
 * the port's one error type (WorkbookError, src/workbook) in one place (`asWorkbookError`).
 */
export { WorkbookError };

/** The Office.js error code of a failure (`ItemNotFound`, `InvalidArgument` …), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}

/** Turns a failure of an Office.js batch into a WorkbookError (a WorkbookError passes through). */
export function asWorkbookError(error: unknown, what: { zh: string; en: string }): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'InvalidOperationInCellEditMode') {
    // only where the host lacks ExcelApi 1.11: newer ones wait for the edit to end (runBatch)
    return new WorkbookError(`${what.zh}失败：Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。`, `${what.en} failed: Excel is editing a cell. Press Enter or Esc to finish, then retry.`, code);
  }
  if (code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded') {
    return new WorkbookError(
      `${what.zh}失败：一次读写的数据超过了 Excel 的 5 MB 上限。工作表中可能有远离模板的内容（例如很远的行或列里的数据或格式），请删除后重试。（${detail}）`,
      `${what.en} failed: more than Excel's 5 MB limit in one request. The sheet may hold content far from the template (data or formats in distant rows or columns); delete it and retry. (${detail})`,
      code,
    );
  }
  if (code === 'AccessDenied' || code === 'InvalidOperation') {
    return new WorkbookError(`${what.zh}失败：工作表受保护或正在编辑单元格（按 Esc 退出编辑后重试）。（${detail}）`, `${what.en} failed: the sheet is protected or a cell is being edited (press Esc and retry). (${detail})`, code);
  }
  return new WorkbookError(`${what.zh}失败：${detail}`, `${what.en} failed: ${detail}`, code);
}
