import { ExitCode } from './exit-codes.js';

/**
 * Every error vnplan reports to a user. Codes are stable and never reused: scripts, the store and the
 * queue branch on them. `message` is a template: `{name}` is replaced from the error's details.
 * `retryable` tells the queue whether trying again can help (transient trouble) or not (bad input).
 */
export interface ErrorSpec {
  readonly message: string;
  readonly exitCode: ExitCode;
  readonly retryable: boolean;
}

export const ERROR_CATALOGUE = {
  VNPLAN_E_USAGE: {
    message: '{detail}',
    exitCode: ExitCode.Usage,
    retryable: false,
  },
  VNPLAN_E_FILE_NOT_FOUND: {
    message: 'no such file or folder: check the path and try again',
    exitCode: ExitCode.InputNotFound,
    retryable: false,
  },
  VNPLAN_E_FILE_UNREADABLE: {
    message: 'cannot read the file ({detail}): check its permissions, or copy the document to a regular file',
    exitCode: ExitCode.InputNotFound,
    retryable: false,
  },
  VNPLAN_E_FILE_EMPTY: {
    message: 'the file is empty (0 bytes): it was probably not copied or downloaded completely',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_FILE_TOO_LARGE: {
    message: 'the file is {size} bytes, over the limit of {limit}: raise --max-file-size if it is genuine',
    exitCode: ExitCode.OverLimit,
    retryable: false,
  },
  VNPLAN_E_UNSUPPORTED_TYPE: {
    message:
      'not a PDF, PNG, JPEG, TIFF or text file ({detail}): convert it to PDF (e.g. libreoffice --convert-to pdf) and import again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_SYMLINK_LOOP: {
    message: 'symbolic link loop: the link leads back to a folder already being imported; it was skipped',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_PDF_CORRUPT: {
    message:
      'the PDF is damaged ({detail}): it may be truncated; download or scan it again, or repair it with qpdf',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_PDF_ENCRYPTED: {
    message:
      'the PDF is encrypted with a password: decrypt it (qpdf --decrypt --password=… in.pdf out.pdf) and import again',
    exitCode: ExitCode.Encrypted,
    retryable: false,
  },
  VNPLAN_E_PDF_NO_PAGES: {
    message: 'the PDF has no pages: it is an empty shell; export or scan the document again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_PDF_STREAM_TOO_LARGE: {
    message:
      'part of the PDF ({detail}) inflates to more than {limit} bytes (a decompression bomb or a damaged file): raise --max-stream-bytes if it is genuine',
    exitCode: ExitCode.OverLimit,
    retryable: false,
  },
  VNPLAN_E_NO_TEXT: {
    message:
      'no page yielded any text (the pages are blank, damaged or unreadable): open the file to check it; get a new copy or scan it again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_TOO_MANY_PAGES: {
    message: 'the document has {pages} pages, over the limit of {limit}: raise --max-pages if it is genuine',
    exitCode: ExitCode.OverLimit,
    retryable: false,
  },
  VNPLAN_E_PAGE_RANGE: {
    message: 'page range "{range}" is not valid for a document of {pages} pages',
    exitCode: ExitCode.Usage,
    retryable: false,
  },
  VNPLAN_E_IMAGE_CORRUPT: {
    message: 'the image cannot be decoded ({detail}): it may be truncated; scan or copy it again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_IMAGE_TOO_LARGE: {
    message:
      'the image is {width}×{height} pixels, over the limit of {limit} pixels (a decompression bomb or a wrong size): raise --max-pixels if it is genuine',
    exitCode: ExitCode.OverLimit,
    retryable: false,
  },
  VNPLAN_E_TEXT_UNDECODABLE: {
    message: 'the text file is in no encoding vnplan can read ({detail}): save it as UTF-8 and import again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_OCR_MODEL_MISSING: {
    message:
      'the Vietnamese OCR model is missing ({detail}): run `npm ci` to reinstall @tesseract.js-data/vie',
    exitCode: ExitCode.Failure,
    retryable: false,
  },
  VNPLAN_E_OCR_TIMEOUT: {
    message: 'OCR of page {page} took longer than {limitMs} ms: raise --page-timeout for very large pages',
    exitCode: ExitCode.Timeout,
    retryable: true,
  },
  VNPLAN_E_OCR_FAILED: {
    message:
      'OCR failed on page {page} ({detail}): import the file again; if it keeps failing, report it with --verbose',
    exitCode: ExitCode.Failure,
    retryable: true,
  },
  VNPLAN_E_RENDER_FAILED: {
    message:
      'page {page} could not be rendered ({detail}): the page is damaged; open it in a PDF reader to check, or scan it again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_PDF_PAGE_TIMEOUT: {
    message:
      '{stage} took longer than {limitMs} ms and was stopped (a damaged image or drawing keeps the PDF reader busy): open the file in a PDF reader to check it, or scan it again',
    exitCode: ExitCode.Timeout,
    retryable: false,
  },
  VNPLAN_E_PDF_OVER_MEMORY: {
    message:
      '{stage} needed more than {limitMiB} MiB of memory and was stopped (a damaged or oversized image): open the file in a PDF reader to check it or scan it again; raise --max-memory if the page is genuine',
    exitCode: ExitCode.OverLimit,
    retryable: false,
  },
  VNPLAN_E_TEXT_TOO_LARGE: {
    message:
      'the document holds {chars} characters of text, over the limit of {limit}: split it into smaller files, or raise --max-text-chars if it is genuine',
    exitCode: ExitCode.OverLimit,
    retryable: false,
  },
  VNPLAN_E_DICTIONARY_MISSING: {
    message:
      'a language model file is missing or damaged ({detail}): run `npm run dictionaries` or reinstall',
    exitCode: ExitCode.Failure,
    retryable: false,
  },
  VNPLAN_E_NOT_CLEAN_TEXT: {
    message:
      '{detail} is not clean Vietnamese with full diacritics, so it cannot teach the restorer: learn only checked, diacritic-complete documents',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_DB_UNAVAILABLE: {
    message: 'the database cannot be reached ({detail}): check --db and that the server is running',
    exitCode: ExitCode.ServiceUnavailable,
    retryable: true,
  },
  VNPLAN_E_DB_SCHEMA: {
    message: 'the database schema is version {found}, newer than this vnplan knows ({known}): upgrade vnplan',
    exitCode: ExitCode.Failure,
    retryable: false,
  },
  VNPLAN_E_DOCUMENT_NOT_FOUND: {
    message: 'no document with id {id} in the archive',
    exitCode: ExitCode.InputNotFound,
    retryable: false,
  },
  VNPLAN_E_DOCUMENT_AMBIGUOUS: {
    message: 'the id prefix {id} matches {count} documents: give more characters of the id',
    exitCode: ExitCode.Usage,
    retryable: false,
  },
  VNPLAN_E_RECORD_INVALID: {
    message:
      'not a valid PlanRecord v1 ({detail}): pass records written by `vnplan extract`, or the document itself',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_REDIS_UNAVAILABLE: {
    message:
      'Redis cannot be reached at {url} ({detail}): start it, or import without --redis to run in-process',
    exitCode: ExitCode.ServiceUnavailable,
    retryable: true,
  },
  VNPLAN_E_FILE_CHANGED: {
    message: 'the file changed while it was being imported: import it again',
    exitCode: ExitCode.BadInput,
    retryable: false,
  },
  VNPLAN_E_JOB_LOST: {
    message:
      'the job vanished from Redis before it finished (was Redis restarted without persistence?): import the file again',
    exitCode: ExitCode.Failure,
    retryable: true,
  },
  VNPLAN_E_TIMEOUT: {
    message: '{stage} took longer than {limitMs} ms',
    exitCode: ExitCode.Timeout,
    retryable: true,
  },
  VNPLAN_E_INTERNAL: {
    message: 'internal error ({detail}): please report it with the output of --verbose',
    exitCode: ExitCode.Internal,
    retryable: false,
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}
