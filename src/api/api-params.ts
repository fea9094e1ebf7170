import { z } from 'zod';
import { MAX_PAGE } from '../store/index.js';

const text = z.string().trim().min(1).max(200);
const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY-MM-DD, YYYY-MM or YYYY');
const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const PageParams = {
  /** @defaultValue 50 */
  limit: count(1, MAX_PAGE).optional(),
  /** @defaultValue 0 */
  offset: count(0, 10_000_000).optional(),
};

/** GET /documents: the filters of `vnplan query`, camelCase; unknown parameters are refused. */
export const DocumentsQuery = z
  .object({
    type: text.optional(),
    issuer: text.optional(),
    symbol: text.optional(),
    number: text.optional(),
    issuedFrom: date.optional(),
    issuedTo: date.optional(),
    deadlineFrom: date.optional(),
    deadlineTo: date.optional(),
    award: text.optional(),
    cites: text.optional(),
    periodYear: count(1000, 9999).optional(),
    missingParents: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    sort: z.enum(['issued', 'number', 'type', 'issuer', 'title']).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    ...PageParams,
  })
  .strict();

export const SearchQuery = z.object({ q: text, ...PageParams }).strict();
export const PageQuery = z.object(PageParams).strict();
export const NoQuery = z.object({}).strict();
export const IdParams = z.object({
  id: z.string().regex(/^[0-9a-fA-F]{4,64}$/, 'expected a document id (hex)'),
});

export const PageNumberParams = IdParams.extend({ page: count(1, 100_000) });

/** GET /deadlines: a range of days, both ends required. */
export const DeadlinesQuery = z.object({ from: date, to: date, ...PageParams }).strict();

/** POST /imports: server-side files or folders, or a folder of uploaded files. */
export const ImportBody = z
  .object({
    paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).optional(),
    upload: z.string().uuid().optional(),
    force: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Boolean(body.paths) !== Boolean(body.upload), {
    message: 'give either paths or upload',
  });

/** POST /uploads: one file's name; `batch` puts it beside earlier uploads. */
export const UploadQuery = z
  .object({ name: z.string().trim().min(1).max(255), batch: z.string().uuid().optional() })
  .strict();
export const ImportIdParams = z.object({ id: z.string().uuid() });

/** "issuedFrom: expected …" — the first problem, for a 400 message. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  if (issue.code === 'unrecognized_keys')
    return `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
