/**
 * `npm run bench:store`: the store on a synthetic archive of generated PlanRecords, per backend:
 * insert throughput, p50/p95 latency of filtered queries and of full-text search, database size.
 *
 * Options (environment): VNPLAN_BENCH_RECORDS (default 10000), VNPLAN_BENCH_POSTGRES (admin URL,
 * default postgres://postgres@127.0.0.1:5432/postgres; "off" to skip PostgreSQL).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PACKAGE_ROOT } from '../src/paths.js';
import { openStore, type QueryFilters, type Store } from '../src/store/index.js';
import { generateArchive } from './plan-record-generator.js';

const RECORDS = Number(process.env.VNPLAN_BENCH_RECORDS ?? 10_000);
const POSTGRES = process.env.VNPLAN_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REPEAT = 15;
const BATCH = 100;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const QUERIES: [string, QueryFilters][] = [
  ['type', { type: 'KH' }],
  ['issuer (partial, folded)', { issuer: 'quang ngai' }],
  ['symbol', { symbol: 'KH-SYT' }],
  ['number', { number: '152/KH-UBND' }],
  ['issued range', { issuedFrom: '2024-03-01', issuedTo: '2024-05-31' }],
  ['deadline range (annual expansion)', { deadlineFrom: '2026-11-01', deadlineTo: '2026-11-30' }],
  ['award', { award: 'Huân chương' }],
  ['cites', { cites: '98/2023/NĐ-CP' }],
  ['period year', { periodYear: 2026 }],
  ['issuer + award + period', { issuer: 'gia lai', award: 'bang khen', periodYear: 2025 }],
  [
    'type + deadline + issued',
    { type: 'Kế hoạch', deadlineFrom: '2025-12-01', deadlineTo: '2026-01-31', issuedFrom: '2025' },
  ],
];
const SEARCHES = [
  'chuyen doi so',
  'chuyển đổi số',
  'dịch vụ công trực tuyến',
  'nong thon moi',
  'Huân chương Lao động',
  'thi đua yêu nước',
  'bao hiem y te',
  'tập huấn cán bộ',
  'Lâm Đồng',
  'phòng chống thiên tai',
];

interface BackendResult {
  backend: string;
  records: number;
  insertSeconds: number;
  /** One transaction per document (what the pipeline does), first half of the archive. */
  insertPerSecond: number;
  /** putDocuments in batches of BATCH, second half. */
  batchedInsertPerSecond: number;
  /** The same per CPU second of this process (the machine may be shared; for SQLite all work is in-process). */
  insertPerCpuSecond: number;
  batchedInsertPerCpuSecond: number;
  /** CPU ms of this process per query/search, SQLite only (PostgreSQL works in its own processes). */
  queryCpu: { p50: number; p95: number };
  searchCpu: { p50: number; p95: number };
  loadAverage: number[];
  query: { p50: number; p95: number; perShape: Record<string, { p50: number; p95: number; rows: number }> };
  search: { p50: number; p95: number };
  missingParentsMs: number;
  sizeBytes: number;
  sizeMiB: number;
}

/** Wall-clock ms of `work`; `lastCpuMs` keeps this process's CPU ms (user + system) of the same call. */
let lastCpuMs = 0;
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await work();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return [wall, result];
}

async function measure(
  name: string,
  spec: string,
  archive: ReturnType<typeof generateArchive>,
): Promise<BackendResult> {
  const store: Store = await openStore(spec);
  const half = Math.floor(archive.length / 2);
  const [singleMs] = await timed(async () => {
    for (const doc of archive.slice(0, half)) await store.putDocument(doc);
  });
  const singleCpuMs = lastCpuMs;
  const [batchedMs] = await timed(async () => {
    for (let start = half; start < archive.length; start += BATCH)
      await store.putDocuments(archive.slice(start, Math.min(archive.length, start + BATCH)));
  });
  const batchedCpuMs = lastCpuMs;
  const queryCpu: number[] = [];
  const searchCpu: number[] = [];
  const insertMs = singleMs + batchedMs;
  const all: number[] = [];
  const perShape: BackendResult['query']['perShape'] = {};
  for (const [shape, filters] of QUERIES) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < REPEAT; i++) {
      const [ms, result] = await timed(() => store.query(filters, { limit: 50 }));
      times.push(ms);
      queryCpu.push(lastCpuMs);
      rows = result.total;
    }
    all.push(...times);
    perShape[shape] = { p50: percentile(times, 50), p95: percentile(times, 95), rows };
  }
  const searchTimes: number[] = [];
  for (let i = 0; i < REPEAT; i++)
    for (const text of SEARCHES) {
      searchTimes.push((await timed(() => store.search(text, { limit: 20 })))[0]);
      searchCpu.push(lastCpuMs);
    }
  const [missingMs] = await timed(() => store.missingParents({ limit: 100 }));
  const stats = await store.stats();
  await store.close();
  return {
    backend: name,
    records: archive.length,
    insertSeconds: insertMs / 1000,
    insertPerSecond: half / (singleMs / 1000),
    batchedInsertPerSecond: (archive.length - half) / (batchedMs / 1000),
    insertPerCpuSecond: half / (singleCpuMs / 1000),
    batchedInsertPerCpuSecond: (archive.length - half) / (batchedCpuMs / 1000),
    queryCpu: { p50: percentile(queryCpu, 50), p95: percentile(queryCpu, 95) },
    searchCpu: { p50: percentile(searchCpu, 50), p95: percentile(searchCpu, 95) },
    loadAverage: loadavg(),
    query: { p50: percentile(all, 50), p95: percentile(all, 95), perShape },
    search: { p50: percentile(searchTimes, 50), p95: percentile(searchTimes, 95) },
    missingParentsMs: missingMs,
    sizeBytes: stats.sizeBytes,
    sizeMiB: stats.sizeBytes / 1024 / 1024,
  };
}

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (POSTGRES === 'off') return null;
  const name = `vnplan_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(`PostgreSQL skipped: ${(error as Error).message}`);
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const [generateMs, archive] = await timed(async () => generateArchive(RECORDS));
  console.log(`generated ${archive.length} records in ${(generateMs / 1000).toFixed(1)} s`);
  const results: BackendResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'vnplan-bench-'));
  try {
    results.push(await measure('sqlite', join(dir, 'bench.db'), archive));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const database = await postgresDatabase();
  if (database) {
    try {
      results.push(await measure('postgres', database.url, archive));
    } finally {
      await database.drop();
    }
  }
  for (const r of results) {
    console.log(
      `\n${r.backend}: ${r.records} records (load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)`,
    );
    console.log(
      `  insert       ${r.insertPerSecond.toFixed(0)} records/s one per transaction, ${r.batchedInsertPerSecond.toFixed(0)} records/s in batches of ${BATCH} (${r.insertSeconds.toFixed(1)} s in all)`,
    );
    console.log(
      `               per CPU second: ${r.insertPerCpuSecond.toFixed(0)} one per transaction, ${r.batchedInsertPerCpuSecond.toFixed(0)} batched`,
    );
    console.log(
      `  queries      p50 ${ms(r.query.p50)}  p95 ${ms(r.query.p95)}   (CPU p50 ${ms(r.queryCpu.p50)}  p95 ${ms(r.queryCpu.p95)})`,
    );
    for (const [shape, q] of Object.entries(r.query.perShape))
      console.log(
        `    ${shape.padEnd(36)} p50 ${ms(q.p50).padStart(9)}  p95 ${ms(q.p95).padStart(9)}  ${q.rows} rows`,
      );
    console.log(
      `  search       p50 ${ms(r.search.p50)}  p95 ${ms(r.search.p95)}   (CPU p50 ${ms(r.searchCpu.p50)}  p95 ${ms(r.searchCpu.p95)})`,
    );
    console.log(`  missing      ${ms(r.missingParentsMs)} (top 100 missing parents)`);
    console.log(`  size         ${r.sizeMiB.toFixed(1)} MiB`);
  }
  if (results.length === 2) {
    const [sqlite, postgres] = results as [BackendResult, BackendResult];
    console.log(
      `\nratios postgres/sqlite: insert ${(postgres.insertPerSecond / sqlite.insertPerSecond).toFixed(2)}, query p95 ${(postgres.query.p95 / sqlite.query.p95).toFixed(2)}, search p95 ${(postgres.search.p95 / sqlite.search.p95).toFixed(2)}`,
    );
  }
  const out = join(PACKAGE_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'store.json'),
    `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
  );
}

await main();
