/** The task pane's languages: Chinese (the default) and English. */
export type Locale = 'zh-CN' | 'en-US';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
