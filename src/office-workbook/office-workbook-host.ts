import type { WorkbookHost } from '../workbook/workbook-host';
import { detectCapabilities } from './capabilities';
import type { ExcelHost } from './excel-host';
import { flagSheet } from './flag-sheet';
import { insertTemplate } from './insert-template';
import { listSheetNames } from './list-sheets';
import { readSheet } from './read-sheet';
import { selectCell } from './select-cell';
import { watchChanges } from './watch-changes';
import { writeCells } from './write-cells';
import { DEFAULT_PAYLOAD_BUDGET } from './write-plan';

/** What only Excel's batched API needs to be told. */
export interface OfficeWorkbookHostOptions {
  /** Payload budget per sync in bytes (default 2 MB, Excel on the web refuses 5 MB); tests lower it to force split writes. */
  readonly payloadBudget?: number;
}

/**
 * Excel as a WorkbookHost (src/workbook/workbook-host.ts), over an injected ExcelHost (`Excel.run` and the
 * requirement-set check: src/apps/taskpane/office-host.ts in the add-in, the strict fake in tests). Batching,
 * the payload budget per sync, notes vs comments, protection and the requirement-set tiers stay in here.
 * `capabilities` are detected on first use (a host below ExcelApi 1.1 fails then, with a WorkbookError).
 */
export function officeWorkbookHost(excel: ExcelHost, options: OfficeWorkbookHostOptions = {}): WorkbookHost {
  const payloadBudget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  return {
    get capabilities() {
      return detectCapabilities(excel);
    },
    insertTemplate: (model, insert) => insertTemplate(excel, model, { ...insert, payloadBudget }),
    readSheet: (sheetName) => readSheet(excel, sheetName),
    flagSheet: (sheetName, visit) => flagSheet(excel, sheetName, visit, { payloadBudget }),
    selectCell: (sheetName, address) => selectCell(excel, sheetName, address),
    sheetNames: () => listSheetNames(excel),
    writeCells: async (sheetName, cells) => void (await writeCells(excel, sheetName, cells)),
    watchChanges: (listener) => watchChanges(excel, listener),
  };
}
