import type { AuthContext } from '../auth-context';
import { ApiError } from '../errors';
import { findActiveToken } from '../repositories/tokens';
import { TOKEN_PREFIX } from '../tokens';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, once the auth hook has checked the token; null on public routes. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without a token (health check, OpenAPI document). */
    public?: boolean;
  }
}

/**
 * The one hook that guards the API: every route registered in the same scope after it needs
 * `Authorization: Bearer <token>` with a token that exists and is not revoked, unless its config says `public`.
 * Failed authentications count against the caller's address: past `authFailuresPerMinute` in a minute its
 * failures are answered 429 (guessing and floods), while valid tokens from the same address keep working
 * (a county office behind one NAT address is not locked out by one misconfigured add-in).
 */
export const authPlugin = sharedPlugin<{ authFailuresPerMinute: number }>('auth', async (fastify, { authFailuresPerMinute }) => {
  const failures = fastify.createRateLimit({ max: authFailuresPerMinute, timeWindow: 60_000, keyGenerator: (request) => `auth-failure:${request.ip}`, allowList: () => false });
  fastify.decorateRequest('auth', null);
  fastify.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    const refuse = async (error: ApiError): Promise<never> => {
      const limit = await failures(request);
      if (!limit.isAllowed && limit.isExceeded) {
        throw new ApiError(
          429,
          'auth.tooManyFailures',
          `身份验证失败次数过多：本地址一分钟内已失败超过 ${authFailuresPerMinute} 次，请 ${limit.ttlInSeconds} 秒后再试，并核对加载项设置中的令牌。`,
          `Too many failed authentications from this address (over ${authFailuresPerMinute} a minute); retry in ${limit.ttlInSeconds} s.`,
          undefined,
          Math.max(1, limit.ttlInSeconds),
        );
      }
      throw error;
    };
    if (!header) {
      return refuse(new ApiError(401, 'auth.missingToken', '缺少访问令牌：请在加载项设置中填写统计局发放的令牌（请求头 Authorization: Bearer <令牌>）。', 'Missing token: send Authorization: Bearer <token>.'));
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    const row = token?.startsWith(TOKEN_PREFIX) ? await findActiveToken(fastify.db, token) : undefined;
    if (!row) {
      return refuse(new ApiError(401, 'auth.invalidToken', '访问令牌无效或已被撤销：请向统计局管理员申请新的令牌。', 'The token is invalid or has been revoked.'));
    }
    request.auth = { tokenId: row.id, organisationId: row.organisation_id, role: row.role };
  });
});
