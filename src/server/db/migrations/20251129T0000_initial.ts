import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The first schema of the shared endpoint. Frozen: later changes are new migrations. Written on
 * Kysely<any> with no application imports, so it keeps meaning what it meant when it ran.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('short_name', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('department', 'township', 'subdistrict')`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('reporter', 'bureau', 'admin')`))
    .addColumn('label', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('plan', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('submitted', 'returned', 'approved')`))
    .addColumn('current_version', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('submissions_plan_year_organisation', ['plan', 'year', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('submission_versions')
    .addColumn('submission_id', 'text', (col) => col.notNull().references('submissions.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('token_id', 'text', (col) => col.notNull().references('tokens.id'))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('catalog_version', 'text', (col) => col.notNull())
    .addColumn('template_version', 'integer', (col) => col.notNull())
    .addColumn('value_count', 'integer', (col) => col.notNull())
    .addColumn('counts', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('body_sha256', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('submission_versions_pk', ['submission_id', 'version'])
    .execute();

  await db.schema
    .createTable('submission_values')
    .addColumn('submission_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('indicator_id', 'text', (col) => col.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('raw_value', 'text', (col) => col.notNull())
    .addColumn('parsed', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('previous', 'text')
    .addColumn('baseline', 'text')
    .addColumn('other', 'text')
    .addPrimaryKeyConstraint('submission_values_pk', ['submission_id', 'version', 'position'])
    .addForeignKeyConstraint('submission_values_version_fk', ['submission_id', 'version'], 'submission_versions', ['submission_id', 'version'])
    .execute();

  await db.schema
    .createTable('submission_files')
    .addColumn('submission_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content', postgres ? 'bytea' : 'blob', (col) => col.notNull())
    .addPrimaryKeyConstraint('submission_files_pk', ['submission_id', 'version'])
    .addForeignKeyConstraint('submission_files_version_fk', ['submission_id', 'version'], 'submission_versions', ['submission_id', 'version'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', postgres ? 'serial' : 'integer', (col) => (postgres ? col.primaryKey() : col.primaryKey().autoIncrement()))
    .addColumn('submission_id', 'text', (col) => col.notNull().references('submissions.id'))
    .addColumn('version', 'integer')
    .addColumn('action', 'text', (col) => col.notNull().check(sql`action in ('submitted', 'approved', 'returned', 'reopened')`))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('token_id', 'text', (col) => col.notNull().references('tokens.id'))
    .addColumn('organisation_id', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('audit_events_submission').on('audit_events').columns(['submission_id', 'id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('request_sha256', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer', (col) => col.notNull())
    .addColumn('response', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'idempotency_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['idempotency_keys', 'audit_events', 'submission_files', 'submission_values', 'submission_versions', 'submissions', 'tokens', 'organisations']) {
    await db.schema.dropTable(table).execute();
  }
}
