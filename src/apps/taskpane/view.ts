/**
 * What the task pane shows, decided from a plain snapshot of the host (see office-host.ts).
 * Pure: no Office.js, no DOM, so it is unit-tested directly.
 */
import type { OfficeThemeColors } from './theme';

/** The value of `Office.HostType.Excel`. */
export const EXCEL_HOST = 'Excel';

/** Everything the bootstrap needs to know about where the page runs, as plain data. */
export interface HostSnapshot {
  /** office.js loaded and `Office.onReady` resolved. */
  officeAvailable: boolean;
  /** `Office.HostType` as a string ('Excel', 'Word', …); null when not inside an Office application. */
  host: string | null;
  /** `Office.context.displayLanguage` (e.g. 'zh-CN'); null when unknown. */
  displayLanguage: string | null;
  /** `Office.context.officeTheme` colours when the host reports them. */
  officeTheme: OfficeThemeColors | null;
  /** The system asks for forced colours (Windows high contrast). */
  forcedColors: boolean;
  /** `Office.context.partitionKey`: prefix for localStorage keys where Office partitions storage (on the web). */
  partitionKey: string | null;
  /** `Office.context.document.url`: identifies the workbook ('' while it is unsaved). */
  documentUrl: string;
  /** `Office.context.diagnostics` platform and version, for the client info sent with submissions. */
  platform: string | null;
}

/** Why the page is not running as an Excel add-in. */
export type NotInExcelReason =
  | 'office-unavailable' // office.js did not load (offline, blocked) — e.g. a plain browser without the CDN
  | 'no-host' // office.js loaded but the page is not inside an Office application
  | 'other-host'; // inside another Office application (Word, PowerPoint, …)

export type View =
  | { kind: 'excel' }
  | { kind: 'not-excel'; reason: NotInExcelReason; host: string | null };

export function decideView(snapshot: HostSnapshot): View {
  if (!snapshot.officeAvailable) return { kind: 'not-excel', reason: 'office-unavailable', host: null };
  if (snapshot.host === null) return { kind: 'not-excel', reason: 'no-host', host: null };
  if (snapshot.host !== EXCEL_HOST) return { kind: 'not-excel', reason: 'other-host', host: snapshot.host };
  return { kind: 'excel' };
}
