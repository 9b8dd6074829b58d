import { seedCatalog } from '../../src/seed-catalog';
import type { RawCell } from '../../src/core/parse/cell-value';
import { buildTemplate, FOOTER_FIELDS, HEADER_ROW } from '../../src/core/template/build-template';
import { cellAddress, parseCellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX, type ColumnKey } from '../../src/core/template/template-columns';
import { checkTemplate, type TemplateCheck } from '../../src/core/template/check-template';
import type { SheetGrid } from '../../src/core/template/read-template';
import { CELL_STYLES, FLAG_COLOURS, type TemplateModel } from '../../src/core/template/template-model';
import { FLAG_NOTE_PREFIX, isFlagNote, planFlags, type FlagPlanInput } from '../../src/workbook/flag-plan';
import type { LocatedNote, RangeColour } from '../../src/workbook/workbook-host';

const catalog = seedCatalog();
/** 桂山街道's children's template: C-HEA-09 (≥90%), C-HEA-24 (a count), C-EDU-11, C-WEL-14, C-WEL-18 (是/否), under their domains' group rows. */
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const cellOf = (indicatorId: string, key: ColumnKey) => cellAddress(model.dataRows.find((row) => row.indicatorId === indicatorId)?.row ?? -1, COLUMN_INDEX[key]);
const HEA09 = cellOf('C-HEA-09', 'value');
const HEA09_PREVIOUS = cellOf('C-HEA-09', 'previous');
const HEA09_STATUS = cellOf('C-HEA-09', 'status');
const HEA24 = cellOf('C-HEA-24', 'value');
const EDU11 = cellOf('C-EDU-11', 'value');
const EDU11_OTHER = cellOf('C-EDU-11', 'other');
const WEL14 = cellOf('C-WEL-14', 'value');
const WEL18 = cellOf('C-WEL-18', 'value');
const WEL18_PREVIOUS = cellOf('C-WEL-18', 'previous');
/** The header row's 本年值 cell: where an old flag of the add-in no longer applies. */
const HEADER_VALUE = cellAddress(HEADER_ROW, COLUMN_INDEX.value);

/** The template as a host would read it back fresh, with some cells typed over (formulas read as ''). */
function gridOf(template: TemplateModel, typed: Readonly<Record<string, RawCell>>): SheetGrid {
  const width = Math.max(...template.rows.map((row) => row.cells.length));
  const values: RawCell[][] = template.rows.map((row) => Array.from({ length: width }, (_, column) => {
    const cell = row.cells[column];
    return cell?.formula ? '' : (cell?.value ?? '');
  }));
  for (const [address, value] of Object.entries(typed)) {
    const { row, column } = parseCellAddress(address);
    (values[row] as RawCell[])[column] = value;
  }
  // signed: 填表人 and 联系电话 given, as a clerk does before checking
  const footer = template.rows.findIndex((row) => row.kind === 'footer');
  (values[footer + FOOTER_FIELDS.reporter.row] as RawCell[])[COLUMN_INDEX[FOOTER_FIELDS.reporter.input]] = '张三';
  (values[footer + FOOTER_FIELDS.phone.row] as RawCell[])[COLUMN_INDEX[FOOTER_FIELDS.phone.input]] = '0877-7012345';
  return { name: template.sheetName, firstRow: 0, firstColumn: 0, values };
}

/** C-HEA-09 misses ≥90% and swings from its previous value; C-HEA-24 is unreadable; the others are blank (errors). */
function checked(typed: Readonly<Record<string, RawCell>> = { [HEA09]: 85, [HEA09_PREVIOUS]: 60, [HEA24]: 'abc' }): TemplateCheck {
  const outcome = checkTemplate(gridOf(model, typed), catalog, 'zh-CN');
  if (outcome.kind !== 'template') throw new Error(outcome.message.zh);
  return outcome.check;
}

const check = checked();
const flagAt = (address: string) => check.flags.flags.find((flag) => flag.address === address);

function plan(overrides: Partial<FlagPlanInput> = {}) {
  return planFlags({ check, catalog, capabilities: { conditionalFormats: true, notes: 'notes' }, notes: [], sheetProtected: false, ...overrides });
}

/** The colour each cell ends up with, the ranges expanded ("K5:K7" → K5, K6, K7). */
function byCell(ranges: readonly RangeColour[]): Map<string, string> {
  const cells = new Map<string, string>();
  for (const { address, colour } of ranges) {
    const [first, last = first] = address.split(':') as [string, string?];
    const from = parseCellAddress(first);
    const to = parseCellAddress(last);
    expect(from.column).toBe(to.column); // vertical runs
    for (let row = from.row; row <= to.row; row += 1) {
      const cell = `${first.replace(/\d+$/, '')}${row + 1}`;
      expect(cells.has(cell)).toBe(false); // each cell painted once
      cells.set(cell, colour);
    }
  }
  return cells;
}

describe('planFlags: fills', () => {
  it('the sheet the test reads has the flags it claims', () => {
    expect(flagAt(HEA09)?.kind).toBe('notMet');
    expect(flagAt(HEA24)?.kind).toBe('error');
    expect(check.flags.flags.length).toBeGreaterThanOrEqual(3);
  });

  it('repaints every row read as a fresh template has it, flags on top', () => {
    const fills = byCell(plan().plan.fills);
    for (const entry of check.read.entries) {
      expect(fills.get(entry.cells.id as string)).toBe(CELL_STYLES.cell.fill);
      expect(fills.get(entry.cells.unitName as string)).toBe(CELL_STYLES.cell.fill);
      expect(fills.get(entry.cells.note as string)).toBe(CELL_STYLES.input.fill);
      const flag = flagAt(entry.cells.value as string);
      expect(fills.get(entry.cells.value as string)).toBe(flag ? FLAG_COLOURS[flag.kind].fill : CELL_STYLES.input.fill);
    }
    // C-WEL-18 (是/否) has no previous value: its cell keeps the grey of an unused input
    expect(fills.get(WEL18_PREVIOUS)).toBe(CELL_STYLES.unused.fill);
    expect(fills.get(HEA09_PREVIOUS)).toBe(CELL_STYLES.input.fill);
    for (const flag of check.flags.flags) expect(fills.get(flag.address)).toBe(FLAG_COLOURS[flag.kind].fill);
  });

  it('groups cells of one colour into runs down a column: fewer ranges than cells', () => {
    const { fills } = plan().plan;
    expect(fills.length).toBeLessThan(byCell(fills).size);
    expect(fills).toContainEqual({ address: `${cellOf('C-HEA-09', 'id')}:${cellOf('C-HEA-24', 'id')}`, colour: CELL_STYLES.cell.fill });
  });

  it('leaves status cells and fonts to conditional formats where the host has them', () => {
    const { plan: drawing, drawn } = plan();
    expect(drawing.fonts).toEqual([]);
    expect(drawn.statusCellsFilled).toBe(0);
    expect(byCell(drawing.fills).has(HEA09_STATUS)).toBe(false);
  });

  it('fills status cells and their fonts directly without conditional formats', () => {
    const { plan: drawing, drawn } = plan({ capabilities: { conditionalFormats: false, notes: 'notes' } });
    const fills = byCell(drawing.fills);
    const fonts = byCell(drawing.fonts);
    expect(check.flags.statusCells.length).toBeGreaterThan(0);
    expect(drawn.statusCellsFilled).toBe(check.flags.statusCells.length);
    for (const status of check.flags.statusCells) {
      expect(fills.get(status.address)).toBe(FLAG_COLOURS[status.kind].fill);
      expect(fonts.get(status.address)).toBe(FLAG_COLOURS[status.kind].font);
    }
    const plain = check.read.entries.map((entry) => entry.cells.status as string).filter((cell) => !check.flags.statusCells.some((status) => status.address === cell));
    expect(plain.length).toBeGreaterThan(0);
    for (const cell of plain) expect([fills.get(cell), fonts.get(cell)]).toEqual([CELL_STYLES.status.fill, '#000000']);
  });

  it('unprotects only a protected sheet', () => {
    expect(plan().plan.unprotect).toBe(false);
    expect(plan({ sheetProtected: true }).plan.unprotect).toBe(true);
  });
});

describe('planFlags: notes', () => {
  const ours = (address: string, text: string): LocatedNote => ({ address, content: `${FLAG_NOTE_PREFIX}${text}` });

  it('adds one note per flagged cell, with the prefix, on a sheet without notes', () => {
    const { plan: drawing, drawn } = plan();
    expect(drawing.addNotes).toEqual(check.flags.flags.map((flag) => ({ address: flag.address, content: `${FLAG_NOTE_PREFIX}${flag.note}` })));
    expect(drawing.removeNotes).toEqual([]);
    expect(drawn).toEqual({ flaggedCells: check.flags.flags.length, notesAdded: check.flags.flags.length, notesRemoved: 0, notesKept: 0, notesSkipped: [], statusCellsFilled: 0 });
  });

  it("never touches a person's note: the flagged cell is skipped, and the note is not removed", () => {
    const { plan: drawing, drawn } = plan({ notes: [{ address: HEA24, content: '我的批注：数据待补' }, { address: 'A1', content: '个人批注' }] });
    expect(drawn.notesSkipped).toEqual([HEA24]);
    expect(drawing.addNotes.map((note) => note.address)).not.toContain(HEA24);
    expect(drawing.removeNotes).toEqual([]);
    expect(drawn.notesAdded).toBe(check.flags.flags.length - 1);
  });

  it("keeps the add-in's note that says the same, replaces one that says something else, removes one that no longer applies", () => {
    const k5 = flagAt(HEA09)?.note as string;
    const { plan: drawing, drawn } = plan({ notes: [ours(HEA09, k5), ours(HEA24, '旧的检查结果'), ours(HEADER_VALUE, '已修正的单元格')] });
    expect(drawing.addNotes.map((note) => note.address)).not.toContain(HEA09);
    expect(drawing.addNotes).toContainEqual({ address: HEA24, content: `${FLAG_NOTE_PREFIX}${flagAt(HEA24)?.note}` });
    expect(drawing.removeNotes).toEqual([HEA24, HEADER_VALUE]); // the replaced first, then the stale
    expect(drawn).toMatchObject({ notesKept: 1, notesRemoved: 2, notesAdded: check.flags.flags.length - 1 });
  });

  it('adds no notes where the host has none (the task pane lists the messages)', () => {
    const { plan: drawing, drawn } = plan({ capabilities: { conditionalFormats: true, notes: null } });
    expect(drawing.addNotes).toEqual([]);
    expect(drawn).toMatchObject({ notesAdded: 0, notesKept: 0, notesSkipped: [] });
    expect(byCell(drawing.fills).get(HEA09)).toBe(FLAG_COLOURS.notMet.fill); // the fills still say it
  });

  it('removes every note of the add-in once the sheet is clean', () => {
    const clean = checked({ [HEA09]: 95, [HEA09_PREVIOUS]: 93, [HEA24]: 12, [EDU11]: 5, [EDU11_OTHER]: 5, [WEL14]: 4, [WEL18]: '是' });
    expect(clean.flags.flags).toEqual([]);
    const { plan: drawing, drawn } = planFlags({ check: clean, catalog, capabilities: { conditionalFormats: true, notes: 'comments' }, notes: [ours(HEA09, 'x'), ours(WEL18, 'y'), { address: HEA24, content: '说明见附件' }], sheetProtected: false });
    expect(drawing.removeNotes).toEqual([HEA09, WEL18]);
    expect(drawing.addNotes).toEqual([]);
    expect(drawn.notesRemoved).toBe(2);
  });

  it("tells the add-in's notes by their prefix", () => {
    expect(isFlagNote(`${FLAG_NOTE_PREFIX}未达标`)).toBe(true);
    expect(isFlagNote('检查：我的批注')).toBe(false);
    expect(isFlagNote(`批注 ${FLAG_NOTE_PREFIX}`)).toBe(false);
  });
});
