import { BilingualError } from '../core/i18n/message';
/**
 * The one error type of every workbook host and of the port: what went wrong, in words a county clerk can
 * act on (zh) and in English, plus the host's own code where it has one (`ItemNotFound`, `AccessDenied` …).
 * The views show `zh`/`en` as they are, so a second host's adapter throws these too, in its own words.
 */
export class WorkbookError extends BilingualError {
  constructor(
    zh: string,
    en: string,
    readonly code?: string,
  ) {
    super(zh, en);
  }
}
