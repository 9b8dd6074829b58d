import type { Field, Message } from '../i18n/message';
import { FIELD_LABELS } from '../i18n/message';
import { UNITS, type UnitDefinition } from '../catalog/units';
import type { CellValue, RawCell } from './cell-value';

/** The outcome of reading one cell: a value, or one specific reason why it cannot be read. */
export type ParseOutcome = { readonly ok: true; readonly value: CellValue } | { readonly ok: false; readonly message: Message };

/** Markers people type when a value does not exist or does not apply; they require a note. */
/** What people write for "no data / not applicable" (compared after NFKC, without blanks, upper-cased). */
export const NOT_AVAILABLE_MARKERS = ['-', '--', '—', '——', '―', '/', '无', '暂无', '无数据', '不适用', '不涉及', 'N/A', 'NA'] as const;
const NOT_AVAILABLE = new Set<string>(NOT_AVAILABLE_MARKERS);

/** The words read as 是 and as 否 in a yes/no cell (upper-cased). */
export const YES_WORDS = ['是', '已建成', '已建立', '已开展', '已完成', '已实现', '已设立', '已配备', '已达到', '√', '✓', 'Y', 'YES', 'TRUE'] as const;
export const NO_WORDS = ['否', '未建成', '未建立', '未开展', '未完成', '未实现', '未设立', '未配备', '未达到', '×', '✗', 'N', 'NO', 'FALSE'] as const;
const YES = new Set<string>(YES_WORDS);
const NO = new Set<string>(NO_WORDS);

/** Excel's error values, which reach us as text when a formula in an input cell fails. */
const SPREADSHEET_ERRORS =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BLOCKED!|CONNECT!|FIELD!|UNKNOWN!|BUSY!|EXTERNAL!|PYTHON!)$/;

/** Every suffix any unit accepts, so that a suffix of the wrong unit gets its own message. */
const ALL_SUFFIXES = [...new Set(Object.values(UNITS).flatMap((unit) => unit.suffixes))].sort((a, b) => b.length - a.length);

const MAX_SIGNIFICANT_DIGITS = 15;
const MAX_TEXT_LENGTH = 2000;
/** How much of a refused value is quoted back in a message. */
const MAX_SHOWN = 40;

/**
 * Characters that are invisible and carry no meaning in a value (zero-width spaces and joiners, word joiner,
 * soft hyphen, byte-order mark, directional marks). They are dropped before reading a value. Directional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are NOT dropped: they change how the
 * digits are displayed ("\u202E95" shows as 59), so a value containing them is refused.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const INVISIBLE_CHAR = /^[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]$/;
const WHITESPACE_CHAR = /^\s$/;

// sign, integer part (digits, possibly with thousands separators), optional fraction, then whatever follows
const NUMBER = /^([+-]?)([\d,]*)(?:\.(\d+))?(.*)$/s;
const GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+$/;
const RATIO = /^(\d+)(?:\.(\d+))?(?::|∶|比)(\d+)(?:\.(\d+))?$/;

/**
 * Reads what a person typed (or what a spreadsheet holds) into a value of the given unit.
 * Full-width digits and punctuation (９５．２％, 2：3) fold to their half-width forms (NFKC); thousands
 * separators and the unit's own suffix are accepted; anything else is refused with a message naming the
 * value and what was expected. Nothing is coerced silently: superscript or circled digits (95², ①) and
 * spaces between digits (1 234) are refused rather than folded into other numbers.
 */
export function parseCell(raw: RawCell, unit: UnitDefinition, field: Field = 'value'): ParseOutcome {
  if (raw === null || raw === undefined) return ok({ kind: 'blank' });
  if (raw instanceof Date) return fail(field, 'parse.date', dateProblem(raw, unit, field));
  if (typeof raw === 'boolean') return fromBoolean(raw, unit, field);
  if (typeof raw === 'number') return fromNumber(raw, unit, field);
  return fromText(String(raw), unit, field);
}

function fromBoolean(raw: boolean, unit: UnitDefinition, field: Field): ParseOutcome {
  if (unit.valueKind === 'boolean') return ok({ kind: 'boolean', value: raw, text: raw ? '是' : '否' });
  return fail(field, 'parse.unexpectedBoolean', {
    zh: `${zhLabel(field)}为逻辑值${raw ? 'TRUE' : 'FALSE'}，应填写${unit.expectZh}`,
    en: `${subjectEn(field)} is the logical value ${raw ? 'TRUE' : 'FALSE'}; expected ${unit.expectEn}`,
  });
}

function fromNumber(raw: number, unit: UnitDefinition, field: Field): ParseOutcome {
  if (!Number.isFinite(raw)) {
    return fail(field, 'parse.notFinite', {
      zh: `${zhLabel(field)}“${String(raw)}”不是有限数值，应填写${unit.expectZh}`,
      en: `${subjectEn(field)} "${String(raw)}" is not a finite number; expected ${unit.expectEn}`,
    });
  }
  // A spreadsheet number can carry binary noise (a formula's 92.99999999999999); Excel shows and means
  // 15 significant digits, so that is what is judged.
  const shown = Number(raw.toPrecision(MAX_SIGNIFICANT_DIGITS));
  const rounded = Number.isFinite(shown) ? shown : raw; // rounding the largest doubles overflows
  const value = rounded === 0 ? 0 : rounded;
  switch (unit.valueKind) {
    case 'number':
      return ok({ kind: 'number', value, text: plainDecimal(value) });
    case 'text':
      return ok({ kind: 'text', text: plainDecimal(value) });
    case 'ratio':
      return fail(field, 'parse.ratioAsNumber', {
        zh: `${zhLabel(field)}“${plainDecimal(value)}”是一个数，不是比例；应填写${unit.expectZh}（Excel 可能把“2:3”识别成了时间，请把单元格设为文本格式）`,
        en: `${subjectEn(field)} "${plainDecimal(value)}" is a number, not a ratio; expected ${unit.expectEn} (Excel may have turned "2:3" into a time: format the cell as text)`,
      });
    case 'boolean':
      return fail(field, 'parse.notYesNo', {
        zh: `${zhLabel(field)}“${plainDecimal(value)}”不是“是/否”；应填写${unit.expectZh}`,
        en: `${subjectEn(field)} "${plainDecimal(value)}" is not yes/no; expected ${unit.expectEn}`,
      });
  }
}

/** The shape most cells have: a plain decimal needing no folding, grouping or suffix handling. */
const PLAIN_DECIMAL = /^(?:0|[1-9]\d{0,8})(?:\.\d{1,6})?$/;

function fromText(raw: string, unit: UnitDefinition, field: Field): ParseOutcome {
  if (unit.valueKind === 'number' && PLAIN_DECIMAL.test(raw)) {
    // fast path; String() of such a number is already its canonical text (no exponent, no trailing zeros)
    const value = Number(raw);
    return ok({ kind: 'number', value, text: String(value) });
  }
  const visible = raw.replace(INVISIBLE, '');
  const normalised = visible.normalize('NFKC').trim();
  if (normalised === '') return ok({ kind: 'blank' });
  const compact = normalised.replace(/\s+/g, '').replace(/−/g, '-');
  if (NOT_AVAILABLE.has(compact.toUpperCase())) return ok({ kind: 'notAvailable', marker: compact });
  if (SPREADSHEET_ERRORS.test(compact.toUpperCase())) {
    return fail(field, 'parse.spreadsheetError', {
      zh: `${zhLabel(field)}是公式错误值“${compact}”；请改为直接填写${unit.expectZh}`,
      en: `${subjectEn(field)} is the formula error "${compact}"; enter ${unit.expectEn} instead`,
    });
  }
  switch (unit.valueKind) {
    case 'text':
      return parseText(raw, field);
    case 'boolean':
      return parseYesNo(compact, raw, unit, field);
    case 'ratio':
    case 'number': {
      const problem = digitProblem(visible, normalised, raw, unit, field);
      if (problem) return problem;
      return unit.valueKind === 'ratio' ? parseRatio(compact, raw, unit, field) : parseNumber(compact, raw, unit, field);
    }
  }
}

/** Free text is kept as typed (only surrounding blanks are removed): NFKC would turn “，（）：” into ASCII. */
function parseText(raw: string, field: Field): ParseOutcome {
  const text = trimBlanks(raw);
  let length = 0;
  for (const _char of text) {
    length += 1;
    if (length > MAX_TEXT_LENGTH) {
      return fail(field, 'parse.textTooLong', {
        zh: `${zhLabel(field)}超过${MAX_TEXT_LENGTH}字，请精简`,
        en: `${subjectEn(field)} is longer than ${MAX_TEXT_LENGTH} characters`,
      });
    }
  }
  return ok({ kind: 'text', text });
}

/**
 * Refuses values whose digits would change under folding or that have blanks between digits:
 * NFKC turns “95²” into “952” and “①” into “1”, and “1 234” or “9 5” would silently become one number.
 */
function digitProblem(visible: string, normalised: string, raw: string, unit: UnitDefinition, field: Field): ParseOutcome | undefined {
  // ASCII and full-width digits are the only characters allowed to fold into digits
  if (countDigits(normalised, false) !== countDigits(visible, true)) {
    return unrecognised(raw, normalised, unit, field, {
      zh: '；请使用普通数字，不要使用上标、下标或带圈的数字',
      en: '; use plain digits, not superscript, subscript or circled digits',
    });
  }
  if (/[\d.,]\s+[\d.,]/.test(normalised)) {
    return fail(field, 'parse.spaceInNumber', {
      zh: `${zhLabel(field)}“${shown(raw)}”的数字中间有空格；请删除空格（千位分隔符请用“,”）`,
      en: `${subjectEn(field)} "${shown(raw)}" has spaces between its digits; remove them (use "," to group thousands)`,
    });
  }
  return undefined;
}

function parseYesNo(compact: string, raw: string, unit: UnitDefinition, field: Field): ParseOutcome {
  const upper = compact.toUpperCase();
  if (YES.has(upper)) return ok({ kind: 'boolean', value: true, text: '是' });
  if (NO.has(upper)) return ok({ kind: 'boolean', value: false, text: '否' });
  return unrecognised(raw, compact, unit, field);
}

function parseRatio(compact: string, raw: string, unit: UnitDefinition, field: Field): ParseOutcome {
  const match = RATIO.exec(compact);
  if (!match) return unrecognised(raw, compact, unit, field);
  const [, leftInteger = '', leftFraction, rightInteger = '', rightFraction] = match;
  const left = readDecimal('', leftInteger, leftFraction, raw, field);
  if (!left.ok) return left.outcome;
  const right = readDecimal('', rightInteger, rightFraction, raw, field);
  if (!right.ok) return right.outcome;
  if (left.value <= 0 || right.value <= 0) {
    return fail(field, 'parse.ratioNotPositive', {
      zh: `${zhLabel(field)}“${shown(raw)}”中比例的两项都应大于0`,
      en: `Both terms of the ratio "${shown(raw)}" in ${objectEn(field)} must be greater than 0`,
    });
  }
  return ok({ kind: 'ratio', left: left.value, right: right.value, text: `${left.text}:${right.text}` });
}

function parseNumber(compact: string, raw: string, unit: UnitDefinition, field: Field): ParseOutcome {
  if (/\d。\d/.test(compact)) {
    return fail(field, 'parse.chineseDecimalPoint', {
      zh: `${zhLabel(field)}“${shown(raw)}”中的小数点请使用“.”，不要使用句号“。”`,
      en: `Use "." as the decimal point in ${objectEn(field)} "${shown(raw)}", not "。"`,
    });
  }
  const match = NUMBER.exec(compact);
  const [, sign = '', integerPart = '', fraction, rest = ''] = match ?? [];
  if (!match || !/\d/.test(integerPart + (fraction ?? ''))) {
    if (/^[+-]?[\d,]*,\d/.test(compact)) return badSeparators(raw, field);
    return unrecognised(raw, compact, unit, field);
  }
  if (integerPart.includes(',') && !GROUPED.test(integerPart)) return badSeparators(raw, field);
  if (rest !== '' && !sameSuffix(unit.suffixes, rest)) {
    if (/^,\d/.test(rest)) return badSeparators(raw, field);
    const foreign = sameSuffix(ALL_SUFFIXES, rest);
    if (foreign !== undefined) {
      return fail(field, 'parse.unitMismatch', {
        zh: `${zhLabel(field)}“${shown(raw)}”的单位“${foreign}”与指标单位“${unit.id}”不符；请按${unit.id}填写数值`,
        en: `${subjectEn(field)} "${shown(raw)}" is in "${foreign}" but the indicator is measured in "${unit.id}"`,
      });
    }
    return unrecognised(raw, compact, unit, field);
  }
  const number = readDecimal(sign, integerPart.replace(/,/g, ''), fraction, raw, field);
  if (!number.ok) return number.outcome;
  return ok({ kind: 'number', value: number.value, text: number.text });
}

/** The suffix in the list that the typed one matches (ignoring letter case), if any. */
function sameSuffix(suffixes: readonly string[], typed: string): string | undefined {
  const upper = typed.toUpperCase();
  for (const suffix of suffixes) if (suffix.toUpperCase() === upper) return suffix;
  return undefined;
}

type Decimal = { readonly ok: true; readonly value: number; readonly text: string } | { readonly ok: false; readonly outcome: ParseOutcome };

/**
 * Turns the digits of a decimal into a number and its canonical text (no exponent, no superfluous zeros,
 * no negative zero), refusing more than 15 significant digits and magnitudes a number cannot hold exactly.
 */
function readDecimal(sign: string, integerDigits: string, fraction: string | undefined, raw: string, field: Field): Decimal {
  const integer = integerDigits.replace(/^0+/, '');
  const decimals = (fraction ?? '').replace(/0+$/, '');
  const significant = (integer + decimals).replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS) {
    return {
      ok: false,
      outcome: fail(field, 'parse.tooPrecise', {
        zh: `${zhLabel(field)}“${shown(raw)}”的有效数字超过${MAX_SIGNIFICANT_DIGITS}位，请四舍五入后填写`,
        en: `${subjectEn(field)} "${shown(raw)}" has more than ${MAX_SIGNIFICANT_DIGITS} significant digits`,
      }),
    };
  }
  const magnitude = `${integer || '0'}${decimals === '' ? '' : `.${decimals}`}`;
  const text = significant === '' ? '0' : `${sign === '-' ? '-' : ''}${magnitude}`;
  const value = Number(text);
  // With at most 15 significant digits every decimal in the normal range survives the round trip;
  // one that does not is too large (Infinity) or too small (0 or a subnormal) to be held exactly.
  if (!Number.isFinite(value) || plainDecimal(value) !== text) {
    return {
      ok: false,
      outcome: fail(field, 'parse.notRepresentable', {
        zh: `${zhLabel(field)}“${shown(raw)}”的数量级过大或过小，无法作为数值处理`,
        en: `${subjectEn(field)} "${shown(raw)}" is too large or too small to be handled as a number`,
      }),
    };
  }
  return { ok: true, value, text };
}

/** The decimal form of a finite number without an exponent: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". */
function plainDecimal(value: number): string {
  const shortest = String(value === 0 ? 0 : value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', lead = '', tail = '', exponentText = '0'] = match;
  const digits = lead + tail;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function badSeparators(raw: string, field: Field): ParseOutcome {
  return fail(field, 'parse.thousandsSeparator', {
    zh: `${zhLabel(field)}“${shown(raw)}”的千位分隔符位置不正确；千位分隔符应每三位一个，小数请用“.”`,
    en: `The thousands separators in ${objectEn(field)} "${shown(raw)}" are misplaced; group digits by three and use "." for decimals`,
  });
}

function unrecognised(
  raw: string,
  normalised: string,
  unit: UnitDefinition,
  field: Field,
  reason?: { zh: string; en: string },
): ParseOutcome {
  const quoted = shown(raw);
  const hint = reason
    ?? (/^[约近超过大于小于不低高≥≤><~]/.test(normalised) || /[以上下左右内]$/.test(normalised)
      ? { zh: '；请只填写数值本身，不要加“约”“以上”“≥”等修饰', en: '; enter the number alone, without words such as 约/以上 or signs such as ≥' }
      : /[零〇一二三四五六七八九十百千万亿两]/.test(normalised) && unit.valueKind === 'number'
        ? { zh: '；请使用阿拉伯数字', en: '; use Arabic digits' }
        : { zh: '', en: '' });
  return fail(field, 'parse.unrecognised', {
    zh: `${zhLabel(field)}“${quoted}”无法识别，应填写${unit.expectZh}${hint.zh}`,
    en: `${subjectEn(field)} "${quoted}" is not understood; expected ${unit.expectEn}${hint.en}`,
  });
}

function dateProblem(raw: Date, unit: UnitDefinition, field: Field): { zh: string; en: string } {
  const valid = !Number.isNaN(raw.getTime());
  const time = valid ? raw.toISOString().slice(0, 19).replace('T', ' ') : '';
  const zhTime = valid ? `（${time}）` : '（无效日期）';
  const enTime = valid ? ` (${time})` : ' (an invalid date)';
  return unit.valueKind === 'ratio'
    ? {
        zh: `${zhLabel(field)}被识别成了日期/时间${zhTime}，Excel 会把“2:3”当作时间；请把单元格设为文本格式，或输入全角冒号“2：3”`,
        en: `${subjectEn(field)} holds a date/time${enTime}: Excel reads "2:3" as a time. Format the cell as text, or type "2：3"`,
      }
    : {
        zh: `${zhLabel(field)}被识别成了日期/时间${zhTime}，应填写${unit.expectZh}；请把单元格格式改为“常规”后重新输入`,
        en: `${subjectEn(field)} holds a date/time${enTime}; expected ${unit.expectEn}. Set the cell format to General and re-enter it`,
      };
}

/** The value as quoted in a message: trimmed, and cut (at a character boundary) when long. */
function shown(raw: string): string {
  const text = trimBlanks(raw);
  const chars = Array.from(text.length > MAX_SHOWN * 2 + 2 ? text.slice(0, MAX_SHOWN * 2 + 2) : text);
  return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : text;
}

function blank(char: string | undefined): boolean {
  return char !== undefined && (WHITESPACE_CHAR.test(char) || INVISIBLE_CHAR.test(char));
}

/** Removes whitespace and invisible characters at both ends (in linear time, whatever the input). */
function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && blank(text[start])) start += 1;
  while (end > start && blank(text[end - 1])) end -= 1;
  return text.slice(start, end);
}

/** How many ASCII digits (and, if asked, full-width digits) a text holds. */
function countDigits(text: string, fullWidthToo: boolean): number {
  let digits = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x30 && code <= 0x39) || (fullWidthToo && code >= 0xff10 && code <= 0xff19)) digits += 1;
  }
  return digits;
}

function zhLabel(field: Field): string {
  return FIELD_LABELS[field].zh;
}

/** "This year's value" / "The previous value": labels that start with a determiner take no article. */
function subjectEn(field: Field): string {
  const label = FIELD_LABELS[field].en;
  return /^(this|that|its|their)\b/i.test(label) ? label.charAt(0).toUpperCase() + label.slice(1) : `The ${label}`;
}

/** "this year's value" / "the previous value", inside a sentence. */
function objectEn(field: Field): string {
  const label = FIELD_LABELS[field].en;
  return /^(this|that|its|their)\b/i.test(label) ? label : `the ${label}`;
}

function ok(value: CellValue): ParseOutcome {
  return { ok: true, value };
}

function fail(field: Field, code: string, text: { zh: string; en: string }): ParseOutcome {
  return { ok: false, message: { code, severity: 'error', field, ...text } };
}
