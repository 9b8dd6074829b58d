/**
 * What real Excel does per Microsoft's documentation and the office-js issues, that a lenient fake lets pass
 * (issue 13, points 2, 3, 5 and 6): each test runs the real adapter and port on a profile of the strict fake
 * (test/helpers/fake-excel/profiles.ts) that plays the behaviour.
 */
import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { CELL_STYLES } from '../../src/core/template/template-model';
import { insertTemplate, officeWorkbookHost } from '../../src/office-workbook';
import { FLAG_NOTE_PREFIX } from '../../src/workbook/flag-plan';
import { createWorkbook } from '../../src/workbook/workbook';
import type { CheckSheetOutcome } from '../../src/workbook/workbook-port';
import { fakeExcel, FakeWorkbook, WEB_PAYLOAD_LIMIT_BYTES, type FakeExcelHost, type FakeProfile } from '../helpers/fake-excel';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const first = model.dataRows[0]?.row as number;
const valueCell = (index: number) => cellAddress(model.dataRows[index]?.row as number, COLUMN_INDEX.value);

const check = (host: FakeExcelHost, sheetName?: string) => createWorkbook(officeWorkbookHost(host)).check(catalog, 'zh-CN', sheetName);

function template(outcome: CheckSheetOutcome) {
  if (outcome.kind !== 'template') throw new Error(`not a template: ${outcome.message.zh}`);
  return outcome;
}

/** The template inserted into a workbook on one Excel; the same workbook can then be opened on another. */
async function insertedOn(profile: FakeProfile, workbook = new FakeWorkbook()) {
  const host = fakeExcel(profile, { workbook });
  const { sheetName } = await insertTemplate(host, model);
  return { host, workbook, sheet: workbook.sheet(sheetName), sheetName };
}

/** Our flags in the sheet, by kind. */
const flagsOf = (host: FakeExcelHost, sheetName: string, kind: 'note' | 'comment') =>
  [...host.workbook.sheet(sheetName).notes(kind)].filter(([, content]) => content.startsWith(FLAG_NOTE_PREFIX));

describe('2. notes (ExcelApi 1.18) and threaded comments (1.10): a workbook travels between Excels', () => {
  it('Microsoft 365 after Office 2021: its 【检查】 comments are removed, notes written, the sheet protected again', async () => {
    const { workbook, sheetName } = await insertedOn('perpetual2021');
    template(await check(fakeExcel('perpetual2021', { workbook })));
    const comments = flagsOf(fakeExcel('perpetual2021', { workbook }), sheetName, 'comment');
    expect(comments.length).toBeGreaterThan(2);

    const m365 = fakeExcel('microsoft365', { workbook });
    const outcome = template(await check(m365));
    expect(flagsOf(m365, sheetName, 'comment')).toEqual([]);
    expect(flagsOf(m365, sheetName, 'note').map(([address]) => address).sort()).toEqual(outcome.check.flags.flags.map((flag) => flag.address).sort());
    expect(workbook.sheet(sheetName).protection.protected).toBe(true);
    expect(outcome.drawn).toMatchObject({ notesAdded: comments.length, notesRemoved: comments.length, notesKept: 0 });
  });

  it('Microsoft 365: a person\'s own comment on a flagged cell is left alone, and no note is put beside it', async () => {
    const { host, sheet, sheetName } = await insertedOn('microsoft365');
    sheet.personAddsNote(valueCell(0), '请张三核实', 'comment');
    const outcome = template(await check(host));
    expect(outcome.check.flags.flags.some((flag) => flag.address === valueCell(0))).toBe(true);
    expect(outcome.drawn.notesSkipped).toEqual([valueCell(0)]);
    expect(sheet.notes('comment').get(valueCell(0))).toBe('请张三核实');
    expect(sheet.notes('note').has(valueCell(0))).toBe(false);
    expect(flagsOf(host, sheetName, 'note')).toHaveLength(outcome.check.flags.flags.length - 1);
  });

  it('Office 2021 after Microsoft 365: a comment refused beside an invisible note never leaves the sheet unprotected', async () => {
    const { workbook, sheet, sheetName } = await insertedOn('microsoft365');
    template(await check(fakeExcel('microsoft365', { workbook })));
    const notes = flagsOf(fakeExcel('microsoft365', { workbook }), sheetName, 'note');
    expect(notes.length).toBeGreaterThan(2);
    // a value fixed in Microsoft 365 changes nothing here: the cells keep the notes the Office 2021 API cannot see
    const office2021 = fakeExcel('perpetual2021', { workbook });
    const syncsBefore = office2021.syncs.length;
    const outcome = template(await check(office2021));
    expect(sheet.protection).toMatchObject({ protected: true, options: { allowSort: true, allowAutoFilter: true } });
    // the colours are drawn; the notes stay in the task pane's list
    for (const flag of outcome.check.flags.flags) expect(sheet.at(flag.address)?.format.fill).not.toBe(CELL_STYLES.input.fill);
    expect(outcome.drawn.notesFailed?.length).toBeGreaterThan(0);
    expect(outcome.drawn.notesAdded).toBe(0);
    // read, draw (refused), where the protection stands, colours again: a constant number of syncs
    expect(office2021.syncs.length - syncsBefore).toBe(4);
  });
});

describe('3. protection a person changed', () => {
  it('a sheet protected again with a password: the findings stand, a clear message says why nothing was drawn, nothing changed', async () => {
    const { host, sheet } = await insertedOn('microsoft365');
    sheet.personTypes(valueCell(0), '-5');
    sheet.personUnprotects();
    sheet.personProtects({ allowFormatColumns: true }, '秘密');
    const before = sheet.at(valueCell(0))?.format.fill;
    const outcome = template(await check(host));
    expect(outcome.check.flags.flags.length).toBeGreaterThan(0);
    expect(outcome.drawn.notDrawn?.zh).toMatch(/设置了保护密码.*审阅 › 撤消工作表保护/);
    expect(outcome.drawn.notDrawn?.en).toMatch(/password/);
    expect(sheet.protection).toEqual({ protected: true, options: { allowFormatColumns: true }, password: '秘密' });
    expect(sheet.at(valueCell(0))?.format.fill).toBe(before);
    expect(sheet.notes('note').size).toBe(0);
  });

  it('sorting and filtering a protected template is refused whatever allowSort and allowAutoFilter say (every row holds locked cells)', async () => {
    const { sheet } = await insertedOn('microsoft365');
    expect(sheet.protection.options).toMatchObject({ allowSort: true, allowAutoFilter: true });
    const last = first + model.dataRows.length;
    expect(() => sheet.personSortsRows(first + 1, last, () => 0)).toThrow(/protected sheet/);
    expect(() => sheet.personAppliesAutoFilter(`A${first}:N${last}`)).toThrow(/protected/);
    // what the README tells people: lift the protection (no password), then sort or filter
    sheet.personUnprotects();
    expect(() => sheet.personSortsRows(first + 1, last, () => 0)).not.toThrow();
    sheet.personAppliesAutoFilter(`A${first}:N${last}`);
    sheet.personFilters(COLUMN_INDEX.id, (value) => value === model.dataRows[0]?.indicatorId);
    expect(sheet.hiddenRows.size).toBeGreaterThan(0);
  });
});

describe('5. Excel.run while a person is editing a cell', () => {
  it('ExcelApi 1.11+: the batch waits until the edit ends (delayForCellEdit), then checks', async () => {
    const { workbook } = await insertedOn('microsoft365');
    const host = fakeExcel('cellEdit', { workbook });
    let settled = false;
    const checking = check(host).then((outcome) => {
      settled = true;
      return outcome;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    host.personEndsEditing();
    expect(template(await checking).check.flags.flags.length).toBeGreaterThan(0);
    expect(host.delayedRuns).toBe(host.runs);
  });

  it('below ExcelApi 1.11 (Office 2019): the batch fails, and the message says to press Enter or Esc', async () => {
    const { workbook } = await insertedOn('perpetual2019');
    const host = fakeExcel('perpetual2019', { workbook, cellEditMode: true });
    await expect(check(host)).rejects.toMatchObject({ zh: expect.stringMatching(/正在编辑单元格.*Enter 或 Esc/), code: 'InvalidOperationInCellEditMode' });
    expect(host.delayedRuns).toBe(0);
  });
});

describe('6. freezing, the 5 MB response cap, fit to page', () => {
  it('freezes the header of the new sheet after activating it (builds that refuse to freeze an inactive sheet)', async () => {
    const { sheet, workbook } = await insertedOn('perpetual2019', new FakeWorkbook(['说明', '数据']));
    expect(workbook.active).toBe(sheet);
    expect(sheet.freeze).toEqual(model.freeze);
  });

  it('Excel on the web: a stray entry at row 100,000 does not push the read over 5 MB — only the template\'s rows and columns are read', async () => {
    const { host, sheet } = await insertedOn('web');
    sheet.personTypes('A100000', '随手记');
    sheet.personTypes('ZZ10', 'x');
    const syncsBefore = host.syncs.length;
    const outcome = template(await check(host));
    expect(outcome.check.read.entries).toHaveLength(model.dataRows.length);
    const syncs = host.syncs.slice(syncsBefore);
    expect(syncs).toHaveLength(2);
    for (const sync of syncs) expect(sync.responseBytes).toBeLessThan(WEB_PAYLOAD_LIMIT_BYTES / 2);
  });

  it('page layout is set on the active new sheet: A3 landscape, one page wide, as many tall as needed, the visible columns only', async () => {
    const { sheet } = await insertedOn('microsoft365', new FakeWorkbook(['说明']));
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A3', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printArea: model.print.area });
  });
});
