// npm run bench:pipeline [-- --copies N]
// Pages per minute on a batch of fixture scans: embedded with 1 and 2 OCR workers, queue mode with 1 and 2
// worker processes (one OCR worker each), the queue's overhead per page, and peak RSS per process.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { watchPeakRss } from '../test/helpers/peak-rss.js';
import { PrivateRedis } from '../test/helpers/redis-server.js';
import { watchCpuSeconds } from './process-cpu.js';

const SCANS = ['ocr-01.scan-300dpi-1bit.pdf', 'ocr-03.scan-200dpi-faded.jpg', 'two-page.tiff'];
const PAGES_PER_SET = 4;
const copies = Number(process.argv[process.argv.indexOf('--copies') + 1] || 3) || 3;
const BIN = join(PACKAGE_ROOT, 'bin', 'vnplan.js');

interface Running {
  child: ChildProcess;
  done: Promise<number | null>;
  peak: () => number;
  cpu: () => number;
  /** The last line the process printed (an import's `--json` summary). */
  lastLine: () => string;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let tail = '';
  child.stdout!.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-20_000)));
  const peak = watchPeakRss(child);
  const cpu = watchCpuSeconds(child);
  const done = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lastLine = () => tail.trimEnd().split('\n').at(-1) ?? '';
  return { child, done, peak, cpu, lastLine };
}

/** Stops the bench with what the import said failed. */
function importFailed(mode: string, code: number | null, importer: Running): Error {
  return new Error(`${mode} import exited ${code}: ${importer.lastLine()}`);
}

/** N distinct copies of each scan (a trailing byte changes the hash, not the pages). */
async function makeBatch(dir: string): Promise<number> {
  for (let i = 0; i < copies; i++) {
    for (const scan of SCANS) {
      const target = join(dir, `${i}-${scan}`);
      await copyFile(join(FIXTURES_DIR, 'scans', scan), target);
      await writeFile(target, Buffer.concat([await readFile(target), Buffer.from(`\n%${i}\n`)]));
    }
  }
  return copies * PAGES_PER_SET;
}

interface Row {
  mode: string;
  seconds: number;
  pagesPerMinute: number;
  peakRssMiB: number[];
  /** CPU seconds per page of every process of the run together. */
  cpuPerPage: number;
}

async function embedded(batch: string, workers: number, pages: number): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), 'vnplan-bench-'));
  const started = Date.now();
  const importer = run([
    'import',
    batch,
    '--db',
    join(dir, 'a.db'),
    '--json',
    '--workers',
    String(workers),
    '--documents',
    '2',
  ]);
  const code = await importer.done;
  const seconds = (Date.now() - started) / 1000;
  await rm(dir, { recursive: true, force: true });
  if (code !== 0) throw importFailed('embedded', code, importer);
  return {
    mode: `embedded, ${workers} OCR worker(s)`,
    seconds,
    pagesPerMinute: (pages / seconds) * 60,
    peakRssMiB: [importer.peak()],
    cpuPerPage: importer.cpu() / pages,
  };
}

async function queued(batch: string, processes: number, pages: number, redis: PrivateRedis): Promise<Row> {
  const dir = await mkdtemp(join(tmpdir(), 'vnplan-bench-'));
  const db = join(dir, 'a.db');
  const prefix = `bench-${processes}-${Date.now()}`;
  const workers = Array.from({ length: processes }, () =>
    run(['worker', '--redis', redis.url, '--db', db, '--queue-prefix', prefix, '--workers', '1']),
  );
  await new Promise((resolve) => setTimeout(resolve, 1500)); // workers connected before the clock starts
  const started = Date.now();
  const importer = run([
    'import',
    batch,
    '--db',
    db,
    '--redis',
    redis.url,
    '--queue-prefix',
    prefix,
    '--json',
  ]);
  const code = await importer.done;
  const seconds = (Date.now() - started) / 1000;
  for (const worker of workers) worker.child.kill('SIGTERM');
  await Promise.all(workers.map((worker) => worker.done));
  await rm(dir, { recursive: true, force: true });
  if (code !== 0) throw importFailed('queue', code, importer);
  return {
    mode: `queue, ${processes} worker process(es)`,
    seconds,
    pagesPerMinute: (pages / seconds) * 60,
    peakRssMiB: [...workers.map((worker) => worker.peak()), importer.peak()],
    cpuPerPage: [...workers, importer].reduce((sum, process) => sum + process.cpu(), 0) / pages,
  };
}

async function main(): Promise<void> {
  const batch = await mkdtemp(join(tmpdir(), 'vnplan-bench-batch-'));
  const pages = await makeBatch(batch);
  const redis = await PrivateRedis.start();
  const rows: Row[] = [];
  try {
    console.log(`batch: ${copies} × ${SCANS.length} scans = ${pages} pages`);
    rows.push(await embedded(batch, 1, pages));
    rows.push(await embedded(batch, 2, pages));
    rows.push(await queued(batch, 1, pages, redis));
    rows.push(await queued(batch, 2, pages, redis));
  } finally {
    await redis.stop();
    await rm(batch, { recursive: true, force: true });
  }
  console.log(
    '\n| mode | seconds | pages/min | CPU s per page | peak RSS MiB (per process) |\n|---|---:|---:|---:|---|',
  );
  for (const row of rows) {
    console.log(
      `| ${row.mode} | ${row.seconds.toFixed(1)} | ${row.pagesPerMinute.toFixed(1)} | ${row.cpuPerPage.toFixed(2)} | ${row.peakRssMiB.map((m) => m.toFixed(0)).join(', ')} |`,
    );
  }
  const [emb1, emb2, q1, q2] = rows as [Row, Row, Row, Row];
  console.log(`\nembedded 2 workers / 1 worker: ${(emb2.pagesPerMinute / emb1.pagesPerMinute).toFixed(2)}×`);
  console.log(`queue 2 processes / 1 process: ${(q2.pagesPerMinute / q1.pagesPerMinute).toFixed(2)}×`);
  const overhead = (q1.seconds - emb1.seconds) / pages;
  console.log(
    `queue overhead per page (1 process vs embedded 1 worker): ${overhead.toFixed(2)} s = ${((overhead / (emb1.seconds / pages)) * 100).toFixed(1)}%`,
  );
  const cpuOverhead = q1.cpuPerPage - emb1.cpuPerPage;
  console.log(
    `queue CPU overhead per page (all processes of the run): ${cpuOverhead.toFixed(2)} s = ${((cpuOverhead / emb1.cpuPerPage) * 100).toFixed(1)}%`,
  );
}

await main();
