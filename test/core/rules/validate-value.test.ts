import { plausibilityWarnings, validateValue, validRange } from '../../../src/core/rules/validate-value';
import { assess, codes, expectBilingual, messageWith, num, seeded, testIndicator } from '../assess/fixtures';

describe('a percentage that looks like a fraction (0.952 meant as 95.2%)', () => {
  test('C-HEA-20 ≥93%: 0.952 is not met and warned about, suggesting 95.2%', () => {
    const result = assess('C-HEA-20', { value: '0.952' }, 2030);
    expect(result.status).toBe('notMet');
    const warning = messageWith(result, 'value.looksLikeFraction');
    expect(warning).toMatchObject({ severity: 'warning', field: 'value' });
    expect(warning.zh).toContain('95.2%');
    expect(warning.zh).toContain('93%');
    expect(warning.en).toContain('95.2%');
    expectBilingual(result.messages);
  });

  test('no warning for a real percentage, for 0 or 1, for other units, or for small targets', () => {
    expect(codes(assess('C-HEA-20', { value: '95.2' }, 2030))).not.toContain('value.looksLikeFraction');
    expect(plausibilityWarnings(seeded('C-HEA-20'), num('1'))).toEqual([]);
    expect(plausibilityWarnings(seeded('C-HEA-20'), num('0'))).toEqual([]);
    expect(plausibilityWarnings(seeded('C-HEA-20'), num('0.999'))).toHaveLength(1);
    expect(plausibilityWarnings(seeded('C-HEA-04'), num('0.5'))).toEqual([]); // ‰
    expect(plausibilityWarnings(seeded('W-HEA-14'), num('0.5'))).toEqual([]); // ≤2%: tiny rates are normal
    expect(plausibilityWarnings(seeded('W-HEA-07'), num('0.5'))).toEqual([]); // increase: no number to compare with
  });

  test('only floors make a tiny value suspicious: a milestone floor counts, a ceiling does not', () => {
    expect(plausibilityWarnings(seeded('C-ENV-09'), num('0.7'))).toHaveLength(1); // ≥70% by 2025, qualitative 2030
    expect(plausibilityWarnings(seeded('C-HEA-11'), num('0.8'))).toEqual([]); // 贫血患病率 ≤10%: low is good
    expect(plausibilityWarnings(seeded('W-ECO-02'), num('0.45'))).toHaveLength(1); // 45%左右
  });
});

describe('validateValue', () => {
  const rate = seeded('C-HEA-20');
  test('inside the unit range: nothing to say, at both ends', () => {
    expect(validateValue(rate, num('0'), 'value')).toEqual([]);
    expect(validateValue(rate, num('100'), 'value')).toEqual([]);
  });
  test('outside: an error on the given field', () => {
    const [high] = validateValue(rate, num('100.0001'), 'baseline');
    expect(high).toMatchObject({ code: 'value.outOfRange', severity: 'error', field: 'baseline' });
    expect(high?.zh).toContain('基期值100.0001');
    expect(high?.en).toMatch(/^The base-year value 100\.0001 is out of range/);
    expect(validateValue(rate, num('-0.0001'), 'other')[0]).toMatchObject({ code: 'value.outOfRange', field: 'other' });
  });
  test('counts must be whole and not negative; both problems are reported', () => {
    const count = seeded('C-WEL-14');
    expect(validateValue(count, num('2'), 'value')).toEqual([]);
    expect(validateValue(count, num('-1.5'), 'value').map((m) => m.code)).toEqual(['value.outOfRange', 'value.notInteger']);
    expect(validateValue(count, num('1000000'), 'value')).toEqual([]);
  });
  test('the 百分点 unit allows negative changes', () => {
    expect(validateValue(seeded('W-HEA-23'), num('-3.5'), 'value')).toEqual([]);
    expect(validateValue(seeded('W-HEA-23'), num('-100.5'), 'value')).toHaveLength(1);
  });
  test('non-numbers are not range-checked', () => {
    expect(validateValue(rate, { kind: 'blank' }, 'value')).toEqual([]);
    expect(validateValue(seeded('W-ENV-09'), { kind: 'ratio', left: 2, right: 3, text: '2:3' }, 'value')).toEqual([]);
  });
  test('validRange: the indicator range, else the unit range', () => {
    expect(validRange(rate)).toEqual({ min: 0, max: 100 });
    expect(validRange(seeded('C-EDU-13'))).toEqual({ min: 0, max: 10000 });
    expect(validRange(testIndicator({ unit: '‰', range: { min: 1 }, target: { kind: 'max', value: 5 } }))).toEqual({ min: 1, max: 1000 });
  });
});
