import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VnplanError } from '../errors/index.js';
import { notRegularFile } from '../intake/file-kind.js';

export interface Discovery {
  /** Regular files to import, in a stable order (each argument's files sorted by path). */
  files: string[];
  /** Paths that could not be imported at all: missing, unreadable, symlink loops. Never silently dropped. */
  problems: VnplanError[];
}

/** File names that are never documents: desktop and version-control clutter. */
const CLUTTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Expands files and folders (recursively) into the files to import. Symbolic links are followed, but a
 * link back into a folder already on the current path is reported as a loop instead of being walked.
 * Named pipes, sockets and devices are reported as unreadable (reading one could wait forever). Files in
 * `skip` (the archive's own database files) are passed over inside folders; named alone they are imported.
 */
export async function discoverFiles(
  paths: readonly string[],
  skip: readonly string[] = [],
): Promise<Discovery> {
  const skipped = new Set(skip.map((path) => resolve(path)));
  const files: string[] = [];
  const problems: VnplanError[] = [];

  async function visit(path: string, ancestors: ReadonlySet<string>): Promise<void> {
    let real: string;
    let info;
    try {
      real = await realpath(path);
      info = await stat(real);
    } catch (error) {
      problems.push(toProblem(error, path));
      return;
    }
    if (info.isDirectory()) {
      if (ancestors.has(real)) {
        problems.push(new VnplanError('VNPLAN_E_SYMLINK_LOOP', {}, { path }));
        return;
      }
      let entries: string[];
      try {
        entries = (await readdir(real)).sort();
      } catch (error) {
        problems.push(toProblem(error, path));
        return;
      }
      const inner = new Set(ancestors).add(real);
      for (const entry of entries) {
        if (CLUTTER.has(entry) || entry.startsWith('.') || skipped.has(join(real, entry))) continue;
        await visit(join(path, entry), inner);
      }
      return;
    }
    const odd = notRegularFile(info);
    if (odd) {
      problems.push(new VnplanError('VNPLAN_E_FILE_UNREADABLE', { detail: odd }, { path }));
      return;
    }
    try {
      await access(real, constants.R_OK);
    } catch (error) {
      problems.push(toProblem(error, path));
      return;
    }
    files.push(path);
  }

  for (const path of paths) await visit(path, new Set());
  return { files, problems };
}

function toProblem(error: unknown, path: string): VnplanError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new VnplanError('VNPLAN_E_FILE_NOT_FOUND', {}, { path, cause: error });
  if (code === 'ELOOP') return new VnplanError('VNPLAN_E_SYMLINK_LOOP', {}, { path, cause: error });
  return new VnplanError(
    'VNPLAN_E_FILE_UNREADABLE',
    { detail: code ?? String(error) },
    { path, cause: error },
  );
}
