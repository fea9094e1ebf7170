import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { BACKENDS } from '../helpers/store-backends.js';
import { fixture, loadRecordFixtures } from '../helpers/store-fixtures.js';

const fixtures = loadRecordFixtures();
const idOf = (name: string): string => fixtures.get(name)!.record.id;
const TOKEN = 'test-token-0123456789';

describe.each(BACKENDS)('HTTP API on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let readOnly: FastifyInstance;
  let writable: FastifyInstance;
  let base: string;
  let writeBase: string;

  beforeAll(async () => {
    const created = await backend.create();
    dispose = created.dispose;
    store = await openStore(created.spec);
    for (const [name, doc] of fixtures) if (name !== 'ha-noi-210-kh-sgddt-2025') await store.putDocument(doc);
    readOnly = buildApi(store, { token: '' });
    writable = buildApi(store, { token: TOKEN, bodyLimit: 64 * 1024 });
    base = await readOnly.listen({ port: 0, host: '127.0.0.1' });
    writeBase = await writable.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await readOnly?.close();
    await writable?.close();
    await store?.close();
    await dispose?.();
  });

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
  };

  it('should list documents with filters and pagination', async () => {
    const all = await get('/documents?limit=2');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: fixtures.size - 1, limit: 2, offset: 0 });
    expect(all.body.items).toHaveLength(2);
    const next = await get('/documents?limit=2&offset=2');
    expect((next.body.items as { id: string }[])[0]?.id).not.toBe(
      (all.body.items as { id: string }[])[0]?.id,
    );
    const filtered = await get(
      `/documents?issuer=${encodeURIComponent('quảng ngãi')}&award=${encodeURIComponent('Huân chương')}`,
    );
    expect((filtered.body.items as { id: string }[]).map((row) => row.id)).toEqual([
      idOf('quang-ngai-45-kh-ubnd-2026'),
    ]);
    const deadlines = await get('/documents?deadlineFrom=2026-11-01&deadlineTo=2026-11-30&periodYear=2026');
    expect(deadlines.body.total).toBe(3);
  });

  it('should answer 400 with a message for bad or unknown parameters', async () => {
    for (const path of [
      '/documents?colour=red',
      '/documents?issuedFrom=20-4-2026',
      '/documents?limit=0',
      '/documents?limit=abc',
      '/documents?periodYear=20266',
      '/documents?type=a&type=b',
      '/search',
      '/search?q=',
      '/search?q=%20%2F%2F',
      '/refs/missing?offset=-1',
      '/openapi.json?x=1',
    ]) {
      const { status, body } = await get(path);
      expect({ path, status }).toEqual({ path, status: 400 });
      expect(typeof body.message).toBe('string');
    }
    expect((await get('/documents?colour=red')).body.message).toBe('unknown parameter "colour"');
  });

  it('should answer 404 for unknown ids and routes', async () => {
    expect((await get(`/documents/${'f'.repeat(64)}`)).status).toBe(404);
    expect((await get('/documents/abcd/refs')).status).toBe(404);
    expect((await get('/no-such-route')).status).toBe(404);
    const byPrefix = await get(`/documents/${idOf('gia-lai-152-kh-ubnd-2026').slice(0, 8)}`);
    expect(byPrefix.status).toBe(200);
    expect((byPrefix.body.record as { id: string }).id).toBe(idOf('gia-lai-152-kh-ubnd-2026'));
  });

  it('should search accent-insensitively and show references', async () => {
    const search = await get(`/search?q=${encodeURIComponent('chuyen doi so')}&limit=5`);
    expect(search.status).toBe(200);
    expect((search.body.items as unknown[]).length).toBe(5);
    expect(search.body.total as number).toBeGreaterThan(5);
    const refs = await get(`/documents/${idOf('gia-lai-152-kh-ubnd-2026')}/refs`);
    expect((refs.body.children as unknown[]).length).toBe(2);
    const missing = await get('/refs/missing');
    expect((missing.body.items as { key: string }[])[0]?.key).toBe('1021/qd-ubnd@2026');
  });

  it('should describe itself with OpenAPI', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, { get?: { parameters?: { name: string }[] }; post?: unknown }>;
    expect(paths['/documents']?.get?.parameters?.map((p) => p.name)).toContain('deadlineFrom');
    expect(paths['/documents']?.post).toBeUndefined();
  });

  it('should treat SQL-injection strings as plain text', async () => {
    for (const attack of ["' OR 1=1 --", '1); DROP TABLE documents; --', '%_%']) {
      const value = encodeURIComponent(attack);
      for (const name of ['type', 'issuer', 'symbol', 'number', 'award', 'cites']) {
        const { status, body } = await get(`/documents?${name}=${value}`);
        expect({ name, status, total: body.total }).toEqual({ name, status: 200, total: 0 });
      }
      const search = await get(`/search?q=${value}%20khongcotu`);
      expect(search.body.total).toBe(0);
      expect((await get(`/documents/${value}`)).status).toBeLessThan(500);
    }
    expect((await get('/documents')).body.total).toBe(fixtures.size - 1);
  });

  it('should answer hostile paths, parameters and bodies with a 4xx and a message, never a 500', async () => {
    const probes = [
      '/documents/..%2F..%2Fetc%2Fpasswd',
      '/documents/%2e%2e%2f%2e%2e%2fvnplan.db',
      '/documents/abcd%00',
      '/documents/..%5C..%5Cwindows',
      `/documents/${'a'.repeat(5000)}`,
      `/documents/${idOf('gia-lai-152-kh-ubnd-2026')}?format=../../x`,
      '/documents?__proto__=1',
      '/documents?constructor[prototype][x]=1',
      '/documents?limit=99999999999999999999',
      '/documents?issuedFrom=2026-13-45',
      `/search?q=${'a'.repeat(300)}`,
    ];
    for (const path of probes) {
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      expect({ path, status: response.status >= 400 && response.status < 500 }).toEqual({
        path,
        status: true,
      });
      expect((JSON.parse(text) as { message?: string }).message, path).toMatch(/\w{3,}/);
      expect(text, path).not.toMatch(/\n\s+at |node_modules/);
    }
    // Injection strings in the full-text query are words to look for, not FTS5 syntax.
    for (const q of ['"unbalanced', 'NEAR(a b) OR * AND -', 'a:b OR x*', "'); DROP TABLE documents; --"]) {
      const { status } = await get(`/search?q=${encodeURIComponent(q)}`);
      expect({ q, status }).toEqual({ q, status: 200 });
    }
    expect((await get('/documents')).body.total).toBe(fixtures.size - 1);
  });

  it('should be read-only without a token', async () => {
    const response = await fetch(`${base}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fixture(fixtures, 'ha-noi-210-kh-sgddt-2025')),
    });
    expect(response.status).toBe(404);
  });

  it('should store a document only with the bearer token', async () => {
    const body = JSON.stringify(fixture(fixtures, 'ha-noi-210-kh-sgddt-2025'));
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(`${writeBase}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: payload,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer wrong' })).status).toBe(401);
    const stored = await post({ authorization: `Bearer ${TOKEN}` });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toEqual({ id: idOf('ha-noi-210-kh-sgddt-2025') });
    expect(await store.hasDocument(idOf('ha-noi-210-kh-sgddt-2025'))).toBe(true);
    const invalid = await post({ authorization: `Bearer ${TOKEN}` }, JSON.stringify({ record: { id: 'x' } }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toBe('VNPLAN_E_RECORD_INVALID');
    const malformed = await post({ authorization: `Bearer ${TOKEN}` }, '{"record": ');
    expect(malformed.status).toBe(400);
    for (const [type, payload] of [
      ['application/json', '[]'],
      ['application/json', 'null'],
      ['application/json', '{"__proto__": {"admin": true}, "record": {}}'],
      ['application/json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'a=1'],
    ] as const) {
      const response = await post({ authorization: `Bearer ${TOKEN}`, 'content-type': type }, payload);
      expect(response.status, payload.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(response.status, payload.slice(0, 20)).toBeLessThan(500);
      expect(((await response.json()) as { message: string }).message).toMatch(/\w{3,}/);
    }
    const huge = await post(
      { authorization: `Bearer ${TOKEN}` },
      JSON.stringify({ pad: 'x'.repeat(100 * 1024) }),
    );
    expect(huge.status).toBe(413);
    const text = await huge.text();
    expect(text).not.toMatch(/\n\s+at /);
  });
});
