import type { Status } from '../assess/entry';
import type { PlanId } from '../catalog/indicator-schema';
import type { CellValue } from '../parse/cell-value';

/**
 * What the bureau's core reads of the store: for a plan and year, the current version of each organisation's
 * submission with its values as the server judged them. Plain data: the server fills it from SQLite or
 * PostgreSQL, tests write it by hand.
 */
export interface ReportedVersion {
  readonly organisationId: string;
  readonly submissionId: string;
  /** The current version's number. */
  readonly version: number;
  readonly status: 'submitted' | 'returned' | 'approved';
  /** When version 1 arrived (ISO 8601): what "on time" is judged by. */
  readonly firstReceivedAt: string;
  /** When the current version arrived. */
  readonly receivedAt: string;
  readonly values: readonly ReportedValue[];
}

/** One stored value of a version: the server's reading of what was typed, and its verdict. */
export interface ReportedValue {
  readonly indicatorId: string;
  /** The township or listed body of a per-unit indicator. */
  readonly unitId: string | null;
  /** The server's reading (null when nothing was typed). */
  readonly value: CellValue | null;
  readonly status: Status;
  readonly note: string | null;
}

/** A plan and reporting year. */
export interface PlanYear {
  readonly plan: PlanId;
  readonly year: number;
}
