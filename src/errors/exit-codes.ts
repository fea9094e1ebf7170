/**
 * Exit codes of the `vnplan` command, documented for scripts (see README, "Exit codes").
 * A single-document command exits with the code of its error; a batch exits with
 * `SomeFailed` when at least one document failed and the rest were processed.
 */
export const ExitCode = {
  Ok: 0,
  /** The command itself could not run (bad configuration, a service down, an internal error). */
  Failure: 1,
  /** A batch ran, but some documents failed; each failure is reported and recorded. */
  SomeFailed: 2,
  /** The command line was wrong. */
  Usage: 3,
  /** An input file is missing or cannot be read. */
  InputNotFound: 4,
  /** An input file is corrupt, empty or of an unsupported kind. */
  BadInput: 5,
  /** An input file is encrypted and cannot be read without a password. */
  Encrypted: 6,
  /** An input file is over a configured limit (size, pages, pixels). */
  OverLimit: 7,
  /** A stage ran out of its time limit. */
  Timeout: 8,
  /** Redis or the database could not be reached. */
  ServiceUnavailable: 9,
  /** A bug: please report it with the output of --verbose. */
  Internal: 10,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
