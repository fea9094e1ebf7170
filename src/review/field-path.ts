import { VnplanError } from '../errors/index.js';

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

/** The text value at a dotted path of a record; a usage error when the path leads nowhere or not to text. */
export function readTextField(record: unknown, path: string): string | null {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (!isContainer(value) || !Object.prototype.hasOwnProperty.call(value, part))
      throw new VnplanError('VNPLAN_E_USAGE', { detail: `the record has no field ${path}` });
    value = (value as Record<string, unknown>)[part];
  }
  if (value !== null && typeof value !== 'string')
    throw new VnplanError('VNPLAN_E_USAGE', { detail: `${path} is not a text field` });
  return value;
}

/** Sets the text value at a dotted path of a (copied) record; the path must exist (see readTextField). */
export function writeTextField(record: unknown, path: string, value: string | null): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let node: unknown = record;
  for (const part of parts) node = (node as Record<string, unknown>)[part];
  (node as Record<string, unknown>)[last] = value;
}
