import fc from 'fast-check';
import { judgeTarget } from '../../../src/core/assess/judge-target';
import type { CellValue } from '../../../src/core/parse/cell-value';
import { assess, DEFAULTS, target } from './fixtures';

/**
 * Boundary exactness: every number is a decimal with at most 4 decimals, held here as an integer count of
 * 1/10000 (a bigint), so the reference verdict is computed without any floating point. The engine sees the
 * numbers as the parser hands them over (Number of the decimal text). Values are drawn at or next to the
 * boundary most of the time, which is where binary floating point goes wrong.
 */
const RUNS = { numRuns: 1000 };
const ONE = 10_000n;

/** "-12.3400" for -123400n at 4 decimals. */
function decimal(scaled: bigint, decimals = 4): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return `${negative ? '-' : ''}${text}`;
}

const numeric = (scaled: bigint): number => Number(decimal(scaled));
const cell = (scaled: bigint): CellValue => ({ kind: 'number', value: numeric(scaled), text: decimal(scaled) });
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** A non-negative decimal (scaled) up to `max` units, with 0–4 decimals. */
const scaledDecimal = (max: number) =>
  fc.tuple(fc.bigInt({ min: 0n, max: BigInt(max) * ONE }), fc.constantFrom(1n, 10n, 100n, 1000n, 10_000n)).map(([n, step]) => (n / step) * step);
/** A step next to a boundary, in 1/10000: mostly 0 or ±1. */
const nudge = fc.constantFrom(-3n, -1n, -1n, 0n, 0n, 0n, 1n, 1n, 3n);
/** A value at/near `around`, or anywhere. */
const near = (around: bigint, anywhere: bigint, delta: bigint, pickNear: boolean): bigint => (pickNear ? around + delta : anywhere);

test('min and max (strict or not) agree with an exact comparison', () => {
  fc.assert(
    fc.property(scaledDecimal(1000), scaledDecimal(1000), nudge, fc.boolean(), fc.boolean(), fc.constantFrom('min', 'max'), (t, other, delta, pickNear, strict, kind) => {
      const v = near(t, other, delta, pickNear);
      const verdict = judgeTarget(target({ kind, value: numeric(t), strict }), { value: cell(v) }, DEFAULTS).outcome;
      const met = kind === 'min' ? (strict ? v > t : v >= t) : strict ? v < t : v <= t;
      expect(verdict).toBe(met ? 'met' : 'notMet');
    }),
    RUNS,
  );
});

test('approx (both sides and atLeast, own or default tolerance) agrees with |v − t| ≤ tol in integers', () => {
  fc.assert(
    fc.property(
      scaledDecimal(100),
      scaledDecimal(5).filter((tol) => tol > 0n),
      fc.constantFrom('both', 'atLeast'),
      fc.boolean(),
      fc.constantFrom(-1n, 1n),
      nudge,
      fc.boolean(),
      scaledDecimal(110),
      (t, tol, sides, ownTolerance, side, delta, pickNear, other) => {
        const v = near(t + side * tol, other, delta, pickNear);
        const approx = target({ kind: 'approx', value: numeric(t), sides, ...(ownTolerance ? { tolerance: numeric(tol) } : {}) });
        const defaults = ownTolerance ? DEFAULTS : { ...DEFAULTS, approxTolerance: numeric(tol) };
        const met = sides === 'both' ? abs(v - t) <= tol : v - t >= -tol;
        expect(judgeTarget(approx, { value: cell(v) }, defaults).outcome).toBe(met ? 'met' : 'notMet');
      },
    ),
    RUNS,
  );
});

/** gcd of two positive bigints. */
function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

test('reduction agrees with value·10000 ≤ base·(10000 − p·100), percent with up to 2 decimals', () => {
  fc.assert(
    fc.property(
      fc.bigInt({ min: 1n, max: 10_000n }), // percent in 1/100: 0.01%–100%
      fc.bigInt({ min: 0n, max: 20_000n }),
      nudge,
      fc.boolean(),
      scaledDecimal(1000),
      (percentHundredths, multiple, delta, pickNear, other) => {
        const keep = 10_000n - percentHundredths; // (100 − p) in 1/100
        // a base whose threshold base·keep/10000 is itself a 4-decimal number, so the boundary can be hit exactly
        const base = (10_000n / gcd(keep === 0n ? 10_000n : keep, 10_000n)) * multiple;
        const threshold = (base * keep) / 10_000n;
        const v = near(threshold, other, delta, pickNear);
        if (v < 0n) return;
        const t = target({ kind: 'reduction', percent: Number(decimal(percentHundredths, 2)), baseYear: 2020 });
        const met = v * 10_000n <= base * keep;
        expect(judgeTarget(t, { value: cell(v), baseline: cell(base) }, DEFAULTS).outcome).toBe(met ? 'met' : 'notMet');
      },
    ),
    RUNS,
  );
});

test('ratio (either term favoured) agrees with the cross-multiplied comparison in integers', () => {
  const term = fc.bigInt({ min: 1n, max: 1_000n }); // a target term with 2 decimals: 0.01–10
  fc.assert(
    fc.property(term, term, fc.bigInt({ min: 1n, max: 1_000n }), nudge, fc.boolean(), fc.constantFrom('first', 'second'), fc.boolean(), (t1, t2, k, delta, pickNear, favours, flip) => {
      // value terms at 4 decimals: k·t1 : k·t2 is exactly the target ratio; nudge one of them
      let left = k * t1;
      let right = k * t2;
      if (pickNear) {
        if (flip) left += delta;
        else right += delta;
      } else {
        right += k * delta * 37n;
      }
      if (left <= 0n || right <= 0n) return;
      const t = target({ kind: 'ratio', value: [Number(decimal(t1, 2)), Number(decimal(t2, 2))], terms: ['男', '女'], termsEn: ['men', 'women'], favours });
      // scaled: left, right at 1/10000; t1, t2 at 1/100 — the same scale on both sides of each product
      const met = favours === 'second' ? right * t1 >= left * t2 : left * t2 >= right * t1;
      const value: CellValue = { kind: 'ratio', left: numeric(left), right: numeric(right), text: `${decimal(left)}:${decimal(right)}` };
      expect(judgeTarget(t, { value }, DEFAULTS).outcome).toBe(met ? 'met' : 'notMet');
    }),
    RUNS,
  );
});

test('increase, decrease, notBelowPrevious and relative agree with exact comparisons', () => {
  fc.assert(
    fc.property(scaledDecimal(100), nudge, fc.constantFrom('increase', 'decrease', 'notBelowPrevious', '>=', '>', '<=', '<'), (previous, delta, kind) => {
      const v = previous + delta;
      if (v < 0n) return;
      const relative = kind.startsWith('<') || kind.startsWith('>');
      const t = relative
        ? target({ kind: 'relative', comparator: kind, other: '比较值', otherEn: 'other' })
        : target({ kind, compareTo: 'previousYear' });
      const inputs = relative ? { value: cell(v), other: cell(previous) } : { value: cell(v), previous: cell(previous) };
      const expected: Record<string, boolean> = {
        increase: v > previous, decrease: v < previous, notBelowPrevious: v >= previous,
        '>=': v >= previous, '>': v > previous, '<=': v <= previous, '<': v < previous,
      };
      expect(judgeTarget(t, inputs, DEFAULTS).outcome).toBe(expected[kind] ? 'met' : 'notMet');
    }),
    RUNS,
  );
});

describe('end to end: typed text through parsing and assessment', () => {
  test('W-ECO-02 (45%左右, everyYear): typed values with up to 4 decimals are judged exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 430_000n, max: 470_000n }), fc.integer({ min: 2021, max: 2030 }), (v, year) => {
        const status = assess('W-ECO-02', { value: `${decimal(v)}%` }, year).status;
        expect(status).toBe(abs(v - 450_000n) <= ONE ? 'met' : 'notMet');
      }),
      RUNS,
    );
  });

  test('C-SAF-01 (以2020年为基数下降20%) in 2030: typed value and base are judged exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 500_000n }), nudge, fc.boolean(), fc.bigInt({ min: 0n, max: 500_000n }), (base5, delta, pickNear, other) => {
        const base = base5 * 5n; // a multiple of 5/10000 so that base × 0.8 has 4 decimals
        const v = near((base * 8n) / 10n, other, delta, pickNear);
        if (v < 0n) return;
        const status = assess('C-SAF-01', { value: decimal(v), baseline: decimal(base) }, 2030).status;
        expect(status).toBe(v * 10n <= base * 8n ? 'met' : 'notMet');
      }),
      RUNS,
    );
  });
});
