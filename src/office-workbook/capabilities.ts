import type { HostCapabilities } from '../workbook/workbook-host';
import type { ExcelHost } from './excel-host';
import { WorkbookError } from './workbook-error';

/** All capabilities on; what a current Excel (Microsoft 365, Excel on the web) reports. */
export const FULL_CAPABILITIES: HostCapabilities = {
  supportsSyncExecution: false,
  layout: true,
  conditionalFormats: true,
  freezePanes: true,
  dataValidation: true,
  pageLayout: true,
  customProperties: true,
  notes: 'notes',
  changeEvents: true,
  triggerSource: true,
};

const detected = new WeakMap<ExcelHost, HostCapabilities>();

/**
 * What the open Excel can do, detected once per host from its ExcelApi requirement sets (capability
 * flags, never "which Excel is this"). ExcelApi 1.1 (Excel 2016) is the floor: values, formulas, number
 * formats, fills, fonts, alignment, borders, adding sheets, the used range and selecting — enough to insert,
 * read and flag a template. Everything else is drawn only where the host has it:
 *
 * - 1.2 layout: merged cells, hidden rows, column widths and row heights, unlocked cells, sheet protection;
 * - 1.6 conditional formats; 1.7 frozen header rows and change events; 1.8 data validation;
 * - 1.9 page layout; 1.12 worksheet custom properties; 1.14 `triggerSource` of change events;
 * - notes 1.18, else comments 1.10, else none.
 *
 * Office.js is batched (queued calls sent by `context.sync()`): never synchronous execution. Throws (in
 * Chinese) below ExcelApi 1.1.
 */
export function detectCapabilities(host: ExcelHost): HostCapabilities {
  const known = detected.get(host);
  if (known) return known;
  const has = (version: string) => host.isSetSupported('ExcelApi', version);
  if (!has('1.1')) {
    throw new WorkbookError('当前 Excel 版本过旧，不支持本加载项（至少需要 Excel 2016 / ExcelApi 1.1）', 'This Excel is too old for the add-in (ExcelApi 1.1 is required)');
  }
  const capabilities: HostCapabilities = {
    supportsSyncExecution: false,
    layout: has('1.2'),
    conditionalFormats: has('1.6'),
    freezePanes: has('1.7'),
    dataValidation: has('1.8'),
    pageLayout: has('1.9'),
    customProperties: has('1.12'),
    notes: has('1.18') ? 'notes' : has('1.10') ? 'comments' : null,
    changeEvents: has('1.7'),
    triggerSource: has('1.14'),
  };
  detected.set(host, capabilities);
  return capabilities;
}
