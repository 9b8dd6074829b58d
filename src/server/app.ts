import type { Server } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifyUnderPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Catalog } from '../core/catalog/catalog';
import { JSON_BODY_LIMIT, type ServerConfig, type ServerLimits } from './config';
import { ApiError, databaseUnavailable, registerErrorHandling } from './errors';
import { authPlugin } from './plugins/auth-plugin';
import { deleteExpiredSessions } from './repositories/sessions';
import { accountAdminRoutes } from './routes/account-admin-routes';
import { sessionRoutes } from './routes/session-routes';
import { templateRoutes } from './routes/template-routes';
import { Accounts } from './services/accounts';
import { PasswordHasher, type ScryptCost } from './services/passwords';
import { dbPlugin } from './plugins/db-plugin';
import { catalogRoutes } from './routes/catalog-routes';
import { checkHealth, healthRoutes } from './routes/health-routes';
import { monitoringRoutes } from './routes/monitoring-routes';
import { organisationRoutes } from './routes/organisation-routes';
import { reportingGrantRoutes } from './routes/reporting-grant-routes';
import { reviewRoutes } from './routes/review-routes';
import { submissionRoutes } from './routes/submission-routes';
import { frontEndRoutes } from './routes/front-end-routes';
import { uploadRoutes } from './routes/upload-routes';
import { API_HEADERS } from './security-headers';
import { CatalogSource } from './services/catalog-source';
import { WorkbookIntake } from './services/workbook-intake';

declare module 'fastify' {
  interface FastifyInstance {
    /** The catalog the server enforces: the plans of seeds/ with the organisations of its database. */
    readonly catalog: Catalog;
    /** The server's limits (timeouts, quotas, pools). */
    limits: ServerLimits;
    /** Reads uploaded workbooks in bounded worker threads. */
    workbookIntake: WorkbookIntake;
  }
}

/** The API's base path. */
export const API_PREFIX = '/api/v1';

/** What building the app needs besides the configuration. */
export interface AppOptions {
  /** Fastify's logger option (pino); tests pass false. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly https?: { cert: Buffer; key: Buffer } | null;
  /** The clock of the accounts (session expiry, lockout); tests move it. */
  readonly now?: () => Date;
  /** The scrypt cost of new password hashes; tests lower it (the default is OWASP's, services/passwords.ts). */
  readonly passwordCost?: ScryptCost;
}

/** How often sessions past their expiry are deleted (they are refused anyway). */
const SESSION_SWEEP_MS = 60 * 60 * 1000;

/** How often Node checks the headers and request timeouts of open connections (its default is 30 s). */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/**
 * Builds the server: timeouts and connection limits, security headers, external plugins (back-pressure,
 * CORS, rate limit, OpenAPI), then the app's (database, auth), then the routes. It does not listen:
 * server.ts does.
 */
export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<FastifyInstance> {
  const { limits } = config;
  // Node's own slow-client defences: headers within headersTimeout, the whole request within requestTimeout
  const timeouts = { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS };
  const base = {
    logger: withoutSecrets(options.logger ?? { level: config.logLevel }),
    bodyLimit: JSON_BODY_LIMIT,
    // behind a reverse proxy the client's address is in X-Forwarded-For, as the trusted proxy appended it
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // a socket that sends nothing for this long is closed, whatever it is doing
    connectionTimeout: Math.max(limits.requestTimeoutMs, limits.handlerTimeoutMs) + 5000,
    handlerTimeout: limits.handlerTimeoutMs,
  };
  const app = (
    options.https ? Fastify({ ...base, https: { ...options.https, ...timeouts } }) : Fastify({ ...base, http: timeouts })
  ) as unknown as FastifyInstance;
  limitConnections(app.server, limits);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.decorate('limits', limits);
  const intake = new WorkbookIntake({ workers: limits.uploadWorkers, queue: limits.uploadQueue, timeoutMs: limits.uploadTimeoutMs, heapMb: limits.uploadWorkerHeapMb });
  app.decorate('workbookIntake', intake);
  app.addHook('onClose', async () => intake.close());

  await app.register(fastifyHelmet, API_HEADERS);
  // the web app's session cookie (parsed on every request; nothing is signed: the value is a random secret)
  await app.register(fastifyCookie);
  if (config.tls.kind === 'https' || config.trustProxy !== false) {
    // HSTS where browsers reach the server over HTTPS, but not for localhost (it would stick to every local port)
    app.addHook('onRequest', async (request, reply) => {
      if (!/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(request.hostname.replace(/:\d+$/, ''))) reply.header('strict-transport-security', 'max-age=15552000');
    });
  }
  await app.register(dbPlugin, {
    location: config,
    timeouts: { statementMs: limits.databaseTimeoutMs, connectMs: limits.databaseTimeoutMs },
    maxPendingWrites: limits.maxPendingWrites,
    minFreeDiskBytes: limits.minFreeDiskBytes,
  });
  // the plans of seeds/ with the organisations the database owns (an `org add` shows within seconds)
  const catalogs = await CatalogSource.open(app.db);
  app.decorate('catalog', { getter: () => catalogs.current });
  const accounts = new Accounts(app.db, config.accounts, new PasswordHasher({ concurrency: config.accounts.hashConcurrency, queue: config.accounts.hashQueue }, options.passwordCost), options.now);
  const sweep = setInterval(() => void deleteExpiredSessions(app.db, accounts.now()).catch(() => undefined), SESSION_SWEEP_MS);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  // back-pressure: a blocked event loop or a database that stopped answering → 503 + Retry-After at once
  await app.register(fastifyUnderPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    healthCheck: async () => app.health.databaseAnswers(),
    healthCheckInterval: 2000,
    pressureHandler: async (_request, _reply, type) => {
      throw type === fastifyUnderPressure.TYPE_HEALTH_CHECK
        ? databaseUnavailable()
        : new ApiError(503, 'server.overloaded', '服务器负载过高，请稍后重试（加载项会自动重试）。', 'The server is overloaded; retry later.', { type }, 5);
    },
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: '新平妇女儿童发展规划监测填报 · shared endpoint',
        description: 'Submissions of the annual monitoring of the Xinping women\'s and children\'s plans. Every error is {error: {code, message (zh-CN), messageEn, details?}}; 503, 507 and 429 carry Retry-After.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A token from `indicators token create` (xpm_…).' },
          session: { type: 'apiKey', in: 'cookie', name: 'xpm_session', description: 'The web app\'s session (POST /session); POST, PUT and DELETE also need the header x-csrf-token.' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCors, {
    origin: [...config.allowedOrigins],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
    exposedHeaders: ['Idempotent-Replayed', 'Location', 'Retry-After'],
    maxAge: 600,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // after the auth hook (the limit is per token; per address without a valid one) and before the body is
    // parsed: a request whose body is malformed or too large counts too
    hook: 'preParsing',
    keyGenerator: (request) => (request.auth ? `token:${request.auth.tokenId}` : `ip:${request.ip}`),
    allowList: (request) => !request.url.startsWith(`${API_PREFIX}/`) || request.url.startsWith(`${API_PREFIX}/healthz`) || request.url.startsWith(`${API_PREFIX}/openapi.json`),
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'request.rateLimited', `请求过于频繁：每个令牌每分钟最多 ${context.max} 次，请 ${Math.ceil(context.ttl / 1000)} 秒后再试。`, `Too many requests: at most ${context.max} per minute per token; retry in ${Math.ceil(context.ttl / 1000)} s.`, undefined, Math.ceil(context.ttl / 1000)),
  });

  await app.register(
    async (api) => {
      // only JSON here (and .xlsx/multipart in the upload scope): text/plain bodies are refused with 415
      api.removeContentTypeParser('text/plain');
      api.addHook('onRequest', async () => catalogs.refreshIfStale());
      await api.register(authPlugin, { authFailuresPerMinute: limits.authFailuresPerMinute, accounts, allowedOrigins: config.allowedOrigins });
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await typed.register(healthRoutes);
      await typed.register(catalogRoutes);
      await typed.register(organisationRoutes);
      await typed.register(submissionRoutes);
      await typed.register(reviewRoutes);
      await typed.register(uploadRoutes);
      await typed.register(reportingGrantRoutes);
      await typed.register(monitoringRoutes, { evaluation: { basicallyMetRatio: config.basicallyMetRatio } });
      await typed.register(sessionRoutes, { accounts });
      await typed.register(accountAdminRoutes, { accounts, refreshCatalog: () => catalogs.refresh() });
      await typed.register(templateRoutes);
    },
    { prefix: API_PREFIX },
  );
  app.get('/healthz', { schema: { hide: true } }, async () => checkHealth(app));
  await app.register(frontEndRoutes, { taskpaneDir: config.taskpaneDir, webDir: config.webDir, manifestFile: config.manifestFile, frameAncestors: config.frameAncestors });
  return app;
}

/**
 * Connections: at most `maxConnections` in all (below the process's open-file limit, so a flood is refused
 * connection by connection rather than leaving the server unable to accept anything), and at most
 * `connectionsPerAddress` from one address (a slowloris from one machine cannot take the rest; behind a
 * reverse proxy this is off and the proxy limits per client).
 */
function limitConnections(server: Server, limits: ServerLimits): void {
  server.maxConnections = limits.maxConnections;
  if (limits.connectionsPerAddress <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.connectionsPerAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/**
 * The logger with nothing secret in it: the Authorization header is redacted wherever it appears, and a
 * request is logged by its path without the query string (a token pasted into a URL stays out of the log).
 */
function withoutSecrets(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger || typeof logger !== 'object') return logger;
  return {
    ...logger,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', '*.authorization', 'token', 'req.headers.cookie', 'headers.cookie', '*.cookie', 'password', '*.password'], censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({ method: request.method, path: request.url.split('?')[0], hostname: request.hostname, remoteAddress: request.ip }),
    },
  };
}
