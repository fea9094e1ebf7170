import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { asVnplanError, VnplanError, type ErrorCode } from '../errors/index.js';
import type { ProcessedDocument } from '../record/index.js';
import type { Store } from '../store/index.js';
import { describeIssue, DocumentsQuery, IdParams, NoQuery, PageQuery, SearchQuery } from './api-params.js';
import { openApiDocument } from './openapi.js';

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
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VNPLAN_E_USAGE: 400,
  VNPLAN_E_RECORD_INVALID: 400,
  VNPLAN_E_DOCUMENT_AMBIGUOUS: 400,
  VNPLAN_E_DOCUMENT_NOT_FOUND: 404,
  VNPLAN_E_DB_UNAVAILABLE: 503,
};

class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new HttpProblem(400, 'VNPLAN_E_USAGE', describeIssue(result.error));
  return result.data;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return (
    header !== undefined &&
    /^Bearer\s+/i.test(header) &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  );
}

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

  app.get('/health', async () => ({ ok: true, backend: store.backend }));
  app.get('/openapi.json', async (request) => {
    parse(NoQuery, request.query);
    return openApiDocument({ writable });
  });

  app.get('/documents', async (request) => {
    const { limit = 50, offset = 0, ...filters } = parse(DocumentsQuery, request.query);
    const result = await store.query(filters, { limit, offset });
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
      if (!tokenMatches(request.headers.authorization, token))
        throw new HttpProblem(401, 'UNAUTHORIZED', 'a valid bearer token is required to write');
      parse(NoQuery, request.query);
      await store.putDocument(request.body as ProcessedDocument);
      const id = (request.body as ProcessedDocument).record.id;
      return reply.code(201).send({ id });
    });
  }
  return app;
}
