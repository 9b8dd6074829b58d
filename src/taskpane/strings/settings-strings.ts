import type { Locale } from './locale';

/** The Settings view (owned by that view; see ../settings/). */
export interface SettingsStrings {
  heading: string;
}

export const settingsStrings: Readonly<Record<Locale, SettingsStrings>> = {
  'zh-CN': { heading: '' },
  'en-US': { heading: '' },
};
