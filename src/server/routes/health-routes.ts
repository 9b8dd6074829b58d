import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { ApiError } from '../errors';
import { errorResponses } from './error-responses';

/** GET /healthz: no token needed; answers 200 only when the database answers. */
export const healthRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/healthz', {
    config: { public: true },
    schema: { summary: 'Health check (no token): the server and its database', security: [], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgresql']) }), 503: errorResponses(503)[503] } },
  }, async () => checkHealth(fastify));
};

/** Answers when the database answers (also served at /healthz, outside the API prefix, for load balancers). */
export async function checkHealth(fastify: FastifyInstance): Promise<{ status: 'ok'; database: 'sqlite' | 'postgresql' }> {
  try {
    await sql`select 1`.execute(fastify.db);
  } catch (error) {
    fastify.log.error({ err: error }, 'health check: database does not answer');
    throw new ApiError(503, 'server.databaseDown', '数据库无响应，服务暂不可用。', 'The database does not answer.');
  }
  return { status: 'ok', database: fastify.dbKind };
}
