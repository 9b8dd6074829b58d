import type { Locator } from 'playwright-core';
import { strings, type Locale } from '../../../src/apps/taskpane/strings';
import type { CheckStrings } from '../../../src/apps/taskpane/strings/check-strings';
import type { Grouping } from '../../../src/apps/taskpane/check/findings';
import { completenessText, countsText, type ReportCounts } from '../../../src/core/report/report-findings';
import { ANY_COUNT, pattern, type Root } from './text';

/** The groups of findings the view lists with a count. */
export type FindingGroup = keyof CheckStrings['groups'];

/** 检查 (src/apps/taskpane/check/CheckView.tsx): checking the active sheet, the findings by group, live re-checks. */
export class CheckPage {
  readonly strings: CheckStrings;
  readonly panel: Locator;

  constructor(
    root: Root,
    private readonly locale: Locale = 'zh-CN',
  ) {
    this.strings = strings[locale].check;
    this.panel = root.locator('#panel-check');
  }

  async run(): Promise<void> {
    await this.panel.getByRole('button', { name: this.strings.checkButton }).click();
  }

  resultsHeading(sheetName: string): Locator {
    return this.panel.getByRole('heading', { name: this.strings.resultsFor(sheetName) });
  }

  /** What the view announces when a check finished (a live region). */
  get announcement(): Locator {
    return this.panel.getByRole('status');
  }

  /**
   * The announcement of these counts, whatever the number of 提示; with `notesRequired`, that many lines still
   * needing a 说明, without it any number (or none).
   */
  announced(counts: Readonly<Record<Exclude<FindingGroup, 'info'>, number>> & { readonly notesRequired?: number }): RegExp {
    if (counts.notesRequired !== undefined) return pattern(this.strings.announce({ ...counts, info: ANY_COUNT }));
    const without = pattern(this.strings.announce({ ...counts, info: ANY_COUNT }));
    const withNotes = pattern(this.strings.announce({ ...counts, info: ANY_COUNT, notesRequired: ANY_COUNT }));
    return new RegExp(`${without.source}|${withNotes.source}`);
  }

  /** A group's header button, with its count ("错误 1 项"). */
  groupHeader(group: FindingGroup, count: number): Locator {
    return this.panel.getByRole('button', { name: `${this.strings.groups[group]} ${this.strings.groupCount(count)}` });
  }

  /** A group's list (its panel open). */
  groupList(group: FindingGroup): Locator {
    return this.panel.getByRole('list', { name: this.strings.groups[group] });
  }

  /** The rows of a group's list. */
  findings(group: FindingGroup): Locator {
    return this.groupList(group).getByRole('listitem');
  }

  /** How a row names its cell ("单元格 K7"). */
  cell(address: string): string {
    return this.strings.cell(address);
  }

  /** The completeness counter's words under its bar ("已填 35/60"), the core's completenessText. */
  completeness(counts: Pick<ReportCounts, 'filled' | 'lines'>): Locator {
    return this.panel.getByText(completenessText(counts, this.locale), { exact: true });
  }

  /** The completeness bar. */
  get completenessBar(): Locator {
    return this.panel.getByRole('progressbar');
  }

  /** The counts' sentence ("错误 18 · 未达标 4 · …；须填写说明 7"), the core's countsText: the same words 提交, the CLI and the server say. */
  counts(counts: ReportCounts): Locator {
    return this.panel.getByText(countsText(counts, this.locale), { exact: true });
  }

  /** A way of cutting the list into sections (按类别, 按领域, 按填报单元). */
  grouping(value: Grouping): Locator {
    return this.panel.getByRole('radio', { name: this.strings.groupings[value] });
  }

  /** The sections' headings (a category, a 领域 or a 填报单元 each). */
  get sectionHeadings(): Locator {
    return this.panel.getByRole('heading', { level: 3 });
  }

  /** A section's list of rows, by its heading's name (a 领域, a township …). */
  section(name: string): Locator {
    return this.panel.getByRole('list', { name, exact: true }).getByRole('listitem');
  }

  get nextProblemButton(): Locator {
    return this.panel.getByRole('button', { name: this.strings.nextProblem });
  }

  get liveOn(): Locator {
    return this.panel.getByText(this.strings.liveOn);
  }
}
