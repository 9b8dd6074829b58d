import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ConfigError, devCertificatePaths, loadConfig, type ServerConfig } from './config';
import { describeLocation } from './db/connect';
import { countActiveAdmins } from './repositories/users';

/**
 * Starts the shared endpoint: reads the environment, builds the app, listens, prints the URLs, and on
 * SIGTERM/SIGINT stops taking connections, lets in-flight requests finish and closes the database.
 */
export async function startServer(config: ServerConfig = loadConfig()): Promise<FastifyInstance> {
  const app = await buildApp(config, { https: config.tls.kind === 'https' ? { cert: config.tls.cert, key: config.tls.key } : null });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const origin = `${config.tls.kind === 'https' ? 'https' : 'http'}://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  const lines = [
    `新平监测填报服务已启动 / Xinping monitoring endpoint is running`,
    `  网页 Web app:         ${origin}/`,
    `  任务窗格 Task pane:   ${origin}/taskpane.html`,
    `  加载项清单 Manifest:  ${origin}/manifest.xml`,
    `  接口 API:             ${origin}/api/v1   (OpenAPI: ${origin}/api/v1/openapi.json)`,
    `  健康检查 Health:      ${origin}/healthz`,
    `  数据库 Database:      ${describeLocation(config)}`,
  ];
  if (config.tls.kind === 'http' && config.tls.reason === 'noCertificate') {
    const dev = devCertificatePaths();
    lines.push(
      '',
      '  警告：未找到 HTTPS 证书，服务以 HTTP 运行。Excel 加载项要求 HTTPS：',
      `        开发环境运行 npx office-addin-dev-certs install（生成 ${dev.cert}）后重启；`,
      '        生产环境请在反向代理（nginx）上配置 HTTPS 并以 HTTPS=0 启动，或设置 TLS_CERT/TLS_KEY。',
      '  Warning: no HTTPS certificate found, serving plain HTTP. Excel add-ins need HTTPS:',
      '        for development run `npx office-addin-dev-certs install` and restart;',
      '        in production terminate TLS at a reverse proxy (HTTPS=0) or set TLS_CERT/TLS_KEY.',
    );
  }
  lines.push(...(await firstAdminHint(app)));
  process.stdout.write(`${lines.join('\n')}\n`);
  closeGracefully(app);
  return app;
}

/** While no admin can sign in to the web app, how to make the first one (the bureau's 统计局 is tjj in seeds/organisations.json). */
export async function firstAdminHint(app: FastifyInstance): Promise<string[]> {
  if ((await countActiveAdmins(app.db)) > 0) return [];
  app.log.warn('no active admin user: create one with `npm run -s cli -- user add --login admin --org tjj --role admin`');
  return [
    '',
    '  还没有管理员账户：网页登录前，请先在服务器上创建第一位管理员（初始密码只显示一次，首次登录后须修改）：',
    '        npm run -s cli -- user add --login admin --org tjj --role admin --name 统计局管理员',
    '        （使用与服务相同的 DATA_DIR / DATABASE_URL；自己设定密码：加 --password-stdin 并从标准输入提供）',
    '  No admin user yet: before anyone can sign in to the web app, create the first admin on this machine',
    '        (same DATA_DIR / DATABASE_URL as the service): npm run -s cli -- user add --login admin --org tjj --role admin',
  ];
}

function closeGracefully(app: FastifyInstance): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing: finishing in-flight requests');
    // a stuck request must not keep the process alive forever
    const timer = setTimeout(() => {
      app.log.error('requests still running after 10 s: exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  startServer().catch((error: unknown) => {
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`服务无法启动 / The server could not start: ${message}\n`);
    process.exit(1);
  });
}
