import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { SubmissionStatus } from '../../contract/submission-document';
import type { Database, NewSubmissionValue, NewSubmissionVersion, SubmissionRow, SubmissionValueRow, SubmissionVersionRow } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per INSERT statement: far below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const VALUE_ROWS_PER_INSERT = 500;

/** Filters of the submission list; `organisationId` is forced to the caller's own for reporters. */
export interface SubmissionFilter {
  readonly plan?: string;
  readonly year?: number;
  readonly organisationId?: string;
  readonly status?: SubmissionStatus;
}

/** The submission of one plan, year and organisation, if any. */
export function findSubmissionFor(db: Db, key: { plan: string; year: number; organisationId: string }): Promise<SubmissionRow | undefined> {
  return db
    .selectFrom('submissions')
    .selectAll()
    .where('plan', '=', key.plan)
    .where('year', '=', key.year)
    .where('organisation_id', '=', key.organisationId)
    .executeTakeFirst();
}

/** One submission by id. */
export function findSubmission(db: Db, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Submissions matching the filter, newest activity first. */
export function listSubmissions(db: Db, filter: SubmissionFilter): Promise<SubmissionRow[]> {
  let query = db.selectFrom('submissions').selectAll();
  if (filter.plan !== undefined) query = query.where('plan', '=', filter.plan);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.organisationId !== undefined) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(1000).execute();
}

/** Starts the thread of a plan, year and organisation. */
export async function insertSubmission(db: Db, row: SubmissionRow): Promise<void> {
  await db.insertInto('submissions').values(row).execute();
}

/**
 * Counts a thread on to its next version and marks it submitted again — unless it is approved (locked).
 * One atomic UPDATE … RETURNING: concurrent writers of the same thread each get their own number.
 * Undefined when there is no such thread or it is locked.
 */
export async function nextVersion(db: Db, key: { plan: string; year: number; organisationId: string }, at: string): Promise<SubmissionRow | undefined> {
  return db
    .updateTable('submissions')
    .set((eb) => ({ current_version: eb('current_version', '+', 1), status: 'submitted', updated_at: at }))
    .where('plan', '=', key.plan)
    .where('year', '=', key.year)
    .where('organisation_id', '=', key.organisationId)
    .where('status', '<>', 'approved')
    .returningAll()
    .executeTakeFirst();
}

/** Moves a submission to a status (and version); `expected` guards against a concurrent change. */
export async function updateSubmission(
  db: Db,
  id: string,
  change: { status: SubmissionStatus; current_version?: number; updated_at: string },
  expected: { status: SubmissionStatus; current_version: number },
): Promise<boolean> {
  const result = await db
    .updateTable('submissions')
    .set(change)
    .where('id', '=', id)
    .where('status', '=', expected.status)
    .where('current_version', '=', expected.current_version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A value row of a version, without the version's keys (submission id and version number). */
export type VersionValue = Omit<NewSubmissionValue, 'submission_id' | 'version'>;

/** Stores one version with all its values (and the uploaded file, if any); call inside a transaction. */
export async function insertVersion(
  db: Db,
  version: NewSubmissionVersion,
  values: readonly VersionValue[],
  file?: { file_name: string | null; sha256: string; content: Uint8Array },
): Promise<void> {
  await db.insertInto('submission_versions').values(version).execute();
  const { submission_id: id, version: number } = version;
  for (let start = 0; start < values.length; start += VALUE_ROWS_PER_INSERT) {
    const rows = values.slice(start, start + VALUE_ROWS_PER_INSERT);
    // the parameters in VALUE_COLUMNS order, written out: a generic loop over the columns costs ten times more
    const parameters: unknown[] = [];
    for (const row of rows) {
      parameters.push(id, number, row.position, row.indicator_id, row.unit_id ?? null, row.raw_value, row.parsed ?? null, row.status, row.severity, row.note ?? null, row.previous ?? null, row.baseline ?? null, row.other ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(valuesInsertSql(db, rows.length), parameters));
  }
  if (file) await db.insertInto('submission_files').values({ submission_id: id, version: number, ...file }).execute();
}

/** The columns of submission_values, in the order of the INSERT's parameters. */
const VALUE_COLUMNS = ['submission_id', 'version', 'position', 'indicator_id', 'unit_id', 'raw_value', 'parsed', 'status', 'severity', 'note', 'previous', 'baseline', 'other'] as const satisfies readonly (keyof NewSubmissionValue)[];

/** Compiled INSERT statements of n value rows, per dialect (its query compiler's class). */
const valuesInsertCache = new WeakMap<object, Map<number, string>>();
const VALUES_INSERT_SHAPES = 64;

/**
 * The SQL of a multi-row INSERT of `count` value rows, as the dialect's Kysely compiler writes it. Built
 * once per dialect and row count: building the 175-row INSERT of a submission through the query builder
 * (2,275 value nodes, parsed and compiled) took as long as running it.
 */
function valuesInsertSql(db: Db, count: number): string {
  const key = db.getExecutor().adapter.constructor;
  let shapes = valuesInsertCache.get(key);
  if (!shapes) valuesInsertCache.set(key, (shapes = new Map()));
  const known = shapes.get(count);
  if (known !== undefined) return known;
  // placeholder rows with every column, in VALUE_COLUMNS order; the parameters must come out in that order
  const row = Object.fromEntries(VALUE_COLUMNS.map((column, index) => [column, `p${index}`])) as unknown as NewSubmissionValue;
  const compiled = db.insertInto('submission_values').values(Array.from({ length: count }, () => row)).compile();
  const expected = Array.from({ length: count }, () => VALUE_COLUMNS.map((_column, index) => `p${index}`)).flat();
  if (compiled.parameters.length !== expected.length || compiled.parameters.some((parameter, index) => parameter !== expected[index])) {
    throw new Error('submission_values INSERT: unexpected parameter order');
  }
  if (shapes.size < VALUES_INSERT_SHAPES) shapes.set(count, compiled.sql);
  return compiled.sql;
}

/** Every version of a submission, oldest first (bodies left out). */
export function listVersions(db: Db, submissionId: string): Promise<Omit<SubmissionVersionRow, 'body' | 'stored_bytes'>[]> {
  return db
    .selectFrom('submission_versions')
    .select(['submission_id', 'version', 'received_at', 'token_id', 'source', 'catalog_version', 'template_version', 'value_count', 'counts', 'body_sha256'])
    .where('submission_id', '=', submissionId)
    .orderBy('version')
    .execute();
}

/** Bytes an organisation's versions of a reporting year store (documents and files, every plan). */
export async function storedBytesOf(db: Db, organisationId: string, year: number): Promise<number> {
  const row = await db
    .selectFrom('submission_versions as v')
    .innerJoin('submissions as s', 's.id', 'v.submission_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('v.stored_bytes'), eb.lit(0)).as('bytes'))
    .where('s.organisation_id', '=', organisationId)
    .where('s.year', '=', year)
    .executeTakeFirst();
  return Number(row?.bytes ?? 0);
}

/** The values of one version, in the order they were sent. */
export function listValues(db: Db, submissionId: string, version: number): Promise<SubmissionValueRow[]> {
  return db.selectFrom('submission_values').selectAll().where('submission_id', '=', submissionId).where('version', '=', version).orderBy('position').execute();
}
