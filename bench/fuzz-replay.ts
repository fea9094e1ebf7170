// npx tsx bench/fuzz-replay.ts FILE…  — runs kept fuzz inputs through the same stages as the bench, in this
// process, and prints each outcome (to reproduce a finding under a debugger or with --verbose traces).
import { readThrough } from './lib/fuzz-read.js';

for (const path of process.argv.slice(2)) {
  const started = Date.now();
  try {
    await readThrough(path);
    console.log(`ok  ${path}  ${Date.now() - started} ms`);
  } catch (error) {
    console.log(`${(error as { code?: string }).code ?? 'throw'}  ${path}  ${Date.now() - started} ms`);
    console.log(error);
  }
}
