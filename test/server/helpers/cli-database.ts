import type { DatabaseLocation } from '../../../src/server/db/connect';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database';

/**
 * A fresh test database of `dialect` for the CLI, which opens DATA_DIR and DATABASE_URL: from `beforeAll`
 * they point at it; in `afterAll` they are put back as they were and the database is dropped. Call it in a
 * `describe` body; `location` is the database's, once `beforeAll` has run.
 */
export function useCliDatabase(dialect: Dialect): { readonly location: DatabaseLocation } {
  let database: TestDatabase | undefined;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    process.env.DATA_DIR = database.location.dataDir;
    process.env.DATABASE_URL = database.location.databaseUrl ?? '';
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await database?.drop();
  });
  return {
    get location(): DatabaseLocation {
      if (!database) throw new Error('the CLI test database is made in beforeAll');
      return database.location;
    },
  };
}
