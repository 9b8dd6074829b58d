/// <reference types="office-js" />

/**
 * The Excel host the workbook adapter talks to. The add-in passes `officeExcelHost()` (Excel.run and
 * Office's requirement-set check, src/apps/taskpane/office-host.ts); tests pass a strict fake. Nothing in
 * src/office-workbook reads the `Excel` or `Office` globals.
 */
export interface ExcelHost {
  /** Runs a batch against the open workbook: Excel.run(batch), or Excel.run(options, batch) with options. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T>;
  /**
   * Runs a batch in a request context an earlier `run` made (Excel.run(context, batch)): how Office.js wants
   * event handlers removed — in the context they were added in.
   */
  resume<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported, e.g. ('ExcelApi', '1.8'). */
  isSetSupported(name: string, version: string): boolean;
}

/**
 * Runs a batch as every operation of the adapter does: where the host has ExcelApi 1.11, with
 * `delayForCellEdit: true`, so a batch that arrives while a person is still typing in a cell waits until
 * they press Enter or Esc instead of failing (Excel.RunOptions; without it Excel fails the batch with
 * InvalidOperationInCellEditMode, which older hosts still do — asWorkbookError says so in words).
 */
export function runBatch<T>(host: ExcelHost, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return host.isSetSupported('ExcelApi', '1.11') ? host.run(batch, { delayForCellEdit: true }) : host.run(batch);
}
