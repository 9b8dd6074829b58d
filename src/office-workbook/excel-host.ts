/// <reference types="office-js" />

/**
 * The Excel host the workbook adapter talks to. The add-in passes `officeExcelHost()` (Excel.run and
 * Office's requirement-set check, src/apps/taskpane/office-host.ts); tests pass a strict fake. Nothing in
 * src/office-workbook reads the `Excel` or `Office` globals.
 */
export interface ExcelHost {
  /** Runs a batch against the open workbook (Excel.run). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * Runs a batch in a request context an earlier `run` made (Excel.run(context, batch)): how Office.js wants
   * event handlers removed — in the context they were added in.
   */
  resume<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported, e.g. ('ExcelApi', '1.8'). */
  isSetSupported(name: string, version: string): boolean;
}
