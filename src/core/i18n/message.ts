/** How serious a finding is: errors block a submission, warnings need an explanatory note, info is for reading. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Which input of an entry a finding is about. */
export const FIELDS = ['value', 'previous', 'baseline', 'other', 'note', 'unit', 'indicator'] as const;
export type Field = (typeof FIELDS)[number];

/** A finding with its text in both languages. `code` is stable and meant for programs. */
export interface Message {
  readonly code: string;
  readonly severity: Severity;
  readonly field?: Field;
  readonly zh: string;
  readonly en: string;
}

/** The languages of the product: zh-CN is the default. */
export type Language = 'zh-CN' | 'en-US';

/** The text of a message in one language. */
export function textOf(message: Pick<Message, 'zh' | 'en'>, language: Language = 'zh-CN'): string {
  return language === 'en-US' ? message.en : message.zh;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The most serious of some severities (`info` when there are none). */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'info';
  for (const severity of severities) if (SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  return worst;
}

/** Field names as a county clerk reads them. */
export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  value: { zh: '本年值', en: 'this year\'s value' },
  previous: { zh: '上年值', en: 'previous value' },
  baseline: { zh: '基期值', en: 'base-year value' },
  other: { zh: '比较值', en: 'comparison value' },
  note: { zh: '说明', en: 'note' },
  unit: { zh: '填报单元', en: 'reporting unit' },
  indicator: { zh: '指标', en: 'indicator' },
};
