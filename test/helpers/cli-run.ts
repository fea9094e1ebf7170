import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import { createContext } from '../../src/cli/context.js';

/** A CLI context whose stdout and stderr are captured for a test to read. */
export function captureCli() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  return { ctx: createContext(stdout, stderr), out: () => out.join(''), err: () => err.join('') };
}

/** Runs the vnplan command line in-process and captures what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureCli();
  const code = await main(['node', 'vnplan', ...args], io.ctx);
  return { code, out: io.out(), err: io.err() };
}

export const jsonLines = <T = Record<string, unknown>>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
