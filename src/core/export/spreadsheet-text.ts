/**
 * Text that came from a submission (a value as typed, a 说明, a file name) written into a spreadsheet or a
 * CSV file an office opens in Excel, WPS or LibreOffice. A cell that starts with = + - @ (or a tab or a
 * carriage return before one) is a formula there: `=cmd|' /C calc'!A0` or `=HYPERLINK(…)` would run or
 * leak when the bureau opens the export (OWASP "CSV injection"). Stored values stay as they were typed;
 * every export writes them through here.
 */

/** What starts a formula in Excel, WPS or LibreOffice, half- and full-width (those programs fold ＝ to =). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A plain number (an export writes numbers as numbers; a signed number typed as text is still just a number). */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The text as a spreadsheet must show it: a leading apostrophe before anything a spreadsheet would take for
 * a formula (the apostrophe is the spreadsheets' own "this is text" mark); numbers and ordinary text as they are.
 */
export function literalText(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text.trim())) return text;
  return `'${text}`;
}

/** One CSV field (RFC 4180): formulas neutralised, then quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = literalText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 and Excel expect. */
export function csvRecord(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
