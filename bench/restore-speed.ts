/**
 * `npm run bench:restore-speed`: stripped-text restoration speed only (CPU time of this thread and wall
 * clock), on the clean seeds with their marks removed. Reads VNPLAN_SHARED (default ../shared).
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
restorer.restoreLines(speedText, { mode: 'stripped', beamWidth: Number(process.env.BEAM ?? 10) });
const rounds = Number(process.argv[2] ?? 5);
const cpu = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < rounds; i++)
  restorer.restoreLines(speedText, { mode: 'stripped', beamWidth: Number(process.env.BEAM ?? 10) });
const cpuS = process.cpuUsage(cpu).user / 1e6;
const wallS = (performance.now() - t0) / 1000;
process.stdout.write(
  `stripped: ${syllables} syllables × ${rounds}: ${((rounds * syllables) / cpuS).toFixed(0)} syllables/s CPU, ${((rounds * syllables) / wallS).toFixed(0)} syllables/s wall\n`,
);
