import Big from 'big.js';
import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Indicator } from '../catalog/indicator-schema';
import { formatDifference, formatDifferenceEn, formatNumber, formatQuantity, formatQuantityEn } from '../assess/format-quantity';
import type { Message } from '../i18n/message';

/**
 * Warns about a strong year-over-year change (the plans' 波动较大的监测指标): larger than the indicator's
 * `swingAbsolute` in its unit, or else larger than `swingRelative` (default: the catalog's) of last year's value.
 * Counts of a few institutions or people (至少1名) are not checked: one more is not a swing.
 *
 * The wording is the statistician's: the change of a rate in its own points (个百分点 for %, 个千分点 for ‰ —
 * never "%" for a difference of percentages), and the relative change (change ÷ last year's value) stated
 * separately.
 */
export function swingWarning(indicator: Indicator, value: number, previous: number, defaults: CatalogDefaults): Message | undefined {
  if (indicator.target.kind === 'count') return undefined;
  const change = new Big(value).minus(previous);
  const settings = indicator.warnings;
  let swing: boolean;
  let thresholdZh: string;
  let thresholdEn: string;
  if (settings?.swingAbsolute !== undefined) {
    swing = change.abs().gt(settings.swingAbsolute);
    thresholdZh = formatDifference(settings.swingAbsolute, indicator.unit);
    thresholdEn = formatDifferenceEn(settings.swingAbsolute, indicator.unit);
  } else {
    if (previous === 0) return undefined;
    const relative = settings?.swingRelative ?? defaults.swingRelative;
    swing = change.abs().gt(new Big(previous).abs().times(relative));
    thresholdZh = `上年值的${formatNumber(relative * 100)}%`;
    thresholdEn = `${formatNumber(relative * 100)}% of the previous value`;
  }
  if (!swing) return undefined;
  const direction = change.gt(0) ? { zh: '上升', en: 'up' } : { zh: '下降', en: 'down' };
  const amount = change.abs().toNumber();
  const relative = previous === 0 ? undefined : formatNumber(Number(change.div(new Big(previous).abs()).times(100).round(2, Big.roundHalfUp).toString()));
  const relativeZh = relative === undefined ? '' : `，相对变化${relative.startsWith('-') ? '' : '+'}${relative}%`;
  const relativeEn = relative === undefined ? '' : `; relative change ${relative.startsWith('-') ? '' : '+'}${relative}%`;
  return {
    code: 'warning.swing',
    severity: 'warning',
    field: 'value',
    zh: `波动预警：较上年${direction.zh}${formatDifference(amount, indicator.unit)}（${formatQuantity(previous, indicator.unit)}→${formatQuantity(value, indicator.unit)}${relativeZh}），超过${thresholdZh}；请核实数据并在说明中解释原因`,
    en: `Swing warning: ${direction.en} ${formatDifferenceEn(amount, indicator.unit)} on the previous year (${formatQuantityEn(previous, indicator.unit)} → ${formatQuantityEn(value, indicator.unit)}${relativeEn}), more than ${thresholdEn}; check the data and explain it in the note`,
  };
}
