/**
 * Learns the OCR-garble channel table (dictionaries/ocr-channel.json) from (truth, OCR) line pairs made
 * by ocr-pairs.ts. The last 15 % of the pairs are held out (written to PAIRS.dev.tsv) for tuning.
 *
 * usage: tsx scripts/dictionaries/channel.ts PAIRS.tsv OUT.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { alignLetters, type ChannelCounts } from '../../src/vietnamese/channel.js';
import { fold } from '../../src/vietnamese/tone.js';

const [pairsPath, outPath] = process.argv.slice(2);
if (!pairsPath || !outPath) throw new Error('usage: channel.ts PAIRS.tsv OUT.json');
const rows = readFileSync(pairsPath, 'utf8')
  .split('\n')
  .filter((l) => l.includes('\t'));
const cut = Math.floor(rows.length * 0.85);
writeFileSync(pairsPath.replace(/\.tsv$/, '.dev.tsv'), rows.slice(cut).join('\n') + '\n');

const words = (line: string): string[] =>
  line
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[("“‘'[]+|[)"”’'\].,;:!?…]+$/gu, ''))
    .filter(Boolean);

function distance(a: string, b: string): number {
  const x = [...fold(a)];
  const y = [...fold(b)];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]! / Math.max(x.length, y.length, 1);
}

/** Token pairs of a line, aligned by Levenshtein with a similarity-weighted substitution cost. */
function alignWords(t: string[], o: string[]): [string, string][] {
  const D = Array.from({ length: t.length + 1 }, (_, i) => [i, ...new Array<number>(o.length).fill(0)]);
  for (let j = 0; j <= o.length; j++) D[0]![j] = j;
  for (let i = 1; i <= t.length; i++) {
    for (let j = 1; j <= o.length; j++) {
      D[i]![j] = Math.min(D[i - 1]![j]! + 1, D[i]![j - 1]! + 1, D[i - 1]![j - 1]! + 1.5 * distance(t[i - 1]!, o[j - 1]!));
    }
  }
  const out: [string, string][] = [];
  let i = t.length;
  let j = o.length;
  while (i > 0 && j > 0) {
    const d = distance(t[i - 1]!, o[j - 1]!);
    if (D[i]![j] === D[i - 1]![j - 1]! + 1.5 * d) {
      if (d <= 0.6) out.push([t[i - 1]!, o[j - 1]!]);
      i--;
      j--;
    } else if (D[i]![j] === D[i - 1]![j]! + 1) i--;
    else j--;
  }
  return out;
}

const counts: ChannelCounts = {
  $comment:
    'OCR-garble channel: what `tesseract -l eng` wrote for each true Vietnamese letter, counted on our own renders of clean text (scripts/dictionaries/ocr-pairs.ts, channel.ts).',
  emissions: {},
  insertions: {},
};
let pairs = 0;
for (const row of rows.slice(0, cut)) {
  const [truth, ocr] = row.split('\t') as [string, string];
  for (const [t, o] of alignWords(words(truth), words(ocr))) {
    if (!/\p{L}/u.test(t) || /\d/.test(t)) continue;
    pairs++;
    const { lead, emits } = alignLetters(t, o);
    for (const ch of lead) counts.insertions[ch] = (counts.insertions[ch] ?? 0) + 1;
    for (const [tc, oc] of emits) {
      const row2 = (counts.emissions[tc] ??= {});
      row2[oc] = (row2[oc] ?? 0) + 1;
    }
  }
}
writeFileSync(outPath, JSON.stringify(counts, null, 0) + '\n');
process.stderr.write(`${pairs} word pairs from ${cut} lines\n`);
