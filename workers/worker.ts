// Process entrypoint for a queue worker (`node dist/workers/worker.js`), configured by the environment:
// REDIS_URL, VNPLAN_DB, and optional VNPLAN_WORKER_ARGS (extra `vnplan worker` flags, space-separated).
import { main } from '../src/cli.js';

const extra = (process.env.VNPLAN_WORKER_ARGS ?? '').split(/\s+/).filter(Boolean);
process.exitCode = await main([
  process.argv[0] ?? 'node',
  'vnplan',
  'worker',
  ...extra,
  ...process.argv.slice(2),
]);
