/**
 * The columns of a template sheet, left to right. Each has a stable key, written into the hidden marker
 * row (`xpm:value` …), so a sheet is read by key, not by position: inserted, moved or relabelled columns
 * are still found.
 */
export const COLUMN_KEYS = [
  'seq',
  'id',
  'name',
  'unitName',
  'measure',
  'target',
  'baseline',
  'previous',
  'other',
  'value',
  'status',
  'progress',
  'note',
  'dataSource',
  'parsed',
  'judged',
] as const;

/** The key of a template column. */
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** A template column: header in both languages, width in characters, whether people type into it. */
export interface TemplateColumn {
  readonly key: ColumnKey;
  readonly header: string;
  readonly headerEn: string;
  /** Width in characters of the default font. */
  readonly width: number;
  /** Cells people fill (where the indicator needs them); the others are protected. */
  readonly input: boolean;
  /** A column the formulas need but nobody reads: hidden on screen and on paper. */
  readonly hidden?: boolean;
}

/**
 * The columns of template version 2: the domain is a group row above its indicators (no column); qualitative
 * indicators report their progress in the wide 进展情况 column, numbers stay in the narrow 本年值. Widths sum
 * to 187 characters, printed one page wide on A3 landscape at 83–100% of their size (PRINT_SCALE).
 */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'seq', header: '序号', headerEn: 'No.', width: 5, input: false },
  { key: 'id', header: '指标编号', headerEn: 'Indicator', width: 9, input: false },
  { key: 'name', header: '指标名称', headerEn: 'Indicator name', width: 24, input: false },
  { key: 'unitName', header: '填报单元', headerEn: 'Reporting unit', width: 10, input: false },
  { key: 'measure', header: '单位', headerEn: 'Unit', width: 7, input: false },
  { key: 'target', header: '目标', headerEn: 'Target', width: 24, input: false },
  { key: 'baseline', header: '基期值', headerEn: 'Base-year value', width: 8, input: true },
  { key: 'previous', header: '上年值（上届值）', headerEn: 'Previous value', width: 9, input: true },
  { key: 'other', header: '比较值', headerEn: 'Comparison value', width: 8, input: true },
  { key: 'value', header: '本年值', headerEn: 'This year', width: 10, input: true },
  { key: 'status', header: '达标情况', headerEn: 'Status', width: 9, input: false },
  { key: 'progress', header: '进展情况（定性指标）', headerEn: 'Progress (qualitative)', width: 30, input: true },
  { key: 'note', header: '说明', headerEn: 'Note', width: 22, input: true },
  { key: 'dataSource', header: '数据来源', headerEn: 'Data source', width: 12, input: true },
  // hidden: this year's value read as a number (parsedNumberFormula), and the number each numeric row is judged
  // by (judgedNumberFormula), which the rows of a consistency rule look up
  { key: 'parsed', header: '读数', headerEn: 'Read value', width: 8, input: false, hidden: true },
  { key: 'judged', header: '校验值', headerEn: 'Checked value', width: 8, input: false, hidden: true },
];

/** The paper the templates print on: A3 landscape (420 mm wide), so that the data rows print legibly. */
export const PRINT_PAPER_WIDTH_MM = 420;

/**
 * How much a printout shrinks, at worst: the templates print one page wide on A3 landscape, so the printed
 * columns are scaled to the width between the side margins — taken as Excel's default 0.7 inch each, what a
 * sheet the add-in inserted keeps (the .xlsx writer's 0.4 inch leave more). A column of w characters is
 * w × 7 + 5 pixels in Excel (5.25 points a character), but LibreOffice without Calibri's metrics draws it
 * w × 7 points wide (measured: a 20-character column prints 140 points wide); the wider is assumed, so the
 * scale is the smallest any of them prints at.
 */
export const PRINT_SCALE = Math.min(1, ((PRINT_PAPER_WIDTH_MM / 25.4 - 2 * 0.7) * 72) / TEMPLATE_COLUMNS.reduce((sum, column) => sum + (column.hidden ? 0 : column.width * 7), 0));

/** The font size of 填表说明 that still prints at 9 points or more once scaled (PRINT_SCALE), in half points. */
export const INSTRUCTIONS_FONT_SIZE = Math.ceil((9 / PRINT_SCALE) * 2) / 2;

/** The 0-based position of each column in a freshly written template. */
export const COLUMN_INDEX: Readonly<Record<ColumnKey, number>> = Object.fromEntries(
  TEMPLATE_COLUMNS.map((column, index) => [column.key, index]),
) as Record<ColumnKey, number>;

/** The marker written above a column: `xpm:value`. */
export function columnMarker(key: ColumnKey): string {
  return `xpm:${key}`;
}

/** The words the sheet's own formulas write into the status column (达标情况), per template language. */
export const STATUS_WORDS = {
  'zh-CN': {
    met: '达标',
    notMet: '未达标',
    notYetDue: '未到期',
    invalid: '有误',
    /** A value that breaks a consistency rule of severity error (新生儿 ≤ 婴儿 ≤ 5岁以下儿童死亡率). */
    inconsistent: '逻辑有误',
    noData: '无数据',
    unreadable: '待核对',
    notJudged: '不判定',
    qualitative: '定性',
    missingPrevious: '缺上年值',
    missingPreviousTerm: '缺上届值',
    missingBaseline: '缺基期值',
    missingOther: '缺比较值',
  },
  'en-US': {
    met: 'Met',
    notMet: 'Not met',
    notYetDue: 'Not yet due',
    invalid: 'Invalid',
    inconsistent: 'Inconsistent',
    noData: 'No data',
    unreadable: 'Check',
    notJudged: 'Not judged',
    qualitative: 'Qualitative',
    missingPrevious: 'Need previous',
    missingPreviousTerm: 'Need previous term',
    missingBaseline: 'Need base value',
    missingOther: 'Need comparison',
  },
} as const;

/** What a status word says. */
export type StatusWord = keyof (typeof STATUS_WORDS)['zh-CN'];
