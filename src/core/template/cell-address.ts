/** A1-style addresses for 0-based row and column indices, and back. */

/** "A", "B", …, "Z", "AA" … for a 0-based column index. */
export function columnLetter(column: number): string {
  let letters = '';
  let n = column + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "L5" for row 4, column 11 (both 0-based). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** "A4:N4" for a rectangle given by 0-based corners (inclusive). */
export function rangeAddress(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  const first = cellAddress(firstRow, firstColumn);
  const last = cellAddress(lastRow, lastColumn);
  return first === last ? first : `${first}:${last}`;
}

/** The 0-based row and column of an "L5"-style address (a sheet prefix such as "Sheet1!" is ignored). */
export function parseCellAddress(address: string): { row: number; column: number } {
  const match = /^(?:.*!)?\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  const [, letters = '', digits = ''] = match;
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(digits) - 1, column: column - 1 };
}
