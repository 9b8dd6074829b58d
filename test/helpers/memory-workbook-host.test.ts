import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { encodeMetadata } from '../../src/core/template/template-metadata';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { CELL_STYLES } from '../../src/core/template/template-model';
import type { FlagPlan, HostChange } from '../../src/workbook/workbook-host';
import { MemoryWorkbookHost } from './memory-workbook-host';

const model = buildTemplate(seedCatalog(), { plan: 'children', year: 2025, organisationId: 'guishan' });
const noDrawing: FlagPlan = { unprotect: false, fills: [], fonts: [], removeNotes: [], addNotes: [] };
/** Cells of the first two indicator rows (read from the model: the layout puts a group row above them). */
const first = model.dataRows[0]?.row ?? 0;
const [CODE, VALUE, STATUS, NOTE, SOURCE] = (['id', 'value', 'status', 'note', 'dataSource'] as const).map((key) => cellAddress(first, COLUMN_INDEX[key])) as [string, string, string, string, string];
const SECOND_VALUE = cellAddress(model.dataRows[1]?.row ?? 0, COLUMN_INDEX.value);
const META = cellAddress(0, model.columns.length);

async function inserted(options: ConstructorParameters<typeof MemoryWorkbookHost>[0] = {}) {
  const host = new MemoryWorkbookHost(options);
  const { sheetName } = await host.insertTemplate(model, {});
  return { host, sheetName, sheet: host.sheet(sheetName) };
}

describe('the in-memory WorkbookHost (the second host of the seam test) is strict where a spreadsheet is', () => {
  it('inserts the model: values, formulas, text formats, fills, unlocked inputs, protection; a taken name gets "(2)"', async () => {
    const { host, sheet } = await inserted();
    expect(sheet.value(META)).toBe(encodeMetadata(model.meta));
    expect(sheet.cell(STATUS)?.formula).toMatch(/^=IF\(/);
    expect(sheet.cell(NOTE)).toMatchObject({ numberFormat: '@', fill: CELL_STYLES.inputText.fill, locked: false });
    expect(sheet.cell(CODE)).toMatchObject({ fill: CELL_STYLES.cellCentered.fill, locked: true });
    expect(sheet.sheetProtected).toBe(true);
    await expect(host.insertTemplate(model, {})).resolves.toEqual({ sheetName: `${model.sheetName} (2)` });
    await expect(host.sheetNames()).resolves.toEqual(['Sheet1', model.sheetName, `${model.sheetName} (2)`]);
  });

  it('types as a spreadsheet does: numbers become numbers, text-formatted cells keep text', async () => {
    const { host, sheetName, sheet } = await inserted();
    host.personTypes(VALUE, '85', sheetName);
    await host.writeCells(sheetName, [{ address: SOURCE, value: '95' }]);
    expect([sheet.value(VALUE), sheet.value(SOURCE)]).toEqual([85, '95']);
  });

  it('refuses a locked cell of a protected sheet, and drawing there without lifting the protection', async () => {
    const { host, sheetName, sheet } = await inserted();
    await expect(host.writeCells(sheetName, [{ address: CODE, value: '改名' }])).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(sheet.value(CODE)).toBe(model.dataRows[0]?.indicatorId);
    const drawing = host.flagSheet(sheetName, async (visit) => {
      await visit.read();
      await visit.draw({ ...noDrawing, fills: [{ address: VALUE, colour: '#FFC7CE' }] });
    });
    await expect(drawing).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(sheet.cell(VALUE)?.fill).toBe(CELL_STYLES.input.fill);
  });

  it('holds one note a cell, and removes only notes that are there', async () => {
    const { host, sheetName } = await inserted();
    host.personAddsNote(VALUE, '我的批注', sheetName);
    const draw = (plan: Partial<FlagPlan>) =>
      host.flagSheet(sheetName, async (visit) => {
        await visit.read();
        await visit.draw({ ...noDrawing, unprotect: true, ...plan });
      });
    await expect(draw({ addNotes: [{ address: VALUE, content: '【检查】x' }] })).rejects.toThrow(`${VALUE} has a note already`);
    await expect(draw({ removeNotes: [SECOND_VALUE] })).rejects.toThrow(`no note at ${SECOND_VALUE}`);
    await draw({ removeNotes: [VALUE], addNotes: [{ address: VALUE, content: '【检查】x' }] });
    expect(host.sheet(sheetName).notes()).toEqual(new Map([[VALUE, '【检查】x']]));
  });

  it('locates notes only after reading, and names a missing sheet', async () => {
    const { host, sheetName } = await inserted();
    host.personAddsNote('A2', '批注', sheetName);
    await expect(host.flagSheet(sheetName, (visit) => visit.locateNotes())).rejects.toThrow('read() the sheet first');
    await expect(host.flagSheet(sheetName, async (visit) => (await visit.read(), visit.locateNotes()))).resolves.toEqual([{ address: 'A2', content: '批注' }]);
    await expect(host.readSheet('不存在')).rejects.toMatchObject({ name: 'WorkbookError', code: 'ItemNotFound', zh: expect.stringContaining('找不到名为“不存在”的工作表') });
  });

  it.each([true, false])('fires change events inside the call that caused them (byThisAddin told: %s)', async (triggerSource) => {
    const { host, sheetName } = await inserted({ capabilities: { triggerSource } });
    const changes: HostChange[] = [];
    const stop = await host.watchChanges((change) => changes.push(change));
    const writing = host.writeCells(sheetName, [{ address: NOTE, value: '说明' }]);
    expect(changes).toHaveLength(1); // before the promise is even awaited: synchronous underneath
    await writing;
    host.personTypes(VALUE, '1', sheetName);
    expect(changes.map((change) => [change.address, change.byThisAddin])).toEqual([
      [NOTE, triggerSource ? true : null],
      [VALUE, triggerSource ? false : null],
    ]);
    await stop?.();
    host.personTypes(SECOND_VALUE, '1', sheetName);
    expect(changes).toHaveLength(2);
  });
});
