/**
 * The workbook's side of the Excel stand-in, loaded by the harness page (the "Excel" window around the task
 * pane frame), never by the pane: it makes the workbook once, in the harness window, as `window.__excelWorkbook`.
 * The stand-in in the pane frame (stand-in.ts) runs Excel.run over this workbook, with a strict fake host of
 * its own for each load of the pane. So, as in Excel, closing and reopening (or reloading) the task pane
 * keeps the workbook — sheets, values, formats, notes, the active sheet and the selection — while whatever
 * the closed pane had (its request contexts, its onChanged handlers) goes with it.
 *
 * Built next to stand-in.js by test/e2e/support/build.ts; served to the harness by test/e2e/support/browser.ts.
 */
import { FakeWorkbook } from '../../helpers/fake-excel/fake-workbook';
import type { StandInWindow } from './api';

const harness = window as unknown as Window & StandInWindow;
harness.__excelWorkbook ??= new FakeWorkbook(harness.__excelStandInOptions?.sheets ?? ['Sheet1']);
