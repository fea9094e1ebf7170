import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/pipeline/discover.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vnplan-discover-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('discoverFiles', () => {
  it('should walk folders recursively in a stable order and keep odd file names', async () => {
    await mkdir(join(root, 'a', 'b'), { recursive: true });
    await writeFile(join(root, 'a', 'b', 'kế hoạch số 1.txt'), 'x');
    await writeFile(join(root, 'a', "it's $(rm -rf) ;.pdf"), 'y');
    await writeFile(join(root, 'z.png'), 'z');
    await writeFile(join(root, '.DS_Store'), '');
    const { files, problems } = await discoverFiles([root]);
    expect(problems).toEqual([]);
    expect(files).toEqual([
      join(root, 'a', 'b', 'kế hoạch số 1.txt'),
      join(root, 'a', "it's $(rm -rf) ;.pdf"),
      join(root, 'z.png'),
    ]);
  });

  it('should pass over the files it is told to skip inside folders, but not when named alone', async () => {
    await writeFile(join(root, 'doc.txt'), 'x');
    await writeFile(join(root, 'vnplan.db'), 'SQLite format 3');
    const skip = [join(root, 'vnplan.db'), join(root, 'vnplan.db-wal')];
    expect((await discoverFiles([root], skip)).files).toEqual([join(root, 'doc.txt')]);
    expect((await discoverFiles([join(root, 'vnplan.db')], skip)).files).toEqual([join(root, 'vnplan.db')]);
  });

  it('should report a named pipe as unreadable instead of skipping it or waiting on it', async () => {
    await writeFile(join(root, 'doc.txt'), 'x');
    execFileSync('mkfifo', [join(root, 'pipe.pdf')]);
    const { files, problems } = await discoverFiles([root]);
    expect(files).toEqual([join(root, 'doc.txt')]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['VNPLAN_E_FILE_UNREADABLE', join(root, 'pipe.pdf')],
    ]);
    expect(problems[0]?.message).toContain('named pipe');
  });

  it('should report a symlink loop instead of walking it forever', async () => {
    await mkdir(join(root, 'in'));
    await writeFile(join(root, 'in', 'doc.txt'), 'x');
    await symlink(root, join(root, 'in', 'back-to-top'));
    const { files, problems } = await discoverFiles([root]);
    expect(files).toEqual([join(root, 'in', 'doc.txt')]);
    expect(problems.map((p) => p.code)).toEqual(['VNPLAN_E_SYMLINK_LOOP']);
    expect(problems[0]?.path).toBe(join(root, 'in', 'back-to-top'));
  });

  it('should report missing paths and dangling links and go on', async () => {
    await writeFile(join(root, 'ok.txt'), 'x');
    await symlink(join(root, 'nowhere'), join(root, 'dangling.pdf'));
    const { files, problems } = await discoverFiles([join(root, 'missing.pdf'), root]);
    expect(files).toEqual([join(root, 'ok.txt')]);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['VNPLAN_E_FILE_NOT_FOUND', join(root, 'missing.pdf')],
      ['VNPLAN_E_FILE_NOT_FOUND', join(root, 'dangling.pdf')],
    ]);
  });
});
