/** The `vnplan worker` command line for a test's private Redis, archive and queue prefix, one OCR worker. */
export function workerArgs(redisUrl: string, db: string, prefix: string, ...extra: string[]): string[] {
  return ['worker', '--redis', redisUrl, '--db', db, '--queue-prefix', prefix, '--workers', '1', ...extra];
}
