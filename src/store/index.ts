export * from './store.js';
export { openStore, DEFAULT_DB, isPostgresSpec, type OpenStoreOptions } from './open-store.js';
export { storeDocument } from './store-document.js';
export { SqlStore, MAX_PAGE } from './sql-store.js';
export { foldText, searchTerms } from './fold.js';
export { deadlineWindow, concreteDates } from './deadline-window.js';
export { issuersAgree } from './issuer-match.js';
export { documentKeys } from './document-rows.js';
export {
  importMissingParents,
  loadProcessedJson,
  type ParentResolverOptions,
  type ParentResolution,
} from './parent-resolver.js';
