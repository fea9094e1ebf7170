import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/PID/stat times on Linux (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system, all threads) a running process has used, polled until it exits: the last
 * `everyMs` before exit are missed. Unlike wall time it barely moves when other work shares the machine.
 */
export function watchCpuSeconds(child: ChildProcess, everyMs = 200): () => number {
  let seconds = 0;
  const timer = setInterval(async () => {
    try {
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime the 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    } catch {
      /* exited */
    }
  }, everyMs);
  child.once('exit', () => clearInterval(timer));
  return () => seconds;
}
