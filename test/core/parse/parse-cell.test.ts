import { parseCell, type ParseOutcome } from '../../../src/core/parse/parse-cell';
import type { CellValue, RawCell } from '../../../src/core/parse/cell-value';
import { UNITS, UNIT_IDS, type UnitId } from '../../../src/core/catalog/units';
import { FIELD_LABELS, type Field, type Message } from '../../../src/core/i18n/message';

function parse(raw: RawCell, unit: UnitId, field?: Field): ParseOutcome {
  return parseCell(raw, UNITS[unit], field);
}

/** The value of a cell that must parse; the failure message is shown if it does not. */
function valueOf(raw: RawCell, unit: UnitId, field?: Field): CellValue {
  const outcome = parse(raw, unit, field);
  if (!outcome.ok) throw new Error(`expected ${JSON.stringify(raw)} (${unit}) to parse, got ${outcome.message.code}: ${outcome.message.en}`);
  return outcome.value;
}

/** The message of a cell that must be refused. */
function messageOf(raw: RawCell, unit: UnitId, field?: Field): Message {
  const outcome = parse(raw, unit, field);
  if (outcome.ok) throw new Error(`expected ${JSON.stringify(raw)} (${unit}) to be refused, got ${JSON.stringify(outcome.value)}`);
  return outcome.message;
}

function numberOf(raw: RawCell, unit: UnitId): { value: number; text: string } {
  const value = valueOf(raw, unit);
  if (value.kind !== 'number') throw new Error(`expected a number for ${JSON.stringify(raw)}, got ${value.kind}`);
  return { value: value.value, text: value.text };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUMBER_UNITS = UNIT_IDS.filter((id) => UNITS[id].valueKind === 'number');
const SAMPLE_UNITS: UnitId[] = ['%', '名', '比例', '是/否', '文字'];

describe('parseCell: plain numbers', () => {
  it.each([
    ['95', 95],
    ['95.2', 95.2],
    ['0', 0],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['+5', 5],
    ['-3.5', -3.5],
    ['100', 100],
    ['  95.2  ', 95.2],
    ['\t95\n', 95],
  ])('reads %j as %p', (raw, expected) => {
    expect(numberOf(raw, '%').value).toBe(expected);
  });

  it.each([
    ['９５．２％', 95.2],
    ['９５．２', 95.2],
    ['９５', 95],
    ['－３．５', -3.5],
    ['＋５', 5],
    ['\u3000９５\u3000', 95],
    ['\u00A095\u00A0', 95],
    ['95．2', 95.2],
    ['９5.２', 95.2],
  ])('folds full-width %j to %p', (raw, expected) => {
    expect(numberOf(raw, '%').value).toBe(expected);
  });

  it('accepts the Unicode minus sign', () => {
    expect(numberOf('−3.5', '百分点').value).toBe(-3.5);
  });

  it.each([
    ['095.20', 95.2, '95.2'],
    ['00', 0, '0'],
    ['0.0', 0, '0'],
    ['007', 7, '7'],
    ['+5.50', 5.5, '5.5'],
    ['.50', 0.5, '0.5'],
    ['1,234.500', 1234.5, '1234.5'],
    ['1000000000000000000000', 1e21, '1000000000000000000000'],
    ['0.0000001', 1e-7, '0.0000001'],
    ['0.000000000000000000001', 1e-21, '0.000000000000000000001'],
  ])('gives %j the value %p and the canonical text %j', (raw, value, text) => {
    expect(numberOf(raw, '%')).toEqual({ value, text });
  });

  it.each(['-0', '-0.0', '－０', '+0', '-00.000'])('reads %j as positive zero with text "0"', (raw) => {
    const number = numberOf(raw, '%');
    expect(Object.is(number.value, 0)).toBe(true);
    expect(number.text).toBe('0');
  });

  it('ignores zero-width characters and directional marks around and inside a number', () => {
    expect(numberOf('\u200B95\u200B', '%').value).toBe(95);
    expect(numberOf('\uFEFF95.2%', '%').value).toBe(95.2);
    expect(numberOf('\u200E95\u200F', '%').value).toBe(95);
    expect(numberOf('9\u200B5', '%').value).toBe(95);
  });

  it('refuses a number wrapped in a right-to-left override, which displays as another number', () => {
    // U+202E makes "95" display as "59": the value shown and the value read would differ
    expect(messageOf('\u202E95', '%').code).toBe('parse.unrecognised');
    expect(messageOf('\u206795\u2069', '%').code).toBe('parse.unrecognised');
  });
});

describe('parseCell: thousands separators', () => {
  it.each([
    ['1,234', 1234],
    ['12,345', 12345],
    ['123,456', 123456],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    ['-1,234', -1234],
    ['１，２３４', 1234],
    ['1,234人', 1234],
  ])('accepts %j as %p', (raw, expected) => {
    const unit: UnitId = raw.endsWith('人') ? '人' : '%';
    expect(numberOf(raw, unit).value).toBe(expected);
  });

  it.each([
    '1,23',
    '12,34',
    '1,2345',
    '1234,567',
    '1,234,56',
    '1,23,456',
    '0,123',
    '00,123',
    ',123',
    ',5',
    '1,',
    '95,5',
    '95,5%',
    '1.234,5',
    '1,234.5,6',
    '１，２３',
  ])('refuses %j with parse.thousandsSeparator', (raw) => {
    const message = messageOf(raw, '%');
    expect(message.code).toBe('parse.thousandsSeparator');
    expect(message.zh).toContain('千位分隔符');
    expect(message.en).toContain('thousands separators');
  });
});

describe('parseCell: unit suffixes', () => {
  it.each<[string, UnitId, number]>([
    ['95%', '%', 95],
    ['95 %', '%', 95],
    ['95.2％', '%', 95.2],
    ['3.5‰', '‰', 3.5],
    ['2.5百分点', '百分点', 2.5],
    ['-2.5个百分点', '百分点', -2.5],
    ['9/10万', '1/10万', 9],
    ['9/100000', '1/10万', 9],
    ['9／10万', '1/10万', 9],
    ['15/10万活产', '1/10万活产', 15],
    ['15/10万', '1/10万活产', 15],
    ['1.12名', '名/千人', 1.12],
    ['1.12名/千人', '名/千人', 1.12],
    ['1.12/千人', '名/千人', 1.12],
    ['12名', '名', 12],
    ['12人', '名', 12],
    ['12人', '人', 12],
    ['3个', '个', 3],
    ['3所', '所', 3],
    ['3家', '家', 3],
    ['3次', '次', 3],
    ['8小时', '小时', 8],
    ['8h', '小时', 8],
    ['8H', '小时', 8],
    ['16学时', '学时', 16],
    ['18岁', '岁', 18],
    ['9.5年', '年', 9.5],
  ])('reads %j for unit %s as %p', (raw, unit, expected) => {
    expect(numberOf(raw, unit).value).toBe(expected);
  });

  it.each<[string, UnitId, string]>([
    ['5%', '‰', '%'],
    ['5‰', '%', '‰'],
    ['5个百分点', '%', '个百分点'],
    ['5百分点', '%', '百分点'],
    ['5%', '百分点', '%'],
    ['9/10万活产', '1/10万', '/10万活产'],
    ['9/10万', '%', '/10万'],
    ['3人', '个', '人'],
    ['3个', '人', '个'],
    ['2h', '学时', 'h'],
    ['2学时', '小时', '学时'],
    ['20岁', '年', '岁'],
    ['１０％', '‰', '%'],
  ])('refuses %j for unit %s with parse.unitMismatch naming %j', (raw, unit, foreign) => {
    const message = messageOf(raw, unit);
    expect(message.code).toBe('parse.unitMismatch');
    expect(message.zh).toContain(`“${foreign}”`);
    expect(message.zh).toContain(unit);
    expect(message.en).toContain(`"${foreign}"`);
    expect(message.en).toContain(`"${unit}"`);
  });

  it.each(['95kg', '95%%', '95 percent', '%95', '95%5', '95元'])('refuses the unknown suffix in %j as unrecognised', (raw) => {
    expect(messageOf(raw, '%').code).toBe('parse.unrecognised');
  });
});

describe('parseCell: ratios', () => {
  it.each([
    ['2:3', 2, 3],
    ['2：3', 2, 3],
    ['2∶3', 2, 3],
    ['2比3', 2, 3],
    ['２：３', 2, 3],
    [' 2 : 3 ', 2, 3],
    ['1.5:2.50', 1.5, 2.5],
    ['02:3', 2, 3],
    ['100:107.5', 100, 107.5],
  ])('reads %j as %p:%p', (raw, left, right) => {
    expect(valueOf(raw, '比例')).toEqual({ kind: 'ratio', left, right, text: `${left}:${right}` });
  });

  it.each(['0:3', '3:0', '0.0:1', '0:0', '00:5'])('refuses %j: both terms must be positive', (raw) => {
    const message = messageOf(raw, '比例');
    expect(message.code).toBe('parse.ratioNotPositive');
    expect(message.zh).toContain(raw);
    expect(message.en).toContain(raw);
  });

  it.each(['2:3:4', '-2:3', '2/3', '2:', ':3', '2:3%', '二比三', 'a:b', '2,000:3', '2。5:1', '2;3'])(
    'refuses %j as unrecognised',
    (raw) => {
      expect(messageOf(raw, '比例').code).toBe('parse.unrecognised');
    },
  );

  it('refuses a ratio with a term of more than 15 significant digits', () => {
    expect(messageOf('1234567890123456:1', '比例').code).toBe('parse.tooPrecise');
    expect(messageOf('1:0.1234567890123456', '比例').code).toBe('parse.tooPrecise');
  });

  it('refuses a ratio whose term overflows instead of returning Infinity', () => {
    expect(messageOf(`1${'0'.repeat(400)}:1`, '比例').code).toBe('parse.notRepresentable');
  });

  it('writes very large terms without an exponent', () => {
    expect(valueOf('1000000000000000000000:1', '比例')).toEqual({ kind: 'ratio', left: 1e21, right: 1, text: '1000000000000000000000:1' });
  });

  it('refuses a ratio typed with spaces between digits', () => {
    expect(messageOf('1 2:3', '比例').code).toBe('parse.spaceInNumber');
  });

  it('refuses a ratio that Excel turned into a number (a time of day)', () => {
    const message = messageOf(2 / 24 + 3 / 1440, '比例');
    expect(message.code).toBe('parse.ratioAsNumber');
    expect(message.zh).toContain('文本格式');
  });

  it('refuses a ratio that Excel turned into a date, suggesting the full-width colon', () => {
    const message = messageOf(new Date(Date.UTC(1899, 11, 30, 2, 3)), '比例');
    expect(message.code).toBe('parse.date');
    expect(message.zh).toContain('2：3');
    expect(message.en).toContain('2：3');
  });
});

describe('parseCell: yes/no', () => {
  it.each(['是', '已建成', '已建立', '已开展', '已完成', '已实现', '已设立', '已配备', '已达到', '√', '✓', 'Y', 'y', 'yes', 'Yes', 'TRUE', 'true', ' 是 ', 'ＹＥＳ'])(
    'reads %j as yes',
    (raw) => {
      expect(valueOf(raw, '是/否')).toEqual({ kind: 'boolean', value: true, text: '是' });
    },
  );

  it.each(['否', '未建成', '未建立', '未开展', '未完成', '未实现', '未设立', '未配备', '未达到', '×', '✗', 'N', 'n', 'no', 'No', 'FALSE', 'false'])(
    'reads %j as no',
    (raw) => {
      expect(valueOf(raw, '是/否')).toEqual({ kind: 'boolean', value: false, text: '否' });
    },
  );

  it('reads spreadsheet booleans', () => {
    expect(valueOf(true, '是/否')).toEqual({ kind: 'boolean', value: true, text: '是' });
    expect(valueOf(false, '是/否')).toEqual({ kind: 'boolean', value: false, text: '否' });
  });

  it.each(['1', '0', 'maybe', '是否', '部分完成', '是的', '已', '有'])('refuses %j as unrecognised', (raw) => {
    const message = messageOf(raw, '是/否');
    expect(message.code).toBe('parse.unrecognised');
    expect(message.zh).toContain(UNITS['是/否'].expectZh);
  });

  it.each([1, 0])('refuses the number %p', (raw) => {
    expect(messageOf(raw, '是/否').code).toBe('parse.notYesNo');
  });
});

describe('parseCell: blanks', () => {
  const blanks: RawCell[] = ['', ' ', '  ', '\t\n', '\u3000', '\u00A0', null, undefined, '\u200B', '\u200B\u200C\u200D', '\uFEFF', ' \u200B ', '\u2060'];
  it.each(SAMPLE_UNITS)('reads every blank as blank for unit %s', (unit) => {
    for (const raw of blanks) expect([raw, valueOf(raw, unit)]).toEqual([raw, { kind: 'blank' }]);
  });
});

describe('parseCell: not-available markers', () => {
  it.each([
    ['—', '—'],
    ['——', '——'],
    ['―', '―'],
    ['－', '-'],
    ['-', '-'],
    ['--', '--'],
    ['无', '无'],
    [' 无 ', '无'],
    ['暂无', '暂无'],
    ['无数据', '无数据'],
    ['不适用', '不适用'],
    ['不涉及', '不涉及'],
    ['N/A', 'N/A'],
    ['n/a', 'n/a'],
    ['Ｎ／Ａ', 'N/A'],
    ['NA', 'NA'],
    ['/', '/'],
    ['／', '/'],
  ])('reads %j as not available with marker %j', (raw, marker) => {
    for (const unit of SAMPLE_UNITS) expect(valueOf(raw, unit)).toEqual({ kind: 'notAvailable', marker });
  });
});

describe('parseCell: spreadsheet errors', () => {
  it.each(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BLOCKED!', '#n/a', '＃Ｎ／Ａ', ' #DIV/0! '])(
    'refuses %j with parse.spreadsheetError for every kind of unit',
    (raw) => {
      for (const unit of SAMPLE_UNITS) {
        const message = messageOf(raw, unit);
        expect(message.code).toBe('parse.spreadsheetError');
        expect(message.zh).toContain('公式错误');
        expect(message.en).toContain('formula error');
      }
    },
  );

  it('quotes the error value in the message', () => {
    const message = messageOf('#DIV/0!', '%');
    expect(message.zh).toContain('#DIV/0!');
    expect(message.en).toContain('#DIV/0!');
  });
});

describe('parseCell: dates', () => {
  it.each(SAMPLE_UNITS)('refuses a date for unit %s with parse.date', (unit) => {
    const message = messageOf(new Date(Date.UTC(2024, 1, 3, 4, 5, 6)), unit);
    expect(message.code).toBe('parse.date');
    expect(message.zh).toContain('2024-02-03 04:05:06');
    expect(message.en).toContain('2024-02-03 04:05:06');
  });

  it('refuses an invalid date without throwing', () => {
    const message = messageOf(new Date(Number.NaN), '%');
    expect(message.code).toBe('parse.date');
    expect(message.zh).toContain('无效日期');
    expect(message.en).toContain('invalid date');
  });

  it('explains how to fix the cell format for numeric units', () => {
    const message = messageOf(new Date(Date.UTC(2024, 0, 1)), '%');
    expect(message.zh).toContain(UNITS['%'].expectZh);
    expect(message.en).toContain('General');
  });
});

describe('parseCell: numbers from the spreadsheet', () => {
  it.each([95.2, 0, 1, -3.5, 1234567.125])('keeps %p for a numeric unit', (raw) => {
    const number = numberOf(raw, '%');
    expect(number.value).toBe(raw);
    expect(Number(number.text)).toBe(raw);
  });

  it.each([
    [0.1 + 0.2, 0.3, '0.3'],
    [92.99999999999999, 93, '93'],
    [95.20000000000002, 95.2, '95.2'],
  ])('reads the formula result %p as the %p Excel shows (15 significant digits)', (raw, value, text) => {
    const number = numberOf(raw, '%');
    expect(number.value).toBe(value);
    expect(number.text).toBe(text);
  });

  it('turns -0 into 0', () => {
    const number = numberOf(-0, '%');
    expect(Object.is(number.value, 0)).toBe(true);
    expect(number.text).toBe('0');
  });

  it.each([
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e22, '-25000000000000000000000'],
  ])('writes %p as the decimal %j, without an exponent', (raw, text) => {
    expect(numberOf(raw, '%').text).toBe(text);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %p with parse.notFinite', (raw) => {
    for (const unit of SAMPLE_UNITS) expect(messageOf(raw, unit).code).toBe('parse.notFinite');
  });

  it('reads a number in a text cell as its text', () => {
    expect(valueOf(12, '文字')).toEqual({ kind: 'text', text: '12' });
  });
});

describe('parseCell: booleans for other units', () => {
  it.each(NUMBER_UNITS.concat(['比例', '文字']))('refuses TRUE and FALSE for unit %s', (unit) => {
    for (const raw of [true, false]) {
      const message = messageOf(raw, unit);
      expect(message.code).toBe('parse.unexpectedBoolean');
      expect(message.zh).toContain(raw ? 'TRUE' : 'FALSE');
      expect(message.zh).toContain(UNITS[unit].expectZh);
      expect(message.en).toContain(UNITS[unit].expectEn);
    }
  });
});

describe('parseCell: unrecognised text', () => {
  it.each([
    ['约95', 'without words'],
    ['≥95', 'without words'],
    ['＞95', 'without words'],
    ['>95', 'without words'],
    ['大于90', 'without words'],
    ['95以上', 'without words'],
    ['95%以上', 'without words'],
    ['~95', 'without words'],
    ['～95', 'without words'],
    ['九十五', 'Arabic digits'],
    ['百分之九十五', 'Arabic digits'],
  ])('refuses %j with a hint (%s)', (raw, hint) => {
    const message = messageOf(raw, '%');
    expect(message.code).toBe('parse.unrecognised');
    expect(message.en).toContain(hint);
    expect(message.zh).toContain(raw);
  });

  it.each(['abc', '1e5', '1E5', '0x10', 'Infinity', 'NaN', '5.', '.', '%', '+-5', '--5', '95-', '9-5', '95.2.1', '1/2', '95+'])(
    'refuses %j',
    (raw) => {
      expect(messageOf(raw, '%').code).toBe('parse.unrecognised');
    },
  );

  it.each(['95²', '95.2¹', '①', '⑴', '½', '⒈', '㉑', '𝟗𝟓', '１²'])(
    'refuses %j instead of folding its special digits into ordinary ones',
    (raw) => {
      const message = messageOf(raw, '%');
      expect(message.code).toBe('parse.unrecognised');
      expect(message.en).toContain('plain digits');
    },
  );

  it('quotes a long value shortened, at a character boundary', () => {
    const raw = `${'😀'.repeat(50)}`;
    const message = messageOf(raw, '%');
    expect(message.zh).toContain(`${'😀'.repeat(40)}…`);
    expect(message.zh).not.toContain('😀'.repeat(41));
    expect(message.zh).not.toMatch(LONE_SURROGATE);
    expect(message.en).not.toMatch(LONE_SURROGATE);
  });
});

describe('parseCell: Chinese full stop as decimal point', () => {
  it.each(['95。2', '95。2%', '95｡2', '－95。2'])('refuses %j with parse.chineseDecimalPoint', (raw) => {
    const message = messageOf(raw, '%');
    expect(message.code).toBe('parse.chineseDecimalPoint');
    expect(message.zh).toContain('。');
  });

  it('treats a trailing full stop as unrecognised, not as a decimal point', () => {
    expect(messageOf('95。', '%').code).toBe('parse.unrecognised');
  });
});

describe('parseCell: spaces between digits', () => {
  it.each(['9 5', '1 234', '1\u00A0234', '1\u3000234', '95 .2', '95. 2', '1, 234'])('refuses %j with parse.spaceInNumber', (raw) => {
    const message = messageOf(raw, '%');
    expect(message.code).toBe('parse.spaceInNumber');
    expect(message.zh).toContain('空格');
    expect(message.en).toContain('spaces');
  });
});

describe('parseCell: precision and magnitude', () => {
  it.each(['1234567890123456', '0.1234567890123456', '12345678.12345678', '-1234567890123456', '1,234,567,890,123,456'])(
    'refuses %j with parse.tooPrecise',
    (raw) => {
      const message = messageOf(raw, '%');
      expect(message.code).toBe('parse.tooPrecise');
      expect(message.zh).toContain('15');
    },
  );

  it.each([
    ['123456789012345', 123456789012345],
    ['0.123456789012345', 0.123456789012345],
    ['1234567890123450000', 1234567890123450000],
    ['95.20000000000000000000', 95.2],
    ['00000000000000000000095', 95],
    [`0.${'0'.repeat(44)}1`, 1e-45],
  ])('accepts %j (at most 15 significant digits) exactly', (raw, expected) => {
    expect(numberOf(raw, '%').value).toBe(expected);
  });

  it('refuses a number too large to hold instead of returning Infinity', () => {
    expect(messageOf(`1${'0'.repeat(400)}`, '%').code).toBe('parse.notRepresentable');
  });

  it('refuses a number too small to hold instead of returning 0', () => {
    expect(messageOf(`0.${'0'.repeat(400)}1`, '%').code).toBe('parse.notRepresentable');
  });
});

describe('parseCell: free text', () => {
  it('keeps the text as typed, full-width punctuation included', () => {
    const raw = '进展顺利，已完成（部分）：培训３次；ＡＢＣ';
    expect(valueOf(raw, '文字')).toEqual({ kind: 'text', text: raw });
  });

  it('trims surrounding blanks and invisible characters only', () => {
    expect(valueOf('\u3000 \u200B已完成  培训\u200B\n', '文字')).toEqual({ kind: 'text', text: '已完成  培训' });
  });

  it('keeps emoji joined by zero-width joiners intact', () => {
    expect(valueOf('家庭👨‍👩‍👧', '文字')).toEqual({ kind: 'text', text: '家庭👨‍👩‍👧' });
  });

  it('accepts numbers, percentages and words as text', () => {
    expect(valueOf('95%', '文字')).toEqual({ kind: 'text', text: '95%' });
    expect(valueOf('是', '文字')).toEqual({ kind: 'text', text: '是' });
  });

  it('accepts 2000 characters and refuses 2001', () => {
    expect(valueOf('字'.repeat(2000), '文字')).toEqual({ kind: 'text', text: '字'.repeat(2000) });
    const message = messageOf('字'.repeat(2001), '文字');
    expect(message.code).toBe('parse.textTooLong');
    expect(message.zh).toContain('2000');
    expect(message.en).toContain('2000');
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(valueOf('😀'.repeat(2000), '文字').kind).toBe('text');
    expect(messageOf('😀'.repeat(2001), '文字').code).toBe('parse.textTooLong');
  });

  it('does not count surrounding blanks towards the limit', () => {
    expect(valueOf(`  ${'字'.repeat(2000)}  `, '文字').kind).toBe('text');
  });
});

describe('parseCell: messages', () => {
  it('names the field, the value and the expectation in both languages', () => {
    const message = messageOf('abc', '%', 'baseline');
    expect(message).toMatchObject({ code: 'parse.unrecognised', severity: 'error', field: 'baseline' });
    expect(message.zh).toContain(FIELD_LABELS.baseline.zh);
    expect(message.zh).toContain('abc');
    expect(message.zh).toContain(UNITS['%'].expectZh);
    expect(message.en).toContain(FIELD_LABELS.baseline.en);
    expect(message.en).toContain('abc');
    expect(message.en).toContain(UNITS['%'].expectEn);
  });

  it('uses the value field by default', () => {
    const message = messageOf('abc', '%');
    expect(message.field).toBe('value');
    expect(message.zh).toContain(FIELD_LABELS.value.zh);
  });

  it('writes readable English for every field', () => {
    const fields = Object.keys(FIELD_LABELS) as Field[];
    for (const field of fields) {
      for (const raw of ['abc', '95。2', '1,23', true, Number.NaN, new Date(0)] as RawCell[]) {
        const { en } = messageOf(raw, '%', field);
        expect(en).not.toMatch(/\b[Tt]he this\b/);
        expect(en.charAt(0)).toBe(en.charAt(0).toUpperCase());
        expect(en).toContain(FIELD_LABELS[field].en.replace(/^t/, ''));
      }
    }
  });

  it('quotes the refused value without surrounding blanks', () => {
    const message = messageOf('  约95  ', '%');
    expect(message.zh).toContain('“约95”');
    expect(message.en).toContain('"约95"');
  });

  it('marks every refusal as an error', () => {
    const refused: [RawCell, UnitId][] = [
      ['abc', '%'], ['1,23', '%'], ['5%', '‰'], ['95。2', '%'], ['1234567890123456', '%'], ['#N/A', '%'],
      [new Date(0), '%'], [true, '%'], [Number.NaN, '%'], ['0:3', '比例'], [0.5, '比例'], ['maybe', '是/否'],
      [1, '是/否'], ['字'.repeat(2001), '文字'], ['9 5', '%'], [`1${'0'.repeat(400)}`, '%'],
    ];
    for (const [raw, unit] of refused) {
      const message = messageOf(raw, unit);
      expect(message.severity).toBe('error');
      expect(message.code).toMatch(/^parse\./);
      expect(message.zh.length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
    }
  });
});
