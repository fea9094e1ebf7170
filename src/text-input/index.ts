export { documentTextFromString, decodeUtf8, readTextFile, type TextFile } from './text-file.js';
