import { randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ImportBody, ImportIdParams, NoQuery, UploadQuery } from './api-params.js';
import { HttpProblem, parse, requireToken } from './http-problem.js';
import { ImportJobs, type ImportStarter } from './import-jobs.js';

interface ImportRouteOptions {
  token: string;
  cacheDir: string;
  importRoot: string;
  importer: ImportStarter;
  uploadLimit: number;
}

/** A file name safe to write in the uploads folder: no folders, no leading dot, no control characters. */
export function safeFileName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._ ()-]/gu, '_');
  return base.replace(/^\.+/, '_') || 'upload';
}

const inside = (root: string, path: string): boolean => path === root || path.startsWith(`${root}${sep}`);

/** Imports started from the workspace: uploads, a start endpoint and a progress endpoint. */
export function registerImportRoutes(app: FastifyInstance, options: ImportRouteOptions): void {
  const jobs = new ImportJobs(options.importer);
  const uploadsDir = join(options.cacheDir, 'uploads');
  const root = existsSync(options.importRoot) ? realpathSync(options.importRoot) : options.importRoot;
  app.addHook('onClose', () => jobs.drain());

  /** Server-side paths, each inside the import root or the uploads (symbolic links followed before the check). */
  const allowedPaths = (paths: readonly string[]): string[] =>
    paths.map((given) => {
      const path = resolve(root, given);
      const real = existsSync(path) ? realpathSync(path) : path;
      const uploads = existsSync(uploadsDir) ? realpathSync(uploadsDir) : uploadsDir;
      if (!inside(root, real) && !inside(uploads, real))
        throw new HttpProblem(
          400,
          'VNPLAN_E_USAGE',
          `${given} is outside the folder imports may read (${root})`,
        );
      return path;
    });

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: options.uploadLimit },
    (_request, body, done) => done(null, body),
  );

  app.post('/uploads', async (request, reply) => {
    requireToken(request, options.token);
    const { name, batch = randomUUID() } = parse(UploadQuery, request.query);
    if (!Buffer.isBuffer(request.body) || request.body.length === 0)
      throw new HttpProblem(
        400,
        'VNPLAN_E_USAGE',
        'send the file as the body, Content-Type application/octet-stream',
      );
    const dir = join(uploadsDir, batch);
    await mkdir(dir, { recursive: true });
    const file = safeFileName(name);
    await writeFile(join(dir, file), request.body);
    return reply.code(201).send({ batch, name: file, bytes: request.body.length });
  });

  app.post('/imports', async (request, reply) => {
    requireToken(request, options.token);
    parse(NoQuery, request.query);
    const body = parse(ImportBody, request.body);
    let paths: string[];
    if (body.upload) {
      const dir = join(uploadsDir, body.upload);
      if (!existsSync(dir)) throw new HttpProblem(404, 'NOT_FOUND', `no upload ${body.upload}`);
      paths = [dir];
    } else paths = allowedPaths(body.paths ?? []);
    return reply.code(202).send(jobs.begin(paths, body.force ?? false));
  });

  app.get('/imports', async (request) => {
    parse(NoQuery, request.query);
    return { items: jobs.list() };
  });

  app.get('/imports/:id', async (request) => {
    parse(NoQuery, request.query);
    const { id } = parse(ImportIdParams, request.params);
    const job = jobs.get(id);
    if (!job)
      throw new HttpProblem(404, 'NOT_FOUND', `no import ${id} (imports are kept while the server runs)`);
    return job;
  });
}
