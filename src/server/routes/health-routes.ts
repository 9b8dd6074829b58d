import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthReportSchema, type HealthReport } from '../../contract/api';
import { errorResponses } from './error-responses';

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
