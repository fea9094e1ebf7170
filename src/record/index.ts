export * from './plan-record.js';
export { RestorationEdit } from './restoration-edit.js';
export { ProcessedDocument } from './processed-document.js';
export { planRecordJsonSchema } from './json-schema.js';
export { referenceKey, foldForKey, foldNumberText, type ReferenceKeyInput } from './reference-key.js';
