import type { ExcelHost } from '../../../src/office-workbook/excel-host';
import { FakeRequestContext, type SyncRecord } from './fake-context';
import { WorkbookProxy } from './fake-worksheet';
import { FakeWorkbook } from './fake-workbook';

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
  runs = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.workbook = options.workbook ?? new FakeWorkbook();
  }

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && compareVersions(version, this.apiVersion) <= 0;
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.runs += 1;
    const context = new FakeRequestContext({ book: this.workbook, supports: (version) => this.isSetSupported('ExcelApi', version), record: (sync) => this.syncs.push(sync) }, this.runs);
    context.workbook = new WorkbookProxy(context);
    const result = await batch(context as unknown as Excel.RequestContext);
    // like Excel.run: actions still queued when the batch returns are sent in a final sync
    if (context.pending > 0) await context.sync(true);
    return result;
  }

  /** The syncs of the last run (one operation of the adapter). */
  lastRunSyncs(): SyncRecord[] {
    return this.syncs.filter((sync) => sync.run === this.runs);
  }
}
