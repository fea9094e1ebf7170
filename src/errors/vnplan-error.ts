import { ERROR_CATALOGUE, isErrorCode, type ErrorCode } from './catalogue.js';
import type { ExitCode } from './exit-codes.js';

export type ErrorDetails = Record<string, string | number | boolean | undefined>;

function fillTemplate(template: string, details: ErrorDetails): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = details[key];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The one error class vnplan throws on purpose. Callers branch on `code` (or on `retryable`),
 * never on the message text. `path` names the file the error is about, when there is one.
 */
export class VnplanError extends Error {
  override readonly name = 'VnplanError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly exitCode: ExitCode;
  readonly details: ErrorDetails;
  readonly path: string | undefined;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options: { path?: string; cause?: unknown } = {}) {
    const spec = ERROR_CATALOGUE[code];
    super(fillTemplate(spec.message, details), { cause: options.cause });
    this.code = code;
    this.retryable = spec.retryable;
    this.exitCode = spec.exitCode;
    this.details = details;
    this.path = options.path;
  }

  /** The same error about `path`, unless it already names a file. */
  withPath(path: string): VnplanError {
    if (this.path) return this;
    const copy = new VnplanError(this.code, this.details, { path, cause: this.cause });
    copy.message = this.message;
    return copy;
  }

  /** One line for a user: `file: message [CODE]`. */
  toLine(): string {
    const where = this.path ? `${this.path}: ` : '';
    return `${where}${this.message} [${this.code}]`;
  }

  /** Plain data for JSON output, the store and queue job failure reasons. */
  toJSON(): { code: ErrorCode; message: string; retryable: boolean; path?: string } {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.path ? { path: this.path } : {}),
    };
  }

  /** Rebuilds an error from its JSON form (e.g. a failure reason that crossed the queue). */
  static fromJSON(data: { code: string; message?: string; path?: string }): VnplanError {
    if (!isErrorCode(data.code))
      return new VnplanError('VNPLAN_E_INTERNAL', { detail: data.message ?? data.code });
    const error = new VnplanError(data.code, {}, { path: data.path });
    if (data.message) Object.defineProperty(error, 'message', { value: data.message });
    return error;
  }
}

/** Any thrown value as a VnplanError: ours pass through, anything else is an internal error. */
export function asVnplanError(error: unknown, path?: string): VnplanError {
  if (error instanceof VnplanError) return path ? error.withPath(path) : error;
  const detail = error instanceof Error ? error.message : String(error);
  return new VnplanError('VNPLAN_E_INTERNAL', { detail }, { path, cause: error });
}
