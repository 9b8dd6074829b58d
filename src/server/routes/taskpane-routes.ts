import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../errors';

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
 * /manifest.xml. A small file handler rather than @fastify/static: that one pulls in an ESM-only package
 * the test runner cannot load, and the task pane needs nothing beyond files, types and caching.
 */
export const taskpaneRoutes: FastifyPluginAsync<{ taskpaneDir: string; manifestFile: string }> = async (fastify, { taskpaneDir, manifestFile }) => {
  const root = resolve(taskpaneDir);
  if (!existsSync(root)) fastify.log.warn(`未找到任务窗格构建结果 ${root}：请先运行 npm run build / the task pane is not built`);

  fastify.get('/manifest.xml', { schema: { hide: true } }, async (_request, reply) => sendFile(reply, resolve(manifestFile), 'no-cache'));

  fastify.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      throw new ApiError(404, 'notFound', `没有这个地址：${request.method} ${request.url.split('?')[0]}`, `Not found: ${request.method} ${request.url.split('?')[0]}`);
    }
    // the router has decoded the path already; decoding again would misread (or throw on) a "%"
    const path = (request.params as { '*': string })['*'] || 'taskpane.html';
    const file = resolve(root, path);
    // never outside dist/taskpane/ (../, encoded or not)
    if (!file.startsWith(root + sep)) throw notFound(request.url);
    return sendFile(reply, file, HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache', request.url);
  });

  function sendFile(reply: FastifyReply, file: string, cacheControl: string, url = '/manifest.xml') {
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (!stat?.isFile()) throw notFound(url);
    return reply
      .type(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
      .header('cache-control', cacheControl)
      .header('content-length', stat.size)
      .header('last-modified', stat.mtime.toUTCString())
      .send(createReadStream(file));
  }
};

function notFound(url: string): ApiError {
  return new ApiError(404, 'notFound', `没有这个文件：${url.split('?')[0]}（任务窗格是否已用 npm run build 构建？）`, `Not found: ${url.split('?')[0]}`);
}

