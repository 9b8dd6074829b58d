import type { Indicator } from '../catalog/indicator-schema';
import { UNITS } from '../catalog/units';
import { formatNumber } from '../assess/format-quantity';
import { FIELD_LABELS, type Field, type Message } from '../i18n/message';
import type { CellValue } from '../parse/cell-value';

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

/**
 * Flags a percentage that looks like a fraction typed by mistake (0.952 meant as 95.2%), when a floor the
 * value must reach is far above 1%. A warning, not an error: tiny rates exist.
 */
export function plausibilityWarnings(indicator: Indicator, value: CellValue): Message[] {
  if (value.kind !== 'number' || indicator.unit !== '%' || value.value <= 0 || value.value >= 1) return [];
  // only floors (达到…以上, …左右) make a tiny value suspicious; under a ceiling (控制在10%以下) it is good news
  const floors = [indicator.target, ...indicator.milestones.map((milestone) => milestone.target)]
    .filter((target) => target.kind === 'min' || target.kind === 'approx')
    .map((target) => target.value);
  const targetValue = floors.length > 0 ? Math.max(...floors) : undefined;
  if (targetValue === undefined || targetValue < 5) return [];
  return [
    {
      code: 'value.looksLikeFraction',
      severity: 'warning',
      field: 'value',
      zh: `本年值${value.text}%远低于目标${formatNumber(targetValue)}%，是否把${formatNumber(value.value * 100)}%写成了小数？请核实`,
      en: `This year's value ${value.text}% is far below the ${formatNumber(targetValue)}% target: was ${formatNumber(value.value * 100)}% entered as a fraction? Please check`,
    },
  ];
}
