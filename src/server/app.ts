import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Catalog } from '../core/catalog/catalog';
import { seedCatalog } from '../seed-catalog';
import { JSON_BODY_LIMIT, type ServerConfig } from './config';
import { ApiError, registerErrorHandling } from './errors';
import { authPlugin } from './plugins/auth-plugin';
import { dbPlugin } from './plugins/db-plugin';
import { catalogRoutes } from './routes/catalog-routes';
import { checkHealth, healthRoutes } from './routes/health-routes';
import { organisationRoutes } from './routes/organisation-routes';
import { reviewRoutes } from './routes/review-routes';
import { submissionRoutes } from './routes/submission-routes';
import { taskpaneRoutes } from './routes/taskpane-routes';
import { uploadRoutes } from './routes/upload-routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** The catalog the server enforces (seeds/). */
    catalog: Catalog;
  }
}

/** The API's base path. */
export const API_PREFIX = '/api/v1';

/** What building the app needs besides the configuration. */
export interface AppOptions {
  /** Fastify's logger option (pino); tests pass false. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly https?: { cert: Buffer; key: Buffer } | null;
}

/**
 * Builds the server: external plugins (CORS, rate limit, OpenAPI), then the app's (database, auth), then the
 * routes. It does not listen: server.ts does, and tests call `app.inject()`.
 */
export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<FastifyInstance> {
  const base = {
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: JSON_BODY_LIMIT,
    // behind a reverse proxy the client's address is in X-Forwarded-For
    trustProxy: config.tls.kind === 'http' && config.tls.reason === 'disabled',
    return503OnClosing: true,
  };
  const app = (options.https ? Fastify({ ...base, https: options.https }) : Fastify(base)) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.decorate('catalog', seedCatalog());

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '新平妇女儿童发展规划监测填报 · shared endpoint',
        description: 'Submissions of the annual monitoring of the Xinping women\'s and children\'s plans. Every error is {error: {code, message (zh-CN), messageEn, details?}}.',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `indicators token create` (xpm_…).' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCors, {
    origin: [...config.allowedOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Idempotent-Replayed', 'Location', 'Retry-After'],
    maxAge: 600,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // after the auth hook, so the limit is per token (the address only for requests without a valid one)
    hook: 'preHandler',
    keyGenerator: (request) => (request.auth ? `token:${request.auth.tokenId}` : `ip:${request.ip}`),
    allowList: (request) => !request.url.startsWith(`${API_PREFIX}/`) || request.url.startsWith(`${API_PREFIX}/healthz`) || request.url.startsWith(`${API_PREFIX}/openapi.json`),
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'request.rateLimited', `请求过于频繁：每个令牌每分钟最多 ${context.max} 次，请 ${Math.ceil(context.ttl / 1000)} 秒后再试。`, `Too many requests: at most ${context.max} per minute per token; retry in ${Math.ceil(context.ttl / 1000)} s.`),
  });
  await app.register(dbPlugin, { location: config });

  await app.register(
    async (api) => {
      // only JSON here (and .xlsx/multipart in the upload scope): text/plain bodies are refused with 415
      api.removeContentTypeParser('text/plain');
      await api.register(authPlugin);
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await typed.register(healthRoutes);
      await typed.register(catalogRoutes);
      await typed.register(organisationRoutes);
      await typed.register(submissionRoutes);
      await typed.register(reviewRoutes);
      await typed.register(uploadRoutes);
    },
    { prefix: API_PREFIX },
  );
  app.get('/healthz', { schema: { hide: true } }, async () => checkHealth(app));
  await app.register(taskpaneRoutes, { taskpaneDir: config.taskpaneDir, manifestFile: config.manifestFile });
  return app;
}
