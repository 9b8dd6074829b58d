import type { Locale } from './locale';

/** The Fill view (owned by that view; see ../fill/). */
export interface FillStrings {
  heading: string;
}

export const fillStrings: Readonly<Record<Locale, FillStrings>> = {
  'zh-CN': { heading: '' },
  'en-US': { heading: '' },
};
