import { FakeExcelHost, type FakeExcelOptions } from './fake-host';

/** Excel on the web refuses a request, and a response, over 5 MB ("Resource limits and performance optimization for Office Add-ins"). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * The Excels the add-in meets, as the strict fake plays them: each is a set of FakeExcelOptions, documented
 * with where its behaviour comes from. A test takes one with `fakeExcel('web')` (and may add options).
 * What a *person* does to a workbook (a password, a note) is the workbook's state, not the host's: see
 * FakeSheet.personProtects, personAddsNote, FakeExcelHost.personStartsEditing.
 */
export const FAKE_PROFILES = {
  /**
   * Microsoft 365 on Windows or Mac (current channel): every set the adapter uses (notes 1.18).
   */
  microsoft365: { apiVersion: '1.18' },
  /**
   * Excel on the web: the same sets, plus its limits — requests and responses over 5 MB are refused, and a
   * value picked from a data-validation dropdown raises no onChanged (office-js #3888, #4066; the add-in
   * re-checks on selection change instead).
   */
  web: { apiVersion: '1.18', platform: 'web', requestLimitBytes: WEB_PAYLOAD_LIMIT_BYTES, responseLimitBytes: WEB_PAYLOAD_LIMIT_BYTES },
  /**
   * Office 2021 perpetual (ExcelApi 1.14): threaded comments (1.10) but no notes API (1.18) — notes a
   * Microsoft 365 user left in the workbook are there and invisible to the add-in.
   */
  perpetual2021: { apiVersion: '1.14' },
  /** Office 2019 perpetual (ExcelApi 1.8, EdgeHTML or IE11 webview): no comments, no WorksheetCollection events; some builds refuse to freeze an inactive sheet (office-js #2196). */
  perpetual2019: { apiVersion: '1.8', freezeNeedsActiveSheet: true },
  /** Office 2016 perpetual (ExcelApi 1.1): the floor. */
  perpetual2016: { apiVersion: '1.1' },
  /** Microsoft 365 while a person is still typing in a cell: a batch fails unless it asked to wait (ExcelApi 1.11). */
  cellEdit: { apiVersion: '1.18', cellEditMode: true },
} as const satisfies Record<string, FakeExcelOptions>;

export type FakeProfile = keyof typeof FAKE_PROFILES;

/** A strict fake Excel as one of the profiles plays it, with further options (a workbook, a cap of its own …). */
export function fakeExcel(profile: FakeProfile, options: FakeExcelOptions = {}): FakeExcelHost {
  return new FakeExcelHost({ ...FAKE_PROFILES[profile], ...options });
}
