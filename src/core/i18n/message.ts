/** How serious a finding is: errors block a submission, warnings need an explanatory note, info is for reading. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Which input of an entry a finding is about. */
export const FIELDS = ['value', 'previous', 'baseline', 'other', 'note', 'unit', 'indicator'] as const;
export type Field = (typeof FIELDS)[number];

/** The languages of the product: zh-CN is the default. */
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/**
 * Text in both languages: the one bilingual shape of the code. (The API's wire format spells it
 * `message`/`messageEn` — src/contract — for programs that read one field; in code it is always this.)
 */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** A finding with its text in both languages. `code` is stable and meant for programs. */
export interface Message extends Bilingual {
  readonly code: string;
  readonly severity: Severity;
  readonly field?: Field;
}

/** The text of a message in one language. */
export function textOf(message: Bilingual, language: Language = DEFAULT_LANGUAGE): string {
  return language === 'en-US' ? message.en : message.zh;
}

/**
 * The base of every error that can say what went wrong in words a county clerk can act on, in both
 * languages: the workbook's (WorkbookError), the endpoint client's (EndpointError), a template request's
 * (TemplateRequestError), the server's (ApiError). A view shows its `zh` or `en` as it is.
 */
export class BilingualError extends Error implements Bilingual {
  constructor(
    readonly zh: string,
    readonly en: string,
    options?: { cause?: unknown },
  ) {
    super(zh, options);
    this.name = new.target.name;
  }
}

/** An error's own words in a language when it has them (a BilingualError, or anything with zh and en); else null. */
export function ownWords(error: unknown, language: Language): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { zh, en } = error as { zh?: unknown; en?: unknown };
  if (typeof zh !== 'string' || typeof en !== 'string') return null;
  return language === 'en-US' ? en : zh;
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
