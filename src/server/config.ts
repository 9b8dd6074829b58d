import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseLocation } from './db/connect';
import { DEFAULT_BASICALLY_MET_RATIO } from '../core/monitoring/evaluation';

/** Body limits: a JSON submission of a whole plan is far below 2 MiB; a filled template below 10 MiB. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
export const XLSX_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * The bounds that keep one client, one file or one stuck database from taking the server down. Every
 * number is in docs/operations.md ("限额与拒绝 / Limits and refusals"); each has an environment variable.
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
  /** Event-loop delay beyond which requests are refused with 503 until it recovers (MAX_EVENT_LOOP_DELAY_MS, 1000; 0 = off). */
  readonly maxEventLoopDelayMs: number;
}

/** The web app's accounts: how long a session lasts, when sign-in locks, how many passwords are hashed at once. */
export interface AccountSettings {
  /** A session not used for this long ends (SESSION_IDLE_MINUTES, 480 = 8 h). */
  readonly sessionIdleMs: number;
  /** A session ends this long after sign-in however it is used (SESSION_MAX_HOURS, 24). */
  readonly sessionMaxMs: number;
  /** Consecutive wrong passwords before an account locks (LOGIN_MAX_FAILURES, 5) … */
  readonly maxFailures: number;
  /** … for this long (LOGIN_LOCK_MINUTES, 15), unless an admin unlocks it. */
  readonly lockMs: number;
  /** Password hashes computed at once (PASSWORD_HASH_CONCURRENCY, 2; 32 MiB each) … */
  readonly hashConcurrency: number;
  /** … and sign-ins waiting for one (PASSWORD_HASH_QUEUE, 32); beyond it 503. */
  readonly hashQueue: number;
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
  /** The built task pane (dist/taskpane/), the built web app (dist/web/) and the add-in manifest. */
  readonly taskpaneDir: string;
  readonly webDir: string;
  readonly manifestFile: string;
  readonly logLevel: string;
  /** 基本达标: a missed numeric target with at least this degree of completion (docs/monitoring.md). */
  readonly basicallyMetRatio: number;
  readonly limits: ServerLimits;
  readonly accounts: AccountSettings;
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

const MIB = 1024 * 1024;

/** An optional variable: unset or blank is `undefined`. */
const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text.trim()));

/** An integer variable in a range, with its default; the message names it in Chinese and English. */
function integerVariable(name: string, fallback: number, min: number, max: number) {
  return optionalText.transform((text, context) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    context.addIssue({ code: 'custom', message: `${name} 应为 ${min}—${max} 之间的整数，收到“${text}” / ${name} must be an integer from ${min} to ${max}` });
    return z.NEVER;
  });
}

/** A decimal variable in a range, with its default. */
function decimalVariable(name: string, fallback: number, min: number, max: number) {
  return optionalText.transform((text, context) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (Number.isFinite(value) && value >= min && value <= max) return value;
    context.addIssue({ code: 'custom', message: `${name} 应为 ${min}—${max} 之间的数，收到“${text}” / ${name} must be a number from ${min} to ${max}` });
    return z.NEVER;
  });
}

/** A yes/no variable: 1/true/yes or 0/false/no; unset is `undefined`. */
function switchVariable(name: string) {
  return optionalText.transform((text, context) => {
    if (text === undefined) return undefined;
    const lower = text.toLowerCase();
    if (['1', 'true', 'yes'].includes(lower)) return true;
    if (['0', 'false', 'no'].includes(lower)) return false;
    context.addIssue({ code: 'custom', message: `${name} 应为 1 或 0，收到“${text}” / ${name} must be 1 or 0` });
    return z.NEVER;
  });
}

/** A comma- or space-separated list. */
const listVariable = optionalText.transform((text) => (text === undefined ? [] : text.split(/[\s,]+/).map((item) => item.trim()).filter(Boolean)));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the server reads, in one validated schema: types, ranges and defaults, and a
 * Chinese and English message naming the variable when it is wrong (all problems at once). docs/api.md and
 * docs/operations.md list the same variables; test/docs/api-config.test.ts and test/server/config.test.ts
 * keep them in step.
 */
export const ServerEnvSchema = z.object({
  PORT: integerVariable('PORT', 3000, 0, 65535),
  HOST: optionalText.transform((text) => text ?? 'localhost'),
  DATA_DIR: optionalText,
  DATABASE_URL: optionalText.refine((url) => url === undefined || /^postgres(ql)?:\/\//.test(url), { message: 'DATABASE_URL 应以 postgres:// 开头 / DATABASE_URL must start with postgres://' }),
  TLS_CERT: optionalText,
  TLS_KEY: optionalText,
  HTTPS: switchVariable('HTTPS'),
  ALLOWED_ORIGINS: listVariable.transform((origins) => origins.map((origin) => origin.replace(/\/$/, ''))),
  RATE_LIMIT_PER_MINUTE: integerVariable('RATE_LIMIT_PER_MINUTE', 600, 1, 10_000_000),
  BASICALLY_MET_RATIO: decimalVariable('BASICALLY_MET_RATIO', DEFAULT_BASICALLY_MET_RATIO, 0.5, 1),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { message: `LOG_LEVEL 应为 ${LOG_LEVELS.join('、')} 之一 / LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }).optional()),
  TASKPANE_DIR: optionalText,
  WEB_DIR: optionalText,
  FRAME_ANCESTORS: listVariable,
  TRUST_PROXY: optionalText,
  REQUEST_TIMEOUT_SECONDS: integerVariable('REQUEST_TIMEOUT_SECONDS', 60, 1, 3600),
  HEADERS_TIMEOUT_SECONDS: integerVariable('HEADERS_TIMEOUT_SECONDS', 10, 1, 600),
  KEEP_ALIVE_TIMEOUT_SECONDS: integerVariable('KEEP_ALIVE_TIMEOUT_SECONDS', 5, 1, 600),
  HANDLER_TIMEOUT_SECONDS: integerVariable('HANDLER_TIMEOUT_SECONDS', 30, 1, 3600),
  MAX_CONNECTIONS_PER_ADDRESS: optionalText,
  MAX_CONNECTIONS: optionalText,
  AUTH_FAILURES_PER_MINUTE: integerVariable('AUTH_FAILURES_PER_MINUTE', 30, 1, 1_000_000),
  STORAGE_QUOTA_MB: decimalVariable('STORAGE_QUOTA_MB', 50, 0.001, 1_000_000),
  MIN_FREE_DISK_MB: decimalVariable('MIN_FREE_DISK_MB', 200, 0, 1e12),
  UPLOAD_WORKERS: integerVariable('UPLOAD_WORKERS', 2, 1, 64),
  UPLOAD_QUEUE: integerVariable('UPLOAD_QUEUE', 4, 0, 1000),
  UPLOAD_TIMEOUT_SECONDS: integerVariable('UPLOAD_TIMEOUT_SECONDS', 10, 1, 600),
  UPLOAD_WORKER_HEAP_MB: integerVariable('UPLOAD_WORKER_HEAP_MB', 96, 32, 4096),
  MAX_PENDING_WRITES: integerVariable('MAX_PENDING_WRITES', 256, 1, 1_000_000),
  // the server's queries take milliseconds; one that takes seconds is a database in trouble
  DATABASE_TIMEOUT_SECONDS: integerVariable('DATABASE_TIMEOUT_SECONDS', 5, 1, 600),
  MAX_EVENT_LOOP_DELAY_MS: integerVariable('MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 600_000),
  // the web app's accounts: sessions, lockout, password hashing (docs/operations.md, 账户 / Accounts)
  SESSION_IDLE_MINUTES: integerVariable('SESSION_IDLE_MINUTES', 480, 5, 10_080),
  SESSION_MAX_HOURS: integerVariable('SESSION_MAX_HOURS', 24, 1, 720),
  LOGIN_MAX_FAILURES: integerVariable('LOGIN_MAX_FAILURES', 5, 1, 100),
  LOGIN_LOCK_MINUTES: integerVariable('LOGIN_LOCK_MINUTES', 15, 1, 1440),
  PASSWORD_HASH_CONCURRENCY: integerVariable('PASSWORD_HASH_CONCURRENCY', 2, 1, 64),
  PASSWORD_HASH_QUEUE: integerVariable('PASSWORD_HASH_QUEUE', 32, 0, 10_000),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

/** The environment read through ServerEnvSchema; every problem at once as one ConfigError. */
export function readServerEnv(env: Env): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('\n'));
}

/** Reads the server's configuration from the environment (ServerEnvSchema), then what follows from it (TLS, origins, limits). */
export function loadConfig(env: Env = process.env, options: { home?: string; cwd?: string } = {}): ServerConfig {
  const cwd = options.cwd ?? process.cwd();
  const vars = readServerEnv(env);
  const tls = chooseTls(vars, options.home);
  const behindProxy = tls.kind === 'http' && tls.reason === 'disabled';
  const ownOrigin = `${tls.kind === 'https' ? 'https' : 'http'}://localhost:${vars.PORT}`;
  return {
    port: vars.PORT,
    host: vars.HOST,
    ...locationOf(vars, cwd),
    allowedOrigins: vars.ALLOWED_ORIGINS.length > 0 ? vars.ALLOWED_ORIGINS : [...new Set([ownOrigin, `https://localhost:${vars.PORT}`])],
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    tls,
    taskpaneDir: vars.TASKPANE_DIR ? resolve(cwd, vars.TASKPANE_DIR) : join(PROJECT_ROOT, 'dist', 'taskpane'),
    webDir: vars.WEB_DIR ? resolve(cwd, vars.WEB_DIR) : join(PROJECT_ROOT, 'dist', 'web'),
    manifestFile: join(PROJECT_ROOT, 'manifest.xml'),
    logLevel: vars.LOG_LEVEL ?? 'info',
    basicallyMetRatio: vars.BASICALLY_MET_RATIO,
    limits: limitsOf(vars, { behindProxy }),
    accounts: {
      sessionIdleMs: vars.SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: vars.SESSION_MAX_HOURS * 3_600_000,
      maxFailures: vars.LOGIN_MAX_FAILURES,
      lockMs: vars.LOGIN_LOCK_MINUTES * 60_000,
      hashConcurrency: vars.PASSWORD_HASH_CONCURRENCY,
      hashQueue: vars.PASSWORD_HASH_QUEUE,
    },
    trustProxy: behindProxy ? (vars.TRUST_PROXY ?? 'loopback') : false,
    frameAncestors: [...OFFICE_FRAME_ANCESTORS, ...vars.FRAME_ANCESTORS],
  };
}

function limitsOf(vars: ServerEnv, { behindProxy }: { behindProxy: boolean }): ServerLimits {
  // these two depend on the deployment: read here, with the same wording of their errors
  const dependent = z.object({
    // behind a reverse proxy every connection comes from the proxy's address: the proxy limits per client
    MAX_CONNECTIONS_PER_ADDRESS: integerVariable('MAX_CONNECTIONS_PER_ADDRESS', behindProxy ? 0 : 128, 0, 1_000_000),
    MAX_CONNECTIONS: integerVariable('MAX_CONNECTIONS', defaultMaxConnections(), 16, 10_000_000),
  }).safeParse({ MAX_CONNECTIONS_PER_ADDRESS: vars.MAX_CONNECTIONS_PER_ADDRESS, MAX_CONNECTIONS: vars.MAX_CONNECTIONS });
  if (!dependent.success) throw new ConfigError(dependent.error.issues.map((issue) => issue.message).join('\n'));
  const limits: ServerLimits = {
    requestTimeoutMs: vars.REQUEST_TIMEOUT_SECONDS * 1000,
    headersTimeoutMs: vars.HEADERS_TIMEOUT_SECONDS * 1000,
    keepAliveTimeoutMs: vars.KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    handlerTimeoutMs: vars.HANDLER_TIMEOUT_SECONDS * 1000,
    connectionsPerAddress: dependent.data.MAX_CONNECTIONS_PER_ADDRESS,
    maxConnections: dependent.data.MAX_CONNECTIONS,
    authFailuresPerMinute: vars.AUTH_FAILURES_PER_MINUTE,
    storageQuotaBytes: Math.round(vars.STORAGE_QUOTA_MB * MIB),
    minFreeDiskBytes: Math.round(vars.MIN_FREE_DISK_MB * MIB),
    uploadWorkers: vars.UPLOAD_WORKERS,
    uploadQueue: vars.UPLOAD_QUEUE,
    uploadTimeoutMs: vars.UPLOAD_TIMEOUT_SECONDS * 1000,
    uploadWorkerHeapMb: vars.UPLOAD_WORKER_HEAP_MB,
    maxPendingWrites: vars.MAX_PENDING_WRITES,
    databaseTimeoutMs: vars.DATABASE_TIMEOUT_SECONDS * 1000,
    maxEventLoopDelayMs: vars.MAX_EVENT_LOOP_DELAY_MS,
  };
  // Node refuses a headers timeout longer than the request timeout
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError('HEADERS_TIMEOUT_SECONDS 不能大于 REQUEST_TIMEOUT_SECONDS / the headers timeout cannot exceed the request timeout');
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
  const vars = ServerEnvSchema.pick({ DATA_DIR: true, DATABASE_URL: true }).safeParse(env);
  if (!vars.success) throw new ConfigError(vars.error.issues.map((issue) => issue.message).join('\n'));
  return locationOf(vars.data, cwd);
}

function locationOf(vars: Pick<ServerEnv, 'DATA_DIR' | 'DATABASE_URL'>, cwd: string): DatabaseLocation {
  return { dataDir: resolve(cwd, vars.DATA_DIR ?? 'data'), ...(vars.DATABASE_URL ? { databaseUrl: vars.DATABASE_URL } : {}) };
}

/** TLS_CERT/TLS_KEY if set; HTTPS=0 forces HTTP; else the office-addin-dev-certs files if present; else HTTP. */
function chooseTls(vars: Pick<ServerEnv, 'HTTPS' | 'TLS_CERT' | 'TLS_KEY'>, home?: string): TlsChoice {
  if (vars.HTTPS === false) return { kind: 'http', reason: 'disabled' };
  if (vars.TLS_CERT || vars.TLS_KEY) {
    if (!vars.TLS_CERT || !vars.TLS_KEY) throw new ConfigError('TLS_CERT 与 TLS_KEY 须同时设置 / set both TLS_CERT and TLS_KEY');
    return { kind: 'https', cert: readPem(vars.TLS_CERT, 'TLS_CERT'), key: readPem(vars.TLS_KEY, 'TLS_KEY'), source: vars.TLS_CERT };
  }
  const dev = devCertificatePaths(home);
  if (existsSync(dev.cert) && existsSync(dev.key)) {
    return { kind: 'https', cert: readFileSync(dev.cert), key: readFileSync(dev.key), source: dev.cert };
  }
  if (vars.HTTPS === true) {
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
