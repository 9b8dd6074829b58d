import { seedCatalog } from '../../src/seed-catalog';
import type { Catalog } from '../../src/core/catalog/catalog';
import { evaluateReport, type ReportResult } from '../../src/core/report/evaluate-report';
import { buildTemplate, FIRST_DATA_ROW } from '../../src/core/template/build-template';
import { cellAddress, parseCellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { CELL_STYLES, FLAG_COLOURS, type TemplateModel } from '../../src/core/template/template-model';
import { insertTemplate, officeWorkbookHost, selectCell, WorkbookError } from '../../src/office-workbook';
import { FLAG_NOTE_PREFIX } from '../../src/workbook/flag-plan';
import { createWorkbook } from '../../src/workbook/workbook';
import type { CheckSheetOutcome } from '../../src/workbook/workbook-port';
import { FakeExcelHost, FakeWorkbook, type FakeSheet } from '../helpers/fake-excel';
import { fillTemplate } from './fill-template';
import { model10, model2000 } from './models';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025 });
const lastDataRow = FIRST_DATA_ROW + model.dataRows.length - 1;

const byEntry = (report: ReportResult) => new Map(report.results.map((result) => [`${result.indicatorId}|${result.unitId ?? ''}`, `${result.status}/${result.severity}`]));
const byIndicator = (report: ReportResult) => new Map(report.perUnit.map((summary) => [summary.indicatorId, summary.status]));

/**
 * 检查 as the add-in runs it — the port (src/workbook) over the Office.js adapter's flagSheet — and the syncs
 * it took, as the strict fake counted them.
 */
async function checkSheet(host: FakeExcelHost, catalog: Catalog, options: { sheetName?: string; payloadBudget?: number } = {}): Promise<CheckSheetOutcome & { syncs: number }> {
  const port = createWorkbook(officeWorkbookHost(host, options.payloadBudget === undefined ? {} : { payloadBudget: options.payloadBudget }));
  const before = host.syncs.length;
  const outcome = await port.check(catalog, 'zh-CN', options.sheetName);
  return { ...outcome, syncs: host.syncs.length - before };
}

/** Reads a sheet through the port, drawing nothing. */
const readTemplateSheet = (host: FakeExcelHost) => createWorkbook(officeWorkbookHost(host)).read();

function template(outcome: CheckSheetOutcome & { syncs: number }) {
  if (outcome.kind !== 'template') throw new Error(`not a template: ${outcome.message.zh}`);
  return outcome;
}

async function inserted(apiVersion?: string, templateModel: TemplateModel = model): Promise<{ host: FakeExcelHost; sheet: FakeSheet }> {
  const host = new FakeExcelHost(apiVersion ? { apiVersion } : {});
  const { sheetName } = await insertTemplate(host, templateModel);
  return { host, sheet: host.workbook.sheet(sheetName) };
}

describe('round trip: insert → filled and edited by people → read and checked = the engine on the same entries', () => {
  let host: FakeExcelHost;
  let sheet: FakeSheet;
  let direct: ReportResult;
  let outcome: ReturnType<typeof template>;
  let personNoteCell: string;

  beforeAll(async () => {
    ({ host, sheet } = await inserted());
    const entries = fillTemplate(sheet, model, catalog);
    direct = evaluateReport(catalog, { plan: 'children', year: 2025, entries });
    // a person's own note on a cell that will be flagged (a blank required value)
    const blank = model.dataRows.find((_info, i) => entries[i]?.value === '' && catalog.indicators.get(entries[i]?.indicatorId ?? '')?.unit === '%');
    personNoteCell = cellAddress(blank?.row as number, COLUMN_INDEX.value);
    sheet.personAddsNote(personNoteCell, '我的批注：数据待补');
    // then the sheet is edited: rows sorted by indicator code (descending), a row and a column inserted —
    // which Excel allows only once the protection is lifted (every row holds locked cells), as the README says;
    // the person protects it again after, ticking what the template allowed
    const allowed = { ...sheet.protection.options };
    expect(() => sheet.personSortsRows(FIRST_DATA_ROW + 1, lastDataRow + 1, () => 0)).toThrow(/protected sheet/);
    sheet.personUnprotects();
    sheet.personSortsRows(FIRST_DATA_ROW + 1, lastDataRow + 1, (a, b) => String(b(COLUMN_INDEX.id)).localeCompare(String(a(COLUMN_INDEX.id))) || String(a(COLUMN_INDEX.unitName)).localeCompare(String(b(COLUMN_INDEX.unitName))));
    sheet.personInsertsRows(40);
    sheet.personInsertsColumns(2);
    sheet.personProtects(allowed);
    host.syncs.length = 0;
    outcome = template(await checkSheet(host, catalog));
  });

  it('gives every indicator and township the status the engine gives the same entries', () => {
    expect(outcome.check.read.entries).toHaveLength(model.dataRows.length);
    expect(byEntry(outcome.check.report)).toEqual(byEntry(direct));
    expect(byIndicator(outcome.check.report)).toEqual(byIndicator(direct));
    expect(outcome.check.report.summary).toEqual(direct.summary);
    // the mix is real: met, missed, invalid and blank rows, and per-township indicators with 12 rows each
    expect(direct.summary.byStatus.met).toBeGreaterThan(5);
    expect(direct.summary.byStatus.notMet).toBeGreaterThan(5);
    expect(direct.perUnit.length).toBeGreaterThanOrEqual(5);
    expect(direct.perUnit.every((summary) => summary.unitCount === 12)).toBe(true);
  });

  it('reads by column marker and indicator code: the inserted column and row moved everything', () => {
    expect(outcome.check.read.columns.value).toBe(COLUMN_INDEX.value + 1);
    const full = outcome.check.read.entries.find((entry) => typeof entry.value === 'string' && /[０-９]/.test(entry.value));
    expect(full).toBeDefined();
    const pasted = outcome.check.read.entries.find((entry) => typeof entry.value === 'string' && /^\d+(\.\d+)?$/.test(entry.value));
    expect(pasted).toBeDefined();
  });

  it('flags land on the right cells with the right colours and notes', () => {
    const { flags } = outcome.check.flags;
    expect(flags.length).toBeGreaterThan(20);
    const idColumn = outcome.check.read.columns.id as number;
    for (const flag of flags) {
      const cell = sheet.at(flag.address);
      expect({ address: flag.address, fill: cell?.format.fill }).toEqual({ address: flag.address, fill: FLAG_COLOURS[flag.kind].fill });
      const { row } = parseCellAddress(flag.address);
      if (flag.indicatorId) expect(sheet.text(cellAddress(row, idColumn))).toBe(flag.indicatorId);
    }
    const movedPersonCell = [...sheet.notes()].find(([, content]) => content.startsWith('我的批注'))?.[0] as string;
    expect(outcome.drawn.notesSkipped).toEqual([movedPersonCell]);
    expect(sheet.notes().get(movedPersonCell)).toBe('我的批注：数据待补'); // a person's note is never replaced
    const ours = [...sheet.notes()].filter(([, content]) => content.startsWith(FLAG_NOTE_PREFIX));
    expect(ours).toHaveLength(flags.length - 1);
    for (const flag of flags) if (flag.address !== movedPersonCell) expect(sheet.notes().get(flag.address)).toBe(`${FLAG_NOTE_PREFIX}${flag.note}`);
    // a missed target is red, an invalid value amber, a strong swing orange
    expect(new Set(flags.map((flag) => flag.kind))).toEqual(new Set(['error', 'notMet', 'warning']));
  });

  it('takes 3 syncs (read, where people\'s notes are, write) and re-protects the sheet as it was', () => {
    expect(outcome.syncs).toBe(3);
    expect(host.syncs).toHaveLength(3);
    expect(sheet.protection).toEqual({ protected: true, options: { allowSort: true, allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true } });
  });

  it('clears old flags on re-check: a fixed cell gets its white fill back and loses its note', async () => {
    const fixed = outcome.check.flags.flags.find((flag) => flag.kind === 'error' && /^\S+$/.test(flag.address) && sheet.notes().has(flag.address) && outcome.check.read.entries.some((entry) => entry.cells.value === flag.address && entry.value === ''));
    expect(fixed).toBeDefined();
    const entry = outcome.check.read.entries.find((candidate) => candidate.cells.value === fixed?.address);
    const indicator = catalog.indicators.get(entry?.indicatorId as string);
    sheet.personTypes(fixed?.address as string, indicator?.unit === '%' ? '50' : '1');
    const again = template(await checkSheet(host, catalog));
    const errors = (flags: readonly { kind: string }[]) => flags.filter((flag) => flag.kind === 'error').length;
    expect(errors(again.check.flags.flags)).toBe(errors(outcome.check.flags.flags) - 1);
    expect(again.check.flags.flags.some((flag) => flag.address === fixed?.address && flag.kind === 'error')).toBe(false);
    const stillFlagged = again.check.flags.flags.some((flag) => flag.address === fixed?.address);
    if (!stillFlagged) {
      expect(sheet.at(fixed?.address as string)?.format.fill).toBe(CELL_STYLES.input.fill);
      expect(sheet.notes().has(fixed?.address as string)).toBe(false);
    }
    const ours = [...sheet.notes()].filter(([, content]) => content.startsWith(FLAG_NOTE_PREFIX));
    expect(ours).toHaveLength(again.check.flags.flags.length - again.drawn.notesSkipped.length);
    for (const flag of again.check.flags.flags) {
      if (!again.drawn.notesSkipped.includes(flag.address)) expect(sheet.notes().get(flag.address)).toBe(`${FLAG_NOTE_PREFIX}${flag.note}`);
      expect(sheet.at(flag.address)?.format.fill).toBe(FLAG_COLOURS[flag.kind].fill);
    }
    // unchanged flags keep their notes: only what changed is written
    expect(again.drawn.notesKept).toBeGreaterThan(outcome.drawn.notesAdded - 5);
    expect(again.drawn.notesRemoved).toBeGreaterThanOrEqual(1);
    expect(again.syncs).toBe(3);
    expect(sheet.protection.protected).toBe(true);
  });

  it('reads the sheet in one sync, with the add-in\'s notes', async () => {
    host.syncs.length = 0;
    const read = await readTemplateSheet(host);
    expect(host.syncs).toHaveLength(1);
    expect(read.grid.name).toBe(model.sheetName);
    expect(read.flagNotes.length).toBeGreaterThan(10);
    expect(read.flagNotes.every((note) => note.startsWith(FLAG_NOTE_PREFIX))).toBe(true);
  });

  it('selects a flagged cell in one sync', async () => {
    host.workbook.sheets.push(...new FakeWorkbook(['其他']).sheets);
    host.workbook.personActivates('其他');
    host.syncs.length = 0;
    await selectCell(host, model.sheetName, 'L7');
    expect(host.syncs).toHaveLength(1);
    expect(host.workbook.active).toBe(sheet);
    expect(host.workbook.selection).toEqual({ sheetId: sheet.id, rect: { r0: 6, c0: 11, r1: 6, c1: 11 } });
    await expect(selectCell(host, '不存在', 'A1')).rejects.toThrow(WorkbookError);
  });
});

describe('checkSheet keeps working however the sheet travelled', () => {
  it('reads a renamed sheet and a copied sheet (the metadata is in the sheet itself)', async () => {
    const { host, sheet } = await inserted();
    fillTemplate(sheet, model, catalog);
    host.workbook.personRenames(model.sheetName, '我的填报表');
    const renamed = template(await checkSheet(host, catalog, { sheetName: '我的填报表' }));
    const copy = host.workbook.personCopies('我的填报表');
    const copied = template(await checkSheet(host, catalog, { sheetName: copy.name }));
    expect(renamed.check.read.meta).toEqual(model.meta);
    expect(copied.check.read.meta).toEqual(model.meta);
    expect(byEntry(copied.check.report)).toEqual(byEntry(renamed.check.report));
    expect(copy.customProperties.get('xpm-meta')).toBe(sheet.customProperties.get('xpm-meta'));
  });

  it('says a sheet is not a template, in Chinese, without writing anything', async () => {
    const host = new FakeExcelHost({ workbook: new FakeWorkbook(['工资表']) });
    host.workbook.sheet('工资表').personTypes('A1', '姓名');
    host.workbook.sheet('工资表').personTypes('B1', '工资');
    const outcome = await checkSheet(host, catalog);
    expect(outcome).toMatchObject({ kind: 'notTemplate', sheetName: '工资表', looksLikeTemplate: false, syncs: 1 });
    expect(outcome.kind === 'notTemplate' && outcome.message.zh).toBe('工作表“工资表”不是监测指标填报模板');
    expect(host.syncs[0]?.actions).toBeLessThan(10); // loads only
  });

  it('says the hidden metadata row is missing when a person deleted it', async () => {
    const { host, sheet } = await inserted();
    for (let column = 0; column <= model.columns.length; column += 1) sheet.personTypes(cellAddress(0, column), ''); // the markers and the metadata cell after them
    const outcome = await checkSheet(host, catalog);
    expect(outcome).toMatchObject({ kind: 'notTemplate', looksLikeTemplate: true });
    expect(outcome.kind === 'notTemplate' && outcome.message.zh).toMatch(/缺少隐藏的模板信息行/);
  });

  it('names a missing sheet in Chinese', async () => {
    const { host } = await inserted();
    await expect(checkSheet(host, catalog, { sheetName: '不存在的表' })).rejects.toThrow('找不到名为“不存在的表”的工作表');
  });
});

describe('what Excel shows, not only what it stores', () => {
  it('reads "93%" typed into a value cell and "2:30" turned into a time as the person typed them', async () => {
    const { host, sheet } = await inserted();
    const info = model.dataRows.find((row) => catalog.indicators.get(row.indicatorId)?.unit === '%' && row.inputs.previous) as (typeof model.dataRows)[number];
    sheet.personTypes(cellAddress(info.row, COLUMN_INDEX.value), '93%'); // Excel stores 0.93 with a percent format
    sheet.personTypes(cellAddress(info.row, COLUMN_INDEX.previous), '2:30'); // Excel stores 0.104… as a time
    expect(sheet.value(cellAddress(info.row, COLUMN_INDEX.value))).toBe(0.93);
    const outcome = template(await checkSheet(host, catalog));
    const entry = outcome.check.read.entries.find((candidate) => candidate.row === info.row);
    expect(entry).toMatchObject({ value: '93%', previous: '2:30' });
    expect(outcome.check.flags.flags.some((flag) => flag.address === cellAddress(info.row, COLUMN_INDEX.previous) && flag.kind === 'error')).toBe(true);
  });
});

describe('older Excel', () => {
  it('ExcelApi 1.1: flags by fills only, status cells filled directly, no notes, no newer API touched', async () => {
    const { host, sheet } = await inserted('1.1');
    const entries = fillTemplate(sheet, model, catalog);
    const outcome = template(await checkSheet(host, catalog));
    expect(byEntry(outcome.check.report)).toEqual(byEntry(evaluateReport(catalog, { plan: 'children', year: 2025, entries })));
    expect(outcome.syncs).toBe(2);
    expect(outcome.drawn.notesAdded).toBe(0);
    expect(sheet.notes().size + sheet.notes('comment').size).toBe(0);
    expect(outcome.drawn.statusCellsFilled).toBe(outcome.check.flags.statusCells.length);
    for (const status of outcome.check.flags.statusCells) {
      expect(sheet.at(status.address)?.format).toMatchObject({ fill: FLAG_COLOURS[status.kind].fill, fontColor: FLAG_COLOURS[status.kind].font });
    }
    for (const flag of outcome.check.flags.flags) expect(sheet.at(flag.address)?.format.fill).toBe(FLAG_COLOURS[flag.kind].fill);
  });

  it('ExcelApi 1.10–1.17: the messages go into comments', async () => {
    const { host, sheet } = await inserted('1.12');
    fillTemplate(sheet, model, catalog);
    const outcome = template(await checkSheet(host, catalog));
    expect(sheet.notes().size).toBe(0);
    expect(sheet.notes('comment').size).toBe(outcome.check.flags.flags.length);
    sheet.personTypes(outcome.check.flags.flags[0]?.address as string, '');
    const again = template(await checkSheet(host, catalog));
    expect(again.drawn.notesKept + again.drawn.notesAdded).toBe(again.check.flags.flags.length);
    expect(again.drawn.notesKept).toBeGreaterThan(outcome.drawn.notesAdded - 3);
    expect(sheet.notes('comment').size).toBe(again.check.flags.flags.length);
    for (const flag of again.check.flags.flags) expect(sheet.notes('comment').get(flag.address)).toBe(`${FLAG_NOTE_PREFIX}${flag.note}`);
  });
});

describe('sync counts do not grow with the rows', () => {
  it.each([
    ['10', model10],
    ['2,000', model2000],
  ])('%s data rows: check in 2 syncs, 3 when people left notes; read in 1', async (_label, make) => {
    const { catalog: county, model: built } = make() as { catalog: Catalog; model: TemplateModel };
    const { host, sheet } = await inserted(undefined, built);
    fillTemplate(sheet, built, county);
    host.syncs.length = 0;
    const first = template(await checkSheet(host, county));
    expect(first.check.read.entries).toHaveLength(built.dataRows.length);
    expect(first.syncs).toBe(2);
    sheet.personAddsNote('A1', '个人批注');
    const second = template(await checkSheet(host, county));
    expect(second.syncs).toBe(3);
    expect(host.syncs.length).toBe(5);
    for (const sync of host.syncs) expect(sync.payloadBytes).toBeLessThan(2 * 1024 * 1024);
    host.syncs.length = 0;
    await readTemplateSheet(host);
    expect(host.syncs).toHaveLength(1);
  });

  it('splits the flag writes under a small budget, each sync within it', async () => {
    const { catalog: county, model: built } = model2000();
    const { host, sheet } = await inserted(undefined, built);
    fillTemplate(sheet, built, county);
    host.syncs.length = 0;
    const budget = 64 * 1024;
    const outcome = template(await checkSheet(host, county, { payloadBudget: budget }));
    expect(outcome.syncs).toBeGreaterThan(3);
    for (const sync of host.syncs) expect(sync.payloadBytes).toBeLessThanOrEqual(budget);
    expect(sheet.protection.protected).toBe(true);
  });
});
