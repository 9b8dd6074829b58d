import { MAX_COLUMN, MAX_ROW, qualified, overlaps, parseRange, type Rect } from './addresses';
import { FakeOfficeError, FakeProxy, invalid, type FakeRequestContext } from './fake-context';
import { displayText, typedInput, type CellFormat, type FakeSheet, type RecordedConditionalFormat, type RecordedValidation } from './fake-workbook';
import type { ExcelMember } from './requirement-sets';

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];
const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'];
const DV_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const MAX_CELLS = 2_000_000;

/** The Range members of the 2D writes. */
const MATRIX_MEMBERS = { values: 'Range.values', formulas: 'Range.formulas', numberFormat: 'Range.numberFormat' } as const satisfies Record<string, ExcelMember>;

/** What a range is once resolved at sync time. */
export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

function oneOf(value: unknown, allowed: readonly string[], what: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) throw invalid(`${what}: "${String(value)}" is not one of ${allowed.join(', ')}`);
}

function colour(value: unknown): string {
  if (typeof value !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(value)) throw invalid(`not a colour: ${String(value)}`);
  return value.toUpperCase();
}

/** Rejects a change to a protected sheet the way Excel does. */
export function guardProtected(sheet: FakeSheet, rect: Rect, kind: 'value' | 'format' | 'columns' | 'rows' | 'object' | 'insertRows' | 'insertColumns'): void {
  const { protected: locked, options } = sheet.protection;
  if (!locked) return;
  const allowed =
    kind === 'value' ? !sheet.anyLocked(rect)
    : kind === 'format' ? options.allowFormatCells === true
    : kind === 'columns' ? options.allowFormatColumns === true
    : kind === 'rows' ? options.allowFormatRows === true
    : kind === 'insertRows' ? options.allowInsertRows === true
    : kind === 'insertColumns' ? options.allowInsertColumns === true
    : false;
  if (!allowed) throw new FakeOfficeError('AccessDenied', `The cell or object you're trying to change is on a protected sheet (${sheet.name}).`);
}

function forCells(target: RangeTarget, visit: (row: number, column: number) => void): void {
  const { rect } = target;
  if ((rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) > MAX_CELLS) throw new FakeOfficeError('InvalidOperation', 'range too large for the fake');
  for (let row = rect.r0; row <= rect.r1; row += 1) for (let column = rect.c0; column <= rect.c1; column += 1) visit(row, column);
}

/** Excel.Range. */
export class RangeProxy extends FakeProxy {
  protected readonly loadable = {
    values: 'Range.values',
    formulas: 'Range.formulas',
    text: 'Range.text',
    numberFormat: 'Range.numberFormat',
    address: 'Range.address',
    rowIndex: 'Range.rowIndex',
    columnIndex: 'Range.columnIndex',
    rowCount: 'Range.rowCount',
    columnCount: 'Range.columnCount',
    rowHidden: 'Range.rowHidden',
    columnHidden: 'Range.columnHidden',
  } as const satisfies Record<string, ExcelMember>;
  protected readonly loadMember = 'Range.load';
  private bound?: RangeTarget;
  private nullObject = false;

  constructor(context: FakeRequestContext, path: string, resolve: () => RangeTarget) {
    super(context, path);
    context.enqueue(path, 'getRange', [], () => {
      this.bound = resolve();
    });
  }

  get target(): RangeTarget {
    if (this.nullObject) throw new FakeOfficeError('ItemNotFound', `${this.path} is a null object`);
    if (!this.bound) throw new FakeOfficeError('InvalidObjectPath', `${this.path} is not resolved`);
    return this.bound;
  }

  protected snapshot(property: string): unknown {
    if (this.nullObject) return null; // a null object loads nothing
    const { sheet, rect } = this.target;
    const grid = <T>(of: (row: number, column: number) => T): T[][] => {
      if ((rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) > MAX_CELLS) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'too many cells');
      return Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => Array.from({ length: rect.c1 - rect.c0 + 1 }, (_, j) => of(rect.r0 + i, rect.c0 + j)));
    };
    switch (property) {
      case 'values':
        return grid((r, c) => sheet.cellAt(r, c)?.value ?? '');
      case 'formulas':
        return grid((r, c) => sheet.cellAt(r, c)?.formula ?? sheet.cellAt(r, c)?.value ?? '');
      case 'text':
        return grid((r, c) => displayText(sheet.cellAt(r, c)));
      case 'numberFormat':
        return grid((r, c) => sheet.cellAt(r, c)?.numberFormat ?? 'General');
      case 'address':
        return qualified(sheet.name, rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rect.r1 - rect.r0 + 1;
      case 'columnCount':
        return rect.c1 - rect.c0 + 1;
      case 'columnHidden': {
        const columns = Array.from({ length: rect.c1 - rect.c0 + 1 }, (_, i) => sheet.hiddenColumns.has(rect.c0 + i));
        return columns.every(Boolean) ? true : columns.some(Boolean) ? null : false;
      }
      case 'rowHidden': {
        const rows = Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => sheet.hiddenRows.has(rect.r0 + i));
        return rows.every(Boolean) ? true : rows.some(Boolean) ? null : false;
      }
      default:
        throw invalid(property);
    }
  }

  get values(): unknown[][] {
    return this.read('values');
  }
  set values(matrix: unknown[][]) {
    this.writeMatrix('values', matrix);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(matrix: unknown[][]) {
    this.writeMatrix('formulas', matrix);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(matrix: unknown[][]) {
    this.writeMatrix('numberFormat', matrix);
  }
  get text(): string[][] {
    return this.read('text');
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowHidden(): boolean {
    this.context.require('Range.rowHidden');
    return this.read('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.context.require('Range.rowHidden');
    this.queue('rowHidden', [hidden], () => {
      const { sheet, rect } = this.target;
      guardProtected(sheet, rect, 'rows');
      for (let row = rect.r0; row <= rect.r1; row += 1) {
        if (hidden) sheet.hiddenRows.add(row);
        else sheet.hiddenRows.delete(row);
      }
    });
  }

  get columnHidden(): boolean {
    this.context.require('Range.columnHidden');
    return this.read('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.context.require('Range.columnHidden');
    this.queue('columnHidden', [hidden], () => {
      const { sheet, rect } = this.target;
      guardProtected(sheet, rect, 'columns');
      for (let column = rect.c0; column <= rect.c1; column += 1) {
        if (hidden) sheet.hiddenColumns.add(column);
        else sheet.hiddenColumns.delete(column);
      }
    });
  }

  private writeMatrix(kind: 'values' | 'formulas' | 'numberFormat', matrix: unknown[][]): void {
    this.context.require(MATRIX_MEMBERS[kind]);
    this.queue(kind, [matrix], () => {
      const { sheet, rect } = this.target;
      const rows = rect.r1 - rect.r0 + 1;
      const columns = rect.c1 - rect.c0 + 1;
      if (!Array.isArray(matrix) || matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== columns)) {
        throw invalid(`The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns}).`);
      }
      guardProtected(sheet, rect, kind === 'numberFormat' ? 'format' : 'value');
      matrix.forEach((line, i) =>
        line.forEach((input, j) => {
          if (input === null || input === undefined) return; // null leaves the cell as it is
          const cell = sheet.ensure(rect.r0 + i, rect.c0 + j);
          if (kind === 'numberFormat') {
            cell.numberFormat = String(input);
            return;
          }
          if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') throw invalid(`cannot write ${typeof input}`);
          const typed = typedInput(input, cell.numberFormat);
          cell.value = typed.value;
          if (typed.formula) cell.formula = typed.formula;
          else delete cell.formula;
          if (typed.numberFormat && cell.numberFormat === 'General') cell.numberFormat = typed.numberFormat;
        }),
      );
      // cell data changed (a number format alone is a format change: no onChanged)
      if (kind !== 'numberFormat') this.context.changed({ sheetId: sheet.id, rect, changeType: 'RangeEdited' });
    });
  }

  get format(): RangeFormatProxy {
    this.context.require('Range.format');
    return new RangeFormatProxy(this.context, `${this.path}.format`, this);
  }

  merge(across = false): void {
    this.context.require('Range.merge');
    this.queue('merge', [across], () => {
      const { sheet, rect } = this.target;
      guardProtected(sheet, rect, 'object');
      if (across) throw invalid('the fake merges whole areas only');
      if (sheet.merges.some((merge) => overlaps(merge, rect))) throw invalid('cannot merge over a merged area');
      sheet.merges.push(rect);
    });
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.require('Range.conditionalFormats');
    return new ConditionalFormatCollectionProxy(this.context, `${this.path}.conditionalFormats`, this);
  }

  get dataValidation(): DataValidationProxy {
    this.context.require('Range.dataValidation');
    return new DataValidationProxy(this.context, `${this.path}.dataValidation`, this);
  }

  select(): void {
    this.context.require('Range.select');
    this.queue('select', [], () => {
      const { sheet, rect } = this.target;
      if (this.context.book.activeId !== sheet.id) throw new FakeOfficeError('InvalidOperation', 'select() on a sheet that is not active');
      this.context.book.selection = { sheetId: sheet.id, rect };
      this.context.selected(sheet.id, rect);
    });
  }

  getCell(row: number, column: number): RangeProxy {
    this.context.require('Range.getCell');
    return new RangeProxy(this.context, `${this.path}.getCell(${row},${column})`, () => {
      const { sheet, rect } = this.target;
      return { sheet, rect: { r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column } };
    });
  }

  /** The rectangle both ranges cover (ExcelApi 1.1); no overlap fails with ItemNotFound, as Excel's. */
  getIntersection(another: RangeProxy | string): RangeProxy {
    this.context.require('Range.getIntersection');
    return this.intersection(another, false);
  }

  /** The same, or a null object where they do not overlap (ExcelApi 1.4). */
  getIntersectionOrNullObject(another: RangeProxy | string): RangeProxy {
    this.context.require('Range.getIntersectionOrNullObject');
    return this.intersection(another, true);
  }

  private intersection(another: RangeProxy | string, orNull: boolean): RangeProxy {
    const proxy: RangeProxy = new RangeProxy(this.context, `${this.path}.getIntersection(${typeof another === 'string' ? another : another.path})`, () => {
      const { sheet, rect } = this.target;
      const other = typeof another === 'string' ? rectOn(sheet, another) : another.target.rect;
      if (typeof another !== 'string' && another.target.sheet !== sheet) throw invalid('the ranges are on different sheets');
      const meet = { r0: Math.max(rect.r0, other.r0), c0: Math.max(rect.c0, other.c0), r1: Math.min(rect.r1, other.r1), c1: Math.min(rect.c1, other.c1) };
      if (meet.r0 > meet.r1 || meet.c0 > meet.c1) {
        if (!orNull) throw new FakeOfficeError('ItemNotFound', 'The ranges do not intersect.');
        proxy.markNull();
        return { sheet, rect };
      }
      proxy.bindNotNull();
      return { sheet, rect: meet };
    });
    return proxy;
  }

  /** `isNullObject` after the sync that resolved a *OrNullObject range. */
  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  markNull(): void {
    this.know('isNullObject', true);
    this.nullObject = true;
  }

  bindNotNull(): void {
    this.know('isNullObject', false);
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this.context.require('Range.getResizedRange');
    return new RangeProxy(this.context, `${this.path}.getResizedRange(${deltaRows},${deltaColumns})`, () => {
      const { sheet, rect } = this.target;
      const resized = { ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns };
      if (resized.r1 < resized.r0 || resized.c1 < resized.c0 || resized.r1 > MAX_ROW || resized.c1 > MAX_COLUMN) throw invalid('resized range out of bounds');
      return { sheet, rect: resized };
    });
  }

  /** Inserts whole rows ('Down') or whole columns ('Right') at this range. */
  insert(shift: 'Down' | 'Right'): RangeProxy {
    this.context.require('Range.insert');
    this.queue('insert', [shift], () => {
      const { sheet, rect } = this.target;
      if (shift === 'Down' && rect.c0 === 0 && rect.c1 === MAX_COLUMN) {
        guardProtected(sheet, rect, 'insertRows');
        sheet.insertRows(rect.r0 + 1, rect.r1 - rect.r0 + 1);
        this.context.changed({ sheetId: sheet.id, rect, changeType: 'RowInserted' });
      } else if (shift === 'Right' && rect.r0 === 0 && rect.r1 === MAX_ROW) {
        guardProtected(sheet, rect, 'insertColumns');
        sheet.insertColumns(rect.c0, rect.c1 - rect.c0 + 1);
        this.context.changed({ sheetId: sheet.id, rect, changeType: 'ColumnInserted' });
      } else throw new FakeOfficeError('NotImplemented', 'the fake inserts whole rows or columns only');
    });
    return this;
  }
}

/** Excel.RangeFormat and its parts: write-only in the fake (reading throws PropertyNotLoaded). */
export class RangeFormatProxy extends FakeProxy {
  protected readonly loadable = {};
  protected readonly loadMember = 'RangeFormat.load';
  protected snapshot(): unknown {
    return undefined;
  }
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(context, path);
  }

  /** Applies a change to the format of every cell (on a protected sheet only with allowFormatCells). */
  style(member: string, value: unknown, change: (format: CellFormat) => void): void {
    this.queue(member, [value], () => {
      const target = this.range.target;
      guardProtected(target.sheet, target.rect, 'format');
      forCells(target, (row, column) => change(target.sheet.ensure(row, column).format));
    });
  }

  get fill(): { color: string } {
    this.context.require('RangeFormat.fill');
    const style = this.style.bind(this);
    const context = this.context;
    return {
      get color(): string {
        throw new FakeOfficeError('PropertyNotLoaded', 'fill.color not loaded');
      },
      set color(value: string) {
        context.require('RangeFill.color');
        const c = colour(value);
        style('fill.color', value, (format) => void (format.fill = c));
      },
    };
  }

  get font(): { bold: boolean; size: number; color: string } {
    this.context.require('RangeFormat.font');
    const style = this.style.bind(this);
    const context = this.context;
    const unread = () => {
      throw new FakeOfficeError('PropertyNotLoaded', 'font properties not loaded');
    };
    return {
      get bold(): boolean {
        return unread();
      },
      set bold(value: boolean) {
        context.require('RangeFont.bold');
        style('font.bold', value, (format) => void (format.bold = value));
      },
      get size(): number {
        return unread();
      },
      set size(value: number) {
        context.require('RangeFont.size');
        if (typeof value !== 'number' || value < 1 || value > 409) throw invalid('font size');
        style('font.size', value, (format) => void (format.fontSize = value));
      },
      get color(): string {
        return unread();
      },
      set color(value: string) {
        context.require('RangeFont.color');
        const c = colour(value);
        style('font.color', value, (format) => void (format.fontColor = c));
      },
    };
  }

  get borders(): { getItem(index: string): { style: string; weight: string; color: string } } {
    this.context.require('RangeFormat.borders');
    const style = this.style.bind(this);
    const context = this.context;
    return {
      getItem(index: string) {
        context.require('RangeBorderCollection.getItem');
        oneOf(index, BORDER_INDEX, 'border index');
        const edit = (member: string, value: string, change: (border: { style: string; weight: string; color: string }) => void) =>
          style(`borders.${index}.${member}`, value, (format) => {
            const border = (format.borders[index] ??= { style: 'None', weight: 'Thin', color: '#000000' });
            change(border);
          });
        const unread = () => {
          throw new FakeOfficeError('PropertyNotLoaded', 'border properties not loaded');
        };
        return {
          get style(): string {
            return unread();
          },
          set style(value: string) {
            context.require('RangeBorder.style');
            oneOf(value, BORDER_STYLE, 'border style');
            edit('style', value, (border) => void (border.style = value));
          },
          get weight(): string {
            return unread();
          },
          set weight(value: string) {
            context.require('RangeBorder.weight');
            oneOf(value, BORDER_WEIGHT, 'border weight');
            edit('weight', value, (border) => void (border.weight = value));
          },
          get color(): string {
            return unread();
          },
          set color(value: string) {
            context.require('RangeBorder.color');
            const c = colour(value);
            edit('color', value, (border) => void (border.color = c));
          },
        };
      },
    };
  }

  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(value: boolean) {
    this.context.require('RangeFormat.wrapText');
    this.style('wrapText', value, (format) => void (format.wrapText = value));
  }
  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this.context.require('RangeFormat.horizontalAlignment');
    oneOf(value, H_ALIGN, 'horizontalAlignment');
    this.style('horizontalAlignment', value, (format) => void (format.horizontalAlignment = value));
  }
  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this.context.require('RangeFormat.verticalAlignment');
    oneOf(value, V_ALIGN, 'verticalAlignment');
    this.style('verticalAlignment', value, (format) => void (format.verticalAlignment = value));
  }
  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(points: number) {
    this.context.require('RangeFormat.columnWidth');
    this.queue('columnWidth', [points], () => {
      const { sheet, rect } = this.range.target;
      guardProtected(sheet, rect, 'columns');
      for (let column = rect.c0; column <= rect.c1; column += 1) sheet.columnWidths.set(column, points);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(points: number) {
    this.context.require('RangeFormat.rowHeight');
    this.queue('rowHeight', [points], () => {
      const { sheet, rect } = this.range.target;
      guardProtected(sheet, rect, 'rows');
      for (let row = rect.r0; row <= rect.r1; row += 1) sheet.rowHeights.set(row, points);
    });
  }
  get protection(): { locked: boolean } {
    this.context.require('RangeFormat.protection');
    const style = this.style.bind(this);
    const context = this.context;
    return {
      get locked(): boolean {
        throw new FakeOfficeError('PropertyNotLoaded', 'protection.locked not loaded');
      },
      set locked(value: boolean) {
        context.require('FormatProtection.locked');
        style('protection.locked', value, (format) => void (format.locked = value));
      },
    };
  }
}

/** Excel.ConditionalFormatCollection (only custom-formula rules in the fake). */
export class ConditionalFormatCollectionProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly path: string,
    private readonly range: RangeProxy,
  ) {}

  add(type: string) {
    this.context.require('ConditionalFormatCollection.add');
    oneOf(type, CF_TYPES, 'conditional format type');
    if (type !== 'Custom') throw new FakeOfficeError('NotImplemented', `the fake supports Custom conditional formats only, not ${type}`);
    let record: RecordedConditionalFormat | undefined;
    const context = this.context;
    const path = `${this.path}.add(${type})`;
    context.enqueue(this.path, 'add', [type], () => {
      const { sheet, rect } = this.range.target;
      guardProtected(sheet, rect, 'object');
      record = { rect, type };
      sheet.conditionalFormats.push(record);
    });
    const edit = (member: string, value: unknown, change: (rule: RecordedConditionalFormat) => void) =>
      context.enqueue(path, member, [value], () => change(record as RecordedConditionalFormat));
    const require = (member: ExcelMember) => context.require(member);
    // the parts of a custom conditional format the fake models (write-only), each checking its set
    const fillOrFont = (part: 'fill' | 'font') => ({
      set color(value: string) {
        require(part === 'fill' ? 'ConditionalRangeFill.color' : 'ConditionalRangeFont.color');
        const c = colour(value);
        edit(`custom.format.${part}.color`, value, (rule) => void (part === 'fill' ? (rule.fill = c) : (rule.fontColor = c)));
      },
    });
    const custom = {
      get rule() {
        require('CustomConditionalFormat.rule');
        return {
          set formula(value: string) {
            require('ConditionalFormatRule.formula');
            if (typeof value !== 'string' || !value.startsWith('=')) throw invalid('a conditional format formula starts with "="');
            edit('custom.rule.formula', value, (rule) => void (rule.formula = value));
          },
        };
      },
      get format() {
        require('CustomConditionalFormat.format');
        return {
          get fill() {
            require('ConditionalRangeFormat.fill');
            return fillOrFont('fill');
          },
          get font() {
            require('ConditionalRangeFormat.font');
            return fillOrFont('font');
          },
        };
      },
    };
    return {
      get custom() {
        require('ConditionalFormat.custom');
        return custom;
      },
    };
  }
}

/** Excel.DataValidation, write-only in the fake, checking rule shapes and Excel's length limits. */
export class DataValidationProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly path: string,
    private readonly range: RangeProxy,
  ) {}

  private edit(member: string, value: unknown, change: (record: RecordedValidation) => void): void {
    this.context.enqueue(this.path, member, [value], () => {
      const { sheet, rect } = this.range.target;
      guardProtected(sheet, rect, 'object');
      let record = sheet.validations.find((v) => v.rect.r0 === rect.r0 && v.rect.c0 === rect.c0 && v.rect.r1 === rect.r1 && v.rect.c1 === rect.c1);
      if (!record) {
        if (sheet.validations.some((v) => overlaps(v.rect, rect))) throw invalid('the range overlaps another validation');
        record = { rect };
        sheet.validations.push(record);
      }
      change(record);
    });
  }

  set rule(rule: Record<string, unknown>) {
    this.context.require('DataValidation.rule');
    const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
    if (kinds.length !== 1) throw invalid('a data validation rule has exactly one kind');
    const kind = kinds[0] as string;
    const body = rule[kind] as Record<string, unknown>;
    if (['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(kind)) {
      oneOf(body.operator, DV_OPERATORS, 'operator');
      if (body.formula1 === undefined) throw invalid('formula1 missing');
      if ((body.operator === 'Between' || body.operator === 'NotBetween') && body.formula2 === undefined) throw invalid('formula2 missing');
    } else if (kind === 'list') {
      if (typeof body.source !== 'string' || body.source === '') throw invalid('list source missing');
    } else if (kind !== 'custom') throw invalid(`unknown rule kind ${kind}`);
    this.edit('rule', rule, (record) => void (record.rule = rule));
  }

  set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
    this.context.require('DataValidation.prompt');
    if ([...(prompt.title ?? '')].length > 32 || [...(prompt.message ?? '')].length > 255) throw invalid('prompt title ≤ 32, message ≤ 255 characters');
    this.edit('prompt', prompt, (record) => void (record.prompt = { ...prompt }));
  }

  set errorAlert(alert: { showAlert: boolean; style: string; title: string; message: string }) {
    this.context.require('DataValidation.errorAlert');
    oneOf(alert.style, ['Stop', 'Warning', 'Information'], 'error alert style');
    if ([...(alert.title ?? '')].length > 32 || [...(alert.message ?? '')].length > 255) throw invalid('alert title ≤ 32, message ≤ 255 characters');
    this.edit('errorAlert', alert, (record) => void (record.errorAlert = { ...alert }));
  }

  set ignoreBlanks(value: boolean) {
    this.context.require('DataValidation.ignoreBlanks');
    this.edit('ignoreBlanks', value, (record) => void (record.ignoreBlanks = value));
  }
}

/** Parses an address for a sheet, refusing another sheet's prefix. */
export function rectOn(sheet: FakeSheet, address: string): Rect {
  const parsed = parseRange(address);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) throw invalid(`${address} is not on ${sheet.name}`);
  return parsed.rect;
}
