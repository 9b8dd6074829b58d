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
 */
export const authPlugin = sharedPlugin('auth', async (fastify) => {
  fastify.decorateRequest('auth', null);
  fastify.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const header = request.headers.authorization;
    if (!header) {
      throw new ApiError(401, 'auth.missingToken', '缺少访问令牌：请在加载项设置中填写统计局发放的令牌（请求头 Authorization: Bearer <令牌>）。', 'Missing token: send Authorization: Bearer <token>.');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    const row = token?.startsWith(TOKEN_PREFIX) ? await findActiveToken(fastify.db, token) : undefined;
    if (!row) {
      throw new ApiError(401, 'auth.invalidToken', '访问令牌无效或已被撤销：请向统计局管理员申请新的令牌。', 'The token is invalid or has been revoked.');
    }
    request.auth = { tokenId: row.id, organisationId: row.organisation_id, role: row.role };
  });
});
