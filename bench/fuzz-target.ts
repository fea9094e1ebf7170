// The child process of `npm run bench:fuzz`: reads one mutated file at a time (sent over IPC) through
// readThrough and answers with the outcome. The parent kills it on a hang or over the memory limit.
import { asVnplanError } from '../src/errors/index.js';
import { readThrough } from './lib/fuzz-read.js';

export interface FuzzRequest {
  index: number;
  path: string;
}
export interface FuzzAnswer {
  index: number;
  /** 'ok', or the catalogue code it was refused with. */
  outcome: string;
  detail?: string;
}

process.on('message', async (request: FuzzRequest) => {
  let answer: FuzzAnswer;
  try {
    await readThrough(request.path, Number(process.env.VNPLAN_FUZZ_MEMORY_MIB) || undefined);
    answer = { index: request.index, outcome: 'ok' };
  } catch (error) {
    const failure = asVnplanError(error);
    answer = { index: request.index, outcome: failure.code, detail: failure.message.slice(0, 300) };
  }
  process.send?.(answer);
});
process.send?.({ index: -1, outcome: 'ready' });
