import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Page, type Worker } from 'tesseract.js';
import { VnplanError } from '../errors/index.js';

const VIE_ROOT = dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/vie/package.json'));

export interface OcrPoolOptions {
  /** Number of tesseract.js workers (each uses one core). @defaultValue one per core */
  workers?: number;
  /** A worker is replaced after this many pages, to bound the memory tesseract's heap grows to. @defaultValue 40 */
  recycleAfter?: number;
  /** Longest OCR of one page before its worker is killed and VNPLAN_E_OCR_TIMEOUT raised. @defaultValue 180000 */
  pageTimeoutMs?: number;
  /** Folder holding `vie.traineddata.gz`. @defaultValue node_modules/@tesseract.js-data/vie/4.0.0_best_int */
  langPath?: string;
}

export interface RecognitionRequest {
  /** An image file's bytes (TIFF, PNG, JPEG…). */
  image: Buffer;
  dpi: number;
  /** Page number, for error messages. */
  page: number;
  /**
   * 'page': find blocks and columns (a whole page); 'block': the image is one block of text lines (a
   * region cut out of a page). @defaultValue 'page'
   */
  layout?: 'page' | 'block';
}

interface Slot {
  worker: Promise<Worker> | undefined;
  pages: number;
  busy: boolean;
}

interface Task {
  request: RecognitionRequest;
  resolve: (page: Page) => void;
  reject: (error: unknown) => void;
}

/**
 * A pool of tesseract.js workers running the Vietnamese LSTM model, fully offline. Workers start on
 * first use, are reused across pages and documents, replaced after `recycleAfter` pages or after a
 * page timeout, and all terminated by `close()`.
 */
export class OcrPool {
  readonly size: number;
  readonly recycleAfter: number;
  readonly pageTimeoutMs: number;
  readonly langPath: string;
  /** Workers started so far (including replacements): lets tests and benchmarks see recycling. */
  workersStarted = 0;
  pagesRecognised = 0;
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    this.recycleAfter = Math.max(1, options.recycleAfter ?? 40);
    this.pageTimeoutMs = options.pageTimeoutMs ?? 180_000;
    this.langPath = options.langPath ?? join(VIE_ROOT, '4.0.0_best_int');
    this.slots = Array.from({ length: this.size }, () => ({ worker: undefined, pages: 0, busy: false }));
  }

  /** Recognises one page image; resolves to tesseract's result with its TSV output (see rawLinesOf). */
  recognise(request: RecognitionRequest): Promise<Page> {
    if (this.closed)
      return Promise.reject(new VnplanError('VNPLAN_E_INTERNAL', { detail: 'the OCR pool is closed' }));
    return new Promise<Page>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; pending pages fail. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0))
      task.reject(new VnplanError('VNPLAN_E_INTERNAL', { detail: 'the OCR pool was closed' }));
    await Promise.all(this.slots.map((slot) => this.retire(slot)));
  }

  private startWorker(): Promise<Worker> {
    if (!existsSync(join(this.langPath, 'vie.traineddata.gz')))
      return Promise.reject(
        new VnplanError('VNPLAN_E_OCR_MODEL_MISSING', {
          detail: `no vie.traineddata.gz in ${this.langPath}`,
        }),
      );
    this.workersStarted++;
    return createWorker('vie', OEM.LSTM_ONLY, {
      langPath: this.langPath,
      gzip: true,
      cacheMethod: 'none',
      errorHandler: () => undefined,
    });
  }

  private async retire(slot: Slot): Promise<void> {
    const worker = slot.worker;
    slot.worker = undefined;
    slot.pages = 0;
    if (!worker) return;
    try {
      await (await worker).terminate();
    } catch {
      // A worker that failed to start or was killed has nothing left to terminate.
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const task = this.queue.shift()!;
      slot.busy = true;
      void this.runOn(slot, task).finally(() => {
        slot.busy = false;
        this.dispatch();
      });
    }
  }

  private async runOn(slot: Slot, task: Task): Promise<void> {
    const { request } = task;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (slot.pages >= this.recycleAfter) await this.retire(slot);
      slot.worker ??= this.startWorker();
      const worker = await slot.worker;
      const work = (async () => {
        await worker.setParameters({
          tessedit_pageseg_mode: request.layout === 'block' ? PSM.SINGLE_BLOCK : PSM.AUTO,
          user_defined_dpi: String(Math.round(request.dpi)),
          preserve_interword_spaces: '0',
          // tesseract prints notes ("Detected 12 diacritics") to stdout unless told otherwise.
          debug_file: '/dev/null',
        });
        // TSV alone: tesseract.js's JSON blocks (every character, with its alternatives) cost more to build
        // and to hand over than the words we need.
        return (await worker.recognize(request.image, {}, { tsv: true, text: false, blocks: false })).data;
      })();
      // If the timeout wins, the abandoned recognition rejects later when its worker is killed.
      work.catch(() => undefined);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new VnplanError('VNPLAN_E_OCR_TIMEOUT', { page: request.page, limitMs: this.pageTimeoutMs }),
            ),
          this.pageTimeoutMs,
        );
      });
      const page = await Promise.race([work, timeout]);
      slot.pages++;
      this.pagesRecognised++;
      task.resolve(page);
    } catch (error) {
      // The worker may be stuck or broken: never reuse it.
      await this.retire(slot);
      if (error instanceof VnplanError) task.reject(error);
      else {
        const detail = error instanceof Error ? error.message : String(error);
        task.reject(new VnplanError('VNPLAN_E_OCR_FAILED', { page: request.page, detail }, { cause: error }));
      }
    } finally {
      clearTimeout(timer);
    }
  }
}
