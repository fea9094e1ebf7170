import { describe, expect, it } from 'vitest';
import { VnplanError } from '../../src/errors/index.js';
import { isTimeoutError, withTimeout } from '../../src/timeout.js';

const never = new Promise<never>(() => undefined);

describe('withTimeout', () => {
  it('should reject with VNPLAN_E_TIMEOUT naming the stage, marked as a timeout', async () => {
    const error = await withTimeout(never, 5, 'reading page 3').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(VnplanError);
    expect((error as VnplanError).code).toBe('VNPLAN_E_TIMEOUT');
    expect((error as VnplanError).message).toContain('reading page 3');
    expect(isTimeoutError(error)).toBe(true);
  });

  it("should mark the caller's own timeout error, whatever its code", async () => {
    const own = new VnplanError('VNPLAN_E_RENDER_FAILED', { page: 1, detail: 'took too long' });
    const error = await withTimeout(never, 5, 'rendering', () => own).catch((caught: unknown) => caught);
    expect(error).toBe(own);
    expect(isTimeoutError(error)).toBe(true);
  });

  it('should not mark errors of the work itself, nor anything else', async () => {
    const failing = Promise.reject(new VnplanError('VNPLAN_E_TIMEOUT', { stage: 'x', limitMs: 1 }));
    const error = await withTimeout(failing, 1_000, 'work').catch((caught: unknown) => caught);
    expect(isTimeoutError(error)).toBe(false);
    expect(isTimeoutError(undefined)).toBe(false);
    expect(isTimeoutError('VNPLAN_E_TIMEOUT')).toBe(false);
    await expect(withTimeout(Promise.resolve(7), 1_000, 'work')).resolves.toBe(7);
  });
});
