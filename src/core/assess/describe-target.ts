import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Indicator } from '../catalog/indicator-schema';
import type { Target } from '../catalog/target-schema';
import { formatNumber, formatQuantity, formatQuantityEn } from './format-quantity';

/** A target in words, for the 目标 column of a template and for messages. */
export interface TargetDescription {
  readonly zh: string;
  readonly en: string;
}

/** The tolerance a 左右 target uses: its own, or the catalog default. */
export function approxTolerance(target: Extract<Target, { kind: 'approx' }>, defaults: CatalogDefaults): number {
  return target.tolerance ?? defaults.approxTolerance;
}

// Catalog targets are immutable: describe each once per set of defaults.
const cache = new WeakMap<CatalogDefaults, WeakMap<Target, TargetDescription>>();

const SYMBOLS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** Describes a target of an indicator, e.g. "≥93%", "≤2‰", "45%左右（44%—46%）", "较上年提高". */
export function describeTarget(target: Target, indicator: Indicator, defaults: CatalogDefaults): TargetDescription {
  let byTarget = cache.get(defaults);
  if (!byTarget) {
    byTarget = new WeakMap();
    cache.set(defaults, byTarget);
  }
  let description = byTarget.get(target);
  if (!description) {
    description = Object.freeze(describe(target, indicator, defaults));
    byTarget.set(target, description);
  }
  return description;
}

function describe(target: Target, indicator: Indicator, defaults: CatalogDefaults): TargetDescription {
  const unit = indicator.unit;
  const q = (value: number) => formatQuantity(value, unit);
  const qe = (value: number) => formatQuantityEn(value, unit);
  const previous = (compareTo: 'previousYear' | 'previousTerm') =>
    compareTo === 'previousTerm' ? { zh: '上届', en: 'the previous term' } : { zh: '上年', en: 'the previous year' };
  switch (target.kind) {
    case 'min':
      return { zh: `${target.strict ? '>' : '≥'}${q(target.value)}`, en: `${target.strict ? '>' : '≥'} ${qe(target.value)}` };
    case 'max':
      return { zh: `${target.strict ? '<' : '≤'}${q(target.value)}`, en: `${target.strict ? '<' : '≤'} ${qe(target.value)}` };
    case 'approx': {
      const tolerance = approxTolerance(target, defaults);
      const low = target.value - tolerance;
      const high = target.value + tolerance;
      return target.sides === 'both'
        ? {
            zh: `${q(target.value)}左右（${q(low)}—${q(high)}）`,
            en: `about ${qe(target.value)} (${qe(low)}–${qe(high)})`,
          }
        : { zh: `达到${q(target.value)}左右（≥${q(low)}）`, en: `about ${qe(target.value)} or more (≥ ${qe(low)})` };
    }
    case 'ratio': {
      const [a, b] = target.value.map(formatNumber);
      const favoured = target.favours === 'first' ? target.terms[0] : target.terms[1];
      const favouredEn = target.favours === 'first' ? target.termsEn[0] : target.termsEn[1];
      return {
        zh: `${target.terms[0]}:${target.terms[1]} = ${a}:${b}（${favoured}的占比不低于此比例）`,
        en: `${target.termsEn[0]}:${target.termsEn[1]} = ${a}:${b} (${favouredEn} share at least this)`,
      };
    }
    case 'reduction':
      return {
        zh: `以${target.baseYear}年为基数下降${formatNumber(target.percent)}%（≤基期值×${formatNumber(100 - target.percent)}%）`,
        en: `${formatNumber(target.percent)}% below ${target.baseYear} (≤ base × ${formatNumber(100 - target.percent)}%)`,
      };
    case 'count':
      return { zh: `至少${q(target.value)}`, en: `at least ${target.value}` };
    case 'increase':
      return { zh: `较${previous(target.compareTo).zh}提高`, en: `higher than ${previous(target.compareTo).en}` };
    case 'decrease':
      return { zh: `较${previous(target.compareTo).zh}下降`, en: `lower than ${previous(target.compareTo).en}` };
    case 'notBelowPrevious':
      return { zh: `不低于${previous(target.compareTo).zh}`, en: `not below ${previous(target.compareTo).en}` };
    case 'relative':
      return { zh: `${SYMBOLS[target.comparator]}${target.other}`, en: `${SYMBOLS[target.comparator]} ${target.otherEn}` };
    case 'achieved':
      return { zh: '实现（填“是”）', en: 'achieved (enter "是")' };
    case 'qualitative':
      return target.wording
        ? { zh: `${target.wording}（规划未给出数值）`, en: `${target.wordingEn ?? target.wording} (no number in the plan)` }
        : { zh: '定性目标（填写进展情况）', en: 'qualitative (describe progress)' };
  }
}
