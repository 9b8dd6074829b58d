import type { Locale } from './locale';

/** The four categories of findings (src/core/report/report-findings.ts; their names are the core's CATEGORY_NAMES). */
type Group = 'error' | 'notMet' | 'warning' | 'info';
/** How the list is cut into sections (src/core/report/finding-sections.ts). */
type Grouping = 'category' | 'domain' | 'unit';

/** The Check view (检查): validate the active template sheet, list what was found, re-check after edits. */
export interface CheckStrings {
  heading: string;
  intro: string;

  checkButton: string;
  /** While the first check runs (nothing to show yet). */
  checking: string;
  /** While a check runs with the last results still shown (after an edit, or the button again). */
  rechecking: string;
  /** Before the first check. */
  notChecked: string;

  // the outcome
  /** Which sheet the list is about. */
  resultsFor: (sheetName: string) => string;
  /** What was drawn into the sheet. */
  drawn: (flaggedCells: number) => string;
  /** Flagged cells that carry a person's own note: the add-in left it alone. */
  notesSkipped: (cells: number) => string;
  /** Flagged cells Excel refused a note on (an annotation the add-in cannot see is there). */
  notesFailed: (cells: number) => string;
  allClearTitle: string;
  allClear: string;
  /** Announced to screen readers when a check finished (with the lines still needing a 说明, when given). */
  announce: (counts: Readonly<Record<Group, number>> & { readonly notesRequired?: number }) => string;
  /** The completeness bar's label. */
  completenessLabel: string;

  // 下一个问题
  nextProblem: string;
  /** Which problem cell was just selected, of how many (announced). */
  nextProblemAt: (position: number, total: number, address: string) => string;
  /** Nothing left to fix or explain (the button is disabled). */
  noProblems: string;

  // grouping
  groupingLabel: string;
  groupings: Record<Grouping, string>;
  /** The section of county-level lines when grouped by 填报单元. */
  county: string;

  // the groups
  groupsLabel: string;
  groups: Record<Group, string>;
  /** The count beside a group's name, for screen readers ("3 项"). */
  groupCount: (count: number) => string;
  /** Under 未达标 and 波动预警: what to do before submitting. */
  groupHint: Partial<Record<Group, string>>;
  groupEmpty: string;

  // a row
  /** The cell part of a row, and the accessible hint that activating the row selects it. */
  cell: (address: string) => string;
  /** A row standing for the same finding in several townships: their names and how many. */
  units: (names: readonly string[]) => string;
  /** The cells of such a row: the first (selected on activation) and how many. */
  cells: (first: string, count: number) => string;
  /** A line whose warning still needs its 说明. */
  needsNote: string;
  selectHint: string;
  /** A finding about the sheet as a whole (no cell). */
  wholeSheet: string;
  selectFailedTitle: string;

  // not a template, failures
  notTemplateTitle: string;
  notTemplate: (sheetName: string) => string;
  /** The sheet looks like a template whose hidden metadata is damaged: the core's message follows. */
  damagedTemplateTitle: string;
  goToFill: string;
  failedTitle: string;
  /** A failure that is not the workbook adapter's (no WorkbookError): its detail. */
  unexpected: (detail: string) => string;

  // live re-check
  liveOn: string;
  liveUnavailable: string;
  liveFailed: (detail: string) => string;
}

export const checkStrings: Readonly<Record<Locale, CheckStrings>> = {
  'zh-CN': {
    heading: '检查',
    intro: '检查当前工作表中填写的数据：有问题的单元格会在表中标出颜色并加上“【检查】”批注，并在下方按类别列出。',

    checkButton: '检查当前工作表',
    checking: '正在检查…',
    rechecking: '正在重新检查…',
    notChecked: '尚未检查。请先切换到要检查的填报表，再点击“检查当前工作表”。',

    resultsFor: (sheetName) => `工作表“${sheetName}”的检查结果`,
    drawn: (flaggedCells) => (flaggedCells === 0 ? '表中没有需要标出的单元格。' : `已在表中用颜色标出 ${flaggedCells} 个单元格，并在这些单元格上加了批注。`),
    notesSkipped: (cells) => `其中 ${cells} 个单元格已有您自己的批注，加载项没有改动，问题请看下方列表。`,
    notesFailed: (cells) => `其中 ${cells} 个单元格上 Excel 不让加批注（单元格可能已有在其他版本 Excel 中加的备注），只标了颜色，问题请看下方列表。`,
    allClearTitle: '检查通过',
    allClear: '没有错误，也没有需要填写说明的未达标或预警。',
    announce: (counts) => `检查完成：错误 ${counts.error} 项，未达标 ${counts.notMet} 项，预警 ${counts.warning} 项，提示 ${counts.info} 项${counts.notesRequired ? `，须填写说明 ${counts.notesRequired} 项` : ''}。`,
    completenessLabel: '本年值填写进度',

    nextProblem: '下一个问题',
    nextProblemAt: (position, total, address) => `已选中第 ${position} 个问题（共 ${total} 个）：单元格 ${address}`,
    noProblems: '没有需要改正或说明的问题。',

    groupingLabel: '分组方式',
    groupings: { category: '按类别', domain: '按领域', unit: '按填报单元' },
    county: '全县（不分乡镇）',

    groupsLabel: '检查结果',
    groups: { error: '错误', notMet: '未达标', warning: '预警', info: '提示' },
    groupCount: (count) => `${count} 项`,
    groupHint: {
      error: '错误必须改正后才能提交。',
      notMet: '提交前请在该行“说明”列写明未达标的原因。',
      warning: '波动、趋势等预警：提交前请核实数据，并在该行“说明”列写明原因。',
    },
    groupEmpty: '无',

    cell: (address) => `单元格 ${address}`,
    units: (names) => `${names.join('、')}（共 ${names.length} 个）`,
    cells: (first, count) => `单元格 ${first} 等 ${count} 处`,
    needsNote: '须填写说明',
    selectHint: '按 Enter 键或单击可在表中选中该单元格',
    wholeSheet: '整张工作表',
    selectFailedTitle: '无法选中单元格',

    notTemplateTitle: '不是监测模板',
    notTemplate: (sheetName) => `当前工作表“${sheetName}”不是监测模板，请先在“填报”中插入模板，或切换到已插入的填报表后再检查。`,
    damagedTemplateTitle: '模板信息已损坏',
    goToFill: '前往“填报”',
    failedTitle: '检查未能完成',
    unexpected: (detail) => `出现意外错误：${detail}。工作表中的内容没有改动，请重试。`,

    liveOn: '已开启自动检查：修改或粘贴数据后，约 1 秒内会自动重新检查。',
    liveUnavailable: '当前 Excel 版本不支持自动重新检查（需要 ExcelApi 1.7 或更高版本）。修改数据后，请再次点击“检查当前工作表”。',
    liveFailed: (detail) => `自动重新检查未能开启：${detail}。修改数据后，请再次点击“检查当前工作表”。`,
  },
  'en-US': {
    heading: 'Check',
    intro: 'Checks the data entered in the current sheet: cells with problems are coloured and get a “【检查】” note in the sheet, and are listed below by kind.',

    checkButton: 'Check current sheet',
    checking: 'Checking…',
    rechecking: 'Checking again…',
    notChecked: 'Not checked yet. Go to the report sheet you want to check, then choose “Check current sheet”.',

    resultsFor: (sheetName) => `Results for sheet “${sheetName}”`,
    drawn: (flaggedCells) => (flaggedCells === 0 ? 'No cells needed marking in the sheet.' : `${flaggedCells} ${flaggedCells === 1 ? 'cell was' : 'cells were'} coloured in the sheet and given a note.`),
    notesSkipped: (cells) => `${cells} of them already ${cells === 1 ? 'has' : 'have'} your own note, which the add-in left alone; see the list below.`,
    notesFailed: (cells) => `Excel refused a note on ${cells} of them (the cell may hold a note added in another version of Excel): coloured only; see the list below.`,
    allClearTitle: 'Check passed',
    allClear: 'No errors, and no missed targets or warnings that need a note.',
    announce: (counts) => `Check finished: ${counts.error} errors, ${counts.notMet} targets missed, ${counts.warning} warnings, ${counts.info} notes${counts.notesRequired ? `; ${counts.notesRequired} need a note` : ''}.`,
    completenessLabel: 'This year’s values filled in',

    nextProblem: 'Next problem',
    nextProblemAt: (position, total, address) => `Selected problem ${position} of ${total}: cell ${address}`,
    noProblems: 'Nothing to correct or explain.',

    groupingLabel: 'Group by',
    groupings: { category: 'Kind', domain: 'Domain', unit: 'Reporting unit' },
    county: 'County as a whole',

    groupsLabel: 'Check results',
    groups: { error: 'Errors', notMet: 'Targets missed', warning: 'Warnings', info: 'Notes' },
    groupCount: (count) => `${count} ${count === 1 ? 'item' : 'items'}`,
    groupHint: {
      error: 'Errors must be corrected before submitting.',
      notMet: 'Before submitting, explain in the row’s 说明 (note) column why the target was missed.',
      warning: 'Swings, trends and other warnings: before submitting, verify the data and explain it in the row’s 说明 (note) column.',
    },
    groupEmpty: 'None',

    cell: (address) => `Cell ${address}`,
    units: (names) => `${names.join(', ')} (${names.length})`,
    cells: (first, count) => `cell ${first} and ${count - 1} more`,
    needsNote: 'Needs a note',
    selectHint: 'Press Enter or click to select this cell in the sheet',
    wholeSheet: 'Whole sheet',
    selectFailedTitle: 'Could not select the cell',

    notTemplateTitle: 'Not a monitoring template',
    notTemplate: (sheetName) => `The current sheet “${sheetName}” is not a monitoring template. Insert a template under “Fill” first, or switch to a report sheet you inserted, then check again.`,
    damagedTemplateTitle: 'Template information damaged',
    goToFill: 'Go to “Fill”',
    failedTitle: 'The check could not finish',
    unexpected: (detail) => `Something unexpected went wrong: ${detail}. Nothing in the sheet was changed; please try again.`,

    liveOn: 'Automatic re-check is on: about a second after you change or paste data, the sheet is checked again.',
    liveUnavailable: 'This version of Excel cannot re-check automatically (ExcelApi 1.7 or later is needed). After changing data, choose “Check current sheet” again.',
    liveFailed: (detail) => `Automatic re-check could not start: ${detail}. After changing data, choose “Check current sheet” again.`,
  },
};
