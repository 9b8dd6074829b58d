/**
 * The WorkbookPort the add-in injects: it loads the real one (src/workbook over the Office.js workbook adapter,
 * and the pure core they need — zod, big.js, the template model, the engine) on its first call, so none
 * of that is in the first screen's bundle. webpack puts everything `import()`ed here into its own chunk
 * ("workbook"); the first screen only needs React, Fluent UI and the shell.
 *
 * A failed load (offline right after an update, a chunk the server no longer has) is not remembered: the
 * next call imports again. webpack forgets a chunk whose <script> failed, so the retry really fetches it.
 */
import type { ExcelHost } from '../../../office-workbook/excel-host';
import type { WorkbookPort } from '../../../workbook/workbook-port';

/** A WorkbookPort that loads its implementation on first use, plus a way to start that load early. */
export interface LazyWorkbookPort extends WorkbookPort {
  /** Starts loading the implementation now (e.g. when the pane is idle); resolves once it is there. */
  preload(): Promise<void>;
}

/** Wraps `load` (called at most once while it succeeds; again after a failure) as a WorkbookPort. */
export function lazyWorkbook(load: () => Promise<WorkbookPort>): LazyWorkbookPort {
  let loading: Promise<WorkbookPort> | undefined;
  const port = (): Promise<WorkbookPort> => {
    if (!loading) {
      const attempt = Promise.resolve().then(load);
      loading = attempt;
      // forget a failed attempt so that the next call tries again
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };

  return {
    preload: () => port().then(() => undefined),
    insertTemplate: (model, options) => port().then((real) => real.insertTemplate(model, options)),
    check: (catalog, language, sheetName) => port().then((real) => real.check(catalog, language, sheetName)),
    read: (sheetName) => port().then((real) => real.read(sheetName)),
    selectCell: (sheetName, address) => port().then((real) => real.selectCell(sheetName, address)),
    writeCells: (sheetName, cells) => port().then((real) => real.writeCells(sheetName, cells)),
    sheetNames: () => port().then((real) => real.sheetNames()),
    watchChanges: (listener) => port().then((real) => real.watchChanges(listener)),
  };
}

/**
 * The add-in's workbook: `officeWorkbook(host())` from ./office-workbook-port, imported on first use into the
 * "workbook" chunk. `host` is called only then (Office must be ready by that time, which it is: the views
 * that call the port are rendered only once `Office.onReady` reported Excel).
 */
export function lazyOfficeWorkbook(host: () => ExcelHost): LazyWorkbookPort {
  return lazyWorkbook(() =>
    import(/* webpackChunkName: "workbook" */ './office-workbook-port').then((module) => module.officeWorkbook(host())),
  );
}
