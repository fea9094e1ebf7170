export { extractRecord, type ExtractInput } from './extract-record.js';
export { parseDate, makeDate, leadingDate } from './dates.js';
export { parseNumber, typeCodeOf, canonicalNumberText } from './number.js';
export { extractReferences, repairCitationOcr } from './references.js';
export { textClauses, type TextClause } from './clauses.js';
