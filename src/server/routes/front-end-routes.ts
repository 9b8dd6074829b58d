import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../errors';
import { taskpaneHeaders, WEB_APP_HEADERS } from '../security-headers';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** webpack's content-hashed bundle names (taskpane.82c4c9b8.js) never change content: cache them for good. */
const HASHED = /\.[0-9a-f]{8,}\.(js|css)$/;

/** The built front ends and the manifest. */
export interface FrontEndFolders {
  /** dist/taskpane/: the Excel task pane, served from the root (taskpane.html, its scripts, office/, assets/). */
  readonly taskpaneDir: string;
  /** dist/web/: the web app, at / (index.html) with its files under /web/. */
  readonly webDir: string;
  readonly manifestFile: string;
  readonly frameAncestors: readonly string[];
}

/**
 * Serves the two front ends and the add-in manifest:
 * - `/` and `/web/<route>`: the web app's index.html (its routes live in the browser); `/web/<file>` its files;
 * - `/manifest.xml`; every other path: a file of the task pane (`/taskpane.html`, its scripts, `/office/…`,
 *   `/assets/…` — the URLs in manifest.xml).
 * Each with its own security headers (Office may frame the pane; nobody frames the web app). A small file
 * handler rather than @fastify/static (that one pulls in an ESM-only package the test runner cannot load).
 * A file is served only when its real path (symlinks resolved) is inside its folder.
 */
export const frontEndRoutes: FastifyPluginAsync<FrontEndFolders> = async (fastify, { taskpaneDir, webDir, manifestFile, frameAncestors }) => {
  const pane = folder(taskpaneDir);
  const web = folder(webDir);
  for (const built of [pane, web]) {
    if (!existsSync(built.root)) fastify.log.warn(`未找到前端构建结果 ${built.root}：请先运行 npm run build / not built yet`);
  }
  const paneHeaders = taskpaneHeaders(frameAncestors);

  fastify.get('/manifest.xml', { schema: { hide: true }, helmet: paneHeaders }, async (_request, reply) => sendFile(reply, resolve(manifestFile), 'no-cache'));

  const webIndex = async (_request: unknown, reply: FastifyReply) => sendFile(reply, resolve(web.root, 'index.html'), 'no-cache', '/');
  fastify.get('/', { schema: { hide: true }, helmet: WEB_APP_HEADERS }, webIndex);
  fastify.get('/web/*', { schema: { hide: true }, helmet: WEB_APP_HEADERS }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    // a route of the web app (no file extension) is its index.html; a file is served as it is
    if (!extname(path)) return webIndex(request, reply);
    return sendFile(reply, await inside(web, path, request.url), HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache', request.url);
  });

  fastify.get('/*', { schema: { hide: true }, helmet: paneHeaders }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      throw new ApiError(404, 'notFound', `没有这个地址：${request.method} ${request.url.split('?')[0]}`, `Not found: ${request.method} ${request.url.split('?')[0]}`);
    }
    // the router has decoded the path already; decoding again would misread (or throw on) a "%"
    const path = (request.params as { '*': string })['*'];
    const file = await inside(pane, path, request.url);
    return sendFile(reply, file, HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache', request.url);
  });

  async function sendFile(reply: FastifyReply, file: string, cacheControl: string, url = '/manifest.xml') {
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) throw notFound(url);
    return reply
      .type(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
      .header('cache-control', cacheControl)
      .header('content-length', stats.size)
      .header('last-modified', stats.mtime.toUTCString())
      .send(createReadStream(file));
  }
};

interface Folder {
  readonly root: string;
  /** The root with its symlinks resolved. */
  readonly real: string;
}

function folder(dir: string): Folder {
  const root = resolve(dir);
  return { root, real: existsSync(root) ? realpathSync(root) : root };
}

/** The real path of a file of the folder; 404 for anything outside it (../, encoded or not, or a symlink out). */
async function inside(base: Folder, path: string, url: string): Promise<string> {
  const file = resolve(base.root, path);
  if (!file.startsWith(base.root + sep)) throw notFound(url);
  const real = await realpath(file).catch(() => undefined);
  if (!real?.startsWith(base.real + sep)) throw notFound(url);
  return real;
}

function notFound(url: string): ApiError {
  return new ApiError(404, 'notFound', `没有这个文件：${url.split('?')[0]}（前端是否已用 npm run build 构建？）`, `Not found: ${url.split('?')[0]}`);
}
