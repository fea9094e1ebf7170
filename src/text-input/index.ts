export { documentTextFromString } from './text-file.js';
