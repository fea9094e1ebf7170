import { VnplanError } from '../../errors/index.js';
import type { CliContext } from '../context.js';

/** A whole number from the command line, at least `min`; a usage error otherwise. */
export function parseCount(value: string, option: string, min: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min)
    throw new VnplanError('VNPLAN_E_USAGE', {
      detail: `${option} expects a whole number ≥ ${min}, not "${value}"`,
    });
  return Number(value);
}

/** The terminal's width when writing to one; undefined (no cutting) for pipes and files. */
export function outputWidth(ctx: CliContext): number | undefined {
  const stream = ctx.stdout as { isTTY?: boolean; columns?: number };
  return stream.isTTY ? (stream.columns ?? 120) : undefined;
}
