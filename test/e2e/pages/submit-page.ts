import type { Locator } from 'playwright-core';
import { strings, type Locale } from '../../../src/apps/taskpane/strings';
import type { SubmitStrings } from '../../../src/apps/taskpane/strings/submit-strings';
import { ANY_COUNT, ANY_TEXT, pattern, type Root } from './text';

/**
 * 提交 (src/apps/taskpane/submit/SubmitView.tsx): the pre-flight check and the 说明 to write, submitting, the
 * queue while the server cannot be reached, the receipt and the report's review on the server (src/ui).
 */
export class SubmitPage {
  readonly strings: SubmitStrings;
  readonly panel: Locator;

  constructor(root: Root, locale: Locale = 'zh-CN') {
    this.strings = strings[locale].submit;
    this.panel = root.locator('#panel-submit');
  }

  private text(text: string | RegExp): Locator {
    return this.panel.getByText(text);
  }

  // ---- the pre-flight check ----

  async recheck(): Promise<void> {
    await this.panel.getByRole('button', { name: this.strings.recheck }).first().click();
  }

  /** The heading of the errors that block submitting, whatever their number. */
  get errorsHeading(): Locator {
    return this.text(pattern(this.strings.errorsHeading(ANY_COUNT)));
  }

  notesHeading(count: number): Locator {
    return this.text(this.strings.notesHeading(count));
  }

  /** The 说明 field of the finding whose note goes into `address`. */
  noteField(address: string): Locator {
    return this.panel.getByLabel(this.strings.noteLabel(address));
  }

  async writeNotes(): Promise<void> {
    await this.panel.getByRole('button', { name: this.strings.writeNotes }).click();
  }

  notesWritten(count: number): Locator {
    return this.text(this.strings.notesWritten(count));
  }

  ready(count: number): Locator {
    return this.text(this.strings.ready(count));
  }

  // ---- submitting ----

  get submitButton(): Locator {
    return this.panel.getByRole('button', { name: this.strings.submit, exact: true });
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  receipt(version: number): Locator {
    return this.text(this.strings.receiptTitle(version));
  }

  get queued(): Locator {
    return this.text(this.strings.queuedTitle);
  }

  get outboxHeading(): Locator {
    return this.text(this.strings.outboxHeading);
  }

  // ---- the report on the server ----

  /** "已提交第 3 版（<time>），等待统计局审核。" */
  submitted(version: number): Locator {
    return this.text(pattern(this.strings.statusSubmitted(version, ANY_TEXT)));
  }

  get returnedTitle(): Locator {
    return this.text(this.strings.statusReturnedTitle);
  }

  returnedComment(comment: string): Locator {
    return this.text(this.strings.returnedComment(comment));
  }

  /** "第 3 版于 <time> 被退回。" */
  returned(version: number): Locator {
    return this.text(pattern(this.strings.statusReturned(version, ANY_TEXT)));
  }

  get returnedAction(): Locator {
    return this.text(this.strings.returnedAction);
  }

  get approvedTitle(): Locator {
    return this.text(this.strings.statusApprovedTitle);
  }

  /** "第 4 版已于 <time> 由统计局审核通过并锁定…" */
  approved(version: number): Locator {
    return this.text(pattern(this.strings.statusApproved(version, ANY_TEXT)));
  }

  /** Why 提交 is disabled for an approved (locked) report. */
  get approvedBlocked(): Locator {
    return this.text(this.strings.blocked.approved);
  }
}
