import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DatabaseLocation } from './db/connect';

/** Body limits: a JSON submission of a whole plan is far below 2 MiB; a filled template below 10 MiB. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
export const XLSX_BODY_LIMIT = 10 * 1024 * 1024;

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

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, TLS_CERT/TLS_KEY, HTTPS, ALLOWED_ORIGINS, RATE_LIMIT_PER_MINUTE, LOG_LEVEL. */
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
    taskpaneDir: join(PROJECT_ROOT, 'dist', 'taskpane'),
    manifestFile: join(PROJECT_ROOT, 'manifest.xml'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
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

function integer(text: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} 应为 ${min}—${max} 之间的整数，收到“${text}” / ${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}
