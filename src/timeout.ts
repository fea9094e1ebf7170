import { VnplanError } from './errors/index.js';

/**
 * Resolves like `work`, or rejects with `onTimeout()` (by default VNPLAN_E_TIMEOUT naming `stage`)
 * when it takes longer than `limitMs`. The work itself is not cancelled: callers that can cancel
 * (terminate a worker, destroy a PDF) do so in `onTimeout`.
 */
const timeoutErrors = new WeakSet<object>();

/** Whether `error` is the one a `withTimeout` produced when its limit ran out. */
export function isTimeoutError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && timeoutErrors.has(error);
}

export async function withTimeout<T>(
  work: Promise<T>,
  limitMs: number,
  stage: string,
  onTimeout?: () => Error,
): Promise<T> {
  if (!Number.isFinite(limitMs) || limitMs <= 0) return work;
  // Work abandoned after a timeout may still fail later; that failure has nobody left to hear it.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = onTimeout?.() ?? new VnplanError('VNPLAN_E_TIMEOUT', { stage, limitMs });
      timeoutErrors.add(error);
      reject(error);
    }, limitMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
