/**
 * `npm run bench:web`: how fast the web workspace's document list answers on a 10,000-document SQLite
 * archive: the API call the Documents view makes (first page of 50, each sort and the filters), and the
 * whole view in headless Chromium (navigation until the table is drawn).
 *
 * Options (environment): VNPLAN_BENCH_RECORDS (default 10000), VNPLAN_CHROMIUM (default /usr/bin/chromium;
 * "off" skips the browser part).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApi } from '../src/api/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { openStore } from '../src/store/index.js';
import { CHROMIUM, launchChromium } from '../test/helpers/headless-chromium.js';
import { generateArchive } from './plan-record-generator.js';

const RECORDS = Number(process.env.VNPLAN_BENCH_RECORDS ?? 10_000);
const REPEAT = 15;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const LIST_CALLS: [string, string][] = [
  ['newest first (the default view)', '/documents?limit=50'],
  ['sorted by title', '/documents?limit=50&sort=title&order=asc'],
  ['sorted by issuer, page 100', '/documents?limit=50&sort=issuer&order=desc&offset=4950'],
  ['has missing parents', '/documents?limit=50&missingParents=true'],
  ['issuer + award filters', '/documents?limit=50&issuer=gia%20lai&award=B%E1%BA%B1ng%20khen'],
  ['deadline range', '/documents?limit=50&deadlineFrom=2026-11-01&deadlineTo=2026-11-30'],
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vnplan-bench-web-'));
  const store = await openStore(join(dir, 'archive.db'));
  try {
    const archive = generateArchive(RECORDS);
    const loadStart = performance.now();
    for (let start = 0; start < archive.length; start += 200)
      await store.putDocuments(archive.slice(start, start + 200));
    console.log(`stored ${RECORDS} records in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    const app = buildApi(store, { token: '' });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const api: Record<string, { p50: number; p95: number; total: number }> = {};
    for (const [name, path] of LIST_CALLS) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < REPEAT; i++) {
        const started = performance.now();
        const body = (await (await fetch(`${base}${path}`)).json()) as { total: number };
        times.push(performance.now() - started);
        total = body.total;
      }
      api[name] = { p50: percentile(times, 50), p95: percentile(times, 95), total };
      console.log(
        `GET ${name.padEnd(34)} p50 ${api[name].p50.toFixed(1)} ms  p95 ${api[name].p95.toFixed(1)} ms  (${total} documents)`,
      );
    }
    let view: { p50: number; p95: number; max: number } | null = null;
    if (CHROMIUM !== 'off') {
      const browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
      const page = await browser.context.newPage();
      const times: number[] = [];
      for (let i = 0; i < 8; i++) {
        // A cold load each time: a fresh navigation to the Documents view until its rows are drawn.
        await page.goto('about:blank');
        const started = performance.now();
        await page.goto(`${base}/#/documents${i % 2 ? '?sort=title&order=asc' : ''}`);
        await page.locator('tbody tr').nth(49).waitFor();
        times.push(performance.now() - started);
      }
      await browser.close();
      view = { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
      console.log(
        `Documents view in Chromium (navigation → 50 rows drawn): p50 ${view.p50.toFixed(0)} ms, max ${view.max.toFixed(0)} ms`,
      );
    }
    await app.close();
    const results = { records: RECORDS, at: new Date().toISOString(), loadavg: loadavg(), api, view };
    mkdirSync(join(PACKAGE_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(PACKAGE_ROOT, 'bench', 'results', 'web.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    console.log(
      `load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
