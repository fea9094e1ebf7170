import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi, serverImporter, type ImportJobSnapshot } from '../../src/api/index.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { openStore, type PageLayout, type Store } from '../../src/store/index.js';
import { exitOf, spawnCli } from '../helpers/cli-process.js';
import { workerArgs } from '../helpers/queue-worker.js';
import { PrivateRedis } from '../helpers/redis-server.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { fixture, loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const TOKEN = 'workspace-token-0123456789';
const SYT_3520 = 'gia-lai-3520-kh-syt-2026';
const SAMPLES = join(FIXTURES_DIR, 'samples');

const call = async (base: string, path: string, init: RequestInit = {}) => {
  const response = await fetch(`${base}${path}`, init);
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? ((await response.json()) as Record<string, unknown>) : {};
  return { status: response.status, body, response };
};
const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

describe.each(BACKENDS)('workspace API on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let readOnly: FastifyInstance;
  let base: string;
  let readBase: string;
  const id = fixtures.get(SYT_3520)!.record.id;

  beforeAll(async () => {
    const created = await backend.create();
    dispose = created.dispose;
    store = await openStore(created.spec);
    for (const [name] of fixtures) await store.putDocument(fixture(fixtures, name));
    app = buildApi(store, { token: TOKEN });
    readOnly = buildApi(store, { token: '' });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    readBase = await readOnly.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await readOnly?.close();
    await store?.close();
    await dispose?.();
  });

  it('should filter by missing parents and sort the document list', async () => {
    const missing = await call(base, '/documents?missingParents=true&sort=title&order=asc&limit=100');
    expect(missing.status).toBe(200);
    const citing = new Set((await store.missingParents()).flatMap((p) => p.citations.map((c) => c.id)));
    const items = missing.body.items as { id: string; title: string }[];
    expect(items.map((item) => item.id).sort()).toEqual([...citing].sort());
    for (const path of ['/documents?sort=colour', '/documents?order=up', '/documents?missingParents=yes'])
      expect((await call(base, path)).status).toBe(400);
  });

  it('should give pages with numbered lines, deadlines and the overview', async () => {
    const pages = await call(base, `/documents/${id.slice(0, 10)}/pages`);
    expect(pages.status).toBe(200);
    const [page] = pages.body.pages as PageLayout[];
    expect(page!.lines[5]!.text).toBe(fixtures.get(SYT_3520)!.text.pages[0]!.lines[5]!.text);
    const deadlines = await call(base, '/deadlines?from=2026-01-01&to=2026-12-31');
    expect(deadlines.status).toBe(200);
    expect((deadlines.body.items as { document: { id: string } }[]).some((d) => d.document.id === id)).toBe(
      true,
    );
    for (const path of [
      '/deadlines',
      '/deadlines?from=2026-01-01',
      '/deadlines?from=2027&to=2026',
      '/deadlines?from=x&to=y',
    ])
      expect({ path, status: (await call(base, path)).status }).toEqual({ path, status: 400 });
    const overview = await call(base, '/overview');
    expect(overview.body.documents).toBe(fixtures.size);
    expect((await call(base, `/documents/${id}/pages/0/image`)).status).toBe(400);
    expect((await call(base, `/documents/${'e'.repeat(64)}/pages`)).status).toBe(404);
  });

  it('should store corrections only with the token, refuse bad ones with 400, and show them', async () => {
    const correction = {
      target: 'field',
      path: 'document.title',
      action: 'correct',
      value: 'Tiêu đề đã sửa',
    };
    expect((await call(base, `/documents/${id}/corrections`, json(correction))).status).toBe(401);
    expect((await call(base, `/documents/${id}/corrections`, json(correction, 'wrong'))).status).toBe(401);
    expect((await call(readBase, `/documents/${id}/corrections`, json(correction, TOKEN))).status).toBe(404);
    for (const bad of [
      { ...correction, path: 'source.path' },
      { ...correction, target: 'page' },
      { ...correction, colour: 'red' },
      { target: 'token', page: 1, line: 1, column: 1, original: 'nope', action: 'accept' },
      { target: 'token', page: 1, line: 1, column: 0, original: 'U', action: 'accept' },
    ]) {
      const answer = await call(base, `/documents/${id}/corrections`, json(bad, TOKEN));
      expect({ bad, status: answer.status }).toEqual({ bad, status: 400 });
      expect(typeof answer.body.message).toBe('string');
    }
    const stored = await call(base, `/documents/${id}/corrections`, json(correction, TOKEN));
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ path: 'document.title', value: 'Tiêu đề đã sửa' });
    const listed = await call(readBase, `/documents/${id}/corrections`);
    expect((listed.body.items as { id: number }[]).map((c) => c.id)).toEqual([stored.body.id]);
    const document = await call(readBase, `/documents/${id}`);
    expect((document.body.corrections as unknown[]).length).toBe(1);
    expect((document.body.record as { document: { title: string } }).document.title).not.toBe(
      'Tiêu đề đã sửa',
    );
  });
});

describe('workspace imports and page images (SQLite, real pipeline)', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let closeImporter: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnplan-workspace-'));
    store = await openStore(join(dir, 'archive.db'));
    const imports = serverImporter(store, { stages: { pool: { workers: 1 } } });
    closeImporter = imports.close;
    app = buildApi(store, {
      token: TOKEN,
      cacheDir: join(dir, 'cache'),
      importRoot: FIXTURES_DIR,
      importer: imports.importer,
      uploadLimit: 1024 * 1024,
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await closeImporter?.();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const until = async (jobId: string): Promise<ImportJobSnapshot> => {
    for (let i = 0; i < 600; i++) {
      const { body } = await call(base, `/imports/${jobId}`);
      if (body.status !== 'running') return body as unknown as ImportJobSnapshot;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('import did not finish');
  };

  it('should require the token and refuse paths outside the import root', async () => {
    expect((await call(base, '/imports', json({ paths: [SAMPLES] }))).status).toBe(401);
    for (const body of [
      { paths: ['/etc'] },
      { paths: ['../package.json'] },
      {},
      { paths: [SAMPLES], upload: 'x' },
    ]) {
      const answer = await call(base, '/imports', json(body, TOKEN));
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    expect((await call(base, '/imports/not-a-uuid')).status).toBe(400);
    expect((await call(base, `/imports/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);
  });

  it('should import a server-side file, report progress, and render its page image once', async () => {
    const started = await call(base, '/imports', json({ paths: ['samples/sample-text-layer.pdf'] }, TOKEN));
    expect(started.status).toBe(202);
    const done = await until(started.body.id as string);
    expect(done).toMatchObject({ status: 'done', files: 1, stored: 1, failed: 0, documentsDone: 1 });
    expect(done.pagesDone).toBe(done.pagesTotal);
    const docId = done.documents[0]!.id!;
    const image = await fetch(`${base}/documents/${docId}/pages/1/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    const [page] = (await store.pages(docId)) as PageLayout[];
    // The image keeps the page's proportions, so line boxes scale onto it.
    expect(metadata.width! / metadata.height!).toBeCloseTo(page!.width! / page!.height!, 2);
    expect(page!.lines.some((line) => line.bbox !== null)).toBe(true);
    expect(readdirSync(join(dir, 'cache', 'pages'))).toEqual([`${docId}-1.png`]);
    expect((await call(base, `/documents/${docId}/pages/9/image`)).status).toBe(400);
  });

  it("should turn an OCR'd image's page as OCR turned it, so that its boxes fit", async () => {
    const started = await call(
      base,
      '/imports',
      json({ paths: ['scans/ocr-03.scan-200dpi-faded.jpg'] }, TOKEN),
    );
    const done = await until(started.body.id as string);
    expect(done).toMatchObject({ status: 'done', stored: 1 });
    const docId = done.documents[0]!.id!;
    const [page] = await store.pages(docId);
    expect(page!.source).toBe('ocr');
    const image = await fetch(`${base}/documents/${docId}/pages/1/image`);
    expect(image.status).toBe(200);
    const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    // Upscaled from 200 to 300 DPI and straightened for OCR: the served image has the same proportions.
    expect(metadata.width! / metadata.height!).toBeCloseTo(page!.width! / page!.height!, 2);
    const boxes = page!.lines.flatMap((line) => (line.bbox ? [line.bbox] : []));
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) {
      expect(box.x1).toBeLessThanOrEqual(page!.width! + 1);
      expect(box.y1).toBeLessThanOrEqual(page!.height! + 1);
    }
  }, 120_000);

  it('should import uploaded files and report a failed one with its reason', async () => {
    const upload = (name: string, body: Buffer, batch?: string) =>
      call(base, `/uploads?name=${encodeURIComponent(name)}${batch ? `&batch=${batch}` : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${TOKEN}` },
        body: new Uint8Array(body),
      });
    expect((await call(base, '/uploads?name=a.txt', { method: 'POST', body: 'x' })).status).toBe(401);
    const first = await upload('../../kế hoạch.txt', readFileSync(join(SAMPLES, 'sample-plan.txt')));
    expect(first.status).toBe(201);
    expect(first.body.name).toBe('kế hoạch.txt');
    const batch = first.body.batch as string;
    expect((await upload('hỏng.pdf', Buffer.from('%PDF-1.4 cut short'), batch)).status).toBe(201);
    expect((await upload('big.bin', Buffer.alloc(2 * 1024 * 1024), batch)).status).toBe(413);
    const started = await call(base, '/imports', json({ upload: batch }, TOKEN));
    const done = await until(started.body.id as string);
    expect(done).toMatchObject({ status: 'done', files: 2, stored: 1, failed: 1 });
    const failed = done.documents.find((d) => d.state === 'failed')!;
    expect(failed.path.endsWith('hỏng.pdf')).toBe(true);
    expect(failed.code).toBe('VNPLAN_E_PDF_CORRUPT');
    expect(failed.message).toMatch(/damaged/);
    const text = done.documents.find((d) => d.state === 'stored')!;
    expect((await call(base, `/documents/${text.id}/pages/1/image`)).status).toBe(404);
    expect(existsSync(join(dir, 'cache', 'uploads', batch, 'kế hoạch.txt'))).toBe(true);
    const list = await call(base, '/imports');
    expect((list.body.items as { id: string }[])[0]!.id).toBe(started.body.id);
  });
});

describe('workspace imports on the queue (SQLite, Redis, a vnplan worker process)', () => {
  let dir: string;
  let redis: PrivateRedis;
  let worker: ReturnType<typeof spawnCli>;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let closeImporter: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnplan-workspace-queue-'));
    const db = join(dir, 'archive.db');
    redis = await PrivateRedis.start();
    const prefix = `vnplan-web-${process.pid}`;
    store = await openStore(db);
    worker = spawnCli(workerArgs(redis.url, db, prefix));
    const imports = serverImporter(store, { redisUrl: redis.url, queuePrefix: prefix });
    closeImporter = imports.close;
    app = buildApi(store, { token: TOKEN, importRoot: FIXTURES_DIR, importer: imports.importer });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
    await closeImporter?.();
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await exitOf(worker, 30_000);
    }
    await store?.close();
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('should run an import started over HTTP on the queue and report its progress', async () => {
    const started = await call(base, '/imports', json({ paths: ['samples/sample-plan.txt'] }, TOKEN));
    expect(started.status).toBe(202);
    let job: ImportJobSnapshot | undefined;
    for (let i = 0; i < 600 && job?.status !== 'done' && job?.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await call(base, `/imports/${started.body.id as string}`)).body as unknown as ImportJobSnapshot;
    }
    expect(job).toMatchObject({ status: 'done', files: 1, stored: 1, failed: 0 });
    // The worker process stored it, in the archive the server reads.
    expect(await store.hasDocument(job!.documents[0]!.id!)).toBe(true);
  });
});
