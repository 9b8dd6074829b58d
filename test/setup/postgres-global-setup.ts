import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client } from 'pg';

/** Where the server tests find PostgreSQL when TEST_DATABASE_URL is not set: the machine's own cluster. */
const LOCAL_URL = 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Jest global setup: makes `npm test` work on a fresh machine with PostgreSQL 15 installed but not running
 * (the server tests run on SQLite and on PostgreSQL). With TEST_DATABASE_URL set it is used as is; with
 * ALLOW_NO_POSTGRES=1 nothing is started (the PostgreSQL variants are skipped knowingly). Otherwise the
 * local cluster is started (`pg_ctlcluster 15 main start`, as root, as CI runs) and its `postgres` user gets
 * the password the tests use. Workers inherit the environment set here.
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL || process.env.ALLOW_NO_POSTGRES === '1') return;
  if (!(await reachable(LOCAL_URL))) {
    const root = process.getuid?.() === 0;
    if (root && existsSync('/usr/bin/pg_ctlcluster')) {
      run('pg_ctlcluster', ['15', 'main', 'start']);
      for (let i = 0; i < 30 && !run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']); i += 1) await new Promise((resolve) => setTimeout(resolve, 1000));
      run('su', ['postgres', '-c', `psql -q -c "ALTER USER postgres PASSWORD 'postgres'"`]);
    }
  }
  if (await reachable(LOCAL_URL)) {
    process.env.TEST_DATABASE_URL = LOCAL_URL;
    return;
  }
  // leave it unset: the PostgreSQL variants then fail with a message saying what to do
  process.stderr.write(
    '\n[test setup] PostgreSQL is not reachable at 127.0.0.1:5432 and could not be started here.\n' +
      '  Start one and set TEST_DATABASE_URL=postgres://user:password@host:5432/db, or set ALLOW_NO_POSTGRES=1 to skip the PostgreSQL variants.\n\n',
  );
}
