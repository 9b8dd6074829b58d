/**
 * The shared endpoint under load (a script, not a test): starts the real server (node + tsx) on loopback,
 * drives POST /api/v1/submissions with autocannon, and prints submissions/s and p50/p99 latency — on SQLite
 * in a temp folder, and on PostgreSQL when DATABASE_URL or TEST_DATABASE_URL is set (in a fresh database).
 * Beside each figure: the raw rate of writing the same rows into the same database through Kysely, in the
 * same transaction shape (thread row, version, values, audit event, idempotency key), without HTTP,
 * validation or the engine.
 *
 *   npm run bench:server                       SQLite only
 *   TEST_DATABASE_URL=postgres://… npm run bench:server
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=16 npm run bench:server
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { checkSubmission } from '../src/core/submission/check-submission';
import type { DatabaseLocation } from '../src/server/db/connect';
import { prepareDatabase } from '../src/server/db/prepare';
import { recordAuditEvent } from '../src/server/repositories/audit';
import { saveIdempotencyKey } from '../src/server/repositories/idempotency';
import { insertSubmission, insertVersion, nextVersion } from '../src/server/repositories/submissions';
import { addReportingGrant } from '../src/server/repositories/reporting-grants';
import { createToken } from '../src/server/repositories/tokens';
import { canonicalJson, sha256 } from '../src/server/tokens';
import { seedCatalog } from '../src/seed-catalog';
import { acceptableDocument } from '../test/server/helpers/submission-fixtures';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; loaded through Node's require
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const ROOT = join(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ORGANISATIONS = ['wjj', 'mzj', 'jtj', 'rsj', 'ybj', 'gaj', 'sfj', 'scj'];

async function main(): Promise<void> {
  // the whole plan per submission (175 entries), as the figures in README were measured: each organisation is
  // granted every indicator by the bureau (an organisation alone reports only its own lines, 20–60)
  const documents = ORGANISATIONS.map((organisationId) => acceptableDocument({ organisationId, plan: 'children', year: 2025, lines: 'all' }));
  const entries = documents[0]!.values.length;
  process.stdout.write(
    `共享端点基准 / shared endpoint benchmark · ${cpus().length} CPU · ${SECONDS} s × ${CONNECTIONS} connections\n` +
      `each submission: the whole children's plan, ${entries} entries (every county-wide indicator and every township row;\n` +
      `the largest submission one plan allows), each with value, previous, base-year and comparison value, ${Buffer.byteLength(JSON.stringify(documents[0]))} bytes of JSON\n\n`,
  );
  const postgresUrl = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const rows: string[][] = [];
  rows.push(await benchmark('SQLite', (dataDir) => ({ dataDir }), documents));
  if (postgresUrl) rows.push(await benchmark('PostgreSQL', (dataDir, database) => ({ dataDir, databaseUrl: database }), documents, postgresUrl));
  else process.stdout.write('(PostgreSQL skipped: set DATABASE_URL or TEST_DATABASE_URL)\n\n');
  const header = ['database', 'API submissions/s', 'p50 ms', 'p99 ms', 'non-2xx', 'raw inserts/s', 'API vs raw'];
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ')}\n`);
}

async function benchmark(name: string, locate: (dataDir: string, database?: string) => DatabaseLocation, documents: ReturnType<typeof acceptableDocument>[], postgresUrl?: string): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xpm-bench-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (postgresUrl) {
    const database = `xpm_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${database} with (force)`);
      await client.end();
    };
  }
  const location = locate(dataDir, databaseUrl);
  try {
    const db = await prepareDatabase(location);
    const tokens: string[] = [];
    for (const organisationId of ORGANISATIONS) tokens.push((await createToken(db, { organisationId, role: 'reporter' })).token);
    const bureau = await createToken(db, { organisationId: 'tjj', role: 'bureau' });
    for (const organisationId of ORGANISATIONS) {
      for (const indicator of seedCatalog().plans.children.indicators) await addReportingGrant(db, { organisationId, indicatorId: indicator.id, unitId: null, createdBy: bureau.id });
    }
    await db.destroy();

    const server = await startServer(location);
    let api: AutocannonResult;
    try {
      const bodies = documents.map((document) => JSON.stringify(document));
      let sent = 0;
      api = await autocannon({
        url: server.origin,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/submissions',
            setupRequest: (request: Record<string, unknown>) => {
              const index = sent++ % bodies.length;
              return { ...request, body: bodies[index], headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[index]}`, 'idempotency-key': `bench-${sent}-${randomBytes(4).toString('hex')}` } };
            },
          },
        ],
      });
    } finally {
      server.stop();
      await server.exited;
    }
    const raw = await rawInserts(location, documents);
    const apiRate = api['2xx'] / api.duration;
    process.stdout.write(`${name}: ${api['2xx']} submissions stored in ${api.duration.toFixed(1)} s (${api.non2xx} non-2xx, ${api.errors} errors); raw: ${raw.count} in ${raw.seconds.toFixed(1)} s\n\n`);
    return [name, apiRate.toFixed(0), String(api.latency.p50), String(api.latency.p99), String(api.non2xx + api.errors), raw.rate.toFixed(0), `${((apiRate / raw.rate) * 100).toFixed(0)}% (overhead ${(100 - (apiRate / raw.rate) * 100).toFixed(0)}%)`];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  }
}

/** The same rows written straight through Kysely, in the same transaction shape, CONNECTIONS at a time. */
async function rawInserts(location: DatabaseLocation, documents: ReturnType<typeof acceptableDocument>[]): Promise<{ count: number; seconds: number; rate: number }> {
  const db = await prepareDatabase(location);
  const tokenId = (await db.selectFrom('tokens').select('id').executeTakeFirstOrThrow()).id;
  const prepared = documents.map((document) => {
    const check = checkSubmission(seedCatalog(), document);
    const body = canonicalJson(document);
    return {
      document,
      body,
      values: check.report.results.map((result, position) => ({
        position,
        indicator_id: result.indicatorId,
        unit_id: result.unitId ?? null,
        raw_value: JSON.stringify(document.values[position]?.value ?? null),
        parsed: JSON.stringify(result.value),
        status: result.status,
        severity: result.severity,
        note: result.note ?? null,
        previous: JSON.stringify(document.values[position]?.previous ?? null),
        baseline: JSON.stringify(document.values[position]?.baseline ?? null),
        other: JSON.stringify(document.values[position]?.other ?? null),
      })),
    };
  });
  let count = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const worker = async (offset: number) => {
    for (let i = offset; Date.now() < deadline; i += CONNECTIONS) {
      const item = prepared[i % prepared.length]!;
      const { document } = item;
      await db.transaction().execute(async (trx) => {
        const at = new Date().toISOString();
        // the API run left one thread per organisation in this database: each write is its next version
        let thread = await nextVersion(trx, document, at);
        if (!thread) {
          thread = { id: `raw_${randomBytes(8).toString('hex')}`, plan: document.plan, year: document.year, organisation_id: document.organisationId, status: 'submitted', current_version: 1, created_at: at, updated_at: at };
          await insertSubmission(trx, thread);
        }
        const version = Number(thread.current_version);
        await insertVersion(
          trx,
          { submission_id: thread.id, version, received_at: at, token_id: tokenId, source: 'json', catalog_version: document.catalogVersion, template_version: 1, value_count: item.values.length, counts: '{}', body: item.body, body_sha256: sha256(item.body), stored_bytes: Buffer.byteLength(item.body) },
          item.values,
        );
        await recordAuditEvent(trx, { submission_id: thread.id, version, action: 'submitted', at, token_id: tokenId, organisation_id: document.organisationId, role: 'reporter', comment: null });
        await saveIdempotencyKey(trx, { scope: `org:${document.organisationId}`, idempotency_key: `raw-${i}-${randomBytes(4).toString('hex')}`, request_sha256: sha256(item.body), status_code: 201, response: '{}', created_at: at });
      });
      count += 1;
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, offset) => worker(offset)));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await db.destroy();
  return { count, seconds, rate: count / seconds };
}

function startServer(location: DatabaseLocation): Promise<{ origin: string; stop: () => void; exited: Promise<void> }> {
  // BENCH_PROFILE=<dir>: the server writes a CPU profile there (open it in Chrome DevTools)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(ROOT, 'src', 'server', 'server.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: location.dataDir, DATABASE_URL: location.databaseUrl ?? '', HTTPS: '0', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000', STORAGE_QUOTA_MB: '100000', MAX_PENDING_WRITES: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let output = '';
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /接口 API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output);
      if (match?.[1]) resolve({ origin: match[1], stop: () => child.kill('SIGTERM'), exited });
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', () => reject(new Error(`the server exited:\n${output}`)));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
