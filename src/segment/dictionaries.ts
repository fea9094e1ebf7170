import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES_DIR } from '../paths.js';
import { VnplanError } from '../errors/index.js';

export interface DocumentTypeEntry {
  code: string;
  name: string;
}
export interface DocumentTypesDictionary {
  types: DocumentTypeEntry[];
  aliases: Record<string, string>;
  headingOnly: string[];
}
export interface AgenciesDictionary {
  abbreviations: Record<string, string>;
  headWords: string[];
  continuationWords: string[];
}
export interface AwardFormEntry {
  form: string;
  patterns: string[];
  conferredBy: string | null;
}
export interface AwardFormsDictionary {
  forms: AwardFormEntry[];
  conferrerStops: string[];
}

export interface LegislaturesDictionary {
  terms: { course: number; from: number; to: number }[];
}

const cache = new Map<string, unknown>();

/** Reads a JSON table from dictionaries/ once. */
export function loadDictionary<T>(name: string): T {
  const hit = cache.get(name);
  if (hit) return hit as T;
  const path = join(DICTIONARIES_DIR, name);
  let data: T;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new VnplanError('VNPLAN_E_DICTIONARY_MISSING', { detail: name }, { path, cause: error });
  }
  cache.set(name, data);
  return data;
}

export const documentTypes = (): DocumentTypesDictionary =>
  loadDictionary<DocumentTypesDictionary>('document-types.json');
export const agencies = (): AgenciesDictionary => loadDictionary<AgenciesDictionary>('agencies.json');
export const awardForms = (): AwardFormsDictionary =>
  loadDictionary<AwardFormsDictionary>('award-forms.json');
export const legislatures = (): LegislaturesDictionary =>
  loadDictionary<LegislaturesDictionary>('legislatures.json');

/** "QĐ" or "QD" → {code: "QĐ", name: "Quyết định"}; null when the code is not a document type. */
export function typeByCode(code: string): DocumentTypeEntry | null {
  const dictionary = documentTypes();
  const canonical = dictionary.aliases[code.toUpperCase()] ?? code;
  return (
    dictionary.types.find((type) => type.code === canonical) ??
    dictionary.types.find((type) => type.code.toUpperCase() === canonical.toUpperCase()) ??
    null
  );
}

export function typeByName(name: string): DocumentTypeEntry | null {
  const folded = name.normalize('NFC').toLowerCase();
  return documentTypes().types.find((type) => type.name.toLowerCase() === folded) ?? null;
}
