import ExcelJS from 'exceljs';
import type { Status } from '../core/assess/entry';
import { EVERY_TOWNSHIP, reportingUnitName, type Catalog } from '../core/catalog/catalog';
import type { PlanId } from '../core/catalog/indicator-schema';
import type { Organisation } from '../core/catalog/organisation-schema';
import { PLAN_SHORT_NAMES } from '../core/catalog/plan-names';
import { csvRecord, literalText } from '../core/export/spreadsheet-text';
import { BilingualError, DEFAULT_LANGUAGE, type Bilingual, type Language } from '../core/i18n/message';
import type { Completeness, ReportingState } from '../core/monitoring/completeness';
import type { ConsolidatedIndicator, Consolidation, RollUp } from '../core/monitoring/consolidation';
import type { Evaluation, EvaluationCategory, EvaluationCounts, EvaluationKind, EvaluationRow } from '../core/monitoring/evaluation';
import { PROGRESS_STATUSES, RATIO_THRESHOLDS, type ProgressResult, type ProgressStatus } from '../core/monitoring/progress';
import { PROGRESS_STATUS_TEXT } from '../core/monitoring/progress-messages';
import { textWidth, wrappedLines } from '../core/template/text-lines';

/**
 * # The monitoring report (监测报告) of a plan-year, as .xlsx and as CSV
 *
 * Plain data in, a file out: the bureau's core (`src/core/monitoring/`) consolidates, counts and evaluates; this
 * module only lays the result out for people — on screen and on A4 paper — and never decides anything itself.
 *
 * Sheets, in order: 封面与说明 (title, year, kind of evaluation, when it was made, every definition the figures
 * use, the colour legend), 评估汇总 (per domain and for the plan: 指标数 … 达标率 with both denominators),
 * one sheet per plan (every indicator × every year), 分乡镇 (each per-township indicator: the roll-up and every
 * unit), 报送情况 (who has reported), 预警 (warnings).
 *
 * - Every status is a word **and** a colour (met green, not met red, basically met amber, not yet due blue, no
 *   data grey), so a black-and-white print and a colour-blind reader lose nothing.
 * - Print: A4 landscape, one page wide, the header rows repeated on every page, page numbers in the footer;
 *   the header rows are frozen on screen.
 * - Nothing from a submission can become a live formula: every text is written through
 *   {@link literalText} (a leading apostrophe before = + - @, tab or CR, as the CSV export does), the file holds
 *   no formula at all, and a value that is a plain decimal number is written as a number shown with exactly the
 *   decimals it was reported with.
 */

/** What a warning is about: a projected miss (进展预警), two organisations' values differ, a strong swing (波动较大). */
export type MonitoringWarningKind = 'progress' | 'conflict' | 'fluctuation';

/** One line of the 预警 sheet. */
export interface MonitoringWarning {
  readonly indicatorId: string;
  /** The township or listed body, for a per-unit indicator. */
  readonly unitId?: string | null;
  readonly kind: MonitoringWarningKind;
  readonly message: Bilingual;
}

/** One plan of the report: its evaluation table, its consolidation and completeness for the same year, its warnings. */
export interface MonitoringReportPlan {
  readonly evaluation: Evaluation;
  /** The consolidation of the evaluation's year (the per-township sheet and the notes come from it). */
  readonly consolidation: Consolidation;
  readonly completeness: Completeness;
  readonly warnings?: readonly MonitoringWarning[];
}

/** What the report is made of: one plan-year (and optionally the other plan of the same year). */
export interface MonitoringReportInput extends MonitoringReportPlan {
  /** The catalog the figures were computed with (plan titles, domains, organisation names). */
  readonly catalog: Catalog;
  /** zh-CN (default) or en-US: every label, name and message in that language. */
  readonly language?: Language;
  /** When the report was made (shown on the cover, in China Standard Time); now by default. */
  readonly generatedAt?: Date;
  /** The other plan of the same year, to report both plans in one workbook (a plan sheet each, a block each elsewhere). */
  readonly otherPlan?: MonitoringReportPlan;
}

/** The report's input does not hold together (plans or years that differ). */
export class MonitoringReportInputError extends BilingualError {}

// ————————————————————————————————————————————— words —————————————————————————————————————————————

const KIND_TEXT: Readonly<Record<EvaluationKind, Bilingual>> = {
  annual: { zh: '年度监测', en: 'Annual monitoring' },
  midTerm: { zh: '中期评估', en: 'Mid-term evaluation' },
  final: { zh: '终期评估', en: 'Final evaluation' },
};

/** How an evaluation category is named in the report. */
export const CATEGORY_TEXT: Readonly<Record<EvaluationCategory, Bilingual>> = {
  met: { zh: '已达标', en: 'Met' },
  basicallyMet: { zh: '基本达标', en: 'Basically met' },
  notMet: { zh: '未达标', en: 'Not met' },
  notYetDue: { zh: '未到期', en: 'Not yet due' },
  noData: { zh: '无数据', en: 'No data' },
  notMonitorable: { zh: '不可监测', en: 'Not monitorable' },
};

const UNIT_STATUS_TEXT: Readonly<Record<Status | 'missing', Bilingual>> = {
  met: { zh: '达标', en: 'Met' },
  notMet: { zh: '未达标', en: 'Not met' },
  notYetDue: { zh: '未到期', en: 'Not yet due' },
  noData: { zh: '无数据', en: 'No data' },
  invalid: { zh: '填报有误', en: 'Invalid' },
  notAssessable: { zh: '无法判定', en: 'Not assessable' },
  missing: { zh: '未报', en: 'Not reported' },
};

const ROLL_UP_TEXT: Readonly<Record<RollUp['status'], Bilingual>> = {
  met: { zh: '全部达标', en: 'All met' },
  notMet: { zh: '有单位未达标', en: 'Some not met' },
  notYetDue: { zh: '有单位未到期', en: 'Some not yet due' },
  incomplete: { zh: '部分单位无数据', en: 'Some without data' },
  noData: { zh: '无数据', en: 'No data' },
  notAssessable: { zh: '无法判定', en: 'Not assessable' },
};

const STATE_TEXT: Readonly<Record<ReportingState, Bilingual>> = {
  notStarted: { zh: '未报送', en: 'Not started' },
  missing: { zh: '逾期未报', en: 'Missing' },
  submitted: { zh: '已报送（待审核）', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已审核', en: 'Approved' },
};

const WARNING_TEXT: Readonly<Record<MonitoringWarningKind, Bilingual>> = {
  progress: { zh: '进展预警（预计达标困难）', en: 'Progress (target at risk)' },
  conflict: { zh: '数值冲突', en: 'Conflicting values' },
  fluctuation: { zh: '波动较大', en: 'Strong fluctuation' },
};

const ORGANISATION_KIND_TEXT: Readonly<Record<Organisation['kind'], Bilingual>> = {
  department: { zh: '县级部门', en: 'Department' },
  township: { zh: '乡镇', en: 'Township' },
  subdistrict: { zh: '街道', en: 'Subdistrict' },
};

const SHEET_NAMES = {
  cover: { zh: '封面与说明', en: 'Cover and notes' },
  summary: { zh: '评估汇总', en: 'Summary' },
  townships: { zh: '分乡镇', en: 'By township' },
  completeness: { zh: '报送情况', en: 'Reporting' },
  warnings: { zh: '预警', en: 'Warnings' },
} as const satisfies Record<string, Bilingual>;

/** The sheet names of a report in a language, in order (the plan sheets are named after their plans). */
export function monitoringReportSheetNames(plans: readonly PlanId[], language: Language = DEFAULT_LANGUAGE): string[] {
  const t = (text: Bilingual) => (language === 'en-US' ? text.en : text.zh);
  return [t(SHEET_NAMES.cover), t(SHEET_NAMES.summary), ...plans.map((plan) => t(PLAN_SHORT_NAMES[plan])), t(SHEET_NAMES.townships), t(SHEET_NAMES.completeness), t(SHEET_NAMES.warnings)];
}

// ————————————————————————————————————————————— colours —————————————————————————————————————————————

/** A cell's colour, always beside a word that says the same. */
type Tone = 'met' | 'basicallyMet' | 'notMet' | 'notYetDue' | 'noData' | 'muted' | 'invalid';

const TONES: Readonly<Record<Tone, { readonly fill: string; readonly font: string }>> = {
  met: { fill: 'C6EFCE', font: '006100' },
  basicallyMet: { fill: 'FFEB9C', font: '7F4F00' },
  notMet: { fill: 'FFC7CE', font: '9C0006' },
  notYetDue: { fill: 'DDEBF7', font: '1F4E79' },
  noData: { fill: 'E7E6E6', font: '404040' },
  muted: { fill: 'F2F2F2', font: '595959' },
  invalid: { fill: 'FCE4D6', font: '833C0B' },
};

const CATEGORY_TONE: Readonly<Record<EvaluationCategory, Tone>> = { met: 'met', basicallyMet: 'basicallyMet', notMet: 'notMet', notYetDue: 'notYetDue', noData: 'noData', notMonitorable: 'muted' };
const UNIT_STATUS_TONE: Readonly<Record<Status | 'missing', Tone>> = { met: 'met', notMet: 'notMet', notYetDue: 'notYetDue', noData: 'noData', invalid: 'invalid', notAssessable: 'muted', missing: 'noData' };
const ROLL_UP_TONE: Readonly<Record<RollUp['status'], Tone>> = { met: 'met', notMet: 'notMet', notYetDue: 'notYetDue', incomplete: 'noData', noData: 'noData', notAssessable: 'muted' };
const STATE_TONE: Readonly<Record<ReportingState, Tone>> = { notStarted: 'noData', missing: 'notMet', submitted: 'notYetDue', returned: 'basicallyMet', approved: 'met' };
const WARNING_TONE: Readonly<Record<MonitoringWarningKind, Tone>> = { progress: 'basicallyMet', conflict: 'notMet', fluctuation: 'basicallyMet' };
const PROGRESS_TONE: Readonly<Record<ProgressStatus, Tone>> = {
  achieved: 'met',
  onTrack: 'met',
  needsAcceleration: 'basicallyMet',
  limited: 'basicallyMet',
  regressing: 'notMet',
  insufficientData: 'noData',
  notAssessable: 'muted',
};

const HEADER_FILL = 'D9E1F2';
const GROUP_FILL = 'F2F2F2';
const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

// ————————————————————————————————————————————— the pieces both outputs share —————————————————————————————————————————————

/** The report's data with its words in one language: what every sheet and the CSV read. */
class Report {
  readonly language: Language;
  readonly plans: readonly MonitoringReportPlan[];
  readonly year: number;
  readonly generatedAt: Date;
  private readonly organisations: ReadonlyMap<string, Organisation>;

  constructor(readonly input: MonitoringReportInput) {
    this.language = input.language ?? DEFAULT_LANGUAGE;
    this.plans = [input, ...(input.otherPlan ? [input.otherPlan] : [])];
    this.year = input.evaluation.year;
    this.generatedAt = input.generatedAt ?? new Date();
    this.organisations = new Map(input.catalog.organisations.map((organisation) => [organisation.id, organisation]));
    for (const plan of this.plans) checkPlan(plan, this.year);
    if (new Set(this.plans.map((plan) => plan.evaluation.plan)).size !== this.plans.length) {
      throw new MonitoringReportInputError('报告中同一规划出现了两次', 'The same plan is in the report twice');
    }
  }

  get en(): boolean {
    return this.language === 'en-US';
  }

  t(text: Bilingual): string {
    return this.en ? text.en : text.zh;
  }

  /** zh and en words picked by the language. */
  w(zh: string, en: string): string {
    return this.en ? en : zh;
  }

  planTitle(plan: PlanId): string {
    const file = this.input.catalog.plans[plan];
    return this.en ? file.titleEn : file.title;
  }

  planName(plan: PlanId): string {
    return this.t(PLAN_SHORT_NAMES[plan]);
  }

  domainName(plan: PlanId, domain: string): string {
    if (!this.en) return domain;
    if (domain === '合计') return 'Total';
    return this.input.catalog.plans[plan].domains.find((candidate) => candidate.name === domain)?.nameEn ?? domain;
  }

  /** An organisation as people name it in a table (卫健局); the full name where `full`. Unknown ids as they are. */
  organisation(id: string, full = false): string {
    if (id === EVERY_TOWNSHIP) return this.w('各乡镇（街道）', 'every township');
    const organisation = this.organisations.get(id);
    if (!organisation) return id;
    return this.en ? organisation.nameEn : full ? organisation.name : organisation.shortName;
  }

  organisationKind(id: string): string {
    const organisation = this.organisations.get(id);
    return organisation ? this.t(ORGANISATION_KIND_TEXT[organisation.kind]) : '';
  }

  unitName(unitId: string, indicatorId: string): string {
    return this.t(reportingUnitName(this.input.catalog, unitId, this.input.catalog.indicators.get(indicatorId)));
  }

  indicatorName(indicatorId: string): string {
    const indicator = this.input.catalog.indicators.get(indicatorId);
    if (!indicator) return indicatorId;
    return this.en ? indicator.nameEn : indicator.name;
  }

  /** The name with its unit: 婴儿死亡率（‰）. */
  indicatorWithUnit(indicatorId: string): string {
    const indicator = this.input.catalog.indicators.get(indicatorId);
    const name = this.indicatorName(indicatorId);
    if (!indicator || indicator.unit === '文字') return name;
    return this.en ? `${name} (${indicator.unit})` : `${name}（${indicator.unit}）`;
  }

  unitOf(indicatorId: string): string {
    return this.input.catalog.indicators.get(indicatorId)?.unit ?? '';
  }

  list(items: readonly string[]): string {
    return items.join(this.en ? ', ' : '、');
  }

  /** The years of the value columns: 2021 … the evaluation year. */
  get years(): number[] {
    return Array.from({ length: Math.max(0, this.year - 2020) }, (_unused, index) => 2021 + index);
  }

  yearLabel(year: number): string {
    return this.en ? String(year) : `${year}年`;
  }

  /**
   * A value of the evaluation table as shown: as it is, except the core's roll-up text of a per-unit indicator
   * ("9/12 达标", evaluation.ts) in English.
   */
  valueText(indicatorId: string, text: string | null | undefined): string | null {
    if (text === null || text === undefined) return null;
    if (!this.en || !this.input.catalog.indicators.get(indicatorId)?.perUnit) return text;
    return text.replace(/^(\d+)\/(\d+) 达标$/, '$1/$2 met');
  }

  progressText(progress: string | null): string {
    if (progress === null) return '';
    return isProgressStatus(progress) ? this.t(PROGRESS_STATUS_TEXT[progress]) : progress;
  }

  /** The 备注 of an indicator's row: conflicting values, the chosen value's 说明, the failing and missing units. */
  remarks(line: ConsolidatedIndicator | undefined): string {
    if (!line) return '';
    const parts: string[] = [];
    const sep = this.w('；', '; ');
    if (line.county) {
      if (line.county.conflict) {
        const values = line.county.contributions.filter((item) => item.text !== '').map((item) => `${this.organisation(item.organisationId)} ${item.text}`);
        parts.push(`${this.w('数值不一致：', 'Conflicting values: ')}${values.join(sep)}`);
      }
      if (line.county.note) parts.push(`${this.w('说明：', 'Note: ')}${line.county.note}`);
    }
    if (line.rollUp) {
      const names = (ids: readonly string[]) => this.list(ids.map((id) => this.unitName(id, line.indicatorId)));
      if (line.rollUp.failingUnits.length > 0) parts.push(`${this.w('未达标：', 'Not met: ')}${names(line.rollUp.failingUnits)}`);
      if (line.rollUp.missingUnits.length > 0) parts.push(`${this.w('无数据：', 'No data: ')}${names(line.rollUp.missingUnits)}`);
      if (line.conflict) parts.push(this.w('有乡镇数值不一致（见“分乡镇”）', 'conflicting values for some units (see "By township")'));
    }
    return parts.join(sep);
  }
}

function isProgressStatus(value: string): value is ProgressStatus {
  return (PROGRESS_STATUSES as readonly string[]).includes(value);
}

function checkPlan(plan: MonitoringReportPlan, year: number): void {
  const { evaluation, consolidation, completeness } = plan;
  if (consolidation.plan !== evaluation.plan || completeness.plan !== evaluation.plan) {
    throw new MonitoringReportInputError('评估表、汇总结果与报送情况必须属于同一规划', 'The evaluation, the consolidation and the completeness must be of the same plan');
  }
  if (evaluation.year !== year || consolidation.year !== year || completeness.year !== year) {
    throw new MonitoringReportInputError(`报告中各部分的年度必须相同（${year}年）`, `Every part of the report must be of the same year (${year})`);
  }
}

/** A ratio as a percentage with one decimal, for text (the sheets write numbers with a % format instead). */
function percentText(value: number | null): string {
  return value === null ? '' : `${(value * 100).toFixed(1)}%`;
}

/** An instant in China Standard Time, to the minute: 2026-03-20 10:00. */
function chinaTime(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The progress-status columns of the 未到期 breakdown: the known statuses, then any other the data holds. */
function progressColumns(counts: readonly EvaluationCounts[]): string[] {
  const extra = new Set<string>();
  for (const count of counts) for (const key of Object.keys(count.notYetDueByProgress)) if (!isProgressStatus(key)) extra.add(key);
  return [...PROGRESS_STATUSES, ...[...extra].sort()];
}

// ————————————————————————————————————————————— the CSV —————————————————————————————————————————————

/**
 * The evaluation table as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting): one row per indicator of each plan,
 * the same columns as the plan sheet plus the plan and the unit. Text from submissions goes through the
 * project's formula neutralisation ({@link csvRecord}).
 */
export function monitoringReportCsv(input: MonitoringReportInput): string {
  const report = new Report(input);
  const { years } = report;
  const header = [
    report.w('规划', 'Plan'),
    report.w('编号', 'ID'),
    report.w('领域', 'Domain'),
    report.w('指标', 'Indicator'),
    report.w('单位', 'Unit'),
    report.w('目标', 'Target'),
    report.w('2020年基期值', '2020 baseline'),
    ...years.map((year) => report.yearLabel(year)),
    report.w('最新值', 'Latest value'),
    report.w('最新值年份', 'Latest year'),
    report.w('达标情况', 'Status'),
    report.w('完成程度', 'Completion'),
    report.w('进展', 'Progress'),
    report.w('责任单位', 'Responsible'),
    report.w('数值冲突', 'Conflict'),
    report.w('备注', 'Remarks'),
  ];
  let csv = `\uFEFF${csvRecord(header)}`;
  for (const plan of report.plans) {
    const lines = new Map(plan.consolidation.indicators.map((line) => [line.indicatorId, line]));
    for (const row of plan.evaluation.rows) {
      csv += csvRecord([
        report.planName(plan.evaluation.plan),
        row.indicatorId,
        report.domainName(plan.evaluation.plan, row.domain),
        report.t(row.name),
        report.unitOf(row.indicatorId),
        report.t(row.target),
        row.baseline2020,
        ...years.map((year) => report.valueText(row.indicatorId, row.values[year]) ?? ''),
        report.valueText(row.indicatorId, row.latest?.text) ?? '',
        row.latest?.year ?? '',
        report.t(CATEGORY_TEXT[row.category]),
        percentText(row.completion),
        report.progressText(row.progress),
        report.list(row.responsible.map((id) => report.organisation(id))),
        row.conflict ? report.w('是', 'yes') : '',
        report.remarks(lines.get(row.indicatorId)),
      ]);
    }
  }
  return csv;
}

// ————————————————————————————————————————————— the workbook —————————————————————————————————————————————

/** One cell of a sheet as the writer takes it. */
interface CellSpec {
  /** Text (written through literalText), a number, or nothing. */
  readonly value: string | number | null;
  /** A value as reported: a plain decimal becomes a number shown with its own decimals, anything else text. */
  readonly reported?: boolean;
  readonly numFmt?: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  /** Wrap long text (default: yes for text, no for numbers). */
  readonly wrap?: boolean;
}

type CellInput = CellSpec | string | number | null;

const PERCENT = '0.0%';

/** A plain decimal as typed (no exponent, no grouping): 3.2, -0.5, 1200. */
const PLAIN_DECIMAL = /^-?(\d{1,15})(?:\.(\d{1,10}))?$/;

/** A sheet being written row by row, with its column widths, print setup and frozen header. */
class SheetWriter {
  private next = 1;

  constructor(
    readonly sheet: ExcelJS.Worksheet,
    private readonly widths: readonly number[],
  ) {
    sheet.columns = widths.map((width) => ({ width }));
  }

  get row(): number {
    return this.next;
  }

  /** A title (or subtitle) row over every column. */
  banner(text: string, size: number, height: number, bold = true): void {
    const row = this.sheet.getRow(this.next);
    row.height = height;
    const cell = row.getCell(1);
    cell.value = literalText(text);
    cell.font = { name: FONT, size, bold };
    cell.alignment = { horizontal: size >= 14 ? 'center' : 'left', vertical: 'middle', wrapText: true };
    if (this.widths.length > 1) this.sheet.mergeCells(this.next, 1, this.next, this.widths.length);
    this.next += 1;
  }

  /** A header row: bold on blue-grey, centred, wrapped, bordered. */
  header(labels: readonly (string | null)[], height = 32): number {
    const row = this.sheet.getRow(this.next);
    const lines = Math.max(1, ...labels.map((label, index) => (label === null ? 1 : wrappedLines(label, this.widths[index] ?? 10))));
    row.height = Math.max(height, lines * 13.5 + 4);
    labels.forEach((label, index) => {
      const cell = row.getCell(index + 1);
      if (label !== null) cell.value = literalText(label);
      cell.font = { name: FONT, size: 10, bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${HEADER_FILL}` } };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
    this.next += 1;
    return this.next - 1;
  }

  /** A group row (a plan's or a section's title inside a table): bold on grey, over every column. */
  group(text: string): void {
    const row = this.sheet.getRow(this.next);
    const cell = row.getCell(1);
    cell.value = literalText(text);
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${GROUP_FILL}` } };
    cell.alignment = { vertical: 'middle' };
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    row.height = 20;
    if (this.widths.length > 1) this.sheet.mergeCells(this.next, 1, this.next, this.widths.length);
    this.next += 1;
  }

  /** A data row: bordered cells, a tone's fill and font where given, the height its wrapped text needs. */
  data(cells: readonly CellInput[], options: { bold?: boolean; fill?: string } = {}): void {
    const row = this.sheet.getRow(this.next);
    let lines = 1;
    cells.forEach((input, index) => {
      const spec: CellSpec = input !== null && typeof input === 'object' ? input : { value: input };
      const cell = row.getCell(index + 1);
      const written = writeValue(cell, spec);
      const tone = spec.tone ? TONES[spec.tone] : undefined;
      cell.font = { name: FONT, size: 10, ...(spec.bold || options.bold || tone ? { bold: true } : {}), ...(tone ? { color: { argb: `FF${tone.font}` } } : {}) };
      const fill = tone?.fill ?? options.fill;
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
      const wrap = spec.wrap ?? typeof written === 'string';
      cell.alignment = { vertical: 'middle', horizontal: spec.align ?? (tone ? 'center' : typeof written === 'number' ? 'right' : 'left'), ...(wrap ? { wrapText: true } : {}) };
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (typeof written === 'string' && wrap) lines = Math.max(lines, wrappedLines(written, this.widths[index] ?? 10));
    });
    row.height = Math.min(409, Math.max(18, lines * 13.5 + 4));
    this.next += 1;
  }

  /** A key and its value over the remaining columns (the cover's lines). */
  keyValue(key: string, value: string | number, options: { numFmt?: string; tone?: Tone } = {}): void {
    const row = this.sheet.getRow(this.next);
    const keyCell = row.getCell(1);
    keyCell.value = literalText(key);
    const tone = options.tone ? TONES[options.tone] : undefined;
    // a legend's word in its own colour
    keyCell.font = { name: FONT, size: 10, bold: true, ...(tone ? { color: { argb: `FF${tone.font}` } } : {}) };
    if (tone) keyCell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${tone.fill}` } };
    keyCell.alignment = { vertical: 'top', wrapText: true, ...(tone ? { horizontal: 'center' as const } : {}) };
    const valueCell = row.getCell(2);
    const written = writeValue(valueCell, { value, ...(options.numFmt ? { numFmt: options.numFmt } : {}) });
    valueCell.font = { name: FONT, size: 10 };
    valueCell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    const width = this.widths.slice(1).reduce((sum, item) => sum + item, 0);
    if (this.widths.length > 2) this.sheet.mergeCells(this.next, 2, this.next, this.widths.length);
    const lines = Math.max(wrappedLines(key, this.widths[0] ?? 10), typeof written === 'string' ? wrappedLines(written, width) : 1);
    row.height = Math.min(409, Math.max(18, lines * 13.5 + 4));
    this.next += 1;
  }

  blank(): void {
    this.next += 1;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.sheet.mergeCells(top, left, bottom, right);
  }
}

/** Writes a cell's value; returns what was written. Text always through literalText: never a formula. */
function writeValue(cell: ExcelJS.Cell, spec: CellSpec): string | number | null {
  const { value } = spec;
  if (value === null || value === '') return null;
  if (typeof value === 'number') {
    cell.value = value;
    if (spec.numFmt) cell.numFmt = spec.numFmt;
    return value;
  }
  if (spec.reported) {
    const decimal = PLAIN_DECIMAL.exec(value);
    const digits = decimal ? (decimal[1] ?? '').replace(/^0+/, '').length + (decimal[2] ?? '').length : Infinity;
    if (decimal && digits <= 15) {
      cell.value = Number(value);
      const places = (decimal[2] ?? '').length;
      cell.numFmt = places === 0 ? '0' : `0.${'0'.repeat(places)}`;
      return Number(value);
    }
  }
  const text = literalText(value);
  cell.value = text;
  // a text cell is text even when it looks like a number or a date to a spreadsheet program re-reading it
  cell.numFmt = '@';
  return text;
}

/** A4 landscape, one page wide, the header rows repeated, page numbers; the header frozen on screen. */
function pageSetup(report: Report, sheet: ExcelJS.Worksheet, titleRows: { first: number; last: number } | null, freeze: { rows: number; columns: number } | null, onePage = false): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: `${titleRows.first}:${titleRows.last}` } : {}),
  };
  const footer = report.w('&C第 &P 页，共 &N 页', '&CPage &P of &N');
  sheet.headerFooter = { oddFooter: footer, evenFooter: footer };
  if (freeze) {
    const topLeft = `${columnLetter(freeze.columns + 1)}${freeze.rows + 1}`;
    sheet.views = [{ state: 'frozen', xSplit: freeze.columns, ySplit: freeze.rows, topLeftCell: topLeft, activeCell: topLeft }];
  }
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The title of the whole report: the plan's (or both plans') title, the year and the kind of evaluation. */
function reportTitle(report: Report): { title: string; subtitle: string } {
  const titles = report.plans.map((plan) => report.planTitle(plan.evaluation.plan));
  const kind = report.t(KIND_TEXT[report.input.evaluation.kind]);
  return {
    title: report.w(`${titles.join('、')}监测报告`, `${titles.join(' and ')}: monitoring report`),
    subtitle: report.w(`${report.year}年度 · ${kind}`, `${report.year} · ${kind}`),
  };
}

function coverSheet(report: Report, workbook: ExcelJS.Workbook, sheetNames: readonly string[]): void {
  const sheet = workbook.addWorksheet(sheetNames[0]);
  const writer = new SheetWriter(sheet, [24, 110]);
  const { title, subtitle } = reportTitle(report);
  const first = report.input.evaluation;
  writer.banner(title, 16, 40);
  writer.banner(subtitle, 14, 26);
  writer.blank();
  for (const plan of report.plans) writer.keyValue(report.w('规划', 'Plan'), report.planTitle(plan.evaluation.plan));
  writer.keyValue(report.w('年度', 'Year'), report.w(`${report.year}年`, String(report.year)));
  writer.keyValue(report.w('评估类型', 'Kind of evaluation'), report.t(KIND_TEXT[first.kind]));
  writer.keyValue(report.w('生成时间', 'Generated at'), report.w(`${chinaTime(report.generatedAt)}（北京时间）`, `${chinaTime(report.generatedAt)} (China Standard Time)`));
  for (const plan of report.plans) {
    const { deadline } = plan.completeness;
    const prefix = report.plans.length > 1 ? `${report.planName(plan.evaluation.plan)} · ` : '';
    writer.keyValue(`${prefix}${report.w('报送截止日期', 'Reporting deadline')}`, deadline === null ? report.w('未设定', 'not set') : report.w(`${deadline}（北京时间24:00）`, `${deadline} (24:00 China Standard Time)`));
  }
  const versions = [...new Set(report.plans.map((plan) => report.input.catalog.plans[plan.evaluation.plan].catalogVersion))];
  writer.keyValue(report.w('指标目录版本', 'Catalog version'), versions.join(', '));
  writer.blank();

  writer.group(report.w('口径说明', 'Definitions'));
  const definitions = first.definitions;
  writer.keyValue(report.w('基本达标阈值', 'Basically met threshold'), first.basicallyMetRatio, { numFmt: '0%' });
  writer.keyValue(report.w('基本达标', 'Basically met'), report.t(definitions.basicallyMet));
  writer.keyValue(report.w('可监测数', 'Monitorable'), report.t(definitions.monitorable));
  writer.keyValue(report.w('达标率（有数据）', 'Rate (with data)'), report.t(definitions.rateWithData));
  writer.keyValue(report.w('达标率（全部）', 'Rate (all)'), report.t(definitions.rateAll));
  writer.keyValue(report.w('未到期', 'Not yet due'), report.t(definitions.notYetDue));
  const { onTrack, needsAcceleration } = RATIO_THRESHOLDS;
  writer.keyValue(
    report.w('进展', 'Progress'),
    report.w(
      `按 Open SDG 进展测度方法，以2020年为基期、计算实际年均增长率与按期达标所需年均增长率之比R：进展顺利（R≥${onTrack}）、有进展但需加快（${needsAcceleration}≤R<${onTrack}）、进展有限（0≤R<${needsAcceleration}）、出现倒退（R<0）；最新值已达到目标为“已达标”；不足两个年份的数据为“数据不足”；目标非数值为“无法评估”`,
      `Open SDG's progress measure, 2020 as the base year, R = observed ÷ required compound annual growth rate: on track (R ≥ ${onTrack}), acceleration needed (${needsAcceleration} ≤ R < ${onTrack}), limited progress (0 ≤ R < ${needsAcceleration}), regressing (R < 0); "target achieved" when the latest value already meets the target; "insufficient data" with fewer than two years; "not assessable" where the target is not numeric`,
    ),
  );
  writer.keyValue(report.w('报送率', 'Reporting rate'), report.w('已报送单位数 ÷ 应报单位数（应报单位：本规划填报表中有指标的单位；不超过100%）', 'organisations that submitted ÷ organisations expected (those with lines in the plan\'s template; never above 100%)'));
  writer.keyValue(report.w('及时率', 'On-time rate'), report.w('截止日期（北京时间24:00）前首次报送的单位数 ÷ 应报单位数', 'organisations whose first version arrived by the deadline (24:00 China Standard Time) ÷ organisations expected'));
  writer.keyValue(report.w('目标', 'Target'), report.w('当年起作用的目标；带 ※ 的目标在规划原文中有歧义或前后不一致，见指标目录的说明', 'the targets governing the year; ※ marks a target the plan states ambiguously or inconsistently (see the catalog\'s notes)'));
  writer.keyValue(
    report.w('填报内容', 'Reported text'),
    report.w('各单位填报的数值和说明按原样写入；以 = + - @ 开头的内容前加半角单引号 \'，作为文本显示，不会作为公式执行', 'Values and notes are written as reported; text starting with = + - @ is prefixed with an apostrophe and shown as text, never run as a formula'),
  );
  writer.blank();

  writer.group(report.w('达标情况图例（颜色与文字同时标示）', 'Status legend (every colour comes with its word)'));
  const legend: [EvaluationCategory, Bilingual][] = [
    ['met', { zh: '达到当年起作用的全部目标', en: 'every target governing the year is met' }],
    ['basicallyMet', { zh: `未达到目标，但完成程度不低于${Math.round(first.basicallyMetRatio * 100)}%`, en: `missed, but at least ${Math.round(first.basicallyMetRatio * 100)}% complete` }],
    ['notMet', { zh: '未达到当年应达到的目标', en: 'a target due this year is missed' }],
    ['notYetDue', { zh: '目标年份未到，见“进展”列', en: 'the target year has not come; see the progress column' }],
    ['noData', { zh: '未填报或填报“无数据”；分乡镇指标有乡镇缺报', en: 'not reported, or reported as no data; a per-township indicator with townships missing' }],
    ['notMonitorable', { zh: '当年只有定性目标（如“基本普及”），不计入可监测数', en: 'only qualitative targets this year; not counted as monitorable' }],
  ];
  for (const [category, meaning] of legend) writer.keyValue(report.t(CATEGORY_TEXT[category]), report.t(meaning), { tone: CATEGORY_TONE[category] });
  writer.blank();

  writer.group(report.w('工作表', 'Sheets'));
  const contents: Bilingual[] = [
    { zh: '本页：报告信息、口径说明与图例', en: 'this page: the report, its definitions and the legend' },
    { zh: '按领域和合计：指标数、可监测数、已达标、基本达标、未达标、未到期（按进展状态）、无数据、达标率（两种口径）', en: 'per domain and in total: indicators, monitorable, met, basically met, not met, not yet due (by progress), no data, both rates' },
    ...report.plans.map(() => ({ zh: '每个指标：目标、2020年基期值、各年度数值、最新值、达标情况、进展、责任单位', en: 'every indicator: target, 2020 baseline, every year\'s value, latest value, status, progress, responsible organisations' })),
    { zh: '分乡镇（单位）填报的指标：汇总情况、未达标和无数据的单位，以及每个单位的数值与达标情况', en: 'indicators reported per township (or body): the roll-up, the units that miss or lack data, and every unit\'s value and status' },
    { zh: '各单位报送情况：状态、版本、首次报送时间、是否逾期；报送率与及时率', en: 'who has reported: state, version, first received, late; reporting and on-time rates' },
    { zh: '预警：预计达标困难、数值冲突、波动较大的指标', en: 'warnings: targets at risk, conflicting values, strong fluctuations' },
  ];
  sheetNames.slice(1).forEach((name, index) => writer.keyValue(name, report.t(contents[index + 1] ?? { zh: '', en: '' })));
  pageSetup(report, sheet, null, null, true);
}

function summarySheet(report: Report, workbook: ExcelJS.Workbook, name: string): void {
  const sheet = workbook.addWorksheet(name);
  const statuses = progressColumns(report.plans.flatMap((plan) => [...plan.evaluation.domains, plan.evaluation.total]));
  // 领域 · 指标数 · 可监测数 · 不可监测 · 已达标 · 基本达标 · 未达标 · 未到期 (小计 + by progress) · 无数据 · two rates
  const count = report.en ? 11 : 8;
  const widths = [report.en ? 28 : 22, ...Array.from({ length: 7 }, () => count), ...statuses.map(() => (report.en ? 12 : 9)), count, 20, 20];
  const writer = new SheetWriter(sheet, widths);
  const { subtitle } = reportTitle(report);
  writer.banner(report.w(`评估汇总 · ${subtitle}`, `Summary · ${subtitle}`), 14, 30);
  const first = report.input.evaluation;
  writer.banner(
    `${report.t(first.definitions.rateWithData)}${report.w('；', '; ')}${report.t(first.definitions.rateAll)}${report.w('；', '; ')}${report.w(`基本达标：完成程度不低于${Math.round(first.basicallyMetRatio * 100)}%`, `basically met: at least ${Math.round(first.basicallyMetRatio * 100)}% complete`)}`,
    10,
    30,
    false,
  );
  const notYetDueColumn = 8;
  const top = writer.header([
    report.w('领域', 'Domain'),
    report.w('指标数', 'Indicators'),
    report.w('可监测数', 'Monitorable'),
    report.w('不可监测（定性）', 'Not monitorable'),
    report.w('已达标', 'Met'),
    report.w('基本达标', 'Basically met'),
    report.w('未达标', 'Not met'),
    report.w('未到期（按进展状态）', 'Not yet due (by progress)'),
    ...statuses.map(() => null),
    report.w('无数据', 'No data'),
    report.w('达标率（有数据）\n已达标÷(可监测−未到期−无数据)', 'Rate (with data)\nmet ÷ (monitorable − not yet due − no data)'),
    report.w('达标率（全部）\n已达标÷(可监测−未到期)', 'Rate (all)\nmet ÷ (monitorable − not yet due)'),
  ]);
  const sub = writer.header([...Array.from({ length: notYetDueColumn - 1 }, () => null), report.w('小计', 'Total'), ...statuses.map((status) => report.progressText(status)), null, null, null], 32);
  for (let column = 1; column <= widths.length; column += 1) {
    if (column < notYetDueColumn || column > notYetDueColumn + statuses.length) writer.merge(top, column, sub, column);
  }
  writer.merge(top, notYetDueColumn, top, notYetDueColumn + statuses.length);
  const countRow = (plan: PlanId, counts: EvaluationCounts, total: boolean) =>
    writer.data(
      [
        report.domainName(plan, counts.domain),
        counts.indicators,
        counts.monitorable,
        counts.indicators - counts.monitorable,
        { value: counts.met, tone: counts.met > 0 ? 'met' : undefined, align: 'right' },
        { value: counts.basicallyMet, tone: counts.basicallyMet > 0 ? 'basicallyMet' : undefined, align: 'right' },
        { value: counts.notMet, tone: counts.notMet > 0 ? 'notMet' : undefined, align: 'right' },
        { value: counts.notYetDue, tone: counts.notYetDue > 0 ? 'notYetDue' : undefined, align: 'right' },
        ...statuses.map((status) => counts.notYetDueByProgress[status] ?? 0),
        { value: counts.noData, tone: counts.noData > 0 ? 'noData' : undefined, align: 'right' },
        { value: counts.rateWithData ?? '—', numFmt: PERCENT, align: 'right' },
        { value: counts.rateAll ?? '—', numFmt: PERCENT, align: 'right' },
      ],
      total ? { bold: true, fill: GROUP_FILL } : {},
    );
  for (const plan of report.plans) {
    const { evaluation } = plan;
    if (report.plans.length > 1) writer.group(report.planTitle(evaluation.plan));
    for (const counts of evaluation.domains) countRow(evaluation.plan, counts, false);
    countRow(evaluation.plan, evaluation.total, true);
  }
  writer.blank();
  writer.banner(report.w('注：指标数 = 可监测数 + 不可监测（定性）；可监测数 = 已达标 + 基本达标 + 未达标 + 未到期 + 无数据。达标率无分母时记为“—”。', 'Indicators = monitorable + not monitorable; monitorable = met + basically met + not met + not yet due + no data. A rate without a denominator is shown as "—".'), 9, 30, false);
  pageSetup(report, sheet, { first: top, last: sub }, { rows: sub, columns: 1 });
}

/** The columns of a plan sheet (and of the CSV, which adds the plan and the unit). */
function planColumns(report: Report): { labels: string[]; widths: number[] } {
  const { years } = report;
  const columns: [string, number][] = [
    [report.w('编号', 'ID'), 9],
    [report.w('领域', 'Domain'), report.en ? 14 : 11],
    [report.w('指标（单位）', 'Indicator (unit)'), 26],
    [report.w(`目标（${report.year}年起作用的目标）`, `Target (governing ${report.year})`), 26],
    [report.w('2020年基期值', '2020 baseline'), 8],
    ...years.map((year): [string, number] => [report.yearLabel(year), VALUE_WIDTH]),
    [report.w('最新值', 'Latest value'), VALUE_WIDTH],
    [report.w('最新值年份', 'Latest year'), 7],
    [report.w('达标情况', 'Status'), report.en ? 14 : 10],
    [report.w('完成程度', 'Completion'), report.en ? 11 : 8],
    [report.w('进展', 'Progress'), report.en ? 14 : 11],
    [report.w('责任单位', 'Responsible'), report.en ? 18 : 13],
    [report.w('备注', 'Remarks'), 34],
  ];
  return { labels: columns.map(([label]) => label), widths: columns.map(([, width]) => width) };
}

function planSheet(report: Report, workbook: ExcelJS.Workbook, plan: MonitoringReportPlan, name: string): void {
  const sheet = workbook.addWorksheet(name);
  const { labels, widths } = planColumns(report);
  const writer = new SheetWriter(sheet, widths);
  const { evaluation } = plan;
  writer.banner(report.w(`${report.planTitle(evaluation.plan)}监测指标 · ${report.year}年度${report.t(KIND_TEXT[evaluation.kind])}`, `${report.planTitle(evaluation.plan)}: indicators · ${report.year} ${report.t(KIND_TEXT[evaluation.kind])}`), 14, 30);
  writer.banner(
    report.w(
      `共${evaluation.rows.length}项指标。各年度数值为当年汇总值（分乡镇指标为“达标乡镇数/乡镇数 达标”）；完成程度仅对未达到的数值目标给出；进展为按目标年份测算的进展状态。`,
      `${evaluation.rows.length} indicators. Each year's value is the consolidated value (for per-township indicators: "units met/units"); completion only for missed numeric targets; progress toward the target year.`,
    ),
    10,
    22,
    false,
  );
  const header = writer.header(labels);
  const lines = new Map(plan.consolidation.indicators.map((line) => [line.indicatorId, line]));
  for (const row of evaluation.rows) writer.data(planRowCells(report, evaluation.plan, row, lines.get(row.indicatorId)));
  pageSetup(report, sheet, { first: header, last: header }, { rows: header, columns: 3 });
}

/** The value columns' width: a longer text (a qualitative item's account) is repeated in full in 备注. */
const VALUE_WIDTH = 8;

function planRowCells(report: Report, plan: PlanId, row: EvaluationRow, line: ConsolidatedIndicator | undefined): CellInput[] {
  const progress = row.progress;
  const latest = report.valueText(row.indicatorId, row.latest?.text);
  const rolledUp = line?.rollUp !== null && line?.rollUp !== undefined;
  const longLatest = latest !== null && !rolledUp && !PLAIN_DECIMAL.test(latest) && textWidth(latest) > VALUE_WIDTH + 1;
  const remarks = [longLatest ? `${report.w(`${row.latest?.year}年填报内容：`, `Reported for ${row.latest?.year}: `)}${latest}` : '', report.remarks(line)].filter((part) => part !== '');
  // values are not wrapped: a long text stays one line in its cell (in full in 备注), so rows keep their height
  return [
    row.indicatorId,
    report.domainName(plan, row.domain),
    report.indicatorWithUnit(row.indicatorId),
    report.t(row.target),
    row.baseline2020,
    ...report.years.map((year): CellSpec => ({ value: report.valueText(row.indicatorId, row.values[year]), reported: true, align: 'right', wrap: false })),
    { value: latest, reported: true, align: 'right', wrap: false },
    row.latest?.year ?? null,
    { value: report.t(CATEGORY_TEXT[row.category]), tone: CATEGORY_TONE[row.category] },
    { value: row.completion, numFmt: PERCENT },
    progress === null ? null : { value: report.progressText(progress), ...(isProgressStatus(progress) ? { tone: PROGRESS_TONE[progress] } : {}) },
    report.list(row.responsible.map((id) => report.organisation(id))),
    remarks.join(report.w('；', '; ')),
  ];
}

function townshipSheet(report: Report, workbook: ExcelJS.Workbook, name: string): void {
  const sheet = workbook.addWorksheet(name);
  const widths = [9, 26, 16, 10, report.en ? 16 : 13, report.en ? 18 : 14, 40];
  const writer = new SheetWriter(sheet, widths);
  writer.banner(report.w(`分乡镇（单位）指标 · ${report.year}年度`, `Indicators by township (or body) · ${report.year}`), 14, 30);
  writer.banner(report.w('每个指标先列汇总（全部单位达标才算达标，列出未达标和无数据的单位），再列每个单位的数值与达标情况。', 'Each indicator: the roll-up first (met only when every unit meets it; the units that miss or lack data named), then every unit\'s value and status.'), 10, 22, false);
  const header = writer.header([
    report.w('编号', 'ID'),
    report.w('指标（单位）', 'Indicator (unit)'),
    report.w('乡镇（单位）', 'Township / body'),
    report.w('本年值', 'Value'),
    report.w('达标情况', 'Status'),
    report.w('填报单位', 'Reported by'),
    report.w('说明 / 备注', 'Notes / remarks'),
  ]);
  let any = false;
  for (const plan of report.plans) {
    const perUnit = plan.consolidation.indicators.filter((line) => line.rollUp !== null);
    if (report.plans.length > 1) writer.group(report.planTitle(plan.evaluation.plan));
    for (const line of perUnit) {
      any = true;
      const rollUp = line.rollUp as RollUp;
      const names = (ids: readonly string[]) => report.list(ids.map((id) => report.unitName(id, line.indicatorId)));
      const summary = [
        rollUp.failingUnits.length > 0 ? `${report.w('未达标：', 'Not met: ')}${names(rollUp.failingUnits)}` : '',
        rollUp.missingUnits.length > 0 ? `${report.w('无数据：', 'No data: ')}${names(rollUp.missingUnits)}` : '',
      ].filter((part) => part !== '');
      writer.data(
        [
          line.indicatorId,
          report.indicatorWithUnit(line.indicatorId),
          report.w(`汇总（${rollUp.units}个单位）`, `Roll-up (${rollUp.units} units)`),
          report.w(`${rollUp.met}/${rollUp.units} 达标`, `${rollUp.met}/${rollUp.units} met`),
          { value: report.t(ROLL_UP_TEXT[rollUp.status]), tone: ROLL_UP_TONE[rollUp.status] },
          report.list(line.reportedBy.map((id) => report.organisation(id))),
          summary.join(report.w('；', '; ')),
        ],
        { bold: true, fill: GROUP_FILL },
      );
      for (const unit of line.units) {
        const remarks: string[] = [];
        if (unit.conflict) {
          remarks.push(`${report.w('数值不一致：', 'Conflicting values: ')}${unit.contributions.filter((item) => item.text !== '').map((item) => `${report.organisation(item.organisationId)} ${item.text}`).join(report.w('；', '; '))}`);
        }
        if (unit.note) remarks.push(`${report.w('说明：', 'Note: ')}${unit.note}`);
        writer.data([
          line.indicatorId,
          report.indicatorName(line.indicatorId),
          report.unitName(unit.unitId, line.indicatorId),
          { value: unit.text === '' ? null : unit.text, reported: true, align: 'right' },
          { value: report.t(UNIT_STATUS_TEXT[unit.status]), tone: UNIT_STATUS_TONE[unit.status] },
          unit.reportedBy === null ? '' : report.organisation(unit.reportedBy),
          remarks.join(report.w('；', '; ')),
        ]);
      }
    }
  }
  if (!any) writer.data([report.w('本报告没有分乡镇填报的指标', 'No indicator of this report is reported per township'), null, null, null, null, null, null]);
  pageSetup(report, sheet, { first: header, last: header }, { rows: header, columns: 0 });
}

function completenessSheet(report: Report, workbook: ExcelJS.Workbook, name: string): void {
  const sheet = workbook.addWorksheet(name);
  const widths = [16, 26, 11, 14, 8, 17, 9, 9, 11, 11, 12];
  const writer = new SheetWriter(sheet, widths);
  writer.banner(report.w(`报送情况 · ${report.year}年度`, `Reporting · ${report.year}`), 14, 30);
  writer.banner(report.w('报送率 = 已报送单位数 ÷ 应报单位数；及时率 = 截止日期前首次报送的单位数 ÷ 应报单位数（截止日期为北京时间当日24:00）。', 'Reporting rate = submitted ÷ expected; on-time rate = first version by the deadline ÷ expected (the deadline ends at 24:00 China Standard Time).'), 10, 22, false);
  writer.header([
    report.w('规划', 'Plan'),
    report.w('截止日期', 'Deadline'),
    report.w('应报单位数', 'Expected'),
    report.w('已报送', 'Submitted'),
    report.w('已审核', 'Approved'),
    report.w('已退回', 'Returned'),
    report.w('逾期报送', 'Late'),
    report.w('逾期未报', 'Missing'),
    report.w('未报送（未逾期）', 'Not started'),
    report.w('报送率', 'Reporting rate'),
    report.w('及时率', 'On-time rate'),
  ]);
  for (const { evaluation, completeness } of report.plans) {
    writer.data([
      report.planName(evaluation.plan),
      completeness.deadline ?? report.w('未设定', 'not set'),
      completeness.expected.length,
      completeness.submitted.length,
      completeness.approved.length,
      completeness.returned.length,
      { value: completeness.late.length, tone: completeness.late.length > 0 ? 'notMet' : undefined, align: 'right' },
      { value: completeness.missing.length, tone: completeness.missing.length > 0 ? 'notMet' : undefined, align: 'right' },
      completeness.notStarted.length,
      { value: completeness.reportingRate, numFmt: PERCENT },
      { value: completeness.onTimeRate ?? '—', numFmt: PERCENT, align: 'right' },
    ]);
  }
  writer.blank();
  const header = writer.header([
    report.w('序号', 'No.'),
    report.w('单位', 'Organisation'),
    report.w('类别', 'Kind'),
    report.w('状态', 'State'),
    report.w('版本', 'Version'),
    report.w('首次报送时间（北京时间）', 'First received (CST)'),
    report.w('是否逾期', 'Late'),
    report.w('是否应报', 'Expected'),
    null,
    null,
    null,
  ]);
  writer.merge(header, 8, header, 11);
  for (const { evaluation, completeness } of report.plans) {
    if (report.plans.length > 1) writer.group(report.planTitle(evaluation.plan));
    completeness.organisations.forEach((organisation, index) => {
      writer.data([
        { value: index + 1, align: 'center' },
        report.organisation(organisation.organisationId, true),
        report.organisationKind(organisation.organisationId),
        { value: report.t(STATE_TEXT[organisation.state]), tone: STATE_TONE[organisation.state] },
        organisation.version,
        organisation.firstReceivedAt === null ? null : chinaTime(organisation.firstReceivedAt),
        organisation.late ? { value: report.w('逾期', 'late'), tone: 'notMet' } : { value: report.w('否', 'no'), align: 'center' },
        organisation.expected ? report.w('是', 'yes') : report.w('否（不承担本规划指标）', 'no (reports nothing of this plan)'),
        null,
        null,
        null,
      ]);
      writer.merge(writer.row - 1, 8, writer.row - 1, 11);
    });
  }
  pageSetup(report, sheet, { first: header, last: header }, { rows: header, columns: 0 });
}

function warningsSheet(report: Report, workbook: ExcelJS.Workbook, name: string): void {
  const sheet = workbook.addWorksheet(name);
  const widths = [6, 9, 26, 14, 16, 70];
  const writer = new SheetWriter(sheet, widths);
  const count = report.plans.reduce((sum, plan) => sum + (plan.warnings?.length ?? 0), 0);
  writer.banner(report.w(`预警 · ${report.year}年度`, `Warnings · ${report.year}`), 14, 30);
  writer.banner(report.w(`共${count}条：预计达标困难（进展预警）、数值冲突、波动较大的监测指标。`, `${count} warnings: targets at risk, conflicting values, strong fluctuations.`), 10, 22, false);
  const header = writer.header([report.w('序号', 'No.'), report.w('编号', 'ID'), report.w('指标（单位）', 'Indicator (unit)'), report.w('乡镇（单位）', 'Township / body'), report.w('类型', 'Kind'), report.w('内容', 'Message')]);
  const kinds: MonitoringWarningKind[] = ['progress', 'conflict', 'fluctuation'];
  let number = 0;
  for (const plan of report.plans) {
    if (report.plans.length > 1) writer.group(report.planTitle(plan.evaluation.plan));
    const order = new Map(plan.evaluation.rows.map((row, index) => [row.indicatorId, index]));
    const warnings = [...(plan.warnings ?? [])].sort(
      (a, b) => (order.get(a.indicatorId) ?? Infinity) - (order.get(b.indicatorId) ?? Infinity) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.unitId ?? '').localeCompare(b.unitId ?? ''),
    );
    for (const warning of warnings) {
      number += 1;
      writer.data([
        number,
        warning.indicatorId,
        report.indicatorWithUnit(warning.indicatorId),
        warning.unitId ? report.unitName(warning.unitId, warning.indicatorId) : report.w('全县', 'county'),
        { value: report.t(WARNING_TEXT[warning.kind]), tone: WARNING_TONE[warning.kind] },
        report.t(warning.message),
      ]);
    }
  }
  if (number === 0) writer.data([null, null, report.w('本年度无预警', 'No warnings this year'), null, null, null]);
  pageSetup(report, sheet, { first: header, last: header }, { rows: header, columns: 0 });
}

/**
 * The monitoring report workbook (.xlsx) of a plan-year — or of both plans of a year with `otherPlan`: cover
 * and definitions, evaluation summary, every indicator × year per plan, per-township indicators, completeness,
 * warnings. Throws {@link MonitoringReportInputError} when its parts are of different plans or years.
 */
export async function buildMonitoringReport(input: MonitoringReportInput): Promise<Buffer> {
  const report = new Report(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '新平妇女儿童发展规划监测';
  workbook.created = report.generatedAt;
  workbook.modified = report.generatedAt;
  workbook.title = reportTitle(report).title;
  const names = monitoringReportSheetNames(report.plans.map((plan) => plan.evaluation.plan), report.language);
  coverSheet(report, workbook, names);
  summarySheet(report, workbook, names[1] as string);
  report.plans.forEach((plan, index) => planSheet(report, workbook, plan, names[2 + index] as string));
  const rest = names.slice(2 + report.plans.length);
  townshipSheet(report, workbook, rest[0] as string);
  completenessSheet(report, workbook, rest[1] as string);
  warningsSheet(report, workbook, rest[2] as string);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

// ————————————————————————————————————————————— warnings from the core's results —————————————————————————————————————————————

/** The progress statuses that are a 预警 (预计达标困难): the series will not reach its target at its pace. */
export const WARNING_PROGRESS_STATUSES: readonly ProgressStatus[] = ['needsAcceleration', 'limited', 'regressing'];

/**
 * The warnings of a set of progress results: one per series whose status is needs acceleration, limited or
 * regressing, worded with the result's own status message (and its projection, when it has one).
 */
export function progressWarnings(results: readonly ProgressResult[]): MonitoringWarning[] {
  return results
    .filter((result) => WARNING_PROGRESS_STATUSES.includes(result.status))
    .map((result) => {
      const messages = result.messages.filter((message) => message.code.startsWith('progress.status') || message.code === 'progress.projection');
      return {
        indicatorId: result.indicatorId,
        unitId: result.unitId,
        kind: 'progress' as const,
        message: { zh: messages.map((message) => message.zh).join('；'), en: messages.map((message) => message.en).join('; ') },
      };
    });
}

/** The warnings of a consolidation's conflicts: every county value or unit two organisations reported differently. */
export function conflictWarnings(catalog: Catalog, consolidation: Consolidation): MonitoringWarning[] {
  const name = (id: string) => catalog.organisations.find((organisation) => organisation.id === id);
  const describe = (contributions: ConsolidatedIndicator['units'][number]['contributions']): Bilingual => {
    const listed = contributions.filter((item) => item.text !== '');
    return {
      zh: `各单位填报数值不一致：${listed.map((item) => `${name(item.organisationId)?.shortName ?? item.organisationId} ${item.text}`).join('；')}`,
      en: `Organisations reported different values: ${listed.map((item) => `${name(item.organisationId)?.nameEn ?? item.organisationId} ${item.text}`).join('; ')}`,
    };
  };
  const warnings: MonitoringWarning[] = [];
  for (const line of consolidation.indicators) {
    if (line.county?.conflict) warnings.push({ indicatorId: line.indicatorId, unitId: null, kind: 'conflict', message: describe(line.county.contributions) });
    for (const unit of line.units) if (unit.conflict) warnings.push({ indicatorId: line.indicatorId, unitId: unit.unitId, kind: 'conflict', message: describe(unit.contributions) });
  }
  return warnings;
}
