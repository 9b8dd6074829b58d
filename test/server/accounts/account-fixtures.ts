import type { Role } from '../../../src/contract/submission-document';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../src/contract/accounts';
import type { UserRow } from '../../../src/server/db/database';
import { createUser } from '../../../src/server/repositories/users';
import { PasswordHasher, type ScryptCost } from '../../../src/server/services/passwords';
import type { RequestOptions, TestApp, TestResponse } from '../helpers/test-app';

/** A cheap scrypt cost for the tests' many sign-ins (the production cost is tested in passwords.test.ts). */
export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

const hasher = new PasswordHasher({ concurrency: 4, queue: 100 }, TEST_COST);

/** Adds a user straight into the database (as `indicators user add` does). */
export async function addUser(t: TestApp, input: { login: string; organisationId: string; role: Role; password: string; mustChangePassword?: boolean; displayName?: string }): Promise<UserRow> {
  const created = await createUser(t.app.db, {
    login: input.login,
    displayName: input.displayName ?? input.login,
    organisationId: input.organisationId,
    role: input.role,
    passwordHash: await hasher.hash(input.password),
    mustChangePassword: input.mustChangePassword ?? false,
  });
  if (created === 'taken') throw new Error(`login ${input.login} taken`);
  return created;
}

/** A signed-in browser: its cookie and CSRF token. */
export interface Browser {
  readonly secret: string;
  readonly csrf: string;
  /** A request with the cookie (and, unless `csrf: false`, the CSRF header). */
  request(options: RequestOptions & { csrf?: string | false }): Promise<TestResponse>;
}

/** The session cookie's value in a Set-Cookie header, or undefined. */
export function sessionCookieOf(response: TestResponse): string | undefined {
  const header = response.headers['set-cookie'] ?? '';
  return new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(header)?.[1];
}

/** A request with a session cookie (no Authorization header). */
export function withCookie(t: TestApp, secret: string, options: RequestOptions): Promise<TestResponse> {
  return t.request(undefined, { ...options, headers: { cookie: `${SESSION_COOKIE}=${secret}`, ...(options.headers ?? {}) } });
}

/** POST /session. */
export function login(t: TestApp, loginName: string, password: string, headers: Record<string, string> = {}): Promise<TestResponse> {
  return t.request(undefined, { method: 'POST', url: '/api/v1/session', payload: { login: loginName, password }, headers });
}

/** Signs in and returns the browser; fails the test when the sign-in is refused. */
export async function signIn(t: TestApp, loginName: string, password: string): Promise<Browser> {
  const response = await login(t, loginName, password);
  if (response.statusCode !== 200) throw new Error(`sign-in of ${loginName} refused: ${response.statusCode} ${response.body}`);
  const secret = sessionCookieOf(response);
  if (!secret) throw new Error('no session cookie');
  const csrf = response.json().csrfToken as string;
  return {
    secret,
    csrf,
    request: (options) => {
      const token = options.csrf === undefined ? csrf : options.csrf;
      return withCookie(t, secret, { ...options, headers: { ...(token === false ? {} : { [CSRF_HEADER]: token }), ...(options.headers ?? {}) } });
    },
  };
}
