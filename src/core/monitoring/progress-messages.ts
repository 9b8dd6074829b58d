import Big from 'big.js';
import type { CatalogDefaults } from '../catalog/catalog-schema';
import { PLAN_FIRST_YEAR, type Indicator } from '../catalog/indicator-schema';
import type { UnitId } from '../catalog/units';
import { describeTarget } from '../assess/describe-target';
import { formatNumber, formatQuantity, formatQuantityEn } from '../assess/format-quantity';
import type { Bilingual } from '../i18n/message';
import { validRange } from '../rules/validate-value';
import type { PointValue, ProgressFigures, ProgressMessage, ProgressReason, ProgressStatus } from './progress';

/** The base year of the measure (progress.ts's PROGRESS_BASE_YEAR, repeated to keep the modules acyclic). */
const BASE_YEAR = PLAN_FIRST_YEAR - 1;
/** Open SDG's on-track rate without a numeric target (progress.ts's TREND_THRESHOLDS.onTrack), to show the scaling factor. */
const TREND_ON_TRACK = 0.015;

/** How a progress status is named, in zh-CN and en-US. */
export const PROGRESS_STATUS_TEXT: Readonly<Record<ProgressStatus, Bilingual>> = {
  achieved: { zh: '已达标', en: 'target achieved' },
  onTrack: { zh: '进展顺利', en: 'on track' },
  needsAcceleration: { zh: '有进展，但需加快', en: 'progress made, acceleration needed' },
  limited: { zh: '进展有限', en: 'limited progress' },
  regressing: { zh: '出现倒退', en: 'regressing' },
  insufficientData: { zh: '数据不足', en: 'insufficient data' },
  notAssessable: { zh: '无法评估', en: 'not assessable' },
};

/**
 * The messages of a progress result, in both languages, worded as a statistical bulletin words them: a change
 * of a rate in 个百分点 (‰: 个千分点), the relative change stated separately ("比2020年下降1.2个百分点（相对下降
 * 20.2%）"), rates as signed percentages with two decimals, R with two.
 */
export function progressMessages(indicator: Indicator, figures: ProgressFigures, defaults: CatalogDefaults): ProgressMessage[] {
  const text = new Texts(indicator, figures, defaults);
  const messages: ProgressMessage[] = [text.status(), text.target()];
  if (figures.addedBaselines.length > 0) messages.push(text.addedBaselines());
  const differing = text.differingBaselines();
  if (differing) messages.push(differing);
  if (figures.ignoredYears.length > 0) messages.push(text.ignoredYears());
  if (figures.unitId !== null && indicator.baseline.length > 0) messages.push(text.unitBaselines());
  const hasRates = figures.cagr !== null;
  if (hasRates) messages.push(text.change());
  if (hasRates && figures.method === 'target') messages.push(text.rates());
  if (hasRates && figures.method === 'trend') messages.push(text.trend());
  if (figures.replacedZeros.length > 0) messages.push(text.zeros());
  if (figures.projected !== null) messages.push(text.projection());
  if (figures.lastChange) messages.push(text.lastChange());
  if (hasRates && figures.method === 'target' && figures.targetYear <= (figures.latestYear ?? 0)) messages.push(text.deadline());
  return messages;
}

const PER_MILLE_POINTS = { zh: '个千分点', en: 'per-mille points' };
const PERCENTAGE_POINTS = { zh: '个百分点', en: 'percentage points' };

/** A difference of two values in a unit: percentage (per-mille) points for rates, the unit otherwise. */
function difference(amount: number, unit: UnitId): Bilingual {
  const number = formatNumber(amount);
  const points = (words: Bilingual) => ({ zh: `${number}${words.zh}`, en: `${number} ${amount === 1 ? words.en.replace(/s$/, '') : words.en}` });
  if (unit === '%' || unit === '百分点') return points(PERCENTAGE_POINTS);
  if (unit === '‰') return points(PER_MILLE_POINTS);
  return { zh: formatQuantity(amount, unit), en: formatQuantityEn(amount, unit) };
}

/** A rate as a signed percentage with at most `decimals` decimals: −5.58%. */
function percent(rate: number, decimals = 2): string {
  const value = Number((rate * 100).toFixed(decimals));
  return `${formatNumber(value === 0 ? 0 : value)}%`;
}

class Texts {
  private readonly unit: UnitId;
  private readonly targetText: Bilingual;
  private readonly requirement: Bilingual;

  constructor(
    private readonly indicator: Indicator,
    private readonly figures: ProgressFigures,
    defaults: CatalogDefaults,
  ) {
    this.unit = figures.measure === 'share' ? '%' : indicator.unit;
    this.targetText = describeTarget(figures.target.target, indicator, defaults);
    this.requirement = this.targetText;
  }

  /** A value of the measure with its unit; a share (a quotient) is shown to 2 decimals. */
  private q(value: number): Bilingual {
    const shown = this.round(value);
    return { zh: formatQuantity(shown, this.unit), en: formatQuantityEn(shown, this.unit) };
  }

  private round(value: number): number {
    return this.figures.measure === 'share' ? Number(value.toFixed(2)) : value;
  }

  /** A value as given: a ratio as 2:3, a number with its unit. */
  private shown(value: PointValue): Bilingual {
    if (typeof value !== 'number') return { zh: `${formatNumber(value.left)}:${formatNumber(value.right)}`, en: `${formatNumber(value.left)}:${formatNumber(value.right)}` };
    return { zh: formatQuantity(value, this.indicator.unit), en: formatQuantityEn(value, this.indicator.unit) };
  }

  /** What the measure is called in a sentence ("" for the value itself). */
  private label(): Bilingual {
    const { target } = this.figures.target;
    if (this.figures.measure === 'share' && target.kind === 'ratio') {
      const second = target.favours === 'second';
      return { zh: `${second ? target.terms[1] : target.terms[0]}所占比例`, en: `the share of ${second ? target.termsEn[1] : target.termsEn[0]} ` };
    }
    if (this.figures.measure === 'reflected' && target.kind === 'approx') {
      const centre = this.q(target.value);
      return { zh: `偏离度指标（${centre.zh}+|值−${centre.zh}|）`, en: `the distance measure (${centre.en} + |value − ${centre.en}|) ` };
    }
    return { zh: '', en: '' };
  }

  private latestShown(): Bilingual {
    const latest = this.figures.series.filter((point) => point.used).at(-1);
    return latest ? this.shown(latest.value) : { zh: '', en: '' };
  }

  status(): ProgressMessage {
    const { status, reason, latestYear, targetYear, ratio, cagr } = this.figures;
    const name = PROGRESS_STATUS_TEXT[status];
    let detail: Bilingual;
    if (status === 'achieved') {
      const latest = this.latestShown();
      detail = {
        zh: `：${latestYear}年为${latest.zh}，已达到${targetYear}年${this.targetText.zh}的目标`,
        en: `: ${latest.en} in ${latestYear} already meets the ${targetYear} target ${this.targetText.en}`,
      };
    } else if (reason !== null) {
      detail = this.reason(reason);
    } else if (this.figures.method === 'target') {
      detail = ratio === null ? { zh: '（R无定义）', en: ' (R undefined)' } : { zh: `（R=${ratio.toFixed(2)}）`, en: ` (R = ${ratio.toFixed(2)})` };
    } else {
      detail = { zh: `（年均变化率${percent(cagr ?? 0)}）`, en: ` (average annual change ${percent(cagr ?? 0)})` };
    }
    return { code: `progress.status.${status}`, zh: `进展状态：${name.zh}${detail.zh}`, en: `Progress: ${name.en}${detail.en}` };
  }

  private reason(reason: ProgressReason): Bilingual {
    const { target } = this.figures.target;
    const { targetYear, latestYear, baseYear } = this.figures;
    switch (reason) {
      case 'noData':
        return { zh: `：没有${BASE_YEAR}年及以后的数据`, en: `: no value for ${BASE_YEAR} or later` };
      case 'onePoint':
        return { zh: `：只有${latestYear}年一个数据点，至少需要两个年份的数据`, en: `: only one value (${latestYear}); at least two years are needed` };
      case 'qualitative': {
        const wording = target.kind === 'qualitative' && target.wording ? { zh: `“${target.wording}”`, en: ` ("${target.wordingEn ?? target.wording}")` } : { zh: '', en: '' };
        return {
          zh: `：${targetYear}年的目标为定性目标${wording.zh}，规划未给出可计算的数值`,
          en: `: the ${targetYear} target is qualitative${wording.en}, with no number to measure against`,
        };
      }
      case 'yesNo':
        return { zh: '：目标为“是/否”事项，没有可计算增长率的数值序列', en: ': the target is a yes/no item, with no numeric series to measure' };
      case 'relative': {
        const other = target.kind === 'relative' ? { zh: target.other, en: target.otherEn } : { zh: '比较值', en: 'the comparison value' };
        return {
          zh: `：目标是与“${other.zh}”比较，比较值每年另行填报，不在本序列中`,
          en: `: the target compares with ${other.en}, a figure entered every year that is not in this series`,
        };
      }
      case 'count': {
        const latest = this.latestShown();
        return {
          zh: `：数量目标${this.targetText.zh}，${latestYear}年为${latest.zh}，尚未达到；少量机构、人次不计算增长率`,
          en: `: a count target (${this.targetText.en}), ${latest.en} in ${latestYear}, not yet reached; a growth rate of a few institutions or people says nothing`,
        };
      }
      case 'missingBase': {
        const year = target.kind === 'reduction' ? target.baseYear : BASE_YEAR;
        return {
          zh: `：目标以${year}年为基数，但序列中没有${year}年的值，规划也未给出该年的基期值`,
          en: `: the target is relative to ${year}, but the series has no ${year} value and the plan states none`,
        };
      }
      case 'signChange':
        return {
          zh: '：序列的基期值与最新值（或目标值）正负号不同，无法计算复合年均增长率（Open SDG 同样不评估）',
          en: ': the base value and the latest value (or the target) have opposite signs, so no compound annual growth rate exists (Open SDG does not assess such series either)',
        };
      case 'targetNotAfterBase':
        return {
          zh: `：目标年份${targetYear}年不晚于序列起始年份${baseYear}年，无法计算所需增长率`,
          en: `: the target year ${targetYear} is not after the first year of the series (${baseYear}), so no required rate exists`,
        };
    }
  }

  target(): ProgressMessage {
    const { target, year, role, recurring } = this.figures.target;
    const which =
      role === 'milestone'
        ? { zh: `${year}年阶段目标`, en: `the ${year} milestone` }
        : recurring
          ? { zh: `每年均须达到的目标（下一年度${year}年）`, en: `the target due every year (next: ${year})` }
          : { zh: `${year}年目标`, en: `the ${year} target` };
    let measure: Bilingual = { zh: '', en: '' };
    const value = this.figures.targetValue;
    if (value !== null && target.kind === 'reduction') {
      const base = this.figures.series.find((point) => point.year === target.baseYear);
      const baseValue = base && typeof base.value === 'number' ? base.value : this.indicator.baseline.find((entry) => entry.year === target.baseYear)?.value;
      const shownBase = baseValue === undefined ? { zh: '', en: '' } : this.q(baseValue);
      measure = {
        zh: `；${target.baseYear}年基期值${shownBase.zh}×${formatNumber(100 - target.percent)}%，即≤${this.q(value).zh}`,
        en: `; the ${target.baseYear} value ${shownBase.en} × ${formatNumber(100 - target.percent)}%, i.e. ≤ ${this.q(value).en}`,
      };
    } else if (value !== null && this.figures.measure !== 'value') {
      const label = this.label();
      const comparator = this.figures.measure === 'share' ? '≥' : '≤';
      measure = {
        zh: `；按${label.zh}衡量，目标${comparator}${this.q(Number(value.toFixed(2))).zh}`,
        en: `; measured as ${label.en.trim()}, target ${comparator} ${this.q(Number(value.toFixed(2))).en}`,
      };
    }
    return {
      code: 'progress.target',
      zh: `适用目标：${which.zh}${this.targetText.zh}${measure.zh}`,
      en: `Governing target: ${which.en}, ${this.targetText.en}${measure.en}`,
    };
  }

  addedBaselines(): ProgressMessage {
    const added = this.figures.addedBaselines.map((year) => {
      const value = this.indicator.baseline.find((baseline) => baseline.year === year)?.value ?? Number.NaN;
      return { zh: `${year}年${formatQuantity(value, this.indicator.unit)}`, en: `${formatQuantityEn(value, this.indicator.unit)} in ${year}` };
    });
    return {
      code: 'progress.baselinesAdded',
      zh: `序列未给出的年份已补入规划基期值：${added.map((entry) => entry.zh).join('、')}`,
      en: `Added the plan's baseline for a year the series does not give: ${added.map((entry) => entry.en).join(', ')}`,
    };
  }

  /** A county series that gives a year the plan states a baseline for, with another value: the series is used. */
  differingBaselines(): ProgressMessage | undefined {
    if (this.figures.unitId !== null) return undefined;
    const differing = this.figures.series.flatMap((point) => {
      const baseline = this.indicator.baseline.find((entry) => entry.year === point.year);
      return point.source === 'observed' && point.used && baseline && typeof point.value === 'number' && point.value !== baseline.value ? [{ point: point.value, baseline }] : [];
    });
    if (differing.length === 0) return undefined;
    const unit = this.indicator.unit;
    return {
      code: 'progress.baselineDiffers',
      zh: differing.map(({ point, baseline }) => `序列给出的${baseline.year}年值${formatQuantity(point, unit)}与规划基期值${formatQuantity(baseline.value, unit)}不同，按序列计算`).join('；'),
      en: differing
        .map(({ point, baseline }) => `The series gives ${formatQuantityEn(point, unit)} for ${baseline.year}, the plan ${formatQuantityEn(baseline.value, unit)}: the series is used`)
        .join('; '),
    };
  }

  ignoredYears(): ProgressMessage {
    const years = this.figures.ignoredYears;
    return {
      code: 'progress.ignoredYears',
      zh: `${years.join('、')}年的值早于基期${BASE_YEAR}年，不参与计算`,
      en: `The value${years.length > 1 ? 's' : ''} of ${years.join(', ')} precede${years.length > 1 ? '' : 's'} the base year ${BASE_YEAR} and ${years.length > 1 ? 'are' : 'is'} not used`,
    };
  }

  unitBaselines(): ProgressMessage {
    return {
      code: 'progress.unitBaselines',
      zh: `规划给出的基期值是全县数据，未补入填报单元“${this.figures.unitId}”的序列`,
      en: `The plan's baselines are county figures and were not added to the series of the reporting unit "${this.figures.unitId}"`,
    };
  }

  change(): ProgressMessage {
    const { baseYear, baseValue, latestYear, latestValue } = this.figures;
    const y0 = baseValue ?? 0;
    const yt = latestValue ?? 0;
    const label = this.label();
    const now = this.q(yt);
    const then = this.q(y0);
    const delta = new Big(yt).minus(y0);
    if (delta.eq(0)) {
      return {
        code: 'progress.change',
        zh: `${label.zh}${latestYear}年为${now.zh}，与${baseYear}年持平`,
        en: `${capital(label.en)}${label.en ? 'was' : 'It was'} ${now.en} in ${latestYear}, the same as in ${baseYear}`,
      };
    }
    const up = delta.gt(0);
    const amount = difference(this.round(delta.abs().toNumber()), this.unit);
    // the relative change needs a base of the same sign
    const relative = y0 !== 0 && Math.sign(y0) === Math.sign(yt) ? formatNumber(delta.abs().div(Math.abs(y0)).times(100).round(1).toNumber()) : undefined;
    return {
      code: 'progress.change',
      zh: `${label.zh}${latestYear}年为${now.zh}，比${baseYear}年的${then.zh}${up ? '上升' : '下降'}${amount.zh}${relative === undefined ? '' : `（相对${up ? '上升' : '下降'}${relative}%）`}`,
      en: `${capital(label.en)}${label.en ? 'was' : 'It was'} ${now.en} in ${latestYear}, ${up ? 'up' : 'down'} ${amount.en} on ${then.en} in ${baseYear}${relative === undefined ? '' : ` (a relative ${up ? 'rise' : 'fall'} of ${relative}%)`}`,
    };
  }

  rates(): ProgressMessage {
    const { baseYear, latestYear, targetYear, cagr, requiredCagr, ratio } = this.figures;
    const span = `${baseYear}—${latestYear}`;
    const spanEn = `${baseYear}–${latestYear}`;
    const legend = {
      zh: '（实际与所需之比：≥0.95进展顺利，0.6—0.95需加快，0—0.6进展有限，<0倒退）',
      en: ' (observed over required: ≥ 0.95 on track, 0.6–0.95 acceleration needed, 0–0.6 limited, < 0 regressing)',
    };
    const r =
      ratio === null
        ? { zh: `R无定义（${baseYear}年的值即为目标值）`, en: `R is undefined (the ${baseYear} value is the target)` }
        : { zh: `R=${ratio.toFixed(2)}${legend.zh}`, en: `R = ${ratio.toFixed(2)}${legend.en}` };
    return {
      code: 'progress.rates',
      zh: `${span}年年均变化率为${percent(cagr ?? 0)}；${targetYear}年实现目标所需年均变化率为${percent(requiredCagr ?? 0)}；${r.zh}`,
      en: `Average annual change ${spanEn}: ${percent(cagr ?? 0)}; needed to meet the target by ${targetYear}: ${percent(requiredCagr ?? 0)} a year; ${r.en}`,
    };
  }

  trend(): ProgressMessage {
    const { baseYear, latestYear, cagr, thresholds } = this.figures;
    const onTrack = thresholds?.onTrack ?? 0;
    const needsAcceleration = thresholds?.needsAcceleration ?? 0;
    const hold = this.figures.target.target.kind === 'notBelowPrevious' || onTrack === 0;
    const rule = hold
      ? { zh: '保持不降即为进展顺利（≥0进展顺利，<0倒退）', en: 'holding the level is on track (≥ 0 on track, < 0 regressing)' }
      : {
          zh: `按要求方向的年均变化率判定：≥${percent(onTrack, 3)}进展顺利，≥${percent(needsAcceleration, 3)}需加快，≥0进展有限，<0倒退`,
          en: `judged by the average annual change in the required direction: ≥ ${percent(onTrack, 3)} on track, ≥ ${percent(needsAcceleration, 3)} acceleration needed, ≥ 0 limited, < 0 regressing`,
        };
    const scale = onTrack / TREND_ON_TRACK;
    const limit = validRange(this.indicator).max;
    const scaled =
      !hold && scale < 1 && limit !== undefined
        ? {
            zh: `（上限${formatQuantity(limit, this.unit)}：阈值乘以 Open SDG 的系数C=${scale.toFixed(3)}）`,
            en: ` (upper limit ${formatQuantityEn(limit, this.unit)}: thresholds times Open SDG's factor C = ${scale.toFixed(3)})`,
          }
        : { zh: '', en: '' };
    return {
      code: 'progress.trend',
      zh: `${baseYear}—${latestYear}年年均变化率为${percent(cagr ?? 0)}；规划要求“${this.requirement.zh}”，没有数值目标，${rule.zh}${scaled.zh}`,
      en: `Average annual change ${baseYear}–${latestYear}: ${percent(cagr ?? 0)}; the plan asks for "${this.requirement.en}" with no number, so ${rule.en}${scaled.en}`,
    };
  }

  zeros(): ProgressMessage {
    const replaced = this.figures.replacedZeros;
    const what = {
      zh: replaced.map((which) => (which === 'base' ? `${this.figures.baseYear}年的值` : '目标值')).join('和'),
      en: replaced.map((which) => (which === 'base' ? `the ${this.figures.baseYear} value` : 'the target')).join(' and '),
    };
    return {
      code: 'progress.zeroReplaced',
      zh: `${what.zh}为0，按 Open SDG 的做法在计算增长率时以0.001代替（结果宜谨慎解读）`,
      en: `${capital(what.en)} ${replaced.length > 1 ? 'are' : 'is'} 0: as Open SDG does, 0.001 stands in for it in the growth rates (read the result with care)`,
    };
  }

  projection(): ProgressMessage {
    const { baseYear, latestYear, targetYear, projected, projectedAchieves, gap } = this.figures;
    const label = this.label();
    const value = this.q(projected ?? 0);
    let outcome: Bilingual = { zh: '', en: '' };
    if (projectedAchieves === true) outcome = { zh: '，可实现目标', en: ', meeting the target' };
    else if (projectedAchieves === false && gap !== null) {
      const short = difference(Math.max(gap, 0), this.unit);
      outcome = gap > 0 ? { zh: `，距目标尚差${short.zh}`, en: `, ${short.en} short of the target` } : { zh: '，仍未达到目标', en: ', still not meeting the target' };
    }
    return {
      code: 'progress.projection',
      zh: `按${baseYear}—${latestYear}年的年均变化率推算，${targetYear}年${label.zh}约为${value.zh}${outcome.zh}`,
      en: `At the ${baseYear}–${latestYear} rate, ${label.en ? `${label.en.trim()} in ${targetYear}` : targetYear} is projected at ${value.en}${outcome.en}`,
    };
  }

  lastChange(): ProgressMessage {
    const change = this.figures.lastChange;
    if (!change) throw new Error('no last change');
    const amount = difference(Math.abs(change.change), this.unit);
    const moved =
      change.change === 0
        ? { zh: '持平', en: 'unchanged' }
        : change.change > 0
          ? { zh: `上升${amount.zh}`, en: `up ${amount.en}` }
          : { zh: `下降${amount.zh}`, en: `down ${amount.en}` };
    return {
      code: 'progress.lastChange',
      zh: `最近一次变化（${change.fromYear}→${change.toYear}年）${moved.zh}，${change.meetsPlan ? '符合' : '不符合'}“${this.requirement.zh}”的要求`,
      en: `Latest change (${change.fromYear} → ${change.toYear}): ${moved.en}, which ${change.meetsPlan ? 'meets' : 'does not meet'} "${this.requirement.en}"`,
    };
  }

  deadline(): ProgressMessage {
    const { targetYear, latestYear } = this.figures;
    return {
      code: 'progress.deadline',
      zh: `目标年份${targetYear}年已到，${latestYear}年仍未达到目标`,
      en: `The target year ${targetYear} has come and the target is still not met in ${latestYear}`,
    };
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
