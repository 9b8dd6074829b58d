import type { Catalog } from '../catalog/catalog';
import type { Indicator, PlanId } from '../catalog/indicator-schema';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from '../catalog/indicator-schema';
import type { Organisation } from '../catalog/organisation-schema';
import { UNITS } from '../catalog/units';
import { describeTarget } from '../assess/describe-target';
import { formatNumber } from '../assess/format-quantity';
import { isRecurring, previousKind, targetsForYear } from '../assess/targets-for-year';
import { BilingualError, type Language } from '../i18n/message';
import { validRange } from '../rules/validate-value';
import { cellAddress, columnLetter, rangeAddress } from './cell-address';
import { COLUMN_INDEX, STATUS_WORDS, TEMPLATE_COLUMNS, columnMarker, type ColumnKey } from './template-columns';
import { TEMPLATE_VERSION, encodeMetadata, type TemplateMetadata } from './template-metadata';
import { FLAG_COLOURS, type ConditionalFormatRule, type DataRowInfo, type TemplateCell, type TemplateModel, type TemplateRow, type ValidationRule } from './template-model';
import { lineInputs, templateLines, type ReportingGrant, type TemplateLine } from './template-rows';
import { statusFormula } from './status-formula';
import { safeSheetName } from './sheet-name';

/** What template to cut: plan, reporting year, and optionally the organisation (else every indicator). */
export interface TemplateRequest {
  readonly plan: PlanId;
  readonly year: number;
  readonly organisationId?: string;
  readonly language?: Language;
  /** The bureau's grants to the organisation: indicators it reports beyond the catalog's lists. */
  readonly grants?: readonly ReportingGrant[];
}

/** A template that cannot be cut as asked (unknown organisation, year outside the plans …). */
export class TemplateRequestError extends BilingualError {}

/** The rows above the data: hidden markers, title, subtitle, column headers. */
export const MARKER_ROW = 0;
export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;

const PLAN_SHORT = { women: { zh: '妇女', en: 'Women' }, children: { zh: '儿童', en: 'Children' } } as const;
const MAX_TEXT = 2000;

/**
 * Cuts the standardized template (填报表) of a plan for one organisation and reporting year: one row per
 * indicator (per township for per-unit indicators), the target that governs the year, inputs where the
 * targets need them, a native status formula per row, validation, conditional formats, protection, print
 * setup and the hidden metadata. Pure: the add-in (Office JavaScript API) and .xlsx adapters render the same model.
 */
export function buildTemplate(catalog: Catalog, request: TemplateRequest): TemplateModel {
  const language = request.language ?? 'zh-CN';
  const zh = language === 'zh-CN';
  const { plan, year } = request;
  if (!Number.isInteger(year) || year < PLAN_FIRST_YEAR || year > PLAN_LAST_YEAR) {
    throw new TemplateRequestError(`报告年度“${year}”无效：应为${PLAN_FIRST_YEAR}—${PLAN_LAST_YEAR}年之间的年份`, `The reporting year "${year}" must be from ${PLAN_FIRST_YEAR} to ${PLAN_LAST_YEAR}`);
  }
  let organisation: Organisation | undefined;
  if (request.organisationId !== undefined) {
    organisation = catalog.organisations.find((candidate) => candidate.id === request.organisationId);
    if (!organisation) {
      throw new TemplateRequestError(`单位编号“${request.organisationId}”不在单位名录中`, `Organisation "${request.organisationId}" is not in the list of organisations`);
    }
  }
  const planCatalog = catalog.plans[plan];
  const lines = templateLines(catalog, plan, organisation, request.grants);
  if (lines.length === 0) {
    throw new TemplateRequestError(`${organisation?.name ?? ''}在《${planCatalog.title}》中没有默认填报的指标；可不带 --org 生成全部指标的模板`, `${organisation?.nameEn ?? ''} reports no indicator of this plan by default; omit the organisation for the all-indicator template`);
  }
  const meta: TemplateMetadata = {
    plan,
    year,
    ...(organisation ? { organisationId: organisation.id } : {}),
    catalogVersion: planCatalog.catalogVersion,
    templateVersion: TEMPLATE_VERSION,
  };
  const columns = TEMPLATE_COLUMNS;
  const lastColumn = columns.length - 1;
  const orgName = organisation ? (zh ? organisation.name : organisation.nameEn) : zh ? '全部指标' : 'all indicators';
  const title = zh
    ? `${planCatalog.title}监测指标填报表 · ${year}年度 · ${orgName}`
    : `${planCatalog.titleEn}: monitoring report · ${year} · ${orgName}`;

  const rows: TemplateRow[] = [];
  rows.push({ kind: 'markers', hidden: true, cells: [...columns.map((column) => ({ value: columnMarker(column.key), style: 'marker' as const })), { value: encodeMetadata(meta), style: 'marker' }] });
  rows.push({ kind: 'title', height: 30, cells: [{ value: title, style: 'title' }] });
  const subtitle = zh
    ? `填报单位：${organisation?.name ?? '（全部指标）'}\u3000\u3000报告年度：${year}年\u3000\u3000目录版本：${planCatalog.catalogVersion}\u3000\u3000白色单元格为填报项`
    : `Reporting organisation: ${organisation?.nameEn ?? '(all indicators)'}    Year: ${year}    Catalog: ${planCatalog.catalogVersion}    Fill the white cells`;
  rows.push({ kind: 'subtitle', height: 20, cells: [{ value: subtitle, style: 'subtitle' }] });
  rows.push({ kind: 'header', height: 32, cells: columns.map((column) => ({ value: zh ? column.header : column.headerEn, style: 'header' as const })) });

  const dataRows: DataRowInfo[] = [];
  const defaults = planCatalog.defaults;
  const domainNames = new Map(planCatalog.domains.map((domain) => [domain.name, zh ? domain.name : domain.nameEn]));
  lines.forEach((line, index) => {
    const row = FIRST_DATA_ROW + index;
    const inputs = lineInputs(line.indicator);
    dataRows.push({ row, indicatorId: line.indicator.id, ...(line.unit ? { unitId: line.unit.id } : {}), inputs });
    const cells = dataCells(line, index, row, inputs, year, language, domainNames, defaults);
    rows.push({ kind: 'data', height: rowHeight(cells), cells });
  });
  const lastDataRow = FIRST_DATA_ROW + lines.length - 1;

  rows.push({ kind: 'spacer', cells: [] });
  const instructionsRow = rows.length;
  rows.push({ kind: 'instructions', height: 78, cells: [{ value: instructions(language), style: 'instructions' }] });
  rows.push({ kind: 'spacer', cells: [] });
  const footerRow = rows.length;
  rows.push({ kind: 'footer', height: 24, cells: footerCells(language, false) });
  rows.push({ kind: 'footer', height: 24, cells: footerCells(language, true) });

  const merges = [
    rangeAddress(TITLE_ROW, 0, TITLE_ROW, lastColumn),
    rangeAddress(SUBTITLE_ROW, 0, SUBTITLE_ROW, lastColumn),
    rangeAddress(instructionsRow, 0, instructionsRow, lastColumn),
    ...FOOTER_MERGES.flatMap(([first, last]) => [rangeAddress(footerRow, first, footerRow, last), rangeAddress(footerRow + 1, first, footerRow + 1, last)]),
  ];
  const statusColumn = columnLetter(COLUMN_INDEX.status);
  const statusRange = `${statusColumn}${FIRST_DATA_ROW + 1}:${statusColumn}${lastDataRow + 1}`;
  const topStatus = `${statusColumn}${FIRST_DATA_ROW + 1}`;
  const words = STATUS_WORDS[language];
  const conditionalFormats: ConditionalFormatRule[] = [
    { range: statusRange, formula: `${topStatus}="${words.notMet}"`, fill: FLAG_COLOURS.notMet.fill, fontColor: FLAG_COLOURS.notMet.font },
    { range: statusRange, formula: `${topStatus}="${words.met}"`, fill: FLAG_COLOURS.met.fill, fontColor: FLAG_COLOURS.met.font },
    { range: statusRange, formula: `${topStatus}="${words.notYetDue}"`, fill: FLAG_COLOURS.notYetDue.fill, fontColor: FLAG_COLOURS.notYetDue.font },
    { range: statusRange, formula: `OR(${topStatus}="${words.invalid}",${topStatus}="${words.unreadable}")`, fill: FLAG_COLOURS.error.fill, fontColor: FLAG_COLOURS.error.font },
  ];
  const shortName = organisation?.shortName ?? (zh ? '全部指标' : 'All');
  return {
    meta,
    language,
    sheetName: safeSheetName(`${zh ? PLAN_SHORT[plan].zh : PLAN_SHORT[plan].en}${year}-${shortName}`),
    title,
    columns,
    rows,
    dataRows,
    merges,
    validations: validations(lines, dataRows, language),
    conditionalFormats,
    freeze: { rows: FIRST_DATA_ROW, columns: 0 },
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToPagesWide: 1,
      titleRows: `$${HEADER_ROW + 1}:$${HEADER_ROW + 1}`,
      footer: zh ? '第 &P 页，共 &N 页' : 'Page &P of &N',
    },
    protection: { password: undefined, allowSort: true, allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true },
  };
}

function dataCells(
  line: TemplateLine,
  index: number,
  row: number,
  inputs: DataRowInfo['inputs'],
  year: number,
  language: Language,
  domainNames: ReadonlyMap<string, string>,
  defaults: Catalog['plans']['women']['defaults'],
): (TemplateCell | undefined)[] {
  const zh = language === 'zh-CN';
  const indicator = line.indicator;
  const unit = UNITS[indicator.unit];
  const ref = (key: ColumnKey) => cellAddress(row, COLUMN_INDEX[key]);
  const cells: (TemplateCell | undefined)[] = new Array(TEMPLATE_COLUMNS.length).fill(undefined);
  const put = (key: ColumnKey, cell: TemplateCell) => {
    cells[COLUMN_INDEX[key]] = cell;
  };
  const valueFormat = unit.valueKind === 'ratio' || unit.valueKind === 'text' ? '@' : 'General';
  put('seq', { value: index + 1, style: 'cellCentered' });
  put('id', { value: indicator.id, style: 'cellCentered' });
  put('domain', { value: domainNames.get(indicator.domain) ?? indicator.domain, style: 'cell' });
  put('name', { value: zh ? indicator.name : indicator.nameEn, style: 'cell' });
  put('unitName', line.unit ? { value: zh ? line.unit.name : line.unit.nameEn, style: 'cell' } : { style: 'cell' });
  put('measure', { value: zh ? unit.id : unit.nameEn, style: 'cellCentered' });
  put('target', { value: targetText(indicator, year, language, defaults), style: 'cell' });
  const baselineValue = prefilledBaseline(indicator);
  put('baseline', inputs.baseline ? { ...(baselineValue === undefined ? {} : { value: baselineValue }), style: 'input', numberFormat: 'General' } : { style: 'unused' });
  put('previous', inputs.previous ? { style: 'input', numberFormat: 'General' } : { style: 'unused' });
  put('other', inputs.other ? { style: 'input', numberFormat: 'General' } : { style: 'unused' });
  put('value', { style: unit.valueKind === 'text' ? 'inputText' : 'input', numberFormat: valueFormat });
  put('status', {
    formula: statusFormula(
      indicator,
      year,
      defaults,
      {
        value: ref('value'),
        note: ref('note'),
        ...(inputs.previous ? { previous: ref('previous') } : {}),
        ...(inputs.baseline ? { baseline: ref('baseline') } : {}),
        ...(inputs.other ? { other: ref('other') } : {}),
      },
      language,
    ),
    style: 'status',
  });
  put('note', { style: 'inputText', numberFormat: '@' });
  put('dataSource', { style: 'inputText', numberFormat: '@' });
  return cells;
}

/**
 * The height a data row needs so wrapped names and targets stay readable on screen and on paper
 * (spreadsheet programs do not grow rows of a generated file by themselves). CJK characters are two
 * width units, others one; a line of the 10-point font takes 13.5 points.
 */
function rowHeight(cells: readonly (TemplateCell | undefined)[]): number {
  let lines = 1;
  cells.forEach((cell, column) => {
    const text = typeof cell?.value === 'string' ? cell.value : '';
    const width = TEMPLATE_COLUMNS[column]?.width ?? 10;
    if (!text) return;
    let units = 0;
    for (const char of text) units += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
    lines = Math.max(lines, Math.ceil(units / Math.max(1, width - 1)));
  });
  return Math.min(409, Math.max(18, lines * 13.5 + 4));
}

/** The target(s) governing the reporting year, e.g. "2025年≥70%；2030年：基本普及（规划未给出数值）". */
export function targetText(indicator: Indicator, year: number, language: Language, defaults: Catalog['plans']['women']['defaults']): string {
  const zh = language === 'zh-CN';
  const parts = targetsForYear(indicator, year).map((check) => {
    const description = describeTarget(check.target, indicator, defaults);
    const text = zh ? description.zh : description.en;
    if (isRecurring(indicator) && check.target === indicator.target) return zh ? `每年${text}` : `every year: ${text}`;
    return zh ? `${check.year}年${text}` : `${check.year}: ${text}`;
  });
  const flagged = indicator.notes.some((note) => note.kind === 'ambiguity' || note.kind === 'conflict');
  return `${parts.join(zh ? '；' : '; ')}${flagged ? ' ※' : ''}`;
}

function prefilledBaseline(indicator: Indicator): number | undefined {
  for (const target of [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]) {
    if (target.kind !== 'reduction') continue;
    return indicator.baseline.find((baseline) => baseline.year === target.baseYear)?.value;
  }
  return undefined;
}

function instructions(language: Language): string {
  return language === 'zh-CN'
    ? [
        '填表说明：1. 只在白色单元格中填写；灰色单元格由模板生成，请勿改动（工作表已保护，无密码）。',
        '2. 本年值填数字，不带单位和%号（如 95.2）；比例按“男:女”填写（如 2:3）；是否类填“是”或“否”；定性指标简要填写进展情况。',
        '3. 确无数据填“—”，并在“说明”栏写明原因；未达标或较上年变化较大的指标，请在“说明”栏说明原因（提交时必填）。',
        '4. “达标情况”由表内公式按规划目标自动判定（※表示规划表述不够明确，详见加载项或 indicators catalog）；提交前请用加载项“检查”或 indicators check 核对。',
      ].join('\n')
    : [
        'Instructions: 1. Fill the white cells only; the grey cells come from the template (the sheet is protected without a password).',
        '2. Enter numbers without units or % (e.g. 95.2); ratios as men:women (e.g. 2:3); yes/no as 是 or 否; describe progress for qualitative items.',
        '3. Where there is no data, enter "—" and say why in the note; explain every missed target or strong change in the note (required to submit).',
        '4. The status column is computed by formulas from the plan\'s targets (※: the plan is vague here); check with the add-in or `indicators check` before submitting.',
      ].join('\n');
}

/** Footer pieces wider than one column: [first column, last column] merged for each label and input. */
const FOOTER_MERGES: readonly (readonly [number, number])[] = [
  [0, 1],
  [2, 3],
  [4, 5],
  [7, 9],
  [10, 11],
  [12, 13],
];

function footerCells(language: Language, second: boolean): (TemplateCell | undefined)[] {
  const zh = language === 'zh-CN';
  const labels = second
    ? [zh ? '单位负责人：' : 'Head of unit:', zh ? '联系电话：' : 'Phone:', zh ? '（单位盖章）' : '(Seal)']
    : [zh ? '填报人：' : 'Filled in by:', zh ? '联系电话：' : 'Phone:', zh ? '填报日期：' : 'Date:'];
  const cells: (TemplateCell | undefined)[] = new Array(TEMPLATE_COLUMNS.length).fill(undefined);
  cells[0] = { value: labels[0] as string, style: 'footerLabel' };
  cells[2] = { style: 'footerInput', numberFormat: '@' };
  cells[4] = { value: labels[1] as string, style: 'footerLabel' };
  cells[6] = { style: 'footerInput', numberFormat: '@' };
  if (second) {
    cells[7] = { value: labels[2] as string, style: 'footerLabel' };
  } else {
    cells[7] = { value: labels[2] as string, style: 'footerLabel' };
    cells[10] = { style: 'footerInput', numberFormat: '@' };
  }
  return cells;
}

/** Where the footer inputs are, relative to the footer's first row: label text → input column. */
export const FOOTER_FIELDS = {
  reporter: { row: 0, column: 2 },
  reporterPhone: { row: 0, column: 6 },
  date: { row: 0, column: 10 },
  head: { row: 1, column: 2 },
  headPhone: { row: 1, column: 6 },
} as const;

function validations(lines: readonly TemplateLine[], dataRows: readonly DataRowInfo[], language: Language): ValidationRule[] {
  const zh = language === 'zh-CN';
  // one rule per input cell, then runs of equal rules down a column are merged into one range
  const byColumn = new Map<ColumnKey, { row: number; rule: Omit<ValidationRule, 'range'>; key: string }[]>();
  const add = (key: ColumnKey, row: number, rule: Omit<ValidationRule, 'range'>) => {
    const list = byColumn.get(key) ?? [];
    list.push({ row, rule, key: JSON.stringify(rule) });
    byColumn.set(key, list);
  };
  lines.forEach((line, index) => {
    const info = dataRows[index] as DataRowInfo;
    const indicator = line.indicator;
    add('value', info.row, valueRule(indicator, zh));
    const numeric = numericRule(indicator, zh);
    if (info.inputs.previous) add('previous', info.row, numeric(previousKind(indicator) === 'previousTerm' ? (zh ? '上届值' : 'Previous term') : zh ? '上年值' : 'Previous year'));
    if (info.inputs.baseline) add('baseline', info.row, numeric(zh ? '基期值' : 'Base-year value'));
    if (info.inputs.other) add('other', info.row, numeric(zh ? '比较值' : 'Comparison value'));
    add('note', info.row, textRule(zh ? '说明' : 'Note', zh ? '未达标、波动较大或填“—”时，请说明原因' : 'Explain misses, strong changes or "—"', zh));
  });
  const rules: ValidationRule[] = [];
  for (const [key, list] of byColumn) {
    const column = COLUMN_INDEX[key];
    let start = 0;
    for (let i = 1; i <= list.length; i += 1) {
      const first = list[start];
      const current = list[i];
      const previous = list[i - 1];
      if (first && previous && (!current || current.key !== first.key || current.row !== previous.row + 1)) {
        rules.push({ range: rangeAddress(first.row, column, previous.row, column), ...first.rule });
        start = i;
      }
    }
  }
  return rules;
}

function rangeWords(indicator: Indicator, zh: boolean): string {
  const { min, max } = validRange(indicator);
  if (max === undefined) return zh ? `不小于${formatNumber(min ?? 0)}` : `at least ${formatNumber(min ?? 0)}`;
  return zh ? `${formatNumber(min ?? 0)}—${formatNumber(max)}` : `${formatNumber(min ?? 0)} to ${formatNumber(max)}`;
}

function numericRule(indicator: Indicator, zh: boolean) {
  const unit = UNITS[indicator.unit];
  const { min, max } = validRange(indicator);
  return (label: string): Omit<ValidationRule, 'range'> => ({
    rule: { type: unit.integer ? 'whole' : 'decimal', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
    prompt: { title: label, message: zh ? `${unit.expectZh}，范围${rangeWords(indicator, zh)}，不带单位` : `${unit.expectEn}, ${rangeWords(indicator, zh)}, no unit` },
    error: { title: zh ? '请核对' : 'Please check', message: zh ? `应为${unit.expectZh}（${rangeWords(indicator, zh)}）。确无数据可填“—”并在说明栏注明原因。是否仍保留？` : `Expected ${unit.expectEn} (${rangeWords(indicator, zh)}). Enter "—" with a note if there is no data. Keep it anyway?`, style: 'warning' },
  });
}

function valueRule(indicator: Indicator, zh: boolean): Omit<ValidationRule, 'range'> {
  const unit = UNITS[indicator.unit];
  const label = zh ? '本年值' : 'This year';
  switch (unit.valueKind) {
    case 'number':
      return numericRule(indicator, zh)(label);
    case 'boolean':
      return {
        rule: { type: 'list', values: ['是', '否'] },
        prompt: { title: label, message: zh ? '请选择“是”或“否”' : 'Choose 是 (yes) or 否 (no)' },
        error: { title: zh ? '请核对' : 'Please check', message: zh ? '应填“是”或“否”。确无数据可填“—”并在说明栏注明原因。是否仍保留？' : 'Expected 是 or 否. Keep it anyway?', style: 'warning' },
      };
    case 'ratio':
      return textRule(label, zh ? `${unit.expectZh}，如 2:3` : `${unit.expectEn}, e.g. 2:3`, zh, 50);
    case 'text':
      return textRule(label, zh ? '简要填写本年度进展情况（定性指标，不作数值判定）' : 'Describe this year\'s progress (qualitative; not judged)', zh);
  }
}

function textRule(title: string, message: string, zh: boolean, max = MAX_TEXT): Omit<ValidationRule, 'range'> {
  return {
    rule: { type: 'textLength', max },
    prompt: { title, message },
    error: { title: zh ? '内容过长' : 'Too long', message: zh ? `不超过${max}字` : `At most ${max} characters`, style: 'stop' },
  };
}
