/**
 * 上年值 / Last year's values of a plan and organisation, to prefill a new template's 上年值 column: the values
 * of the organisation's report of year − 1 — its approved version when the bureau approved it, else its
 * current (latest) version, whatever its review state (the answer says which). Used by the API
 * (GET /submissions/previous-values) and by the CLI's `template --prefill-from database`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { PreviousValues } from '../../contract/api';
import type { PlanId } from '../../core/catalog/indicator-schema';
import type { CellValue } from '../../core/parse/cell-value';
import type { Database } from '../db/database';
import { findSubmissionFor, listValues, listVersions } from '../repositories/submissions';

type Db = Kysely<Database> | Transaction<Database>;

export interface PreviousValuesRequest {
  readonly plan: PlanId;
  /** The reporting year of the template being filled: the values are of `year − 1`. */
  readonly year: number;
  readonly organisationId: string;
}

export async function loadPreviousValues(db: Db, request: PreviousValuesRequest): Promise<PreviousValues> {
  const { plan, year, organisationId } = request;
  const empty: PreviousValues = { plan, year, organisationId, source: null, values: [] };
  const submission = await findSubmissionFor(db, { plan, year: year - 1, organisationId });
  if (!submission) return empty;
  // an approved report is locked at its current version: "approved, else the latest" is the current version
  const version = Number(submission.current_version);
  const [versions, rows] = await Promise.all([listVersions(db, submission.id), listValues(db, submission.id, version)]);
  const receipt = versions.find((item) => Number(item.version) === version);
  if (!receipt) return empty;
  const values: PreviousValues['values'] = [];
  for (const row of rows) {
    const value = prefillable(row.parsed);
    if (value !== undefined) values.push({ indicatorId: row.indicator_id, unitId: row.unit_id, value });
  }
  return {
    plan,
    year,
    organisationId,
    source: { year: year - 1, submissionId: submission.id, version, status: submission.status, receivedAt: receipt.received_at },
    values,
  };
}

/** The server's reading of a stored value as a 上年值: a number, or the canonical text of a ratio or yes/no. */
function prefillable(parsed: string | null): number | string | undefined {
  if (parsed === null) return undefined;
  let value: CellValue;
  try {
    value = JSON.parse(parsed) as CellValue;
  } catch {
    return undefined;
  }
  if (value.kind === 'number') return value.value;
  if (value.kind === 'ratio' || value.kind === 'boolean') return value.text;
  return undefined;
}
