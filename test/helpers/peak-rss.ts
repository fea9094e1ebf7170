import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Peak resident memory of a running process, in MiB (Linux VmHWM), polled until it exits. */
export function watchPeakRss(child: ChildProcess, everyMs = 200): () => number {
  let peak = 0;
  const timer = setInterval(async () => {
    try {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* exited */
    }
  }, everyMs);
  child.once('exit', () => clearInterval(timer));
  return () => peak;
}
