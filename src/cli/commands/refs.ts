import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import type { ReferenceEdge } from '../../store/index.js';
import { action, type CliContext } from '../context.js';
import { addDbOption, withStore } from '../store-access.js';

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
    .option('--json', 'one JSON object per line (--missing) or one object');
  addDbOption(command).action(
    action(
      ctx,
      async (id: string | undefined, options: { db?: string; missing?: boolean; json?: boolean }) => {
        if (Boolean(options.missing) === Boolean(id))
          throw new VnplanError('VNPLAN_E_USAGE', {
            detail: 'give a document id or --missing (one of them)',
          });
        if (options.missing) {
          const missing = await withStore(options, (store) => store.missingParents());
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
      },
    ),
  );
}
