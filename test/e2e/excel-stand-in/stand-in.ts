/// <reference types="office-js" />
/**
 * The in-page Excel stand-in for the end-to-end test: a browser bundle that the test serves in place of
 * office.js (Playwright answers the Microsoft CDN URL of the production taskpane.html with it), so the
 * shipped HTML and bundle run unchanged. It defines what the production bundle uses —
 *   Office.onReady(), Office.context (displayLanguage, partitionKey, document.url, diagnostics,
 *   requirements.isSetSupported, officeTheme), Office.HostType, Excel.run(batch)
 * — over the strict fake Excel host of the unit tests (test/helpers/fake-excel: reads before load + sync
 * throw, writes are applied at sync, requirement sets are enforced), exposes a test API as `window.__excel`
 * (type and paste as a person, read cells, notes, the selection) and draws the active sheet into the
 * harness page beside the pane (`#excel-grid` of the parent document), so screenshots show the sheet.
 *
 * The workbook is the harness page's (`__excelWorkbook`, made by excel-stand-in/workbook.ts in the parent
 * window), so it survives a reload of the pane, as Excel's workbook outlives its task pane; each load of the
 * pane gets a fresh fake host over it (its own request contexts and event handlers, the same strict rules).
 * A pane opened without the harness gets a workbook of its own.
 *
 * Never part of dist/taskpane: it is built from test/e2e by test/e2e/support/build.ts.
 */
import { FakeExcelHost, FakeWorkbook, displayText, parseRange, type FakeSheet } from '../../helpers/fake-excel';
import { cellName } from '../../helpers/fake-excel/addresses';
import type { CellView, ExcelStandInApi, StandInOptions, StandInWindow } from './api';
import { addressesOf, drawGrid, revealCell } from './grid';

const standInWindow = window as unknown as Window & StandInWindow & { Office?: unknown; Excel?: unknown; OfficeExtension?: unknown };

/** The options: the harness page sets them on itself (parent), a test page may set them on this window. */
function readOptions(): StandInOptions {
  const own = standInWindow.__excelStandInOptions;
  if (own) return own;
  try {
    const parent = window.parent as unknown as StandInWindow;
    if (window.parent !== window && parent.__excelStandInOptions) return parent.__excelStandInOptions;
  } catch {
    // another origin: no options from there
  }
  return {};
}

/** The workbook the harness page keeps for Excel (same origin), so that reloading the pane keeps it. */
function harnessWorkbook(): FakeWorkbook | undefined {
  try {
    return window.parent === window ? undefined : (window.parent as unknown as StandInWindow).__excelWorkbook;
  } catch {
    return undefined;
  }
}

const options = readOptions();
const book = harnessWorkbook() ?? new FakeWorkbook(options.sheets ?? ['Sheet1']);
const fake = new FakeExcelHost({ workbook: book, apiVersion: options.apiVersion ?? '1.18' });
let changed: string[] = [];

// ---------------------------------------------------------------------------------------------- drawing

/** The element of the harness page the sheet is drawn into (none when the pane is opened on its own). */
function gridHost(): HTMLElement | null {
  try {
    if (window.parent === window) return null;
    return window.parent.document.getElementById('excel-grid');
  } catch {
    return null;
  }
}

let drawScheduled = false;
function redraw(): void {
  if (drawScheduled) return;
  drawScheduled = true;
  setTimeout(() => {
    drawScheduled = false;
    drawNow();
  }, 0);
}

function drawNow(): void {
  const host = gridHost();
  if (host) drawGrid(host, book, { changed });
}

// ------------------------------------------------------------------------------------------- Office.js

const hostName = options.host === undefined ? 'Excel' : options.host;
const platform = options.platform ?? 'OfficeOnline';

const context: Record<string, unknown> = {
  displayLanguage: options.displayLanguage ?? 'zh-CN',
  contentLanguage: options.displayLanguage ?? 'zh-CN',
  document: { url: options.documentUrl ?? 'https://e2e.example.invalid/sites/xinping/新平监测填报-e2e.xlsx', mode: 'readWrite' },
  diagnostics: { host: hostName, platform, version: '16.0.e2e' },
  requirements: { isSetSupported: (name: string, version?: string | number) => fake.isSetSupported(name, String(version ?? '1.1')) },
  host: hostName,
  platform,
};
const partitionKey = options.partitionKey === undefined ? 'e2e-partition' : options.partitionKey;
if (partitionKey !== null) context.partitionKey = partitionKey;
if (options.officeTheme !== null) {
  context.officeTheme = options.officeTheme ?? { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#000000', isDarkTheme: false };
}

const info = { host: hostName, platform };
let ready: Promise<typeof info> | undefined;

standInWindow.Office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  context,
  /** Like office.js: resolves once, after the page's scripts ran (never synchronously). */
  onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
    ready ??= new Promise((resolve) => setTimeout(() => resolve(info), 0));
    if (callback) void ready.then(callback);
    return ready;
  },
};

type Batch = (context: Excel.RequestContext) => Promise<unknown>;

standInWindow.Excel = {
  /**
   * Excel.run(batch) runs the batch in a new context; Excel.run(context, batch) resumes a context an earlier
   * run made (how event handlers are removed), strictly: the fake refuses anything but its own contexts;
   * Excel.run(options, batch) runs it with RunOptions (delayForCellEdit). The grid is drawn after.
   */
  run(first: Batch | unknown, second?: Batch): Promise<unknown> {
    if (typeof first === 'function') return fake.run(first as Batch).finally(redraw);
    if (typeof second !== 'function') return Promise.reject(new Error('Excel.run: no batch function'));
    if (typeof first === 'object' && first !== null && 'delayForCellEdit' in first) return fake.run(second, first as Excel.RunOptions).finally(redraw);
    return fake.resume(first as OfficeExtension.ClientRequestContext, second).finally(redraw);
  },
  EventSource: { local: 'Local', remote: 'Remote' },
  EventTriggerSource: { thisLocalAddin: 'ThisLocalAddin', unknown: 'Unknown' },
  EventType: { worksheetChanged: 'WorksheetChanged', worksheetAdded: 'WorksheetAdded' },
  DataChangeType: { unknown: 'Unknown', rangeEdited: 'RangeEdited', rowInserted: 'RowInserted', rowDeleted: 'RowDeleted', columnInserted: 'ColumnInserted', columnDeleted: 'ColumnDeleted', cellInserted: 'CellInserted', cellDeleted: 'CellDeleted' },
  ErrorCodes: { accessDenied: 'AccessDenied', apiNotFound: 'ApiNotFound', generalException: 'GeneralException', invalidArgument: 'InvalidArgument', invalidOperation: 'InvalidOperation', itemNotFound: 'ItemNotFound', notImplemented: 'NotImplemented', invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode' },
};

standInWindow.OfficeExtension = {
  Error: Error,
  ErrorCodes: { generalException: 'GeneralException' },
};

// --------------------------------------------------------------------------------------------- test API

function sheetOf(name?: string): FakeSheet {
  return name === undefined ? book.active : book.sheet(name);
}

function view(sheet: FakeSheet, address: string): CellView {
  const bare = address.toUpperCase();
  const cell = sheet.at(bare);
  return {
    address: bare,
    value: cell?.value ?? '',
    text: displayText(cell),
    formula: cell?.formula ?? null,
    numberFormat: cell?.numberFormat ?? 'General',
    fill: cell?.format.fill ?? null,
    fontColor: cell?.format.fontColor ?? null,
    note: cell?.note?.content ?? null,
    comment: cell?.comment?.content ?? null,
  };
}

/** Excel does not let a person type or paste into locked cells of a protected sheet (the template's are). */
function assertEditable(sheet: FakeSheet, address: string): void {
  const { rect } = parseRange(address);
  if (sheet.protection.protected && sheet.anyLocked(rect)) {
    throw new Error(`${sheet.name}!${address} is locked on a protected sheet: Excel refuses the edit ("The cell or chart you're trying to change is on a protected sheet")`);
  }
}

/** Outlines the cells a person just changed in the drawing (the add-in hears of it through onChanged). */
function showChange(sheet: FakeSheet, address: string): void {
  changed = sheet === book.active ? addressesOf(address) : [];
  redraw();
}

const api: ExcelStandInApi = {
  sheets: () => book.sheets.map((sheet) => sheet.name),
  activeSheet: () => book.active.name,
  activate(sheet) {
    book.personActivates(sheet);
    redraw();
  },
  async type(address, input, sheet) {
    assertEditable(sheetOf(sheet), address);
    // the edit, then Excel's onChanged (source Local) to the add-in's handlers: the fake host does both
    await fake.personTypes(address, input, sheet);
    showChange(sheetOf(sheet), address.toUpperCase());
  },
  async paste(address, rows, sheet) {
    const { rect } = parseRange(address);
    const width = Math.max(1, ...rows.map((line) => line.length));
    const end = cellName(rect.r0 + Math.max(1, rows.length) - 1, rect.c0 + width - 1);
    const start = cellName(rect.r0, rect.c0);
    const block = start === end ? start : `${start}:${end}`;
    assertEditable(sheetOf(sheet), block);
    await fake.personPastesText(address, rows, sheet);
    showChange(sheetOf(sheet), block);
  },
  cell: (address, sheet) => view(sheetOf(sheet), address),
  find(text, sheet) {
    const target = sheetOf(sheet);
    const used = target.usedRect();
    const found: string[] = [];
    if (!used) return found;
    for (let row = used.r0; row <= used.r1; row += 1) {
      for (let column = used.c0; column <= used.c1; column += 1) {
        if (displayText(target.cellAt(row, column)) === text) found.push(cellName(row, column));
      }
    }
    return found;
  },
  cellAt(rowOf, columnHeader, sheet) {
    const [row] = api.find(rowOf, sheet);
    const [header] = api.find(columnHeader, sheet);
    if (!row) throw new Error(`no cell shows "${rowOf}" on ${sheetOf(sheet).name}`);
    if (!header) throw new Error(`no header "${columnHeader}" on ${sheetOf(sheet).name}`);
    return `${header.replace(/\d+$/, '')}${row.replace(/^[A-Z]+/, '')}`;
  },
  contains(text) {
    const found: string[] = [];
    for (const sheet of book.sheets) {
      if (sheet.name.includes(text)) found.push(sheet.name);
      const used = sheet.usedRect();
      if (used) {
        for (let row = used.r0; row <= used.r1; row += 1) {
          for (let column = used.c0; column <= used.c1; column += 1) {
            const cell = sheet.cellAt(row, column);
            if (!cell) continue;
            const texts = [String(cell.value), cell.formula ?? '', cell.note?.content ?? '', cell.comment?.content ?? ''];
            if (texts.some((each) => each.includes(text))) found.push(`${sheet.name}!${cellName(row, column)}`);
          }
        }
      }
      for (const [key, value] of sheet.customProperties) if (key.includes(text) || value.includes(text)) found.push(`${sheet.name}#${key}`);
    }
    return found;
  },
  notes(sheet) {
    const target = sheetOf(sheet);
    return Object.fromEntries([...target.notes('note'), ...target.notes('comment')]);
  },
  selection() {
    const selected = book.selection;
    if (!selected) return null;
    const sheet = book.sheets.find((each) => each.id === selected.sheetId);
    if (!sheet) return null;
    const { rect } = selected;
    const first = cellName(rect.r0, rect.c0);
    const last = cellName(rect.r1, rect.c1);
    return { sheet: sheet.name, address: first === last ? first : `${first}:${last}` };
  },
  counters: () => ({ runs: fake.runs, syncs: fake.syncs.length }),
  events: () =>
    fake.events.fired.map((event) => ({
      event: event.event,
      sheet: book.sheets.find((sheet) => sheet.id === event.sheetId)?.name ?? event.sheetId,
      address: event.address,
      origin: event.origin,
      handlers: event.handlers,
    })),
  handlerCount: () => fake.events.handlerCount('changed'),
  handlerErrors: () => fake.events.handlerErrors.map((error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))),
  settle: () => fake.settleEvents(),
  reveal(address, sheet) {
    if (sheet !== undefined && sheet !== book.active.name) book.personActivates(sheet);
    drawNow();
    const host = gridHost();
    if (host) revealCell(host, address);
  },
};

standInWindow.__excel = api;
try {
  if (window.parent !== window) (window.parent as unknown as StandInWindow).__excel = api;
} catch {
  // the harness is on another origin: the API stays on this frame only
}
window.addEventListener('DOMContentLoaded', drawNow);
