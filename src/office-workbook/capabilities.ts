import type { ExcelHost } from './excel-host';
import { WorkbookError } from './workbook-error';

/**
 * What the open Excel can do, detected once per host from its ExcelApi requirement sets (capability
 * flags, never "which Excel is this"). ExcelApi 1.1 (Excel 2016) is the floor: values, formulas, number
 * formats, fills, fonts, alignment, borders, adding sheets, the used range and selecting — enough to insert,
 * read and flag a template. Everything else is drawn only where the host has it.
 */
export interface WorkbookCapabilities {
  /** 1.2: merged cells, hidden rows, column widths and row heights, unlocked cells, sheet protection. */
  readonly layout: boolean;
  /** 1.6: conditional formats (else the status cells are filled directly after a check). */
  readonly conditionalFormats: boolean;
  /** 1.7: frozen header rows. */
  readonly freezePanes: boolean;
  /** 1.8: data validation with input prompts and error alerts. */
  readonly dataValidation: boolean;
  /** 1.9: page layout (A4 landscape, one page wide, repeated header row, footer). */
  readonly pageLayout: boolean;
  /** 1.12: worksheet custom properties (a second copy of the template metadata). */
  readonly customProperties: boolean;
  /** Where a flag's message goes: notes (1.18), else comments (1.10), else nowhere (the task pane lists it). */
  readonly cellNotes: 'notes' | 'comments' | 'none';
}

/** All capabilities on; what a current Excel (Microsoft 365, Excel on the web) reports. */
export const FULL_CAPABILITIES: WorkbookCapabilities = {
  layout: true,
  conditionalFormats: true,
  freezePanes: true,
  dataValidation: true,
  pageLayout: true,
  customProperties: true,
  cellNotes: 'notes',
};

const detected = new WeakMap<ExcelHost, WorkbookCapabilities>();

/** The capabilities of a host, asked once and remembered. Throws (in Chinese) below ExcelApi 1.1. */
export function detectCapabilities(host: ExcelHost): WorkbookCapabilities {
  const known = detected.get(host);
  if (known) return known;
  const has = (version: string) => host.isSetSupported('ExcelApi', version);
  if (!has('1.1')) {
    throw new WorkbookError('当前 Excel 版本过旧，不支持本加载项（至少需要 Excel 2016 / ExcelApi 1.1）', 'This Excel is too old for the add-in (ExcelApi 1.1 is required)');
  }
  const capabilities: WorkbookCapabilities = {
    layout: has('1.2'),
    conditionalFormats: has('1.6'),
    freezePanes: has('1.7'),
    dataValidation: has('1.8'),
    pageLayout: has('1.9'),
    customProperties: has('1.12'),
    cellNotes: has('1.18') ? 'notes' : has('1.10') ? 'comments' : 'none',
  };
  detected.set(host, capabilities);
  return capabilities;
}
