import type { Stats } from 'node:fs';

/** What a path that is neither a regular file nor a folder is, in words for a message; undefined for those two. */
export function notRegularFile(info: Stats): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return 'a named pipe (FIFO), not a regular file';
  if (info.isSocket()) return 'a socket, not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device, not a regular file';
  return 'not a regular file';
}
