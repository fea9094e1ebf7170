import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { asVnplanError, VnplanError, type ErrorCode } from '../errors/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import type { ProcessedDocument } from '../record/index.js';
import type { Store } from '../store/index.js';
import { DocumentsQuery, IdParams, NoQuery, PageQuery, SearchQuery } from './api-params.js';
import { HttpProblem, parse, requireToken } from './http-problem.js';
import { registerImportRoutes } from './import-routes.js';
import type { ImportStarter } from './import-jobs.js';
import { openApiDocument } from './openapi.js';
import { registerReviewRoutes } from './review-routes.js';
import { registerWebRoutes } from './web-routes.js';

export interface ApiOptions {
  /**
   * Bearer token that enables the write endpoint (POST /documents); without one the API is read-only.
   * @defaultValue process.env.VNPLAN_API_TOKEN
   */
  token?: string;
  /**
   * Largest request body accepted, in bytes.
   * @defaultValue 8 MiB
   */
  bodyLimit?: number;
  /**
   * Folder for rendered page images and uploaded files.
   * @defaultValue ./vnplan.cache
   */
  cacheDir?: string;
  /**
   * Imports started over HTTP may read only files under this folder (uploads are always allowed).
   * @defaultValue the working folder
   */
  importRoot?: string;
  /** Runs imports started over HTTP; without one (or without a token) the import routes are absent. */
  importer?: ImportStarter;
  /**
   * Largest uploaded file, in bytes.
   * @defaultValue 200 MiB
   */
  uploadLimit?: number;
  /**
   * The built web workspace (index.html and assets/).
   * @defaultValue web/dist in the package
   */
  webDir?: string;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VNPLAN_E_USAGE: 400,
  VNPLAN_E_RECORD_INVALID: 400,
  VNPLAN_E_DOCUMENT_AMBIGUOUS: 400,
  VNPLAN_E_DOCUMENT_NOT_FOUND: 404,
  VNPLAN_E_DB_UNAVAILABLE: 503,
};

/** The HTTP JSON API over a store: the queries of the CLI, paginated, with an OpenAPI description. */
export function buildApi(store: Store, options: ApiOptions = {}): FastifyInstance {
  const token = options.token ?? process.env.VNPLAN_API_TOKEN ?? '';
  const writable = token.length > 0;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
    return503OnClosing: true,
  });

  app.setErrorHandler((error: unknown, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpProblem)
      return reply.code(error.statusCode).send({ error: error.error, message: error.message });
    const fastifyError = error as { statusCode?: number; code?: string; message?: string };
    if (!(error instanceof VnplanError) && fastifyError.statusCode && fastifyError.statusCode < 500)
      return reply
        .code(fastifyError.statusCode)
        .send({ error: fastifyError.code ?? 'BAD_REQUEST', message: fastifyError.message ?? 'bad request' });
    const failure = asVnplanError(error);
    const status = STATUS[failure.code] ?? 500;
    // A 500 says only that something broke; the detail stays on the server.
    const message = status === 500 ? 'internal error' : failure.message;
    return reply.code(status).send({ error: failure.code, message });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  app.get('/health', async () => ({ ok: true, backend: store.backend, writable }));
  app.get('/openapi.json', async (request) => {
    parse(NoQuery, request.query);
    return openApiDocument({ writable, imports: Boolean(options.importer) });
  });

  app.get('/documents', async (request) => {
    const { limit = 50, offset = 0, sort, order, ...filters } = parse(DocumentsQuery, request.query);
    const descending = order === undefined ? undefined : order === 'desc';
    const result = await store.query(filters, { limit, offset }, { sort, descending });
    return { total: result.total, limit, offset, items: result.rows };
  });

  app.get('/documents/:id', async (request) => {
    parse(NoQuery, request.query);
    const { id } = parse(IdParams, request.params);
    return store.getDocument(id);
  });

  app.get('/documents/:id/refs', async (request) => {
    parse(NoQuery, request.query);
    const { id } = parse(IdParams, request.params);
    return store.refs(id);
  });

  app.get('/search', async (request) => {
    const { q, limit = 20, offset = 0 } = parse(SearchQuery, request.query);
    const result = await store.search(q, { limit, offset });
    return { total: result.total, limit, offset, items: result.hits };
  });

  app.get('/refs/missing', async (request) => {
    const { limit = 100, offset = 0 } = parse(PageQuery, request.query);
    return { limit, offset, items: await store.missingParents({ limit, offset }) };
  });

  if (writable) {
    app.post('/documents', async (request, reply) => {
      requireToken(request, token);
      parse(NoQuery, request.query);
      await store.putDocument(request.body as ProcessedDocument);
      const id = (request.body as ProcessedDocument).record.id;
      return reply.code(201).send({ id });
    });
  }
  const cacheDir = resolve(options.cacheDir ?? 'vnplan.cache');
  registerReviewRoutes(app, { store, token, cacheDir });
  if (writable && options.importer)
    registerImportRoutes(app, {
      token,
      cacheDir,
      importRoot: resolve(options.importRoot ?? '.'),
      importer: options.importer,
      uploadLimit: options.uploadLimit ?? 200 * 1024 * 1024,
    });
  registerWebRoutes(app, options.webDir ?? resolve(PACKAGE_ROOT, 'web', 'dist'));
  return app;
}
