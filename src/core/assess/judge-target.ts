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
const NOT_ASSESSABLE: Verdict = { outcome: 'notAssessable' };
const MISSING_BASELINE: Verdict = { outcome: 'notAssessable', missing: 'baseline' };
const MISSING_PREVIOUS: Verdict = { outcome: 'notAssessable', missing: 'previous' };
const MISSING_OTHER: Verdict = { outcome: 'notAssessable', missing: 'other' };

function verdict(met: boolean): Verdict {
  return met ? MET : NOT_MET;
}

/**
 * Judges a value against one target, exactly at the boundary: comparisons between entered numbers and
 * target numbers are exact because both are short decimals; derived thresholds (base × 80%, target ±
 * tolerance, ratios) are computed in decimal arithmetic (big.js), never in binary floating point.
 */
export function judgeTarget(target: Target, inputs: JudgeInputs, defaults: CatalogDefaults): Verdict {
  const { value } = inputs;
  // (no closures here: this runs for every cell of every check)
  const v = value.kind === 'number' ? value.value : undefined;
  switch (target.kind) {
    case 'min':
      if (v === undefined) return NOT_ASSESSABLE;
      return verdict(target.strict ? v > target.value : v >= target.value);
    case 'max':
      if (v === undefined) return NOT_ASSESSABLE;
      return verdict(target.strict ? v < target.value : v <= target.value);
    case 'count':
      if (v === undefined) return NOT_ASSESSABLE;
      return verdict(v >= target.value);
    case 'approx': {
      if (v === undefined) return NOT_ASSESSABLE;
      const deviation = new Big(v).minus(target.value);
      const tolerance = approxTolerance(target, defaults);
      return verdict(target.sides === 'both' ? deviation.abs().lte(tolerance) : deviation.gte(-tolerance));
    }
    case 'ratio': {
      if (value.kind !== 'ratio') return NOT_ASSESSABLE;
      const [targetFirst, targetSecond] = target.value;
      // second/first ≥ t2/t1  ⇔  second·t1 ≥ t2·first (all terms positive)
      const second = new Big(value.right).times(targetFirst);
      const first = new Big(value.left).times(targetSecond);
      return verdict(target.favours === 'second' ? second.gte(first) : first.gte(second));
    }
    case 'reduction': {
      const base = numberOf(inputs.baseline);
      if (base === undefined) return MISSING_BASELINE;
      if (v === undefined) return NOT_ASSESSABLE;
      // value ≤ base·(100 − p)/100  ⇔  value·100 ≤ base·(100 − p)
      return verdict(new Big(v).times(100).lte(new Big(base).times(new Big(100).minus(target.percent))));
    }
    case 'increase':
    case 'decrease':
    case 'notBelowPrevious': {
      const previous = numberOf(inputs.previous);
      if (previous === undefined) return MISSING_PREVIOUS;
      if (v === undefined) return NOT_ASSESSABLE;
      return verdict(target.kind === 'increase' ? v > previous : target.kind === 'decrease' ? v < previous : v >= previous);
    }
    case 'relative': {
      const other = numberOf(inputs.other);
      if (other === undefined) return MISSING_OTHER;
      if (v === undefined) return NOT_ASSESSABLE;
      return verdict(compare(v, target.comparator, other));
    }
    case 'achieved':
      return value.kind === 'boolean' ? verdict(value.value) : NOT_ASSESSABLE;
    case 'qualitative':
      return NOT_ASSESSABLE;
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
