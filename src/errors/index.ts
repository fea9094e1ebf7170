export { ERROR_CATALOGUE, isErrorCode, type ErrorCode, type ErrorSpec } from './catalogue.js';
export { ExitCode } from './exit-codes.js';
export { VnplanError, asVnplanError, type ErrorDetails } from './vnplan-error.js';
