import { createReadStream, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './http-problem.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The web workspace: index.html at / and the bundle under /assets/ (file names carry a content hash, so
 * they may be cached for good). Views are addressed with #/… so they never clash with API routes.
 */
export function registerWebRoutes(app: FastifyInstance, webDir: string): void {
  app.get('/', async (_request, reply) => {
    const index = join(webDir, 'index.html');
    if (!existsSync(index))
      throw new HttpProblem(404, 'NOT_FOUND', 'the web workspace is not built: run `npm run build`');
    return reply.type(TYPES['.html']!).header('cache-control', 'no-cache').send(createReadStream(index));
  });

  app.get('/assets/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const type = TYPES[extname(file)];
    const path = join(webDir, 'assets', file);
    if (!/^[\w.-]+$/.test(file) || !type || !existsSync(path))
      throw new HttpProblem(404, 'NOT_FOUND', `no asset ${file}`);
    return reply
      .type(type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(createReadStream(path));
  });
}
