import { judgeTarget, type JudgeInputs } from '../../../src/core/assess/judge-target';
import type { Target } from '../../../src/core/catalog/target-schema';
import type { CellValue } from '../../../src/core/parse/cell-value';
import { seedCatalog } from '../../../src/seed-catalog';
import { DEFAULTS, num, ratio, seeded, target, yes } from './fixtures';

const judge = (t: Target, value: CellValue, extra: Omit<JudgeInputs, 'value'> = {}, defaults = DEFAULTS) =>
  judgeTarget(t, { value, ...extra }, defaults).outcome;

/** [value text, expected outcome] rows against one target. */
function expectTable(t: Target, rows: ReadonlyArray<readonly [string, 'met' | 'notMet']>): void {
  for (const [value, expected] of rows) {
    expect({ value, outcome: judge(t, num(value)) }).toEqual({ value, outcome: expected });
  }
}

test('the fixtures use the defaults of both shipped catalogs', () => {
  expect(seedCatalog().plans.children.defaults).toEqual(DEFAULTS);
  expect(seedCatalog().plans.women.defaults).toEqual(DEFAULTS);
});

describe('min (≥, > when strict)', () => {
  test('C-HEA-20 ≥93: the target itself meets it, anything below misses', () => {
    expectTable(seeded('C-HEA-20').target, [['93', 'met'], ['100', 'met'], ['93.0001', 'met'], ['92.9999', 'notMet'], ['0', 'notMet']]);
  });
  test('strict (高于): the number itself misses', () => {
    expectTable(target({ kind: 'min', value: 93, strict: true }), [['93', 'notMet'], ['93.0001', 'met'], ['92', 'notMet']]);
  });
});

describe('max (≤, < when strict) — direction-aware', () => {
  test('C-HEA-04 婴儿死亡率 ≤3.5‰: a rate below its ceiling meets it', () => {
    expectTable(seeded('C-HEA-04').target, [['3.5', 'met'], ['2', 'met'], ['0', 'met'], ['3.5001', 'notMet'], ['3.51', 'notMet'], ['12.41', 'notMet']]);
  });
  test('strict (低于): the number itself misses', () => {
    expectTable(target({ kind: 'max', value: 3.5, strict: true }), [['3.5', 'notMet'], ['3.4999', 'met'], ['0', 'met'], ['4', 'notMet']]);
  });
});

describe('approx (左右)', () => {
  test('W-ECO-02 45%左右 both sides, default tolerance 1: 44 and 46 met, 43.99 and 46.01 not', () => {
    const t = seeded('W-ECO-02').target;
    expect(t).toMatchObject({ kind: 'approx', value: 45, sides: 'both' });
    expectTable(t, [['44', 'met'], ['45', 'met'], ['46', 'met'], ['43.99', 'notMet'], ['46.01', 'notMet'], ['43.9999', 'notMet'], ['46.0001', 'notMet'], ['60', 'notMet']]);
  });
  test('W-ECO-04 达到40.5%左右 (atLeast): exceeding it meets it, tolerance below', () => {
    expectTable(seeded('W-ECO-04').target, [['39.5', 'met'], ['40.5', 'met'], ['100', 'met'], ['39.49', 'notMet'], ['39.4999', 'notMet']]);
  });
  test('an own decimal tolerance is exact at both ends (45.3 ± 0.3)', () => {
    expectTable(target({ kind: 'approx', value: 45.3, sides: 'both', tolerance: 0.3 }), [
      ['45', 'met'], ['45.6', 'met'], ['45.3', 'met'], ['44.9999', 'notMet'], ['45.6001', 'notMet'],
    ]);
    expectTable(target({ kind: 'approx', value: 0.3, sides: 'atLeast', tolerance: 0.1 }), [['0.2', 'met'], ['0.1999', 'notMet']]);
  });
  test('without an own tolerance the catalog default applies', () => {
    const t = target({ kind: 'approx', value: 45, sides: 'both' });
    const wide = { ...DEFAULTS, approxTolerance: 2.5 };
    expect(judge(t, num('42.5'), {}, wide)).toBe('met');
    expect(judge(t, num('47.5'), {}, wide)).toBe('met');
    expect(judge(t, num('42.4999'), {}, wide)).toBe('notMet');
    expect(judge(t, num('47.5001'), {}, wide)).toBe('notMet');
    // an own tolerance wins over the default
    expect(judge(target({ kind: 'approx', value: 45, sides: 'both', tolerance: 0.5 }), num('44'), {}, wide)).toBe('notMet');
  });
});

describe('ratio', () => {
  test('W-ENV-09 男女厕位 2:3 favouring women: 2:3, 1:2, 4:6 met; 1:1, 3:4 not', () => {
    const t = seeded('W-ENV-09').target;
    const rows: Array<[string, string, 'met' | 'notMet']> = [
      ['2', '3', 'met'], ['1', '2', 'met'], ['4', '6', 'met'], ['2', '10', 'met'],
      ['1', '1', 'notMet'], ['3', '4', 'notMet'], ['3', '2', 'notMet'], ['2.01', '3', 'notMet'],
    ];
    for (const [l, r, expected] of rows) expect(`${l}:${r} ${judge(t, ratio(l, r))}`).toBe(`${l}:${r} ${expected}`);
  });
  test('exact with decimals, where binary floating point would get the boundary wrong', () => {
    const t23 = seeded('W-ENV-09').target;
    expect(judge(t23, ratio('1.5', '2.25'))).toBe('met');
    expect(judge(t23, ratio('1.5', '2.2499'))).toBe('notMet');
    // 0.1 × 3 = 0.30000000000000004 in binary: the exact answer is equality, which meets 1:3
    const t13 = target({ kind: 'ratio', value: [1, 3], terms: ['男', '女'], termsEn: ['men', 'women'], favours: 'second' });
    expect(judge(t13, ratio('0.1', '0.3'))).toBe('met');
    expect(judge(t13, ratio('0.1', '0.2999'))).toBe('notMet');
  });
  test('favouring the first term', () => {
    const t = target({ kind: 'ratio', value: [3, 2], terms: ['甲', '乙'], termsEn: ['a', 'b'], favours: 'first' });
    expect(judge(t, ratio('3', '2'))).toBe('met');
    expect(judge(t, ratio('4', '2'))).toBe('met');
    expect(judge(t, ratio('2', '2'))).toBe('notMet');
    expect(judge(t, ratio('2.9999', '2'))).toBe('notMet');
  });
  test('a number is not a ratio', () => {
    expect(judgeTarget(seeded('W-ENV-09').target, { value: num('0.66') }, DEFAULTS)).toEqual({ outcome: 'notAssessable' });
  });
});

describe('reduction (以2020年为基数下降20%)', () => {
  const t = seeded('C-SAF-01').target;
  test('value ≤ base × 80%, exactly', () => {
    expect(judge(t, num('4.8'), { baseline: num('6') })).toBe('met');
    expect(judge(t, num('4.81'), { baseline: num('6') })).toBe('notMet');
    expect(judge(t, num('4.8001'), { baseline: num('6') })).toBe('notMet');
    expect(judge(t, num('0'), { baseline: num('6') })).toBe('met');
    expect(judge(t, num('0.24'), { baseline: num('0.3') })).toBe('met');
    expect(judge(t, num('0.2401'), { baseline: num('0.3') })).toBe('notMet');
  });
  test('a fractional percentage (12.5%)', () => {
    const t125 = target({ kind: 'reduction', percent: 12.5, baseYear: 2020 });
    expect(judge(t125, num('7'), { baseline: num('8') })).toBe('met');
    expect(judge(t125, num('7.0001'), { baseline: num('8') })).toBe('notMet');
  });
  test('without a usable base-year value it cannot be judged and says so', () => {
    expect(judgeTarget(t, { value: num('4') }, DEFAULTS)).toEqual({ outcome: 'notAssessable', missing: 'baseline' });
    expect(judgeTarget(t, { value: num('4'), baseline: { kind: 'blank' } }, DEFAULTS)).toEqual({ outcome: 'notAssessable', missing: 'baseline' });
  });
});

test('count (至少1名): a whole number ≥ N', () => {
  const t = seeded('C-WEL-14').target;
  expectTable(t, [['1', 'met'], ['3', 'met'], ['0', 'notMet']]);
  expectTable(target({ kind: 'count', value: 2 }), [['2', 'met'], ['1', 'notMet']]);
});

describe('increase / decrease / notBelowPrevious', () => {
  const cases: Array<[string, string, string, 'met' | 'notMet']> = [
    ['increase', '5', '4', 'met'], ['increase', '4', '4', 'notMet'], ['increase', '3.9999', '4', 'notMet'], ['increase', '4.0001', '4', 'met'],
    ['decrease', '3', '4', 'met'], ['decrease', '4', '4', 'notMet'], ['decrease', '4.0001', '4', 'notMet'], ['decrease', '3.9999', '4', 'met'],
    ['notBelowPrevious', '4', '4', 'met'], ['notBelowPrevious', '5', '4', 'met'], ['notBelowPrevious', '3.9999', '4', 'notMet'],
  ];
  test.each(cases)('%s: %s against previous %s → %s', (kind, value, previous, expected) => {
    for (const compareTo of ['previousYear', 'previousTerm']) {
      expect(judge(target({ kind, compareTo }), num(value), { previous: num(previous) })).toBe(expected);
    }
  });
  test.each(['increase', 'decrease', 'notBelowPrevious'])('%s without a previous value cannot be judged', (kind) => {
    expect(judgeTarget(target({ kind, compareTo: 'previousYear' }), { value: num('4') }, DEFAULTS)).toEqual({ outcome: 'notAssessable', missing: 'previous' });
    expect(judgeTarget(target({ kind, compareTo: 'previousTerm' }), { value: num('4'), previous: { kind: 'notAvailable', marker: '—' } }, DEFAULTS))
      .toEqual({ outcome: 'notAssessable', missing: 'previous' });
  });
  test('the real catalog: W-DEC-06 不低于上届', () => {
    expect(judge(seeded('W-DEC-06').target, num('20'), { previous: num('20') })).toBe('met');
    expect(judge(seeded('W-DEC-06').target, num('19.99'), { previous: num('20') })).toBe('notMet');
  });
});

describe('relative', () => {
  const rows: Array<['>=' | '>' | '<=' | '<', string, string, 'met' | 'notMet']> = [
    ['>=', '30', '30', 'met'], ['>=', '30.01', '30', 'met'], ['>=', '29.99', '30', 'notMet'],
    ['>', '30', '30', 'notMet'], ['>', '30.01', '30', 'met'], ['>', '29', '30', 'notMet'],
    ['<=', '30', '30', 'met'], ['<=', '29.99', '30', 'met'], ['<=', '30.01', '30', 'notMet'],
    ['<', '30', '30', 'notMet'], ['<', '29.99', '30', 'met'], ['<', '31', '30', 'notMet'],
  ];
  test.each(rows)('%s: %s against %s → %s', (comparator, value, other, expected) => {
    const t = target({ kind: 'relative', comparator, other: '比较值', otherEn: 'comparison' });
    expect(judge(t, num(value), { other: num(other) })).toBe(expected);
  });
  test('W-DEC-03 (≥ 党员中女性比例) without the other value cannot be judged', () => {
    expect(judge(seeded('W-DEC-03').target, num('30'), { other: num('30') })).toBe('met');
    expect(judgeTarget(seeded('W-DEC-03').target, { value: num('30') }, DEFAULTS)).toEqual({ outcome: 'notAssessable', missing: 'other' });
  });
});

test('achieved: 是 meets it, 否 does not', () => {
  const t = seeded('C-HEA-25').target;
  expect(judge(t, yes(true))).toBe('met');
  expect(judge(t, yes(false))).toBe('notMet');
  expect(judge(t, num('1'))).toBe('notAssessable');
});

test('qualitative is never judged, whatever was entered', () => {
  const t = seeded('C-ENV-09').target;
  expect(t.kind).toBe('qualitative');
  for (const value of [num('100'), { kind: 'text', text: '基本普及' } as const, yes(true)]) {
    expect(judgeTarget(t, { value }, DEFAULTS)).toEqual({ outcome: 'notAssessable' });
  }
});

test('numeric kinds do not judge a value that is not a number', () => {
  const text: CellValue = { kind: 'text', text: '93' };
  for (const t of [seeded('C-HEA-20').target, seeded('C-HEA-04').target, seeded('W-ECO-02').target, seeded('C-WEL-14').target]) {
    expect(judgeTarget(t, { value: text }, DEFAULTS).outcome).toBe('notAssessable');
  }
});
