import { UnrecoverableError } from 'bullmq';
import { asVnplanError, VnplanError, isErrorCode } from '../errors/index.js';

/**
 * BullMQ keeps only an error's message as a job's failure reason. We prefix it with our code so that the
 * reason read back from Redis (by the parent job, the CLI or `vnplan status`) is still a typed error.
 */
export function toJobError(error: unknown, path: string): Error {
  const failure = asVnplanError(error, path);
  const message = `[${failure.code}] ${failure.message}`;
  // Bad input will be bad next time too: fail at once instead of retrying.
  return failure.retryable ? new Error(message) : new UnrecoverableError(message);
}

export function fromFailureReason(reason: string, path?: string): VnplanError {
  const match = /^\[(VNPLAN_E_[A-Z0-9_]+)\] (.*)$/s.exec(reason);
  const code = match?.[1];
  if (match && isErrorCode(code)) {
    const error = new VnplanError(code, {}, path ? { path } : {});
    error.message = match[2] ?? error.message;
    return error;
  }
  return new VnplanError('VNPLAN_E_INTERNAL', { detail: reason }, path ? { path } : {});
}
