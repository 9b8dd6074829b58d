import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

/** Where the data lives: PostgreSQL when a URL is given, else an SQLite file in the data folder. */
export interface DatabaseLocation {
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE = 'xinping.sqlite';

/** Which database a location points at, for messages (never prints a password). */
export function describeLocation(location: DatabaseLocation): string {
  if (location.databaseUrl) {
    const url = new URL(location.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  }
  return `SQLite ${join(location.dataDir, SQLITE_FILE)}`;
}

/**
 * Opens the database. SQLite runs in WAL mode with synchronous=FULL, so a transaction that committed is on
 * disk before the client hears about it, and a crash leaves each transaction whole or absent.
 */
export function openDatabase(location: DatabaseLocation): Kysely<Database> {
  if (location.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(location.databaseUrl)) {
      throw new Error(`DATABASE_URL 应以 postgres:// 开头（收到“${location.databaseUrl.split(':')[0]}:…”）`);
    }
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  mkdirSync(location.dataDir, { recursive: true });
  const sqlite = new SQLite(join(location.dataDir, SQLITE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // the CLI may write tokens while the server runs: wait for the other writer instead of failing
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
}

/** Prepared statements kept, the most recently used (a 175-row INSERT takes ~0.2 MB of SQLite memory). */
const STATEMENT_CACHE_SIZE = 64;

/**
 * better-sqlite3 with its prepared statements kept: Kysely prepares every query it runs, and preparing the
 * 175-row INSERT of a submission's values (2,275 parameters) takes ~0.8 ms, more than running it. Statements are
 * only ever run with `all`/`run` here (nothing streams), so sharing one statement between queries is safe.
 */
function cachingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (text) => {
      let statement = statements.get(text);
      if (statement) {
        // most recently used last
        statements.delete(text);
        statements.set(text, statement);
        return statement;
      }
      statement = sqlite.prepare(text);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      statements.set(text, statement);
      return statement;
    },
  };
}

/** True when a database error is a unique/primary-key violation (a concurrent writer got there first). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
