import type { SourceInfo } from '../pipeline/stages.js';

export interface DocumentJobData {
  source: SourceInfo;
  runId: string;
}

export interface PageJobData {
  source: SourceInfo;
  page: number;
}

/** What a finished document job returns (and `vnplan import` reports). */
export interface DocumentJobResult {
  id: string;
  path: string;
  pages: number;
  pagesFailed: number;
  number: string | null;
  title: string | null;
  seconds: number;
}

/** Job ids may not contain ':' in BullMQ; a forced re-run gets its own id so it is not de-duplicated. */
export function documentJobId(id: string, force: boolean): string {
  return force ? `${id}-force-${Date.now().toString(36)}` : id;
}

export function pageJobId(documentJobId: string, page: number): string {
  return `${documentJobId}-p${page}`;
}
