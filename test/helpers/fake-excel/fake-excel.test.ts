import { FakeExcelHost, FakeWorkbook } from '.';

/** The fake must be at least as strict as Excel, or the adapter's tests prove nothing. */
describe('strict fake Excel host', () => {
  it('throws PropertyNotLoaded when a property is read before load() and sync()', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/call the load method/); // loaded only at sync
      await context.sync();
      expect(range.values).toEqual([['', ''], ['', '']]);
      expect(() => range.text).toThrow(/not available/); // loaded something else only
    });
  });

  it('queues writes and applies them at sync, counting every sync and its payload', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange('A1:B1').values = [['93', 'text']];
      expect(host.workbook.active.value('A1')).toBe('');
      await context.sync();
      expect(host.workbook.active.value('A1')).toBe(93); // typed like Excel: "93" becomes a number
      await context.sync();
    });
    expect(host.syncs).toHaveLength(2);
    expect(host.syncs[0]?.actions).toBe(3); // getActiveWorksheet, getRange, values
    expect(host.syncs[0]?.payloadBytes).toBeGreaterThan(50);
    expect(host.syncs[1]?.actions).toBe(0);
  });

  it('sends what is still queued when the batch returns, as Excel.run does, and records it as implicit', async () => {
    const host = new FakeExcelHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
    });
    expect(host.syncs).toEqual([expect.objectContaining({ implicit: true, actions: 3 })]);
    expect(host.workbook.active.value('A1')).toBe(1);
  });

  it('refuses APIs of requirement sets the host lacks (ExcelApi 1.1: no merge, no conditional formats, no notes)', async () => {
    const host = new FakeExcelHost({ apiVersion: '1.1' });
    expect(host.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.2')).toBe(false);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const range = sheet.getRange('A1:B1');
      expect(() => range.merge()).toThrow(/ExcelApi 1.2/);
      expect(() => range.conditionalFormats).toThrow(/ExcelApi 1.6/);
      expect(() => range.dataValidation).toThrow(/ExcelApi 1.8/);
      expect(() => sheet.notes).toThrow(/ExcelApi 1.18/);
      expect(() => sheet.protection).toThrow(/ExcelApi 1.2/);
      expect(() => context.workbook.worksheets.getItemOrNullObject('x')).toThrow(/ExcelApi 1.4/);
      await context.sync();
    });
    expect(new FakeExcelHost({ apiVersion: '1.10' }).isSetSupported('ExcelApi', '1.9')).toBe(true); // 1.10 > 1.9
  });

  it('freezes panes by rows, columns or a range from A1 (ExcelApi 1.7)', async () => {
    const host = new FakeExcelHost({ apiVersion: '1.7' });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.freezePanes.freezeAt(sheet.getRange('A1:B3'));
      await context.sync();
      expect(host.workbook.active.freeze).toEqual({ rows: 3, columns: 2 });
      sheet.freezePanes.freezeAt('B2:C3');
      await expect(context.sync()).rejects.toMatchObject({ code: 'NotImplemented' });
    });
    await new FakeExcelHost({ apiVersion: '1.6' }).run(async (context) => {
      expect(() => context.workbook.worksheets.getActiveWorksheet().freezePanes).toThrow(/ExcelApi 1.7/);
    });
  });

  it('fails the sync like Excel: unknown sheet, wrong array shape, locked cells of a protected sheet', async () => {
    const host = new FakeExcelHost();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('nope').getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:B1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    host.workbook.active.protection = { protected: true, options: {} };
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('lets tests play a person: typing, pasting text, inserting rows and columns, sorting, renaming, copying', () => {
    const book = new FakeWorkbook(['数据']);
    const sheet = book.sheet('数据');
    sheet.personTypes('A1', 'b');
    sheet.personTypes('A2', 'a');
    sheet.personTypes('B1', '95.2');
    sheet.personTypes('B2', '９５．２'); // full-width: Excel keeps it as text
    sheet.personPastesText('C1', [['93']]);
    sheet.personTypes('D1', '93%');
    sheet.personAddsNote('B1', 'mine');
    expect([sheet.value('B1'), sheet.value('B2'), sheet.value('C1'), sheet.value('D1'), sheet.text('D1')]).toEqual([95.2, '９５．２', '93', 0.93, '93%']);
    sheet.personInsertsRows(1);
    sheet.personInsertsColumns(0);
    expect(sheet.value('C2')).toBe(95.2);
    expect(sheet.notes()).toEqual(new Map([['C2', 'mine']]));
    sheet.personSortsRows(2, 3, (x, y) => String(x(1)).localeCompare(String(y(1))));
    expect([sheet.value('B2'), sheet.value('B3'), sheet.value('C3')]).toEqual(['a', 'b', 95.2]);
    expect(sheet.notes()).toEqual(new Map([['C3', 'mine']]));
    book.personRenames('数据', 'Data');
    const copy = book.personCopies('data');
    expect(copy.name).toBe('Data (2)');
    expect(copy.value('C3')).toBe(95.2);
    expect(() => book.personRenames('Data (2)', 'DATA')).toThrow(/already exists/);
  });

  describe('change events', () => {
    type Args = { worksheetId: string; address: string; source: string; changeType: string; triggerSource?: string };

    it('offers onChanged from ExcelApi 1.7 (a sheet) and 1.9 (all sheets), onAdded from 1.7', async () => {
      const old = new FakeExcelHost({ apiVersion: '1.6' });
      await old.run(async (context) => {
        expect(() => context.workbook.worksheets.getActiveWorksheet().onChanged).toThrow(/ExcelApi 1.7/);
        expect(() => context.workbook.worksheets.onAdded).toThrow(/ExcelApi 1.7/);
      });
      const host = new FakeExcelHost({ apiVersion: '1.8' });
      await host.run(async (context) => {
        expect(() => context.workbook.worksheets.onChanged).toThrow(/ExcelApi 1.9/);
        context.workbook.worksheets.getActiveWorksheet().onChanged.add(async () => undefined);
        context.workbook.worksheets.onAdded.add(async () => undefined);
        await context.sync();
      });
      expect([host.events.handlerCount('changed'), host.events.handlerCount('added')]).toEqual([1, 1]);
    });

    it('registers and removes handlers only at sync, in the context they were added in', async () => {
      const host = new FakeExcelHost();
      const got: Args[] = [];
      const registration = await host.run(async (context) => {
        const added = context.workbook.worksheets.onChanged.add(async (args: Args) => void got.push(args));
        expect(host.events.handlerCount()).toBe(0); // queued, not sent
        await context.sync();
        expect(host.events.handlerCount()).toBe(1);
        return added;
      });
      await host.personTypes('A1', '1');
      // the run has ended: its context cannot be used directly any more, only resumed (Excel.run(context, …))
      expect(() => registration.remove()).toThrow(/Excel\.run has ended/);
      await expect(registration.context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      await host.resume(registration.context, async (context) => {
        registration.remove();
        await host.personTypes('A2', '2'); // the removal is not sent yet
        await context.sync();
      });
      expect(host.events.handlerCount()).toBe(0);
      await host.personTypes('A3', '3');
      expect(got.map((args) => args.address)).toEqual(['A1', 'A2']);
      await expect(
        host.resume(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidOperation' }); // removed twice
      // a context of another workbook is refused
      await expect(new FakeExcelHost().resume(registration.context, async () => undefined)).rejects.toMatchObject({ code: 'InvalidArgument' });
    });

    it("raises the add-in's own data changes after the sync (triggerSource from 1.14), not for formats", async () => {
      for (const [apiVersion, trigger] of [['1.18', 'ThisLocalAddin'], ['1.14', 'ThisLocalAddin'], ['1.13', undefined]] as const) {
        const host = new FakeExcelHost({ apiVersion });
        const got: Args[] = [];
        await host.run(async (context) => {
          context.workbook.worksheets.onChanged.add(async (args: Args) => void got.push(args));
          await context.sync();
          const range = context.workbook.worksheets.getActiveWorksheet().getRange('B2:C2');
          range.numberFormat = [['@', '@']];
          range.format.fill.color = '#FF0000';
          await context.sync();
          range.values = [['x', 'y']];
          await context.sync();
          expect(got).toEqual([]); // during the batch: nothing yet
        });
        await host.settleEvents();
        expect(got).toHaveLength(1);
        const [args] = got as [Args];
        expect({ address: args.address, source: args.source, changeType: args.changeType }).toEqual({ address: 'B2:C2', source: 'Local', changeType: 'RangeEdited' });
        if (trigger) expect(args.triggerSource).toBe(trigger);
        else expect(() => args.triggerSource).toThrow(/ExcelApi 1.14/);
      }
    });

    it("tells a person's edit (Unknown) and a co-author's (Remote) from the add-in's, and keeps handlers' failures", async () => {
      const host = new FakeExcelHost();
      const got: Args[] = [];
      await host.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async (args: Args) => void got.push(args));
        context.workbook.worksheets.getActiveWorksheet().onChanged.add(async () => {
          throw new Error('handler bug');
        });
        await context.sync();
      });
      expect(await host.personTypes('D4', '93%')).toBe(2);
      expect(host.workbook.active.value('D4')).toBe(0.93);
      await host.personPastesText('E1', [['a'], ['b'], ['c']], undefined, { coauthor: true });
      expect(got.map((args) => [args.address, args.source, args.triggerSource])).toEqual([['D4', 'Local', 'Unknown'], ['E1:E3', 'Remote', 'Unknown']]);
      expect(host.events.handlerErrors).toEqual([new Error('handler bug'), new Error('handler bug')]);
      expect(host.events.fired.map((event) => event.origin)).toEqual(['person', 'coauthor']);
    });
  });
});
