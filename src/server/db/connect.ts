import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database';

/** Where the data lives: PostgreSQL when a URL is given, else an SQLite file in the data folder. */
export interface DatabaseLocation {
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

/** The two databases the endpoint runs on. */
export type Dialect = 'sqlite' | 'postgresql';

/**
 * Which database a location or an open Kysely instance is: the one place the server asks (the migrations,
 * frozen and free of application imports, ask Kysely themselves).
 */
export function dialectOf(source: DatabaseLocation | Kysely<Database>): Dialect {
  if (source instanceof Kysely) return source.getExecutor().adapter instanceof PostgresAdapter ? 'postgresql' : 'sqlite';
  return source.databaseUrl ? 'postgresql' : 'sqlite';
}

/** The SQLite file inside DATA_DIR. */
export const SQLITE_FILE = 'xinping.sqlite';

/** Which database a location points at, for messages (never prints a password). */
export function describeLocation(location: DatabaseLocation): string {
  if (dialectOf(location) === 'postgresql' && location.databaseUrl) {
    const url = new URL(location.databaseUrl);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  }
  return `SQLite ${join(location.dataDir, SQLITE_FILE)}`;
}

/** How long the server lets a database take before it answers 503 (the CLI waits without limit). */
export interface DatabaseTimeouts {
  /** One statement, measured by PostgreSQL (statement_timeout) and, a little later, by the client. */
  readonly statementMs: number;
  /** Getting a connection from the pool, or opening one. */
  readonly connectMs: number;
}

/**
 * Opens the database. SQLite runs in WAL mode with synchronous=FULL, so a transaction that committed is on
 * disk before the client hears about it, and a crash leaves each transaction whole or absent. PostgreSQL
 * gets timeouts when given: without them a stopped or frozen server makes every request wait forever.
 */
export function openDatabase(location: DatabaseLocation, timeouts?: DatabaseTimeouts): Kysely<Database> {
  if (dialectOf(location) === 'postgresql' && location.databaseUrl) {
    checkPostgresUrl(location.databaseUrl);
    const pool = new pg.Pool({
      connectionString: location.databaseUrl,
      max: 10,
      keepAlive: true,
      ...(timeouts
        ? {
            connectionTimeoutMillis: timeouts.connectMs,
            statement_timeout: timeouts.statementMs,
            // the client gives up a little after the server would have: a frozen server never answers at all
            query_timeout: timeouts.statementMs + 1000,
            idle_in_transaction_session_timeout: timeouts.statementMs * 3,
          }
        : {}),
    });
    // an idle connection that breaks (server restart) must not crash the process
    pool.on('error', () => undefined);
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

function checkPostgresUrl(url: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL 应以 postgres:// 开头（收到“${url.split(':')[0]}:…”）`);
}

/** Asks the database whether it answers, within a time limit. */
export interface DatabaseProbe {
  /** Resolves when the database answered `select 1` within `timeoutMs`; rejects otherwise. */
  check(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The health check's own line to the database. PostgreSQL: a connection of its own, outside the pool, so
 * that a pool busy with real work never looks like a dead database, and a frozen server is noticed even
 * while every pooled connection waits on it; a check that times out drops its connection and the next one
 * opens a fresh one. SQLite: the app's own connection (it has no server that could freeze).
 */
export function openDatabaseProbe(location: DatabaseLocation, db: Kysely<Database>): DatabaseProbe {
  if (dialectOf(location) === 'sqlite' || !location.databaseUrl) {
    return { check: async () => void (await sql`select 1`.execute(db)), close: async () => undefined };
  }
  const url = location.databaseUrl;
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  const drop = (broken: pg.Client | undefined) => {
    if (!broken) return;
    if (client === broken) client = undefined;
    broken.end().catch(() => undefined);
  };
  return {
    check: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      let current: pg.Client | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([
          (async () => {
            if (!client) {
              connecting ??= (async () => {
                const fresh = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, keepAlive: true });
                fresh.on('error', () => drop(fresh));
                await fresh.connect();
                return fresh;
              })().finally(() => (connecting = undefined));
              client = await connecting;
            }
            current = client;
            await current.query('select 1');
          })(),
          timeout,
        ]);
      } catch (error) {
        drop(current ?? client);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}

/** True when a database error is a unique/primary-key violation (a concurrent writer got there first). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
