export { buildApi, type ApiOptions } from './server.js';
export { openApiDocument } from './openapi.js';
export { serverImporter, type ServerImporterOptions } from './importer.js';
export { ImportJobs, type ImportJobSnapshot, type ImportStarter } from './import-jobs.js';
