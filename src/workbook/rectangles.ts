/**
 * Rectangles of cells sharing a key (a colour, a number format): few writes instead of one per cell. Pure
 * geometry, used by the flag plan (./flag-plan.ts) and by adapters that group their template writes.
 */
import { rangeAddress } from '../core/template/cell-address';

/** A rectangle of cells (0-based, inclusive) sharing one key, e.g. one fill colour. */
export interface KeyedRectangle<K> {
  readonly key: K;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
}

/** The A1 address of a rectangle. */
export function rectangleAddress(rectangle: Omit<KeyedRectangle<unknown>, 'key'>): string {
  return rangeAddress(rectangle.firstRow, rectangle.firstColumn, rectangle.lastRow, rectangle.lastColumn);
}

/**
 * Covers the defined cells of a grid with few rectangles of equal keys: runs down each column first (the
 * data rows of a template repeat their column's style), then side-by-side runs with the same rows and key
 * are joined. `keyOf` returns undefined for cells to leave alone.
 */
export function keyedRectangles<K extends string | number | boolean>(
  rowCount: number,
  columnCount: number,
  keyOf: (row: number, column: number) => K | undefined,
): KeyedRectangle<K>[] {
  const runs: { key: K; firstRow: number; lastRow: number; column: number }[] = [];
  for (let column = 0; column < columnCount; column += 1) {
    let open: { key: K; firstRow: number; lastRow: number; column: number } | undefined;
    for (let row = 0; row <= rowCount; row += 1) {
      const key = row < rowCount ? keyOf(row, column) : undefined;
      if (open && key === open.key) {
        open.lastRow = row;
        continue;
      }
      if (open) runs.push(open);
      open = key === undefined ? undefined : { key, firstRow: row, lastRow: row, column };
    }
  }
  const joined = new Map<string, KeyedRectangle<K> & { lastColumn: number }>();
  const rectangles: (KeyedRectangle<K> & { lastColumn: number })[] = [];
  for (const run of runs) {
    const id = `${run.firstRow}:${run.lastRow}:${String(run.key)}`;
    const left = joined.get(id);
    if (left && left.lastColumn === run.column - 1) {
      left.lastColumn = run.column;
      continue;
    }
    const rectangle = { key: run.key, firstRow: run.firstRow, lastRow: run.lastRow, firstColumn: run.column, lastColumn: run.column };
    joined.set(id, rectangle);
    rectangles.push(rectangle);
  }
  return rectangles;
}

/** Cells given one by one, grouped into vertical runs of equal keys (same column, consecutive rows). */
export function cellRuns<K extends string>(cells: ReadonlyMap<string, K>): KeyedRectangle<K>[] {
  const byColumn = new Map<number, { row: number; key: K }[]>();
  for (const [position, key] of cells) {
    const [row, column] = position.split(':').map(Number) as [number, number];
    const list = byColumn.get(column) ?? [];
    list.push({ row, key });
    byColumn.set(column, list);
  }
  const runs: KeyedRectangle<K>[] = [];
  for (const [column, list] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.row - b.row);
    let open: { key: K; firstRow: number; lastRow: number } | undefined;
    for (const cell of [...list, undefined]) {
      if (open && cell && cell.key === open.key && cell.row === open.lastRow + 1) {
        open.lastRow = cell.row;
        continue;
      }
      if (open) runs.push({ key: open.key, firstRow: open.firstRow, lastRow: open.lastRow, firstColumn: column, lastColumn: column });
      open = cell ? { key: cell.key, firstRow: cell.row, lastRow: cell.row } : undefined;
    }
  }
  return runs;
}

/** The key of a cell in `cellRuns`. */
export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}
