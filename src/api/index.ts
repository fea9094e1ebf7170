export { buildApi, type ApiOptions } from './server.js';
export { openApiDocument } from './openapi.js';
