import { z } from 'zod';
import { PACKAGE_VERSION } from '../paths.js';
import { ProcessedDocument } from '../record/index.js';
import { DocumentsQuery, PageQuery, SearchQuery } from './api-params.js';

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

/** The OpenAPI 3.1 description served at /openapi.json. */
export function openApiDocument(options: { writable: boolean }): JsonSchema {
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
    '/health': { get: { summary: 'liveness', responses: { '200': json({ type: 'object' }) } } },
  };
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
