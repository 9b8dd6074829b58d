/**
 * Draws the active sheet of the stand-in's workbook as a small spreadsheet: column letters, row numbers,
 * values as Excel would show them, fills and font colours, a red corner on cells with a note (the note's text
 * in the tooltip and listed under the grid), the selection outlined, sheet tabs below. It only reads the
 * workbook, so it can be drawn at any time; screenshots show what the add-in did to the sheet.
 *
 * Drawn as Excel shows the sheet at 75% zoom: column widths, row heights and font sizes in the same
 * proportions (one point is one pixel), so text wraps and fits as it does in Excel; hidden rows and columns
 * (the template's helper columns, width 0) are not drawn; merged areas are one cell; text that is not
 * wrapped runs on over the empty cells to its right, as in Excel (a domain's group row).
 *
 * The fake host stores formulas without computing them; for the drawing only, the sheet's formulas (the
 * template's 达标情况 column) are computed with HyperFormula, as a spreadsheet would show them, and the
 * conditional formats of the template (a cell equal to one of the words its rule names: 达标 green, 未达标
 * red …) are drawn on their results.
 */
import { HyperFormula } from 'hyperformula';
import { cellName, parseRange, type Rect } from '../../helpers/fake-excel/addresses';
import { displayText, type FakeSheet, type FakeWorkbook } from '../../helpers/fake-excel/fake-workbook';
import { formatKey, registerSpreadsheetFunctions, setCellFormats } from '../../core/template/spreadsheet-functions';

const MAX_ROWS = 400;
const MAX_COLUMNS = 26;
/** Pixels per point: Excel's 4/3 at 75% zoom, so the template's 187 characters of columns fit beside the pane. */
const PX_PER_POINT = 1;
/** Excel's default font size, for cells the add-in gave none. */
const DEFAULT_FONT_POINTS = 11;

const STYLE = `
.xs-root { font: 12px/1.25 "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; color: #222; }
.xs-table td { font-size: ${DEFAULT_FONT_POINTS * PX_PER_POINT}px; line-height: 1.2; }
.xs-bar { display: flex; gap: 8px; align-items: center; padding: 4px 6px; background: #217346; color: #fff; font-weight: 600; }
.xs-bar .xs-name { background: #fff; color: #222; font-weight: 400; padding: 1px 6px; min-width: 60px; border-radius: 2px; }
.xs-scroll { overflow: auto; max-height: var(--xs-max-height, 70vh); border: 1px solid #c8c8c8; background: #fff; }
.xs-table { border-collapse: collapse; table-layout: fixed; }
.xs-table th { background: #efefef; color: #555; font-weight: 400; border: 1px solid #d4d4d4; padding: 0 2px; position: sticky; top: 0; z-index: 1; }
.xs-table th.xs-row { position: sticky; left: 0; z-index: 1; min-width: 28px; }
.xs-table td { border: 1px solid #e1e1e1; padding: 0 2px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; max-width: 0; position: relative; vertical-align: middle; }
.xs-table td.xs-wrap { white-space: normal; }
.xs-table td.xs-num { text-align: right; }
.xs-table td.xs-formula { color: #888; font-style: italic; }
.xs-table td.xs-note::after { content: ""; position: absolute; top: 0; right: 0; border-top: 7px solid #d00; border-left: 7px solid transparent; }
.xs-table td.xs-selected { outline: 2px solid #217346; outline-offset: -2px; }
.xs-table td.xs-changed { box-shadow: inset 0 0 0 2px #2f6fd6; }
.xs-tabs { display: flex; gap: 2px; padding: 2px 4px; background: #e6e6e6; border: 1px solid #c8c8c8; border-top: 0; flex-wrap: wrap; }
.xs-tabs span { padding: 2px 8px; background: #f3f3f3; color: #444; }
.xs-tabs span.xs-active { background: #fff; color: #217346; font-weight: 600; border-bottom: 2px solid #217346; }
.xs-notes { margin: 6px 0 0; padding: 4px 8px; background: #fffbe6; border: 1px solid #e8d68a; max-height: 22vh; overflow: auto; }
.xs-notes h3 { margin: 0 0 2px; font-size: 12px; }
.xs-notes ol { margin: 0; padding-left: 18px; }
.xs-notes li { white-space: pre-wrap; }
`;

export interface GridState {
  /** Cells a person changed most recently (outlined blue), on the active sheet. */
  readonly changed: readonly string[];
}

/** Draws (again) the workbook into `host`: the whole drawing is replaced each time. */
export function drawGrid(host: HTMLElement, book: FakeWorkbook, state: GridState): void {
  const doc = host.ownerDocument;
  if (!doc.getElementById('xs-style')) {
    const style = doc.createElement('style');
    style.id = 'xs-style';
    style.textContent = STYLE;
    doc.head.appendChild(style);
  }
  const scroll = host.querySelector<HTMLElement>('.xs-scroll');
  const keep = scroll ? { top: scroll.scrollTop, left: scroll.scrollLeft } : undefined;

  const sheet = book.active;
  const root = doc.createElement('div');
  root.className = 'xs-root';
  root.setAttribute('data-sheet', sheet.name);

  const selection = book.selection && book.selection.sheetId === sheet.id ? book.selection.rect : undefined;
  const bar = doc.createElement('div');
  bar.className = 'xs-bar';
  const name = doc.createElement('span');
  name.className = 'xs-name';
  name.textContent = selection ? rectLabel(selection) : '';
  bar.append('Excel（测试替身 stand-in）', name);
  root.appendChild(bar);

  const scrollBox = doc.createElement('div');
  scrollBox.className = 'xs-scroll';
  scrollBox.appendChild(table(doc, sheet, selection, new Set(state.changed)));
  root.appendChild(scrollBox);

  const tabs = doc.createElement('div');
  tabs.className = 'xs-tabs';
  for (const each of book.sheets) {
    const tab = doc.createElement('span');
    tab.textContent = each.name;
    if (each === sheet) tab.className = 'xs-active';
    tabs.appendChild(tab);
  }
  root.appendChild(tabs);

  const notes = sheet.notes('note');
  for (const [address, content] of sheet.notes('comment')) notes.set(address, content);
  if (notes.size > 0) {
    const box = doc.createElement('div');
    box.className = 'xs-notes';
    const heading = doc.createElement('h3');
    heading.textContent = `批注 Notes (${notes.size})`;
    const list = doc.createElement('ol');
    for (const [address, content] of notes) {
      const item = doc.createElement('li');
      item.textContent = `${address}: ${content}`;
      list.appendChild(item);
    }
    box.append(heading, list);
    root.appendChild(box);
  }

  host.replaceChildren(root);
  if (keep) {
    scrollBox.scrollTop = keep.top;
    scrollBox.scrollLeft = keep.left;
  }
}

/** Scrolls the drawn grid so that a cell is in view. */
export function revealCell(host: HTMLElement, address: string): void {
  const cell = host.querySelector<HTMLElement>(`td[data-address="${address.toUpperCase()}"]`);
  const box = host.querySelector<HTMLElement>('.xs-scroll');
  if (!cell || !box) return;
  box.scrollTop = Math.max(0, cell.offsetTop - box.clientHeight / 3);
  box.scrollLeft = Math.max(0, cell.offsetLeft - box.clientWidth / 2);
}

function rectLabel(rect: Rect): string {
  const first = cellName(rect.r0, rect.c0);
  const last = cellName(rect.r1, rect.c1);
  return first === last ? first : `${first}:${last}`;
}

/** A column Excel does not show: hidden, or 0 wide (how the add-in hides the template's helper columns). */
function columnHidden(sheet: FakeSheet, column: number): boolean {
  return sheet.hiddenColumns.has(column) || sheet.columnWidths.get(column) === 0;
}

/** The last column holding something on a shown row (a value in a hidden row, the template's metadata cell, draws nothing). */
function lastShownColumn(sheet: FakeSheet, rows: readonly number[], upTo: number): number {
  let last = -1;
  for (const row of rows) {
    for (let column = upTo; column > last; column -= 1) {
      const cell = sheet.cellAt(row, column);
      if (cell && (cell.value !== '' || cell.formula !== undefined || cell.format.fill !== undefined)) {
        last = column;
        break;
      }
    }
  }
  return last;
}

function table(doc: Document, sheet: FakeSheet, selection: Rect | undefined, changed: ReadonlySet<string>): HTMLTableElement {
  const used = sheet.usedRect() ?? { r0: 0, c0: 0, r1: 19, c1: 9 };
  const lastRow = Math.min(Math.max(used.r1, 19), MAX_ROWS - 1);
  const rows = Array.from({ length: lastRow + 1 }, (_, row) => row).filter((row) => !sheet.hiddenRows.has(row));
  const lastColumn = Math.min(Math.max(lastShownColumn(sheet, rows, Math.min(used.c1, MAX_COLUMNS - 1)) + 1, 9), MAX_COLUMNS - 1);
  const columnList = Array.from({ length: lastColumn + 1 }, (_, column) => column).filter((column) => !columnHidden(sheet, column));
  const computed = computeFormulas(sheet, lastRow, lastColumn);
  const formats = conditionalFormatsOf(sheet, computed);
  const widths = new Map(columnList.map((column) => [column, columnPixels(sheet, column)]));

  const element = doc.createElement('table');
  element.className = 'xs-table';
  const columns = doc.createElement('colgroup');
  const corner = doc.createElement('col');
  corner.style.width = '32px';
  columns.appendChild(corner);
  for (const column of columnList) {
    const col = doc.createElement('col');
    col.style.width = `${widths.get(column)}px`;
    columns.appendChild(col);
  }
  element.appendChild(columns);

  const head = doc.createElement('tr');
  head.appendChild(doc.createElement('th'));
  for (const column of columnList) {
    const th = doc.createElement('th');
    th.textContent = cellName(0, column).replace(/\d+$/, '');
    head.appendChild(th);
  }
  element.appendChild(head);

  // merged areas: the top-left cell spans the shown rows and columns; the others are not drawn
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; columns: number }>();
  for (const merge of sheet.merges) {
    const visible = rows.filter((row) => row >= merge.r0 && row <= merge.r1);
    const shown = columnList.filter((column) => column >= merge.c0 && column <= merge.c1);
    const top = visible[0];
    const left = shown[0];
    if (top === undefined || left === undefined) continue;
    for (const row of visible) for (const column of shown) covered.add(`${row},${column}`);
    spans.set(`${top},${left}`, { rows: visible.length, columns: shown.length });
  }
  // text that is not wrapped runs on over the empty cells to its right until it fits, as Excel draws it
  for (const row of rows) {
    columnList.forEach((column, index) => {
      const key = `${row},${column}`;
      if (covered.has(key) || spans.has(key)) return;
      const cell = sheet.cellAt(row, column);
      if (!cell || typeof cell.value !== 'string' || cell.value === '' || cell.formula !== undefined || cell.format.wrapText) return;
      if (cell.format.horizontalAlignment === 'Center' || cell.format.horizontalAlignment === 'Right') return;
      // generous: a bold glyph, the padding and the borders, so the text is never cut where Excel shows it whole
      const needed = textPixels(cell.value, fontPixels(cell)) * 1.15 + 10;
      let width = widths.get(column) ?? 0;
      let span = 1;
      for (const next of columnList.slice(index + 1)) {
        if (width >= needed) break;
        const neighbour = sheet.cellAt(row, next);
        if (covered.has(`${row},${next}`) || (neighbour && (neighbour.value !== '' || neighbour.formula !== undefined))) break;
        width += widths.get(next) ?? 0;
        span += 1;
      }
      if (span === 1) return;
      for (const next of columnList.slice(index + 1, index + span)) covered.add(`${row},${next}`);
      spans.set(key, { rows: 1, columns: span });
    });
  }

  for (const row of rows) {
    const tr = doc.createElement('tr');
    const height = sheet.rowHeights.get(row);
    if (height !== undefined) tr.style.height = `${Math.round(height * PX_PER_POINT)}px`;
    const th = doc.createElement('th');
    th.className = 'xs-row';
    th.textContent = String(row + 1);
    tr.appendChild(th);
    for (const column of columnList) {
      const span = spans.get(`${row},${column}`);
      if (!span && covered.has(`${row},${column}`)) continue;
      tr.appendChild(cellElement(doc, sheet, row, column, span, selection, changed, computed, formats));
    }
    element.appendChild(tr);
  }
  return element;
}

/** A column's width in pixels: Excel's points (a width in characters of the default font when not set: 8.43, 64 px). */
function columnPixels(sheet: FakeSheet, column: number): number {
  const points = sheet.columnWidths.get(column) ?? 48;
  return Math.max(12, Math.round(points * PX_PER_POINT));
}

/** A cell's font size in pixels. */
function fontPixels(cell: { format: { fontSize?: number } }): number {
  return Math.round((cell.format.fontSize ?? DEFAULT_FONT_POINTS) * PX_PER_POINT);
}

/** About how wide a text is drawn: a CJK character (or full-width form) one em, other characters about half. */
function textPixels(text: string, font: number): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(char) ? font : font * 0.55;
  return width;
}

/** The conditional formats' fill and font by address, where a rule holds: the template's rules say a cell equals one of their quoted words. */
function conditionalFormatsOf(sheet: FakeSheet, computed: ReadonlyMap<string, string>): Map<string, { fill?: string; fontColor?: string }> {
  const applied = new Map<string, { fill?: string; fontColor?: string }>();
  for (const rule of sheet.conditionalFormats) {
    if (rule.formula === undefined) continue;
    const words = [...rule.formula.matchAll(/"([^"]*)"/g)].map((match) => match[1] as string);
    if (words.length === 0) continue;
    for (let row = rule.rect.r0; row <= rule.rect.r1; row += 1) {
      for (let column = rule.rect.c0; column <= rule.rect.c1; column += 1) {
        const address = cellName(row, column);
        const cell = sheet.cellAt(row, column);
        const shown = cell?.formula !== undefined ? computed.get(address) : cell ? displayText(cell) : '';
        // the first rule that holds wins, as Excel's priority
        if (shown !== undefined && words.includes(shown) && !applied.has(address)) applied.set(address, { ...(rule.fill ? { fill: rule.fill } : {}), ...(rule.fontColor ? { fontColor: rule.fontColor } : {}) });
      }
    }
  }
  return applied;
}

function cellElement(
  doc: Document,
  sheet: FakeSheet,
  row: number,
  column: number,
  span: { rows: number; columns: number } | undefined,
  selection: Rect | undefined,
  changed: ReadonlySet<string>,
  computed: ReadonlyMap<string, string>,
  formats: ReadonlyMap<string, { fill?: string; fontColor?: string }>,
): HTMLTableCellElement {
  const td = doc.createElement('td');
  const address = cellName(row, column);
  td.dataset.address = address;
  if (span) {
    td.rowSpan = span.rows;
    td.colSpan = span.columns;
  }
  const cell = sheet.cellAt(row, column);
  const classes: string[] = [];
  if (cell) {
    const shown = displayText(cell);
    td.textContent = cell.formula !== undefined && shown === '' ? (computed.get(address) ?? 'ƒx') : shown;
    const conditional = formats.get(address);
    if (cell.formula !== undefined) {
      if (!conditional) classes.push('xs-formula');
      td.title = cell.formula;
    }
    if (typeof cell.value === 'number') classes.push('xs-num');
    if (cell.format.wrapText) classes.push('xs-wrap');
    td.style.fontSize = `${fontPixels(cell)}px`;
    // a conditional format that holds shows over the cell's own fill and font colour, as in Excel
    const fill = conditional?.fill ?? cell.format.fill;
    const fontColor = conditional?.fontColor ?? cell.format.fontColor;
    if (fill) td.style.backgroundColor = fill;
    if (fontColor) td.style.color = fontColor;
    if (cell.format.bold || conditional) td.style.fontWeight = '700';
    if (cell.format.horizontalAlignment === 'Center') td.style.textAlign = 'center';
    if (cell.format.horizontalAlignment === 'Right') td.style.textAlign = 'right';
    if (cell.format.verticalAlignment === 'Top') td.style.verticalAlign = 'top';
    const note = cell.note?.content ?? cell.comment?.content;
    if (note !== undefined) {
      classes.push('xs-note');
      td.title = `${address}: ${note}`;
    }
  }
  if (selection && row >= selection.r0 && row <= selection.r1 && column >= selection.c0 && column <= selection.c1) classes.push('xs-selected');
  if (changed.has(address)) classes.push('xs-changed');
  if (classes.length > 0) td.className = classes.join(' ');
  return td;
}

/** The shown results of the formulas of rows 0..lastRow, columns 0..lastColumn, by address ('' when blank). */
function computeFormulas(sheet: FakeSheet, lastRow: number, lastColumn: number): Map<string, string> {
  const results = new Map<string, string>();
  const formulas: { row: number; column: number }[] = [];
  // the status formulas read full-width input with ASC and a percent cell with CELL("format"), as Excel does
  const numberFormats = new Map<string, string>();
  const grid = Array.from({ length: lastRow + 1 }, (_, row) =>
    Array.from({ length: lastColumn + 1 }, (_, column) => {
      const cell = sheet.cellAt(row, column);
      if (!cell) return null;
      if (cell.numberFormat !== 'General') numberFormats.set(formatKey(0, row, column), cell.numberFormat);
      if (cell.formula !== undefined) {
        formulas.push({ row, column });
        return cell.formula;
      }
      if (cell.value === '') return null;
      // text stays text (HyperFormula reads a leading apostrophe as "this is text")
      return typeof cell.value === 'string' ? `'${cell.value}` : cell.value;
    }),
  );
  if (formulas.length === 0) return results;
  registerSpreadsheetFunctions();
  setCellFormats(numberFormats);
  try {
    const engine = HyperFormula.buildFromArray(grid, { licenseKey: 'gpl-v3' });
    try {
      for (const { row, column } of formulas) {
        const value = engine.getCellValue({ sheet: 0, row, col: column });
        const text = value === null ? '' : typeof value === 'object' ? String((value as { value?: unknown }).value ?? value) : String(value);
        results.set(cellName(row, column), text);
      }
    } finally {
      engine.destroy();
    }
  } catch {
    // a formula the engine cannot take: those cells keep the ƒx placeholder
  }
  return results;
}

/** Every address of an A1 range ("K7:K9" → K7, K8, K9). */
export function addressesOf(range: string): string[] {
  const { rect } = parseRange(range);
  const all: string[] = [];
  for (let row = rect.r0; row <= rect.r1; row += 1) for (let column = rect.c0; column <= rect.c1; column += 1) all.push(cellName(row, column));
  return all;
}
