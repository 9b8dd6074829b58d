/**
 * The one error type of every workbook host and of the port: what went wrong, in words a county clerk can
 * act on (zh) and in English, plus the host's own code where it has one (`ItemNotFound`, `AccessDenied` …).
 * The views show `zh`/`en` as they are, so a second host's adapter throws these too, in its own words.
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
