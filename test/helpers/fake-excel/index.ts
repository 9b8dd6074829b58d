export { FakeExcelHost, type FakeExcelOptions } from './fake-host';
export { FakeOfficeError, type SyncRecord } from './fake-context';
export { FakeSheet, FakeWorkbook, displayText, type FakeCell } from './fake-workbook';
export { parseRange, cellName, type Rect } from './addresses';
