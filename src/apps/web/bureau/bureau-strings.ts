import type { Language } from '../../../core/i18n/message';

/**
 * The words of the statistics bureau's workspace (统计局工作台), in both languages (zh-CN first): the pages
 * 完成情况, 审核, 汇总, 预警, 指标, 评估 and what they share. Statuses are the server's codes, named here once.
 */
export interface BureauStrings {
  readonly title: string;
  readonly nav: { readonly label: string; readonly completeness: string; readonly consolidation: string; readonly warnings: string; readonly evaluation: string };
  readonly noPermissionTitle: string;
  readonly noPermission: (role: string) => string;
  readonly loading: string;
  readonly errorTitle: string;
  readonly retry: string;
  readonly noSubmissions: string;
  readonly notFound: string;
  readonly plan: string;
  readonly planBoth: string;
  readonly planNames: Readonly<Record<'women' | 'children', string>>;
  readonly year: string;
  readonly yearOption: (year: number, reportedIn: number) => string;
  readonly print: string;
  readonly downloadXlsx: string;
  readonly downloadCsv: string;
  readonly downloading: string;
  readonly downloadFailed: string;
  readonly percent: (ratio: number | null) => string;
  readonly formatTime: (iso: string) => string;
  readonly noValue: string;

  // ——— 完成情况 ———
  readonly completenessHeading: string;
  readonly organisation: string;
  readonly summaryHeading: (plan: string) => string;
  readonly expectedCount: string;
  readonly submittedCount: string;
  readonly approvedCount: string;
  readonly returnedCount: string;
  readonly lateCount: string;
  readonly missingCount: string;
  readonly notStartedCount: string;
  readonly reportingRate: string;
  readonly onTimeRate: string;
  readonly deadline: string;
  readonly deadlineNone: string;
  readonly deadlineInput: (plan: string) => string;
  readonly deadlineSave: string;
  readonly deadlineSaved: (plan: string, date: string) => string;
  readonly states: Readonly<Record<'notStarted' | 'missing' | 'submitted' | 'returned' | 'approved', string>>;
  readonly lateBadge: string;
  readonly versionText: (version: number) => string;
  readonly review: string;
  readonly reviewLink: (organisation: string, plan: string) => string;
  readonly notExpected: string;
  readonly reminderHeading: string;
  readonly reminderLabel: string;
  readonly reminderCopy: string;
  readonly reminderCopied: string;
  readonly reminderNone: string;
  readonly reminderText: (input: { plan: string; year: number; deadline: string | null; missing: readonly string[]; returned: readonly string[] }) => string;

  // ——— 审核 ———
  readonly reviewHeading: (organisation: string, plan: string, year: number) => string;
  readonly backToBoard: string;
  readonly currentVersion: (version: number) => string;
  readonly statusLabel: string;
  readonly submissionStatus: Readonly<Record<'submitted' | 'returned' | 'approved', string>>;
  readonly valuesHeading: (version: number) => string;
  readonly indicator: string;
  readonly unit: string;
  readonly value: string;
  readonly previousYear: string;
  readonly lastYearReported: (value: string) => string;
  readonly change: string;
  readonly verdict: string;
  readonly note: string;
  readonly indicatorComment: string;
  readonly indicatorCommentFor: (indicator: string) => string;
  readonly addIndicatorComment: (indicator: string) => string;
  readonly versionDiffHeading: (from: number, to: number) => string;
  readonly versionDiffTitle: string;
  readonly firstVersion: string;
  readonly noDifferences: string;
  readonly diffKinds: Readonly<Record<'added' | 'removed' | 'changed', string>>;
  readonly before: string;
  readonly after: string;
  readonly decisionHeading: string;
  readonly commentLabel: string;
  readonly commentHint: string;
  readonly approve: string;
  readonly returnAction: string;
  readonly reopen: string;
  readonly returnNeedsComment: string;
  readonly composedComment: string;
  readonly approved: (version: number) => string;
  readonly returned: (version: number) => string;
  readonly reopened: string;
  readonly historyHeading: string;
  readonly historyActions: Readonly<Record<'submitted' | 'approved' | 'returned' | 'reopened', string>>;
  readonly when: string;
  readonly action: string;
  readonly version: string;
  readonly comment: string;
  readonly verdicts: Readonly<Record<string, string>>;

  // ——— 汇总 ———
  readonly consolidationHeading: string;
  readonly filtersLabel: string;
  readonly domain: string;
  readonly status: string;
  readonly township: string;
  readonly all: string;
  readonly countyValue: string;
  readonly reportedBy: string;
  readonly conflict: string;
  readonly conflictValues: string;
  readonly rollUp: string;
  readonly rollUpText: (input: { met: number; units: number; notMet: number; notYetDue: number; withoutData: number }) => string;
  readonly failing: string;
  readonly missingUnits: string;
  readonly townshipDetails: (count: number) => string;
  readonly shown: (shown: number, total: number) => string;
  readonly noMatch: string;
  readonly rollUpStatus: Readonly<Record<string, string>>;

  // ——— 预警 ———
  readonly warningsHeading: string;
  readonly warningKind: string;
  readonly warningKinds: Readonly<Record<'conflict' | 'progress' | 'fluctuation', string>>;
  readonly message: string;
  readonly progressStatus: string;
  readonly progressStatuses: Readonly<Record<string, string>>;
  readonly noWarnings: string;

  // ——— 指标 ———
  readonly indicatorHeading: (id: string, name: string) => string;
  readonly trendHeading: string;
  readonly trendCaption: (name: string, unit: string) => string;
  readonly townshipHeading: string;
  readonly townshipCaption: (name: string, unit: string) => string;
  readonly observed: string;
  readonly baseline: string;
  readonly target: string;
  readonly targetLine: (value: string, year: number) => string;
  readonly milestone: (year: number) => string;
  readonly finalTarget: (year: number) => string;
  readonly targetYear: string;
  readonly source: string;
  readonly sources: Readonly<Record<'observed' | 'baseline', string>>;
  readonly chartTable: string;
  readonly noSeries: string;
  readonly noTarget: string;
  readonly chartLoading: string;
  readonly progressText: string;
  readonly meetsThreshold: string;
  readonly meets: string;
  readonly misses: string;
  readonly indicatorMissing: (id: string) => string;

  // ——— 评估 ———
  readonly evaluationHeading: (kind: 'annual' | 'midTerm' | 'final', year: number) => string;
  readonly byDomainHeading: string;
  readonly rowsHeading: string;
  readonly counts: Readonly<Record<'indicators' | 'monitorable' | 'met' | 'basicallyMet' | 'notMet' | 'notYetDue' | 'noData' | 'rateWithData' | 'rateAll', string>>;
  readonly total: string;
  readonly basicallyMetNote: (ratio: number) => string;
  readonly notYetDueByProgress: (count: number, parts: readonly string[]) => string;
  readonly categories: Readonly<Record<'met' | 'basicallyMet' | 'notMet' | 'notYetDue' | 'noData' | 'notMonitorable', string>>;
  readonly category: string;
  readonly latest: string;
  readonly completion: string;
  readonly responsible: string;
  readonly definitionsHeading: string;
}

const zhTime = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const enTime = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const time = (format: Intl.DateTimeFormat) => (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : format.format(ms);
};
const percent = (ratio: number | null) => (ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`);

export const bureauStrings: Readonly<Record<Language, BureauStrings>> = {
  'zh-CN': {
    title: '统计局工作台',
    nav: { label: '工作台导航', completeness: '完成情况', consolidation: '汇总', warnings: '预警', evaluation: '评估' },
    noPermissionTitle: '无权访问',
    noPermission: (role) => `统计局工作台只供统计局用户使用（当前账号的角色：${role === 'admin' ? '管理员' : role === 'reporter' ? '填报单位' : role}）。管理员不能查看报表。`,
    loading: '正在加载…',
    errorTitle: '加载失败',
    retry: '重试',
    noSubmissions: '尚无单位提交',
    notFound: '没有这个页面。',
    plan: '规划',
    planBoth: '两个规划',
    planNames: { women: '妇女发展规划', children: '儿童发展规划' },
    year: '年度',
    yearOption: (year, reportedIn) => `${year}年度（${reportedIn}年报送）`,
    print: '打印',
    downloadXlsx: '下载监测报告（.xlsx）',
    downloadCsv: '下载评估表（CSV）',
    downloading: '正在下载…',
    downloadFailed: '下载失败',
    percent,
    formatTime: time(zhTime),
    noValue: '—',

    completenessHeading: '报送完成情况',
    organisation: '单位',
    summaryHeading: (plan) => `${plan}：报送概况`,
    expectedCount: '应报单位',
    submittedCount: '已报送',
    approvedCount: '已审核',
    returnedCount: '已退回',
    lateCount: '迟报',
    missingCount: '逾期未报',
    notStartedCount: '未开始',
    reportingRate: '报送率',
    onTimeRate: '及时率',
    deadline: '截止日期',
    deadlineNone: '未设置',
    deadlineInput: (plan) => `${plan}的报送截止日期`,
    deadlineSave: '保存截止日期',
    deadlineSaved: (plan, date) => `${plan}的报送截止日期已设为 ${date}。`,
    states: { notStarted: '未开始', missing: '逾期未报', submitted: '已报送', returned: '已退回', approved: '已审核' },
    lateBadge: '迟报',
    versionText: (version) => `第 ${version} 版`,
    review: '审核',
    reviewLink: (organisation, plan) => `审核 ${organisation} 的${plan}报表`,
    notExpected: '不报此规划',
    reminderHeading: '催报名单',
    reminderLabel: '催报名单（可复制）',
    reminderCopy: '复制催报名单',
    reminderCopied: '已复制到剪贴板。',
    reminderNone: '所有应报单位均已报送。',
    reminderText: ({ plan, year, deadline, missing, returned }) =>
      [
        `【${plan} ${year}年度监测数据报送】`,
        missing.length > 0 ? `尚未报送（${missing.length} 个单位）：${missing.join('、')}` : '所有应报单位均已报送。',
        ...(returned.length > 0 ? [`已退回待重新提交（${returned.length} 个单位）：${returned.join('、')}`] : []),
        deadline ? `请于 ${deadline} 前通过 Excel 加载项或网页报送。` : '请尽快通过 Excel 加载项或网页报送。',
      ].join('\n'),

    reviewHeading: (organisation, plan, year) => `审核：${organisation} · ${plan} · ${year}年度`,
    backToBoard: '返回完成情况',
    currentVersion: (version) => `当前第 ${version} 版`,
    statusLabel: '审核状态',
    submissionStatus: { submitted: '待审核', returned: '已退回', approved: '已通过 · 已锁定' },
    valuesHeading: (version) => `第 ${version} 版的数据`,
    indicator: '指标',
    unit: '填报单元',
    value: '本年值',
    previousYear: '上年值',
    lastYearReported: (value) => `上年报送：${value}`,
    change: '变化',
    verdict: '达标情况',
    note: '说明',
    indicatorComment: '逐项意见',
    indicatorCommentFor: (indicator) => `对 ${indicator} 的意见`,
    addIndicatorComment: (indicator) => `对 ${indicator} 写意见`,
    versionDiffHeading: (from, to) => `与上一版的差异（第 ${from} 版 → 第 ${to} 版）`,
    versionDiffTitle: '与上一版的差异',
    firstVersion: '这是第 1 版，没有上一版可比较。',
    noDifferences: '与上一版相比没有变化。',
    diffKinds: { added: '新增', removed: '删除', changed: '修改' },
    before: '上一版',
    after: '本版',
    decisionHeading: '审核决定',
    commentLabel: '审核意见',
    commentHint: '退回时必填：写明需要修改什么。逐项意见会附在后面。',
    approve: '审核通过',
    returnAction: '退回修改',
    reopen: '重新打开',
    returnNeedsComment: '退回时须填写审核意见（或至少一条逐项意见）。',
    composedComment: '将发送的意见',
    approved: (version) => `第 ${version} 版已审核通过并锁定。`,
    returned: (version) => `第 ${version} 版已退回。`,
    reopened: '报表已重新打开，单位可以提交新版本。',
    historyHeading: '审核记录',
    historyActions: { submitted: '提交', approved: '审核通过', returned: '退回', reopened: '重新打开' },
    when: '时间',
    action: '操作',
    version: '版本',
    comment: '意见',
    verdicts: { met: '达标', notMet: '未达标', notYetDue: '未到期', noData: '无数据', invalid: '有误', notAssessable: '不作评估', missing: '未报送', incomplete: '数据不全' },

    consolidationHeading: '汇总',
    filtersLabel: '筛选',
    domain: '领域',
    status: '达标情况',
    township: '乡镇（街道）',
    all: '全部',
    countyValue: '县级值',
    reportedBy: '采用单位',
    conflict: '数据冲突',
    conflictValues: '各单位的值',
    rollUp: '分乡镇汇总',
    rollUpText: ({ met, units, notMet, notYetDue, withoutData }) => `达标 ${met}/${units}，未达标 ${notMet}，未到期 ${notYetDue}，无数据 ${withoutData}`,
    failing: '未达标',
    missingUnits: '无数据',
    townshipDetails: (count) => `各乡镇的值（${count} 个）`,
    shown: (shown, total) => `显示 ${shown} / ${total} 项指标`,
    noMatch: '没有符合筛选条件的指标。',
    rollUpStatus: { met: '达标', notMet: '未达标', notYetDue: '未到期', incomplete: '数据不全', noData: '无数据', notAssessable: '不作评估' },

    warningsHeading: '预警',
    warningKind: '类型',
    warningKinds: { conflict: '数据冲突', progress: '预计达标困难', fluctuation: '波动较大' },
    message: '内容',
    progressStatus: '进展',
    progressStatuses: { achieved: '已达标', onTrack: '进展顺利', needsAcceleration: '需加快', limited: '进展有限', regressing: '倒退', insufficientData: '数据不足', notAssessable: '无法评估' },
    noWarnings: '本年度没有预警。',

    indicatorHeading: (id, name) => `${id} ${name}`,
    trendHeading: '历年趋势',
    trendCaption: (name, unit) => `${name}历年值${unit ? `（${unit}）` : ''}与目标值`,
    townshipHeading: '各乡镇（街道）',
    townshipCaption: (name, unit) => `${name}：各乡镇（街道）的值${unit ? `（${unit}）` : ''}与目标值`,
    observed: '监测值',
    baseline: '基期值',
    target: '目标值',
    targetLine: (value, year) => `目标值 ${value}（${year}年）`,
    milestone: (year) => `中期目标（${year}年）`,
    finalTarget: (year) => `终期目标（${year}年）`,
    targetYear: '目标年份',
    source: '来源',
    sources: { observed: '监测值', baseline: '规划基期值' },
    chartTable: '图表数据',
    noSeries: '还没有可作图的数值。',
    noTarget: '目标不是数值（或以比值、区间表示），图中不画目标线；目标见评估表。',
    chartLoading: '正在加载图表…',
    progressText: '进展',
    meetsThreshold: '是否达到目标',
    meets: '达到',
    misses: '未达到',
    indicatorMissing: (id) => `本规划没有指标“${id}”。`,

    evaluationHeading: (kind, year) => (kind === 'midTerm' ? `${year}年中期评估` : kind === 'final' ? `${year}年终期评估` : `${year}年度监测评估`),
    byDomainHeading: '分领域达标情况',
    rowsHeading: '各指标',
    counts: { indicators: '指标数', monitorable: '可监测数', met: '已达标', basicallyMet: '基本达标', notMet: '未达标', notYetDue: '未到期', noData: '无数据', rateWithData: '达标率（有数据）', rateAll: '达标率（全部）' },
    total: '合计',
    basicallyMetNote: (ratio) => `基本达标：完成程度不低于 ${percent(ratio)}。`,
    notYetDueByProgress: (count, parts) => `未到期 ${count} 项${parts.length > 0 ? `，按进展：${parts.join('，')}` : ''}。`,
    categories: { met: '已达标', basicallyMet: '基本达标', notMet: '未达标', notYetDue: '未到期', noData: '无数据', notMonitorable: '不可监测' },
    category: '达标情况',
    latest: '最新值',
    completion: '完成程度',
    responsible: '责任单位',
    definitionsHeading: '口径说明',
  },
  'en-US': {
    title: 'Statistics bureau workspace',
    nav: { label: 'Workspace', completeness: 'Completeness', consolidation: 'Consolidation', warnings: 'Warnings', evaluation: 'Evaluation' },
    noPermissionTitle: 'No permission',
    noPermission: (role) => `The workspace is for statistics bureau users only (this account's role: ${role}). Admins cannot read reports.`,
    loading: 'Loading…',
    errorTitle: 'Could not load',
    retry: 'Retry',
    noSubmissions: 'No organisation has submitted yet',
    notFound: 'No such page.',
    plan: 'Plan',
    planBoth: 'Both plans',
    planNames: { women: 'Women\u2019s plan', children: 'Children\u2019s plan' },
    year: 'Year',
    yearOption: (year, reportedIn) => `${year} (reported in ${reportedIn})`,
    print: 'Print',
    downloadXlsx: 'Download the monitoring report (.xlsx)',
    downloadCsv: 'Download the evaluation table (CSV)',
    downloading: 'Downloading…',
    downloadFailed: 'Download failed',
    percent,
    formatTime: time(enTime),
    noValue: '—',

    completenessHeading: 'Who has reported',
    organisation: 'Organisation',
    summaryHeading: (plan) => `${plan}: summary`,
    expectedCount: 'Expected',
    submittedCount: 'Submitted',
    approvedCount: 'Approved',
    returnedCount: 'Returned',
    lateCount: 'Late',
    missingCount: 'Missing',
    notStartedCount: 'Not started',
    reportingRate: 'Reporting rate',
    onTimeRate: 'On-time rate',
    deadline: 'Deadline',
    deadlineNone: 'not set',
    deadlineInput: (plan) => `Reporting deadline of the ${plan}`,
    deadlineSave: 'Save deadline',
    deadlineSaved: (plan, date) => `The ${plan}'s deadline is now ${date}.`,
    states: { notStarted: 'Not started', missing: 'Missing', submitted: 'Submitted', returned: 'Returned', approved: 'Approved' },
    lateBadge: 'Late',
    versionText: (version) => `version ${version}`,
    review: 'Review',
    reviewLink: (organisation, plan) => `Review ${organisation}'s ${plan} report`,
    notExpected: 'Does not report this plan',
    reminderHeading: 'Reminder list',
    reminderLabel: 'Reminder list (copy it)',
    reminderCopy: 'Copy the reminder list',
    reminderCopied: 'Copied to the clipboard.',
    reminderNone: 'Every expected organisation has reported.',
    reminderText: ({ plan, year, deadline, missing, returned }) =>
      [
        `[${plan}, ${year} monitoring data]`,
        missing.length > 0 ? `Not yet reported (${missing.length}): ${missing.join(', ')}` : 'Every expected organisation has reported.',
        ...(returned.length > 0 ? [`Returned, to submit again (${returned.length}): ${returned.join(', ')}`] : []),
        deadline ? `Please report by ${deadline} with the Excel add-in or the web portal.` : 'Please report soon with the Excel add-in or the web portal.',
      ].join('\n'),

    reviewHeading: (organisation, plan, year) => `Review: ${organisation} · ${plan} · ${year}`,
    backToBoard: 'Back to completeness',
    currentVersion: (version) => `current version ${version}`,
    statusLabel: 'Review status',
    submissionStatus: { submitted: 'Awaiting review', returned: 'Returned', approved: 'Approved · locked' },
    valuesHeading: (version) => `Values of version ${version}`,
    indicator: 'Indicator',
    unit: 'Unit',
    value: 'Value',
    previousYear: 'Last year',
    lastYearReported: (value) => `reported last year: ${value}`,
    change: 'Change',
    verdict: 'Status',
    note: 'Note',
    indicatorComment: 'Comment on the line',
    indicatorCommentFor: (indicator) => `Comment on ${indicator}`,
    addIndicatorComment: (indicator) => `Comment on ${indicator}`,
    versionDiffHeading: (from, to) => `Changes from the previous version (${from} → ${to})`,
    versionDiffTitle: 'Changes from the previous version',
    firstVersion: 'This is version 1: there is no previous version.',
    noDifferences: 'Nothing changed since the previous version.',
    diffKinds: { added: 'Added', removed: 'Removed', changed: 'Changed' },
    before: 'Previous version',
    after: 'This version',
    decisionHeading: 'Decision',
    commentLabel: 'Review comment',
    commentHint: 'Required to return: say what to fix. Comments on lines are appended.',
    approve: 'Approve',
    returnAction: 'Return for changes',
    reopen: 'Reopen',
    returnNeedsComment: 'To return a report, write a comment (or at least one comment on a line).',
    composedComment: 'The comment that will be sent',
    approved: (version) => `Version ${version} approved and locked.`,
    returned: (version) => `Version ${version} returned.`,
    reopened: 'Reopened: the organisation can submit a new version.',
    historyHeading: 'History',
    historyActions: { submitted: 'Submitted', approved: 'Approved', returned: 'Returned', reopened: 'Reopened' },
    when: 'When',
    action: 'Action',
    version: 'Version',
    comment: 'Comment',
    verdicts: { met: 'Met', notMet: 'Not met', notYetDue: 'Not yet due', noData: 'No data', invalid: 'Invalid', notAssessable: 'Not assessed', missing: 'Not reported', incomplete: 'Incomplete' },

    consolidationHeading: 'Consolidation',
    filtersLabel: 'Filters',
    domain: 'Domain',
    status: 'Status',
    township: 'Township',
    all: 'All',
    countyValue: 'County value',
    reportedBy: 'Taken from',
    conflict: 'Conflict',
    conflictValues: 'Values reported',
    rollUp: 'Townships',
    rollUpText: ({ met, units, notMet, notYetDue, withoutData }) => `met ${met}/${units}, not met ${notMet}, not yet due ${notYetDue}, no data ${withoutData}`,
    failing: 'Not met',
    missingUnits: 'No data',
    townshipDetails: (count) => `Each township's value (${count})`,
    shown: (shown, total) => `${shown} of ${total} indicators shown`,
    noMatch: 'No indicator matches the filters.',
    rollUpStatus: { met: 'Met', notMet: 'Not met', notYetDue: 'Not yet due', incomplete: 'Incomplete', noData: 'No data', notAssessable: 'Not assessed' },

    warningsHeading: 'Early warnings',
    warningKind: 'Kind',
    warningKinds: { conflict: 'Conflict', progress: 'Target at risk', fluctuation: 'Strong swing' },
    message: 'Message',
    progressStatus: 'Progress',
    progressStatuses: { achieved: 'Achieved', onTrack: 'On track', needsAcceleration: 'Needs acceleration', limited: 'Limited progress', regressing: 'Regressing', insufficientData: 'Insufficient data', notAssessable: 'Not assessable' },
    noWarnings: 'No warnings this year.',

    indicatorHeading: (id, name) => `${id} ${name}`,
    trendHeading: 'Trend',
    trendCaption: (name, unit) => `${name} by year${unit ? ` (${unit})` : ''} and the target`,
    townshipHeading: 'Townships',
    townshipCaption: (name, unit) => `${name}: each township's value${unit ? ` (${unit})` : ''} and the target`,
    observed: 'Observed',
    baseline: 'Baseline',
    target: 'Target',
    targetLine: (value, year) => `Target ${value} (${year})`,
    milestone: (year) => `Milestone (${year})`,
    finalTarget: (year) => `Final target (${year})`,
    targetYear: 'Target year',
    source: 'Source',
    sources: { observed: 'Observed', baseline: 'Plan baseline' },
    chartTable: 'Chart data',
    noSeries: 'No numeric values to chart yet.',
    noTarget: 'The target is not a plain number (or is a ratio or a range): no target line; see the evaluation table.',
    chartLoading: 'Loading the chart…',
    progressText: 'Progress',
    meetsThreshold: 'Meets the target',
    meets: 'Yes',
    misses: 'No',
    indicatorMissing: (id) => `The plan has no indicator "${id}".`,

    evaluationHeading: (kind, year) => (kind === 'midTerm' ? `${year} mid-term evaluation` : kind === 'final' ? `${year} final evaluation` : `${year} annual monitoring`),
    byDomainHeading: 'By domain',
    rowsHeading: 'Indicators',
    counts: { indicators: 'Indicators', monitorable: 'Monitorable', met: 'Met', basicallyMet: 'Basically met', notMet: 'Not met', notYetDue: 'Not yet due', noData: 'No data', rateWithData: 'Rate (with data)', rateAll: 'Rate (all)' },
    total: 'Total',
    basicallyMetNote: (ratio) => `Basically met: at least ${percent(ratio)} of the target.`,
    notYetDueByProgress: (count, parts) => `${count} not yet due${parts.length > 0 ? `, by progress: ${parts.join(', ')}` : ''}.`,
    categories: { met: 'Met', basicallyMet: 'Basically met', notMet: 'Not met', notYetDue: 'Not yet due', noData: 'No data', notMonitorable: 'Not monitorable' },
    category: 'Status',
    latest: 'Latest',
    completion: 'Completion',
    responsible: 'Responsible',
    definitionsHeading: 'Definitions',
  },
};
