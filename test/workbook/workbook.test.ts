import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { officeWorkbookHost, type ExcelHost } from '../../src/office-workbook';
import { OWN_WRITE_WINDOW_MS } from '../../src/workbook/own-writes';
import { createWorkbook, type WorkbookOptions } from '../../src/workbook/workbook';
import type { SheetChange } from '../../src/workbook/workbook-port';
import { FakeExcelHost } from '../helpers/fake-excel';
import { MemoryWorkbookHost } from '../helpers/memory-workbook-host';

/** The port as the add-in wires it: createWorkbook over the Office.js adapter, here over the strict fake Excel. */
const officeWorkbook = (host: ExcelHost, options?: WorkbookOptions) => createWorkbook(officeWorkbookHost(host), options);

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const firstRow = model.dataRows[0]?.row as number;
const valueCell = cellAddress(firstRow, COLUMN_INDEX.value);
const noteCell = cellAddress(firstRow, COLUMN_INDEX.note);

/** A fake host whose next run waits until `release()`: to act (as a person) while a write is in flight. */
class GatedHost extends FakeExcelHost {
  private gate?: Promise<void>;
  private open?: () => void;
  private entered?: () => void;
  enteredRun?: Promise<void>;

  holdNextRun(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
    this.enteredRun = new Promise((resolve) => (this.entered = resolve));
  }

  release(): void {
    this.open?.();
  }

  override async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) {
      this.entered?.();
      await gate;
    }
    return super.run(batch);
  }
}

async function setUp(apiVersion: string, eventDelayMs = 0) {
  const host = new GatedHost({ apiVersion, eventDelayMs });
  let clock = 1_000_000;
  const port = officeWorkbook(host, { now: () => clock });
  const { sheetName } = await port.insertTemplate(model);
  const changes: SheetChange[] = [];
  const stop = await port.watchChanges((change) => changes.push(change));
  return {
    host,
    port,
    sheetName,
    changes,
    stop,
    advance: (ms: number) => void (clock += ms),
  };
}

describe('the WorkbookPort over Office.js: writeCells and watchChanges', () => {
  it('resolves watchChanges to null below ExcelApi 1.7', async () => {
    const port = officeWorkbook(new FakeExcelHost({ apiVersion: '1.6' }));
    expect(await port.watchChanges(() => undefined)).toBeNull();
  });

  it('writes cells through the adapter (one sync)', async () => {
    const { host, port, sheetName } = await setUp('1.18');
    const syncs = host.syncs.length;
    await port.writeCells(sheetName, [{ address: noteCell, value: '说明' }]);
    expect(host.syncs.length - syncs).toBe(1);
    expect(host.workbook.sheet(sheetName).value(noteCell)).toBe('说明');
  });

  describe.each(['1.18', '1.14', '1.12', '1.7'])('ExcelApi %s', (apiVersion) => {
    it("calls the listener for a person's edit and a co-author's, with plain data", async () => {
      const { host, sheetName, changes, advance } = await setUp(apiVersion);
      advance(OWN_WRITE_WINDOW_MS + 1); // the template's insertion is long past
      await host.personTypes(valueCell, '85', sheetName);
      await host.personTypes(noteCell, '疫苗', sheetName, { coauthor: true });
      const sheetId = host.workbook.sheet(sheetName).id;
      expect(changes).toEqual([
        { sheetId, sheetName, address: valueCell, source: 'local' },
        { sheetId, sheetName, address: noteCell, source: 'remote' },
      ]);
    });

    it("does not call it for the add-in's own writes: insert, check's flags, writeCells", async () => {
      const { host, port, sheetName, changes } = await setUp(apiVersion);
      await host.settleEvents();
      await port.check(catalog, 'zh-CN');
      await port.writeCells(sheetName, [{ address: noteCell, value: '说明' }]);
      await port.insertTemplate(model);
      await host.settleEvents();
      // Excel did raise them: the port held them back
      const raised = host.events.fired.filter((event) => event.event === 'changed' && event.origin === 'addin' && event.handlers > 0);
      expect(raised.length).toBeGreaterThanOrEqual(3);
      expect(changes).toEqual([]);
    });
  });

  it('trusts triggerSource (ExcelApi 1.14+): a person typing while a write is in flight is still reported', async () => {
    const { host, port, sheetName, changes } = await setUp('1.14');
    host.holdNextRun();
    const writing = port.writeCells(sheetName, [{ address: noteCell, value: '说明' }]);
    await host.enteredRun;
    await host.personTypes(valueCell, '85', sheetName);
    host.release();
    await writing;
    await host.settleEvents();
    expect(changes.map((change) => change.address)).toEqual([valueCell]);
  });

  describe('without triggerSource (ExcelApi 1.7–1.13): in flight or within the window = the add-in', () => {
    it('ignores events while a write is in flight and until the window has passed, then reports again', async () => {
      const { host, port, sheetName, changes, advance } = await setUp('1.12');
      host.holdNextRun();
      const writing = port.writeCells(sheetName, [{ address: noteCell, value: '说明' }]);
      await host.enteredRun;
      await host.personTypes(valueCell, '1', sheetName); // in flight: taken for the add-in's (the documented cost)
      host.release();
      await writing;
      await host.settleEvents();
      advance(OWN_WRITE_WINDOW_MS - 1);
      await host.personTypes(valueCell, '2', sheetName); // still within the window
      advance(2);
      await host.personTypes(valueCell, '3', sheetName);
      expect(changes.map((change) => change.address)).toEqual([valueCell]);
      expect(host.workbook.sheet(sheetName).value(valueCell)).toBe(3);
    });

    it('the window is what holds back late events of its own writes (a port without one reports them)', async () => {
      const host = new FakeExcelHost({ apiVersion: '1.7', eventDelayMs: 20 });
      const port = officeWorkbook(host, { ownWriteWindowMs: 0 });
      const { sheetName } = await port.insertTemplate(model);
      await host.settleEvents();
      const changes: SheetChange[] = [];
      await port.watchChanges((change) => changes.push(change));
      await port.writeCells(sheetName, [{ address: noteCell, value: '说明' }]);
      await host.settleEvents();
      expect(changes.map((change) => change.address)).toEqual([noteCell]);

      const guarded = officeWorkbook(host, { ownWriteWindowMs: 200 });
      const guardedChanges: SheetChange[] = [];
      await guarded.watchChanges((change) => guardedChanges.push(change));
      await guarded.writeCells(sheetName, [{ address: noteCell, value: '说明二' }]);
      await host.settleEvents();
      expect(guardedChanges).toEqual([]);
    });
  });

  it('stops listening', async () => {
    const { host, sheetName, changes, stop, advance } = await setUp('1.18');
    await stop?.();
    advance(OWN_WRITE_WINDOW_MS + 1);
    await host.personTypes(valueCell, '85', sheetName);
    expect(changes).toEqual([]);
    expect(host.events.handlerCount()).toBe(0);
  });
});

describe('createWorkbook over any host (here the in-memory one): how it uses the primitives', () => {
  /** The memory host with every step of 检查's visits recorded. */
  function recorded(options: ConstructorParameters<typeof MemoryWorkbookHost>[0] = {}) {
    const host = new MemoryWorkbookHost(options);
    const steps: string[] = [];
    const flagSheet = host.flagSheet.bind(host);
    host.flagSheet = (sheetName, visit) =>
      flagSheet(sheetName, (sheet) =>
        visit({
          read: () => (steps.push('read'), sheet.read()),
          locateNotes: () => (steps.push('locateNotes'), sheet.locateNotes()),
          draw: (plan) => (steps.push(`draw ${plan.addNotes.length}+ ${plan.removeNotes.length}- unprotect:${plan.unprotect}`), sheet.draw(plan)),
        }),
      );
    return { host, steps, port: createWorkbook(host) };
  }

  it('checks a template in one visit: read, draw; notes located only when the sheet has some', async () => {
    const { host, steps, port } = recorded();
    const { sheetName } = await port.insertTemplate(model);
    host.personTypes(valueCell, '85', sheetName);
    const first = await port.check(catalog, 'zh-CN');
    expect(first.kind).toBe('template');
    const flagged = first.kind === 'template' ? first.drawn.flaggedCells : 0;
    expect(steps).toEqual(['read', `draw ${flagged}+ 0- unprotect:true`]);
    steps.length = 0;
    await port.check(catalog, 'zh-CN', sheetName);
    expect(steps).toEqual(['read', 'locateNotes', 'draw 0+ 0- unprotect:true']);
    expect(host.calls.filter((call) => call === 'flagSheet')).toHaveLength(2);
  });

  it('reads a sheet that is no template and draws nothing into it', async () => {
    const { host, steps, port } = recorded({ sheets: ['工资表'] });
    host.personTypes('A1', '姓名');
    host.personAddsNote('B2', '个人批注');
    const outcome = await port.check(catalog, 'zh-CN');
    expect(outcome).toEqual({ kind: 'notTemplate', sheetName: '工资表', looksLikeTemplate: false, message: expect.objectContaining({ zh: '工作表“工资表”不是监测指标填报模板' }) });
    expect(steps).toEqual(['read']);
  });

  it("lists only the add-in's notes in a read, and says nothing of how the host inserted", async () => {
    // the Office adapter tells its round trips; the port does not pass them on
    await expect(officeWorkbook(new FakeExcelHost()).insertTemplate(model)).resolves.toEqual({ sheetName: model.sheetName });
    const { host, port } = recorded();
    const inserted = await port.insertTemplate(model, { replaceSheet: '不存在' });
    expect(inserted).toEqual({ sheetName: model.sheetName });
    host.personAddsNote('A2', '个人批注');
    await port.check(catalog, 'zh-CN');
    const read = await port.read();
    expect(read.flagNotes.length).toBeGreaterThan(0);
    expect(read.flagNotes.every((note) => note.startsWith('【检查】'))).toBe(true);
    expect(Object.keys(read)).toEqual(['grid', 'flagNotes']);
  });

  it('reports a replaced sheet, and passes a host\'s WorkbookError through', async () => {
    const { port } = recorded({ sheets: [model.sheetName, '封面'] });
    await expect(port.insertTemplate(model, { replaceSheet: model.sheetName })).resolves.toEqual({ sheetName: model.sheetName, replaced: model.sheetName });
    await expect(port.selectCell('不存在', 'A1')).rejects.toMatchObject({ name: 'WorkbookError', code: 'ItemNotFound' });
    await expect(port.writeCells(model.sheetName, [{ address: 'B5', value: '改名' }])).rejects.toMatchObject({ name: 'WorkbookError', code: 'AccessDenied' });
  });

  it('does not ask a host without change events to watch', async () => {
    const { host, port } = recorded({ capabilities: { changeEvents: false } });
    expect(await port.watchChanges(() => undefined)).toBeNull();
    expect(host.calls).not.toContain('watchChanges');
  });

  it("holds back the add-in's own writes on a host whose events fire inside the write (no trigger, no window)", async () => {
    const { host } = recorded({ capabilities: { triggerSource: false } });
    let clock = 1_000_000;
    const port = createWorkbook(host, { ownWriteWindowMs: 0, now: () => clock });
    const { sheetName } = await port.insertTemplate(model);
    const changes: SheetChange[] = [];
    await port.watchChanges((change) => changes.push(change));
    await port.writeCells(sheetName, [{ address: noteCell, value: '说明' }]);
    await port.check(catalog, 'zh-CN');
    clock += 1;
    host.personTypes(valueCell, '85', sheetName);
    expect(changes).toEqual([{ sheetId: host.sheet(sheetName).id, sheetName, address: valueCell, source: 'local' }]);
  });
});
