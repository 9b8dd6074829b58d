/**
 * The Office.js workbook adapter: Excel as a WorkbookHost (src/workbook) — renders the pure template model
 * into the open workbook, reads a sheet back, draws a check's flag plan, selects a cell, writes values,
 * reports changes. Every function takes an injected ExcelHost; `officeWorkbookHost` assembles them.
 */
export type { ExcelHost } from './excel-host';
export { officeWorkbookHost, type OfficeWorkbookHostOptions } from './office-workbook-host';
export { detectCapabilities, FULL_CAPABILITIES } from './capabilities';
export { insertTemplate, type InsertTemplateOptions, type InsertTemplateResult } from './insert-template';
export { readSheet } from './read-sheet';
export { flagSheet, type FlagSheetOptions } from './flag-sheet';
export { selectCell } from './select-cell';
export { listSheetNames } from './list-sheets';
export { METADATA_PROPERTY } from './render-template';
export { DEFAULT_PAYLOAD_BUDGET } from './write-plan';
export { WorkbookError } from './workbook-error';
export { writeCells, type CellValueWrite, type WriteCellsResult } from './write-cells';
export { watchChanges } from './watch-changes';
