import type { ExcelHost } from '../../../src/office-workbook/excel-host';
import { parseRange, rectName } from './addresses';
import { FakeOfficeError, FakeRequestContext, type SyncRecord } from './fake-context';
import { FakeEvents } from './fake-events';
import { WorkbookProxy } from './fake-worksheet';
import { FakeWorkbook, type CellScalar, type FakeSheet } from './fake-workbook';
import { apiNotFoundMessage, type ExcelMember } from './requirement-sets';

/** "1.10" > "1.9". */
function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set the host supports (default 1.18: every API the adapter uses). */
  readonly apiVersion?: string;
  readonly workbook?: FakeWorkbook;
  /**
   * Milliseconds between a sync of the add-in and the onChanged events of what it changed (default 0: the
   * events come right after the sync, in a later task, as in Excel).
   */
  readonly eventDelayMs?: number;
  /**
   * Where Excel runs. 'web' (Excel on the web) does not raise `onChanged` for a value picked from a
   * data-validation dropdown (office-js #3888, #4066); the desktop does. Default 'desktop'.
   */
  readonly platform?: 'desktop' | 'web';
  /** Requests and responses over this many bytes fail, as Excel on the web's 5 MB caps (default: no cap). */
  readonly requestLimitBytes?: number;
  readonly responseLimitBytes?: number;
  /** A person is editing a cell when the add-in starts (Excel.run fails unless it asks to wait, ExcelApi 1.11). */
  readonly cellEditMode?: boolean;
  /**
   * Builds where freezing the panes of a sheet that is not the active one fails (GeneralException, as
   * office-js #2196 on Excel 2019; #3148: freezing another sheet confuses the active one).
   */
  readonly freezeNeedsActiveSheet?: boolean;
}

/** Who edits in the `person*` helpers: this user (source Local) or a co-author (source Remote). */
export interface PersonEditOptions {
  readonly coauthor?: boolean;
}

/**
 * A strict fake of Excel for the workbook adapter's tests: proxies that throw when a property is read
 * before load + sync, writes queued and applied at sync, every sync counted with its payload, and APIs of
 * requirement sets the host lacks throwing ApiNotFound.
 */
export class FakeExcelHost implements ExcelHost {
  readonly workbook: FakeWorkbook;
  readonly apiVersion: string;
  readonly syncs: SyncRecord[] = [];
  /** onChanged / onAdded handlers and every event handed out (ExcelApi 1.7+; WorksheetCollection.onChanged 1.9+). */
  readonly events: FakeEvents;
  readonly platform: 'desktop' | 'web';
  readonly options: FakeExcelOptions;
  /** Every Excel member the add-in asked for, on this host (what the requirement-set audit checks). */
  readonly touched = new Set<ExcelMember>();
  /** Runs that asked Excel to wait while a cell is being edited (RunOptions.delayForCellEdit). */
  delayedRuns = 0;
  runs = 0;
  private editing: { ended: Promise<void>; end: () => void } | undefined;

  constructor(options: FakeExcelOptions = {}) {
    this.options = options;
    this.apiVersion = options.apiVersion ?? '1.18';
    this.platform = options.platform ?? 'desktop';
    this.workbook = options.workbook ?? new FakeWorkbook();
    this.events = new FakeEvents({ supports: (version) => this.isSetSupported('ExcelApi', version), touch: (member) => this.touched.add(member), eventDelayMs: options.eventDelayMs ?? 0 });
    if (options.cellEditMode) this.personStartsEditing();
  }

  // ---- cell edit mode: a person typing into a cell, not yet confirmed with Enter ----

  /** A person starts editing a cell (F2, or typing): batches fail, or wait where they asked to. */
  personStartsEditing(): void {
    if (this.editing) return;
    let end = () => {};
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    this.editing = { ended, end };
  }

  /** The person presses Enter or Esc: delayed batches go on. */
  personEndsEditing(): void {
    const editing = this.editing;
    this.editing = undefined;
    editing?.end();
  }

  get inCellEditMode(): boolean {
    return this.editing !== undefined;
  }

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;
  }

  /**
   * Excel.run(batch) or Excel.run(options, batch) as the adapter's ExcelHost.run(batch, options) passes it:
   * `delayForCellEdit` is ExcelApi 1.11 (asking for it on an older host throws ApiNotFound here, so the
   * adapter must ask for the set first).
   */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: Excel.RunOptions = {}): Promise<T> {
    this.runs += 1;
    const delay = options.delayForCellEdit === true;
    if (options.delayForCellEdit !== undefined) {
      this.touched.add('RunOptions.delayForCellEdit');
      if (!this.isSetSupported('ExcelApi', '1.11')) throw new FakeOfficeError('ApiNotFound', apiNotFoundMessage('RunOptions.delayForCellEdit'));
    }
    if (delay) this.delayedRuns += 1;
    const context = new FakeRequestContext(
      {
        book: this.workbook,
        events: this.events,
        supports: (version) => this.isSetSupported('ExcelApi', version),
        record: (sync) => this.syncs.push(sync),
        touch: (member) => this.touched.add(member),
        ...(this.options.requestLimitBytes === undefined ? {} : { requestLimitBytes: this.options.requestLimitBytes }),
        ...(this.options.responseLimitBytes === undefined ? {} : { responseLimitBytes: this.options.responseLimitBytes }),
        freezeNeedsActiveSheet: this.options.freezeNeedsActiveSheet === true,
        beforeSync: (delayForCellEdit) => this.beforeSync(delayForCellEdit),
      },
      this.runs,
    );
    context.delayForCellEdit = delay;
    context.workbook = new WorkbookProxy(context);
    return this.within(context, batch);
  }

  private async beforeSync(delayForCellEdit: boolean): Promise<void> {
    const editing = this.editing;
    if (!editing) return;
    if (!delayForCellEdit) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.");
    }
    await editing.ended;
  }

  /** Excel.run(context, batch): a batch in a context an earlier run made (e.g. to remove its event handlers). */
  async resume<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!(context instanceof FakeRequestContext) || context.host.book !== this.workbook) {
      throw new FakeOfficeError('InvalidArgument', 'Excel.run(context, …) needs a request context of this workbook');
    }
    return this.within(context, batch);
  }

  private async within<T>(context: FakeRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    context.active = true;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      // like Excel.run: actions still queued when the batch returns are sent in a final sync
      if (context.pending > 0) await context.sync(true);
      return result;
    } finally {
      context.active = false;
    }
  }

  // ---- people editing while the add-in listens: the edit, then Excel's onChanged (source Local, never 'ThisLocalAddin') ----

  /**
   * A person types into one cell of a sheet (default: the active one) and presses Enter: "95.2" becomes a
   * number, "93%" 0.93, "９５．２" stays text (FakeSheet.personTypes); then the change events are handed to
   * the handlers. Resolves once they ran, with how many handlers got it.
   */
  async personTypes(address: string, input: CellScalar, sheetName?: string, options: PersonEditOptions = {}): Promise<number> {
    const sheet = this.sheetNamed(sheetName);
    sheet.personTypes(address, input);
    return this.notifyPersonChange(sheet, address, options);
  }

  /** A person pastes a block of text at `address` (it stays text); one change event for the whole block. */
  async personPastesText(address: string, rows: readonly (readonly string[])[], sheetName?: string, options: PersonEditOptions = {}): Promise<number> {
    const sheet = this.sheetNamed(sheetName);
    sheet.personPastesText(address, rows);
    const { rect } = parseRange(address);
    const width = Math.max(1, ...rows.map((line) => line.length));
    const block = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + Math.max(1, rows.length) - 1, c1: rect.c0 + width - 1 };
    return this.notifyPersonChange(sheet, block, options);
  }

  /**
   * Raises the change events of an edit a test already made on a FakeSheet (personTypes, personSortsRows …):
   * what Excel does after a person's edit. Resolves once the handlers ran, with how many got it.
   */
  notifyPersonChange(sheet: FakeSheet | string, where: string | { r0: number; c0: number; r1: number; c1: number }, options: PersonEditOptions = {}): Promise<number> {
    const target = typeof sheet === 'string' ? this.workbook.sheet(sheet) : sheet;
    const address = typeof where === 'string' ? where.replace(/\$/g, '').toUpperCase() : rectName(where);
    return this.events.personChanged(target.id, address, options.coauthor ? 'coauthor' : 'person');
  }

  /**
   * A person picks a value from a cell's data-validation dropdown (是/否). The value lands as typed; Excel on
   * the desktop raises onChanged, Excel on the web does not (office-js #3888, #4066). Resolves to how many
   * handlers got an onChanged.
   */
  async personPicksFromList(address: string, value: string, sheetName?: string): Promise<number> {
    const sheet = this.sheetNamed(sheetName);
    const validation = sheet.validationAt(address);
    if (!validation || validation.rule?.list === undefined) throw new Error(`${address} has no list validation: nothing to pick from`);
    sheet.personTypes(address, value);
    if (this.platform === 'web') return 0;
    return this.notifyPersonChange(sheet, address);
  }

  /** A person selects a cell or range (clicks, arrow keys, Enter after typing): onSelectionChanged follows. */
  personSelects(address: string, sheetName?: string): Promise<number> {
    const sheet = this.sheetNamed(sheetName);
    this.workbook.activeId = sheet.id;
    const rect = parseRange(address).rect;
    this.workbook.selection = { sheetId: sheet.id, rect };
    return this.events.personSelected(sheet.id, rectName(rect));
  }

  /** Resolves once every event raised so far has been handed to the handlers (and they finished). */
  settleEvents(): Promise<void> {
    return this.events.settle();
  }

  private sheetNamed(name?: string): FakeSheet {
    return name === undefined ? this.workbook.active : this.workbook.sheet(name);
  }

  /** The syncs of the last run (one operation of the adapter). */
  lastRunSyncs(): SyncRecord[] {
    return this.syncs.filter((sync) => sync.run === this.runs);
  }
}
