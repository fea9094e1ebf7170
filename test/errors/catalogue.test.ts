import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ExitCode, VnplanError, asVnplanError } from '../../src/errors/index.js';

describe('error catalogue', () => {
  it('should give every code a message, an exit code and a retry flag', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^VNPLAN_E_[A-Z0-9_]+$/);
      expect(spec.message.length).toBeGreaterThan(3);
      expect(Object.values(ExitCode)).toContain(spec.exitCode);
      expect(typeof spec.retryable).toBe('boolean');
    }
  });

  it('should fill the message template from details and name the file in one line', () => {
    const error = new VnplanError(
      'VNPLAN_E_TOO_MANY_PAGES',
      { pages: 2000, limit: 500 },
      { path: 'a b.pdf' },
    );
    expect(error.message).toBe(
      'the document has 2000 pages, over the limit of 500: raise --max-pages if it is genuine',
    );
    expect(error.toLine()).toBe(`a b.pdf: ${error.message} [VNPLAN_E_TOO_MANY_PAGES]`);
    expect(error.exitCode).toBe(ExitCode.OverLimit);
    expect(error.retryable).toBe(false);
  });

  it('should round-trip through JSON as it does across the queue', () => {
    const error = new VnplanError('VNPLAN_E_OCR_TIMEOUT', { page: 3, limitMs: 1000 }, { path: 'x.pdf' });
    const back = VnplanError.fromJSON(JSON.parse(JSON.stringify(error)) as { code: string; message: string });
    expect(back.code).toBe('VNPLAN_E_OCR_TIMEOUT');
    expect(back.message).toBe(error.message);
    expect(back.retryable).toBe(true);
    expect(back.path).toBe('x.pdf');
  });

  it('should wrap foreign errors as internal and keep ours as they are', () => {
    const ours = new VnplanError('VNPLAN_E_FILE_EMPTY');
    expect(asVnplanError(ours)).toBe(ours);
    expect(asVnplanError(ours, 'f.pdf').path).toBe('f.pdf');
    const wrapped = asVnplanError(new RangeError('boom'));
    expect(wrapped.code).toBe('VNPLAN_E_INTERNAL');
    expect(wrapped.message).toContain('boom');
  });
});
