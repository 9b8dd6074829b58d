import { sql, type Kysely } from 'kysely';
import type { Organisation } from '../../core/catalog/organisation-schema';
import type { Database } from './database';

/**
 * Gives a new database its first list of organisations (seeds/organisations.json). Only once, while the table
 * is empty: from then on the database owns the list (`indicators org add`; an organisation is never removed),
 * and a later change to the seed file does not change it.
 */
export async function seedOrganisations(db: Kysely<Database>, organisations: readonly Organisation[], now = new Date()): Promise<number> {
  if (organisations.length === 0) return 0;
  const present = await db.selectFrom('organisations').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  if (Number(present.n) > 0) return 0;
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
