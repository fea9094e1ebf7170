/**
 * `npm run bench:restore-speed`: stripped-text restoration speed only (CPU time of this thread and wall
 * clock), on the clean seeds with their marks removed. Reads VNPLAN_SHARED (default ../shared).
 * Usage: `npm run bench:restore-speed -- [ROUNDS] [--warmup N]` (defaults 5 and 20).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/paths.js';
import { loadRestorer } from '../src/vietnamese/load.js';
import { fold } from '../src/vietnamese/tone.js';
import { sharedDir, CLEAN_SEEDS } from '../scripts/dictionaries/corpus.js';

const shared = sharedDir(PACKAGE_ROOT);
const texts = readdirSync(join(shared, 'seeds'))
  .filter((f) => CLEAN_SEEDS.some((s) => f.startsWith(`${s}_`)) && f.endsWith('.txt'))
  .map((f) => readFileSync(join(shared, 'seeds', f), 'utf8').normalize('NFC'));
const restorer = loadRestorer();
const speedText = fold(texts.join('\n')).split('\n');
const syllables = speedText.join(' ').match(/\p{L}+/gu)!.length;
const beamWidth = Number(process.env.BEAM ?? 10);
const rounds = Number(process.argv[2] ?? 5);
// The decoder's hot loops reach V8's optimising compiler only after a few rounds, so the first call
// (cold) and the rounds after `--warmup N` untimed ones (steady state) are reported apart.
const warmup = process.argv.includes('--warmup')
  ? Number(process.argv[process.argv.indexOf('--warmup') + 1])
  : 20;

function timed(times: number): { cpuS: number; wallS: number } {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < times; i++) restorer.restoreLines(speedText, { mode: 'stripped', beamWidth });
  return { cpuS: process.cpuUsage(cpu).user / 1e6, wallS: (performance.now() - t0) / 1000 };
}

const rate = (times: number, s: number): string => ((times * syllables) / s).toFixed(0);
const cold = timed(1);
timed(warmup);
const warm = timed(rounds);
process.stdout.write(
  `stripped, first call: ${syllables} syllables: ${rate(1, cold.cpuS)} syllables/s CPU\n` +
    `stripped, after ${warmup + 1} warm-up rounds: ${syllables} syllables × ${rounds}: ${rate(rounds, warm.cpuS)} syllables/s CPU, ${rate(rounds, warm.wallS)} syllables/s wall\n`,
);
