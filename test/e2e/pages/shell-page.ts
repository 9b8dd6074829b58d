import type { Locator } from 'playwright-core';
import { strings, type Locale, type UiStrings } from '../../../src/apps/taskpane/strings';
import type { NotInExcelReason } from '../../../src/apps/taskpane/view';
import type { Root } from './text';

/** The views of the pane, as its tabs name them (ShellStrings.tabs), in tab order. */
export type ViewName = keyof UiStrings['shell']['tabs'];

/**
 * The frame around the views (src/apps/taskpane/App.tsx): the tab list and its four tabs, each view's panel;
 * and, outside Excel, the page that explains how to load the add-in (NotInExcel.tsx, both languages).
 */
export class ShellPage {
  readonly strings: UiStrings;

  constructor(
    private readonly root: Root,
    readonly locale: Locale = 'zh-CN',
  ) {
    this.strings = strings[locale];
  }

  /** The tab names in their order (填报, 检查, 提交, 设置). */
  get tabNames(): string[] {
    return Object.values(this.strings.shell.tabs);
  }

  get tabList(): Locator {
    return this.root.getByRole('tablist', { name: this.strings.shell.tabListLabel });
  }

  /** The tabs of the tab list. */
  get tabs(): Locator {
    return this.tabList.getByRole('tab');
  }

  tab(view: ViewName): Locator {
    return this.root.getByRole('tab', { name: this.strings.shell.tabs[view] });
  }

  /** Any tab, anywhere in the pane (none outside Excel). */
  get anyTab(): Locator {
    return this.root.getByRole('tab');
  }

  async open(view: ViewName): Promise<void> {
    await this.tab(view).click();
  }

  async isSelected(view: ViewName): Promise<boolean> {
    return (await this.tab(view).getAttribute('aria-selected')) === 'true';
  }

  /** A view's panel (#panel-fill …): it exists once the view was opened. */
  panel(view: ViewName): Locator {
    return this.root.locator(`#panel-${view}`);
  }

  // ---- outside Excel ----

  /** The heading of the explanation in this page object's language (the page shows both). */
  get notInExcelHeading(): Locator {
    return this.root.getByRole('heading', { level: 1, name: this.strings.notInExcel.heading });
  }

  /** Why the pane is not in Excel; `host` names the other Office application for 'other-host'. */
  notInExcelReason(reason: NotInExcelReason, host = '?'): Locator {
    const text = this.strings.notInExcel.reason;
    return this.root.getByText(reason === 'other-host' ? text['other-host'](host) : text[reason]);
  }
}
