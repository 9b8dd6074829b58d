import type { Kysely } from 'kysely';
import type { Organisation } from '../../core/catalog/organisation-schema';
import type { Database } from './database';

/**
 * Adds the organisations of the catalog (seeds/organisations.json) that the database does not have yet.
 * Idempotent: run on every start; an organisation already there (perhaps renamed by an admin) is left alone.
 */
export async function seedOrganisations(db: Kysely<Database>, organisations: readonly Organisation[], now = new Date()): Promise<number> {
  if (organisations.length === 0) return 0;
  const result = await db
    .insertInto('organisations')
    .values(
      organisations.map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        short_name: organisation.shortName,
        name_en: organisation.nameEn,
        kind: organisation.kind,
        created_at: now.toISOString(),
      })),
    )
    .onConflict((conflict) => conflict.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
