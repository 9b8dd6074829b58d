import type { Catalog } from '../catalog/catalog';
import type { Indicator, PlanId } from '../catalog/indicator-schema';
import { PLAN_FIRST_YEAR, PLAN_LAST_YEAR } from '../catalog/indicator-schema';
import type { Organisation } from '../catalog/organisation-schema';
import { EMPTY_REPORT_FORM, type ReportForm } from '../catalog/report-form-schema';
import { UNITS } from '../catalog/units';
import { describeTarget } from '../assess/describe-target';
import { formatNumber } from '../assess/format-quantity';
import { isRecurring, previousKind, targetsForYear } from '../assess/targets-for-year';
import { BilingualError, type Language } from '../i18n/message';
import { validRange } from '../rules/validate-value';
import { cellAddress, columnLetter, rangeAddress } from './cell-address';
import { COLUMN_INDEX, INSTRUCTIONS_FONT_SIZE, STATUS_WORDS, TEMPLATE_COLUMNS, columnMarker, type ColumnKey } from './template-columns';
import { textHeight, wrappedLines } from './text-lines';
import { TEMPLATE_VERSION, encodeMetadata, type TemplateMetadata } from './template-metadata';
import { FLAG_COLOURS, type ConditionalFormatRule, type DataRowInfo, type TemplateCell, type TemplateModel, type TemplateRow, type ValidationRule } from './template-model';
import { lineInputs, templateLines, type ReportingGrant, type TemplateLine } from './template-rows';
import { judgedNumberFormula, parsedNumberFormula, statusFormula, type ConsistencyLinks, type RowReferences } from './status-formula';
import { safeSheetName } from './sheet-name';

/** What template to cut: plan, reporting year, and optionally the organisation (else every indicator). */
export interface TemplateRequest {
  readonly plan: PlanId;
  readonly year: number;
  readonly organisationId?: string;
  readonly language?: Language;
  /** The bureau's grants to the organisation: indicators it reports beyond the catalog's lists. */
  readonly grants?: readonly ReportingGrant[];
  /** The 统计报表 header (表号 …); default: the catalog's (seeds/report-form.json), else blank fields. */
  readonly reportForm?: ReportForm;
}

/** A template that cannot be cut as asked (unknown organisation, year outside the plans …). */
export class TemplateRequestError extends BilingualError {}

/**
 * The rows above the data: hidden markers, title, the four lines of the report form's header (填报单位 and
 * 报告年度 on the left; 表号, 制表机关, 批准文号, 有效期至 on the right), column headers. The data block starts
 * right below the headers with the first domain's group row; `model.dataRows` says where each line is.
 */
export const MARKER_ROW = 0;
export const TITLE_ROW = 1;
export const FORM_ROWS = [2, 3, 4, 5] as const;
/** The form-header row that is the subtitle: what the white and blue cells mean (prefillTemplate adds its legend). */
export const SUBTITLE_ROW = 4;
export const HEADER_ROW = 6;
export const FIRST_DATA_ROW = 7;

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
  // the hidden 校验值 column is neither merged over nor printed
  const lastColumn = columns.reduce((last, column, index) => (column.hidden ? last : index), 0);
  const orgName = organisation ? (zh ? organisation.name : organisation.nameEn) : zh ? '全部指标' : 'all indicators';
  const title = zh
    ? `${planCatalog.title}监测指标填报表 · ${year}年度 · ${orgName}`
    : `${planCatalog.titleEn}: monitoring report · ${year} · ${orgName}`;
  const form = request.reportForm ?? catalog.reportForms?.[plan] ?? EMPTY_REPORT_FORM;

  const rows: TemplateRow[] = [];
  rows.push({ kind: 'markers', hidden: true, cells: [...columns.map((column) => ({ value: columnMarker(column.key), style: 'marker' as const })), { value: encodeMetadata(meta), style: 'marker' }] });
  rows.push({ kind: 'title', height: 30, cells: [{ value: title, style: 'title' }] });
  const merges: string[] = [rangeAddress(TITLE_ROW, 0, TITLE_ROW, lastColumn)];
  formHeader(language, organisation, year, planCatalog.catalogVersion, form).forEach(({ left, right, kind }, index) => {
    const row = FORM_ROWS[index] as number;
    const cells: (TemplateCell | undefined)[] = [];
    cells[0] = { value: left, style: kind === 'subtitle' ? 'subtitle' : 'formInfo' };
    cells[FORM_FIELD_COLUMN] = { value: right, style: 'formField' };
    rows.push({ kind, height: 18, cells });
    merges.push(rangeAddress(row, 0, row, FORM_FIELD_COLUMN - 2), rangeAddress(row, FORM_FIELD_COLUMN, row, lastColumn));
  });
  const headerCells = columns.map((column) => ({ value: zh ? column.header : column.headerEn, style: 'header' as const }));
  rows.push({ kind: 'header', height: Math.max(32, rowHeight(headerCells, 11)), cells: headerCells });

  const dataRows: DataRowInfo[] = [];
  const defaults = planCatalog.defaults;
  const domainNames = new Map(planCatalog.domains.map((domain) => [domain.name, zh ? domain.name : domain.nameEn]));
  const links = consistencyLinks(planCatalog.consistencyRules, lines);
  let domain: string | undefined;
  lines.forEach((line, index) => {
    if (line.indicator.domain !== domain) {
      // the domain once, as a group row above its indicators (numbered 一、二、… as the plans number them)
      domain = line.indicator.domain;
      const name = domainNames.get(domain) ?? domain;
      const number = planCatalog.domains.findIndex((candidate) => candidate.name === domain) + 1;
      const groupCells: (TemplateCell | undefined)[] = columns.map((column, column_) => (column.hidden ? undefined : { style: column_ === 0 ? 'group' : 'groupFill' }));
      groupCells[0] = { value: zh ? `${chineseNumeral(number)}、${name}` : `${number}. ${name}`, style: 'group' };
      rows.push({ kind: 'group', height: 20, cells: groupCells });
    }
    const row = rows.length;
    const inputs = lineInputs(line.indicator);
    dataRows.push({ row, indicatorId: line.indicator.id, ...(line.unit ? { unitId: line.unit.id } : {}), inputs });
    const cells = dataCells(line, index, row, inputs, year, language, defaults, line.unit ? undefined : links.get(line.indicator.id));
    rows.push({ kind: 'data', height: rowHeight(cells), cells });
  });
  const lastDataRow = rows.length - 1;

  rows.push({ kind: 'spacer', cells: [] });
  const footerRow = rows.length;
  for (const cells of footerCells(language)) rows.push({ kind: 'footer', height: 26, cells });
  for (const [row, first, last] of FOOTER_MERGES) merges.push(rangeAddress(footerRow + row, first, footerRow + row, last));
  rows.push({ kind: 'spacer', cells: [] });
  const instructionsWidth = columns.reduce((sum, column) => sum + (column.hidden ? 0 : column.width), 0);
  for (const [index, text] of instructions(language).entries()) {
    const row = rows.length;
    rows.push({ kind: 'instructions', height: textHeight(text, instructionsWidth, INSTRUCTIONS_FONT_SIZE), cells: [{ value: text, style: index === 0 ? 'instructionsHeading' : 'instructions' }] });
    merges.push(rangeAddress(row, 0, row, lastColumn));
  }

  const statusColumn = columnLetter(COLUMN_INDEX.status);
  const statusRange = `${statusColumn}${FIRST_DATA_ROW + 1}:${statusColumn}${lastDataRow + 1}`;
  const topStatus = `${statusColumn}${FIRST_DATA_ROW + 1}`;
  const words = STATUS_WORDS[language];
  const conditionalFormats: ConditionalFormatRule[] = [
    { range: statusRange, formula: `${topStatus}="${words.notMet}"`, fill: FLAG_COLOURS.notMet.fill, fontColor: FLAG_COLOURS.notMet.font },
    { range: statusRange, formula: `${topStatus}="${words.met}"`, fill: FLAG_COLOURS.met.fill, fontColor: FLAG_COLOURS.met.font },
    { range: statusRange, formula: `${topStatus}="${words.notYetDue}"`, fill: FLAG_COLOURS.notYetDue.fill, fontColor: FLAG_COLOURS.notYetDue.font },
    { range: statusRange, formula: `OR(${topStatus}="${words.invalid}",${topStatus}="${words.unreadable}",${topStatus}="${words.inconsistent}")`, fill: FLAG_COLOURS.error.fill, fontColor: FLAG_COLOURS.error.font },
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
      paperSize: 'A3',
      fitToPagesWide: 1,
      area: rangeAddress(0, 0, rows.length - 1, lastColumn),
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
  defaults: Catalog['plans']['women']['defaults'],
  links: ConsistencyLinks | undefined,
): (TemplateCell | undefined)[] {
  const zh = language === 'zh-CN';
  const indicator = line.indicator;
  const unit = UNITS[indicator.unit];
  const ref = (key: ColumnKey) => cellAddress(row, COLUMN_INDEX[key]);
  const cells: (TemplateCell | undefined)[] = new Array(TEMPLATE_COLUMNS.length).fill(undefined);
  const put = (key: ColumnKey, cell: TemplateCell) => {
    cells[COLUMN_INDEX[key]] = cell;
  };
  const valueFormat = unit.valueKind === 'ratio' ? '@' : 'General';
  put('seq', { value: index + 1, style: 'cellCentered' });
  put('id', { value: indicator.id, style: 'cellCentered' });
  put('name', { value: zh ? indicator.name : indicator.nameEn, style: 'cell' });
  put('unitName', line.unit ? { value: zh ? line.unit.name : line.unit.nameEn, style: 'cell' } : { style: 'cell' });
  put('measure', { value: zh ? unit.id : unit.nameEn, style: 'cellCentered' });
  put('target', { value: targetText(indicator, year, language, defaults), style: 'cell' });
  const baselineValue = prefilledBaseline(indicator);
  put('baseline', inputs.baseline ? { ...(baselineValue === undefined ? {} : { value: baselineValue }), style: 'input', numberFormat: 'General' } : { style: 'unused' });
  put('previous', inputs.previous ? { style: 'input', numberFormat: 'General' } : { style: 'unused' });
  put('other', inputs.other ? { style: 'input', numberFormat: 'General' } : { style: 'unused' });
  // a qualitative indicator's progress goes into the wide 进展情况 column; 本年值 is for numbers, ratios, 是/否
  const text = unit.valueKind === 'text';
  put('value', text ? { style: 'unused' } : { style: 'input', numberFormat: valueFormat });
  put('progress', text ? { style: 'inputText', numberFormat: '@' } : { style: 'unused' });
  const refs: RowReferences = {
    value: ref(text ? 'progress' : 'value'),
    note: ref('note'),
    ...(inputs.previous ? { previous: ref('previous') } : {}),
    ...(inputs.baseline ? { baseline: ref('baseline') } : {}),
    ...(inputs.other ? { other: ref('other') } : {}),
    judged: ref('judged'),
    ...(unit.valueKind === 'number' ? { parsed: ref('parsed') } : {}),
    ...(text ? { fallback: ref('value') } : {}),
  };
  put('status', { formula: statusFormula(indicator, year, defaults, refs, language, links), style: 'status' });
  if (unit.valueKind === 'number') {
    put('parsed', { formula: parsedNumberFormula(indicator, year, defaults, refs), style: 'marker' });
    put('judged', { formula: judgedNumberFormula(indicator, year, defaults, refs), style: 'marker' });
  }
  put('note', { style: 'inputText', numberFormat: '@' });
  put('dataSource', { style: 'inputText', numberFormat: '@' });
  return cells;
}

/**
 * The rows of the consistency rules of severity error (新生儿 ≤ 婴儿 ≤ 5岁以下儿童死亡率), for their status
 * formulas: each row of a rule looks up the judged numbers of the others in the hidden 校验值 column by
 * indicator code — so sorted rows still find each other — and says 逻辑有误 where the engine reports the
 * error. Rules over per-township indicators are left to the engine (a lookup by code and township needs array
 * formulas older Excel lacks); none is of severity error today.
 */
function consistencyLinks(rules: Catalog['plans']['women']['consistencyRules'], lines: readonly TemplateLine[]): Map<string, ConsistencyLinks> {
  const present = new Set(lines.filter((line) => line.unit === undefined).map((line) => line.indicator.id));
  const perUnit = new Set(lines.filter((line) => line.unit !== undefined).map((line) => line.indicator.id));
  const idColumn = columnLetter(COLUMN_INDEX.id);
  const judgedColumn = columnLetter(COLUMN_INDEX.judged);
  const lookup = (id: string) => `INDEX($${judgedColumn}:$${judgedColumn},MATCH("${id}",$${idColumn}:$${idColumn},0))`;
  const links = new Map<string, { chains: { cells: (string | undefined)[]; position: number }[] }>();
  for (const rule of rules) {
    if (rule.severity !== 'error' || rule.indicators.some((id) => perUnit.has(id))) continue;
    const cells = rule.indicators.map((id) => (present.has(id) ? lookup(id) : undefined));
    if (cells.filter((cell) => cell !== undefined).length < 2) continue;
    rule.indicators.forEach((id, position) => {
      if (!present.has(id)) return;
      const entry = links.get(id) ?? { chains: [] };
      entry.chains.push({ cells, position });
      links.set(id, entry);
    });
  }
  return links;
}

/**
 * The height a row needs so its wrapped texts (names, targets, headers) stay readable on screen and on paper
 * (spreadsheet programs do not grow the rows of a generated file by themselves): the tallest cell's lines,
 * estimated as src/core/template/text-lines.ts does for every generated sheet.
 */
function rowHeight(cells: readonly (TemplateCell | undefined)[], fontSize = 10): number {
  let lines = 1;
  cells.forEach((cell, column) => {
    const text = typeof cell?.value === 'string' ? cell.value : '';
    if (text) lines = Math.max(lines, wrappedLines(text, TEMPLATE_COLUMNS[column]?.width ?? 10, fontSize));
  });
  return Math.min(409, Math.max(18, Math.ceil(lines * fontSize * 1.35 + 4)));
}

/** 一 … 九十九, as the plans number their domains. */
function chineseNumeral(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}

/** The column where the report form's fields (表号 …) start, right-hand side of the header: 说明 onwards. */
const FORM_FIELD_COLUMN = COLUMN_INDEX.note;

/**
 * The four lines under the title that make the template a 统计报表: on the left who reports, for which year,
 * from which catalog, and what the cell colours mean (the subtitle); on the right the form's number, issuing
 * office, approval number and validity, from the deployment's seeds/report-form.json — a blank one printed as
 * its label over a line, to be filled in by hand, never invented.
 */
function formHeader(language: Language, organisation: Organisation | undefined, year: number, catalogVersion: string, form: ReportForm): { left: string; right: string; kind: 'formInfo' | 'subtitle' }[] {
  const zh = language === 'zh-CN';
  const field = (label: string, value: string) => `${label}${value}`;
  return zh
    ? [
        { left: `填报单位（盖章）：${organisation?.name ?? '（全部指标）'}`, right: field('表\u3000\u3000号：', form.formNumber), kind: 'formInfo' },
        { left: `报告年度：${year}年\u3000\u3000目录版本：${catalogVersion}（模板第${TEMPLATE_VERSION}版）`, right: field('制表机关：', form.issuedBy), kind: 'formInfo' },
        { left: '白色单元格为填报项，灰色由模板生成', right: field('批准文号：', form.approvalNumber), kind: 'subtitle' },
        { left: '计量单位：见各行“单位”栏', right: field('有效期至：', form.validUntil), kind: 'formInfo' },
      ]
    : [
        { left: `Reporting organisation (seal): ${organisation?.nameEn ?? '(all indicators)'}`, right: field('Form No.: ', form.formNumber), kind: 'formInfo' },
        { left: `Year: ${year}    Catalog: ${catalogVersion} (template version ${TEMPLATE_VERSION})`, right: field('Issued by: ', form.issuedBy), kind: 'formInfo' },
        { left: 'Fill the white cells; the grey ones come from the template', right: field('Approval No.: ', form.approvalNumber), kind: 'subtitle' },
        { left: 'Units: see the Unit column', right: field('Valid until: ', form.validUntil), kind: 'formInfo' },
      ];
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

/** 填表说明: a heading and one paragraph a row, so each row's height fits its text and pages break between them. */
function instructions(language: Language): string[] {
  return language === 'zh-CN'
    ? [
        '填表说明',
        '一、只在白色单元格中填写；灰色单元格由模板生成，请勿改动（工作表已保护，无密码）。蓝色数字为预填的上年值或规划基期值，如有更正可直接改写。',
        '二、“本年值”填数字，不带单位（如 95.2；百分比也可填 95.2%）；比例按“男:女”填写（如 2:3）；是否类填“是”或“否”。定性指标不填“本年值”，在“进展情况”栏简要填写本年度进展。',
        '三、确无数据的，“本年值”填“—”，并在“说明”栏写明原因。',
        '四、“达标情况”由表内公式按规划目标自动判定：达标；未达标——已到期的目标（报告年度及以前年份的阶段目标、每年目标）未达到，须在“说明”栏说明原因；未到期——尚未达到以后年份的目标，属提示，不需要说明；有误、逻辑有误——数值超出范围、单位不符或与相关指标的逻辑关系不符，须改正；待核对——表内公式无法识别，请用加载项“检查”或 indicators check 核对。目标栏的“※”表示规划表述不够明确。',
        '五、较上年变化较大（波动预警）的指标，也须在“说明”栏说明原因。提交前请用加载项“检查”或 indicators check 核对。',
        '六、表尾由单位负责人、统计负责人签字，填表人填写姓名、联系电话和报出日期。',
      ]
    : [
        'Instructions',
        '1. Fill the white cells only; the grey cells come from the template (the sheet is protected without a password). Blue figures are prefilled (last year\'s value, the plan\'s base-year value): overwrite them if they were corrected.',
        '2. Enter numbers in "This year" without units (e.g. 95.2; a percentage may also be typed as 95.2%); ratios as men:women (e.g. 2:3); yes/no as 是 or 否. Qualitative indicators leave "This year" empty and describe this year\'s progress in the Progress column.',
        '3. Where there is no data, enter "—" as this year\'s value and say why in the note.',
        '4. The status column is computed by formulas from the plan\'s targets: Met; Not met — a target that is due (a milestone of the reporting year or earlier, an every-year target) is missed: explain why in the note; Not yet due — short of a later year\'s target: information, no note needed; Invalid, Inconsistent — out of range, the wrong unit, or contradicting a related indicator: correct it; Check — the formula cannot read the cell: check with the add-in or `indicators check`. ※ in the target column: the plan is vague here.',
        '5. Explain strong changes from last year (swing warnings) in the note too. Check with the add-in or `indicators check` before submitting.',
        '6. The heads of the unit and of statistics sign the footer; whoever filled the form gives their name, phone number and the date it is reported.',
      ];
}

/** The footer's fields: where each label sits and where its input is, by column key, row 0 or 1 of the footer. */
export const FOOTER_FIELDS = {
  head: { row: 0, label: 'seq', labelEnd: 'id', input: 'name' },
  statistician: { row: 0, label: 'unitName', labelEnd: 'measure', input: 'target' },
  reporter: { row: 0, label: 'baseline', labelEnd: 'previous', input: 'other', inputEnd: 'value' },
  phone: { row: 1, label: 'seq', labelEnd: 'id', input: 'name' },
  date: { row: 1, label: 'unitName', labelEnd: 'measure', input: 'target' },
} as const satisfies Record<string, { row: 0 | 1; label: ColumnKey; labelEnd: ColumnKey; input: ColumnKey; inputEnd?: ColumnKey }>;

/** The footer's labels (a label starts the footer's first row in the 序号 column: how the reader finds it). */
export const FOOTER_LABELS = {
  'zh-CN': { head: '单位负责人：', statistician: '统计负责人：', reporter: '填表人：', phone: '联系电话：', date: '报出日期：' },
  'en-US': { head: 'Head of unit:', statistician: 'Head of statistics:', reporter: 'Filled in by:', phone: 'Phone:', date: 'Reported on:' },
} as const;

/** Footer pieces wider than one column, merged: [footer row, first column, last column] of each label and wide input. */
const FOOTER_MERGES: readonly (readonly [number, number, number])[] = Object.values(FOOTER_FIELDS).flatMap((field) => [
  [field.row, COLUMN_INDEX[field.label], COLUMN_INDEX[field.labelEnd]] as const,
  ...('inputEnd' in field ? [[field.row, COLUMN_INDEX[field.input], COLUMN_INDEX[field.inputEnd]] as const] : []),
]);

/** The 统计报表 footer: 单位负责人 · 统计负责人 · 填表人 on the first row, 联系电话 · 报出日期 on the second. */
function footerCells(language: Language): (TemplateCell | undefined)[][] {
  const labels = FOOTER_LABELS[language];
  const rows: (TemplateCell | undefined)[][] = [new Array(TEMPLATE_COLUMNS.length).fill(undefined), new Array(TEMPLATE_COLUMNS.length).fill(undefined)];
  for (const [name, field] of Object.entries(FOOTER_FIELDS) as [keyof typeof FOOTER_FIELDS, (typeof FOOTER_FIELDS)[keyof typeof FOOTER_FIELDS]][]) {
    const cells = rows[field.row] as (TemplateCell | undefined)[];
    cells[COLUMN_INDEX[field.label]] = { value: labels[name], style: 'footerLabel' };
    cells[COLUMN_INDEX[field.input]] = { style: 'footerInput', numberFormat: '@' };
  }
  return rows;
}

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
    add(UNITS[indicator.unit].valueKind === 'text' ? 'progress' : 'value', info.row, valueRule(indicator, zh));
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
