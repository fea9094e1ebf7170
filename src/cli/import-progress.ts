import cliProgress from 'cli-progress';
import type { Writable } from 'node:stream';
import type { ImportEvent, ImportSummary } from '../pipeline/index.js';

export interface ImportProgress {
  onEvent(event: ImportEvent): void;
  finish(summary: ImportSummary): void;
}

function summaryLine(s: ImportSummary): string {
  const rate = s.seconds > 0 ? ((s.pages / s.seconds) * 60).toFixed(1) : '0';
  return (
    `imported ${s.files} file(s) in ${s.seconds.toFixed(1)} s: ${s.stored} stored, ${s.duplicates} already in the archive, ` +
    `${s.failed} failed; ${s.pages} pages (${rate} pages/min)`
  );
}

/** --json: one JSON line per finished, duplicate or failed document, then the summary. */
export function jsonProgress(out: Writable): ImportProgress {
  return {
    onEvent(event) {
      if (event.type === 'stored' || event.type === 'failed' || event.type === 'duplicate') {
        out.write(`${JSON.stringify(event)}\n`);
      }
    },
    finish(summary) {
      out.write(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
    },
  };
}

/** Not a terminal (a log file): one plain line per document, then the summary. */
export function lineProgress(out: Writable, err: Writable): ImportProgress {
  return {
    onEvent(event) {
      if (event.type === 'stored') {
        out.write(`stored   ${event.path}  ${event.number ?? '(no number)'}  ${event.pages} page(s)\n`);
      } else if (event.type === 'duplicate') {
        out.write(
          `skipped  ${event.path}  already in the archive${event.of ? ` (same content as ${event.of})` : ''}\n`,
        );
      } else if (event.type === 'failed') {
        err.write(`failed   ${event.path}: ${event.message} [${event.code}]\n`);
      }
    },
    finish(summary) {
      out.write(`${summaryLine(summary)}\n`);
      for (const failure of summary.failures)
        err.write(`  ${failure.path}: ${failure.message} [${failure.code}]\n`);
    },
  };
}

/** A terminal: a live bar (documents, pages, pages/min, ETA, failures) with failures printed above it. */
export function barProgress(stream: NodeJS.WriteStream): ImportProgress {
  const multibar = new cliProgress.MultiBar(
    {
      stream,
      format:
        ' {bar} {value}/{total} documents | {pagesDone} pages | {ppm} pages/min | ETA {eta_formatted} | {failed} failed',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multibar.create(0, 0, { pagesDone: 0, ppm: '0', failed: 0 });
  const started = Date.now();
  let total = 0;
  let done = 0;
  let pagesDone = 0;
  let failed = 0;
  const update = () => {
    const minutes = (Date.now() - started) / 60_000;
    bar.setTotal(total);
    bar.update(done, { pagesDone, ppm: minutes > 0 ? (pagesDone / minutes).toFixed(1) : '0', failed });
  };
  return {
    onEvent(event) {
      if (event.type === 'discovered') total += event.files;
      else if (event.type === 'page') pagesDone += 1;
      else if (event.type === 'stored' || event.type === 'duplicate') done += 1;
      else if (event.type === 'failed') {
        done += 1;
        failed += 1;
        multibar.log(`failed ${event.path}: ${event.message} [${event.code}]\n`);
      }
      update();
    },
    finish(summary) {
      update();
      multibar.stop();
      stream.write(`${summaryLine(summary)}\n`);
      for (const failure of summary.failures)
        stream.write(`  ${failure.path}: ${failure.message} [${failure.code}]\n`);
    },
  };
}
