import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseLocation } from '../../../src/server/db/connect';

/** The databases every storage and API test runs on. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

/**
 * Whether the PostgreSQL variants run. They need TEST_DATABASE_URL (the jest global setup test/setup/postgres-global-setup.ts sets it to the local cluster when it runs); without it they
 * fail loudly, unless ALLOW_NO_POSTGRES=1 says to skip them on purpose (a laptop without PostgreSQL).
 */
export function postgresSkipped(): boolean {
  return !process.env.TEST_DATABASE_URL && process.env.ALLOW_NO_POSTGRES === '1';
}

/** `describe` for each dialect: PostgreSQL skipped only when ALLOW_NO_POSTGRES=1 and no TEST_DATABASE_URL. */
export function describeEachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    const describeIt = dialect === 'postgres' && postgresSkipped() ? describe.skip : describe;
    describeIt(`${name} [${dialect}]`, () => body(dialect));
  }
}

/** A fresh, empty database for one test file: a temp folder for SQLite, a new database for PostgreSQL. */
export interface TestDatabase {
  readonly location: DatabaseLocation;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xpm-test-'));
  if (dialect === 'sqlite') {
    return { location: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL variants of the server tests need a PostgreSQL server ' +
        '(e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres; .ci/run starts one). ' +
        'Set ALLOW_NO_POSTGRES=1 to skip them knowingly.',
    );
  }
  const name = `xpm_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  return {
    location: { dataDir, databaseUrl: databaseUrl.toString() },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
