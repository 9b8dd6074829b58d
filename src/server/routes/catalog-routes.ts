import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PlanIdSchema } from '../../core/catalog/indicator-schema';
import { CatalogSummarySchema } from '../../contract/api';
import { errorResponses } from './error-responses';

/** GET /catalog: the catalog versions the server enforces; GET /catalog/:plan: a plan's whole catalog. */
export const catalogRoutes: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('/catalog', {
    schema: { summary: 'The catalog versions the server enforces, with each plan\'s indicator ids', response: { 200: CatalogSummarySchema, ...errorResponses() } },
  }, async () => ({
    plans: (['women', 'children'] as const).map((plan) => {
      const file = fastify.catalog.plans[plan];
      return { plan, title: file.title, titleEn: file.titleEn, catalogVersion: file.catalogVersion, indicatorCount: file.indicators.length, indicatorIds: file.indicators.map((indicator) => indicator.id) };
    }),
  }));

  fastify.get('/catalog/:plan', {
    schema: { summary: 'A plan\'s whole catalog (indicators, targets, sources), as in seeds/', params: z.object({ plan: PlanIdSchema }), response: { 200: z.record(z.string(), z.unknown()), ...errorResponses(400) } },
  }, async (request) => fastify.catalog.plans[request.params.plan] as unknown as Record<string, unknown>);
};
