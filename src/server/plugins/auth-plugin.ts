import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contract/accounts';
import type { AuthContext } from '../auth-context';
import { ApiError } from '../errors';
import { findActiveToken } from '../repositories/tokens';
import type { Accounts } from '../services/accounts';
import { TOKEN_PREFIX } from '../tokens';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, once the auth hook has checked the token or the session; null on public routes. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without a token (health check, OpenAPI document). */
    public?: boolean;
    /** A route a user who must change their password may still call (the /session routes). */
    beforePasswordChange?: boolean;
  }
  interface FastifyInstance {
    /** Failed authentications per address: counts one (429 past the limit) and throws the refusal. */
    refuseAuthentication(request: FastifyRequest, error: ApiError): Promise<never>;
    /** 429 when this address is past its failed authentications for now (checked before a password is). */
    checkAuthenticationBudget(request: FastifyRequest): void;
    /** 403 `auth.csrf` when a request comes from another site (its Origin or Sec-Fetch-Site header says so). */
    checkSameOrigin(request: FastifyRequest): void;
  }
}

/** Methods that change something: with the session cookie they need the CSRF header. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
/** Addresses remembered as past their failure budget (oldest forgotten first beyond this). */
const BLOCKED_KEPT = 10_000;

/** The refusal of a request that may come from another site, or without the session's CSRF token. */
export function csrfError(): ApiError {
  return new ApiError(403, 'auth.csrf', '页面已过期或请求来源不明：请刷新页面后重试。', 'The page has expired or the request came from another site: reload the page and try again.');
}

/** The session cookie's attributes: HttpOnly, SameSite=Strict, Path=/, Secure when the browser reached us over HTTPS. */
export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return { httpOnly: true, sameSite: 'strict' as const, path: '/', secure: request.protocol === 'https', ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }) };
}

/** Clears the session cookie (with the attributes it was set with, so every browser drops it). */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The one hook that guards the API: every route registered in the same scope after it needs either
 * `Authorization: Bearer <token>` with a token that exists and is not revoked, or — with no Authorization
 * header — the web app's session cookie of a valid session, unless its config says `public`. With the
 * cookie, a request that changes something must come from this site and carry the session's CSRF token
 * (header x-csrf-token), and a user who must change their password reaches only the /session routes.
 * Failed authentications (and failed sign-ins, routes/session-routes.ts) count against the caller's address:
 * past `authFailuresPerMinute` in a minute its failures are answered 429 (guessing and floods), while valid
 * tokens from the same address keep working (a county office behind one NAT address is not locked out by
 * one misconfigured add-in).
 */
export const authPlugin = sharedPlugin<{ authFailuresPerMinute: number; accounts: Accounts; allowedOrigins: readonly string[] }>('auth', async (fastify, { authFailuresPerMinute, accounts, allowedOrigins }) => {
  const failures = fastify.createRateLimit({ max: authFailuresPerMinute, timeWindow: 60_000, keyGenerator: (request) => `auth-failure:${request.ip}`, allowList: () => false });
  /** Addresses seen past their budget, until when: a sign-in from them is refused before its password is checked. */
  const blocked = new Map<string, number>();
  const tooMany = (seconds: number) =>
    new ApiError(
      429,
      'auth.tooManyFailures',
      `身份验证失败次数过多：本地址一分钟内已失败超过 ${authFailuresPerMinute} 次，请 ${seconds} 秒后再试，并核对用户名、密码或加载项设置中的令牌。`,
      `Too many failed authentications from this address (over ${authFailuresPerMinute} a minute); retry in ${seconds} s.`,
      undefined,
      Math.max(1, seconds),
    );
  fastify.decorate('refuseAuthentication', async (request: FastifyRequest, error: ApiError): Promise<never> => {
    const limit = await failures(request);
    if (!limit.isAllowed && limit.isExceeded) {
      blocked.delete(request.ip);
      if (blocked.size >= BLOCKED_KEPT) blocked.delete(blocked.keys().next().value as string);
      blocked.set(request.ip, Date.now() + limit.ttlInSeconds * 1000);
      throw tooMany(limit.ttlInSeconds);
    }
    throw error;
  });
  fastify.decorate('checkAuthenticationBudget', (request: FastifyRequest): void => {
    const until = blocked.get(request.ip);
    if (until === undefined) return;
    if (until <= Date.now()) {
      blocked.delete(request.ip);
      return;
    }
    throw tooMany(Math.ceil((until - Date.now()) / 1000));
  });
  fastify.decorate('checkSameOrigin', (request: FastifyRequest): void => {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') throw csrfError();
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const own = `${request.protocol}://${request.host}`;
    if (origin !== own && !allowedOrigins.includes(origin)) throw csrfError();
  });
  fastify.decorateRequest('auth', null);
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    if (!header) {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret === undefined || secret === '') {
        return fastify.refuseAuthentication(
          request,
          new ApiError(401, 'auth.missingToken', '未登录或缺少访问令牌：请先登录（网页），或在加载项设置中填写统计局发放的令牌（请求头 Authorization: Bearer <令牌>）。', 'Not signed in and no token: sign in, or send Authorization: Bearer <token>.'),
        );
      }
      const resumed = await accounts.resume(secret);
      if (!resumed) {
        clearSessionCookie(request, reply);
        return fastify.refuseAuthentication(request, new ApiError(401, 'auth.sessionExpired', '登录已过期或已退出：请重新登录。', 'The session has expired or was ended: sign in again.'));
      }
      const { session, user } = resumed;
      if (STATE_CHANGING.has(request.method)) {
        fastify.checkSameOrigin(request);
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameText(sent, session.csrf_token)) throw csrfError();
      }
      if (Number(user.must_change_password) && !request.routeOptions.config.beforePasswordChange) {
        throw new ApiError(403, 'auth.mustChangePassword', '请先修改密码：管理员重置了您的密码，设置新密码后才能继续使用。', 'Change your password first: an admin reset it.');
      }
      request.auth = { tokenId: user.id, organisationId: user.organisation_id, role: user.role, userId: user.id, displayName: user.display_name, sessionId: session.id };
      return;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    const row = token?.startsWith(TOKEN_PREFIX) ? await findActiveToken(fastify.db, token) : undefined;
    if (!row) {
      return fastify.refuseAuthentication(request, new ApiError(401, 'auth.invalidToken', '访问令牌无效或已被撤销：请向统计局管理员申请新的令牌。', 'The token is invalid or has been revoked.'));
    }
    request.auth = { tokenId: row.id, organisationId: row.organisation_id, role: row.role };
  });
});
