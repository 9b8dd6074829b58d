import type { Language } from '../../../core/i18n/message';
import type { PlanId } from '../../../core/catalog/indicator-schema';
import type { Grouping } from '../../../core/report/finding-sections';
import type { FindingListStrings } from '../../../ui/FindingRowContent';

/** The words of the department portal (a chunk of its own), zh-CN first; with those of its list of findings. */
export interface PortalStrings extends FindingListStrings {
  readonly heading: string;
  readonly intro: string;
  readonly yearLabel: string;
  readonly yearOption: (year: number) => string;
  readonly yearHint: (year: number) => string;
  readonly planTitle: Readonly<Record<PlanId, string>>;
  readonly noPlans: string;
  readonly deadline: string;
  readonly noDeadline: string;
  readonly deadlineDate: (date: string) => string;
  readonly overdue: string;
  readonly state: string;
  readonly notStarted: string;
  readonly submitted: (version: number) => string;
  readonly returned: string;
  readonly approved: string;
  readonly returnedComment: (comment: string) => string;
  readonly returnedNoComment: string;
  readonly approvedLocked: (version: number) => string;
  readonly returnedTitle: (version: number) => string;
  readonly download: string;
  readonly downloading: string;
  readonly downloaded: (name: string) => string;
  readonly downloadHint: string;
  readonly quickCheck: string;
  readonly quickCheckIntro: string;
  readonly chooseFile: string;
  readonly dropHere: string;
  readonly checking: (name: string) => string;
  readonly notXlsx: (name: string) => string;
  readonly resultsFor: (name: string, sheet: string) => string;
  readonly noTemplate: (name: string) => string;
  readonly skipped: (sheet: string, why: string) => string;
  readonly otherPlanYear: (planTitle: string, year: number) => string;
  readonly otherOrganisation: (organisationId: string) => string;
  readonly filled: (filled: number, lines: number) => string;
  readonly counts: (counts: { error: number; notMet: number; warning: number; info: number; notesRequired: number }) => string;
  readonly allClear: string;
  readonly fixFirst: string;
  readonly groupingLabel: string;
  readonly groupings: Readonly<Record<Grouping, string>>;
  readonly groupCount: (count: number) => string;
  readonly groupEmpty: string;
  readonly submit: string;
  readonly submitting: string;
  readonly submitHint: string;
  readonly submitLocked: string;
  readonly versions: string;
  readonly hideVersions: string;
  readonly noVersions: string;
  readonly versionLine: (version: number, time: string) => string;
  readonly showDifferences: (version: number) => string;
  readonly differencesHeading: (version: number, previous: number) => string;
  readonly firstVersion: string;
  readonly noDifferences: string;
  readonly diffColumns: { readonly indicator: string; readonly unit: string; readonly before: string; readonly after: string; readonly change: string };
  readonly changeKinds: { readonly changed: string; readonly added: string; readonly removed: string };
  readonly noteLabel: string;
  readonly empty: string;
}

export const portalStrings: Readonly<Record<Language, PortalStrings>> = {
  'zh-CN': {
    heading: '填报任务',
    intro: '本单位每年填报一次：下载模板，填好后先在本页快速检查（文件只在本机读取，不会上传），确认无误再提交。',
    yearLabel: '报告年度',
    yearOption: (year) => `${year}年度`,
    yearHint: (year) => `${year}年度的数据在${year + 1}年填报。`,
    planTitle: { women: '妇女发展规划', children: '儿童发展规划' },
    noPlans: '本单位在两个规划中都没有需要填报的指标。如有疑问请联系统计局。',
    deadline: '截止日期',
    noDeadline: '统计局尚未设定',
    deadlineDate: (date) => `${date}（当天 24:00 前）`,
    overdue: '已过截止日期',
    state: '状态',
    notStarted: '未开始',
    submitted: (version) => `已提交第 ${version} 版`,
    returned: '已退回',
    approved: '已通过',
    returnedComment: (comment) => `统计局退回意见：${comment}`,
    returnedNoComment: '统计局退回了报表，没有写意见；请联系统计局。',
    approvedLocked: (version) => `第 ${version} 版已审核通过，报表已锁定；如需修改请联系统计局。`,
    returnedTitle: (version) => `第 ${version} 版已退回：请按意见修改后重新检查、提交`,
    download: '下载模板',
    downloading: '正在下载…',
    downloaded: (name) => `已下载 ${name}。`,
    downloadHint: '模板已预填上年值和基期值。',
    quickCheck: '快速检查',
    quickCheckIntro: '选择或拖入填好的模板（.xlsx）。文件只在本机浏览器中检查，点击“提交”之前不会上传。',
    chooseFile: '选择文件',
    dropHere: '把 .xlsx 文件拖到这里',
    checking: (name) => `正在检查 ${name}…`,
    notXlsx: (name) => `“${name}”不是 .xlsx 文件：请选择用模板填好的 Excel 文件（.xlsx）。如果是 .xls 或 .et，请先在 Excel 或 WPS 中“另存为”.xlsx。`,
    resultsFor: (name, sheet) => `${name} · 工作表“${sheet}”的检查结果`,
    noTemplate: (name) => `“${name}”中没有监测模板：请使用本页“下载模板”下载的文件填报。`,
    skipped: (sheet, why) => `工作表“${sheet}”未检查：${why}`,
    otherPlanYear: (planTitle, year) => `这是《${planTitle}》${year}年度的模板，不是本项任务的模板：请在对应的任务中检查和提交。`,
    otherOrganisation: (organisationId) => `这是其他单位（${organisationId}）的模板：请下载并使用本单位的模板。`,
    filled: (filled, lines) => `已填 ${filled}/${lines}`,
    counts: (counts) => `错误 ${counts.error} 项，未达标 ${counts.notMet} 项，预警 ${counts.warning} 项，提示 ${counts.info} 项${counts.notesRequired ? `，须填写说明 ${counts.notesRequired} 项` : ''}。`,
    allClear: '检查通过：没有错误，也没有需要填写说明的未达标或预警，可以提交。',
    fixFirst: '还有错误或缺少说明：请在 Excel 或 WPS 中改正文件、保存后重新选择文件检查，然后再提交。',
    groupingLabel: '分组方式',
    groupings: { category: '按类别', domain: '按领域', unit: '按填报单元' },
    groups: { error: '错误', notMet: '未达标', warning: '预警', info: '提示' },
    groupCount: (count) => `${count} 项`,
    groupEmpty: '无',
    wholeSheet: '整张工作表',
    county: '全县（不分乡镇）',
    cell: (address) => `单元格 ${address}`,
    cells: (first, count) => `单元格 ${first} 等 ${count} 处`,
    units: (names) => `${names.join('、')}（共 ${names.length} 个）`,
    needsNote: '须填写说明',
    submit: '提交',
    submitting: '正在提交…',
    submitHint: '提交的是刚才检查的这个文件。',
    submitLocked: '报表已通过审核并锁定，不能再提交。',
    versions: '版本记录',
    hideVersions: '收起版本记录',
    noVersions: '还没有提交过。',
    versionLine: (version, time) => `第 ${version} 版 · ${time}`,
    showDifferences: (version) => `查看第 ${version} 版的改动`,
    differencesHeading: (version, previous) => `第 ${version} 版与第 ${previous} 版的不同`,
    firstVersion: '第 1 版是首次提交，没有可比较的上一版。',
    noDifferences: '与上一版相比，数值和说明都没有变化。',
    diffColumns: { indicator: '指标', unit: '填报单元', before: '上一版', after: '本版', change: '变化' },
    changeKinds: { changed: '已修改', added: '新增', removed: '删除' },
    noteLabel: '说明',
    empty: '（空）',
  },
  'en-US': {
    heading: 'Reporting tasks',
    intro: 'Your organisation reports once a year: download the template, fill it in, quick-check it here (the file is read on this PC only, nothing is uploaded), then submit.',
    yearLabel: 'Reporting year',
    yearOption: (year) => String(year),
    yearHint: (year) => `The values of ${year} are reported in ${year + 1}.`,
    planTitle: { women: 'Women\u2019s development plan', children: 'Children\u2019s development plan' },
    noPlans: 'Your organisation reports no indicator of either plan. Ask the statistics bureau if in doubt.',
    deadline: 'Deadline',
    noDeadline: 'Not set by the bureau yet',
    deadlineDate: (date) => `${date} (by the end of the day)`,
    overdue: 'Past the deadline',
    state: 'State',
    notStarted: 'Not started',
    submitted: (version) => `Version ${version} submitted`,
    returned: 'Returned',
    approved: 'Approved',
    returnedComment: (comment) => `The bureau\u2019s comment: ${comment}`,
    returnedNoComment: 'The bureau returned the report without a comment; please contact the bureau.',
    approvedLocked: (version) => `Version ${version} was approved by the bureau and is locked; contact the bureau to change it.`,
    returnedTitle: (version) => `Version ${version} was returned: correct it as asked, check it again and submit`,
    download: 'Download template',
    downloading: 'Downloading…',
    downloaded: (name) => `Downloaded ${name}.`,
    downloadHint: 'The template is pre-filled with last year\u2019s and the base-year values.',
    quickCheck: 'Quick check',
    quickCheckIntro: 'Choose or drop the filled template (.xlsx). It is checked in this browser only and uploaded only when you choose Submit.',
    chooseFile: 'Choose file',
    dropHere: 'Drop an .xlsx file here',
    checking: (name) => `Checking ${name}…`,
    notXlsx: (name) => `"${name}" is not an .xlsx file: choose the filled template (.xlsx); save an .xls or .et as .xlsx first.`,
    resultsFor: (name, sheet) => `${name} · results for sheet "${sheet}"`,
    noTemplate: (name) => `"${name}" holds no monitoring template: fill the file downloaded with "Download template".`,
    skipped: (sheet, why) => `Sheet "${sheet}" not checked: ${why}`,
    otherPlanYear: (planTitle, year) => `This is the template of the ${planTitle}, ${year}, not of this task: check and submit it there.`,
    otherOrganisation: (organisationId) => `This is another organisation\u2019s template (${organisationId}): download and use your own.`,
    filled: (filled, lines) => `Filled ${filled}/${lines}`,
    counts: (counts) => `${counts.error} errors, ${counts.notMet} targets missed, ${counts.warning} warnings, ${counts.info} notes${counts.notesRequired ? `; ${counts.notesRequired} need a note` : ''}.`,
    allClear: 'Check passed: no errors and no missed target or warning without a note; you can submit.',
    fixFirst: 'There are errors or missing notes: correct the file in Excel or WPS, save it, choose it again, then submit.',
    groupingLabel: 'Group by',
    groupings: { category: 'Kind', domain: 'Domain', unit: 'Reporting unit' },
    groups: { error: 'Errors', notMet: 'Targets missed', warning: 'Warnings', info: 'Notes' },
    groupCount: (count) => `${count}`,
    groupEmpty: 'None',
    wholeSheet: 'Whole sheet',
    county: 'County as a whole',
    cell: (address) => `cell ${address}`,
    cells: (first, count) => `cell ${first} and ${count - 1} more`,
    units: (names) => `${names.join(', ')} (${names.length})`,
    needsNote: 'Needs a note',
    submit: 'Submit',
    submitting: 'Submitting…',
    submitHint: 'The file just checked is submitted.',
    submitLocked: 'The report is approved and locked; it cannot be submitted again.',
    versions: 'Versions',
    hideVersions: 'Hide versions',
    noVersions: 'Nothing submitted yet.',
    versionLine: (version, time) => `Version ${version} · ${time}`,
    showDifferences: (version) => `Changes in version ${version}`,
    differencesHeading: (version, previous) => `Version ${version} against version ${previous}`,
    firstVersion: 'Version 1 is the first submission: there is no earlier version to compare.',
    noDifferences: 'No value or note changed since the previous version.',
    diffColumns: { indicator: 'Indicator', unit: 'Reporting unit', before: 'Previous', after: 'This version', change: 'Change' },
    changeKinds: { changed: 'Changed', added: 'Added', removed: 'Removed' },
    noteLabel: 'Note',
    empty: '(empty)',
  },
};
