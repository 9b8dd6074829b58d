import type { Field } from '../../../src/core/i18n/message';
import { assess, codes, expectBilingual, messageWith, testIndicator } from './fixtures';

describe('nothing reported', () => {
  test.each([null, undefined, '', '   ', '\u200B'])('blank %p on a numeric unit: noData, an error on the value', (value) => {
    const result = assess('C-HEA-04', { value }, 2030);
    expect(result.status).toBe('noData');
    expect(result.severity).toBe('error');
    expect(result.targets).toEqual([]);
    const missing = messageWith(result, 'value.missing');
    expect(missing).toMatchObject({ severity: 'error', field: 'value' });
    expect(missing.zh).toContain('‰');
    expectBilingual(result.messages);
  });

  test('blank on a text unit (qualitative C-HEA-02): noData, only an info', () => {
    const result = assess('C-HEA-02', { value: null }, 2030);
    expect(result.status).toBe('noData');
    expect(result.severity).toBe('info');
    expect(codes(result)).toEqual(['value.blankQualitative']);
  });

  test('blank on a ratio and a yes/no unit is an error too', () => {
    expect(assess('W-ENV-09', { value: '' }, 2030)).toMatchObject({ status: 'noData', severity: 'error' });
    expect(assess('C-HEA-25', { value: '' }, 2030)).toMatchObject({ status: 'noData', severity: 'error' });
  });
});

describe('a not-available marker (—, 无, 不适用 …)', () => {
  test.each(['—', '-', '无', '不适用', 'N/A'])('%s without a note: invalid, an error on the note field', (value) => {
    for (const note of [undefined, null, '', '   ']) {
      const result = assess('C-HEA-04', { value, note }, 2030);
      expect(result.status).toBe('invalid');
      expect(result.severity).toBe('error');
      const required = messageWith(result, 'note.requiredForNotAvailable');
      expect(required).toMatchObject({ severity: 'error', field: 'note' });
      expect(required.zh).toContain(value);
      expectBilingual(result.messages);
    }
  });

  test('with a note: noData with an info quoting the note', () => {
    const result = assess('C-HEA-04', { value: '—', note: '本年度未开展监测' }, 2030);
    expect(result.status).toBe('noData');
    expect(result.severity).toBe('info');
    const info = messageWith(result, 'value.notAvailable');
    expect(info.severity).toBe('info');
    expect(info.zh).toContain('本年度未开展监测');
    expect(info.en).toContain('本年度未开展监测');
    expect(result.note).toBe('本年度未开展监测');
  });
});

describe('values that cannot be read or cannot be right: invalid, an error naming the field', () => {
  /** [indicator, field, typed text, code] */
  const cases: Array<[string, Field, string, string]> = [
    ['C-HEA-20', 'value', 'abc', 'parse.unrecognised'],
    ['C-HEA-20', 'value', '120', 'value.outOfRange'],
    ['C-HEA-20', 'value', '100.01', 'value.outOfRange'],
    ['C-HEA-20', 'value', '-1', 'value.outOfRange'],
    ['C-HEA-04', 'value', '1000.5', 'value.outOfRange'],
    ['C-HEA-04', 'value', '95%', 'parse.unitMismatch'],
    ['C-WEL-14', 'value', '1.5', 'value.notInteger'],
    ['C-WEL-14', 'value', '-1', 'value.outOfRange'],
    ['W-HEA-07', 'previous', '120', 'value.outOfRange'],
    ['W-HEA-07', 'previous', '约50', 'parse.unrecognised'],
    ['C-SAF-01', 'baseline', '-1', 'value.outOfRange'],
    ['C-SAF-01', 'baseline', 'x', 'parse.unrecognised'],
    ['W-DEC-03', 'other', '120', 'value.outOfRange'],
    ['W-DEC-03', 'other', '三十', 'parse.unrecognised'],
    ['W-ENV-09', 'value', '0:3', 'parse.ratioNotPositive'],
    ['C-HEA-25', 'value', '也许', 'parse.unrecognised'],
  ];
  test.each(cases)('%s %s = %p → %s', (id, field, text, code) => {
    const inputs = { value: field === 'value' ? text : '50', ...(field === 'value' ? {} : { [field]: text }) };
    const result = assess(id, inputs, 2030);
    expect(result.status).toBe('invalid');
    expect(result.severity).toBe('error');
    expect(result.targets).toEqual([]);
    const error = messageWith(result, code);
    expect(error).toMatchObject({ severity: 'error', field });
    expect(error.zh).toContain({ value: '本年值', previous: '上年值', baseline: '基期值', other: '比较值' }[field as string]);
    expectBilingual(result.messages);
  });

  test('a range error quotes the value and the valid range', () => {
    const error = messageWith(assess('C-HEA-20', { value: '120' }, 2030), 'value.outOfRange');
    expect(error.zh).toContain('120');
    expect(error.zh).toContain('0—100');
    expect(error.en).toMatch(/^This year's value 120 is out of range/);
    const previous = messageWith(assess('W-HEA-07', { value: '50', previous: '120' }, 2030), 'value.outOfRange');
    expect(previous.en).toMatch(/^The previous value 120 is out of range/);
  });

  test('a count error says it must be a whole number', () => {
    const error = messageWith(assess('C-WEL-14', { value: '1.5', unitId: 'mosha' }, 2030), 'value.notInteger');
    expect(error.zh).toContain('整数');
    expect(error.en).toMatch(/^This year's value 1\.5 must be a whole number/);
  });

  test('previous-term indicators call the previous value 上届值 in errors', () => {
    const parse = messageWith(assess('W-DEC-06', { value: '20', previous: 'abc' }, 2030), 'parse.unrecognised');
    expect(parse.field).toBe('previous');
    expect(parse.zh).toContain('上届值');
    expect(parse.zh).not.toContain('上年值');
    expect(parse.en).toContain("previous term's value");
    const range = messageWith(assess('W-DEC-06', { value: '20', previous: '120' }, 2030), 'value.outOfRange');
    expect(range.zh).toContain('上届值120');
    expect(range.en).toMatch(/^The previous term's value 120/);
  });

  test('every bad input is reported, not only the first', () => {
    const result = assess('W-HEA-07', { value: '120', previous: '-5' }, 2030);
    expect(result.messages.map((m) => [m.code, m.field])).toEqual([
      ['value.outOfRange', 'value'],
      ['value.outOfRange', 'previous'],
    ]);
  });

  test('an error in an input blocks judging even when the value itself is fine', () => {
    const result = assess('C-SAF-01', { value: '4', baseline: 'x' }, 2030);
    expect(result.status).toBe('invalid');
    expect(codes(result)).not.toContain('assess.met');
  });

  test("an indicator's own range narrows its unit's", () => {
    const hours = testIndicator({ unit: '学时', range: { max: 10000 }, target: { kind: 'min', value: 360 } });
    expect(assess(hours, { value: '10000' }, 2030).status).toBe('met');
    const error = messageWith(assess(hours, { value: '10001' }, 2030), 'value.outOfRange');
    expect(error.zh).toContain('0—10000');
    const floor = testIndicator({ unit: '%', range: { min: 20 }, target: { kind: 'min', value: 50 } });
    expect(assess(floor, { value: '19.99' }, 2030).status).toBe('invalid');
    expect(assess(floor, { value: '20' }, 2030).status).toBe('notMet');
  });
});

test('a value typed as a spreadsheet number is judged like the same text', () => {
  expect(assess('C-HEA-04', { value: 3.5 }, 2030).status).toBe('met');
  expect(assess('C-HEA-20', { value: 92.99999999999999 }, 2030).status).toBe('met');
  expect(assess('C-HEA-25', { value: true }, 2030).status).toBe('met');
});
