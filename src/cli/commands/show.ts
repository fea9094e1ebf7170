import type { Command } from 'commander';
import { applyFieldCorrections, latestCorrections, type Correction } from '../../review/index.js';
import type { StoredDocument } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import { addDbOption, withStore } from '../store-access.js';

function correctionLine(c: Correction): string {
  const place = c.target === 'field' ? c.path : `p.${c.page} l.${c.line} c.${c.column}`;
  const change =
    c.action === 'accept' ? `"${c.value ?? ''}" accepted` : `"${c.original ?? ''}" → "${c.value ?? ''}"`;
  return `  ${place}  ${change}${c.reviewer ? ` by ${c.reviewer}` : ''}  ${c.createdAt}`;
}

/** The record as reviewed (corrected fields in place), then sections, restoration log and corrections. */
function describe(doc: StoredDocument): string {
  const r = applyFieldCorrections(doc.record, doc.corrections);
  const d = r.document;
  const out: string[] = [];
  const field = (name: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== '')
      out.push(`${name.padEnd(10)} ${String(value)}`);
  };
  field('id', r.id);
  field('type', d.type);
  field('number', d.number?.text);
  field('issuer', [d.issuer.name, d.issuer.parent].filter(Boolean).join(' — '));
  field('issued', d.issuedDate ? `${d.issuedDate.iso} (${d.issuedDate.precision})` : null);
  field('title', d.title);
  field('period', d.period?.text);
  field('source', `${r.source.path} (${r.source.kind}, ${r.source.pages} pages, ${r.source.textSource})`);
  field('stored', doc.storedAt);
  if (r.references.length)
    out.push('', 'References:', ...r.references.map((x) => `  [${x.relation}] ${x.text}`));
  if (r.deadlines.length)
    out.push('', 'Deadlines:', ...r.deadlines.map((x) => `  [${x.kind}] ${x.text} — ${x.action ?? ''}`));
  if (r.awards.length)
    out.push(
      '',
      'Awards:',
      ...r.awards.map((x) => `  ${x.form}${x.conferredBy ? ` (${x.conferredBy})` : ''}`),
    );
  out.push('', 'Sections:');
  for (const section of doc.sections) {
    const indent = '  '.repeat(section.level + 1);
    const title = [section.label, section.heading].filter(Boolean).join(' ') || `(${section.kind})`;
    out.push(
      `${indent}${title}  [p.${section.page} l.${section.line}–p.${section.endPage} l.${section.endLine}]`,
    );
    for (const line of section.text.split('\n')) out.push(`${indent}  │ ${line}`);
  }
  out.push('', `Restoration log (${doc.edits.length} edits):`);
  for (const edit of doc.edits)
    out.push(
      `  p.${edit.page} l.${edit.line} c.${edit.column}  ${edit.original} → ${edit.restored}  ${edit.confidence.toFixed(2)} ${edit.reason}${edit.lowConfidence ? ' (low confidence)' : ''}`,
    );
  const reviewed = latestCorrections(doc.corrections);
  if (reviewed.length)
    out.push(
      '',
      `Corrections (${reviewed.length}, over the machine output):`,
      ...reviewed.map(correctionLine),
    );
  if (doc.findings.length)
    out.push(
      '',
      'Findings:',
      ...doc.findings.map((f) => `  ${f.severity} ${f.stage}/${f.code}: ${f.message}`),
    );
  return `${out.join('\n')}\n`;
}

export function registerShowCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('show')
    .description('show an archived document: record, sections with their text, restoration log')
    .argument('<id>', 'document id or a unique prefix of it (at least 4 hex digits)')
    .option('--json', 'the stored document as JSON');
  addDbOption(command).action(
    action(ctx, async (id: string, options: { db?: string; json?: boolean }) => {
      const doc = await withStore(options, (store) => store.getDocument(id));
      ctx.stdout.write(options.json ? `${JSON.stringify(doc)}\n` : describe(doc));
    }),
  );
}
