/**
 * The columns of a template sheet, left to right. Each has a stable key, written into the hidden marker
 * row (`xpm:value` …), so a sheet is read by key, not by position: inserted, moved or relabelled columns
 * are still found.
 */
export const COLUMN_KEYS = [
  'seq',
  'id',
  'domain',
  'name',
  'unitName',
  'measure',
  'target',
  'baseline',
  'previous',
  'other',
  'value',
  'status',
  'note',
  'dataSource',
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
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'seq', header: '序号', headerEn: 'No.', width: 5, input: false },
  { key: 'id', header: '指标编号', headerEn: 'Indicator', width: 10, input: false },
  { key: 'domain', header: '领域', headerEn: 'Domain', width: 10, input: false },
  { key: 'name', header: '指标名称', headerEn: 'Indicator name', width: 30, input: false },
  { key: 'unitName', header: '填报单元', headerEn: 'Reporting unit', width: 12, input: false },
  { key: 'measure', header: '单位', headerEn: 'Unit', width: 8, input: false },
  { key: 'target', header: '目标', headerEn: 'Target', width: 26, input: false },
  { key: 'baseline', header: '基期值', headerEn: 'Base-year value', width: 9, input: true },
  { key: 'previous', header: '上年值（上届值）', headerEn: 'Previous value', width: 10, input: true },
  { key: 'other', header: '比较值', headerEn: 'Comparison value', width: 9, input: true },
  { key: 'value', header: '本年值', headerEn: 'This year', width: 12, input: true },
  { key: 'status', header: '达标情况', headerEn: 'Status', width: 9, input: false },
  { key: 'note', header: '说明', headerEn: 'Note', width: 26, input: true },
  { key: 'dataSource', header: '数据来源', headerEn: 'Data source', width: 14, input: true },
];

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
