import Big from 'big.js';
import type { CatalogDefaults } from '../catalog/catalog-schema';
import type { Target } from '../catalog/target-schema';
import type { CellValue } from '../parse/cell-value';
import { approxTolerance } from './describe-target';

/** The values a target is judged on, already parsed and valid. */
export interface JudgeInputs {
  readonly value: CellValue;
  readonly previous?: CellValue;
  readonly baseline?: CellValue;
  readonly other?: CellValue;
}

/** The input a target needs but did not get. */
export type MissingInput = 'previous' | 'baseline' | 'other';

/** How one target judges one value. */
export type Verdict =
  | { readonly outcome: 'met' | 'notMet' }
  | { readonly outcome: 'notAssessable'; readonly missing?: MissingInput };

const MET: Verdict = { outcome: 'met' };
const NOT_MET: Verdict = { outcome: 'notMet' };
const verdict = (met: boolean): Verdict => (met ? MET : NOT_MET);

/**
 * Judges a value against one target, exactly at the boundary: comparisons between entered numbers and
 * target numbers are exact because both are short decimals; derived thresholds (base × 80%, target ±
 * tolerance, ratios) are computed in decimal arithmetic (big.js), never in binary floating point.
 */
export function judgeTarget(target: Target, inputs: JudgeInputs, defaults: CatalogDefaults): Verdict {
  const { value } = inputs;
  switch (target.kind) {
    case 'min':
      return withNumber(value, (v) => verdict(target.strict ? v > target.value : v >= target.value));
    case 'max':
      return withNumber(value, (v) => verdict(target.strict ? v < target.value : v <= target.value));
    case 'count':
      return withNumber(value, (v) => verdict(v >= target.value));
    case 'approx':
      return withNumber(value, (v) => {
        const deviation = new Big(v).minus(target.value);
        const tolerance = approxTolerance(target, defaults);
        return verdict(target.sides === 'both' ? deviation.abs().lte(tolerance) : deviation.gte(-tolerance));
      });
    case 'ratio': {
      if (value.kind !== 'ratio') return { outcome: 'notAssessable' };
      const [targetFirst, targetSecond] = target.value;
      // second/first ≥ t2/t1  ⇔  second·t1 ≥ t2·first (all terms positive)
      const second = new Big(value.right).times(targetFirst);
      const first = new Big(value.left).times(targetSecond);
      return verdict(target.favours === 'second' ? second.gte(first) : first.gte(second));
    }
    case 'reduction': {
      const base = numberOf(inputs.baseline);
      if (base === undefined) return { outcome: 'notAssessable', missing: 'baseline' };
      // value ≤ base·(100 − p)/100  ⇔  value·100 ≤ base·(100 − p)
      return withNumber(value, (v) => verdict(new Big(v).times(100).lte(new Big(base).times(new Big(100).minus(target.percent)))));
    }
    case 'increase':
    case 'decrease':
    case 'notBelowPrevious': {
      const previous = numberOf(inputs.previous);
      if (previous === undefined) return { outcome: 'notAssessable', missing: 'previous' };
      return withNumber(value, (v) =>
        verdict(target.kind === 'increase' ? v > previous : target.kind === 'decrease' ? v < previous : v >= previous),
      );
    }
    case 'relative': {
      const other = numberOf(inputs.other);
      if (other === undefined) return { outcome: 'notAssessable', missing: 'other' };
      return withNumber(value, (v) => verdict(compare(v, target.comparator, other)));
    }
    case 'achieved':
      return value.kind === 'boolean' ? verdict(value.value) : { outcome: 'notAssessable' };
    case 'qualitative':
      return { outcome: 'notAssessable' };
  }
}

function compare(left: number, comparator: '>=' | '>' | '<=' | '<', right: number): boolean {
  switch (comparator) {
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '<':
      return left < right;
  }
}

function numberOf(value: CellValue | undefined): number | undefined {
  return value?.kind === 'number' ? value.value : undefined;
}

function withNumber(value: CellValue, judge: (v: number) => Verdict): Verdict {
  return value.kind === 'number' ? judge(value.value) : { outcome: 'notAssessable' };
}
