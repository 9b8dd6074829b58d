import type { Locator } from 'playwright-core';
import { strings, type Locale } from '../../../src/apps/taskpane/strings';
import type { SettingsStrings } from '../../../src/apps/taskpane/strings/settings-strings';
import type { Root } from './text';

/** 设置 (src/apps/taskpane/settings/SettingsView.tsx): the endpoint's address, the token, the connection test. */
export class SettingsPage {
  readonly strings: SettingsStrings;
  readonly panel: Locator;

  constructor(root: Root, locale: Locale = 'zh-CN') {
    this.strings = strings[locale].settings;
    this.panel = root.locator('#panel-settings');
  }

  get tokenField(): Locator {
    return this.panel.getByLabel(this.strings.tokenLabel, { exact: true });
  }

  async enterToken(token: string): Promise<void> {
    await this.tokenField.fill(token);
  }

  async testConnection(): Promise<void> {
    await this.panel.getByRole('button', { name: this.strings.testConnection }).click();
  }

  /** The result of a connection test that worked (its title is `result.okTitle`). */
  get connectionOk(): Locator {
    return this.panel.locator('[data-kind="ok"]');
  }
}
