import type { Locale } from './strings';

/**
 * A failure in the person's language when it carries its own words: the workbook adapter's WorkbookError,
 * the endpoint client's EndpointError and the core's TemplateRequestError all have `zh` and `en`. Null for
 * anything else (each view then says, in its own words, that something unexpected happened).
 */
export function ownWords(error: unknown, locale: Locale): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { zh, en } = error as { zh?: unknown; en?: unknown };
  if (typeof zh !== 'string' || typeof en !== 'string') return null;
  return locale === 'en-US' ? en : zh;
}

/** The detail of an unexpected failure (its message), for the views' "something went wrong: …". */
export function failureDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure as the person reads it: its own words when it carries them, else its detail. */
export function failureText(error: unknown, locale: Locale): string {
  return ownWords(error, locale) ?? failureDetail(error);
}
