import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import { createDefaultStages, processFile } from '../../pipeline/index.js';
import { importMissingParents, loadProcessedJson, type ReferenceEdge } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import { addDbOption, withStore } from '../store-access.js';
import { parseCount } from './command-options.js';

interface RefsOptions {
  db?: string;
  missing?: boolean;
  json?: boolean;
  parentsDir?: string;
  depth: string;
}

const edgeLine = (edge: ReferenceEdge): string => {
  const other = edge.document
    ? `${edge.document.id.slice(0, 12)} ${edge.document.number ?? '(no number)'}`
    : '(not in the archive)';
  return `  [${edge.relation}] ${other}  ${edge.text}`;
};

export function registerRefsCommand(program: Command, ctx: CliContext): void {
  const command = program
    .command('refs')
    .description("a document's parents and children, or (--missing) cited documents not yet archived")
    .argument('[id]', 'document id or unique prefix')
    .option('--missing', 'list cited documents missing from the archive, most cited first')
    .option('--parents-dir <dir>', 'with --missing: first import missing parents found in this folder')
    .option('--depth <n>', 'with --parents-dir: generations of parents to follow', '3')
    .option('--json', 'one JSON object per line (--missing) or one object');
  addDbOption(command).action(
    action(ctx, async (id: string | undefined, options: RefsOptions) => {
      if (Boolean(options.missing) === Boolean(id))
        throw new VnplanError('VNPLAN_E_USAGE', {
          detail: 'give a document id or --missing (one of them)',
        });
      if (options.parentsDir && !options.missing)
        throw new VnplanError('VNPLAN_E_USAGE', { detail: '--parents-dir goes with --missing' });
      if (options.missing) {
        const maxDepth = parseCount(options.depth, '--depth', 1);
        const missing = await withStore(options, async (store) => {
          if (options.parentsDir) {
            const runId = await store.startRun(`parents from ${options.parentsDir}`);
            // Parents arrive as PDFs, scans or text (run through the pipeline) or as processed JSON.
            const stages = createDefaultStages();
            const resolution = await importMissingParents(store, {
              parentsDir: options.parentsDir,
              maxDepth,
              runId,
              load: async (file) =>
                file.toLowerCase().endsWith('.json') ? loadProcessedJson(file) : processFile(stages, file),
            }).finally(() => stages.close());
            await store.finishRun(runId);
            for (const found of resolution.imported)
              ctx.stderr.write(
                `imported parent ${found.id.slice(0, 12)} from ${found.file} (round ${found.round})\n`,
              );
            if (resolution.failed)
              ctx.stderr.write(`${resolution.failed} file(s) in ${options.parentsDir} failed\n`);
          }
          return store.missingParents();
        });
        for (const parent of missing) {
          if (options.json) {
            ctx.stdout.write(`${JSON.stringify(parent)}\n`);
            continue;
          }
          const name = [parent.type, parent.number, parent.date, parent.issuer].filter(Boolean).join(' ');
          ctx.stdout.write(`${String(parent.citedBy).padStart(4)}  ${parent.key}  ${name}\n`);
          for (const c of parent.citations)
            ctx.stdout.write(
              `        ${c.id.slice(0, 12)} ${c.number ?? '(no number)'} [${c.relation}] ${c.text}\n`,
            );
        }
        if (!options.json)
          ctx.stdout.write(`${missing.length} missing parent document${missing.length === 1 ? '' : 's'}\n`);
        return;
      }
      const refs = await withStore(options, (store) => store.refs(id as string));
      if (options.json) {
        ctx.stdout.write(`${JSON.stringify(refs)}\n`);
        return;
      }
      ctx.stdout.write(`Parents of ${refs.id.slice(0, 12)} (${refs.parents.length}):\n`);
      for (const edge of refs.parents) ctx.stdout.write(`${edgeLine(edge)}\n`);
      ctx.stdout.write(`Children (${refs.children.length}):\n`);
      for (const edge of refs.children) ctx.stdout.write(`${edgeLine(edge)}\n`);
    }),
  );
}
