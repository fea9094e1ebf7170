import { z } from 'zod';
import { PACKAGE_VERSION } from '../paths.js';
import { ProcessedDocument } from '../record/index.js';
import { DeadlinesQuery, DocumentsQuery, PageQuery, SearchQuery } from './api-params.js';

type JsonSchema = Record<string, unknown>;

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'document id (sha256 hex) or a unique prefix of at least 4 hex digits',
  schema: { type: 'string', pattern: '^[0-9a-fA-F]{4,64}$' },
};

const error = { $ref: '#/components/schemas/Error' };
const json = (schema: JsonSchema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  '400': json(error, 'bad parameter'),
  '404': json(error, 'unknown id or route'),
};

const pageParameter = {
  name: 'page',
  in: 'path',
  required: true,
  description: '1-based page number',
  schema: { type: 'integer', minimum: 1 },
};

const writeResponses = {
  '400': json(error, 'bad input'),
  '401': json(error, 'missing or wrong bearer token'),
};

/** Routes of the web workspace that write: only with a token (imports also need an importer). */
function writePaths(imports: boolean): Record<string, JsonSchema> {
  const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });
  return {
    '/documents/{id}/corrections': {
      post: {
        summary:
          "a reviewer's acceptance or correction of a field value or a token (a layer over the machine output)",
        security: [{ bearer: [] }],
        parameters: [idParameter],
        requestBody: body({
          oneOf: [
            {
              type: 'object',
              required: ['target', 'path', 'action'],
              properties: {
                target: { const: 'field' },
                path: { type: 'string', examples: ['document.title', 'deadlines.0.action'] },
                action: { enum: ['accept', 'correct'] },
                value: { type: 'string' },
                reviewer: { type: 'string' },
              },
            },
            {
              type: 'object',
              required: ['target', 'page', 'line', 'column', 'original', 'action'],
              properties: {
                target: { const: 'token' },
                page: { type: 'integer' },
                line: { type: 'integer' },
                column: { type: 'integer' },
                original: { type: 'string' },
                action: { enum: ['accept', 'correct'] },
                value: { type: 'string' },
                reviewer: { type: 'string' },
              },
            },
          ],
        }),
        responses: { '201': json({ type: 'object' }, 'stored'), ...writeResponses, '404': json(error) },
      },
    },
    ...(imports
      ? {
          '/uploads': {
            post: {
              summary: 'upload one file for an import (raw body); `batch` groups files',
              security: [{ bearer: [] }],
              parameters: [
                { name: 'name', in: 'query', required: true, schema: { type: 'string' } },
                { name: 'batch', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } },
              ],
              requestBody: { required: true, content: { 'application/octet-stream': { schema: {} } } },
              responses: { '201': json({ type: 'object' }, 'stored'), ...writeResponses, '413': json(error) },
            },
          },
          '/imports': {
            post: {
              summary: 'start an import of server-side paths (under the import root) or of an upload batch',
              security: [{ bearer: [] }],
              requestBody: body({
                type: 'object',
                properties: {
                  paths: { type: 'array', items: { type: 'string' } },
                  upload: { type: 'string', format: 'uuid' },
                  force: { type: 'boolean' },
                },
              }),
              responses: { '202': json({ type: 'object' }, 'started'), ...writeResponses },
            },
            get: {
              summary: 'imports started since the server started',
              responses: { '200': json({ type: 'object' }) },
            },
          },
          '/imports/{id}': {
            get: {
              summary: 'progress of one import: documents and pages done, pages/min, failures with reasons',
              parameters: [
                { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
              ],
              responses: { '200': json({ type: 'object' }), ...errors },
            },
          },
        }
      : {}),
  };
}

/** The OpenAPI 3.1 description served at /openapi.json. */
export function openApiDocument(options: { writable: boolean; imports?: boolean }): JsonSchema {
  const paths: Record<string, JsonSchema> = {
    '/documents': {
      get: {
        summary: 'documents matching every given filter, newest first',
        parameters: queryParameters(DocumentsQuery),
        responses: { '200': json({ $ref: '#/components/schemas/DocumentPage' }), ...errors },
      },
      ...(options.writable
        ? {
            post: {
              summary: 'store a processed document (replaces one with the same id)',
              security: [{ bearer: [] }],
              requestBody: {
                required: true,
                content: { 'application/json': { schema: { type: 'object' } } },
              },
              responses: {
                '201': json({ type: 'object', properties: { id: { type: 'string' } } }, 'stored'),
                '400': json(error, 'not a valid ProcessedDocument'),
                '401': json(error, 'missing or wrong bearer token'),
                '413': json(error, 'body too large'),
              },
            },
          }
        : {}),
    },
    '/documents/{id}': {
      get: {
        summary: 'one document: record, sections with repaired text, restoration log, findings',
        parameters: [idParameter],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/documents/{id}/refs': {
      get: {
        summary: 'parents (documents it cites) and children (archived documents citing it)',
        parameters: [idParameter],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/search': {
      get: {
        summary: 'ranked full-text hits; accent-insensitive, exact accents rank first',
        parameters: queryParameters(SearchQuery),
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/refs/missing': {
      get: {
        summary: 'cited documents not in the archive, most cited first, with every citing text',
        parameters: queryParameters(PageQuery),
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/documents/{id}/pages': {
      get: {
        summary: 'every page: lines numbered as provenance numbers them, with boxes in page pixels',
        parameters: [idParameter],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/documents/{id}/pages/{page}/image': {
      get: {
        summary: 'the page rendered from the source file as PNG (cached on disk)',
        parameters: [idParameter, pageParameter],
        responses: { '200': { description: 'PNG', content: { 'image/png': {} } }, ...errors },
      },
    },
    '/documents/{id}/corrections': {
      get: {
        summary: "reviewers' corrections, oldest first",
        parameters: [idParameter],
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/deadlines': {
      get: {
        summary: 'deadlines in a range of days, annual ones once per year, soonest first',
        parameters: queryParameters(DeadlinesQuery),
        responses: { '200': json({ type: 'object' }), ...errors },
      },
    },
    '/overview': {
      get: {
        summary: 'documents by issuer and year, award forms',
        responses: { '200': json({ type: 'object' }) },
      },
    },
    '/health': { get: { summary: 'liveness', responses: { '200': json({ type: 'object' }) } } },
  };
  if (options.writable)
    for (const [path, methods] of Object.entries(writePaths(options.imports ?? false)))
      paths[path] = { ...paths[path], ...methods };
  return {
    openapi: '3.1.0',
    info: { title: 'vnplan archive API', version: PACKAGE_VERSION },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: { error: { type: 'string' }, message: { type: 'string' } },
          required: ['error', 'message'],
        },
        DocumentSummary: {
          type: 'object',
          properties: Object.fromEntries(
            ['id', 'number', 'type', 'issuer', 'issuedDate', 'title'].map((name) => [
              name,
              { type: name === 'id' ? 'string' : ['string', 'null'] },
            ]),
          ),
        },
        DocumentPage: {
          type: 'object',
          properties: {
            total: { type: 'integer' },
            limit: { type: 'integer' },
            offset: { type: 'integer' },
            items: { type: 'array', items: { $ref: '#/components/schemas/DocumentSummary' } },
          },
        },
        ...(options.writable
          ? { ProcessedDocument: z.toJSONSchema(ProcessedDocument, { io: 'input', unrepresentable: 'any' }) }
          : {}),
      },
    },
  };
}
