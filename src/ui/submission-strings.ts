/**
 * 回执与审核状态的文字 / The texts of what every front end shows about a submission — its receipt and where it
 * stands in the bureau's review — in zh-CN (the default) and en-US. They live here, beside the components
 * that show them, so the task pane and the web app say the same; the task pane's submit strings take them
 * in (`SubmitStrings extends SubmissionStrings`) and keep everything else of the Submit view.
 *
 * The components get these as a `strings` prop rather than importing this file: the task pane's first screen
 * holds its strings, and a module imported by the first screen and by the lazy Submit view alike would be
 * kept apart in the bundle, with its own wrapper. For the same reason the status badge's labels are an export
 * of their own (only lists use them; the pane has none), and the imports below are type-only (no zod, no core).
 */
import type { ValueCounts } from '../contract/api';
import type { SubmissionStatus } from '../contract/submission-document';
import type { Language } from '../core/i18n/message';

export interface SubmissionStrings {
  /** A date and time (ms since 1970) in the person's local time. */
  formatTime: (ms: number) => string;

  // ---- the review on the server ----
  statusSubmitted: (version: number, time: string) => string;
  statusReturnedTitle: string;
  statusReturned: (version: number, time: string) => string;
  returnedComment: (comment: string) => string;
  returnedNoComment: string;
  returnedAction: string;
  statusApprovedTitle: string;
  statusApproved: (version: number, time: string) => string;

  // ---- the receipt ----
  receiptTitle: (version: number) => string;
  receivedAt: string;
  counts: string;
  countsText: (counts: ValueCounts) => string;
  submissionId: string;
  bodySha256: string;
  /** A replay: the server had this submission already and stored nothing twice. */
  replayed: string;
}

/** Date and time to the second, 24-hour, the same parts in both languages; the month as each writes it. */
function timeFormat(locale: string, month: 'long' | 'short'): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month, day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

const zhTime = timeFormat('zh-CN', 'long');
const enTime = timeFormat('en-GB', 'short');

export const submissionStrings: Readonly<Record<Language, SubmissionStrings>> = {
  'zh-CN': {
    formatTime: (ms) => zhTime.format(ms),

    statusSubmitted: (version, time) => `已提交第 ${version} 版（${time}），等待统计局审核。`,
    statusReturnedTitle: '统计局已退回报表',
    statusReturned: (version, time) => `第 ${version} 版于 ${time} 被退回。`,
    returnedComment: (comment) => `退回意见：${comment}`,
    returnedNoComment: '统计局未填写退回意见，请与统计局联系。',
    returnedAction: '请按意见修改工作表，检查通过后重新提交。',
    statusApprovedTitle: '已审核通过（已锁定）',
    statusApproved: (version, time) => `第 ${version} 版已于 ${time} 由统计局审核通过并锁定，不能再提交新版本。如需修改，请联系统计局重新打开。`,

    receiptTitle: (version) => `提交成功：第 ${version} 版`,
    receivedAt: '接收时间',
    counts: '数据',
    countsText: (c) => `共 ${c.values} 项：达标 ${c.met}，未达标 ${c.notMet}，${c.notYetDue ? `未到期 ${c.notYetDue}，` : ''}无数据 ${c.noData}，不作评估 ${c.notAssessable}${c.invalid ? `，有误 ${c.invalid}` : ''}；附说明的预警 ${c.warnings}`,
    submissionId: '报表编号',
    bodySha256: '内容校验码',
    replayed: '重复提交已识别，未重复保存。',
  },
  'en-US': {
    formatTime: (ms) => enTime.format(ms),

    statusSubmitted: (version, time) => `Version ${version} submitted (${time}); awaiting review by the statistics bureau.`,
    statusReturnedTitle: 'Returned by the statistics bureau',
    statusReturned: (version, time) => `Version ${version} was returned on ${time}.`,
    returnedComment: (comment) => `Comment: ${comment}`,
    returnedNoComment: 'The bureau left no comment; please contact the statistics bureau.',
    returnedAction: 'Fix the sheet as asked, check it, and submit again.',
    statusApprovedTitle: 'Approved (locked)',
    statusApproved: (version, time) => `Version ${version} was approved by the statistics bureau on ${time} and is locked: no new version can be submitted. To change it, ask the bureau to reopen it.`,

    receiptTitle: (version) => `Submitted: version ${version}`,
    receivedAt: 'Received',
    counts: 'Values',
    countsText: (c) => `${c.values} in all: ${c.met} met, ${c.notMet} missed, ${c.notYetDue ? `${c.notYetDue} not yet due, ` : ''}${c.noData} no data, ${c.notAssessable} not assessed${c.invalid ? `, ${c.invalid} invalid` : ''}; ${c.warnings} warning${c.warnings === 1 ? '' : 's'} with a note`,
    submissionId: 'Report id',
    bodySha256: 'Checksum',
    replayed: 'Repeated submission recognised: nothing was stored twice.',
  },
};

/** A short label per review status, for lists of `SubmissionSummary` rows (the badge). */
export type StatusBadgeStrings = Readonly<Record<SubmissionStatus, string>>;

export const statusBadgeStrings: Readonly<Record<Language, StatusBadgeStrings>> = {
  'zh-CN': { submitted: '待审核', returned: '已退回', approved: '已通过 · 已锁定' },
  'en-US': { submitted: 'Awaiting review', returned: 'Returned', approved: 'Approved · locked' },
};
