import type { Indicator } from '../catalog/indicator-schema';
import { UNITS } from '../catalog/units';
import { formatNumber, formatQuantity, formatQuantityEn } from '../assess/format-quantity';
import { FIELD_LABELS, type Field, type Message } from '../i18n/message';
import type { CellValue } from '../parse/cell-value';
import { parseCell } from '../parse/parse-cell';

/** The valid range of an indicator's values: its own `range`, else its unit's. */
export function validRange(indicator: Indicator): { min?: number; max?: number } {
  const unit = UNITS[indicator.unit];
  return { min: indicator.range?.min ?? unit.min, max: indicator.range?.max ?? unit.max };
}

/**
 * Checks a parsed value against what its unit allows: a rate above 100% or a negative count is an
 * error (the value cannot be right), not a missed target; counts must be whole numbers.
 */
export function validateValue(indicator: Indicator, value: CellValue, field: Field): Message[] {
  if (value.kind !== 'number') return [];
  const unit = UNITS[indicator.unit];
  const { min, max } = validRange(indicator);
  const label = FIELD_LABELS[field];
  const subjectEn = englishSubject(label.en);
  const messages: Message[] = [];
  if ((min !== undefined && value.value < min) || (max !== undefined && value.value > max)) {
    const rangeZh = max === undefined ? `不小于${formatNumber(min ?? 0)}` : `${formatNumber(min ?? 0)}—${formatNumber(max)}之间`;
    const rangeEn = max === undefined ? `at least ${formatNumber(min ?? 0)}` : `between ${formatNumber(min ?? 0)} and ${formatNumber(max)}`;
    messages.push({
      code: 'value.outOfRange',
      severity: 'error',
      field,
      zh: `${label.zh}${value.text}超出有效范围：单位为“${unit.id}”的值应在${rangeZh}`,
      en: `${subjectEn} ${value.text} is out of range: values in "${unit.id}" must be ${rangeEn}`,
    });
  }
  if (unit.integer && !Number.isInteger(value.value)) {
    messages.push({
      code: 'value.notInteger',
      severity: 'error',
      field,
      zh: `${label.zh}${value.text}应为整数（单位“${unit.id}”）`,
      en: `${subjectEn} ${value.text} must be a whole number (unit "${unit.id}")`,
    });
  }
  return messages;
}

/** "This year's value" / "The previous value": a label that starts with a determiner takes no article. */
function englishSubject(label: string): string {
  return /^(this|that|its|their)\b/i.test(label) ? label.charAt(0).toUpperCase() + label.slice(1) : `The ${label}`;
}

/** The word that confirms an implausible value in the 说明, followed by the value as typed: 【确认】0.95. */
export const CONFIRMATION_WORD = '【确认】';

/**
 * 【确认】 (or [确认]) followed by a value, in a 说明 — after NFKC, so full-width digits, brackets and colons
 * count: "【确认】0.95", "【确认】：０．９５%", "[确认] 0.95".
 */
const CONFIRMATION = /(?:【确认】|\[确认\])\s*:?\s*([^\s,;，；。、)）]+)/g;

/** Whether the note confirms exactly this value: the confirmation word followed by the same number. */
export function confirmsValue(indicator: Indicator, value: CellValue, note: string | undefined): boolean {
  if (!note || value.kind !== 'number') return false;
  for (const match of note.normalize('NFKC').matchAll(CONFIRMATION)) {
    const parsed = parseCell(match[1] ?? '', UNITS[indicator.unit], 'value');
    if (parsed.ok && parsed.value.kind === 'number' && parsed.value.value === value.value) return true;
  }
  return false;
}

/**
 * A value outside the indicator's plausible range (the catalog's data-quality bounds, not a target): 0.95
 * typed for 95% under a ≥90% target. An error — a note alone does not make it right — unless the 说明
 * confirms it with the confirmation word and the value itself ("【确认】0.95 该乡镇当年…"), which cannot
 * happen by accident: a copied note confirms another number, a plain note none. Confirmed, it is judged as
 * any value and an info message keeps the confirmation visible to the bureau.
 */
export function plausibilityCheck(indicator: Indicator, value: CellValue, note: string | undefined): Message[] {
  const plausible = indicator.plausible;
  if (!plausible || value.kind !== 'number') return [];
  const below = plausible.min !== undefined && value.value < plausible.min;
  const above = plausible.max !== undefined && value.value > plausible.max;
  if (!below && !above) return [];
  const unit = indicator.unit;
  const { min, max } = plausible;
  const rangeZh = min !== undefined && max !== undefined ? `${formatQuantity(min, unit)}—${formatQuantity(max, unit)}` : min !== undefined ? `不低于${formatQuantity(min, unit)}` : `不高于${formatQuantity(max ?? 0, unit)}`;
  const rangeEn = min !== undefined && max !== undefined ? `${formatQuantityEn(min, unit)} to ${formatQuantityEn(max, unit)}` : min !== undefined ? `at least ${formatQuantityEn(min, unit)}` : `at most ${formatQuantityEn(max ?? 0, unit)}`;
  const shown = formatQuantity(value.text, unit);
  const shownEn = formatQuantityEn(value.text, unit);
  if (confirmsValue(indicator, value, note)) {
    return [
      {
        code: 'value.implausibleConfirmed',
        severity: 'info',
        field: 'value',
        zh: `本年值${shown}不在合理范围（${rangeZh}）内，已在说明中确认`,
        en: `This year's value ${shownEn} is outside the plausible range (${rangeEn}); confirmed in the note`,
      },
    ];
  }
  return [
    {
      code: 'value.implausible',
      severity: 'error',
      field: 'value',
      zh: `本年值${shown}不在合理范围（${rangeZh}）内：${plausible.reason.zh}。请改正；如数值确实如此，请在“说明”中写“${CONFIRMATION_WORD}${value.text}”并说明原因`,
      en: `This year's value ${shownEn} is outside the plausible range (${rangeEn}): ${plausible.reason.en}. Correct it; if it is right, write "${CONFIRMATION_WORD}${value.text}" in the note with the reason`,
    },
  ];
}
