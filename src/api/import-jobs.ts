import { randomUUID } from 'node:crypto';
import { asVnplanError } from '../errors/index.js';
import type { ImportEvent, ImportListener, ImportSummary } from '../pipeline/index.js';

/** Starts one import batch and reports its events; the embedded runner or the queue (see serve). */
export type ImportStarter = (
  paths: readonly string[],
  options: { force: boolean; onEvent: ImportListener },
) => Promise<ImportSummary>;

export interface ImportDocumentState {
  path: string;
  id: string | null;
  state: 'reading' | 'stored' | 'duplicate' | 'failed';
  pages: number;
  pagesDone: number;
  number?: string | null;
  title?: string | null;
  code?: string;
  message?: string;
}

/** What the progress endpoint answers for one import started from the workspace. */
export interface ImportJobSnapshot {
  id: string;
  status: 'running' | 'done' | 'failed';
  paths: string[];
  startedAt: string;
  finishedAt: string | null;
  /** The store's import run, once the batch has finished. */
  runId: string | null;
  files: number;
  documentsDone: number;
  stored: number;
  duplicates: number;
  failed: number;
  pagesDone: number;
  /** Pages of the documents started so far. */
  pagesTotal: number;
  pagesPerMinute: number;
  documents: ImportDocumentState[];
  /** Why the whole batch could not run (database, Redis), when it could not. */
  error: string | null;
}

class ImportJob {
  readonly snapshot: ImportJobSnapshot;
  private readonly started = Date.now();
  readonly done: Promise<void>;

  constructor(paths: readonly string[], force: boolean, start: ImportStarter) {
    this.snapshot = {
      id: randomUUID(),
      status: 'running',
      paths: [...paths],
      startedAt: new Date(this.started).toISOString(),
      finishedAt: null,
      runId: null,
      files: 0,
      documentsDone: 0,
      stored: 0,
      duplicates: 0,
      failed: 0,
      pagesDone: 0,
      pagesTotal: 0,
      pagesPerMinute: 0,
      documents: [],
      error: null,
    };
    this.done = start(paths, { force, onEvent: (event) => this.apply(event) }).then(
      (summary) => this.finish('done', summary.runId, null),
      (error: unknown) => this.finish('failed', null, asVnplanError(error).message),
    );
  }

  private documentOf(path: string, id: string | null): ImportDocumentState {
    let document = this.snapshot.documents.find((d) => d.path === path);
    if (!document) {
      document = { path, id, state: 'reading', pages: 0, pagesDone: 0 };
      this.snapshot.documents.push(document);
    }
    return document;
  }

  private apply(event: ImportEvent): void {
    const s = this.snapshot;
    switch (event.type) {
      case 'discovered':
        s.files += event.files;
        break;
      case 'started': {
        const document = this.documentOf(event.path, event.id);
        document.pages = event.pages;
        s.pagesTotal += event.pages;
        break;
      }
      case 'page': {
        this.documentOf(event.path, event.id).pagesDone += 1;
        s.pagesDone += 1;
        break;
      }
      case 'stored':
        Object.assign(this.documentOf(event.path, event.id), {
          state: 'stored',
          number: event.number,
          title: event.title,
        });
        s.stored += 1;
        break;
      case 'duplicate':
        this.documentOf(event.path, event.id).state = 'duplicate';
        s.duplicates += 1;
        break;
      case 'failed':
        Object.assign(this.documentOf(event.path, event.id), {
          state: 'failed',
          code: event.code,
          message: event.message,
        });
        s.failed += 1;
        break;
    }
    s.documentsDone = s.stored + s.duplicates + s.failed;
    const minutes = (Date.now() - this.started) / 60_000;
    s.pagesPerMinute = minutes > 0 ? Math.round((s.pagesDone / minutes) * 10) / 10 : 0;
  }

  private finish(status: 'done' | 'failed', runId: string | null, error: string | null): void {
    Object.assign(this.snapshot, { status, runId, error, finishedAt: new Date().toISOString() });
  }
}

/** Imports started over HTTP, followed in memory (the store keeps the lasting record: runs and failures). */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly start: ImportStarter,
    /** Finished jobs kept for the progress endpoint. @defaultValue 50 */
    private readonly keep = 50,
  ) {}

  begin(paths: readonly string[], force: boolean): ImportJobSnapshot {
    const job = new ImportJob(paths, force, this.start);
    this.jobs.set(job.snapshot.id, job);
    const finished = [...this.jobs.values()].filter((j) => j.snapshot.status !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keep)))
      this.jobs.delete(old.snapshot.id);
    return job.snapshot;
  }

  get(id: string): ImportJobSnapshot | undefined {
    return this.jobs.get(id)?.snapshot;
  }

  list(): ImportJobSnapshot[] {
    return [...this.jobs.values()].map((job) => job.snapshot).reverse();
  }

  /** Waits for every running import to end (the server drains before it closes). */
  async drain(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.done));
  }
}
