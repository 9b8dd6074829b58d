export { FakeExcelHost, type FakeExcelOptions, type PersonEditOptions } from './fake-host';
export { FakeEvents, type FakeChange, type FakeChangeOrigin, type FiredEvent } from './fake-events';
export { FakeOfficeError, type SyncRecord } from './fake-context';
export { FakeSheet, FakeWorkbook, displayText, type FakeCell } from './fake-workbook';
export { parseRange, cellName, type Rect } from './addresses';
export { FAKE_PROFILES, WEB_PAYLOAD_LIMIT_BYTES, fakeExcel, type FakeProfile } from './profiles';
