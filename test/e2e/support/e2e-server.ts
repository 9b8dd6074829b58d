/**
 * The shared endpoint for the end-to-end test: the real app (buildApp, as server.ts builds it) on SQLite in a
 * fresh temp folder, serving the production task pane built into dist/e2e/taskpane, on loopback. It can be
 * stopped and started again on the same port and the same database (the server-down scenario): the pane
 * keeps its origin, and what was stored before is still there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../src/contract/submission-document';
import { buildApp } from '../../../src/server/app';
import { loadConfig, type ServerConfig } from '../../../src/server/config';
import { createToken } from '../../../src/server/repositories/tokens';
import { send, type RequestOptions, type TestResponse } from '../../server/helpers/test-app';

export class E2EServer {
  private app: FastifyInstance | undefined;
  private port = 0;

  private constructor(
    readonly dataDir: string,
    private readonly taskpaneDir: string,
  ) {}

  /** Starts the app on a free loopback port with an empty SQLite database in a temp folder. */
  static async start(taskpaneDir: string): Promise<E2EServer> {
    const server = new E2EServer(mkdtempSync(join(tmpdir(), 'xpm-e2e-')), taskpaneDir);
    await server.up();
    return server;
  }

  /** http://127.0.0.1:<port>: the pane's origin and the API's. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.app !== undefined;
  }

  private config(): ServerConfig {
    const config = loadConfig(
      { HTTPS: '0', DATA_DIR: this.dataDir, PORT: String(this.port), RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'warn' },
      { home: this.dataDir, cwd: this.dataDir },
    );
    return { ...config, host: '127.0.0.1', taskpaneDir: this.taskpaneDir };
  }

  /** Starts the app (again): the first time on a free port, afterwards on the same port and database. */
  async up(): Promise<void> {
    if (this.app) return;
    const config = this.config();
    const app = await buildApp(config, { logger: false });
    try {
      await app.listen({ port: this.port, host: config.host });
    } catch (error) {
      await app.close();
      throw new Error(`the e2e server could not listen on ${config.host}:${this.port} again: ${(error as Error).message}`);
    }
    this.port = (app.server.address() as AddressInfo).port;
    this.app = app;
  }

  /** Stops the app: connections are refused until `up()`, as when the endpoint is down. */
  async down(): Promise<void> {
    const app = this.app;
    if (!app) return;
    this.app = undefined;
    await app.close();
    // keep-alive connections from the browser must not keep answering
    app.server.closeAllConnections();
  }

  /** A new API token for an organisation (the app must be running). */
  async token(organisationId: string, role: Role = 'reporter'): Promise<string> {
    if (!this.app) throw new Error('the e2e server is down: start it before making tokens');
    return (await createToken(this.app.db, { organisationId, role, label: 'e2e' })).token;
  }

  /** Calls the running API over loopback HTTP. */
  request(token: string | undefined, options: RequestOptions): Promise<TestResponse> {
    return send(this.origin, { ...options, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.headers ?? {}) } });
  }

  /** Stops the app and deletes the database folder. */
  async dispose(): Promise<void> {
    await this.down();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
