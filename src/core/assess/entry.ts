import type { Message, Severity } from '../i18n/message';
import type { CellValue, RawCell } from '../parse/cell-value';
import type { TargetDescription } from './describe-target';

/** What one person reported for one indicator (and, for per-unit indicators, one township or body). */
export interface EntryInput {
  readonly indicatorId: string;
  /** The township or listed body for per-unit indicators; absent otherwise. */
  readonly unitId?: string;
  readonly value: RawCell;
  readonly note?: string | null;
  /** Last year's value (or the previous term's, for elected bodies). */
  readonly previous?: RawCell;
  /** The base-year value, for 以Y年为基数 targets. */
  readonly baseline?: RawCell;
  /** The value compared with, for relative targets (e.g. 党员总数中女性比例). */
  readonly other?: RawCell;
}

/** The key of an entry within a report: indicator and reporting unit (each pair is reported once). */
export function entryKey(indicatorId: string, unitId: string | undefined): string {
  return `${indicatorId}\u0000${unitId ?? ''}`;
}

/**
 * The verdict on an entry:
 * `met`/`notMet` the targets due in the reporting year (a milestone whose year has come and keeps binding,
 * an every-year or trend target, everything in the target year); `notYetDue` (未到目标年份) no target is
 * due yet and the value is short of the upcoming one — not a miss, and it needs no note (its progress and
 * any early warning say how it is going); `noData` nothing usable was reported (blank, or a not-available marker);
 * `invalid` something entered cannot be right or cannot be read; `notAssessable` the target cannot judge
 * it (qualitative, or an input it needs is missing).
 */
export type Status = 'met' | 'notMet' | 'notYetDue' | 'noData' | 'invalid' | 'notAssessable';

/** One governing target and how it judged the entry. */
export interface TargetVerdict {
  readonly year: number;
  readonly role: 'due' | 'upcoming';
  readonly description: TargetDescription;
  readonly outcome: 'met' | 'notMet' | 'notAssessable';
}

/** The result for one entry: parsed inputs, status, severity and messages in zh-CN and en-US. */
export interface EntryResult {
  readonly indicatorId: string;
  readonly unitId?: string;
  readonly year: number;
  readonly status: Status;
  readonly severity: Severity;
  /** This year's value as understood; null when it could not be read. */
  readonly value: CellValue | null;
  readonly previous?: CellValue | null;
  readonly baseline?: CellValue | null;
  readonly other?: CellValue | null;
  readonly note?: string;
  readonly targets: readonly TargetVerdict[];
  readonly messages: readonly Message[];
}
