export { sniffType, type Sniffed, type SourceFormat, type SourceKind } from './sniff.js';
export { DEFAULT_LIMITS, resolveLimits, type IntakeLimits } from './limits.js';
export type { SourceFile } from './source-file.js';
export { openSource, imagePageCount, textPageCount, type OpenedSource } from './open-source.js';
export { decodeText } from './text-file.js';
export { notRegularFile } from './file-kind.js';
