/// <reference types="office-js" />
import { columnLetter, parseCellAddress, rangeAddress } from '../core/template/cell-address';
import { encodeMetadata } from '../core/template/template-metadata';
import { CELL_STYLES, type CellStyle, type TemplateModel, type ValidationRule } from '../core/template/template-model';
import type { HostCapabilities } from '../workbook/workbook-host';
import { keyedRectangles, rectangleAddress, type KeyedRectangle } from '../workbook/rectangles';
import type { WritePlan } from './write-plan';

/** The key under which the template metadata is kept a second time, as a worksheet custom property (1.12). */
export const METADATA_PROPERTY = 'xpm-meta';

type Key = string | number | boolean;

/** The capabilities that are on or off (a style layer may need one). */
type Flag = { [K in keyof HostCapabilities]: HostCapabilities[K] extends boolean ? K : never }[keyof HostCapabilities];

/** One format property painted over rectangles of equal value. */
interface StyleLayer {
  readonly of: (style: CellStyle) => Key | undefined;
  readonly paint: (format: Excel.RangeFormat, key: Key, shape: { rows: number; columns: number }) => void;
  readonly needs?: Flag;
  /** Queued actions per rectangle beyond the range itself (a border edge is four: the edge and three sets). */
  readonly actions?: (shape: { rows: number; columns: number }) => number;
}

const ALIGN = { left: 'Left', center: 'Center', right: 'Right', top: 'Top' } as const;

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

function paintBorders(format: Excel.RangeFormat, edges: readonly Edge[]): void {
  for (const edge of edges) {
    const border = format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = '#000000';
  }
}

function allEdges(shape: { rows: number; columns: number }): Edge[] {
  return ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', ...(shape.rows > 1 ? (['InsideHorizontal'] as const) : []), ...(shape.columns > 1 ? (['InsideVertical'] as const) : [])];
}

/** Each property of CELL_STYLES, so a column of equal fills is one write whatever its fonts. */
const STYLE_LAYERS: readonly StyleLayer[] = [
  { of: (s) => s.fill, paint: (f, k) => void (f.fill.color = k as string) },
  { of: (s) => s.bold, paint: (f, k) => void (f.font.bold = k as boolean) },
  { of: (s) => s.fontSize, paint: (f, k) => void (f.font.size = k as number) },
  { of: (s) => s.fontColor, paint: (f, k) => void (f.font.color = k as string) },
  { of: (s) => s.horizontalAlignment, paint: (f, k) => void (f.horizontalAlignment = ALIGN[k as 'left' | 'center' | 'right']) },
  { of: (s) => s.verticalAlignment, paint: (f, k) => void (f.verticalAlignment = ALIGN[k as 'top' | 'center']) },
  { of: (s) => s.wrap, paint: (f, k) => void (f.wrapText = k as boolean) },
  { of: (s) => (s.border ? 'all' : undefined), paint: (f, _k, shape) => paintBorders(f, allEdges(shape)), actions: (shape) => 4 * allEdges(shape).length },
  { of: (s) => (s.bottomBorder ? 'bottom' : undefined), paint: (f) => paintBorders(f, ['EdgeBottom']), actions: () => 4 },
  { of: (s) => (s.unlocked ? true : undefined), paint: (f) => void (f.protection.locked = false), needs: 'layout' },
];

/** Column width in points for a width in characters of the default font (Excel: 7 px a character + 5 px padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Queues the whole template into a new, empty sheet: number formats, then values and formulas (so "@"
 * cells keep text), styles, and — where the host has them — merges, the hidden marker row, sizes,
 * conditional formats, validation, frozen header, page layout, the metadata property and protection.
 */
export function renderTemplate(sheet: Excel.Worksheet, model: TemplateModel, capabilities: HostCapabilities, plan: WritePlan): void {
  const rowCount = model.rows.length;
  const columnCount = Math.max(model.columns.length, ...model.rows.map((row) => row.cells.length));
  const cellAt = (row: number, column: number) => model.rows[row]?.cells[column];
  const range = (address: string) => sheet.getRange(address);
  const paint = <K extends Key>(rectangles: readonly KeyedRectangle<K>[], layer: StyleLayer) => {
    for (const rectangle of rectangles) {
      const address = rectangleAddress(rectangle);
      const shape = { rows: rectangle.lastRow - rectangle.firstRow + 1, columns: rectangle.lastColumn - rectangle.firstColumn + 1 };
      plan.add([address, rectangle.key], 2 + (layer.actions?.(shape) ?? 1), () => layer.paint(range(address).format, rectangle.key, shape));
    }
  };

  // merged areas take the style of their top-left cell, so borders and fills cover the whole area
  const mergedStyle = new Map<string, CellStyle>();
  for (const merge of model.merges) {
    const [first, last = first] = merge.split(':') as [string, string?];
    const top = parseCellAddress(first);
    const bottom = parseCellAddress(last);
    const style = cellAt(top.row, top.column)?.style;
    if (!style) continue;
    for (let row = top.row; row <= bottom.row; row += 1) {
      for (let column = top.column; column <= bottom.column; column += 1) mergedStyle.set(`${row}:${column}`, CELL_STYLES[style]);
    }
  }
  const styleAt = (row: number, column: number): CellStyle | undefined => {
    const style = cellAt(row, column)?.style;
    return style ? CELL_STYLES[style] : mergedStyle.get(`${row}:${column}`);
  };

  // 1. number formats, by rectangles of equal format; each write is a full 2D array of its shape
  const formats = keyedRectangles(rowCount, columnCount, (row, column) => cellAt(row, column)?.numberFormat);
  for (const rectangle of formats) {
    const rows = rectangle.lastRow - rectangle.firstRow + 1;
    const columns = rectangle.lastColumn - rectangle.firstColumn + 1;
    const block = Array.from({ length: rows }, () => new Array<string>(columns).fill(rectangle.key));
    plan.addRows(rectangle.firstRow, block, (firstRow, part) => {
      range(rangeAddress(firstRow, rectangle.firstColumn, firstRow + part.length - 1, rectangle.lastColumn)).numberFormat = part;
    });
  }

  // 2. values and formulas: one `formulas` write for the whole sheet (row blocks only past the budget)
  const contents = model.rows.map((row) => Array.from({ length: columnCount }, (_, column) => {
    const cell = row.cells[column];
    return cell?.formula ?? cell?.value ?? '';
  }));
  plan.addRows(0, contents, (firstRow, block) => {
    range(rangeAddress(firstRow, 0, firstRow + block.length - 1, columnCount - 1)).formulas = block;
  });

  // 3. styles, one property at a time over rectangles of equal value
  for (const layer of STYLE_LAYERS) {
    if (layer.needs && !capabilities[layer.needs]) continue;
    const rectangles = keyedRectangles(rowCount, columnCount, (row, column) => {
      const style = styleAt(row, column);
      return style ? layer.of(style) : undefined;
    });
    paint(rectangles, layer);
  }

  if (capabilities.layout) {
    // a one-cell "merge" (the footer's G column) merges nothing: not sent
    for (const merge of model.merges.filter((address) => address.includes(':'))) plan.add([merge], 2, () => range(merge).merge(false));
    model.rows.forEach((row, index) => {
      const address = `${index + 1}:${index + 1}`;
      if (row.hidden) plan.add([address, true], 2, () => void (range(address).rowHidden = true));
    });
    // heights by runs of equal rows (a department's twelve township rows are one write)
    for (let first = 0; first < model.rows.length; ) {
      const height = model.rows[first]?.height;
      let last = first;
      while (last + 1 < model.rows.length && model.rows[last + 1]?.height === height) last += 1;
      if (height !== undefined) {
        const address = `${first + 1}:${last + 1}`;
        plan.add([address, height], 3, () => void (range(address).format.rowHeight = height));
      }
      first = last + 1;
    }
    model.columns.forEach((column, index) => {
      const letter = columnLetter(index);
      // a hidden column (the 校验值 the formulas use) is one of width 0, as Excel hides it
      const points = column.hidden ? 0 : columnWidthPoints(column.width);
      plan.add([letter, points], 3, () => void (range(`${letter}:${letter}`).format.columnWidth = points));
    });
  }

  if (capabilities.conditionalFormats) {
    for (const rule of model.conditionalFormats) {
      plan.add([rule], 8, () => {
        const format = range(rule.range).conditionalFormats.add('Custom');
        format.custom.rule.formula = `=${rule.formula}`;
        format.custom.format.fill.color = rule.fill;
        format.custom.format.font.color = rule.fontColor;
      });
    }
  }

  if (capabilities.dataValidation) {
    for (const rule of model.validations) {
      plan.add([rule], 6, () => {
        const validation = range(rule.range).dataValidation;
        validation.ignoreBlanks = true;
        validation.rule = validationRule(rule.rule);
        validation.prompt = { showPrompt: true, title: clip(rule.prompt.title, 32), message: clip(rule.prompt.message, 255) };
        validation.errorAlert = { showAlert: true, style: rule.error.style === 'stop' ? 'Stop' : 'Warning', title: clip(rule.error.title, 32), message: clip(rule.error.message, 255) };
      });
    }
  }

  if (capabilities.freezePanes && (model.freeze.rows > 0 || model.freeze.columns > 0)) {
    plan.add([model.freeze], 2, () => {
      const { rows, columns } = model.freeze;
      if (columns === 0) sheet.freezePanes.freezeRows(rows);
      else if (rows === 0) sheet.freezePanes.freezeColumns(columns);
      else sheet.freezePanes.freezeAt(range(rangeAddress(0, 0, rows - 1, columns - 1)));
    });
  }

  if (capabilities.pageLayout) {
    plan.add([model.print], 8, () => {
      const layout = sheet.pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = model.print.paperSize;
      // 0 pages tall: as many as needed (Excel's "automatic")
      layout.zoom = { horizontalFitToPages: model.print.fitToPagesWide, verticalFitToPages: 0 };
      // the visible columns only: the hidden helper columns and the metadata cell beyond them take no width
      layout.setPrintArea(model.print.area);
      layout.setPrintTitleRows(model.print.titleRows);
      layout.headersFooters.defaultForAllPages.centerFooter = model.print.footer;
    });
  }

  if (capabilities.customProperties) {
    const value = encodeMetadata(model.meta);
    plan.add([METADATA_PROPERTY, value], 2, () => void sheet.customProperties.add(METADATA_PROPERTY, value));
  }
}

/** Protects the sheet (no password; only the unlocked input cells stay editable), where the host can. */
export function protectTemplate(sheet: Excel.Worksheet, model: TemplateModel, capabilities: HostCapabilities, plan: WritePlan): void {
  if (!capabilities.layout) return;
  const { allowSort, allowAutoFilter, allowFormatColumns, allowFormatRows } = model.protection;
  const options: Excel.WorksheetProtectionOptions = { allowSort, allowAutoFilter, allowFormatColumns, allowFormatRows };
  plan.add([options], 2, () => sheet.protection.protect(options));
}

function validationRule(rule: ValidationRule['rule']): Excel.DataValidationRule {
  switch (rule.type) {
    case 'decimal':
    case 'whole': {
      const basic: Excel.BasicDataValidation =
        rule.min !== undefined && rule.max !== undefined
          ? { operator: 'Between', formula1: rule.min, formula2: rule.max }
          : rule.max !== undefined
            ? { operator: 'LessThanOrEqualTo', formula1: rule.max }
            : { operator: 'GreaterThanOrEqualTo', formula1: rule.min ?? -1e307 };
      return rule.type === 'decimal' ? { decimal: basic } : { wholeNumber: basic };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: rule.values.join(',') } };
    case 'textLength':
      return { textLength: { operator: 'LessThanOrEqualTo', formula1: rule.max } };
  }
}

/** Excel caps validation titles at 32 and messages at 255 characters. */
function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
