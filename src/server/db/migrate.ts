import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/20251129T0000_initial';
import * as hardening from './migrations/20261206T0000_hardening';
import * as monitoring from './migrations/20261206T1200_monitoring';
import * as accounts from './migrations/20261206T1700_accounts';

/** Every migration, by its timestamped name (imported statically: no file scanning, works under tsx and jest). */
const MIGRATIONS: Record<string, Migration> = {
  '20251129T0000_initial': initial,
  '20261206T0000_hardening': hardening,
  '20261206T1200_monitoring': monitoring,
  '20261206T1700_accounts': accounts,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Thrown when a migration fails; the database is left at the last migration that succeeded. */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Brings the schema up to date (each migration in its own transaction where the dialect allows). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${message}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
