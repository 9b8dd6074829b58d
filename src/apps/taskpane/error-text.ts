import { ownWords as wordsOf } from '../../core/i18n/message';
import type { Locale } from './strings';

/**
 * A failure in the person's language when it carries its own words (a BilingualError: the workbook's, the
 * endpoint client's, a template request's). Null for anything else.
 */
export function ownWords(error: unknown, locale: Locale): string | null {
  return wordsOf(error, locale);
}

/** The detail of an unexpected failure (its message), for the views' "something went wrong: …". */
export function failureDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure as the person reads it: its own words when it carries them; else its detail, wrapped in the
 * view's "something unexpected happened: …" when the view gives one. The one wording rule of every view.
 */
export function failureText(error: unknown, locale: Locale, unexpected?: (detail: string) => string): string {
  const own = ownWords(error, locale);
  if (own !== null) return own;
  return unexpected ? unexpected(failureDetail(error)) : failureDetail(error);
}
