import Big from 'big.js';
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/indicator-schema';
import { entryKey, type EntryInput } from '../assess/entry';
import type { ReportInput } from '../report/evaluate-report';
import type { Message } from '../i18n/message';
import type { RawCell } from '../parse/cell-value';
import { cellAddress } from './cell-address';
import { COLUMN_KEYS, type ColumnKey } from './template-columns';
import { MARKER_PREFIX, TEMPLATE_VERSION, decodeMetadata, isMetadataCell, type TemplateMetadata } from './template-metadata';
import { lineInputs } from './template-rows';
import { FOOTER_FIELDS } from './build-template';
import { UNITS } from '../catalog/units';

/**
 * The used part of a worksheet as both workbook adapters read it in one go: the cell values, and where the
 * host has them, the displayed texts and number formats (2D arrays of the same shape). `firstRow` and
 * `firstColumn` are the 0-based sheet position of `values[0][0]`.
 */
export interface SheetGrid {
  readonly name: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly values: readonly (readonly RawCell[])[];
  readonly texts?: readonly (readonly string[])[];
  readonly numberFormats?: readonly (readonly string[])[];
}

/** A problem found while reading a sheet, with the cell it is about. */
export interface TemplateProblem extends Message {
  /** A1 address, e.g. "K7". */
  readonly cell?: string;
  readonly indicatorId?: string;
  readonly unitId?: string;
}

/** The cells one entry was read from (A1 addresses), by field. */
export type EntryCells = Partial<Record<'id' | 'unitName' | 'value' | 'note' | 'previous' | 'baseline' | 'other' | 'status' | 'dataSource', string>>;

/** One entry read from a template row: the engine's input plus where it came from. */
export interface ReadEntry extends EntryInput {
  /** 0-based sheet row. */
  readonly row: number;
  readonly cells: EntryCells;
  readonly dataSource?: string;
}

/** The people who filled the sheet, from its footer (填表人, 联系电话, 报出日期, 单位负责人, 统计负责人). */
export interface TemplateFooter {
  readonly reporter?: string;
  readonly phone?: string;
  readonly date?: string;
  readonly head?: string;
  readonly statistician?: string;
}

/** A template sheet read back into engine input, by indicator code rather than by row position. */
export interface TemplateRead {
  readonly sheetName: string;
  readonly meta: TemplateMetadata;
  readonly entries: readonly ReadEntry[];
  readonly footer: TemplateFooter;
  readonly problems: readonly TemplateProblem[];
  /** The 0-based sheet column of each template column found. */
  readonly columns: Readonly<Partial<Record<ColumnKey, number>>>;
}

/** Either a template read back, or why the sheet is not one. */
export type TemplateReadOutcome =
  | { readonly kind: 'template'; readonly read: TemplateRead }
  | { readonly kind: 'notTemplate'; readonly looksLikeTemplate: boolean; readonly message: Message };

const ID_PATTERN = /^[WC]-[A-Z]{3}-\d{2}$/;
/** A domain's group row in the 序号 column: 一、儿童与健康 (1. Children and health). */
const GROUP_LABEL = /^([一二三四五六七八九十]+、|\d+\.\s)/;
const SCAN_ROWS = 60;
const REQUIRED: readonly ColumnKey[] = ['id', 'value', 'note'];

/**
 * Reads a template sheet back: finds the hidden marker row (wherever inserted rows or columns moved it),
 * maps every column by its key, and reads each row that carries an indicator code — so sorted rows,
 * inserted rows and columns, and a renamed sheet read the same. Values go to the engine raw: pasted text,
 * numbers stored as text and formula results are all re-parsed and re-validated there.
 */
export function readTemplate(grid: SheetGrid, catalog: Catalog): TemplateReadOutcome {
  const at = (row: number, column: number) => grid.values[row]?.[column];
  const textAt = (row: number, column: number) => textOf(at(row, column));
  const address = (row: number, column: number) => cellAddress(grid.firstRow + row, grid.firstColumn + column);
  const sheet = grid.name;

  // 1. the marker row and its metadata cell
  let markerRow = -1;
  let metaText = '';
  for (let row = 0; row < Math.min(grid.values.length, SCAN_ROWS) && markerRow < 0; row += 1) {
    const cells = grid.values[row] ?? [];
    for (let column = 0; column < cells.length; column += 1) {
      const text = textAt(row, column);
      if (isMetadataCell(text)) {
        markerRow = row;
        metaText = text;
        break;
      }
    }
  }
  if (markerRow < 0) {
    const looks = looksLikeTemplate(grid);
    return {
      kind: 'notTemplate',
      looksLikeTemplate: looks,
      message: looks
        ? { code: 'template.metadataMissing', severity: 'error', zh: `工作表“${sheet}”像是填报表，但缺少隐藏的模板信息行（可能被删除）；请用加载项或 indicators template 重新生成模板，再把数据复制过去`, en: `Sheet "${sheet}" looks like a report template but its hidden metadata row is missing (deleted?); cut a new template and copy the data over` }
        : { code: 'template.notTemplate', severity: 'error', zh: `工作表“${sheet}”不是监测指标填报模板`, en: `Sheet "${sheet}" is not a monitoring template` },
    };
  }
  const decoded = decodeMetadata(metaText);
  if (!decoded.ok) {
    return { kind: 'notTemplate', looksLikeTemplate: true, message: { code: 'template.metadataDamaged', severity: 'error', zh: `工作表“${sheet}”：${decoded.zh}；请重新生成模板`, en: `Sheet "${sheet}": ${decoded.en}; cut a new template` } };
  }
  const meta = decoded.meta;

  // 2. the columns, by key
  const columns: Partial<Record<ColumnKey, number>> = {};
  const keys = new Set<string>(COLUMN_KEYS);
  let domainColumn: number | undefined; // version 1 had a 领域 column, where its footer put the names
  (grid.values[markerRow] ?? []).forEach((_cell, column) => {
    const text = textAt(markerRow, column);
    const key = text.startsWith(MARKER_PREFIX) ? text.slice(MARKER_PREFIX.length) : '';
    if (keys.has(key) && columns[key as ColumnKey] === undefined) columns[key as ColumnKey] = column;
    if (key === 'domain') domainColumn ??= column;
  });
  const missing = REQUIRED.filter((key) => columns[key] === undefined);
  if (missing.length > 0) {
    return { kind: 'notTemplate', looksLikeTemplate: true, message: { code: 'template.columnsMissing', severity: 'error', zh: `工作表“${sheet}”的隐藏标记行缺少列标记（${missing.join('、')}）；请重新生成模板`, en: `Sheet "${sheet}": the hidden marker row lacks the column markers ${missing.join(', ')}; cut a new template` } };
  }

  const problems: TemplateProblem[] = [];
  const planCatalog = catalog.plans[meta.plan];
  if (meta.catalogVersion !== planCatalog.catalogVersion) {
    problems.push({ code: 'template.catalogVersion', severity: 'warning', zh: `模板按指标目录 ${meta.catalogVersion} 版生成，当前为 ${planCatalog.catalogVersion} 版；已按当前目录核对，建议重新生成模板`, en: `The template was cut from catalog ${meta.catalogVersion}; the current one is ${planCatalog.catalogVersion}. Checked against the current catalog; consider cutting a new template` });
  }
  if (meta.templateVersion > TEMPLATE_VERSION) {
    problems.push({ code: 'template.newerVersion', severity: 'warning', zh: `模板版本 ${meta.templateVersion} 比本程序支持的 ${TEMPLATE_VERSION} 新；请更新加载项或命令行工具`, en: `Template version ${meta.templateVersion} is newer than this program (${TEMPLATE_VERSION}); please update` });
  }
  if (meta.organisationId !== undefined && !catalog.organisations.some((organisation) => organisation.id === meta.organisationId)) {
    problems.push({ code: 'template.unknownOrganisation', severity: 'error', zh: `模板的填报单位“${meta.organisationId}”不在单位名录中`, en: `The template's organisation "${meta.organisationId}" is not in the list of organisations` });
  }

  // 3. the rows that carry an indicator code
  const unitNames = unitNameIndex(catalog);
  const idColumn = columns.id as number;
  const valueColumn = columns.value as number;
  const entries: ReadEntry[] = [];
  let firstDataRow = -1;
  let lastDataRow = markerRow;
  const orphans: number[] = [];
  for (let row = markerRow + 1; row < grid.values.length; row += 1) {
    const idText = textAt(row, idColumn).normalize('NFKC').trim().toUpperCase();
    if (!ID_PATTERN.test(idText)) {
      if (textAt(row, valueColumn).trim() !== '') orphans.push(row);
      continue;
    }
    if (firstDataRow < 0) firstDataRow = row;
    lastDataRow = row;
    const indicator = catalog.indicators.get(idText);
    const cells: Record<string, string> = { id: address(row, idColumn), value: address(row, valueColumn) };
    for (const key of ['unitName', 'note', 'previous', 'baseline', 'other', 'status', 'dataSource'] as const) {
      const column = columns[key];
      if (column !== undefined) cells[key] = address(row, column);
    }
    if (!indicator) {
      problems.push({ code: 'template.unknownIndicator', severity: 'error', field: 'indicator', cell: cells.id, indicatorId: idText, zh: `${cells.id}：指标编号“${idText}”不在指标目录中`, en: `${cells.id}: indicator "${idText}" is not in the catalog` });
      continue;
    }
    if (indicator.plan !== meta.plan) {
      problems.push({ code: 'template.otherPlan', severity: 'error', field: 'indicator', cell: cells.id, indicatorId: idText, zh: `${cells.id}：指标 ${idText} 不属于本模板的规划`, en: `${cells.id}: indicator ${idText} belongs to the other plan` });
      continue;
    }
    // a qualitative indicator's progress is in 进展情况 (version 2); 本年值 where that is empty (version 1, or typed there)
    const progressColumn = columns.progress;
    if (UNITS[indicator.unit].valueKind === 'text' && progressColumn !== undefined && (textAt(row, progressColumn).trim() !== '' || textAt(row, valueColumn).trim() === '')) {
      cells.value = address(row, progressColumn);
    }
    const entryValueColumn = cells.value === address(row, valueColumn) ? valueColumn : (progressColumn as number);
    const unitText = columns.unitName === undefined ? '' : textAt(row, columns.unitName).trim();
    const unitId = indicator.perUnit || unitText !== '' ? resolveUnit(indicator, unitText, unitNames) : undefined;
    const raw = (column: number | undefined) => (column === undefined ? undefined : rawOf(grid, row, column, indicator, problems, address(row, column)));
    const inputs = lineInputs(indicator);
    const optional = (key: 'previous' | 'baseline' | 'other') => {
      if (!inputs[key]) return {};
      const value = raw(columns[key]);
      return value === undefined || textOf(value).trim() === '' ? {} : { [key]: value };
    };
    const note = columns.note === undefined ? '' : textAt(row, columns.note).trim();
    const dataSource = columns.dataSource === undefined ? '' : textAt(row, columns.dataSource).trim();
    entries.push({
      indicatorId: indicator.id,
      ...(unitId === undefined ? {} : { unitId }),
      value: raw(entryValueColumn) ?? null,
      ...(note ? { note } : {}),
      ...optional('previous'),
      ...optional('baseline'),
      ...optional('other'),
      row: grid.firstRow + row,
      cells,
      ...(dataSource ? { dataSource } : {}),
    });
  }
  // the data block: the indicator rows plus rows inserted at its edges, up to the next row labelled in the
  // 序号 column (the header above; the instructions or footer below), whose texts share the value column —
  // a domain's group row (一、儿童与健康) is part of the block
  let blockStart = firstDataRow;
  let blockEnd = lastDataRow;
  const labelColumn = columns.seq;
  if (firstDataRow >= 0 && labelColumn !== undefined) {
    const labelled = (row: number) => {
      const label = textAt(row, labelColumn).trim();
      return label !== '' && !GROUP_LABEL.test(label);
    };
    while (blockStart - 1 > markerRow && !labelled(blockStart - 1)) blockStart -= 1;
    while (blockEnd + 1 < grid.values.length && !labelled(blockEnd + 1)) blockEnd += 1;
  }
  for (const row of orphans) {
    // only rows of the data block: the title, headers and footer have text in that column too
    if (row < blockStart || row > blockEnd) continue;
    const cell = address(row, valueColumn);
    problems.push({ code: 'template.rowWithoutIndicator', severity: 'warning', cell, zh: `${cell}：该行填了本年值，但没有指标编号，未读取（插入的行请填写指标编号，或把数据移到对应指标行）`, en: `${cell}: this row has a value but no indicator code, so it was not read` });
  }
  if (entries.length === 0 && !problems.some((problem) => problem.severity === 'error')) {
    problems.push({ code: 'template.noRows', severity: 'error', zh: `工作表“${sheet}”中没有任何指标行（指标编号列为空）`, en: `Sheet "${sheet}" has no indicator rows` });
  }

  const footer = readFooter(grid, columns, domainColumn, lastDataRow, address, problems);
  return { kind: 'template', read: { sheetName: sheet, meta, entries, footer, problems, columns: shift(columns, grid.firstColumn) } };
}

/**
 * The entries of a template by indicator and reporting unit — the first row of each, which is the one the
 * engine assesses (a repeated row is reported as a duplicate).
 */
export function entriesByKey(read: TemplateRead): ReadonlyMap<string, ReadEntry> {
  const entries = new Map<string, ReadEntry>();
  for (const entry of read.entries) {
    const key = entryKey(entry.indicatorId, entry.unitId);
    if (!entries.has(key)) entries.set(key, entry);
  }
  return entries;
}

/** The engine's input for a template read back. */
export function reportInputOf(read: TemplateRead): ReportInput {
  return {
    plan: read.meta.plan,
    year: read.meta.year,
    ...(read.meta.organisationId === undefined ? {} : { organisationId: read.meta.organisationId }),
    entries: read.entries,
  };
}

function textOf(value: RawCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * The raw input of a cell. A number shown through a percent format was typed as "93%": Excel stores 0.93,
 * the person meant 93%, so the engine gets the shown text — the host's, or where the host gives none (an
 * .xlsx file) the percentage rounded to the decimals its format shows, as the sheet's own status formula
 * reads it (CELL("format") "P1" → 1 decimal). For a % indicator that is all (a note, no warning: the sheet
 * and the engine agree); for any other unit it is a wrong unit, which the engine refuses, and the warning
 * says where the percentage came from. A number shown as a date or time ("2:03" from a typed "2:3") also
 * reaches the engine as shown, which then explains what is wrong with it.
 */
function rawOf(grid: SheetGrid, row: number, column: number, indicator: Indicator, problems: TemplateProblem[], cell: string): RawCell {
  const value = grid.values[row]?.[column];
  if (typeof value !== 'number') return value;
  const format = grid.numberFormats?.[row]?.[column] ?? 'General';
  const shown = grid.texts?.[row]?.[column];
  const bare = format.replace(/"[^"]*"|\\./g, '');
  if (bare.includes('%')) {
    const text = shown && shown.trim() !== '' && !shown.startsWith('#') ? shown.trim() : shownPercent(value, format);
    const percentUnit = indicator.unit === '%';
    problems.push({
      code: 'template.percentFormat',
      severity: percentUnit ? 'info' : 'warning',
      field: 'value',
      cell,
      indicatorId: indicator.id,
      zh: percentUnit
        ? `${cell}：单元格为百分比格式，显示“${text}”（实际存为 ${value}），已按“${text}”判定，表内达标公式同样如此；也可把格式改为“常规”后直接填写数字（如 93）`
        : `${cell}：单元格为百分比格式，显示“${text}”（实际存为 ${value}），但本指标的单位是“${indicator.unit}”；请把单元格格式改为“常规”后按${indicator.unit}填写数字`,
      en: percentUnit
        ? `${cell}: the cell has a percent format, showing "${text}" (holding ${value}); judged as "${text}", as the sheet's own formula does. You may also use the General format and type the number (e.g. 93)`
        : `${cell}: the cell has a percent format, showing "${text}" (holding ${value}), but this indicator is measured in "${indicator.unit}"; use the General format and type the number in ${indicator.unit}`,
    });
    return text;
  }
  if (/[dmyhs]/i.test(bare.replace(/\[[^\]]*\]/g, '')) && bare.toLowerCase() !== 'general') return shown && shown.trim() !== '' ? shown : value;
  return value;
}

/**
 * The text a percent format shows for a number, for hosts that give no shown text (an .xlsx file): ×100,
 * rounded half away from zero to the decimals of the format's first section ("0.0%" → 1), as spreadsheet
 * programs display it and as CELL("format") ("P1") tells the sheet's status formula.
 */
export function shownPercent(value: number, format: string): string {
  const section = (format.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const decimals = /\.([0#?]+)/.exec(section)?.[1]?.length ?? 0;
  const percent = new Big(Number((value * 100).toPrecision(15))).round(decimals, Big.roundHalfUp);
  return `${percent.toFixed(decimals)}%`;
}

type UnitNames = Map<string, string>;

function unitNameIndex(catalog: Catalog): UnitNames {
  const names: UnitNames = new Map();
  for (const organisation of catalog.organisations) {
    for (const name of [organisation.id, organisation.name, organisation.shortName, organisation.nameEn]) names.set(name.normalize('NFKC').toLowerCase(), organisation.id);
  }
  return names;
}

function resolveUnit(indicator: Indicator, text: string, names: UnitNames): string | undefined {
  if (text === '') return undefined;
  const key = text.normalize('NFKC').toLowerCase();
  if (indicator.perUnit?.scope === 'list') {
    for (const unit of indicator.perUnit.units) {
      if ([unit.id, unit.name, unit.nameEn].some((name) => name.normalize('NFKC').toLowerCase() === key)) return unit.id;
    }
    return text;
  }
  // an unknown name goes to the engine as is, which then says it is not a valid township
  return names.get(key) ?? text;
}

/**
 * The codes of the footer's problems (表尾信息): a blank 填表人 or 联系电话, a deleted footer. They are 提示 —
 * the report can be submitted and no 说明 answers them — listed under their own name, and their cells are
 * still flagged so the blank line is seen.
 */
export const FOOTER_PROBLEM_CODES: ReadonlySet<string> = new Set(['template.reporterMissing', 'template.phoneMissing', 'template.footerMissing']);

/**
 * The footer: found by its first label in the 序号 column below the data — 单位负责人 (version 2: 单位负责人 ·
 * 统计负责人 · 填表人, then 联系电话 · 报出日期) or 填报人 (version 1: 填报人 · 联系电话 · 填报日期, then 单位负责人) —
 * and read by column key, so inserted columns move nothing. A blank 填表人 or 联系电话 is a 提示 naming the
 * cell (FOOTER_PROBLEM_CODES): the bureau needs someone to ask about the figures, but it blocks nothing.
 */
function readFooter(
  grid: SheetGrid,
  columns: Partial<Record<ColumnKey, number>>,
  domainColumn: number | undefined,
  lastDataRow: number,
  address: (row: number, column: number) => string,
  problems: TemplateProblem[],
): TemplateFooter {
  const labelColumn = columns.seq;
  if (labelColumn === undefined) return {};
  const at = (row: number, column: number | undefined) => ({
    value: column === undefined ? undefined : textOf(grid.values[row]?.[column]).trim() || undefined,
    ...(column === undefined ? {} : { cell: address(row, column) }),
  });
  for (let row = lastDataRow + 1; row < grid.values.length; row += 1) {
    const label = textOf(grid.values[row]?.[labelColumn]).trim();
    let fields: Record<keyof TemplateFooter, { value?: string; cell?: string }> | undefined;
    if (/^(单位负责人|Head of unit)/.test(label)) {
      const field = (name: keyof typeof FOOTER_FIELDS) => at(row + FOOTER_FIELDS[name].row, columns[FOOTER_FIELDS[name].input]);
      fields = { head: field('head'), statistician: field('statistician'), reporter: field('reporter'), phone: field('phone'), date: field('date') };
    } else if (/^(填报人|Filled in by)/.test(label)) {
      fields = { reporter: at(row, domainColumn), phone: at(row, columns.target), date: at(row, columns.value), head: at(row + 1, domainColumn), statistician: {} };
    }
    if (!fields) continue;
    const footer: { -readonly [K in keyof TemplateFooter]: string } = {};
    for (const [name, field] of Object.entries(fields) as [keyof TemplateFooter, { value?: string }][]) if (field.value) footer[name] = field.value;
    if (!footer.reporter) problems.push(footerProblem('template.reporterMissing', fields.reporter.cell, { zh: '表尾“填表人”未填写；请填写填表人姓名，以便核实数据时联系', en: 'the footer\'s "Filled in by" is blank: give the name of who filled the form, so the figures can be queried' }));
    if (!footer.phone) problems.push(footerProblem('template.phoneMissing', fields.phone.cell, { zh: '表尾“联系电话”未填写；请填写联系电话', en: 'the footer\'s phone number is blank: give one' }));
    return footer;
  }
  problems.push(footerProblem('template.footerMissing', undefined, { zh: '找不到表尾（填表人、联系电话等）；请用模板的表尾填写', en: 'the footer (filled in by, phone …) is missing: use the template\'s footer' }));
  return {};
}

function footerProblem(code: string, cell: string | undefined, text: { zh: string; en: string }): TemplateProblem {
  return { code, severity: 'info', ...(cell ? { cell } : {}), zh: cell ? `${cell}：${text.zh}` : text.zh, en: cell ? `${cell}: ${text.en}` : `${text.en.charAt(0).toUpperCase()}${text.en.slice(1)}` };
}

function looksLikeTemplate(grid: SheetGrid): boolean {
  let headers = 0;
  for (let row = 0; row < Math.min(grid.values.length, SCAN_ROWS); row += 1) {
    for (const value of grid.values[row] ?? []) {
      const text = textOf(value).trim();
      if (text === '指标编号' || text === '本年值' || text === 'Indicator' || text === 'This year') headers += 1;
      if (ID_PATTERN.test(text)) return true;
    }
  }
  return headers >= 2;
}

function shift(columns: Partial<Record<ColumnKey, number>>, by: number): Partial<Record<ColumnKey, number>> {
  const shifted: Partial<Record<ColumnKey, number>> = {};
  for (const [key, column] of Object.entries(columns)) shifted[key as ColumnKey] = column + by;
  return shifted;
}
