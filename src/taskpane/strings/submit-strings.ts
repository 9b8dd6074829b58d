import type { Locale } from './locale';

/** The Submit view (owned by that view; see ../submit/). */
export interface SubmitStrings {
  heading: string;
}

export const submitStrings: Readonly<Record<Locale, SubmitStrings>> = {
  'zh-CN': { heading: '' },
  'en-US': { heading: '' },
};
