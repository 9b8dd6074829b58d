/**
 * The adapter's one error type: what went wrong, in words a county clerk can act on (zh) and in English.
 * Every operation turns Office.js failures into it in one place (`asWorkbookError`).
 */
export class WorkbookError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly code?: string,
  ) {
    super(zh);
    this.name = 'WorkbookError';
  }
}

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
  if (code === 'AccessDenied' || code === 'InvalidOperation') {
    return new WorkbookError(`${what.zh}失败：工作表受保护或正在编辑单元格（按 Esc 退出编辑后重试）。（${detail}）`, `${what.en} failed: the sheet is protected or a cell is being edited (press Esc and retry). (${detail})`, code);
  }
  return new WorkbookError(`${what.zh}失败：${detail}`, `${what.en} failed: ${detail}`, code);
}
