// npx tsx scripts/hostile/generate.ts OUT_DIR
// Writes the hostile-input corpus (docs/hostile-input.md) into OUT_DIR and prints what each file must end in.
import { mkdir, readdir } from 'node:fs/promises';
import { writeHostileCorpus } from './corpus.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/hostile/generate.ts OUT_DIR');
  process.exit(3);
}
await mkdir(out, { recursive: true });
if ((await readdir(out)).length > 0) {
  console.error(`${out} is not empty`);
  process.exit(3);
}
for (const entry of await writeHostileCorpus(out))
  console.log(`${entry.expect.padEnd(28)} ${JSON.stringify(entry.file)}  ${entry.what}`);
