import type { Kysely } from 'kysely';

/**
 * The bureau's monitoring settings: the reporting deadline of each plan-year and the lead organisation it
 * chose for an indicator (overriding the first of the catalog's `responsible` list), each with who set it
 * and when. The monitoring reads need no new index on the submission tables: the unique key (plan, year,
 * organisation_id) of `submissions` and the primary keys of `submission_versions` and `submission_values`
 * serve them (docs/decisions/0011-monitoring-queries.md). Frozen once released; written on Kysely<any>
 * with no application imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reporting_deadlines')
    .addColumn('plan', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('deadline', 'text', (col) => col.notNull())
    .addColumn('set_at', 'text', (col) => col.notNull())
    .addColumn('set_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('reporting_deadlines_pk', ['plan', 'year'])
    .execute();

  await db.schema
    .createTable('lead_overrides')
    .addColumn('plan', 'text', (col) => col.notNull())
    .addColumn('indicator_id', 'text', (col) => col.notNull())
    .addColumn('organisation_id', 'text', (col) => col.notNull().references('organisations.id'))
    .addColumn('set_at', 'text', (col) => col.notNull())
    .addColumn('set_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('lead_overrides_pk', ['plan', 'indicator_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lead_overrides').execute();
  await db.schema.dropTable('reporting_deadlines').execute();
}
