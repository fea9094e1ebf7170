import type { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { buildApi, serverImporter } from '../../api/index.js';
import { VnplanError } from '../../errors/index.js';
import { isPostgresSpec, openStore } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import {
  addPipelineOptions,
  addQueuePrefixOption,
  redisUrlOf,
  stageOptionsOf,
  type PipelineCliOptions,
} from '../pipeline-options.js';
import { addDbOption, dbSpecOf } from '../store-access.js';
import { parseCount } from './command-options.js';

/** Resolves on the first SIGINT or SIGTERM (the signal handlers are removed again). */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

interface ServeOptions extends PipelineCliOptions {
  db?: string;
  port: string;
  host: string;
  bodyLimit: string;
  cacheDir?: string;
  importRoot?: string;
}

export function registerServeCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('serve')
    .description(
      'the web workspace and the HTTP JSON API over the archive (read-only unless $VNPLAN_API_TOKEN is set)',
    )
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--body-limit <bytes>', 'largest request body accepted', String(8 * 1024 * 1024))
    .option('--cache-dir <dir>', 'page images and uploads (default: vnplan.cache beside the SQLite file)')
    .option(
      '--import-root <dir>',
      'folder whose files the workspace may import (default: the working folder)',
    )
    .option(
      '--redis <url>',
      'run workspace imports on this queue (default: $REDIS_URL; without it, in-process)',
    );
  addQueuePrefixOption(addPipelineOptions(addDbOption(command))).action(
    action(ctx, async (options: ServeOptions) => {
      const port = parseCount(options.port, '--port', 0);
      if (port > 65535) throw new VnplanError('VNPLAN_E_USAGE', { detail: '--port must be at most 65535' });
      const dbSpec = dbSpecOf(options);
      const store = await openStore(dbSpec);
      const imports = serverImporter(store, {
        redisUrl: redisUrlOf(options, false),
        queuePrefix: options.queuePrefix,
        stages: stageOptionsOf(options),
      });
      const app = buildApi(store, {
        bodyLimit: parseCount(options.bodyLimit, '--body-limit', 1),
        cacheDir:
          options.cacheDir ??
          (isPostgresSpec(dbSpec) ? resolve('vnplan.cache') : join(dirname(resolve(dbSpec)), 'vnplan.cache')),
        importRoot: options.importRoot,
        importer: imports.importer,
      });
      try {
        const address = await app
          .listen({ port, host: options.host })
          .catch((error: NodeJS.ErrnoException) => {
            throw new VnplanError('VNPLAN_E_USAGE', {
              detail: `cannot listen on ${options.host}:${port} (${error.code ?? error.message}): choose another --port`,
            });
          });
        const mode = process.env.VNPLAN_API_TOKEN ? 'read-write (bearer token)' : 'read-only';
        ctx.stdout.write(
          `vnplan workspace on ${address}/ and API (${store.backend}, ${mode}); OpenAPI at ${address}/openapi.json\n`,
        );
        await untilSignal();
      } finally {
        await app.close();
        await imports.close();
        await store.close();
      }
    }),
  );
}
