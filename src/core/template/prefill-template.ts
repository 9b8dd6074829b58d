/**
 * 预填 / Prefilling a template before it is handed out or inserted: 上年值 from the organisation's report of
 * last year (what the endpoint or its database answers), 基期值 from the baselines the plan states. Each
 * prefilled cell is marked as such — the `prefilled` style (blue figures, still editable) and its input
 * message ("来自2024年已报送数据（第2版，已审核通过）"), shown by Excel, WPS and LibreOffice when the cell is
 * selected — and the subtitle says what blue means. Pure: both adapters render the model it returns, so an
 * insert stays one batch of writes.
 */
import type { Catalog } from '../catalog/catalog';
import { PLAN_FIRST_YEAR, type Indicator } from '../catalog/indicator-schema';
import { entryKey } from '../assess/entry';
import { previousKind } from '../assess/targets-for-year';
import type { Language } from '../i18n/message';
import { COLUMN_INDEX, type ColumnKey } from './template-columns';
import { parseCellAddress, rangeAddress } from './cell-address';
import type { TemplateCell, TemplateModel, TemplateRow, ValidationRule } from './template-model';

/** One value of last year's report: a number, or the canonical text of a ratio or yes/no. */
export interface PreviousValue {
  readonly indicatorId: string;
  readonly unitId?: string | null;
  readonly value: number | string;
}

/** Last year's report the 上年值 come from. */
export interface PreviousSource {
  /** The reporting year of that report (the template's year − 1). */
  readonly year: number;
  readonly version: number;
  readonly status: 'submitted' | 'returned' | 'approved';
  readonly values: readonly PreviousValue[];
}

export interface PrefillOptions {
  /** Last year's report; absent or null: 上年值 stay empty (no token, no report, offline). */
  readonly previous?: PreviousSource | null;
}

/** What was prefilled, cell by cell (A1). */
export interface PrefillSummary {
  readonly previous: readonly string[];
  readonly baseline: readonly string[];
}

export interface PrefilledTemplate {
  readonly model: TemplateModel;
  readonly filled: PrefillSummary;
}

const STATUS_WORDS = {
  'zh-CN': { approved: '已审核通过', submitted: '待审核', returned: '已退回' },
  'en-US': { approved: 'approved', submitted: 'awaiting review', returned: 'returned' },
} as const;

/** The input message of a prefilled 上年值 cell (also what the pane and the CLI say). */
export function previousSourceText(source: Pick<PreviousSource, 'year' | 'version' | 'status'>, language: Language): string {
  const status = STATUS_WORDS[language][source.status];
  return language === 'zh-CN'
    ? `来自${source.year}年已报送数据（第${source.version}版，${status}）`
    : `From the ${source.year} report as submitted (version ${source.version}, ${status})`;
}

/**
 * The base-year value the plan states for an indicator: the base year of its 以Y年为基数 target, else the
 * latest year before the plans' period (2020, "截至2020年底…"); undefined when the plan states none.
 */
export function planBaseline(indicator: Indicator): { year: number; value: number } | undefined {
  for (const target of [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]) {
    if (target.kind !== 'reduction') continue;
    const stated = indicator.baseline.find((baseline) => baseline.year === target.baseYear);
    return stated ? { year: stated.year, value: stated.value } : undefined;
  }
  const before = indicator.baseline.filter((baseline) => baseline.year < PLAN_FIRST_YEAR).sort((a, b) => b.year - a.year)[0];
  return before ? { year: before.year, value: before.value } : undefined;
}

/**
 * Fills the 上年值 of every line whose indicator compares with last year (not the previous term's, for
 * elected bodies) from `options.previous`, where the cell is an input and still empty; and the 基期值 the plan
 * states (planBaseline) — into the input of a 以Y年为基数 line, else, for information, into the line's locked
 * 基期值 cell (county lines only: the plan's figures are the county's). Marks each; nothing else changes.
 */
export function prefillTemplate(model: TemplateModel, catalog: Catalog, options: PrefillOptions = {}): PrefilledTemplate {
  const zh = model.language === 'zh-CN';
  const source = options.previous ?? null;
  const lastYear = new Map<string, number | string>();
  for (const value of source?.values ?? []) lastYear.set(entryKey(value.indicatorId, value.unitId ?? undefined), value.value);

  const rows: TemplateRow[] = [...model.rows];
  const prompts = new Map<ColumnKey, Map<number, { title: string; message: string }>>();
  const filled = { previous: [] as string[], baseline: [] as string[] };
  /** Puts a value into an input cell (with its input message) or, without `prompt`, into a locked one beside it. */
  const put = (key: 'previous' | 'baseline', row: number, value: number | string, prompt: { title: string; message: string } | undefined) => {
    const current = rows[row];
    if (!current) return;
    const column = COLUMN_INDEX[key];
    const cells = [...current.cells];
    const cell: TemplateCell = { value, style: prompt ? 'prefilled' : 'prefilledInfo', numberFormat: typeof value === 'number' ? 'General' : '@' };
    cells[column] = cell;
    rows[row] = { ...current, cells };
    if (prompt) {
      const byRow = prompts.get(key) ?? new Map<number, { title: string; message: string }>();
      byRow.set(row, prompt);
      prompts.set(key, byRow);
    }
    filled[key].push(rangeAddress(row, column, row, column));
  };

  for (const info of model.dataRows) {
    const indicator = catalog.indicators.get(info.indicatorId);
    if (!indicator) continue;
    const cellIn = (key: ColumnKey) => model.rows[info.row]?.cells[COLUMN_INDEX[key]];
    if (source && info.inputs.previous && previousKind(indicator) === 'previousYear' && cellIn('previous')?.value === undefined) {
      const value = lastYear.get(entryKey(info.indicatorId, info.unitId));
      if (value !== undefined) {
        put('previous', info.row, value, {
          title: zh ? '上年值（已预填）' : 'Previous value (prefilled)',
          message: zh ? `${previousSourceText(source, 'zh-CN')}。如有更正，可直接改写。` : `${previousSourceText(source, 'en-US')}. Overwrite it if it was corrected.`,
        });
      }
    }
    // the plan's baseline is the county's: a township's row gets it only where the template already put it
    const baseline = planBaseline(indicator);
    const existing = cellIn('baseline')?.value;
    if (baseline && (existing === baseline.value || (existing === undefined && info.unitId === undefined))) {
      put('baseline', info.row, baseline.value, info.inputs.baseline
        ? {
            title: zh ? '基期值（已预填）' : 'Base-year value (prefilled)',
            message: zh ? `来自规划：${baseline.year}年基期值。如统计口径不同，可直接改写。` : `From the plan: the ${baseline.year} base-year value. Overwrite it if the definition differs.`,
          }
        : undefined);
    }
  }

  if (filled.previous.length === 0 && filled.baseline.length === 0) return { model, filled };
  const previousText = source && filled.previous.length > 0 ? previousSourceText(source, model.language) : undefined;
  const legend = zh
    ? `蓝色数字为预填（可改写）：${[previousText ? `上年值${previousText}` : '', filled.baseline.length > 0 ? '基期值来自规划' : ''].filter(Boolean).join('，')}`
    : `Blue figures are prefilled (can be overwritten): ${[previousText ? `previous values ${previousText.replace(/^From/, 'from')}` : '', filled.baseline.length > 0 ? 'base-year values from the plan' : ''].filter(Boolean).join('; ')}`;
  const subtitle = rows.findIndex((row) => row.kind === 'subtitle');
  const subtitleRow = rows[subtitle];
  const subtitleCell = subtitleRow?.cells[0];
  if (subtitleRow && subtitleCell && typeof subtitleCell.value === 'string') {
    const cells = [...subtitleRow.cells];
    cells[0] = { ...subtitleCell, value: `${subtitleCell.value}${zh ? '\u3000\u3000' : '    '}${legend}` };
    rows[subtitle] = { ...subtitleRow, cells };
  }
  return { model: { ...model, rows, validations: withPrompts(model.validations, prompts) }, filled };
}

/**
 * The validations with each prefilled cell's input message: a rule over a column that covers prefilled
 * cells is cut into the runs before, between and after them (same rule and message) and one range per run
 * of prefilled cells with the same message — no cell gets two rules.
 */
function withPrompts(validations: readonly ValidationRule[], prompts: ReadonlyMap<ColumnKey, ReadonlyMap<number, { title: string; message: string }>>): ValidationRule[] {
  const byColumn = new Map<number, ReadonlyMap<number, { title: string; message: string }>>();
  for (const [key, rows] of prompts) byColumn.set(COLUMN_INDEX[key], rows);
  const result: ValidationRule[] = [];
  for (const rule of validations) {
    const [first, last = first] = rule.range.split(':') as [string, string?];
    const top = parseCellAddress(first);
    const bottom = parseCellAddress(last);
    const rows = top.column === bottom.column ? byColumn.get(top.column) : undefined;
    if (!rows || ![...rows.keys()].some((row) => row >= top.row && row <= bottom.row)) {
      result.push(rule);
      continue;
    }
    let start = top.row;
    let startPrompt = rows.get(top.row);
    for (let row = top.row + 1; row <= bottom.row + 1; row += 1) {
      const prompt = row <= bottom.row ? rows.get(row) : undefined;
      const same = row <= bottom.row && prompt?.message === startPrompt?.message;
      if (same) continue;
      result.push({ ...rule, range: rangeAddress(start, top.column, row - 1, top.column), ...(startPrompt ? { prompt: startPrompt } : {}) });
      start = row;
      startPrompt = prompt;
    }
  }
  return result;
}
