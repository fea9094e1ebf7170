import type { ConnectionOptions } from 'bullmq';
import { VnplanError } from '../errors/index.js';

/** Queue names and key prefix shared by the CLI and every worker of one deployment. */
export interface QueueSettings {
  connection: ConnectionOptions;
  /** Redis key prefix; a test run or a second deployment on one Redis picks its own. @defaultValue "vnplan" */
  prefix: string;
  /** The URL as the user gave it, for messages (password removed). */
  displayUrl: string;
}

export const DOCUMENT_QUEUE = 'document';
export const PAGE_QUEUE = 'ocr-page';

/** redis://[user:password@]host:port[/db] → BullMQ connection options (never give up reconnecting). */
export function queueSettings(url: string, prefix = 'vnplan'): QueueSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new VnplanError('VNPLAN_E_USAGE', {
      detail: `not a Redis URL: ${url} (expected redis://host:port)`,
    });
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new VnplanError('VNPLAN_E_USAGE', {
      detail: `not a Redis URL: ${url} (expected redis://host:port)`,
    });
  }
  const db = Number(parsed.pathname.replace('/', '') || 0);
  const connection: ConnectionOptions = {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis: commands must wait for a reconnect, not fail after N retries.
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(200 * 2 ** Math.min(times, 6), 10_000),
  };
  const displayUrl = `${parsed.protocol}//${parsed.hostname}:${parsed.port || 6379}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  return { connection, prefix, displayUrl };
}
