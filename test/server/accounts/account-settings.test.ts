import { loadConfig } from '../../../src/server/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = () => mkdtempSync(join(tmpdir(), 'xpm-accounts-config-'));

describe('the accounts\' settings in ServerEnvSchema', () => {
  it('default to 8 idle hours, 24 hours at most, 5 failures, 15 minutes of lock, 2 hashes at once and 32 waiting', () => {
    expect(loadConfig({}, { home: home() }).accounts).toEqual({ sessionIdleMs: 8 * 3_600_000, sessionMaxMs: 24 * 3_600_000, maxFailures: 5, lockMs: 15 * 60_000, hashConcurrency: 2, hashQueue: 32 });
  });

  it('read every variable, and name each wrong one in Chinese and English', () => {
    const env = { SESSION_IDLE_MINUTES: '60', SESSION_MAX_HOURS: '12', LOGIN_MAX_FAILURES: '10', LOGIN_LOCK_MINUTES: '30', PASSWORD_HASH_CONCURRENCY: '4', PASSWORD_HASH_QUEUE: '0' };
    expect(loadConfig(env, { home: home() }).accounts).toEqual({ sessionIdleMs: 3_600_000, sessionMaxMs: 12 * 3_600_000, maxFailures: 10, lockMs: 30 * 60_000, hashConcurrency: 4, hashQueue: 0 });
    expect(() => loadConfig({ LOGIN_MAX_FAILURES: '0', SESSION_IDLE_MINUTES: 'forever' }, { home: home() })).toThrow(/SESSION_IDLE_MINUTES 应为 5—10080 之间的整数[\s\S]*LOGIN_MAX_FAILURES 应为 1—100 之间的整数/);
  });
});
