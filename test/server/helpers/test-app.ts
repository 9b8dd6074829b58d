import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import type { Role } from '../../../src/contract/submission-document';
import { addReportingGrant } from '../../../src/server/repositories/reporting-grants';
import { createToken } from '../../../src/server/repositories/tokens';
import { createTestDatabase, type Dialect, type TestDatabase } from './test-database';

/** An app on a fresh database, with helpers to make tokens and call the API. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  token(organisationId: string, role?: Role): Promise<string>;
  /** Lets an organisation report an indicator beyond the catalog's responsible lists (the bureau's grant). */
  grant(organisationId: string, indicatorId: string): Promise<void>;
  /** The app's loopback address, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  request(token: string | undefined, options: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

/** `through` rewrites the database URL the app connects with; `app` passes options to buildApp (the accounts' clock, a cheaper password hash). */
export interface TestAppOptions {
  readonly through?: (databaseUrl: string) => string;
  readonly app?: Pick<AppOptions, 'now' | 'passwordCost'>;
}

/**
 * Builds the app as server.ts would, on a fresh test database; `env` overrides the environment.
 * `through` rewrites the database URL the app connects with (e.g. to go through a proxy).
 */
export async function startTestApp(dialect: Dialect, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const databaseUrl = database.location.databaseUrl;
  const config = loadConfig(
    {
      HTTPS: '0',
      DATA_DIR: database.location.dataDir,
      ...(databaseUrl ? { DATABASE_URL: options.through ? options.through(databaseUrl) : databaseUrl } : {}),
      RATE_LIMIT_PER_MINUTE: '100000',
      // the tests run the server on their own event loop, beside their own heavy work (building workbooks):
      // the event-loop back-pressure would answer 503 then — whatever the limit: a loop blocked for a whole
      // sample (an SQLite app's start on a loaded machine) leaves no sample, which @fastify/under-pressure
      // takes for an infinite delay. Off here (0); it is tested on its own (abuse-limits.test.ts)
      MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    { home: database.location.dataDir },
  );
  const app = await buildApp(config, { logger: false, ...(options.app ?? {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    app,
    database,
    origin,
    token: async (organisationId, role = 'reporter') => (await createToken(app.db, { organisationId, role, label: 'test' })).token,
    grant: async (organisationId, indicatorId) => {
      const bureau = await createToken(app.db, { organisationId: 'tjj', role: 'bureau', label: 'test grants' });
      await addReportingGrant(app.db, { organisationId, indicatorId, unitId: null, createdBy: bureau.id });
    },
    request: (token, options) => send(origin, { ...options, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.headers ?? {}) } }),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The app for a `describe` block: started in its `beforeAll` on a fresh database, closed (and the database
 * dropped) in its `afterAll`. Returns a handle usable in the block's own hooks and tests (not before).
 */
export function withTestApp(dialect: Dialect, env: Record<string, string> = {}, options: TestAppOptions = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await startTestApp(dialect, env, options);
  });
  afterAll(async () => current?.close());
  return new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (!current) throw new Error('withTestApp: the app is started in beforeAll; use it in hooks and tests');
      const value = Reflect.get(current, key) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/** A request as the tests write it (the shape of `app.inject()`'s options). */
export interface RequestOptions {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS';
  readonly url: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  readonly payload?: object | string | Uint8Array | FormData;
  readonly headers?: Record<string, string>;
}

/** An answer (the shape of `app.inject()`'s response). */
export interface TestResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers freely
}

/**
 * Sends a request over loopback HTTP. The tests use a listening server rather than `app.inject()`:
 * light-my-request 6.8 requires the ESM-only cookie@2, which jest's CommonJS runtime cannot load.
 */
export async function send(origin: string, options: RequestOptions): Promise<TestResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  let body: string | Uint8Array | FormData | undefined;
  if (typeof options.payload === 'string' || options.payload instanceof Uint8Array || options.payload instanceof FormData) body = options.payload;
  else if (options.payload !== undefined) {
    body = JSON.stringify(options.payload);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${origin}${options.url}`, { method: options.method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' || body instanceof FormData ? body : (new Uint8Array(body).buffer as ArrayBuffer) }) });
  const text = await response.text();
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: text,
    json: () => JSON.parse(text),
  };
}
