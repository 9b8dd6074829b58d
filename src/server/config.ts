import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DatabaseLocation } from './db/connect';

/** Body limits: a JSON submission of a whole plan is far below 2 MiB; a filled template below 10 MiB. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
export const XLSX_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * The bounds that keep one client, one file or one stuck database from taking the server down. Every
 * number is in the README's "Limits" table; each has an environment variable.
 */
export interface ServerLimits {
  /** Whole request (headers and body) must arrive within this (REQUEST_TIMEOUT_SECONDS, 60). */
  readonly requestTimeoutMs: number;
  /** Headers must arrive within this (HEADERS_TIMEOUT_SECONDS, 10): a slowloris connection is cut off. */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (KEEP_ALIVE_TIMEOUT_SECONDS, 5). */
  readonly keepAliveTimeoutMs: number;
  /** A route that has not answered after this answers 503 (HANDLER_TIMEOUT_SECONDS, 30). */
  readonly handlerTimeoutMs: number;
  /** Open connections from one address (MAX_CONNECTIONS_PER_ADDRESS; 128, 0 = no limit; off behind a proxy). */
  readonly connectionsPerAddress: number;
  /** Open connections in all (MAX_CONNECTIONS; default: the open-file limit minus a reserve). */
  readonly maxConnections: number;
  /** Failed authentications per address and minute before 429 (AUTH_FAILURES_PER_MINUTE, 30). */
  readonly authFailuresPerMinute: number;
  /** Bytes an organisation may store per reporting year: documents and files (STORAGE_QUOTA_MB, 50). */
  readonly storageQuotaBytes: number;
  /** Below this much free space in DATA_DIR, /healthz answers 503 (MIN_FREE_DISK_MB, 200). */
  readonly minFreeDiskBytes: number;
  /** Threads that read uploaded workbooks (UPLOAD_WORKERS, 2), uploads waiting for one (UPLOAD_QUEUE, 4). */
  readonly uploadWorkers: number;
  readonly uploadQueue: number;
  /** Reading one workbook may take this long (UPLOAD_TIMEOUT_SECONDS, 10) … */
  readonly uploadTimeoutMs: number;
  /** … and this much heap in its thread (UPLOAD_WORKER_HEAP_MB, 96). */
  readonly uploadWorkerHeapMb: number;
  /** Submissions waiting to be written (MAX_PENDING_WRITES, 256); beyond it 503. */
  readonly maxPendingWrites: number;
  /** A database statement or connection attempt may take this long (DATABASE_TIMEOUT_SECONDS, 5). */
  readonly databaseTimeoutMs: number;
  /** Event-loop delay beyond which requests are refused with 503 until it recovers (MAX_EVENT_LOOP_DELAY_MS, 1000). */
  readonly maxEventLoopDelayMs: number;
}

/** Everything the server reads from its environment. */
export interface ServerConfig extends DatabaseLocation {
  readonly port: number;
  readonly host: string;
  /** Origins allowed by CORS (the add-in's); the server's own origin by default. */
  readonly allowedOrigins: readonly string[];
  /** Requests per minute per token (per address for requests without a valid token). */
  readonly rateLimitPerMinute: number;
  readonly tls: TlsChoice;
  /** The built task pane (dist/taskpane/) and the add-in manifest. */
  readonly taskpaneDir: string;
  readonly manifestFile: string;
  readonly logLevel: string;
  readonly limits: ServerLimits;
  /**
   * Which proxies' X-Forwarded-For is believed (Fastify `trustProxy`): behind a reverse proxy (HTTPS=0) the
   * loopback one by default (nginx on the same machine), so a client cannot pick its own address by sending
   * the header itself; TRUST_PROXY names others (addresses or CIDR ranges, comma-separated). None otherwise.
   */
  readonly trustProxy: false | string;
  /** Who may frame the task pane (CSP frame-ancestors): Excel on the web, global and 21Vianet, plus FRAME_ANCESTORS. */
  readonly frameAncestors: readonly string[];
}

/** How the server speaks: HTTPS with a certificate, or plain HTTP and why. */
export type TlsChoice =
  | { readonly kind: 'https'; readonly cert: Buffer; readonly key: Buffer; readonly source: string }
  | { readonly kind: 'http'; readonly reason: 'disabled' | 'noCertificate' };

/** A configuration problem, reported in Chinese and English before the server starts. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The project root (where package.json, manifest.xml and dist/ are). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** The office-addin-dev-certs default files (`npx office-addin-dev-certs install` writes them). */
export function devCertificatePaths(home: string = homedir()): { cert: string; key: string } {
  const dir = join(home, '.office-addin-dev-certs');
  return { cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where Excel on the web frames add-ins. Microsoft publishes no canonical list (office-js#1005,
 * office-js-docs-pr#4911); these are the hosts Office for the web, OneDrive and SharePoint serve it from,
 * globally and in the 21Vianet cloud. Desktop Excel shows the pane in a webview, not a frame.
 */
export const OFFICE_FRAME_ANCESTORS: readonly string[] = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.officewebapps.cn',
  'https://*.partner.officewebapps.cn',
  'https://*.office365.cn',
  'https://*.sharepoint.cn',
];

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, TLS_CERT/TLS_KEY, HTTPS, ALLOWED_ORIGINS, RATE_LIMIT_PER_MINUTE, LOG_LEVEL and the limits. */
export function loadConfig(env: Env = process.env, options: { home?: string; cwd?: string } = {}): ServerConfig {
  const cwd = options.cwd ?? process.cwd();
  const port = integer(env.PORT, 3000, 'PORT', 0, 65535);
  const host = env.HOST?.trim() || 'localhost';
  const tls = chooseTls(env, options.home);
  const scheme = tls.kind === 'https' ? 'https' : 'http';
  const ownOrigin = `${scheme}://localhost:${port}`;
  const allowedOrigins = env.ALLOWED_ORIGINS?.trim()
    ? env.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean)
    : [ownOrigin, `https://localhost:${port}`].filter((origin, index, all) => all.indexOf(origin) === index);
  return {
    port,
    host,
    ...databaseLocation(env, cwd),
    allowedOrigins,
    rateLimitPerMinute: integer(env.RATE_LIMIT_PER_MINUTE, 600, 'RATE_LIMIT_PER_MINUTE', 1, 10_000_000),
    tls,
    taskpaneDir: env.TASKPANE_DIR?.trim() ? resolve(cwd, env.TASKPANE_DIR.trim()) : join(PROJECT_ROOT, 'dist', 'taskpane'),
    manifestFile: join(PROJECT_ROOT, 'manifest.xml'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    limits: loadLimits(env, { behindProxy: tls.kind === 'http' && tls.reason === 'disabled' }),
    trustProxy: tls.kind === 'http' && tls.reason === 'disabled' ? env.TRUST_PROXY?.trim() || 'loopback' : false,
    frameAncestors: [...OFFICE_FRAME_ANCESTORS, ...(env.FRAME_ANCESTORS?.split(/[\s,]+/).map((origin) => origin.trim()).filter(Boolean) ?? [])],
  };
}

const MIB = 1024 * 1024;

function loadLimits(env: Env, { behindProxy }: { behindProxy: boolean }): ServerLimits {
  const seconds = (name: string, fallback: number, max: number) => integer(env[name], fallback, name, 1, max) * 1000;
  const limits: ServerLimits = {
    requestTimeoutMs: seconds('REQUEST_TIMEOUT_SECONDS', 60, 3600),
    headersTimeoutMs: seconds('HEADERS_TIMEOUT_SECONDS', 10, 600),
    keepAliveTimeoutMs: seconds('KEEP_ALIVE_TIMEOUT_SECONDS', 5, 600),
    handlerTimeoutMs: seconds('HANDLER_TIMEOUT_SECONDS', 30, 3600),
    // behind a reverse proxy every connection comes from the proxy's address: the proxy limits per client
    connectionsPerAddress: integer(env.MAX_CONNECTIONS_PER_ADDRESS, behindProxy ? 0 : 128, 'MAX_CONNECTIONS_PER_ADDRESS', 0, 1_000_000),
    maxConnections: integer(env.MAX_CONNECTIONS, defaultMaxConnections(), 'MAX_CONNECTIONS', 16, 10_000_000),
    authFailuresPerMinute: integer(env.AUTH_FAILURES_PER_MINUTE, 30, 'AUTH_FAILURES_PER_MINUTE', 1, 1_000_000),
    storageQuotaBytes: Math.round(decimal(env.STORAGE_QUOTA_MB, 50, 'STORAGE_QUOTA_MB', 0.001, 1_000_000) * MIB),
    minFreeDiskBytes: Math.round(decimal(env.MIN_FREE_DISK_MB, 200, 'MIN_FREE_DISK_MB', 0, 1e12) * MIB),
    uploadWorkers: integer(env.UPLOAD_WORKERS, 2, 'UPLOAD_WORKERS', 1, 64),
    uploadQueue: integer(env.UPLOAD_QUEUE, 4, 'UPLOAD_QUEUE', 0, 1000),
    uploadTimeoutMs: seconds('UPLOAD_TIMEOUT_SECONDS', 10, 600),
    uploadWorkerHeapMb: integer(env.UPLOAD_WORKER_HEAP_MB, 96, 'UPLOAD_WORKER_HEAP_MB', 32, 4096),
    maxPendingWrites: integer(env.MAX_PENDING_WRITES, 256, 'MAX_PENDING_WRITES', 1, 1_000_000),
    // the server's queries take milliseconds; one that takes seconds is a database in trouble
    databaseTimeoutMs: seconds('DATABASE_TIMEOUT_SECONDS', 5, 600),
    maxEventLoopDelayMs: integer(env.MAX_EVENT_LOOP_DELAY_MS, 1000, 'MAX_EVENT_LOOP_DELAY_MS', 10, 600_000),
  };
  // Node refuses a headers timeout longer than the request timeout
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(`HEADERS_TIMEOUT_SECONDS 不能大于 REQUEST_TIMEOUT_SECONDS / the headers timeout cannot exceed the request timeout`);
  }
  return limits;
}

/**
 * Connections the server accepts in all: the process's open-file limit (Linux: /proc/self/limits) minus a
 * reserve for the database, the uploads' threads and the log, so that a flood is refused connection by
 * connection instead of running the process out of file descriptors (EMFILE), when nothing is accepted.
 */
function defaultMaxConnections(): number {
  try {
    const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    if (line?.[1] && line[1] !== 'unlimited') return Math.max(16, Number(line[1]) - 128);
  } catch {
    // not Linux: no limit known
  }
  return 10_000;
}

/** DATABASE_URL (PostgreSQL) or DATA_DIR (SQLite, default ./data): what the server and the CLI both read. */
export function databaseLocation(env: Env = process.env, cwd: string = process.cwd()): DatabaseLocation {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  return { dataDir: resolve(cwd, env.DATA_DIR?.trim() || 'data'), ...(databaseUrl ? { databaseUrl } : {}) };
}

/** TLS_CERT/TLS_KEY if set; HTTPS=0 forces HTTP; else the office-addin-dev-certs files if present; else HTTP. */
function chooseTls(env: Env, home?: string): TlsChoice {
  const https = env.HTTPS?.trim().toLowerCase();
  if (https === '0' || https === 'false' || https === 'no') return { kind: 'http', reason: 'disabled' };
  if (env.TLS_CERT || env.TLS_KEY) {
    if (!env.TLS_CERT || !env.TLS_KEY) throw new ConfigError('TLS_CERT 与 TLS_KEY 须同时设置 / set both TLS_CERT and TLS_KEY');
    return { kind: 'https', cert: readPem(env.TLS_CERT, 'TLS_CERT'), key: readPem(env.TLS_KEY, 'TLS_KEY'), source: env.TLS_CERT };
  }
  const dev = devCertificatePaths(home);
  if (existsSync(dev.cert) && existsSync(dev.key)) {
    return { kind: 'https', cert: readFileSync(dev.cert), key: readFileSync(dev.key), source: dev.cert };
  }
  if (https === '1' || https === 'true' || https === 'yes') {
    throw new ConfigError(`HTTPS=1 但没有证书：请设置 TLS_CERT/TLS_KEY，或运行 npx office-addin-dev-certs install 生成 ${dev.cert} / HTTPS=1 but no certificate was found`);
  }
  return { kind: 'http', reason: 'noCertificate' };
}

function readPem(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`无法读取 ${name}=${path}：${(error as Error).message} / cannot read ${name}`);
  }
}

function decimal(text: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} 应为 ${min}—${max} 之间的数，收到“${text}” / ${name} must be a number from ${min} to ${max}`);
  }
  return value;
}

function integer(text: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} 应为 ${min}—${max} 之间的整数，收到“${text}” / ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
