import { confirmsValue, plausibilityCheck, validateValue, validRange } from '../../../src/core/rules/validate-value';
import { assess, codes, expectBilingual, messageWith, num, seeded, testIndicator } from '../assess/fixtures';

describe('a value outside the catalog\'s plausible range (0.95 typed for 95%): an error until confirmed in the 说明', () => {
  test('C-HEA-20 ≥93%: 0.952 is an error that names the range, why, and how to confirm it; no target is judged', () => {
    const result = assess('C-HEA-20', { value: '0.952' }, 2030);
    expect(result).toMatchObject({ status: 'invalid', severity: 'error', targets: [] });
    const error = messageWith(result, 'value.implausible');
    expect(error).toMatchObject({ severity: 'error', field: 'value' });
    expect(error.zh).toContain('不低于2%');
    expect(error.zh).toContain('95%写成0.95');
    expect(error.zh).toContain('【确认】0.952');
    expect(error.en).toContain('at least 2%');
    expect(error.en).toContain('【确认】0.952');
    expectBilingual(result.messages);
  });

  test('any other note does not silence it: a plain explanation, the word alone, another number', () => {
    for (const note of ['数据已核实', '【确认】', '确认0.952', '【确认】0.95', '【确认】9.52', '0.952【确认】']) {
      expect(assess('C-HEA-20', { value: '0.952', note }, 2030)).toMatchObject({ status: 'invalid', severity: 'error' });
    }
  });

  test('confirmed with 【确认】 and the value itself, it is judged as any value, and the confirmation stays visible', () => {
    for (const note of ['【确认】0.952 该年度统计口径调整', '说明：【确认】：0.952%，系新口径', '【确认】 ０．９５２', '[确认]0.952', '［确认］0.952']) {
      const result = assess('C-HEA-20', { value: '0.952', note }, 2030);
      expect({ note, status: result.status }).toEqual({ note, status: 'notMet' });
      expect(messageWith(result, 'value.implausibleConfirmed')).toMatchObject({ severity: 'info' });
    }
    expect(confirmsValue(seeded('C-HEA-20'), num('0.952'), '【确认】0.9520')).toBe(true);
  });

  test('inside the range, on an indicator without one, or not a number: nothing to say', () => {
    expect(codes(assess('C-HEA-20', { value: '95.2' }, 2030))).not.toContain('value.implausible');
    expect(plausibilityCheck(seeded('C-HEA-20'), num('2'), undefined)).toEqual([]);
    expect(plausibilityCheck(seeded('C-HEA-20'), num('1.99'), undefined)).toHaveLength(1);
    expect(plausibilityCheck(seeded('C-HEA-20'), num('0'), undefined)).toHaveLength(1); // a blank typed as 0
    expect(plausibilityCheck(seeded('C-HEA-04'), num('0.5'), undefined)).toEqual([]); // ‰, no range
    expect(plausibilityCheck(seeded('W-HEA-14'), num('0.5'), undefined)).toEqual([]); // ≤2%: tiny rates are normal
    expect(plausibilityCheck(seeded('C-HEA-11'), num('0.8'), undefined)).toEqual([]); // 贫血患病率 ≤10%: low is good
  });

  test('a range of both sides, from the catalog field (a test indicator)', () => {
    const indicator = testIndicator({ unit: '%', plausible: { min: 10, max: 60, reason: { zh: '测试', en: 'test' } }, target: { kind: 'min', value: 30 } });
    expect(plausibilityCheck(indicator, num('70'), undefined)[0]?.zh).toContain('10%—60%');
    expect(plausibilityCheck(indicator, num('70'), '【确认】70')[0]).toMatchObject({ code: 'value.implausibleConfirmed', severity: 'info' });
    expect(plausibilityCheck(indicator, num('40'), undefined)).toEqual([]);
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
