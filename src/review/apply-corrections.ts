import { PlanRecord } from '../record/index.js';
import type { Correction } from './correction.js';
import { readTextField, writeTextField } from './field-path.js';

const tokenKey = (c: Correction) => `${c.page}:${c.line}:${c.column}`;

/** The newest correction of each field and each token: later reviews supersede earlier ones. */
export function latestCorrections(corrections: readonly Correction[]): Correction[] {
  const latest = new Map<string, Correction>();
  for (const correction of [...corrections].sort((a, b) => a.id - b.id))
    latest.set(
      correction.target === 'field' ? `f:${correction.path}` : `t:${tokenKey(correction)}`,
      correction,
    );
  return [...latest.values()];
}

/**
 * The record with reviewed field values in place of the machine's. A correction whose field no longer
 * exists (the document was re-processed) is skipped, as is one that would make the record invalid.
 */
export function applyFieldCorrections(record: PlanRecord, corrections: readonly Correction[]): PlanRecord {
  const corrected = structuredClone(record);
  for (const correction of latestCorrections(corrections)) {
    if (correction.target !== 'field' || !correction.path || correction.action !== 'correct') continue;
    try {
      readTextField(corrected, correction.path);
    } catch {
      continue;
    }
    const before = readTextField(corrected, correction.path);
    writeTextField(corrected, correction.path, correction.value);
    if (!PlanRecord.safeParse(corrected).success) writeTextField(corrected, correction.path, before);
  }
  return corrected;
}

/**
 * One line with its reviewed tokens in place: each correction replaces its original at its column
 * (columns of the machine's line), right to left so that earlier columns stay valid.
 */
export function correctLine(
  text: string,
  page: number,
  line: number,
  corrections: readonly Correction[],
): string {
  const mine = latestCorrections(corrections)
    .filter((c) => c.target === 'token' && c.action === 'correct' && c.page === page && c.line === line)
    .sort((a, b) => (b.column ?? 0) - (a.column ?? 0));
  let out = text;
  for (const c of mine) {
    const start = (c.column ?? 1) - 1;
    const original = c.original ?? '';
    if (out.slice(start, start + original.length) !== original) continue;
    out = `${out.slice(0, start)}${c.value ?? ''}${out.slice(start + original.length)}`;
  }
  return out;
}

/** A document's text page by page (pages separated by form feeds) with its reviewed tokens in place. */
export function correctedText(
  pages: readonly { page: number; lines: readonly { line: number; text: string }[] }[],
  corrections: readonly Correction[],
): string {
  return pages
    .map((page) =>
      page.lines.map((line) => correctLine(line.text, page.page, line.line, corrections)).join('\n'),
    )
    .join('\f');
}
