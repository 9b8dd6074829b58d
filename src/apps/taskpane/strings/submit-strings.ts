import type { PlanId } from '../../../core/catalog/indicator-schema';
import { planNamesIn } from '../../../core/catalog/plan-names';
import { submissionStrings, type SubmissionStrings } from '../../../ui/submission-strings';
import type { Locale } from './locale';

/** How an entry is named in lists: the indicator, and the township or listed body for per-unit indicators. */
export interface PlaceText {
  readonly indicatorId: string;
  /** The indicator's name in the pane's language, when known. */
  readonly indicatorName?: string;
  /** The township or body, when the entry is per unit. */
  readonly unit?: string;
}

/**
 * The Submit view (提交): pre-flight, sending, the review state on the server, the outbox. The receipt's and
 * the review's own texts (and `formatTime`) come from src/ui, shared with the web app: `SubmissionStrings`.
 */
export interface SubmitStrings extends SubmissionStrings {
  heading: string;
  intro: string;
  planNames: Record<PlanId, string>;

  // ---- the sheet and the pre-flight check ----
  reading: string;
  recheck: string;
  readFailed: (detail: string) => string;
  notTemplateTitle: string;
  /** The reader's message, then what to do. */
  notTemplate: (message: string) => string;
  noOrganisationTitle: string;
  noOrganisation: string;
  sheetSummary: (p: { plan: string; year: number; organisation: string; sheet: string }) => string;
  place: (p: PlaceText) => string;
  errorsHeading: (count: number) => string;
  errorsHint: string;
  /** aria-label of a cell-address button. */
  selectCell: (address: string) => string;
  selectFailed: (detail: string) => string;
  notesHeading: (count: number) => string;
  notesHint: string;
  noteLabel: (address: string) => string;
  notePlaceholder: string;
  writeNotes: string;
  writingNotes: string;
  notesWritten: (count: number) => string;
  writeNotesFailed: (detail: string) => string;
  hintsHeading: (count: number) => string;
  ready: (count: number) => string;

  // ---- submitting ----
  submit: string;
  /** Why 提交 is not available (shown next to the disabled button). */
  blocked: { errors: string; notes: string; approved: string; noSettings: string; notReady: string; unchanged: string };
  /** This workbook's last delivery of the sheet's report (shown until something newer happens here). */
  lastDelivered: (version: number, time: string) => string;
  sending: string;
  unexpected: (detail: string) => string;

  // ---- settings ----
  noSettingsTitle: string;
  noSettings: string;
  openSettings: string;

  // ---- the report on the server ----
  statusHeading: string;
  statusLoading: string;
  statusNone: (year: number) => string;
  statusUnavailable: string;
  refreshStatus: string;

  // ---- after 提交 ----
  /** An older submission of the same report, still waiting in the queue, was replaced. */
  replaced: string;

  // ---- the outbox ----
  queuedTitle: string;
  queued: (nextAttempt: string) => string;
  queuedNoTime: string;
  retryNow: string;
  retrying: string;
  attentionTitle: string;
  attention: string;
  outboxHeading: string;
  outboxEntry: (p: { plan: string; year: number; organisation: string }) => string;
  entryQueued: (attempts: number, nextAttempt: string) => string;
  entryWaiting: string;
  entryAttention: string;
  lastError: (message: string) => string;
  /** The same failure is already shown above: said once, not again in full. */
  lastErrorSame: string;
  /** aria-label of an indicator named in the bureau's comment: selects its row's value cell. */
  commentIndicator: (indicatorId: string, address: string) => string;

  // ---- shown outside the Submit view (the pane's other tabs) ----
  pendingTitle: (count: number) => string;
  pendingQueued: (entries: string) => string;
  pendingAttention: (entries: string) => string;
  recentTitle: string;
  recentDelivered: (entry: string, version: number, time: string) => string;
  openSubmit: string;
  dismiss: string;
  createdAt: (time: string) => string;
  discard: string;
  discardLabel: (entry: string) => string;
  retryLabel: (entry: string) => string;
  corrupt: (copyKey: string) => string;
}

/** The Submit view's own texts: everything but the shared receipt and review texts. */
type OwnSubmitStrings = Omit<SubmitStrings, keyof SubmissionStrings>;

/**
 * Each language's own texts joined with src/ui's shared ones by Object.assign, not object spread: the first
 * screen holds these strings, and spread (ES2018) would make the es2017 build add SWC's spread helpers to it.
 */
export const submitStrings: Readonly<Record<Locale, SubmitStrings>> = {
  'zh-CN': Object.assign({
    heading: '提交',
    intro: '提交前会先检查当前工作表：有错误的不能提交；未达标或波动较大的数据须在“说明”栏写明原因。',
    planNames: planNamesIn('zh-CN'),

    reading: '正在读取并检查当前工作表…',
    recheck: '重新检查',
    readFailed: (detail) => `未能读取当前工作表：${detail}`,
    notTemplateTitle: '当前工作表不是填报模板',
    notTemplate: (message) => `${message}。请切换到用“填报”页插入的模板工作表，然后点击“重新检查”。`,
    noOrganisationTitle: '汇总模板不能提交',
    noOrganisation: '这是包含全部指标、没有指定填报单位的汇总模板。请在“填报”页选择本单位插入模板，把数据填入（或复制）后再提交。',
    sheetSummary: ({ plan, year, organisation, sheet }) => `${plan} · ${year}年度 · ${organisation}（工作表“${sheet}”）`,
    place: ({ indicatorId, indicatorName, unit }) => `${indicatorId}${indicatorName ? ` ${indicatorName}` : ''}${unit ? `（${unit}）` : ''}`,
    errorsHeading: (count) => `错误 ${count} 处：改正后才能提交`,
    errorsHint: '点击单元格地址可在工作表中定位到该单元格。改正后点击“重新检查”。',
    selectCell: (address) => `定位到单元格 ${address}`,
    selectFailed: (detail) => `未能定位单元格：${detail}`,
    notesHeading: (count) => `须填写说明 ${count} 项`,
    notesHint: '以下数据未达标、波动较大或预计难以达标，统计局要求写明原因后才能提交。说明会写入工作表的“说明”栏。',
    noteLabel: (address) => `说明（写入单元格 ${address}）`,
    notePlaceholder: '例如：统计口径调整；因新建学校，基数变化较大',
    writeNotes: '写入说明并重新检查',
    writingNotes: '正在写入说明…',
    notesWritten: (count) => `已把 ${count} 条说明写入工作表。`,
    writeNotesFailed: (detail) => `说明未能写入工作表：${detail}`,
    hintsHeading: (count) => `工作表提示 ${count} 条（不影响提交）`,
    ready: (count) => `检查通过：${count} 项数据可以提交。`,

    submit: '提交',
    blocked: {
      errors: '请先改正上面的错误。',
      notes: '请先为上面的预警数据填写说明。',
      approved: '本年度报表已审核通过并锁定，不能再提交。',
      noSettings: '请先在“设置”中填写访问令牌。',
      notReady: '请先打开一张本单位的填报模板工作表。',
      unchanged: '这份工作表已提交，此后没有改动，不必重复提交。修改工作表后点击“重新检查”，即可提交新版本。',
    },
    lastDelivered: (version, time) => `本工作簿最近一次提交：第 ${version} 版，已于 ${time} 送达服务器。`,
    sending: '正在提交…',
    unexpected: (detail) => `出现意外错误：${detail}。工作簿中的内容不受影响，请稍后重试。`,

    noSettingsTitle: '尚未设置访问令牌',
    noSettings: '提交需要统计局发放的访问令牌。请在“设置”中填写服务器地址和令牌。',
    openSettings: '打开设置',

    statusHeading: '服务器上的报表状态',
    statusLoading: '正在查询服务器上的报表状态…',
    statusNone: (year) => `服务器上还没有本单位${year}年度的这份报表。`,
    statusUnavailable: '暂时无法获取服务器上的报表状态（网络或服务器不可用）。仍可提交：连不上时会先保存在本机，稍后自动发送。',
    refreshStatus: '刷新状态',

    replaced: '待发送队列中同一报表较早的一份尚未发出，已由这次提交替换。',

    queuedTitle: '已加入待发送队列，将自动重试',
    queued: (nextAttempt) => `暂时连不上服务器，提交内容已保存在本机。下次尝试：${nextAttempt}。关闭任务窗格后再次打开也会继续发送，不会重复提交。`,
    queuedNoTime: '暂时连不上服务器，提交内容已保存在本机，恢复联网后会自动发送，不会重复提交。',
    retryNow: '立即重试',
    retrying: '正在重试…',
    attentionTitle: '服务器未接受这次提交',
    attention: '这份提交不会自动重试。请按上面的提示处理（例如修改工作表或在“设置”中更换令牌），然后重新提交或点击“立即重试”。',
    outboxHeading: '待发送队列（本工作簿）',
    outboxEntry: ({ plan, year, organisation }) => `${plan} · ${year}年度 · ${organisation}`,
    entryQueued: (attempts, nextAttempt) => `等待发送：已尝试 ${attempts} 次，下次尝试 ${nextAttempt}`,
    entryWaiting: '等待发送',
    entryAttention: '需要处理：未自动重试',
    lastError: (message) => `最近一次：${message}`,
    lastErrorSame: '最近一次：未能送达，原因同上。',
    commentIndicator: (indicatorId, address) => `定位到 ${indicatorId}（单元格 ${address}）`,
    pendingTitle: (count) => `${count} 份报表尚未送达服务器`,
    pendingQueued: (entries) => `${entries}：已保存在本机，连上服务器后自动发送，不会重复提交。`,
    pendingAttention: (entries) => `${entries}：服务器未接受，需要处理。`,
    recentTitle: '最近的提交',
    recentDelivered: (entry, version, time) => `${entry}：第 ${version} 版已于 ${time} 送达服务器。`,
    openSubmit: '查看提交',
    dismiss: '知道了',
    createdAt: (time) => `提交于 ${time}`,
    discard: '移除',
    discardLabel: (entry) => `从待发送队列中移除：${entry}`,
    retryLabel: (entry) => `立即重试：${entry}`,
    corrupt: (copyKey) => `本机保存的待发送队列已损坏，无法读取的部分已另存（${copyKey}），可读的提交仍会继续发送。如有提交未到达，请重新提交。`,
  } satisfies OwnSubmitStrings, submissionStrings['zh-CN']),
  'en-US': Object.assign({
    heading: 'Submit',
    intro: 'The active sheet is checked before it is sent: a sheet with errors cannot be submitted, and values that miss a target or change strongly need a note.',
    planNames: planNamesIn('en-US'),

    reading: 'Reading and checking the active sheet…',
    recheck: 'Check again',
    readFailed: (detail) => `The active sheet could not be read: ${detail}`,
    notTemplateTitle: 'The active sheet is not a report template',
    notTemplate: (message) => `${message}. Switch to a template sheet inserted from the Fill tab, then choose Check again.`,
    noOrganisationTitle: 'The all-indicator template cannot be submitted',
    noOrganisation: 'This template holds every indicator and names no organisation. Insert your organisation\u2019s template from the Fill tab, enter (or copy) the data there, then submit.',
    sheetSummary: ({ plan, year, organisation, sheet }) => `${plan} · ${year} · ${organisation} (sheet "${sheet}")`,
    place: ({ indicatorId, indicatorName, unit }) => `${indicatorId}${indicatorName ? ` ${indicatorName}` : ''}${unit ? ` (${unit})` : ''}`,
    errorsHeading: (count) => `${count} error${count === 1 ? '' : 's'}: fix before submitting`,
    errorsHint: 'Choose a cell address to select that cell in the sheet. Choose Check again after fixing.',
    selectCell: (address) => `Select cell ${address}`,
    selectFailed: (detail) => `The cell could not be selected: ${detail}`,
    notesHeading: (count) => `${count} value${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} a note`,
    notesHint: 'These values miss a target, change strongly or are projected to miss it; the statistics bureau accepts them only with an explanation. Notes are written into the sheet\u2019s Note column.',
    noteLabel: (address) => `Note (written to cell ${address})`,
    notePlaceholder: 'e.g. definition changed; a new school changed the base',
    writeNotes: 'Write notes and check again',
    writingNotes: 'Writing the notes…',
    notesWritten: (count) => `${count} note${count === 1 ? '' : 's'} written into the sheet.`,
    writeNotesFailed: (detail) => `The notes could not be written into the sheet: ${detail}`,
    hintsHeading: (count) => `${count} sheet hint${count === 1 ? '' : 's'} (do not block submission)`,
    ready: (count) => `Check passed: ${count} value${count === 1 ? '' : 's'} ready to submit.`,

    submit: 'Submit',
    blocked: {
      errors: 'Fix the errors above first.',
      notes: 'Add notes to the values above first.',
      approved: 'This year\u2019s report is approved and locked; it cannot be submitted again.',
      noSettings: 'Enter your access token in Settings first.',
      notReady: 'Open your organisation\u2019s template sheet first.',
      unchanged: 'This sheet has been submitted and not changed since: there is nothing new to submit. Change the sheet and choose Check again to submit a new version.',
    },
    lastDelivered: (version, time) => `Last submission from this workbook: version ${version}, delivered on ${time}.`,
    sending: 'Submitting…',
    unexpected: (detail) => `Something unexpected went wrong: ${detail}. The workbook is not affected; try again later.`,

    noSettingsTitle: 'No access token yet',
    noSettings: 'Submitting needs the access token issued by the statistics bureau. Enter the server address and token in Settings.',
    openSettings: 'Open Settings',

    statusHeading: 'Report status on the server',
    statusLoading: 'Looking up the report on the server…',
    statusNone: (year) => `The server has no ${year} report of this plan from your organisation yet.`,
    statusUnavailable: 'The report\u2019s status on the server cannot be fetched right now (network or server unavailable). You can still submit: if the server cannot be reached, the submission is kept on this computer and sent later.',
    refreshStatus: 'Refresh status',

    replaced: 'An earlier, not yet sent submission of the same report in the queue was replaced by this one.',

    queuedTitle: 'Queued; will be retried automatically',
    queued: (nextAttempt) => `The server cannot be reached right now; the submission is kept on this computer. Next attempt: ${nextAttempt}. It is sent even if the pane is closed and opened again, and never stored twice.`,
    queuedNoTime: 'The server cannot be reached right now; the submission is kept on this computer and sent once the connection is back, never twice.',
    retryNow: 'Retry now',
    retrying: 'Retrying…',
    attentionTitle: 'The server did not accept this submission',
    attention: 'It is not retried automatically. Deal with the message above (fix the sheet, or change the token in Settings), then submit again or choose Retry now.',
    outboxHeading: 'Waiting to be sent (this workbook)',
    outboxEntry: ({ plan, year, organisation }) => `${plan} · ${year} · ${organisation}`,
    entryQueued: (attempts, nextAttempt) => `Waiting: ${attempts} attempt${attempts === 1 ? '' : 's'} so far, next at ${nextAttempt}`,
    entryWaiting: 'Waiting to be sent',
    entryAttention: 'Needs attention: not retried automatically',
    lastError: (message) => `Last attempt: ${message}`,
    lastErrorSame: 'Last attempt: not delivered, for the reason above.',
    commentIndicator: (indicatorId, address) => `Go to ${indicatorId} (cell ${address})`,
    pendingTitle: (count) => `${count} report${count === 1 ? '' : 's'} not yet delivered to the server`,
    pendingQueued: (entries) => `${entries}: kept on this computer and sent once the server can be reached, never twice.`,
    pendingAttention: (entries) => `${entries}: refused by the server; needs attention.`,
    recentTitle: 'Recent submission',
    recentDelivered: (entry, version, time) => `${entry}: version ${version} delivered on ${time}.`,
    openSubmit: 'Open Submit',
    dismiss: 'OK',
    createdAt: (time) => `Submitted ${time}`,
    discard: 'Remove',
    discardLabel: (entry) => `Remove from the queue: ${entry}`,
    retryLabel: (entry) => `Retry now: ${entry}`,
    corrupt: (copyKey) => `The queue saved on this computer was damaged; what could not be read was set aside (${copyKey}), readable submissions are still sent. If a submission did not arrive, submit it again.`,
  } satisfies OwnSubmitStrings, submissionStrings['en-US']),
};
