import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../errors';
import { taskpaneHeaders } from '../security-headers';

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

/**
 * Serves the built task pane (dist/taskpane/) at / (taskpane.html as the index) and the add-in manifest at
 * /manifest.xml, with the pane's security headers (Office may frame it; see security-headers.ts). A small
 * file handler rather than @fastify/static: that one pulls in an ESM-only package the test runner cannot
 * load, and the task pane needs nothing beyond files, types and caching. A file is served only when its
 * real path (symlinks resolved) is inside the folder.
 */
export const taskpaneRoutes: FastifyPluginAsync<{ taskpaneDir: string; manifestFile: string; frameAncestors: readonly string[] }> = async (fastify, { taskpaneDir, manifestFile, frameAncestors }) => {
  const root = resolve(taskpaneDir);
  if (!existsSync(root)) fastify.log.warn(`未找到任务窗格构建结果 ${root}：请先运行 npm run build / the task pane is not built`);
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  const helmet = taskpaneHeaders(frameAncestors);

  fastify.get('/manifest.xml', { schema: { hide: true }, helmet }, async (_request, reply) => sendFile(reply, resolve(manifestFile), 'no-cache'));

  fastify.get('/*', { schema: { hide: true }, helmet }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      throw new ApiError(404, 'notFound', `没有这个地址：${request.method} ${request.url.split('?')[0]}`, `Not found: ${request.method} ${request.url.split('?')[0]}`);
    }
    // the router has decoded the path already; decoding again would misread (or throw on) a "%"
    const path = (request.params as { '*': string })['*'] || 'taskpane.html';
    const file = resolve(root, path);
    // never outside dist/taskpane/ (../, encoded or not) …
    if (!file.startsWith(root + sep)) throw notFound(request.url);
    // … nor through a symlink placed in it
    const real = await realpath(file).catch(() => undefined);
    if (!real?.startsWith(realRoot + sep)) throw notFound(request.url);
    return sendFile(reply, real, HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache', request.url);
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

function notFound(url: string): ApiError {
  return new ApiError(404, 'notFound', `没有这个文件：${url.split('?')[0]}（任务窗格是否已用 npm run build 构建？）`, `Not found: ${url.split('?')[0]}`);
}
