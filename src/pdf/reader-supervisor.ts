import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VnplanError, isErrorCode } from '../errors/index.js';
import { checkEndsWithEof, type OpenPdfOptions } from './load.js';
import type { PageBitmap, PageImageOptions } from './page-image.js';
import type {
  IsolatedPageText,
  ReaderAsk,
  ReaderFailure,
  ReaderReply,
  ReaderRequest,
  ReaderResult,
} from './reader-messages.js';

/**
 * Default memory ceiling of a process reading PDFs: its resident set, in MiB. An import holding the
 * language model, two OCR workers and several documents in flight reaches about 1.5 GB on real scans
 * (docs/hostile-input.md), so the default leaves room above that.
 */
export const DEFAULT_MAX_MEMORY_MIB = 3072;
/** How often the resident set is checked while a reader is busy. */
const MEMORY_POLL_MS = 50;
/**
 * A runaway decoder keeps allocating (some 300 MB/s) for the tenth of a second a thread takes to stop, so
 * the thread is stopped at this share of the ceiling to keep the process below the ceiling itself.
 */
const STOP_AT_SHARE_OF_CEILING = 0.9;
/**
 * Between that share and the ceiling itself, a thread is stopped only when the process grew by at least
 * this share of the ceiling while its current request ran: memory held elsewhere (the language model, OCR
 * workers, other documents) is no reason to fail a document that is being read normally.
 */
const GROWTH_SHARE_OF_CEILING = 0.2;
/**
 * A thread's JavaScript heap limit, as a share of the ceiling: only a last resort, above the resident-set
 * check. V8 ends the whole process, not just the thread, when one allocation cannot fit under the limit.
 */
const HEAP_SHARE_OF_CEILING = 2;
/** Longest a new thread may take to load pdfjs. */
const START_UP_MS = 60_000;
/** Healthy workers kept for the next document, with pdfjs already loaded. */
const IDLE_WORKERS = 2;

const WORKER_ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './reader-worker.ts' : './reader-worker.js',
  import.meta.url,
);

/** tsx's ESM loader API, for worker threads started from TypeScript sources (tsx, vitest). */
function tsxLoaderUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/** Under tsx or vitest the worker's TypeScript needs tsx's loader, registered inside the thread. */
function startWorker(maxMemoryMiB: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: Math.round(maxMemoryMiB * HEAP_SHARE_OF_CEILING) };
  if (WORKER_ENTRY.pathname.endsWith('.js')) return new Worker(WORKER_ENTRY, { resourceLimits });
  const body = `import(${JSON.stringify(tsxLoaderUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_ENTRY.href)}); });`;
  return new Worker(body, { eval: true, resourceLimits });
}

type Stopped = (stage: string) => VnplanError;

interface Pending {
  resolve: (result: ReaderResult) => void;
  reject: (error: VnplanError) => void;
  stage: string;
  /** The process's resident set when the request was sent, in MiB. */
  rssAtStartMiB: number;
  timer: NodeJS.Timeout;
}

/** One worker thread that reads one document at a time; it is thrown away when anything goes wrong. */
class ReaderThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  private nextId = 1;
  dead = false;
  /**
   * A request of this thread's document ran out of time inside the thread: pdfjs may still be working on
   * it in the background, so the thread is not given to another document.
   */
  tainted = false;
  /** Resolves when pdfjs is loaded in the thread: time limits count from there, not from the start-up. */
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly exited: Promise<void>;

  constructor(
    readonly maxMemoryMiB: number,
    private readonly onDeath: (thread: ReaderThread, stopped: Promise<unknown>) => void,
  ) {
    this.worker = startWorker(maxMemoryMiB);
    this.worker.unref();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    const startUp = setTimeout(
      () => this.kill((stage) => timedOut(`${stage} (starting the PDF reader)`, START_UP_MS)),
      START_UP_MS,
    ).unref();
    void this.ready.then(() => clearTimeout(startUp));
    this.worker.on('message', (reply: ReaderReply | { ready: true }) =>
      'ready' in reply ? this.markReady() : this.settle(reply),
    );
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.kill((stage) =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? overMemory(stage, this.maxMemoryMiB)
          : new VnplanError('VNPLAN_E_PDF_CORRUPT', {
              detail: `${stage}: the PDF reader failed (${error.message})`,
            }),
      ),
    );
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('exit', () =>
      this.kill(
        (stage) => new VnplanError('VNPLAN_E_PDF_CORRUPT', { detail: `${stage}: the PDF reader stopped` }),
      ),
    );
  }

  /** The most the process grew while one of this thread's open requests ran (MiB); undefined when idle. */
  growthMiB(rssMiB: number): number | undefined {
    let growth: number | undefined;
    for (const { rssAtStartMiB } of this.pending.values())
      growth = Math.max(growth ?? -Infinity, rssMiB - rssAtStartMiB);
    return growth;
  }

  async request(
    message: ReaderAsk,
    stage: string,
    limits: { timeoutMs: number; onTimeout: Stopped },
    transfer: ArrayBuffer[] = [],
  ): Promise<ReaderResult> {
    const stopped = () =>
      new VnplanError('VNPLAN_E_PDF_CORRUPT', { detail: `${stage}: the PDF reader stopped` });
    if (this.dead) throw stopped();
    this.worker.ref();
    await Promise.race([this.ready, this.exited]);
    if (this.dead) throw stopped();
    const id = this.nextId++;
    return new Promise<ReaderResult>((resolve, reject) => {
      const timer = setTimeout(() => this.kill(limits.onTimeout), limits.timeoutMs);
      this.pending.set(id, {
        resolve,
        reject,
        stage,
        rssAtStartMiB: process.memoryUsage.rss() / 2 ** 20,
        timer,
      });
      this.worker.postMessage({ ...message, id } as ReaderRequest, transfer);
    });
  }

  private settle(reply: ReaderReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) return pending.resolve(reply.result);
    if (reply.error.timedOut) this.tainted = true;
    pending.reject(fromFailure(reply.error));
  }

  /** Stops the thread (a synchronous decode included) and fails everything it was doing. */
  kill(reason: Stopped): void {
    if (this.dead) return;
    this.dead = true;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(reason(pending.stage));
    }
    this.pending.clear();
    this.onDeath(this, this.worker.terminate());
  }
}

function fromFailure(failure: ReaderFailure): VnplanError {
  if (isErrorCode(failure.code)) {
    const error = new VnplanError(failure.code, failure.details ?? {});
    error.message = failure.message;
    return error;
  }
  return new VnplanError('VNPLAN_E_PDF_CORRUPT', { detail: failure.message });
}

function overMemory(stage: string, maxMemoryMiB: number): VnplanError {
  return new VnplanError('VNPLAN_E_PDF_OVER_MEMORY', { stage, limitMiB: maxMemoryMiB });
}

function timedOut(stage: string, limitMs: number): VnplanError {
  return new VnplanError('VNPLAN_E_PDF_PAGE_TIMEOUT', { stage, limitMs });
}

/**
 * Owns the worker threads pdfjs runs in. Each open document has a thread of its own; a thread that runs
 * over its time or the memory ceiling is terminated (ending even a decode that never yields), its
 * document fails with a VnplanError, and the next document gets a fresh thread. The ceiling is the
 * process's resident set: a thread's own heap limit does not cover wasm memory and array buffers, where
 * pdfjs's image decoders allocate.
 */
export class PdfReaderSupervisor {
  private readonly idle: ReaderThread[] = [];
  private readonly busy = new Set<ReaderThread>();
  private watch: NodeJS.Timeout | undefined;
  /** Threads being stopped: the memory they hold is not given back until they are gone. */
  private stopping = 0;

  /** A thread for one document. */
  lease(maxMemoryMiB: number): ReaderThread {
    const index = this.idle.findIndex((thread) => thread.maxMemoryMiB === maxMemoryMiB);
    const thread =
      index >= 0
        ? this.idle.splice(index, 1)[0]!
        : new ReaderThread(maxMemoryMiB, (dead, stopped) => this.forget(dead, stopped));
    this.busy.add(thread);
    this.watch ??= setInterval(() => this.checkMemory(), MEMORY_POLL_MS).unref();
    return thread;
  }

  /** A thread back from a document that was closed cleanly. */
  giveBack(thread: ReaderThread): void {
    this.busy.delete(thread);
    if (thread.dead) return;
    if (this.idle.length < IDLE_WORKERS && !thread.tainted) this.idle.push(thread);
    else
      thread.kill(() => new VnplanError('VNPLAN_E_INTERNAL', { detail: 'an idle PDF reader was retired' }));
    this.stopWatchingWhenIdle();
  }

  private forget(thread: ReaderThread, stopped: Promise<unknown>): void {
    this.stopping++;
    void stopped.finally(() => this.stopping--);
    this.busy.delete(thread);
    const index = this.idle.indexOf(thread);
    if (index >= 0) this.idle.splice(index, 1);
    this.stopWatchingWhenIdle();
  }

  private stopWatchingWhenIdle(): void {
    if (this.busy.size > 0 || !this.watch) return;
    clearInterval(this.watch);
    this.watch = undefined;
  }

  /** Over the ceiling, the busy thread under which the process grew most is the one decoding something runaway. */
  private checkMemory(): void {
    if (this.stopping > 0) return;
    const rssMiB = process.memoryUsage.rss() / 2 ** 20;
    let victim: ReaderThread | undefined;
    let victimGrowth = -Infinity;
    for (const thread of this.busy) {
      const ceiling = thread.maxMemoryMiB;
      const growth = thread.growthMiB(rssMiB);
      if (growth === undefined || rssMiB <= ceiling * STOP_AT_SHARE_OF_CEILING) continue;
      if (rssMiB <= ceiling && growth < ceiling * GROWTH_SHARE_OF_CEILING) continue;
      if (growth > victimGrowth) [victim, victimGrowth] = [thread, growth];
    }
    victim?.kill((stage) => overMemory(stage, victim.maxMemoryMiB));
  }

  /** Ends every thread (for tests and shutdown). */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    this.stopWatchingWhenIdle();
    await Promise.all(all.map((thread) => thread.worker.terminate()));
  }
}

let shared: PdfReaderSupervisor | undefined;
export function pdfReaders(): PdfReaderSupervisor {
  return (shared ??= new PdfReaderSupervisor());
}

export interface IsolatedOpenOptions extends OpenPdfOptions {
  /** Resident-set ceiling of the process while this document is read, in MiB. @defaultValue 3072 */
  maxMemoryMiB?: number;
}

/** A PDF opened in a reader thread: the same reading functions as in-process, bounded in time and memory. */
export class IsolatedPdf {
  private closed = false;

  private constructor(
    private readonly thread: ReaderThread,
    private readonly documentId: number,
    readonly numPages: number,
    private readonly path: string | undefined,
    private readonly supervisor: PdfReaderSupervisor,
  ) {}

  /** Opens `data` in a reader thread (see openPdf for the errors; plus timeouts and the memory ceiling). */
  static async open(
    data: Uint8Array,
    options: IsolatedOpenOptions = {},
    supervisor = pdfReaders(),
  ): Promise<IsolatedPdf> {
    const { path, maxMemoryMiB = DEFAULT_MAX_MEMORY_MIB, timeoutMs = 30_000, ...rest } = options;
    // The cheapest refusal needs no thread.
    checkEndsWithEof(data, path);
    const thread = supervisor.lease(maxMemoryMiB);
    const copy = new Uint8Array(data);
    try {
      const result = await thread.request(
        { op: 'open', data: copy, options: { ...rest, timeoutMs } },
        'opening the PDF',
        {
          // The in-thread timeout answers first for pdfjs's own waits; this one ends a thread that never yields.
          timeoutMs: timeoutMs + 1_000,
          onTimeout: () =>
            new VnplanError('VNPLAN_E_PDF_CORRUPT', { detail: 'it could not be opened in time' }),
        },
        [copy.buffer],
      );
      if (result.op !== 'open') throw new Error(`unexpected reply ${result.op}`);
      return new IsolatedPdf(thread, result.document, result.numPages, path, supervisor);
    } catch (error) {
      supervisor.giveBack(thread);
      throw named(error, path);
    }
  }

  /** The page's text layer and content (as readPdfPage), within `timeoutMs`. */
  async readPage(pageNumber: number, options: { timeoutMs?: number } = {}): Promise<IsolatedPageText> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const stage = `reading page ${pageNumber}`;
    const result = await this.ask(
      { op: 'read-page', document: this.documentId, page: pageNumber, timeoutMs },
      stage,
      timeoutMs,
    );
    if (result.op !== 'read-page') throw new Error(`unexpected reply ${result.op}`);
    return result.page;
  }

  /** The page as a bitmap for OCR (as pageBitmap); its pixels are moved, not copied, from the thread. */
  async pageBitmap(pageNumber: number, options: PageImageOptions = {}): Promise<PageBitmap> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const result = await this.ask(
      { op: 'bitmap', document: this.documentId, page: pageNumber, options: { ...options, timeoutMs } },
      `rendering page ${pageNumber}`,
      timeoutMs,
    );
    if (result.op !== 'bitmap') throw new Error(`unexpected reply ${result.op}`);
    const { data } = result.bitmap;
    return { ...result.bitmap, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  }

  /** Frees what the thread keeps of a page. */
  releasePage(pageNumber: number): void {
    if (this.closed || this.thread.dead) return;
    this.ask(
      { op: 'release-page', document: this.documentId, page: pageNumber },
      'releasing a page',
      10_000,
    ).catch(() => undefined);
  }

  /** Closes the document; its thread goes back to the supervisor when it is healthy. */
  async destroy(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.thread.dead)
        await this.thread.request({ op: 'close', document: this.documentId }, 'closing the PDF', {
          timeoutMs: 10_000,
          onTimeout: (stage) => timedOut(stage, 10_000),
        });
    } catch {
      // A thread that cannot close a document is already gone or is being replaced.
    } finally {
      this.supervisor.giveBack(this.thread);
    }
  }

  private async ask(message: ReaderAsk, stage: string, timeoutMs: number): Promise<ReaderResult> {
    try {
      // The in-thread limits answer first when pdfjs is merely waiting; this one stops a thread that never yields.
      return await this.thread.request(message, stage, {
        timeoutMs: timeoutMs + 1_000,
        onTimeout: (what) => timedOut(what, timeoutMs),
      });
    } catch (error) {
      throw named(error, this.path);
    }
  }
}

function named(error: unknown, path: string | undefined): unknown {
  return error instanceof VnplanError && path ? error.withPath(path) : error;
}
