import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { VnplanError } from '../errors/index.js';
import type { DefaultStageOptions } from '../pipeline/index.js';
import { parseCount } from './commands/command-options.js';

export interface PipelineCliOptions {
  workers?: string;
  maxFileSize?: string;
  maxPages?: string;
  maxPixels?: string;
  maxStreamBytes?: string;
  maxMemory?: string;
  maxTextChars?: string;
  pageTimeout?: string;
  redis?: string;
  queuePrefix?: string;
}

/** Options that bound one document's cost, shared by `import` and `worker`. */
export function addPipelineOptions(command: Command): Command {
  return command
    .option('--workers <n>', 'OCR workers (tesseract.js) in this process (default: one per core)')
    .option('--max-file-size <bytes>', 'largest file accepted (default 200 MiB)')
    .option('--max-pages <n>', 'most pages per document (default 2000)')
    .option('--max-pixels <n>', 'most pixels per page image, against decompression bombs (default 150e6)')
    .option(
      '--max-stream-bytes <bytes>',
      'most bytes one compressed PDF stream (not an image) may inflate to, against decompression bombs (default 128 MiB)',
    )
    .option(
      '--max-memory <MiB>',
      'memory ceiling while reading PDFs: a page that takes the process past it fails (default 3072)',
    )
    .option(
      '--max-text-chars <n>',
      'most characters of text per document, which repair and extraction take in one go (default 20000000)',
    )
    .option('--page-timeout <ms>', 'longest OCR of one page (default 180000)');
}

/** The Redis key prefix that isolates one deployment's (or one test's) queues. */
export function addQueuePrefixOption(command: Command): Command {
  return command.option('--queue-prefix <prefix>', 'Redis key prefix of the queues (default: vnplan)');
}

export function stageOptionsOf(options: PipelineCliOptions): DefaultStageOptions {
  const count = (value: string | undefined, name: string, min = 1) =>
    value === undefined ? undefined : parseCount(value, name, min);
  return {
    limits: {
      maxFileSize: count(options.maxFileSize, '--max-file-size'),
      maxPages: count(options.maxPages, '--max-pages'),
      maxPixels: count(
        options.maxPixels?.replace(/e(\d+)$/i, (_, e: string) => '0'.repeat(Number(e))),
        '--max-pixels',
      ),
      maxStreamBytes: count(options.maxStreamBytes, '--max-stream-bytes'),
      maxMemoryMiB: count(options.maxMemory, '--max-memory', 64),
      maxTextChars: count(options.maxTextChars, '--max-text-chars'),
    },
    pool: {
      workers: count(options.workers, '--workers') ?? availableParallelism(),
      pageTimeoutMs: count(options.pageTimeout, '--page-timeout'),
    },
  };
}

/** The Redis URL from --redis or $REDIS_URL; `required` for commands that only make sense with a queue. */
export function redisUrlOf(options: PipelineCliOptions, required: boolean): string | undefined {
  const url = options.redis ?? process.env.REDIS_URL;
  if (!url && required)
    throw new VnplanError('VNPLAN_E_USAGE', { detail: 'give --redis redis://host:port (or set REDIS_URL)' });
  return url || undefined;
}
