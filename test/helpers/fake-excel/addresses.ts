/** A1 addresses for the fake Excel: 0-based inclusive rectangles, whole rows ("1:1") and columns ("A:A"). */

export const MAX_ROW = 1048575;
export const MAX_COLUMN = 16383;

export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters) column = column * 26 + letter.charCodeAt(0) - 64;
  return column - 1;
}

/** Parses "A1", "A1:N4", "1:3", "A:C", with an optional sheet prefix and $ signs. Throws InvalidArgument. */
export function parseRange(address: string): { sheet?: string; rect: Rect } {
  const bang = address.lastIndexOf('!');
  const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined;
  const body = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').toUpperCase();
  const [first = '', second = first] = body.split(':');
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const row = /^(\d+)$/;
  const col = /^([A-Z]{1,3})$/;
  let rect: Rect | undefined;
  const a = cell.exec(first);
  const b = cell.exec(second);
  if (a && b) {
    rect = normalise({ r0: Number(a[2]) - 1, c0: columnNumber(a[1] as string), r1: Number(b[2]) - 1, c1: columnNumber(b[1] as string) });
  } else if (row.test(first) && row.test(second) && body.includes(':')) {
    rect = normalise({ r0: Number(first) - 1, c0: 0, r1: Number(second) - 1, c1: MAX_COLUMN });
  } else if (col.test(first) && col.test(second) && body.includes(':')) {
    rect = normalise({ r0: 0, c0: columnNumber(first), r1: MAX_ROW, c1: columnNumber(second) });
  }
  if (!rect || rect.r0 < 0 || rect.c0 < 0 || rect.r1 > MAX_ROW || rect.c1 > MAX_COLUMN) {
    throw Object.assign(new Error(`The argument is invalid or missing or has an incorrect format: "${address}"`), { code: 'InvalidArgument' });
  }
  return sheet === undefined ? { rect } : { sheet, rect };
}

function normalise(rect: Rect): Rect {
  return { r0: Math.min(rect.r0, rect.r1), c0: Math.min(rect.c0, rect.c1), r1: Math.max(rect.r0, rect.r1), c1: Math.max(rect.c0, rect.c1) };
}

export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function rectName(rect: Rect): string {
  if (rect.c0 === 0 && rect.c1 === MAX_COLUMN) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  if (rect.r0 === 0 && rect.r1 === MAX_ROW) return `${columnName(rect.c0)}:${columnName(rect.c1)}`;
  const first = cellName(rect.r0, rect.c0);
  const last = cellName(rect.r1, rect.c1);
  return first === last ? first : `${first}:${last}`;
}

/** "'儿童2025-全部指标'!A1:N4" — Excel quotes a sheet name that is not a plain identifier. */
export function qualified(sheet: string, rect: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${rectName(rect)}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, row: number, column: number): boolean {
  return row >= outer.r0 && row <= outer.r1 && column >= outer.c0 && column <= outer.c1;
}

/** A rectangle after `count` rows (axis 'row') or columns were inserted before index `at`. */
export function shiftRect(rect: Rect, axis: 'row' | 'column', at: number, count: number): Rect {
  if (axis === 'row') {
    if (rect.r0 === 0 && rect.r1 === MAX_ROW) return rect;
    return { ...rect, r0: rect.r0 >= at ? rect.r0 + count : rect.r0, r1: rect.r1 >= at ? Math.min(MAX_ROW, rect.r1 + count) : rect.r1 };
  }
  if (rect.c0 === 0 && rect.c1 === MAX_COLUMN) return rect;
  return { ...rect, c0: rect.c0 >= at ? rect.c0 + count : rect.c0, c1: rect.c1 >= at ? Math.min(MAX_COLUMN, rect.c1 + count) : rect.c1 };
}
