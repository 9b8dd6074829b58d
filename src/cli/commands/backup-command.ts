import { chmodSync, closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { databaseLocation } from '../../server/config';
import { describeLocation, SQLITE_FILE, type DatabaseLocation } from '../../server/db/connect';
import { parseOptions } from '../main';
import { EXIT, UsageError, writeJson, type CliIo } from '../io';

/**
 * Pages copied per backup step: all of them. The SQLite backup API copies in steps and restarts whenever
 * another connection (the running server) writes between two steps; under a steady stream of submissions a
 * step-wise copy could restart for ever. One step reads everything inside one read transaction, i.e. from one
 * WAL snapshot: consistent, and in WAL mode it does not block the server's writers meanwhile.
 */
const ALL_PAGES = 0x7fffffff;

/** How long to wait when the server holds a lock the read needs (e.g. while it recovers its WAL). */
const BUSY_TIMEOUT_MS = 10_000;

/** The tables a backup must contain to be the endpoint's database, and what the summary counts. */
const COUNTED_TABLES = {
  organisations: 'organisations',
  tokens: 'tokens',
  submissions: 'submissions',
  versions: 'submission_versions',
  values: 'submission_values',
} as const;

type Counts = Record<keyof typeof COUNTED_TABLES, number>;

/** What a finished backup reports (also the `--json` output). */
interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  readonly integrity: 'ok';
  readonly source: string;
  readonly completedAt: string;
  readonly counts: Counts;
}

/**
 * `backup --out FILE [--force] [--json]`: an online, consistent copy of the SQLite database that is safe to
 * take while the server runs, checked (integrity_check) before it is kept. On PostgreSQL it explains pg_dump.
 */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args, {
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const location = databaseLocation();
  if (location.databaseUrl) return postgresAdvice(location, options.out, io);
  if (options.out === undefined || options.out.trim() === '') {
    throw new UsageError('缺少 --out <备份文件>，例如 --out /var/backups/xinping/xinping-2025-01-31.sqlite / missing --out FILE');
  }
  const source = join(location.dataDir, SQLITE_FILE);
  const out = resolve(options.out);
  checkTarget(source, out, options.out, options.force);
  checkSource(source, location);
  const summary = await backupTo(source, out, describeLocation(location));
  if (options.json) writeJson(io, summary);
  else writeSummary(io, summary);
  return EXIT.ok;
}

/** Refuses a target that would lose data: an existing file without --force, a directory, the live database itself. */
function checkTarget(source: string, out: string, given: string, force: boolean): void {
  if (!existsSync(dirname(out))) {
    throw new UsageError(`目录“${dirname(out)}”不存在，请先创建（例如 install -d -m 0700 ${dirname(out)}） / the folder of --out does not exist`);
  }
  for (const live of [source, `${source}-wal`, `${source}-shm`, `${source}-journal`]) {
    if (sameFile(out, live)) throw new UsageError(`--out 不能是正在使用的数据库文件本身（${live}） / --out must not be the live database`);
  }
  if (!existsSync(out)) return;
  if (statSync(out).isDirectory()) throw new UsageError(`--out 应为文件名，“${given}”是一个目录 / --out is a folder, give a file name`);
  if (!force) throw new UsageError(`文件“${given}”已存在，未覆盖；换一个文件名，或加 --force 覆盖 / ${given} exists; not overwritten without --force`);
}

/** Same path, or (through a link) the same file on disk. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.dev === y.dev && x.ino === y.ino;
}

/** A missing database is an error, never created: a backup of an empty database would look like a good one. */
function checkSource(source: string, location: DatabaseLocation): void {
  if (existsSync(source)) return;
  throw new UsageError(
    `找不到数据库文件 ${source}：请确认 DATA_DIR（现为 ${location.dataDir}）与服务器所用的相同，且服务器至少启动过一次。未创建任何文件。\n` +
      `No database at ${source}: set DATA_DIR as the server has it. Nothing was created.`,
  );
}

/**
 * Copies, checks, then renames into place: the copy is written beside FILE under a temporary name, so a failed
 * or interrupted backup never leaves a truncated FILE, and an older FILE stays until a checked copy replaces it.
 */
async function backupTo(source: string, out: string, sourceLabel: string): Promise<BackupSummary> {
  const partial = `${out}.${process.pid}.partial`;
  removeDatabaseFiles(partial);
  try {
    await copyDatabase(source, partial);
    const counts = checkCopy(partial);
    persist(partial, out);
    return { file: out, bytes: statSync(out).size, integrity: 'ok', source: sourceLabel, completedAt: new Date().toISOString(), counts };
  } catch (error) {
    removeDatabaseFiles(partial);
    if (error instanceof UsageError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`备份失败，未写入“${out}”：${reason} / backup failed, nothing written`);
  }
}

/** The online copy: the source opened read-only (a backup never writes to the live database), copied in one step. */
async function copyDatabase(source: string, destination: string): Promise<void> {
  const db = new SQLite(source, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    await db.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Opens the copy and proves it usable: integrity_check must say "ok" and the endpoint's tables must be there.
 * The copy is also turned from WAL into a rollback-journal database, so it is one self-contained file to move
 * around (the server switches it back to WAL when it opens it after a restore).
 */
function checkCopy(file: string): Counts {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    if (problems.length > 0) {
      throw new UsageError(`备份副本未通过完整性检查，未保存（数据库文件可能已损坏）：${problems.slice(0, 5).join('; ')} / the copy failed PRAGMA integrity_check`);
    }
    return countRows(db);
  } finally {
    db.close();
  }
}

/** Row counts of the copy, for the summary; a missing table means this is not the endpoint's database. */
function countRows(db: SQLite.Database): Counts {
  const present = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((row) => row.name));
  const missing = Object.values(COUNTED_TABLES).filter((table) => !present.has(table));
  if (missing.length > 0) {
    throw new UsageError(`这不是填报服务的数据库（缺少表 ${missing.join('、')}），未保存 / not the endpoint's database (missing ${missing.join(', ')})`);
  }
  const count = (table: string) => Number((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
  return {
    organisations: count(COUNTED_TABLES.organisations),
    tokens: count(COUNTED_TABLES.tokens),
    submissions: count(COUNTED_TABLES.submissions),
    versions: count(COUNTED_TABLES.versions),
    values: count(COUNTED_TABLES.values),
  };
}

/**
 * Makes the checked copy FILE: readable by its owner only (it holds every report and the token hashes),
 * flushed to disk, renamed over FILE in one step, and the rename itself flushed (the folder's entry).
 */
function persist(partial: string, out: string): void {
  chmodSync(partial, 0o600);
  fsyncPath(partial, 'r+');
  renameSync(partial, out);
  fsyncPath(dirname(out), 'r');
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The temporary copy and whatever SQLite kept beside it. */
function removeDatabaseFiles(file: string): void {
  for (const path of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
}

function writeSummary(io: CliIo, summary: BackupSummary): void {
  const { counts } = summary;
  io.stdout.write(
    [
      `已备份 / Backed up: ${summary.file}`,
      `  大小 Size:           ${formatBytes(summary.bytes)}（${summary.bytes} 字节 bytes）`,
      `  完整性 Integrity:    ok（PRAGMA integrity_check）`,
      `  来源 Source:         ${summary.source}`,
      `  单位 Organisations:  ${counts.organisations}`,
      `  令牌 Tokens:         ${counts.tokens}`,
      `  报表 Submissions:    ${counts.submissions}`,
      `  版本 Versions:       ${counts.versions}`,
      `  填报值 Values:       ${counts.values}`,
      '',
    ].join('\n'),
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * On PostgreSQL the right tool is pg_dump (consistent snapshot, all objects, any size): explains it and exits 2.
 * The commands name "$DATABASE_URL" for the shell to expand, so the password is never printed.
 */
function postgresAdvice(location: DatabaseLocation, out: string | undefined, io: CliIo): number {
  const file = out === undefined ? '/var/backups/xinping/xinping-$(date +%F).dump' : shellQuote(out);
  io.stderr.write(
    [
      `当前使用 ${describeLocation(location)}（DATABASE_URL 已设置）：indicators backup 只备份 SQLite。PostgreSQL 请用它自带的工具（可在服务运行时进行）：`,
      `  备份 Back up:   pg_dump --format=custom --file ${file} "$DATABASE_URL"`,
      `  恢复 Restore:   pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" ${file}`,
      '恢复前先停止服务（systemctl stop xinping-monitor），恢复后再启动；详见 docs/operations.md。',
      'DATABASE_URL is set: `indicators backup` copies SQLite only. Use pg_dump / pg_restore as above (stop the service before restoring).',
      '',
    ].join('\n'),
  );
  return EXIT.usage;
}

/** A path as a shell word: as is when plain, else in single quotes. */
function shellQuote(text: string): string {
  return /^[\w./:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
