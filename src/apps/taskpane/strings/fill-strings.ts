import type { Locale } from './locale';

/** Where a quote comes from in the plan (the catalog's `Source.part`). */
type SourcePart = '序言' | '主要目标' | '策略措施' | '组织实施';
/** The catalog's note kinds. */
type NoteKind = 'ambiguity' | 'conflict' | 'interpretation' | 'sourceError' | 'unitConvention';

/** The Fill view (填报): choose plan, organisation and year, insert the template, see what is reported. */
export interface FillStrings {
  heading: string;
  intro: string;

  // the catalog (its own chunk)
  loadingCatalog: string;
  catalogFailed: string;
  catalogFailedDetail: (detail: string) => string;
  retry: string;

  // the choices
  choicesLabel: string;
  planLabel: string;
  organisationLabel: string;
  organisationPlaceholder: string;
  organisationHint: string;
  /** The template with every indicator of the plan (no organisation). */
  allIndicators: string;
  allIndicatorsDetail: string;
  groupDepartments: string;
  groupTownships: string;
  noOrganisationMatch: string;
  /** How many indicators an organisation reports for the chosen plan (shown in the option). */
  optionCount: (indicators: number) => string;
  optionNone: string;
  /** Shown under the organisation when it was taken from the connection set up in 设置. */
  identityPreselected: string;
  yearLabel: string;
  yearOption: (year: number) => string;
  yearHint: (defaultYear: number) => string;

  // inserting
  insert: string;
  inserting: string;
  chooseOrganisationFirst: string;
  nothingToInsert: string;
  inserted: (sheetName: string, indicators: number, rows: number) => string;
  replaced: (sheetName: string, indicators: number, rows: number) => string;
  nextStep: string;
  goToCheck: string;
  insertFailed: (detail: string) => string;
  /** While last year's values are asked for, before the insert. */
  fetchingPrevious: string;
  /** `source`: "来自2024年已报送数据（第2版，已审核通过）". */
  prefilledPrevious: (count: number, source: string) => string;
  prefilledBaseline: (count: number) => string;
  prefilledHint: string;
  noPrevious: (year: number) => string;
  previousFailed: (year: number, detail: string) => string;
  previousNeedsToken: string;

  // the name-taken dialog
  nameTakenTitle: string;
  nameTakenBody: (sheetName: string) => string;
  insertCopy: string;
  insertCopyHint: (sheetName: string) => string;
  replaceSheet: string;
  replaceWarning: (sheetName: string) => string;
  cancel: string;

  // the indicator list
  listHeading: string;
  listHeadingAll: string;
  listSummary: (year: number, indicators: number, rows: number) => string;
  listPrompt: string;
  listEmpty: (organisation: string) => string;
  listLabel: string;
  domainCount: (indicators: number) => string;
  unitLabel: string;
  targetLabel: string;
  flaggedMarker: string;
  badgeAmbiguous: string;
  badgeConflict: string;
  badgeNotJudged: string;
  badgeSomeNotJudged: string;
  notJudgedExplanation: string;
  badgePerUnit: string;
  perTownshipAll: (label: string, rows: number) => string;
  perTownshipOwn: (label: string) => string;
  perList: (label: string, units: readonly string[]) => string;
  sourceToggle: string;
  sourceToggleLabel: (id: string, name: string) => string;
  sourceLanguageNote: string;
  sourceLocation: (section: string, part: SourcePart, item: number | undefined) => string;
  notesHeading: string;
  noteKind: Record<NoteKind, string>;
}

const PART_EN: Record<SourcePart, string> = {
  序言: 'preamble',
  主要目标: 'main goals',
  策略措施: 'strategies and measures',
  组织实施: 'organisation and implementation',
};

export const fillStrings: Readonly<Record<Locale, FillStrings>> = {
  'zh-CN': {
    heading: '填报',
    intro: '选择规划、填报单位和报告年度，插入标准填报表，然后在表中填写本年值。',

    loadingCatalog: '正在加载指标目录…',
    catalogFailed: '指标目录未能加载（可能网络已断开）。',
    catalogFailedDetail: (detail) => `原因：${detail}`,
    retry: '重试',

    choicesLabel: '选择模板',
    planLabel: '规划',
    organisationLabel: '填报单位',
    organisationPlaceholder: '输入名称搜索，或点击选择',
    organisationHint: '县级部门和乡镇（街道）均可输入简称搜索，如“卫健局”“戛洒”。',
    allIndicators: '全部指标（统计局汇总用）',
    allIndicatorsDetail: '本规划全部指标，分乡镇的指标每个乡镇（街道）一行',
    groupDepartments: '县级部门',
    groupTownships: '乡镇（街道）',
    noOrganisationMatch: '没有名称匹配的单位',
    optionCount: (indicators) => `${indicators} 项指标`,
    optionNone: '本规划无默认指标',
    identityPreselected: '已按“设置”中连接的单位预先选好，可以更改。',
    yearLabel: '报告年度',
    yearOption: (year) => `${year}年`,
    yearHint: (defaultYear) => `年度监测填报上一年度的数据，一般选 ${defaultYear} 年。`,

    insert: '插入模板',
    inserting: '正在插入…',
    chooseOrganisationFirst: '请先选择填报单位。',
    nothingToInsert: '该单位在本规划中没有默认填报的指标，无法插入模板。',
    inserted: (sheetName, indicators, rows) =>
      rows === indicators ? `已插入工作表“${sheetName}”，共 ${indicators} 项指标。` : `已插入工作表“${sheetName}”，共 ${indicators} 项指标（${rows} 行）。`,
    replaced: (sheetName, indicators, rows) =>
      rows === indicators
        ? `已替换工作表“${sheetName}”，共 ${indicators} 项指标。`
        : `已替换工作表“${sheetName}”，共 ${indicators} 项指标（${rows} 行）。`,
    nextStep: '请在白色单元格中填写本年值，填好后到“检查”核对。',
    goToCheck: '去检查',
    insertFailed: (detail) => `插入模板失败：${detail}`,
    fetchingPrevious: '正在从服务器取上年已报送的数据…',
    prefilledPrevious: (count, source) => `已预填上年值 ${count} 项，${source}。`,
    prefilledBaseline: (count) => `已预填规划中的基期值 ${count} 项。`,
    prefilledHint: '预填的数字为蓝色，选中单元格可看到来源；如有更正，可直接改写。',
    noPrevious: (year) => `服务器上没有本单位${year}年度的这份报表，上年值请手工填写。`,
    previousFailed: (year, detail) => `未能取得${year}年已报送的数据，上年值请手工填写。${detail}`,
    previousNeedsToken: '在“设置”中填写访问令牌后，插入模板时会自动填入本单位上年已报送的数据。',

    nameTakenTitle: '同名工作表已存在',
    nameTakenBody: (sheetName) => `工作簿中已有名为“${sheetName}”的工作表，可能是以前插入并已填写过的模板。`,
    insertCopy: '另插入一份',
    insertCopyHint: (sheetName) => `原工作表保持不变，新模板插入为“${sheetName} (2)”这样的新名称（推荐）。`,
    replaceSheet: '替换原工作表',
    replaceWarning: (sheetName) => `替换会删除原来的“${sheetName}”，其中已填写的数值和说明将全部丢失，且无法撤销。`,
    cancel: '取消',

    listHeading: '本单位填报的指标',
    listHeadingAll: '本规划全部指标',
    listSummary: (year, indicators, rows) =>
      rows === indicators ? `${year}年度，共 ${indicators} 项指标。` : `${year}年度，共 ${indicators} 项指标，模板共 ${rows} 行。`,
    listPrompt: '选择填报单位后，这里列出该单位要填报的指标、目标和规划原文。',
    listEmpty: (organisation) => `${organisation}在本规划中没有默认填报的指标。如需汇总全县数据，请选择“全部指标（统计局汇总用）”。`,
    listLabel: '指标列表',
    domainCount: (indicators) => `${indicators} 项`,
    unitLabel: '计量单位',
    targetLabel: '目标',
    flaggedMarker: '目标后的“※”表示规划表述不够明确或前后不一致，说明见该指标下方。',
    badgeAmbiguous: '表述不明确',
    badgeConflict: '规划前后不一致',
    badgeNotJudged: '不作数值判定',
    badgeSomeNotJudged: '部分目标不作数值判定',
    notJudgedExplanation: '规划没有给出可以量化的标准：这部分只填写进展情况，由评估组判断，表内不自动判定是否达标。',
    badgePerUnit: '分单位填报',
    perTownshipAll: (label, rows) => `按${label}分列：每个${label}一行，共 ${rows} 行。`,
    perTownshipOwn: (label) => `按${label}分列：只填写本单位的一行。`,
    perList: (label, units) => `按${label}分列：${units.join('、')}各一行。`,
    sourceToggle: '规划原文',
    sourceToggleLabel: (id, name) => `规划原文：${id} ${name}`,
    sourceLanguageNote: '',
    sourceLocation: (section, part, item) => (item === undefined ? `${section} · ${part}` : `${section} · ${part} 第${item}条`),
    notesHeading: '口径说明',
    noteKind: {
      ambiguity: '表述不明确',
      conflict: '前后不一致',
      interpretation: '口径',
      sourceError: '原文有误',
      unitConvention: '计量单位',
    },
  },
  'en-US': {
    heading: 'Fill',
    intro: 'Choose the plan, your organisation and the reporting year, insert the standard template, then enter this year\u2019s values in it.',

    loadingCatalog: 'Loading the indicator catalog…',
    catalogFailed: 'The indicator catalog could not be loaded (the network may be down).',
    catalogFailedDetail: (detail) => `Reason: ${detail}`,
    retry: 'Retry',

    choicesLabel: 'Choose the template',
    planLabel: 'Plan',
    organisationLabel: 'Reporting organisation',
    organisationPlaceholder: 'Type to search, or pick from the list',
    organisationHint: 'County departments and townships can be found by their short names.',
    allIndicators: 'All indicators (for the statistics bureau)',
    allIndicatorsDetail: 'Every indicator of the plan; per-township indicators get one row per township',
    groupDepartments: 'County departments',
    groupTownships: 'Townships and subdistricts',
    noOrganisationMatch: 'No organisation matches',
    optionCount: (indicators) => (indicators === 1 ? '1 indicator' : `${indicators} indicators`),
    optionNone: 'no indicators in this plan',
    identityPreselected: 'Preselected from the connection set up in Settings; you can change it.',
    yearLabel: 'Reporting year',
    yearOption: (year) => String(year),
    yearHint: (defaultYear) => `Annual monitoring reports the previous year\u2019s data: usually ${defaultYear}.`,

    insert: 'Insert template',
    inserting: 'Inserting…',
    chooseOrganisationFirst: 'Choose the reporting organisation first.',
    nothingToInsert: 'This organisation reports no indicator of this plan by default: there is no template to insert.',
    inserted: (sheetName, indicators, rows) =>
      rows === indicators ? `Inserted the sheet "${sheetName}" with ${indicators} indicators.` : `Inserted the sheet "${sheetName}" with ${indicators} indicators (${rows} rows).`,
    replaced: (sheetName, indicators, rows) =>
      rows === indicators ? `Replaced the sheet "${sheetName}" with ${indicators} indicators.` : `Replaced the sheet "${sheetName}" with ${indicators} indicators (${rows} rows).`,
    nextStep: 'Enter this year\u2019s values in the white cells, then check them under Check.',
    goToCheck: 'Go to Check',
    insertFailed: (detail) => `Inserting the template failed: ${detail}`,
    fetchingPrevious: 'Fetching last year\u2019s submitted values from the server…',
    prefilledPrevious: (count, source) => `Prefilled ${count} previous value${count === 1 ? '' : 's'}: ${source.charAt(0).toLowerCase()}${source.slice(1)}.`,
    prefilledBaseline: (count) => `Prefilled ${count} base-year value${count === 1 ? '' : 's'} stated in the plan.`,
    prefilledHint: 'Prefilled figures are blue; select a cell to see where it comes from, and overwrite it if it was corrected.',
    noPrevious: (year) => `The server has no ${year} report of this plan from your organisation: enter the previous values by hand.`,
    previousFailed: (year, detail) => `Last year\u2019s (${year}) values could not be fetched: enter the previous values by hand. ${detail}`,
    previousNeedsToken: 'With your access token entered in Settings, inserting a template also fills in your organisation\u2019s values of last year.',

    nameTakenTitle: 'A sheet with this name exists',
    nameTakenBody: (sheetName) => `The workbook already has a sheet named "${sheetName}", perhaps a template inserted and filled in earlier.`,
    insertCopy: 'Insert another copy',
    insertCopyHint: (sheetName) => `The existing sheet stays as it is; the new template gets a new name such as "${sheetName} (2)" (recommended).`,
    replaceSheet: 'Replace the sheet',
    replaceWarning: (sheetName) => `Replacing deletes the existing "${sheetName}": every value and note typed there is lost, and this cannot be undone.`,
    cancel: 'Cancel',

    listHeading: 'Indicators this organisation reports',
    listHeadingAll: 'All indicators of the plan',
    listSummary: (year, indicators, rows) =>
      rows === indicators ? `${year}: ${indicators} indicators.` : `${year}: ${indicators} indicators, ${rows} rows in the template.`,
    listPrompt: 'Choose the reporting organisation to see the indicators it reports, their targets and the plan\u2019s text.',
    listEmpty: (organisation) => `${organisation} reports no indicator of this plan by default. For the county totals, choose "All indicators (for the statistics bureau)".`,
    listLabel: 'Indicators',
    domainCount: (indicators) => (indicators === 1 ? '1 indicator' : `${indicators} indicators`),
    unitLabel: 'Unit',
    targetLabel: 'Target',
    flaggedMarker: 'A "※" after a target means the plan is vague or contradicts itself there; the explanation is under the indicator.',
    badgeAmbiguous: 'Vague wording',
    badgeConflict: 'Plan contradicts itself',
    badgeNotJudged: 'Not judged',
    badgeSomeNotJudged: 'Partly not judged',
    notJudgedExplanation: 'The plan gives no measurable criterion: progress is reported as text and judged by the evaluation group; the sheet does not judge it.',
    badgePerUnit: 'Per unit',
    perTownshipAll: (label, rows) => `Reported per ${label}: one row for each, ${rows} rows.`,
    perTownshipOwn: (label) => `Reported per ${label}: fill in your own row only.`,
    perList: (label, units) => `Reported per ${label}: one row each for ${units.join(', ')}.`,
    sourceToggle: 'Plan text',
    sourceToggleLabel: (id, name) => `Plan text: ${id} ${name}`,
    sourceLanguageNote: 'Quoted in the plan\u2019s original Chinese.',
    sourceLocation: (section, part, item) => (item === undefined ? `${section}, ${PART_EN[part]}` : `${section}, ${PART_EN[part]}, item ${item}`),
    notesHeading: 'Notes',
    noteKind: {
      ambiguity: 'Vague wording',
      conflict: 'Contradiction',
      interpretation: 'Interpretation',
      sourceError: 'Error in the source',
      unitConvention: 'Unit',
    },
  },
};
