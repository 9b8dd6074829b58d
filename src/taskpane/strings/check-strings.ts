import type { Locale } from './locale';

/** The Check view (owned by that view; see ../check/). */
export interface CheckStrings {
  heading: string;
}

export const checkStrings: Readonly<Record<Locale, CheckStrings>> = {
  'zh-CN': { heading: '' },
  'en-US': { heading: '' },
};
