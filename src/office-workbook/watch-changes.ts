/// <reference types="office-js" />
import type { HostChange } from '../workbook/workbook-host';
import type { StopWatching } from '../workbook/workbook-port';
import { runBatch, type ExcelHost } from './excel-host';
import { asWorkbookError } from './workbook-error';

/** The part of `OfficeExtension.EventHandlerResult` used here. */
interface Registration {
  remove(): void;
  readonly context: OfficeExtension.ClientRequestContext;
}

/**
 * Calls `listener` for every change of cell data in the workbook — people's, co-authors' and the add-in's
 * own (`byThisAddin` = `triggerSource === 'ThisLocalAddin'` from ExcelApi 1.14, null below; see
 * src/workbook/own-writes.ts for how the port ignores its own writes). `sheetName` is the name known when
 * watching began (or when a 1.7/1.8 host reported the sheet added): undefined for a sheet added later on
 * newer hosts, the old name of a sheet renamed meanwhile. Resolves to a function that stops listening (it
 * removes the handlers and syncs their contexts), or to null below ExcelApi 1.7 (no events).
 *
 * - ExcelApi 1.9+: one handler on `workbook.worksheets.onChanged` (every sheet, also sheets added later);
 *   one sync.
 * - ExcelApi 1.7–1.8 (e.g. Excel 2019): `WorksheetCollection.onChanged` is 1.9, so a handler goes on each
 *   sheet's own `onChanged` (1.7), and `worksheets.onAdded` (1.7) puts one on each sheet added later; two
 *   syncs, plus one per sheet added.
 *
 * Excel on the web raises no `onChanged` for a value picked from a data-validation dropdown (the template's
 * 是/否 cells; office-js #3888, #4066). So the selection is followed too (`onSelectionChanged`, registered in
 * the same syncs): when a person leaves a selection of at most SELECTION_CELLS_COMPARED cells, one sync
 * reads its values again and, where they differ from those read when it was selected, reports a change
 * (`changeType` 'SelectionLeft'). On hosts that do raise `onChanged` the same edit is reported twice; the
 * re-check is debounced, so it runs once.
 *
 * A listener that throws does not stop the others or Excel's event dispatch.
 */
export async function watchChanges(host: ExcelHost, listener: (change: HostChange) => void): Promise<StopWatching | null> {
  if (!host.isSetSupported('ExcelApi', '1.7')) return null;
  const tellsTrigger = host.isSetSupported('ExcelApi', '1.14');
  const names = new Map<string, string>();
  /** 1.7–1.8: the sheets that have a handler of their own. */
  const watched = new Set<string>();
  const registrations: Registration[] = [];
  let stopped = false;
  /** The selection a person is on, with its values when it was selected. */
  let selection: { readonly sheetId: string; readonly address: string; readonly values: unknown[][] } | undefined;

  const report = (change: HostChange): void => {
    try {
      listener(change);
    } catch {
      // the listener's own failure is its business: Excel's dispatch and the other handlers go on
    }
  };

  const onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    report({
      sheetId: args.worksheetId,
      ...(names.has(args.worksheetId) ? { sheetName: names.get(args.worksheetId) } : {}),
      address: bareRange(args.address),
      changeType: String(args.changeType),
      source: args.source === 'Remote' ? 'remote' : 'local',
      byThisAddin: tellsTrigger ? args.triggerSource === 'ThisLocalAddin' : null,
    });
  };

  /** The selection moved: compare the one left with its values when it was selected (one sync). */
  const onSelectionChanged = async (args: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    if (stopped) return;
    const left = selection;
    const address = bareRange(args.address);
    const compared = cellCount(address) <= SELECTION_CELLS_COMPARED;
    selection = undefined;
    if (!left && !compared) return;
    try {
      const read = await runBatch(host, async (context) => {
        const sheets = context.workbook.worksheets;
        const now = compared ? sheets.getItem(args.worksheetId).getRange(address) : undefined;
        now?.load('values');
        const before = left ? sheets.getItem(left.sheetId).getRange(left.address) : undefined;
        before?.load('values');
        await context.sync();
        return { now: now?.values, before: before?.values };
      });
      if (stopped) return;
      if (read.now) selection = { sheetId: args.worksheetId, address, values: read.now };
      if (left && read.before && !sameValues(left.values, read.before)) {
        report({
          sheetId: left.sheetId,
          ...(names.has(left.sheetId) ? { sheetName: names.get(left.sheetId) } : {}),
          address: left.address,
          changeType: 'SelectionLeft',
          source: 'local',
          // the event says nothing of who changed it: the port's own-write window decides
          byThisAddin: null,
        });
      }
    } catch {
      // the sheet went away meanwhile: nothing to compare
    }
  };

  /** 1.7–1.8: a sheet added after watching began gets its own handler (one more sync). */
  const onAdded = async (args: Excel.WorksheetAddedEventArgs): Promise<void> => {
    // a sheet added just before watching began can be reported after: it has its handler already
    if (stopped || watched.has(args.worksheetId)) return;
    watched.add(args.worksheetId);
    try {
      const registration = await runBatch(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem(args.worksheetId);
        sheet.load('name');
        const added = [sheet.onChanged.add(onChanged), sheet.onSelectionChanged.add(onSelectionChanged)];
        await context.sync();
        names.set(args.worksheetId, sheet.name);
        return added;
      });
      if (stopped) await removeAll(host, registration);
      else registrations.push(...registration);
    } catch {
      // the sheet went away again before its handler was added: nothing to watch
      watched.delete(args.worksheetId);
    }
  };

  try {
    if (host.isSetSupported('ExcelApi', '1.9')) {
      await runBatch(host, async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/id,items/name');
        registrations.push(worksheets.onChanged.add(onChanged), worksheets.onSelectionChanged.add(onSelectionChanged));
        await context.sync();
        for (const sheet of worksheets.items) names.set(sheet.id, sheet.name);
      });
    } else {
      await runBatch(host, async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/id,items/name');
        await context.sync();
        for (const sheet of worksheets.items) {
          names.set(sheet.id, sheet.name);
          watched.add(sheet.id);
          registrations.push(sheet.onChanged.add(onChanged), sheet.onSelectionChanged.add(onSelectionChanged));
        }
        registrations.push(worksheets.onAdded.add(onAdded));
        await context.sync();
      });
    }
  } catch (error) {
    stopped = true;
    throw asWorkbookError(error, { zh: '开始监视工作表的修改', en: 'Starting to watch for changes' });
  }

  return async () => {
    if (stopped) return;
    stopped = true;
    await removeAll(host, registrations.splice(0));
  };
}

/**
 * Removes handlers, each in the request context it was added in (Excel.run(context, …), as Microsoft's
 * "Remove an event handler" shows): one batch per context. Every context is tried; the first failure is
 * reported after.
 */
async function removeAll(host: ExcelHost, registrations: readonly Registration[]): Promise<void> {
  const byContext = new Map<Registration['context'], Registration[]>();
  for (const registration of registrations) {
    byContext.set(registration.context, [...(byContext.get(registration.context) ?? []), registration]);
  }
  const outcomes = await Promise.allSettled(
    [...byContext].map(([context, handlers]) =>
      host.resume(context, async (resumed) => {
        for (const handler of handlers) handler.remove();
        await resumed.sync();
      }),
    ),
  );
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw asWorkbookError(failed.reason, { zh: '停止监视工作表的修改', en: 'Stopping to watch for changes' });
}

/** A selection of at most this many cells is compared when left (a whole column is not). */
export const SELECTION_CELLS_COMPARED = 200;

/** How many cells an A1 address covers ("K7" 1, "K7:L9" 6, "A:A" a million). */
function cellCount(address: string): number {
  const [first = '', last = first] = address.split(':');
  const corner = (part: string) => {
    const match = /^([A-Z]*)(\d*)$/i.exec(part);
    const letters = match?.[1] ?? '';
    const digits = match?.[2] ?? '';
    let column = 0;
    for (const letter of letters.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
    return { row: digits === '' ? undefined : Number(digits), column: letters === '' ? undefined : column };
  };
  const a = corner(first);
  const b = corner(last);
  const rows = a.row === undefined || b.row === undefined ? 1048576 : Math.abs(b.row - a.row) + 1;
  const columns = a.column === undefined || b.column === undefined ? 16384 : Math.abs(b.column - a.column) + 1;
  return rows * columns;
}

function sameValues(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i]?.length && row.every((value, j) => value === b[i]?.[j]));
}

/** "K7:K9" from "'Sheet 1'!$K$7:$K$9" or "K7:K9". */
function bareRange(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}
