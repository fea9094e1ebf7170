import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { VnplanError } from '../../errors/index.js';
import { decodeTextBuffer } from '../../vietnamese/encodings/detect.js';
import { overlayDirFor } from '../../vietnamese/learn.js';
import { restoreText } from '../../vietnamese/repair.js';
import { action, type CliContext } from '../context.js';

interface RestoreCliOptions {
  json?: boolean;
  lowConfidence: string;
  font?: string;
  mode: string;
  db?: string;
  overlay?: string;
}

async function readInput(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path: file, cause: error });
    throw new VnplanError(
      'VNPLAN_E_FILE_UNREADABLE',
      { detail: String(code ?? error) },
      { path: file, cause: error },
    );
  }
}

export function registerRestoreCommand(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .description(
      'repair Vietnamese text: legacy encodings to Unicode, stripped or OCR-garbled diacritics restored',
    )
    .argument('[file]', 'text file to repair, or - for standard input', '-')
    .option('--json', 'print the text, the edit log and the detected encoding as JSON')
    .option('--low-confidence <p>', 'flag edits whose confidence is under this (0–1)', '0.6')
    .option('--font <name>', 'PDF font name of the text, a hint for the legacy encoding (e.g. .VnTime)')
    .option('--mode <mode>', 'damage to repair: auto, clean, stripped or garbled', 'auto')
    .option('--db <path>', 'database whose learned overlay (vnplan.learn beside it) to use')
    .option('--overlay <dir>', 'learned overlay folder (default ./vnplan.learn, or beside --db)')
    .action(
      action(ctx, async (file: string, options: RestoreCliOptions) => {
        const threshold = Number(options.lowConfidence);
        if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
          throw new VnplanError('VNPLAN_E_USAGE', { detail: '--low-confidence takes a number from 0 to 1' });
        }
        if (!['auto', 'clean', 'stripped', 'garbled'].includes(options.mode)) {
          throw new VnplanError('VNPLAN_E_USAGE', {
            detail: '--mode is one of auto, clean, stripped, garbled',
          });
        }
        const bytes = await readInput(file);
        const decoded = decodeTextBuffer(bytes);
        // A single-byte legacy file is repaired from its 8-bit text, so the edit log shows the conversion.
        const legacy = !['utf-8', 'utf-16le', 'utf-16be', 'latin1'].includes(decoded.encoding);
        const result = restoreText(legacy ? Buffer.from(bytes).toString('latin1') : decoded.text, {
          lowConfidenceThreshold: threshold,
          fontName: options.font,
          mode: options.mode as 'auto',
          overlayDir: options.overlay ?? overlayDirFor(options.db),
        });
        const encoding = result.encoding ?? (decoded.encoding === 'utf-8' ? null : decoded.encoding);
        if (options.json) {
          ctx.stdout.write(
            `${JSON.stringify({ text: result.text, encoding, edits: result.edits.map((e) => ({ page: 1, ...e })) }, null, 2)}\n`,
          );
        } else {
          ctx.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
        }
      }),
    );
}
