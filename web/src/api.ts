import type { ImportJobSnapshot } from '../../src/api/import-jobs.js';
import type { Correction } from '../../src/review/correction.js';
import type {
  ArchiveOverview,
  DeadlineOccurrence,
  DocumentRefs,
  DocumentSummary,
  MissingParent,
  PageLayout,
  SearchHit,
  StoredDocument,
} from '../../src/store/store.js';

export type {
  ArchiveOverview,
  Correction,
  DeadlineOccurrence,
  DocumentRefs,
  DocumentSummary,
  ImportJobSnapshot,
  MissingParent,
  PageLayout,
  SearchHit,
  StoredDocument,
};

const TOKEN_KEY = 'vnplan.token';

export const token = {
  get: (): string => localStorage.getItem(TOKEN_KEY) ?? '',
  set: (value: string): void =>
    value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY),
};

/** An answer other than 2xx, with the server's one-line message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, init);
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const message = (body as { message?: string } | null)?.message ?? response.statusText;
    throw new ApiError(response.status, message);
  }
  return body as T;
}

const write = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token.get()}` },
  body: JSON.stringify(body),
});

/** Query string of the given values, empty ones left out. */
export function queryString(values: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const api = {
  health: () => request<{ ok: boolean; backend: string; writable: boolean }>('/health'),
  documents: (query: Record<string, string | number | boolean | undefined>) =>
    request<{ total: number; limit: number; offset: number; items: DocumentSummary[] }>(
      `/documents${queryString(query)}`,
    ),
  search: (q: string, limit = 20) =>
    request<{ total: number; items: SearchHit[] }>(`/search${queryString({ q, limit })}`),
  document: (id: string) => request<StoredDocument>(`/documents/${id}`),
  pages: (id: string) => request<{ id: string; pages: PageLayout[] }>(`/documents/${id}/pages`),
  refs: (id: string) => request<DocumentRefs>(`/documents/${id}/refs`),
  missing: (limit = 200) => request<{ items: MissingParent[] }>(`/refs/missing${queryString({ limit })}`),
  deadlines: (from: string, to: string) =>
    request<{ total: number; items: DeadlineOccurrence[] }>(`/deadlines${queryString({ from, to })}`),
  overview: () => request<ArchiveOverview>('/overview'),
  correct: (id: string, body: Record<string, unknown>) =>
    request<Correction>(`/documents/${id}/corrections`, write(body)),
  startImport: (body: { paths?: string[]; upload?: string; force?: boolean }) =>
    request<ImportJobSnapshot>('/imports', write(body)),
  importJob: (id: string) => request<ImportJobSnapshot>(`/imports/${id}`),
  imports: () => request<{ items: ImportJobSnapshot[] }>('/imports'),
  upload: (file: File, batch?: string) =>
    request<{ batch: string; name: string }>(`/uploads${queryString({ name: file.name, batch })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token.get()}` },
      body: file,
    }),
};

export const pageImageUrl = (id: string, page: number) => `/documents/${id}/pages/${page}/image`;
