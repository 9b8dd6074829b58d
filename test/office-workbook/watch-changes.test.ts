import { seedCatalog } from '../../src/seed-catalog';
import { buildTemplate } from '../../src/core/template/build-template';
import { cellAddress } from '../../src/core/template/cell-address';
import { COLUMN_INDEX } from '../../src/core/template/template-columns';
import { insertTemplate, officeWorkbookHost, watchChanges, writeCells } from '../../src/office-workbook';
import { createWorkbook } from '../../src/workbook/workbook';
import type { HostChange } from '../../src/workbook/workbook-host';
import { FakeExcelHost, FakeWorkbook } from '../helpers/fake-excel';

const catalog = seedCatalog();
const model = buildTemplate(catalog, { plan: 'children', year: 2025, organisationId: 'guishan' });
const firstRow = model.dataRows[0]?.row as number;
const valueCell = cellAddress(firstRow, COLUMN_INDEX.value);
const noteCell = cellAddress(firstRow, COLUMN_INDEX.note);

async function watching(apiVersion: string, sheets: readonly string[] = ['Sheet1']) {
  const host = new FakeExcelHost({ apiVersion, workbook: new FakeWorkbook(sheets) });
  const changes: HostChange[] = [];
  const syncsBefore = host.syncs.length;
  const stop = await watchChanges(host, (change) => changes.push(change));
  return { host, changes, stop, registrationSyncs: host.syncs.length - syncsBefore };
}

describe('watchChanges', () => {
  it('resolves null below ExcelApi 1.7, without touching Excel', async () => {
    const { host, stop } = await watching('1.6');
    expect(stop).toBeNull();
    expect(host.runs).toBe(0);
  });

  describe.each([
    { apiVersion: '1.18', trigger: true, syncs: 1 },
    { apiVersion: '1.14', trigger: true, syncs: 1 },
    { apiVersion: '1.12', trigger: false, syncs: 1 },
    { apiVersion: '1.9', trigger: false, syncs: 1 },
    { apiVersion: '1.8', trigger: false, syncs: 2 },
    { apiVersion: '1.7', trigger: false, syncs: 2 },
  ])('ExcelApi $apiVersion', ({ apiVersion, trigger, syncs }) => {
    it(`registers in ${syncs} sync(s) and reports a person's edit as plain data`, async () => {
      const { host, changes, stop, registrationSyncs } = await watching(apiVersion, ['数据', '汇总']);
      expect(stop).not.toBeNull();
      expect(registrationSyncs).toBe(syncs);
      const handed = await host.personTypes('b3', '95.2', '汇总');
      expect(handed).toBe(1);
      expect(changes).toEqual([
        { sheetId: host.workbook.sheet('汇总').id, sheetName: '汇总', address: 'B3', changeType: 'RangeEdited', source: 'local', byThisAddin: trigger ? false : null },
      ]);
      await host.personPastesText('A1', [['1', '2'], ['3', '4']], '数据', { coauthor: true });
      expect(changes[1]).toMatchObject({ sheetName: '数据', address: 'A1:B2', source: 'remote', byThisAddin: trigger ? false : null });
      // triggerSource was read only where the host has it: the fake throws on older hosts
      expect(host.events.handlerErrors).toEqual([]);
    });

    it('reports the add-in\'s own writes too, after their sync — byThisAddin where the host tells', async () => {
      const { host, changes } = await watching(apiVersion, ['数据']);
      await writeCells(host, '数据', [{ address: 'C4', value: 'x' }]);
      expect(changes).toEqual([]); // not during the sync: Excel raises the event afterwards
      await host.settleEvents();
      expect(changes).toEqual([expect.objectContaining({ sheetName: '数据', address: 'C4', source: 'local', byThisAddin: trigger ? true : null })]);
    });

    it('follows sheets added after it began (a template inserted), and stops for good', async () => {
      const { host, changes, stop } = await watching(apiVersion);
      const { sheetName } = await insertTemplate(host, model);
      await host.settleEvents();
      changes.length = 0;
      await host.personTypes(valueCell, '85', sheetName);
      expect(changes).toEqual([expect.objectContaining({ sheetId: host.workbook.sheet(sheetName).id, address: valueCell, byThisAddin: trigger ? false : null })]);
      // 1.7–1.8 learned the new sheet's name when it was added; newer hosts only know the sheets of the start
      expect(changes[0]?.sheetName).toBe(syncs === 2 ? sheetName : undefined);

      await stop?.();
      expect(host.events.handlerCount('changed')).toBe(0);
      expect(host.events.handlerCount('added')).toBe(0);
      await host.personTypes(noteCell, '说明', sheetName);
      await createWorkbook(officeWorkbookHost(host)).check(catalog, 'zh-CN'); // the add-in's own writes, too
      await host.settleEvents();
      expect(changes).toHaveLength(1);
      await stop?.(); // a second stop does nothing
    });
  });

  it('1.7–1.8: a sheet added just before watching began, reported after, gets one handler, not two', async () => {
    const host = new FakeExcelHost({ apiVersion: '1.8', eventDelayMs: 20 });
    const { sheetName } = await insertTemplate(host, model); // its onAdded comes 20 ms later
    const changes: HostChange[] = [];
    await watchChanges(host, (change) => changes.push(change));
    await host.settleEvents();
    expect(host.events.fired.filter((event) => event.event === 'added')).toEqual([expect.objectContaining({ handlers: 1 })]);
    changes.length = 0;
    await host.personTypes(valueCell, '85', sheetName);
    expect(changes).toHaveLength(1);
  });

  it('keeps going when the listener throws', async () => {
    const host = new FakeExcelHost({ workbook: new FakeWorkbook(['数据']) });
    let calls = 0;
    await watchChanges(host, () => {
      calls += 1;
      throw new Error('listener bug');
    });
    await host.personTypes('A1', '1');
    await host.personTypes('A2', '2');
    expect(calls).toBe(2);
    expect(host.events.handlerErrors).toEqual([]);
  });

  it('fails with a WorkbookError when Excel refuses the registration', async () => {
    const host = new FakeExcelHost();
    host.run = () => Promise.reject(Object.assign(new Error('Excel is busy'), { code: 'GeneralException' }));
    await expect(watchChanges(host, () => undefined)).rejects.toMatchObject({ name: 'WorkbookError', zh: expect.stringContaining('开始监视工作表的修改失败') });
  });
});
