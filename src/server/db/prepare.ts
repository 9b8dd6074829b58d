import type { Kysely } from 'kysely';
import { seedOrganisations as seedOrganisationList } from '../../seed-catalog';
import { openDatabase, type DatabaseLocation, type DatabaseTimeouts } from './connect';
import type { Database } from './database';
import { migrateToLatest } from './migrate';
import { seedOrganisations } from './seed-organisations';

/** Opens the database, brings its schema up to date and seeds the organisations: what the server and the CLI do first. */
export async function prepareDatabase(location: DatabaseLocation, timeouts?: DatabaseTimeouts): Promise<Kysely<Database>> {
  const db = openDatabase(location, timeouts);
  try {
    await migrateToLatest(db);
    await seedOrganisations(db, seedOrganisationList());
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
