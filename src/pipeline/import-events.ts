/** What a runner tells its caller while a batch runs; the CLI turns these into a progress bar or JSON lines. */
export type ImportEvent =
  | { type: 'discovered'; files: number }
  | { type: 'started'; path: string; id: string; pages: number }
  | { type: 'page'; path: string; id: string; page: number; pages: number }
  | {
      type: 'stored';
      path: string;
      id: string;
      pages: number;
      seconds: number;
      number: string | null;
      title: string | null;
    }
  | { type: 'duplicate'; path: string; id: string; of: string | null }
  | { type: 'failed'; path: string; id: string | null; code: string; message: string };

export interface ImportSummary {
  runId: string;
  files: number;
  stored: number;
  duplicates: number;
  failed: number;
  pages: number;
  seconds: number;
  failures: Array<{ path: string; code: string; message: string }>;
}

export type ImportListener = (event: ImportEvent) => void;

/** Counts events into the summary both runners return. */
export class SummaryCounter {
  private readonly started = Date.now();
  readonly summary: ImportSummary;

  constructor(runId: string) {
    this.summary = {
      runId,
      files: 0,
      stored: 0,
      duplicates: 0,
      failed: 0,
      pages: 0,
      seconds: 0,
      failures: [],
    };
  }

  add(event: ImportEvent): void {
    const s = this.summary;
    if (event.type === 'discovered') s.files += event.files;
    else if (event.type === 'stored') {
      s.stored += 1;
      s.pages += event.pages;
    } else if (event.type === 'duplicate') s.duplicates += 1;
    else if (event.type === 'failed') {
      s.failed += 1;
      s.failures.push({ path: event.path, code: event.code, message: event.message });
    }
  }

  finish(): ImportSummary {
    this.summary.seconds = (Date.now() - this.started) / 1000;
    return this.summary;
  }
}
