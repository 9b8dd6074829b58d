import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/server/config';

const homes: string[] = [];
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'xpm-home-'));
  homes.push(dir);
  return dir;
};
afterAll(() => homes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadConfig', () => {
  it('defaults: port 3000 on localhost, ./data, SQLite, the own origin for CORS, HTTP when no certificate exists', () => {
    const config = loadConfig({}, { home: home(), cwd: '/srv/app' });
    expect(config).toMatchObject({ port: 3000, host: 'localhost', dataDir: '/srv/app/data', rateLimitPerMinute: 600, tls: { kind: 'http', reason: 'noCertificate' } });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.allowedOrigins).toEqual(['http://localhost:3000', 'https://localhost:3000']);
  });

  it('uses the office-addin-dev-certs certificate when it exists, unless HTTPS=0', () => {
    const dir = home();
    mkdirSync(join(dir, '.office-addin-dev-certs'));
    writeFileSync(join(dir, '.office-addin-dev-certs', 'localhost.crt'), 'CERT');
    writeFileSync(join(dir, '.office-addin-dev-certs', 'localhost.key'), 'KEY');
    const config = loadConfig({}, { home: dir });
    expect(config.tls).toMatchObject({ kind: 'https', source: join(dir, '.office-addin-dev-certs', 'localhost.crt') });
    expect(config.allowedOrigins).toEqual(['https://localhost:3000']);
    expect(loadConfig({ HTTPS: '0' }, { home: dir }).tls).toEqual({ kind: 'http', reason: 'disabled' });
  });

  it('reads TLS_CERT/TLS_KEY, DATABASE_URL, DATA_DIR, PORT, HOST, ALLOWED_ORIGINS, RATE_LIMIT_PER_MINUTE', () => {
    const dir = home();
    writeFileSync(join(dir, 'c.pem'), 'C');
    writeFileSync(join(dir, 'k.pem'), 'K');
    const config = loadConfig(
      { TLS_CERT: join(dir, 'c.pem'), TLS_KEY: join(dir, 'k.pem'), DATABASE_URL: 'postgres://u:p@db/x', DATA_DIR: '/var/xpm', PORT: '8443', HOST: '0.0.0.0', ALLOWED_ORIGINS: 'https://a.example/, https://b.example', RATE_LIMIT_PER_MINUTE: '30' },
      { home: dir },
    );
    expect(config).toMatchObject({ port: 8443, host: '0.0.0.0', dataDir: '/var/xpm', databaseUrl: 'postgres://u:p@db/x', rateLimitPerMinute: 30, allowedOrigins: ['https://a.example', 'https://b.example'] });
    expect(config.tls.kind === 'https' && config.tls.cert.toString()).toBe('C');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ TLS_CERT: '/x.pem' }, /TLS_CERT 与 TLS_KEY 须同时设置/],
    [{ TLS_CERT: '/nope.pem', TLS_KEY: '/nope.key' }, /无法读取 TLS_CERT/],
    [{ HTTPS: '1' }, /npx office-addin-dev-certs install/],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, /RATE_LIMIT_PER_MINUTE/],
    [{ HEADERS_TIMEOUT_SECONDS: '90' }, /HEADERS_TIMEOUT_SECONDS 不能大于/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL 应为 fatal、error/],
    [{ DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL 应以 postgres:\/\/ 开头/],
    [{ HTTPS: 'maybe' }, /HTTPS 应为 1 或 0/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env, { home: home() })).toThrow(ConfigError);
    expect(() => loadConfig(env, { home: home() })).toThrow(message);
  });
});

describe('the limits', () => {
  const guide = readFileSync(join(__dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
  /** The default a row of docs/operations.md's limit tables gives for a variable: `| limit | default | \`VAR\` | … |`. */
  const documented = (variable: string) => new RegExp(`^\\|[^|]*\\|\\s*([^|]*?)\\s*\\|\\s*\`${variable}\`\\s*\\|`, 'm').exec(guide)?.[1];

  it('defaults are what docs/operations.md says, variable by variable', () => {
    const { limits } = loadConfig({}, { home: home() });
    const expected: Record<string, string> = {
      HEADERS_TIMEOUT_SECONDS: `${limits.headersTimeoutMs / 1000} s`,
      REQUEST_TIMEOUT_SECONDS: `${limits.requestTimeoutMs / 1000} s`,
      KEEP_ALIVE_TIMEOUT_SECONDS: `${limits.keepAliveTimeoutMs / 1000} s`,
      HANDLER_TIMEOUT_SECONDS: `${limits.handlerTimeoutMs / 1000} s`,
      MAX_CONNECTIONS_PER_ADDRESS: `${limits.connectionsPerAddress} (off behind a proxy: \`HTTPS=0\`)`,
      RATE_LIMIT_PER_MINUTE: '600',
      AUTH_FAILURES_PER_MINUTE: `${limits.authFailuresPerMinute}`,
      MAX_EVENT_LOOP_DELAY_MS: `${limits.maxEventLoopDelayMs.toLocaleString('en-US')} ms`,
      DATABASE_TIMEOUT_SECONDS: `${limits.databaseTimeoutMs / 1000} s`,
      MAX_PENDING_WRITES: `${limits.maxPendingWrites}`,
      MIN_FREE_DISK_MB: `${limits.minFreeDiskBytes / 1024 / 1024} MiB`,
      STORAGE_QUOTA_MB: `${limits.storageQuotaBytes / 1024 / 1024} MB`,
    };
    for (const [variable, text] of Object.entries(expected)) expect([variable, documented(variable)]).toEqual([variable, text]);
    expect(guide).toContain(`\`UPLOAD_WORKERS\`, default ${limits.uploadWorkers}`);
    expect(guide).toContain(`\`UPLOAD_QUEUE\`, ${limits.uploadQueue} more may wait`);
    expect(guide).toContain(`\`UPLOAD_WORKER_HEAP_MB\`, ${limits.uploadWorkerHeapMb}`);
    expect(guide).toContain(`\`UPLOAD_TIMEOUT_SECONDS\`, ${limits.uploadTimeoutMs / 1000}`);
  });

  it('every wrong variable is named at once, in one message', () => {
    expect(() => loadConfig({ PORT: 'x', UPLOAD_WORKERS: '0', LOG_LEVEL: 'loud' }, { home: home() })).toThrow(/PORT[\s\S]*LOG_LEVEL[\s\S]*UPLOAD_WORKERS|PORT[\s\S]*UPLOAD_WORKERS[\s\S]*LOG_LEVEL/);
  });

  it('reads every limit from its variable and refuses nonsense', () => {
    const config = loadConfig({ HEADERS_TIMEOUT_SECONDS: '5', STORAGE_QUOTA_MB: '0.5', MAX_CONNECTIONS_PER_ADDRESS: '0', UPLOAD_WORKERS: '1', DATABASE_TIMEOUT_SECONDS: '2' }, { home: home() });
    expect(config.limits).toMatchObject({ headersTimeoutMs: 5000, storageQuotaBytes: 524288, connectionsPerAddress: 0, uploadWorkers: 1, databaseTimeoutMs: 2000 });
    expect(() => loadConfig({ STORAGE_QUOTA_MB: 'lots' }, { home: home() })).toThrow(/STORAGE_QUOTA_MB/);
    expect(() => loadConfig({ UPLOAD_WORKERS: '0' }, { home: home() })).toThrow(/UPLOAD_WORKERS/);
  });

  it('behind a reverse proxy (HTTPS=0): only the loopback proxy\'s X-Forwarded-For is believed, and the per-address limit is the proxy\'s', () => {
    const proxied = loadConfig({ HTTPS: '0' }, { home: home() });
    expect(proxied.trustProxy).toBe('loopback');
    expect(proxied.limits.connectionsPerAddress).toBe(0);
    expect(loadConfig({ HTTPS: '0', TRUST_PROXY: '10.0.0.5' }, { home: home() }).trustProxy).toBe('10.0.0.5');
    const direct = loadConfig({}, { home: home() });
    expect(direct.trustProxy).toBe(false);
    expect(direct.limits.connectionsPerAddress).toBe(128);
  });
});
