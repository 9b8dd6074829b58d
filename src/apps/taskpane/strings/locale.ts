import { DEFAULT_LANGUAGE, type Language } from '../../../core/i18n/message';

/** The task pane's languages are the product's (core/i18n): Chinese (the default) and English. */
export type Locale = Language;

export const DEFAULT_LOCALE: Locale = DEFAULT_LANGUAGE;
