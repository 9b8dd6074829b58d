/**
 * The host-independent workbook: the WorkbookPort the task pane's views use, the WorkbookHost an adapter
 * implements (src/office-workbook for Excel), and `createWorkbook`, which composes the two with the core.
 */
export type { CellWrite, CheckSheetOutcome, FlagDrawing, InsertOptions, InsertedTemplate, SheetChange, SheetRead, StopWatching, WorkbookPort } from './workbook-port';
export type { FlagPlan, FlaggingVisit, HostCapabilities, HostChange, LocatedNote, RangeColour, SheetSnapshot, WorkbookHost } from './workbook-host';
export { createWorkbook, type WorkbookOptions } from './workbook';
export { FLAG_NOTE_PREFIX, isFlagNote, planFlags, type FlagPlanInput, type PlannedFlags } from './flag-plan';
export { OWN_WRITE_WINDOW_MS, ownWrites, type OwnWriteOptions, type OwnWrites } from './own-writes';
export { WorkbookError } from './workbook-error';
