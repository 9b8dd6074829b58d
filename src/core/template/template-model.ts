import type { Language } from '../i18n/message';
import { INSTRUCTIONS_FONT_SIZE, type TemplateColumn } from './template-columns';
import type { TemplateMetadata } from './template-metadata';

/** The named cell styles of a template; each adapter renders them with its own API. */
export const CELL_STYLES = {
  marker: { fontSize: 8, fontColor: '#808080' },
  title: { bold: true, fontSize: 16, horizontalAlignment: 'center', verticalAlignment: 'center' },
  subtitle: { fontSize: 11, horizontalAlignment: 'left', verticalAlignment: 'center' },
  header: { bold: true, fontSize: 11, fill: '#D9E1F2', horizontalAlignment: 'center', verticalAlignment: 'center', wrap: true, border: true },
  cell: { fontSize: 10, fill: '#F2F2F2', verticalAlignment: 'center', wrap: true, border: true },
  cellCentered: { fontSize: 10, fill: '#F2F2F2', horizontalAlignment: 'center', verticalAlignment: 'center', wrap: true, border: true },
  input: { fontSize: 10, fill: '#FFFFFF', horizontalAlignment: 'right', verticalAlignment: 'center', border: true, unlocked: true },
  inputText: { fontSize: 10, fill: '#FFFFFF', verticalAlignment: 'center', wrap: true, border: true, unlocked: true },
  /** An input the template filled in (上年值 from last year's report, 基期值 from the plan): blue, still editable. */
  prefilled: { fontSize: 10, fill: '#FFFFFF', fontColor: '#1F4E79', horizontalAlignment: 'right', verticalAlignment: 'center', border: true, unlocked: true },
  /** A value the plan states beside a line that does not use it (基期值 of a 2020 baseline): grey, blue figures, locked. */
  prefilledInfo: { fontSize: 10, fill: '#E7E6E6', fontColor: '#1F4E79', horizontalAlignment: 'right', verticalAlignment: 'center', border: true },
  unused: { fontSize: 10, fill: '#E7E6E6', verticalAlignment: 'center', border: true },
  status: { bold: true, fontSize: 10, fill: '#F2F2F2', horizontalAlignment: 'center', verticalAlignment: 'center', border: true },
  /** 填表说明: printed at 9 points or more once the sheet is scaled to one page wide (INSTRUCTIONS_FONT_SIZE). */
  instructions: { fontSize: INSTRUCTIONS_FONT_SIZE, fontColor: '#404040', verticalAlignment: 'top', wrap: true },
  instructionsHeading: { bold: true, fontSize: INSTRUCTIONS_FONT_SIZE, fontColor: '#404040', verticalAlignment: 'top', wrap: true },
  /** The report form's header: 填报单位 and 报告年度 on the left … */
  formInfo: { fontSize: 11, horizontalAlignment: 'left', verticalAlignment: 'center' },
  /** … 表号, 制表机关, 批准文号, 有效期至 on the right, each on a line to fill in by hand when the deployment left it blank. */
  formField: { fontSize: 11, horizontalAlignment: 'left', verticalAlignment: 'center', bottomBorder: true },
  /** A domain's group row above its indicators: the name in the first cell, the band across the sheet. */
  group: { bold: true, fontSize: 11, fill: '#EEF3FA', horizontalAlignment: 'left', verticalAlignment: 'center' },
  groupFill: { fontSize: 11, fill: '#EEF3FA', verticalAlignment: 'center' },
  footerLabel: { fontSize: 11, horizontalAlignment: 'right', verticalAlignment: 'center' },
  footerInput: { fontSize: 11, verticalAlignment: 'center', bottomBorder: true, unlocked: true },
} as const satisfies Record<string, CellStyle>;

/** How a cell looks; colours are #RRGGBB. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontalAlignment?: 'left' | 'center' | 'right';
  readonly verticalAlignment?: 'top' | 'center';
  readonly wrap?: boolean;
  /** Thin border on all four edges. */
  readonly border?: boolean;
  readonly bottomBorder?: boolean;
  /** Editable when the sheet is protected. */
  readonly unlocked?: boolean;
}

/** The name of a cell style. */
export type StyleName = keyof typeof CELL_STYLES;

/** The colours of flags and statuses: misses red, met green, invalid amber (Excel's own palette). */
export const FLAG_COLOURS = {
  error: { fill: '#FFEB9C', font: '#9C5700' },
  notMet: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FCE4D6', font: '#833C0C' },
  met: { fill: '#C6EFCE', font: '#006100' },
  /** 未到期: a future target not reached yet — information, not a miss (blue, as Excel's neutral "Note" tone). */
  notYetDue: { fill: '#DDEBF7', font: '#1F4E78' },
} as const;

/** One cell of the template: a constant or a formula, its style, number format and whether it is an input. */
export interface TemplateCell {
  readonly value?: string | number;
  /** A formula in en-US syntax starting with "=", e.g. `=IF(…)`. */
  readonly formula?: string;
  readonly style: StyleName;
  /** "General", "@" (text: keeps "2:3" from becoming a time) … */
  readonly numberFormat?: string;
}

/** What a row of the template is. */
export type TemplateRowKind = 'markers' | 'title' | 'formInfo' | 'subtitle' | 'header' | 'group' | 'data' | 'spacer' | 'instructions' | 'footer';

/** One row of the template. `cells[i]` is the cell in column i; missing cells are empty. */
export interface TemplateRow {
  readonly kind: TemplateRowKind;
  readonly cells: readonly (TemplateCell | undefined)[];
  /** Height in points; absent: the default. */
  readonly height?: number;
  readonly hidden?: boolean;
}

/** Which indicator (and reporting unit) a data row is for, and where its inputs are. */
export interface DataRowInfo {
  /** 0-based row in the sheet. */
  readonly row: number;
  readonly indicatorId: string;
  readonly unitId?: string;
  readonly inputs: {
    readonly previous: boolean;
    readonly baseline: boolean;
    readonly other: boolean;
  };
}

/** A data-validation rule for a rectangle of input cells. */
export interface ValidationRule {
  /** A1 range, e.g. "K5:K40". */
  readonly range: string;
  readonly rule:
    | { readonly type: 'decimal' | 'whole'; readonly min?: number; readonly max?: number }
    | { readonly type: 'list'; readonly values: readonly string[] }
    | { readonly type: 'textLength'; readonly max: number };
  readonly prompt: { readonly title: string; readonly message: string };
  /** `warning` lets a person keep the entry (e.g. "—" for no data); the engine re-checks everything anyway. */
  readonly error: { readonly title: string; readonly message: string; readonly style: 'stop' | 'warning' };
}

/** A conditional format: `formula` is written for the range's top-left cell (relative references). */
export interface ConditionalFormatRule {
  readonly range: string;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor: string;
}

/** The sheet a template becomes: everything both workbook adapters (add-in, .xlsx) need to render it. */
export interface TemplateModel {
  readonly meta: TemplateMetadata;
  readonly language: Language;
  /** A suggested sheet name (≤ 31 characters, none of : \ / ? * [ ]). */
  readonly sheetName: string;
  readonly title: string;
  readonly columns: readonly TemplateColumn[];
  readonly rows: readonly TemplateRow[];
  readonly dataRows: readonly DataRowInfo[];
  /** Rectangles merged into one cell (A1 ranges). */
  readonly merges: readonly string[];
  readonly validations: readonly ValidationRule[];
  readonly conditionalFormats: readonly ConditionalFormatRule[];
  /** Rows and columns kept in view while scrolling. */
  readonly freeze: { readonly rows: number; readonly columns: number };
  /**
   * How it prints: A3 landscape, one page wide and as many tall as the rows need (rows never shrink to fit the
   * height), the column headers repeated on every page, the print area the visible columns only — so the
   * 10-point data print at 8 points or more (10 × PRINT_SCALE: 8.3), not at the 5.7 points measured on A4.
   */
  readonly print: {
    readonly orientation: 'landscape';
    readonly paperSize: 'A3';
    readonly fitToPagesWide: 1;
    /** What prints: from the first row to the last (填表说明), the columns up to the last visible one (no hidden helper columns, no metadata cell), A1 range. */
    readonly area: string;
    /** Rows repeated at the top of every printed page, 1-based, e.g. "$4:$4". */
    readonly titleRows: string;
    readonly footer: string;
  };
  /** Only input cells stay editable; no password, so a clerk can unprotect to fix the layout. */
  readonly protection: { readonly password: undefined; readonly allowSort: true; readonly allowAutoFilter: true; readonly allowFormatColumns: true; readonly allowFormatRows: true };
}
