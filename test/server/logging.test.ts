import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { describeLocation } from '../../src/server/db/connect';
import { createToken } from '../../src/server/repositories/tokens';
import { acceptableDocument } from './helpers/submission-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-database';
import { send } from './helpers/test-app';

describe('log lines never contain tokens or passwords', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let origin: string;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const config = loadConfig({ HTTPS: '0', DATA_DIR: database.location.dataDir, LOG_LEVEL: 'trace' }, { home: database.location.dataDir });
    app = await buildApp(config, { logger: { level: 'trace', stream: { write: (line: string) => lines.push(line) } } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('requests with valid, invalid and revoked tokens, refused and accepted submissions, errors: no secret in the log', async () => {
    const { token } = await createToken(app.db, { organisationId: 'wjj', role: 'reporter' });
    const bad = 'xpm_thisIsAGuessThatMustNotBeLogged0123456789';
    const auth = (value: string) => ({ authorization: `Bearer ${value}` });
    await send(origin, { method: 'GET', url: '/api/v1/me', headers: auth(token) });
    await send(origin, { method: 'GET', url: '/api/v1/me', headers: auth(bad) });
    await send(origin, { method: 'POST', url: '/api/v1/submissions', headers: auth(token), payload: acceptableDocument({ organisationId: 'wjj', count: 3 }) });
    await send(origin, { method: 'POST', url: '/api/v1/submissions', headers: auth(token), payload: '{"broken', });
    await send(origin, { method: 'GET', url: `/api/v1/submissions?token=${encodeURIComponent(token)}`, headers: auth(token) });
    expect(lines.length).toBeGreaterThan(5);
    const log = lines.join('\n');
    expect(log).toContain('"reqId"'); // the requests were logged
    for (const secret of [token, bad, token.slice(4, 24)]) expect(log).not.toContain(secret);
  });

  it('the database location is described without its password', () => {
    expect(describeLocation({ dataDir: '/tmp', databaseUrl: 'postgres://xinping:S3cret-pw@db.example:5432/xinping' })).toBe('PostgreSQL db.example:5432/xinping');
  });
});
