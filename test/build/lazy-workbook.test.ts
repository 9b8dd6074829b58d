import { buildTemplate } from '../../src/core/template/build-template';
import { seedCatalog } from '../../src/seed-catalog';
import { lazyOfficeWorkbook, lazyWorkbook } from '../../src/apps/taskpane/workbook/lazy-workbook';
import type { WorkbookPort } from '../../src/workbook/workbook-port';
import { FakeExcelHost, FakeWorkbook } from '../helpers/fake-excel';

/** A WorkbookPort whose methods record their calls and answer with fixed values. */
function recordingPort(calls: string[]): WorkbookPort {
  return {
    insertTemplate: (model, options) => (calls.push(`insert ${model.sheetName} ${JSON.stringify(options ?? null)}`), Promise.resolve({ sheetName: 'S' } as never)),
    check: (_catalog, language, sheetName) => (calls.push(`check ${language} ${sheetName ?? '-'}`), Promise.resolve({ kind: 'checked' } as never)),
    read: (sheetName) => (calls.push(`read ${sheetName ?? '-'}`), Promise.resolve({ kind: 'read' } as never)),
    selectCell: (sheetName, address) => (calls.push(`select ${sheetName}!${address}`), Promise.resolve()),
    writeCells: (sheetName, cells) => (calls.push(`write ${sheetName} ${cells.length}`), Promise.resolve()),
    sheetNames: () => (calls.push('names'), Promise.resolve(['S'])),
    watchChanges: () => (calls.push('watch'), Promise.resolve(null)),
  };
}

describe('lazyWorkbook', () => {
  it('loads nothing until the first call, then loads once however many calls come at once', async () => {
    const calls: string[] = [];
    const load = jest.fn(() => Promise.resolve(recordingPort(calls)));
    const port = lazyWorkbook(load);
    expect(load).not.toHaveBeenCalled();

    await Promise.all([port.read('A'), port.selectCell('A', 'K7'), port.read()]);
    await port.writeCells('A', [{ address: 'M7', value: '说明' }]);
    expect(await port.sheetNames()).toEqual(['S']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['read A', 'select A!K7', 'read -', 'write A 1', 'names']);
  });

  it('passes every argument through and returns what the real port returns', async () => {
    const calls: string[] = [];
    const port = lazyWorkbook(() => Promise.resolve(recordingPort(calls)));
    const model = { sheetName: '儿童2025' } as Parameters<WorkbookPort['insertTemplate']>[0];
    await expect(port.insertTemplate(model, { replaceSheet: '旧表' } as never)).resolves.toEqual({ sheetName: 'S' });
    await expect(port.check({} as never, 'en-US', 'S')).resolves.toEqual({ kind: 'checked' });
    await expect(port.watchChanges(() => undefined)).resolves.toBeNull();
    expect(calls).toEqual(['insert 儿童2025 {"replaceSheet":"旧表"}', 'check en-US S', 'watch']);
  });

  it('tries the import again after a failed load (offline, then back online)', async () => {
    const chunkError = Object.assign(new Error('Loading chunk workbook failed.'), { name: 'ChunkLoadError' });
    const calls: string[] = [];
    const load = jest.fn<Promise<WorkbookPort>, []>()
      .mockRejectedValueOnce(chunkError)
      .mockResolvedValue(recordingPort(calls));
    const port = lazyWorkbook(load);

    await expect(port.read('A')).rejects.toBe(chunkError);
    await expect(port.read('A')).resolves.toEqual({ kind: 'read' });
    await port.read('B');
    expect(load).toHaveBeenCalledTimes(2); // failed once, loaded once, then kept
    expect(calls).toEqual(['read A', 'read B']);
  });

  it('preloads on request, and a failed preload leaves the next call free to load', async () => {
    const load = jest.fn<Promise<WorkbookPort>, []>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(recordingPort([]));
    const port = lazyWorkbook(load);
    await expect(port.preload()).rejects.toThrow('offline');
    await expect(port.preload()).resolves.toBeUndefined();
    await port.read();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('lazyOfficeWorkbook', () => {
  it('imports the real workbook adapter on first use and drives the Excel host it is given then', async () => {
    const host = new FakeExcelHost({ workbook: new FakeWorkbook(['Sheet1']) });
    const makeHost = jest.fn(() => host);
    const port = lazyOfficeWorkbook(makeHost);
    expect(makeHost).not.toHaveBeenCalled(); // Office may not be ready when the services are built

    const model = buildTemplate(seedCatalog(), { plan: 'children', year: 2025 });
    const result = await port.insertTemplate(model);
    expect(result.sheetName).toBe(model.sheetName);
    expect(host.workbook.sheet(model.sheetName)).toBeDefined();
    await port.selectCell(model.sheetName, 'K7');
    expect(makeHost).toHaveBeenCalledTimes(1);
  });
});
