import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { SubmissionDocument } from '../../src/contract/submission-document';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { SQLITE_FILE, type DatabaseLocation } from '../../src/server/db/connect';
import { createToken, revokeToken } from '../../src/server/repositories/tokens';
import { acceptableDocument } from '../server/helpers/submission-fixtures';
import { send, startTestApp } from '../server/helpers/test-app';
import { createTestDatabase, postgresSkipped, type TestDatabase } from '../server/helpers/test-database';
import { run } from './cli-harness';

const ROOT = join(__dirname, '..', '..');
const REPORTERS = ['wjj', 'mzj', 'jtj', 'rsj'] as const;

/** A receipt the server answered 2xx with: this version must be in any backup taken after it. */
interface Ack {
  readonly submissionId: string;
  readonly version: number;
  readonly values: number;
}

/** The app as server.ts builds it, on an existing DATA_DIR or DATABASE_URL (a restored database). */
async function startAppOn(location: DatabaseLocation): Promise<{ app: FastifyInstance; origin: string }> {
  const config = loadConfig(
    { HTTPS: '0', DATA_DIR: location.dataDir, ...(location.databaseUrl ? { DATABASE_URL: location.databaseUrl } : {}), RATE_LIMIT_PER_MINUTE: '100000' },
    { home: location.dataDir },
  );
  const app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, origin: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Posts one document; the receipt when it was accepted. */
async function submit(origin: string, token: string, document: SubmissionDocument): Promise<Ack> {
  const response = await send(origin, { method: 'POST', url: '/api/v1/submissions', payload: document, headers: bearer(token) });
  if (response.statusCode !== 201) throw new Error(`submission refused: ${response.statusCode} ${response.body}`);
  const receipt = response.json();
  return { submissionId: receipt.submissionId, version: receipt.version, values: receipt.counts.values };
}

/** Several threads (organisation × year), several versions each: submission `index` of a steady stream. */
function documentNumber(index: number): { org: (typeof REPORTERS)[number]; document: SubmissionDocument } {
  const org = REPORTERS[index % REPORTERS.length]!;
  return { org, document: acceptableDocument({ organisationId: org, year: 2021 + (Math.floor(index / REPORTERS.length) % 3) }) };
}

/** Submits without pause, `parallel` at a time, until stopped; every acknowledgement is recorded as it comes. */
function writeContinuously(origin: string, tokens: Record<string, string>, start: number, parallel = 4): { acks: Ack[]; stop(): Promise<void> } {
  const acks: Ack[] = [];
  let next = start;
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const { org, document } = documentNumber(next++);
      acks.push(await submit(origin, tokens[org]!, document));
    }
  };
  const workers = Promise.all(Array.from({ length: parallel }, worker));
  // a refused submission fails the test when stop() is awaited, not as an unhandled rejection before
  workers.catch(() => undefined);
  return {
    acks,
    stop: async () => {
      stopped = true;
      await workers;
    },
  };
}

/** `indicators backup …` as its own process (bin/indicators.js), as cron or systemd runs it. */
function runBackupProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'indicators.js'), 'backup', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Reads a backup file directly and checks what the crash-recovery test checks on a live database: every version
 * has all its value rows and its audit event, every thread all its versions. Returns what is in it.
 */
function inspectBackup(file: string): { versions: Map<string, number>; counts: Record<'organisations' | 'tokens' | 'submissions' | 'versions' | 'values', number> } {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `select v.submission_id as id, v.version, v.value_count,
           (select count(*) from submission_values x where x.submission_id = v.submission_id and x.version = v.version) as stored,
           (select count(*) from audit_events a where a.submission_id = v.submission_id and a.version = v.version and a.action = 'submitted') as audits
         from submission_versions v`,
      )
      .all() as { id: string; version: number; value_count: number; stored: number; audits: number }[];
    for (const row of rows) {
      expect([row.id, row.version, row.stored]).toEqual([row.id, row.version, row.value_count]);
      expect(row.audits).toBe(1);
    }
    const threads = db.prepare('select s.current_version as current, (select count(*) from submission_versions v where v.submission_id = s.id) as versions from submissions s').all() as { current: number; versions: number }[];
    for (const thread of threads) expect(thread.versions).toBe(thread.current);
    const count = (table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return {
      versions: new Map(rows.map((row) => [`${row.id}#${row.version}`, row.value_count])),
      counts: { organisations: count('organisations'), tokens: count('tokens'), submissions: count('submissions'), versions: rows.length, values: count('submission_values') },
    };
  } finally {
    db.close();
  }
}

/** Everything the restored server must still serve: each version with all its values, read through the API. */
async function expectServed(origin: string, bureau: string, versions: ReadonlyMap<string, number>): Promise<void> {
  const listed = await send(origin, { method: 'GET', url: '/api/v1/submissions', headers: bearer(bureau) });
  expect(listed.statusCode).toBe(200);
  const ids = new Set(listed.json().submissions.map((summary: { id: string }) => summary.id));
  for (const [key, valueCount] of versions) {
    const [id, version] = key.split('#') as [string, string];
    expect(ids).toContain(id);
    const response = await send(origin, { method: 'GET', url: `/api/v1/submissions/${id}/versions/${version}`, headers: bearer(bureau) });
    expect(response.statusCode).toBe(200);
    expect(response.json().values).toHaveLength(valueCount);
  }
}

/** DATA_DIR and DATABASE_URL as the in-process CLI reads them; restored after each test. */
function useEnvironment(): (values: { DATA_DIR: string; DATABASE_URL?: string }) => void {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return (values) => {
    process.env.DATA_DIR = values.DATA_DIR;
    process.env.DATABASE_URL = values.DATABASE_URL ?? '';
  };
}

describe('indicators backup on SQLite: taken while the server writes, restored, served again', () => {
  const folders: string[] = [];
  const folder = (prefix: string) => {
    const path = mkdtempSync(join(tmpdir(), prefix));
    folders.push(path);
    return path;
  };
  afterAll(() => {
    for (const path of folders) rmSync(path, { recursive: true, force: true });
  });

  it('the copy is consistent and complete; restored into a fresh DATA_DIR the server serves every version, and the tokens work', async () => {
    const dataDir = folder('xpm-backup-live-');
    const backups = folder('xpm-backup-files-');
    const live = await startAppOn({ dataDir });
    let writer: ReturnType<typeof writeContinuously> | undefined;
    try {
      // keep every commit in the WAL (no automatic checkpoint into the main file): a backup that copied the
      // file without reading through the WAL would then miss acknowledged submissions, and this test fail
      await sql`pragma wal_autocheckpoint = 0`.execute(live.app.db);
      const tokens: Record<string, string> = {};
      for (const org of REPORTERS) tokens[org] = (await createToken(live.app.db, { organisationId: org, role: 'reporter' })).token;
      const bureau = (await createToken(live.app.db, { organisationId: 'tjj', role: 'bureau' })).token;
      const revoked = await createToken(live.app.db, { organisationId: 'wjj', role: 'reporter' });
      expect(await revokeToken(live.app.db, revoked.id)).toBe('revoked');
      const before: Ack[] = [];
      for (let index = 0; index < 12; index += 1) before.push(await submit(live.origin, tokens[documentNumber(index).org]!, documentNumber(index).document));

      writer = writeContinuously(live.origin, tokens, 12);
      while (writer.acks.length < 8) await new Promise((resolve) => setTimeout(resolve, 20));
      const acknowledgedBefore = [...before, ...writer.acks];
      const file = join(backups, 'xinping-drill.sqlite');
      const backup = await runBackupProcess(['--out', file, '--json'], { DATA_DIR: dataDir, DATABASE_URL: '' });
      const writtenDuring = writer.acks.length - (acknowledgedBefore.length - before.length);
      await writer.stop();
      writer = undefined;

      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      // the server kept accepting submissions while the backup ran
      expect(writtenDuring).toBeGreaterThan(0);
      const summary = JSON.parse(backup.stdout);
      expect(summary).toMatchObject({ file, integrity: 'ok', bytes: statSync(file).size });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readdirSync(backups)).toEqual(['xinping-drill.sqlite']);

      const inside = inspectBackup(file);
      expect(summary.counts).toEqual(inside.counts);
      expect(inside.counts.organisations).toBeGreaterThanOrEqual(40);
      expect(inside.counts.tokens).toBe(6);
      for (const ack of acknowledgedBefore) expect(inside.versions.get(`${ack.submissionId}#${ack.version}`)).toBe(ack.values);
      // several submissions (threads), several versions each
      expect(inside.counts.submissions).toBeGreaterThanOrEqual(REPORTERS.length * 3);
      expect(inside.counts.versions).toBeGreaterThan(inside.counts.submissions);

      // the restore drill: the backup copied in as DATA_DIR/xinping.sqlite of a fresh folder, the server started on it
      const restoredDir = folder('xpm-backup-restored-');
      copyFileSync(file, join(restoredDir, SQLITE_FILE));
      const restored = await startAppOn({ dataDir: restoredDir });
      try {
        const health = await send(restored.origin, { method: 'GET', url: '/healthz' });
        expect(health.statusCode).toBe(200);
        expect(health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
        await expectServed(restored.origin, bureau, inside.versions);
        const me = await send(restored.origin, { method: 'GET', url: '/api/v1/me', headers: bearer(tokens.wjj!) });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ organisationId: 'wjj', role: 'reporter' });
        expect((await send(restored.origin, { method: 'GET', url: '/api/v1/me', headers: bearer(revoked.token) })).statusCode).toBe(401);
        // and it takes new submissions, continuing the restored thread
        const again = await submit(restored.origin, tokens.wjj!, documentNumber(0).document);
        const thread = [...inside.versions.keys()].filter((key) => key.startsWith(`${before[0]!.submissionId}#`));
        expect(again).toMatchObject({ submissionId: before[0]!.submissionId, version: thread.length + 1 });
      } finally {
        await restored.app.close();
      }
    } finally {
      await writer?.stop().catch(() => undefined);
      await live.app.close();
    }
  }, 180_000);
});

describe('indicators backup refuses what would lose or leak data', () => {
  const setEnvironment = useEnvironment();
  let dataDir: string;
  let work: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'xpm-backup-cli-'));
    work = mkdtempSync(join(tmpdir(), 'xpm-backup-out-'));
    const { app } = await startAppOn({ dataDir });
    await app.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('writes a checked copy and prints what was saved, in Chinese with English beside', async () => {
    setEnvironment({ DATA_DIR: dataDir });
    const out = join(work, 'first.sqlite');
    const result = await run('backup', '--out', out);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`已备份 / Backed up: ${out}`);
    expect(result.stdout).toMatch(/完整性 Integrity:\s+ok/);
    expect(result.stdout).toMatch(/单位 Organisations:\s+40\n/);
    expect(result.stdout).toMatch(/令牌 Tokens:\s+0\n/);
    expect(result.stdout).toMatch(/报表 Submissions:\s+0\n/);
    expect(result.stdout).toMatch(/版本 Versions:\s+0\n/);
    expect(readFileSync(out).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });

  it('an existing FILE without --force: exit 2, the file untouched; with --force it is replaced', async () => {
    setEnvironment({ DATA_DIR: dataDir });
    const out = join(work, 'existing.sqlite');
    writeFileSync(out, 'yesterday’s backup');
    const refused = await run('backup', '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('已存在，未覆盖');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('yesterday’s backup');
    const forced = await run('backup', '--out', out, '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ file: out, integrity: 'ok', counts: { organisations: 40 } });
    expect(readFileSync(out).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  it('no database: exit 2 with a Chinese message, and no database (nor DATA_DIR) is created', async () => {
    const empty = join(work, 'no-such-data-dir');
    setEnvironment({ DATA_DIR: empty });
    const out = join(work, 'never.sqlite');
    const result = await run('backup', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('找不到数据库文件');
    expect(result.stderr).toContain(join(empty, SQLITE_FILE));
    expect(existsSync(empty)).toBe(false);
    expect(existsSync(out)).toBe(false);
    mkdirSync(empty);
    expect((await run('backup', '--out', out)).code).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('DATABASE_URL set: exit 2 with the pg_dump / pg_restore advice, and never the password', async () => {
    setEnvironment({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://xinping:S3cret-Pw%21@db.internal:5432/xinping' });
    const out = join(work, 'pg.dump');
    const result = await run('backup', '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`pg_dump --format=custom --file ${out} "$DATABASE_URL"`);
    expect(result.stderr).toContain(`pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" ${out}`);
    expect(result.stderr).toContain('PostgreSQL db.internal:5432/xinping');
    expect(result.stderr).toMatch(/只备份 SQLite/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/S3cret|Pw%21|Pw!/);
    expect(existsSync(out)).toBe(false);
  });

  it('a backup that fails leaves FILE as it was and no temporary file behind', async () => {
    const broken = join(work, 'broken-data');
    mkdirSync(broken);
    writeFileSync(join(broken, SQLITE_FILE), 'this is not an SQLite database, whatever its name says '.repeat(100));
    setEnvironment({ DATA_DIR: broken });
    const out = join(work, 'kept.sqlite');
    writeFileSync(out, 'the last good backup');
    const result = await run('backup', '--out', out, '--force');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('备份失败，未写入');
    expect(readFileSync(out, 'utf8')).toBe('the last good backup');
    expect(readdirSync(work).filter((name) => name.includes('.partial'))).toEqual([]);
  });

  it.each([
    [['--out'], /参数错误/],
    [[], /缺少 --out/],
    [['--out', 'x.sqlite', '--verbose'], /参数错误/],
  ])('exits 2 on unusable arguments %j', async (args, message) => {
    setEnvironment({ DATA_DIR: dataDir });
    const result = await run('backup', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses to write over the live database or into a missing folder', async () => {
    setEnvironment({ DATA_DIR: dataDir });
    const live = join(dataDir, SQLITE_FILE);
    const before = readFileSync(live);
    const over = await run('backup', '--out', live, '--force');
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('不能是正在使用的数据库文件');
    expect(readFileSync(live).equals(before)).toBe(true);
    const nowhere = await run('backup', '--out', join(work, 'missing', 'x.sqlite'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('不存在');
  });
});

const execFileAsync = promisify(execFile);

/** The PostgreSQL client tools the drill needs; a clear failure (not a skip) when they are missing. */
async function requirePostgresTools(): Promise<void> {
  for (const tool of ['pg_dump', 'pg_restore']) {
    try {
      await execFileAsync(tool, ['--version']);
    } catch {
      throw new Error(`${tool} 不可用：PostgreSQL 的备份演练需要 PostgreSQL 客户端工具（apt-get install postgresql-client-15）/ ${tool} not found: install the PostgreSQL client tools, or set ALLOW_NO_POSTGRES=1 without TEST_DATABASE_URL to skip the PostgreSQL tests`);
    }
  }
}

(postgresSkipped() ? describe.skip : describe)('restore drill on PostgreSQL: pg_dump --format=custom, pg_restore into a fresh database', () => {
  it('the restored database serves every version through the API, and the tokens work', async () => {
    await requirePostgresTools();
    const source = await startTestApp('postgres');
    let target: TestDatabase | undefined;
    const work = mkdtempSync(join(tmpdir(), 'xpm-pgdump-'));
    try {
      const wjj = await source.token('wjj');
      const mzj = await source.token('mzj');
      const bureau = await source.token('tjj', 'bureau');
      const acks: Ack[] = [];
      for (const [token, org, year] of [[wjj, 'wjj', 2024], [wjj, 'wjj', 2024], [mzj, 'mzj', 2024], [mzj, 'mzj', 2025]] as const) {
        acks.push(await submit(source.origin, token, acceptableDocument({ organisationId: org, year })));
      }
      const dump = join(work, 'xinping.dump');
      await execFileAsync('pg_dump', ['--format=custom', '--file', dump, source.database.location.databaseUrl!]);
      expect(statSync(dump).size).toBeGreaterThan(0);

      target = await createTestDatabase('postgres');
      await execFileAsync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', '--dbname', target.location.databaseUrl!, dump]);
      const restored = await startAppOn(target.location);
      try {
        expect((await send(restored.origin, { method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', database: 'postgresql' });
        await expectServed(restored.origin, bureau, new Map(acks.map((ack) => [`${ack.submissionId}#${ack.version}`, ack.values])));
        expect(acks.map((ack) => ack.version)).toEqual([1, 2, 1, 1]);
        // the sequences came along: a new submission (and its audit event) is stored as the next version
        expect(await submit(restored.origin, wjj, acceptableDocument({ organisationId: 'wjj', year: 2024 }))).toMatchObject({ submissionId: acks[0]!.submissionId, version: 3 });
        expect((await send(restored.origin, { method: 'GET', url: '/api/v1/me', headers: bearer(mzj) })).statusCode).toBe(200);
      } finally {
        await restored.app.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
      await source.close();
      await target?.drop();
    }
  }, 120_000);
});
