import type { UnitId } from '../catalog/units';

/** A number with its unit as the plans write it: 93%, 2‰, 9/10万, 15/10万活产, 1.12名/千人, 1名. */
export function formatQuantity(value: number | string, unit: UnitId): string {
  const number = typeof value === 'number' ? formatNumber(value) : value;
  switch (unit) {
    case '1/10万':
      return `${number}/10万`;
    case '1/10万活产':
      return `${number}/10万活产`;
    case '百分点':
      return `${number}个百分点`;
    case '比例':
    case '是/否':
    case '文字':
      return number;
    default:
      return `${number}${unit}`;
  }
}

/** A number without floating-point noise (at most 10 decimals, no trailing zeros). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(10)));
}

/** A number with its unit, in English. */
export function formatQuantityEn(value: number | string, unit: UnitId): string {
  const number = typeof value === 'number' ? formatNumber(value) : value;
  switch (unit) {
    case '%':
    case '‰':
      return `${number}${unit}`;
    case '1/10万':
      return `${number} per 100,000`;
    case '1/10万活产':
      return `${number} per 100,000 live births`;
    case '名/千人':
      return `${number} per 1,000`;
    case '百分点':
      return `${number} percentage points`;
    case '小时':
      return `${number} h`;
    case '学时':
      return `${number} class hours`;
    case '岁':
    case '年':
      return `${number} years`;
    case '比例':
    case '是/否':
    case '文字':
      return number;
    default:
      return number;
  }
}

/**
 * A difference between two values of a unit, as statistics offices word it: a change of a percentage is
 * in 个百分点 (percentage points), of a per-mille rate in 个千分点; other units keep their unit.
 */
export function formatDifference(value: number | string, unit: UnitId): string {
  const number = typeof value === 'number' ? formatNumber(value) : value;
  if (unit === '%') return `${number}个百分点`;
  if (unit === '‰') return `${number}个千分点`;
  return formatQuantity(number, unit);
}

/** A difference in English: percentage points, per-mille points, else the unit. */
export function formatDifferenceEn(value: number | string, unit: UnitId): string {
  const number = typeof value === 'number' ? formatNumber(value) : value;
  if (unit === '%') return `${number} percentage ${number === '1' ? 'point' : 'points'}`;
  if (unit === '‰') return `${number} per-mille ${number === '1' ? 'point' : 'points'}`;
  return formatQuantityEn(number, unit);
}
