import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Hardening: the bytes each version stores (for the per-organisation, per-year quota), an index to add them
 * up, and the bureau's reporting grants (an organisation may report an indicator beyond the catalog's
 * `responsible` lists). Frozen once released; written on Kysely<any> with no application imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('submission_versions').addColumn('stored_bytes', 'integer', (col) => col.notNull().defaultTo(0)).execute();
  // what earlier versions store: the document as received and the uploaded file, in bytes
  await sql`
    update submission_versions set stored_bytes =
      ${postgres ? sql`octet_length(body)` : sql`length(cast(body as blob))`}
      + coalesce((select ${postgres ? sql`octet_length(f.content)` : sql`length(f.content)`} from submission_files f
                  where f.submission_id = submission_versions.submission_id and f.version = submission_versions.version), 0)
  `.execute(db);
  await db.schema.createIndex('submissions_organisation_year').on('submissions').columns(['organisation_id', 'year']).execute();

  await db.schema
    .createTable('reporting_grants')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('indicator_id', 'text', (col) => col.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull().references('tokens.id'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('reporting_grants_organisation').on('reporting_grants').columns(['organisation_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reporting_grants').execute();
  await db.schema.dropIndex('submissions_organisation_year').execute();
  await db.schema.alterTable('submission_versions').dropColumn('stored_bytes').execute();
}
