import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env, { home: home() })).toThrow(ConfigError);
    expect(() => loadConfig(env, { home: home() })).toThrow(message);
  });
});
