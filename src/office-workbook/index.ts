/**
 * The Office.js workbook adapter: renders the pure template model into the open workbook, reads a sheet
 * back, validates and flags it, selects a cell, writes values, reports changes. Every function takes an
 * injected ExcelHost.
 */
export type { ExcelHost } from './excel-host';
export { detectCapabilities, FULL_CAPABILITIES, type WorkbookCapabilities } from './capabilities';
export { insertTemplate, type InsertTemplateOptions, type InsertTemplateResult } from './insert-template';
export { readTemplateSheet, type SheetRead } from './read-sheet';
export { checkSheet, type CheckSheetOptions, type CheckSheetOutcome, type FlagDrawing } from './check-sheet';
export { selectCell } from './select-cell';
export { listSheetNames } from './list-sheets';
export { FLAG_NOTE_PREFIX } from './cell-notes';
export { METADATA_PROPERTY } from './render-template';
export { DEFAULT_PAYLOAD_BUDGET } from './write-plan';
export { WorkbookError } from './workbook-error';
export { writeCells, type CellValueWrite, type WriteCellsResult } from './write-cells';
export { watchChanges, type StopWatching, type WorkbookChange } from './watch-changes';
