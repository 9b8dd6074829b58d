import { sql, type Kysely, type Transaction } from 'kysely';
import type { Status } from '../../core/assess/entry';
import type { ReportedValue, ReportedVersion } from '../../core/monitoring/reported';
import type { CellValue } from '../../core/parse/cell-value';
import { dialectOf } from '../db/connect';
import type { Database, LeadOverrideRow, ReportingDeadlineRow } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

/** Which submissions the monitoring reads: one plan, a range of reporting years, optionally one organisation. */
export interface ReportedRange {
  readonly plan: string;
  readonly fromYear: number;
  readonly toYear: number;
  /** Only this organisation's submission (a reporter's own view). */
  readonly organisationId?: string;
}

/**
 * The current version of every organisation's submission of a plan over a range of years, by year: its
 * review state, when its first version arrived (what "late" is judged by), and — with `values` — its stored
 * values as the server read and judged them. Two queries whatever the number of organisations and years
 * (no query per submission), in one read transaction so that both see the same versions:
 *
 * 1. the submissions of the plan and years (the unique key plan, year, organisation_id), each joined to its
 *    current version and to its version 1 (the primary key of submission_versions);
 * 2. the value rows of those current versions (the primary key submission_id, version, position).
 *
 * Without `values` only the first runs (the completeness board needs no values).
 */
export async function readReportedVersions(db: Kysely<Database>, range: ReportedRange, options: { values: boolean }): Promise<Map<number, ReportedVersion[]>> {
  const read = async (trx: Db) => {
    let versions = trx
      .selectFrom('submissions as s')
      .innerJoin('submission_versions as cv', (join) => join.onRef('cv.submission_id', '=', 's.id').onRef('cv.version', '=', 's.current_version'))
      .innerJoin('submission_versions as fv', (join) => join.onRef('fv.submission_id', '=', 's.id').on('fv.version', '=', 1))
      .select(['s.id', 's.year', 's.organisation_id', 's.status', 's.current_version', 'cv.received_at', 'fv.received_at as first_received_at'])
      .where('s.plan', '=', range.plan)
      .where('s.year', '>=', range.fromYear)
      .where('s.year', '<=', range.toYear);
    if (range.organisationId !== undefined) versions = versions.where('s.organisation_id', '=', range.organisationId);
    const rows = await versions.orderBy('s.year').orderBy('s.organisation_id').execute();
    if (!options.values || rows.length === 0) return { rows, values: [] };
    return { rows, values: await currentValuesQuery(trx, range).execute() };
  };
  const { rows, values } = options.values ? await db.transaction().setIsolationLevel('repeatable read').execute(read) : await read(db);
  const valuesBySubmission = new Map<string, ReportedValue[]>();
  for (const row of values) {
    let list = valuesBySubmission.get(row.submission_id);
    if (!list) valuesBySubmission.set(row.submission_id, (list = []));
    list.push({ indicatorId: row.indicator_id, unitId: row.unit_id, value: row.parsed === null ? null : (JSON.parse(row.parsed) as CellValue), status: row.status as Status, note: row.note });
  }
  const byYear = new Map<number, ReportedVersion[]>();
  for (const row of rows) {
    const year = Number(row.year);
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push({
      organisationId: row.organisation_id,
      submissionId: row.id,
      version: Number(row.current_version),
      status: row.status,
      firstReceivedAt: row.first_received_at,
      receivedAt: row.received_at,
      values: valuesBySubmission.get(row.id) ?? [],
    });
  }
  return byYear;
}

/**
 * The values of the current versions of a plan's submissions over a range of years (query 2 of
 * {@link readReportedVersions}; the benchmark EXPLAINs it). PostgreSQL: a lateral subquery kept apart from
 * the join (OFFSET 0), so that each current version's rows are fetched by the primary key; as a plain join the
 * planner hash-joins a scan of every value row of every version and year — the whole history — even for one
 * plan-year. SQLite probes the key by itself.
 */
export function currentValuesQuery(db: Db, range: ReportedRange) {
  const submissions = db.selectFrom('submissions as s');
  const joined =
    dialectOf(db as Kysely<Database>) === 'postgresql'
      ? submissions.innerJoinLateral(
          (eb) =>
            eb
              .selectFrom('submission_values as cv')
              .select(['cv.submission_id', 'cv.indicator_id', 'cv.unit_id', 'cv.parsed', 'cv.status', 'cv.note'])
              .whereRef('cv.submission_id', '=', 's.id')
              .whereRef('cv.version', '=', 's.current_version')
              .offset(sql.lit(0))
              .as('v'),
          (join) => join.onTrue(),
        )
      : submissions.innerJoin('submission_values as v', (join) => join.onRef('v.submission_id', '=', 's.id').onRef('v.version', '=', 's.current_version'));
  let query = joined
    .select(['v.submission_id', 'v.indicator_id', 'v.unit_id', 'v.parsed', 'v.status', 'v.note'])
    .where('s.plan', '=', range.plan)
    .where('s.year', '>=', range.fromYear)
    .where('s.year', '<=', range.toYear);
  if (range.organisationId !== undefined) query = query.where('s.organisation_id', '=', range.organisationId);
  return query;
}

/** The deadline of a plan-year, if the bureau set one. */
export function findDeadline(db: Db, plan: string, year: number): Promise<ReportingDeadlineRow | undefined> {
  return db.selectFrom('reporting_deadlines').selectAll().where('plan', '=', plan).where('year', '=', year).executeTakeFirst();
}

/** Every deadline set (of one plan, or of both), by plan and year. */
export function listDeadlines(db: Db, plan?: string): Promise<ReportingDeadlineRow[]> {
  let query = db.selectFrom('reporting_deadlines').selectAll();
  if (plan !== undefined) query = query.where('plan', '=', plan);
  return query.orderBy('plan').orderBy('year').execute();
}

/** Sets (or moves) the deadline of a plan-year. */
export async function setDeadline(db: Db, row: ReportingDeadlineRow): Promise<ReportingDeadlineRow> {
  await db
    .insertInto('reporting_deadlines')
    .values(row)
    .onConflict((conflict) => conflict.columns(['plan', 'year']).doUpdateSet({ deadline: row.deadline, set_at: row.set_at, set_by: row.set_by }))
    .execute();
  return row;
}

/** Removes the deadline of a plan-year; false when none was set. */
export async function clearDeadline(db: Db, plan: string, year: number): Promise<boolean> {
  const result = await db.deleteFrom('reporting_deadlines').where('plan', '=', plan).where('year', '=', year).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The bureau's lead organisations of a plan, by indicator id. */
export function listLeadOverrides(db: Db, plan: string): Promise<LeadOverrideRow[]> {
  return db.selectFrom('lead_overrides').selectAll().where('plan', '=', plan).orderBy('indicator_id').execute();
}

/** Makes an organisation the lead of an indicator (replacing an earlier choice). */
export async function setLeadOverride(db: Db, row: LeadOverrideRow): Promise<LeadOverrideRow> {
  await db
    .insertInto('lead_overrides')
    .values(row)
    .onConflict((conflict) => conflict.columns(['plan', 'indicator_id']).doUpdateSet({ organisation_id: row.organisation_id, set_at: row.set_at, set_by: row.set_by }))
    .execute();
  return row;
}

/** Removes the bureau's lead of an indicator (the catalog's order applies again); the removed row, if any. */
export async function removeLeadOverride(db: Db, plan: string, indicatorId: string): Promise<LeadOverrideRow | undefined> {
  const row = await db.selectFrom('lead_overrides').selectAll().where('plan', '=', plan).where('indicator_id', '=', indicatorId).executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('lead_overrides').where('plan', '=', plan).where('indicator_id', '=', indicatorId).execute();
  return row;
}
