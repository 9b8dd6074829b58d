import fc from 'fast-check';
import { parseCell, type ParseOutcome } from '../../../src/core/parse/parse-cell';
import type { RawCell } from '../../../src/core/parse/cell-value';
import { UNITS, UNIT_IDS } from '../../../src/core/catalog/units';
import { FIELD_LABELS, type Field } from '../../../src/core/i18n/message';

const RUNS = { numRuns: 500 };

const unitIds = fc.constantFrom(...UNIT_IDS);
const numberUnitIds = fc.constantFrom(...UNIT_IDS.filter((id) => UNITS[id].valueKind === 'number'));
const fields = fc.constantFrom(...(Object.keys(FIELD_LABELS) as Field[]));

/** A finite decimal below 1e9 in magnitude, written with 0 to 4 decimals as a person would type it. */
const decimalText = fc
  .tuple(fc.double({ min: -999_999_999, max: 999_999_999, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 4 }))
  .map(([d, k]) => d.toFixed(k));

/** A decimal of 1 to 15 significant digits shifted far left or right: 1.5e-7 and 1e21 as people write them. */
const wideDecimal = fc
  .tuple(fc.constantFrom('', '-'), fc.integer({ min: 1, max: 999_999_999_999_999 }), fc.integer({ min: -40, max: 40 }))
  .map(([sign, digits, shift]) => {
    const text = String(digits);
    if (shift >= 0) return `${sign}${text}${'0'.repeat(shift)}`;
    const point = text.length + shift;
    return point > 0 ? `${sign}${text.slice(0, point)}.${text.slice(point)}` : `${sign}0.${'0'.repeat(-point)}${text}`;
  });

/** ASCII 0x21–0x7E to U+FF01–U+FF5E, and the space to the ideographic space. */
function toFullWidth(text: string): string {
  return text.replace(/[\x21-\x7E ]/g, (char) => (char === ' ' ? '\u3000' : String.fromCharCode(char.charCodeAt(0) + 0xfee0)));
}

/** "-1234567.5" → "-1,234,567.5". */
function groupThousands(text: string): string {
  const [, sign = '', integer = '', rest = ''] = /^([+-]?)(\d+)(.*)$/.exec(text) ?? [];
  return sign + integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + rest;
}

/** The value a correct parser gives for a plain decimal string: Number(), without negative zero. */
function expectedNumber(text: string): number {
  const value = Number(text);
  return value === 0 ? 0 : value;
}

function expectNumber(outcome: ParseOutcome, expected: number): void {
  if (!outcome.ok) throw new Error(`expected ${expected}, got ${outcome.message.code}: ${outcome.message.en}`);
  expect(outcome.value.kind).toBe('number');
  if (outcome.value.kind === 'number') expect(outcome.value.value).toBe(expected);
}

function expectWellFormedOutcome(outcome: ParseOutcome): void {
  if (outcome.ok) return;
  const { message } = outcome;
  expect(message.code).toMatch(/^parse\.[A-Za-z]+$/);
  expect(message.severity).toBe('error');
  expect(typeof message.zh).toBe('string');
  expect(typeof message.en).toBe('string');
  expect(message.zh.trim().length).toBeGreaterThan(0);
  expect(message.en.trim().length).toBeGreaterThan(0);
  // a message quotes at most a short excerpt of the value, however long the input
  expect(message.zh.length).toBeLessThan(400);
  expect(message.en.length).toBeLessThan(600);
}

/** Pieces people (and copy-paste) put into number cells, to build strings that come close to numbers. */
const FRAGMENTS = [
  '0', '1', '2', '5', '9', '00', '123', '１', '９', '０', '.', '．', '。', ',', '，', '-', '－', '−', '+', ':', '：', '∶', '比',
  '%', '％', '‰', '/10万', '/100000', '活产', '名', '人', '个', '/千人', '百分点', '个百分点', 'h', '小时', '岁', '年', '学时',
  ' ', '\u3000', '\u00A0', '\t', '\u200B', '\uFEFF', '\u200E', '\u202E', '²', '①', '½', '𝟗', 'e', 'E', '约', '以上', '≥', '九',
  '是', '否', '√', '×', '无', '—', 'N/A', '#', '#N/A', '#DIV/0!', '!', '?', '\n', '\u0000', '😀',
];
const nearNumbers = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));

/** A positive ratio term as typed: an integer with up to 9 digits and up to 4 decimals, not zero. */
const term = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 4 }))
  .map(([integer, decimals]) => (decimals === '' ? String(integer) : `${integer}.${decimals}`))
  .filter((text) => Number(text) > 0);
const ratioSeparators = fc.constantFrom(':', '：', '∶', '比', ' : ', '﹕');

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });

const HOSTILE = [
  'x'.repeat(100_000),
  '9'.repeat(100_000),
  `${'1,'.repeat(30_000)}1`,
  `${'1'.repeat(50_000)}:${'2'.repeat(50_000)}`,
  ' '.repeat(50_000) + 'x',
  '\u200B'.repeat(50_000),
  `${'0'.repeat(10_000)}.${'0'.repeat(10_000)}`,
  `9${' '.repeat(50_000)}5`,
  '\u0000\u0001\u0002\u001F\u007F',
  '\u202Eabc\u202C',
  '\u200F95\u200E',
  '\u061C\u2066\u2067\u2068\u2069',
  '👨‍👩‍👧‍👦😀🇨🇳',
  "'; DROP TABLE indicators; --",
  '1 OR 1=1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit()}',
  '{{constructor.constructor("return 1")()}}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '=1+1',
  '=cmd|"/c calc"!A1',
  '\uD800',
  '\uDFFF95',
  '\uFFFF',
  '﷽',
  'ﷺ'.repeat(300),
  '\u0301\u0301\u0301',
];

describe('parseCell properties: decimals typed as text', () => {
  it('(1) reads any decimal written with toFixed(0..4) as Number() of the text', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        expectNumber(parseCell(text, UNITS['%']), expectedNumber(text));
      }),
      RUNS,
    );
  });

  it('reads decimals of up to 15 significant digits at any scale as Number() of the text', () => {
    fc.assert(
      fc.property(wideDecimal, (text) => {
        expectNumber(parseCell(text, UNITS['%']), expectedNumber(text));
      }),
      RUNS,
    );
  });

  it('(2) reads the full-width form of that text as the same number', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const fullWidth = toFullWidth(text);
        expect(fullWidth).not.toMatch(/[-0-9.]/);
        expectNumber(parseCell(fullWidth, UNITS['%']), expectedNumber(text));
      }),
      RUNS,
    );
  });

  it('(3) reads the text with thousands separators inserted as the same number', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const grouped = groupThousands(text);
        expectNumber(parseCell(grouped, UNITS['%']), expectedNumber(text));
        expectNumber(parseCell(toFullWidth(grouped), UNITS['%']), expectedNumber(text));
      }),
      RUNS,
    );
  });

  it('reads the text the same with leading zeros, trailing zeros, surrounding blanks and the unit’s own suffix', () => {
    fc.assert(
      fc.property(
        decimalText,
        numberUnitIds,
        fc.nat(3),
        fc.nat(3),
        fc.constantFrom('', ' ', '\u3000', '\u200B', '\t'),
        fc.boolean(),
        (text, unitId, leadingZeros, trailingZeros, pad, withSuffix) => {
          const unit = UNITS[unitId];
          const [, sign = '', integer = '', fraction] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text) ?? [];
          const decorated =
            sign + '0'.repeat(leadingZeros) + integer + (fraction === undefined ? '' : `.${fraction}${'0'.repeat(trailingZeros)}`);
          const suffix = withSuffix ? (unit.suffixes[0] ?? '') : '';
          expectNumber(parseCell(`${pad}${decorated}${pad}${suffix}${pad}`, unit), expectedNumber(text));
        },
      ),
      RUNS,
    );
  });

  it('refuses a number followed by a suffix of another unit with parse.unitMismatch', () => {
    const pairs = UNIT_IDS.flatMap((unitId) =>
      UNIT_IDS.flatMap((otherId) =>
        UNITS[otherId].suffixes
          .filter((suffix) => !UNITS[unitId].suffixes.some((own) => own.toUpperCase() === suffix.toUpperCase()))
          .map((suffix) => [unitId, suffix] as const),
      ),
    ).filter(([unitId]) => UNITS[unitId].valueKind === 'number');
    fc.assert(
      fc.property(decimalText, fc.constantFrom(...pairs), (text, [unitId, suffix]) => {
        const outcome = parseCell(`${text}${suffix}`, UNITS[unitId]);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.message.code).toBe('parse.unitMismatch');
      }),
      RUNS,
    );
  });

  it('refuses misplaced thousands separators with parse.thousandsSeparator', () => {
    // an integer part with at least one comma, where some group is not three digits or the first group starts with 0
    const badGrouping = fc
      .tuple(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 }),
        fc.array(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 3 }), { nil: undefined }),
      )
      .filter(([first, groups]) => first.length > 3 || first.startsWith('0') || groups.some((group) => group.length !== 3));
    fc.assert(
      fc.property(badGrouping, fc.constantFrom('', '-'), ([first, groups, fraction], sign) => {
        const text = `${sign}${[first, ...groups].join(',')}${fraction === undefined ? '' : `.${fraction}`}`;
        const outcome = parseCell(text, UNITS['%']);
        if (outcome.ok) throw new Error(`${text} was read as ${JSON.stringify(outcome.value)}`);
        expect(outcome.message.code).toBe('parse.thousandsSeparator');
      }),
      RUNS,
    );
  });

  it('refuses more than 15 significant digits with parse.tooPrecise', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 14, maxLength: 40 });
    const nonZero = fc.constantFrom(...'123456789');
    fc.assert(
      fc.property(nonZero, digits, nonZero, fc.nat(45), fc.nat(5), (first, middle, last, point, zeros) => {
        const significant = `${first}${middle}${last}`;
        const all = `${'0'.repeat(zeros)}${significant}`;
        const at = Math.min(point, all.length);
        const text = at === all.length ? all : `${all.slice(0, at) || '0'}.${all.slice(at)}`;
        const outcome = parseCell(text, UNITS['%']);
        if (outcome.ok) throw new Error(`${text} was read as ${JSON.stringify(outcome.value)}`);
        expect(outcome.message.code).toBe('parse.tooPrecise');
      }),
      RUNS,
    );
  });
});

describe('parseCell properties: any input', () => {
  const anyString = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary-ascii' }),
    loneSurrogates,
    nearNumbers,
    fc.constantFrom(...HOSTILE),
  );

  it('(4) never throws on any string, and refuses only with a parse.* error in both languages', () => {
    fc.assert(
      fc.property(anyString, unitIds, fields, (raw, unitId, field) => {
        const outcome = parseCell(raw, UNITS[unitId], field);
        expectWellFormedOutcome(outcome);
        if (!outcome.ok) expect(outcome.message.field).toBe(field);
      }),
      { numRuns: 2000 },
    );
  });

  it('(4) never throws on the hostile strings, for every unit, and answers quickly', () => {
    for (const raw of HOSTILE) {
      for (const unitId of UNIT_IDS) {
        const started = performance.now();
        const outcome = parseCell(raw, UNITS[unitId]);
        expect(performance.now() - started).toBeLessThan(250);
        expectWellFormedOutcome(outcome);
      }
    }
  });

  it('never throws on any spreadsheet value (numbers, booleans, dates, nothing)', () => {
    const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constantFrom(null, undefined),
    );
    fc.assert(
      fc.property(anyCell, unitIds, fields, (raw, unitId, field) => {
        expectWellFormedOutcome(parseCell(raw, UNITS[unitId], field));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps any finite spreadsheet number at the 15 significant digits Excel shows, with a decimal text (no exponent)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), numberUnitIds, (raw, unitId) => {
        const outcome = parseCell(raw, UNITS[unitId]);
        if (!outcome.ok || outcome.value.kind !== 'number') throw new Error(`${raw} was refused`);
        const shown = Number.isFinite(Number(raw.toPrecision(15))) ? Number(raw.toPrecision(15)) : raw;
        expect(Object.is(outcome.value.value, shown === 0 ? 0 : shown)).toBe(true);
        expect(outcome.value.text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(outcome.value.text)).toBe(outcome.value.value);
      }),
      RUNS,
    );
  });

  it('(5) is deterministic, and reading a number’s canonical text gives the same number and text', () => {
    const candidates = fc.oneof(decimalText, wideDecimal, nearNumbers, fc.string(), decimalText.map(toFullWidth), decimalText.map(groupThousands));
    fc.assert(
      fc.property(candidates, numberUnitIds, (raw, unitId) => {
        const unit = UNITS[unitId];
        const first = parseCell(raw, unit);
        expect(parseCell(raw, unit)).toEqual(first);
        if (!first.ok || first.value.kind !== 'number') return;
        expect(first.value.text).toMatch(/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/);
        expect(Object.is(first.value.value, -0)).toBe(false);
        const again = parseCell(first.value.text, unit);
        expect(again).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });

  it('(5) reading a ratio’s canonical text gives the same ratio', () => {
    fc.assert(
      fc.property(fc.oneof(nearNumbers, fc.tuple(term, ratioSeparators, term).map((parts) => parts.join(''))), (raw) => {
        const first = parseCell(raw, UNITS['比例']);
        if (!first.ok || first.value.kind !== 'ratio') return;
        expect(first.value.text).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?:(0|[1-9]\d*)(\.\d*[1-9])?$/);
        expect(parseCell(first.value.text, UNITS['比例'])).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseCell properties: ratios', () => {
  it('(6) reads any a:b with positive a and b as left a, right b, whatever the separator', () => {
    fc.assert(
      fc.property(term, term, ratioSeparators, fc.boolean(), (a, b, separator, fullWidth) => {
        const text = `${a}${separator}${b}`;
        const outcome = parseCell(fullWidth ? toFullWidth(text) : text, UNITS['比例']);
        if (!outcome.ok) throw new Error(`${text} was refused: ${outcome.message.en}`);
        expect(outcome.value).toEqual({ kind: 'ratio', left: Number(a), right: Number(b), text: `${Number(a)}:${Number(b)}` });
      }),
      RUNS,
    );
  });

  it('refuses a:b when either term is zero', () => {
    fc.assert(
      fc.property(term, fc.constantFrom('0', '0.0', '00', '0.000'), fc.boolean(), (positive, zero, zeroFirst) => {
        const text = zeroFirst ? `${zero}:${positive}` : `${positive}:${zero}`;
        const outcome = parseCell(text, UNITS['比例']);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.message.code).toBe('parse.ratioNotPositive');
      }),
      RUNS,
    );
  });
});

describe('parseCell properties: yes/no and text', () => {
  it('reads free text as itself, only trimmed', () => {
    const edge = /^[\s\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]|[\s\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]$/;
    const body = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), nearNumbers);
    fc.assert(
      fc.property(body, fc.constantFrom('', ' ', '\u3000', '\u200B', '\n'), (raw, pad) => {
        fc.pre(!edge.test(raw));
        const text = `进展${raw}`;
        const outcome = parseCell(`${pad}${text}${pad}`, UNITS['文字']);
        expect(outcome).toEqual({ ok: true, value: { kind: 'text', text } });
      }),
      RUNS,
    );
  });

  it('reads yes/no words in any letter case and width the same', () => {
    const words: [string, boolean][] = [['yes', true], ['no', false], ['true', true], ['false', false], ['y', true], ['n', false]];
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.boolean(), ([word, expected], upper, wide) => {
        const cased = [...word].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
        const outcome = parseCell(wide ? toFullWidth(cased) : cased, UNITS['是/否']);
        expect(outcome).toEqual({ ok: true, value: { kind: 'boolean', value: expected, text: expected ? '是' : '否' } });
      }),
      RUNS,
    );
  });
});
