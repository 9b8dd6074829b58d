import type { Kysely, Transaction } from 'kysely';
import type { Organisation } from '../../core/catalog/organisation-schema';
import type { Database, NewOrganisation, OrganisationRow } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

/** Every organisation, by id. */
export function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('id').execute();
}

/** One organisation, or undefined. */
export function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Adds an organisation; false when the id is taken. */
export async function addOrganisation(db: Db, organisation: NewOrganisation): Promise<boolean> {
  const result = await db.insertInto('organisations').values(organisation).onConflict((conflict) => conflict.column('id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** An organisation row as the core knows organisations. */
export function organisationOf(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, shortName: row.short_name, nameEn: row.name_en, kind: row.kind };
}
