/**
 * Page objects of the production task pane for the e2e scenario: one per view (填报, 检查, 提交, 设置) and the
 * shell around them. Their locators are built from the pane's own strings (src/apps/taskpane/strings, zh-CN
 * or en-US), so a reworded label changes the test with the pane, and the scenario says what it does, not
 * which text it looks for.
 */
import type { Locale } from '../../../src/apps/taskpane/strings';
import { CheckPage } from './check-page';
import { FillPage } from './fill-page';
import { SettingsPage } from './settings-page';
import { ShellPage } from './shell-page';
import { SubmitPage } from './submit-page';
import type { Root } from './text';

export { CheckPage, type FindingGroup } from './check-page';
export { FillPage } from './fill-page';
export { SettingsPage } from './settings-page';
export { ShellPage, type ViewName } from './shell-page';
export { SubmitPage } from './submit-page';
export { ANY_COUNT, ANY_TEXT, pattern, type Root } from './text';

/** The pane, view by view, in one language. */
export interface TaskPane {
  readonly shell: ShellPage;
  readonly fill: FillPage;
  readonly check: CheckPage;
  readonly submit: SubmitPage;
  readonly settings: SettingsPage;
}

/** The page objects of the pane in `root` (the pane's frame), in `locale` (default zh-CN). */
export function taskPane(root: Root, locale: Locale = 'zh-CN'): TaskPane {
  return {
    shell: new ShellPage(root, locale),
    fill: new FillPage(root, locale),
    check: new CheckPage(root, locale),
    submit: new SubmitPage(root, locale),
    settings: new SettingsPage(root, locale),
  };
}
