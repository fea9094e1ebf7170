import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { DeadlinesQuery, IdParams, NoQuery, PageNumberParams } from './api-params.js';
import { HttpProblem, parse, requireToken } from './http-problem.js';
import { PageImageUnavailable, PageImages } from './page-images.js';

/** What the workspace's document, review, deadline and overview views read (and the one thing they write). */
export function registerReviewRoutes(
  app: FastifyInstance,
  { store, token, cacheDir }: { store: Store; token: string; cacheDir: string },
): void {
  const images = new PageImages(store, cacheDir);

  app.get('/documents/:id/pages', async (request) => {
    parse(NoQuery, request.query);
    const { id } = parse(IdParams, request.params);
    const full = await store.resolveId(id);
    return { id: full, pages: await store.pages(full) };
  });

  app.get('/documents/:id/pages/:page/image', async (request, reply) => {
    parse(NoQuery, request.query);
    const { id, page } = parse(PageNumberParams, request.params);
    let file: string;
    try {
      file = await images.file(id, page);
    } catch (error) {
      if (error instanceof PageImageUnavailable) throw new HttpProblem(404, 'NO_PAGE_IMAGE', error.message);
      throw error;
    }
    return reply
      .type('image/png')
      .header('cache-control', 'private, max-age=3600')
      .send(createReadStream(file));
  });

  app.get('/documents/:id/corrections', async (request) => {
    parse(NoQuery, request.query);
    const { id } = parse(IdParams, request.params);
    return { items: (await store.getDocument(id)).corrections };
  });

  if (token)
    app.post('/documents/:id/corrections', async (request, reply) => {
      requireToken(request, token);
      parse(NoQuery, request.query);
      const { id } = parse(IdParams, request.params);
      return reply.code(201).send(await store.addCorrection(id, request.body));
    });

  app.get('/deadlines', async (request) => {
    const { from, to, limit = 500, offset = 0 } = parse(DeadlinesQuery, request.query);
    if (offset !== 0) throw new HttpProblem(400, 'VNPLAN_E_USAGE', 'offset: deadlines come in one page');
    if (from > to) throw new HttpProblem(400, 'VNPLAN_E_USAGE', 'from must not be after to');
    return { from, to, ...(await store.deadlines(from, to, { limit })) };
  });

  app.get('/overview', async (request) => {
    parse(NoQuery, request.query);
    return store.overview();
  });
}
