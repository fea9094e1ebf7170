// npm run bench:fuzz [-- --minutes 10 --jobs 2 --seed 1 --memory-mib 1536 --hang-seconds 30 --out DIR]
// Random mutations of the fixtures (and of the generated CCITT/JBIG2/PNG seeds) fed to PDF and image intake,
// each file in a child process watched for crashes (the process dies), hangs (no answer within --hang-seconds,
// well past the stages' own 5 s timeouts) and memory (resident set over --memory-mib). Inputs that crash,
// hang or blow the memory are kept in --out with their seed, to replay. Prints files tried, outcomes, peak RSS.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { seededRandom } from '../scripts/hostile/bytes.js';
import { ccittPdf, group4Strip, jbig2Pdf } from '../scripts/hostile/bilevel-pdf.js';
import { mutate } from '../scripts/hostile/mutate.js';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import type { FuzzAnswer } from './fuzz-target.js';
import { FUZZ_MEMORY_MIB } from './lib/fuzz-read.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}
const minutes = option('minutes', 1);
const jobs = Math.max(1, option('jobs', 2));
const seed = option('seed', 1);
const memoryMiB = option('memory-mib', FUZZ_MEMORY_MIB);
const hangSeconds = option('hang-seconds', 30);
const outAt = process.argv.indexOf('--out');
const out = outAt >= 0 ? (process.argv[outAt + 1] as string) : join(PACKAGE_ROOT, 'fuzz-findings');

async function seeds(): Promise<Array<{ name: string; data: Buffer }>> {
  const fixture = (...parts: string[]) => readFile(join(FIXTURES_DIR, ...parts));
  const tiff = await fixture('scans', 'two-page.tiff');
  const strip = await group4Strip(tiff, { left: 100, top: 180, width: 2200 });
  return [
    { name: 'text-layer.pdf', data: await fixture('scans', 'ocr-01.text-layer.pdf') },
    { name: 'legacy-tcvn3.pdf', data: await fixture('scans', 'legacy-tcvn3-text-layer.pdf') },
    { name: 'owner-only.pdf', data: await fixture('scans', 'encrypted-owner-only.pdf') },
    { name: 'scan-1bit.pdf', data: await fixture('scans', 'ocr-01.scan-300dpi-1bit.pdf') },
    { name: 'ccitt.pdf', data: ccittPdf(strip) },
    { name: 'jbig2.pdf', data: jbig2Pdf(strip) },
    { name: 'faded.jpg', data: await fixture('scans', 'ocr-03.scan-200dpi-faded.jpg') },
    { name: 'two-page.tiff', data: tiff },
    {
      name: 'crop.png',
      data: await sharp(tiff).extract({ left: 0, top: 0, width: 1200, height: 600 }).png().toBuffer(),
    },
  ];
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
async function memoryOf(pid: number): Promise<{ rss: number; hwm: number }> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

type Verdict = 'crash' | 'hang' | 'memory';
/** An answer that is not a catalogue refusal but a bug report: kept like a crash, though the process lived. */
const INTERNAL = 'VNPLAN_E_INTERNAL';
const counts = new Map<string, number>();
const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
let tried = 0;
let peakMiB = 0;
const findings: Array<{ verdict: string; file: string; seed: string; mutations: string[]; detail?: string }> =
  [];

/** One child process working through cases until the deadline; replaced after a crash, hang or blow-up. */
async function lane(
  laneNumber: number,
  pool: Array<{ name: string; data: Buffer }>,
  work: string,
  deadline: number,
) {
  const random = seededRandom(seed * 1000 + laneNumber);
  const target = join(PACKAGE_ROOT, 'bench', 'fuzz-target.ts');
  let child: ChildProcess | undefined;
  let caseNumber = 0;
  const start = async (): Promise<ChildProcess> => {
    const next = fork(target, [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${memoryMiB * 2}`],
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: { ...process.env, VNPLAN_FUZZ_MEMORY_MIB: String(memoryMiB) },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('message', () => resolve());
      next.once('exit', (code) => reject(new Error(`fuzz target exited ${code} before it was ready`)));
    });
    return next;
  };
  while (Date.now() < deadline) {
    child ??= await start();
    const current = child;
    const seedFile = pool[Math.floor(random() * pool.length)]!;
    const { data, applied } = mutate(seedFile.data, random);
    const path = join(work, `lane${laneNumber}-${caseNumber++}-${seedFile.name}`);
    await writeFile(path, data);
    const verdict = await new Promise<FuzzAnswer | Verdict>((resolve) => {
      const started = Date.now();
      const watch = setInterval(async () => {
        const memory = await memoryOf(current.pid ?? 0);
        peakMiB = Math.max(peakMiB, memory.hwm);
        if (memory.rss > memoryMiB) finish('memory');
        else if (Date.now() - started > hangSeconds * 1000) finish('hang');
      }, 100);
      const onMessage = (answer: FuzzAnswer) => finish(answer);
      const onExit = () => finish('crash');
      function finish(result: FuzzAnswer | Verdict) {
        clearInterval(watch);
        current.off('message', onMessage);
        current.off('exit', onExit);
        resolve(result);
      }
      current.on('message', onMessage);
      current.once('exit', onExit);
      current.send({ index: caseNumber, path });
    });
    tried++;
    if (typeof verdict === 'string') {
      count(verdict);
      const kept = join(out, `${verdict}-${seed}-lane${laneNumber}-${caseNumber}-${seedFile.name}`);
      await writeFile(kept, data);
      findings.push({ verdict, file: kept, seed: seedFile.name, mutations: applied });
      if (current.exitCode === null) current.kill('SIGKILL');
      child = undefined;
    } else {
      count(verdict.outcome);
      peakMiB = Math.max(peakMiB, (await memoryOf(current.pid ?? 0)).hwm);
      if (verdict.outcome === INTERNAL) {
        const kept = join(out, `internal-${seed}-lane${laneNumber}-${caseNumber}-${seedFile.name}`);
        await writeFile(kept, data);
        findings.push({
          verdict: 'internal',
          file: kept,
          seed: seedFile.name,
          mutations: applied,
          detail: verdict.detail,
        });
      }
    }
    await rm(path, { force: true });
  }
  if (child?.exitCode === null) child.kill('SIGTERM');
}

await mkdir(out, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'vnplan-fuzz-'));
const pool = await seeds();
const started = Date.now();
const deadline = started + minutes * 60_000;
const progress = setInterval(() => {
  const elapsed = ((Date.now() - started) / 60_000).toFixed(1);
  console.error(
    `${elapsed} min: ${tried} files, crashes ${counts.get('crash') ?? 0}, hangs ${counts.get('hang') ?? 0}, over memory ${counts.get('memory') ?? 0}, peak ${peakMiB.toFixed(0)} MiB`,
  );
}, 60_000);
try {
  await Promise.all(Array.from({ length: jobs }, (_, i) => lane(i, pool, work, deadline)));
} finally {
  clearInterval(progress);
  await rm(work, { recursive: true, force: true });
}
const report = {
  minutes: Math.round(((Date.now() - started) / 60_000) * 10) / 10,
  jobs,
  seed,
  filesTried: tried,
  crashes: counts.get('crash') ?? 0,
  hangs: counts.get('hang') ?? 0,
  overMemory: counts.get('memory') ?? 0,
  internalErrors: counts.get(INTERNAL) ?? 0,
  peakRssMiB: Math.round(peakMiB),
  memoryLimitMiB: memoryMiB,
  hangLimitSeconds: hangSeconds,
  outcomes: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])),
  findings,
};
console.log(JSON.stringify(report, null, 2));
process.exitCode = report.crashes + report.hangs + report.overMemory > 0 ? 1 : 0;
