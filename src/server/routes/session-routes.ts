import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordRequestSchema, CSRF_HEADER, LoginRequestSchema, SESSION_COOKIE, SessionInfoSchema, type SessionInfo } from '../../contract/accounts';
import type { AuthContext } from '../auth-context';
import type { SessionRow, UserRow } from '../db/database';
import { ApiError } from '../errors';
import { clearSessionCookie, csrfError, sessionCookieOptions } from '../plugins/auth-plugin';
import { findOrganisation, organisationOf } from '../repositories/organisations';
import { deleteSession, deleteSessionsOfUser, findSessionBySecret } from '../repositories/sessions';
import { findUser, recordFailedLogin, setPassword } from '../repositories/users';
import { userAnswer, type Accounts } from '../services/accounts';
import { weakPasswordReason } from '../services/passwords';
import { errorResponses } from './error-responses';

/** Refusals a failed sign-in counts against the caller's address. */
const COUNTED = new Set(['auth.invalidCredentials', 'auth.locked', 'auth.wrongPassword']);

/**
 * The web app's session: sign in (POST), who is signed in (GET), sign out (DELETE), change one's own
 * password (POST /session/password). The cookie `xpm_session` carries the session's secret; the answer's
 * `csrfToken` goes back as the header x-csrf-token on every request that changes something.
 */
export const sessionRoutes: FastifyPluginAsyncZod<{ accounts: Accounts }> = async (fastify, { accounts }) => {
  const info = async (user: UserRow, session: SessionRow): Promise<SessionInfo> => {
    const organisation = await findOrganisation(fastify.db, user.organisation_id);
    if (!organisation) throw new ApiError(500, 'server.internal', '用户所属单位不存在。', 'The user\'s organisation does not exist.');
    return { user: userAnswer(user, accounts.now()), organisation: organisationOf(organisation), csrfToken: session.csrf_token, expiresAt: session.expires_at };
  };
  const counted = async (request: FastifyRequest, work: () => Promise<SessionInfo>): Promise<SessionInfo> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError && COUNTED.has(error.code)) return fastify.refuseAuthentication(request, error);
      throw error;
    }
  };

  fastify.post('/session', {
    config: { public: true, beforePasswordChange: true },
    schema: {
      summary: 'Sign in to the web app: sets the session cookie xpm_session (HttpOnly, SameSite=Strict) and answers the user and the CSRF token',
      description:
        'Wrong login or password → 401 auth.invalidCredentials (the same for an unknown login, with the attempts left); after LOGIN_MAX_FAILURES in a row the account locks for LOGIN_LOCK_MINUTES → 423 auth.locked; a disabled account → 403 auth.userDisabled; a request from another site → 403 auth.csrf; too many failures from one address → 429; too many sign-ins at once → 503 auth.busy.',
      security: [],
      body: LoginRequestSchema,
      response: { 200: SessionInfoSchema, ...errorResponses(400, 403, 423, 503) },
    },
  }, async (request, reply) => {
    fastify.checkSameOrigin(request);
    fastify.checkAuthenticationBudget(request);
    return counted(request, async () => {
      const { user, secret, session } = await accounts.signIn(request.body.login, request.body.password);
      reply.setCookie(SESSION_COOKIE, secret, sessionCookieOptions(request));
      return info(user, session);
    });
  });

  fastify.get('/session', {
    config: { beforePasswordChange: true },
    schema: { summary: 'Who is signed in: the user, the organisation, the CSRF token and when the session ends unless used', response: { 200: SessionInfoSchema, ...errorResponses() } },
  }, async (request) => {
    const { user, session } = await sessionOf(request.auth);
    return info(user, session);
  });

  fastify.delete('/session', {
    config: { public: true, beforePasswordChange: true },
    schema: { summary: 'Sign out: ends the session and clears the cookie (needs x-csrf-token while the session is valid)', security: [], response: { 204: z.null().describe('Signed out'), ...errorResponses(403) } },
  }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE];
    const found = secret ? await findSessionBySecret(fastify.db, secret) : undefined;
    if (found) {
      fastify.checkSameOrigin(request);
      const sent = request.headers[CSRF_HEADER];
      const expected = Buffer.from(found.session.csrf_token);
      if (typeof sent !== 'string' || Buffer.byteLength(sent) !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) throw csrfError();
      await deleteSession(fastify.db, found.session.id);
    }
    clearSessionCookie(request, reply);
    return reply.code(204).send(null);
  });

  fastify.post('/session/password', {
    config: { beforePasswordChange: true },
    schema: {
      summary: 'Change one\'s own password (the current one is needed); the user\'s other sessions end',
      description: 'Wrong current password → 403 auth.wrongPassword (counts toward the lockout); a new password equal to the current one or to the login → 400.',
      body: ChangePasswordRequestSchema,
      response: { 200: SessionInfoSchema, ...errorResponses(400, 403, 423, 503) },
    },
  }, async (request) => {
    const { user, session } = await sessionOf(request.auth);
    return counted(request, async () => {
      const { currentPassword, newPassword } = request.body;
      if (!(await accounts.hasher.verify(currentPassword, user.password_hash))) {
        const outcome = await recordFailedLogin(fastify.db, user.id, accounts.settings.maxFailures, new Date(accounts.now().getTime() + accounts.settings.lockMs));
        if (outcome.lockedUntil !== null && Date.parse(outcome.lockedUntil) > accounts.now().getTime()) {
          await deleteSessionsOfUser(fastify.db, user.id);
          throw accounts.lockedError(outcome.lockedUntil);
        }
        throw new ApiError(403, 'auth.wrongPassword', '当前密码不正确，密码未修改。', 'The current password is wrong; nothing was changed.');
      }
      refuseWeakPassword(newPassword, currentPassword, user.login);
      const now = accounts.now();
      await setPassword(fastify.db, user.id, await accounts.hasher.hash(newPassword), false, now);
      await deleteSessionsOfUser(fastify.db, user.id, session.id);
      const changed = await findUser(fastify.db, user.id);
      return info(changed ?? user, session);
    });
  });

  /** The signed-in user and session of a request made with the cookie; 401 for a token. */
  async function sessionOf(auth: AuthContext | null): Promise<{ user: UserRow; session: SessionRow }> {
    const sessionId = auth?.sessionId;
    const user = auth?.userId ? await findUser(fastify.db, auth.userId) : undefined;
    const session = sessionId ? await fastify.db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst() : undefined;
    if (!user || !session) {
      throw new ApiError(401, 'auth.noSession', '没有登录：此接口只用于网页登录后的会话（访问令牌没有密码）。', 'Not signed in: this route is for the web app\'s session (a token has no password).');
    }
    return { user, session };
  }
};

/** A new password the same as the current one, or containing the login name, is refused (400). */
export function refuseWeakPassword(password: string, current: string | undefined, login: string): void {
  const reason = weakPasswordReason(password, login, current);
  if (reason) throw new ApiError(400, reason.code, reason.zh, reason.en);
}
