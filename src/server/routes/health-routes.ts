import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HealthReport } from '../services/server-health';
import { errorResponses } from './error-responses';

/** What /healthz answers when the database answers, can write, and the disk has room. */
export const HealthReportSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgresql']),
  storage: z.object({ writable: z.literal(true), freeBytes: z.number().optional().describe('Free space in DATA_DIR (SQLite).') }),
});

/** GET /healthz: no token needed; 200 only when the database answers and can write, else 503 saying why. */
export const healthRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/healthz', {
    config: { public: true },
    schema: { summary: 'Health check (no token): the server, its database and its storage', security: [], response: { 200: HealthReportSchema, 503: errorResponses(503)[503] } },
  }, async () => checkHealth(fastify));
};

/** Also served at /healthz, outside the API prefix, for load balancers. */
export function checkHealth(fastify: FastifyInstance): Promise<HealthReport> {
  return fastify.health.check();
}
