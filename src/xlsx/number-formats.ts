/**
 * Number formats as a spreadsheet stores them, and numbers shown through a date or time format turned
 * into the text a person saw — the way the ExcelJS-based reader did it, so files read the same as before.
 */

/**
 * The built-in formats a style may name by id without spelling them out (ECMA-376 Part 1, §18.8.30):
 * the common ones, and for 27–36 and 50–58 the zh-CN ones, which is what Excel and WPS in Chinese show
 * for those ids. (ExcelJS knew only the common ones and read the zh-CN date formats as General numbers.)
 */
export const BUILT_IN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The format code of a style's `numFmtId`: the workbook's own definition first, then the built-in one. */
export function formatCode(numFmtId: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(numFmtId) ?? BUILT_IN_NUMBER_FORMATS[numFmtId] ?? 'General';
}

/**
 * Whether numbers in this format are dates or times: any of y m d h M s b outside quoted text and
 * brackets. ExcelJS's rule, kept as is so a number reads as the same text as before.
 */
export function isDateFormat(format: string): boolean {
  if (format === '' || format === 'General') return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** A date serial number as the UTC date ExcelJS made of it (1900 system, or 1904 when the workbook says so). */
export function serialDate(serial: number, date1904: boolean): Date {
  // the same arithmetic as ExcelJS's excelToDate, so the millisecond rounds the same way
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/**
 * What a person saw in a cell holding a date or time: "2:03" for a "2:3" that Excel took for a time,
 * "2025-01-15" for a date, both for a date and time.
 */
export function shownDate(date: Date, numberFormat: string | undefined): string {
  const format = (numberFormat ?? '').toLowerCase().replace(/"[^"]*"|\[[^\]]*\]/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  // serial numbers are read as UTC dates
  const time = `${date.getUTCHours()}:${pad(date.getUTCMinutes())}`;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (/[yd]/.test(format) || (!/h/.test(format) && format !== '')) return /h/.test(format) ? `${day} ${time}` : day;
  return date.getUTCFullYear() <= 1900 ? time : `${day} ${time}`;
}

/**
 * The text of an OOXML string with its `_xHHHH_` escapes decoded (how a file stores control characters
 * such as a carriage return, `_x000D_`); `_x005F_` escapes an underscore. ExcelJS's pattern.
 */
export function decodeXString(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
