import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Snippet } from '../components/snippet';
import { shortId, viDate } from '../format';
import { href, navigate } from '../router';
import { useRequest } from '../use-request';

const PAGE = 50;
const FILTERS = ['type', 'issuer', 'issuedFrom', 'issuedTo', 'deadlineFrom', 'deadlineTo', 'award'] as const;
type FilterName = (typeof FILTERS)[number];
const LABELS: Record<FilterName, string> = {
  type: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  issuedFrom: 'Ban hành từ ngày',
  issuedTo: 'Ban hành đến ngày',
  deadlineFrom: 'Thời hạn từ ngày',
  deadlineTo: 'Thời hạn đến ngày',
  award: 'Hình thức khen thưởng',
};
const COLUMNS = [
  { sort: 'number', label: 'Số, ký hiệu' },
  { sort: 'type', label: 'Loại' },
  { sort: 'issuer', label: 'Cơ quan ban hành' },
  { sort: 'issued', label: 'Ngày ban hành' },
  { sort: 'title', label: 'Trích yếu' },
] as const;

function queryOf(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  params.forEach((value, key) => (out[key] = value));
  return out;
}

function SearchResults({ q }: { q: string }) {
  const { data: result, error } = useRequest(() => api.search(q), [q]);
  if (error) return <p class="error">{error}</p>;
  if (!result) return <p class="muted">Đang tìm…</p>;
  return (
    <section class="card" aria-labelledby="hits-title">
      <h3 id="hits-title">
        Kết quả tìm “{q}”: {result.total}
      </h3>
      {result.items.length === 0 ? (
        <p>Không tìm thấy đoạn văn bản nào.</p>
      ) : (
        <ol class="hits">
          {result.items.map((hit, index) => (
            <li key={`${hit.id}-${index}`}>
              <a href={href(`/document/${hit.id}`, { page: hit.page, line: hit.line })}>
                {hit.number ?? shortId(hit.id)} — {hit.title ?? '(không có trích yếu)'}
              </a>
              <span class="muted">
                {' '}
                · trang {hit.page}, dòng {hit.line}
                {hit.section
                  ? ` · ${[hit.section.label, hit.section.heading].filter(Boolean).join(' ')}`
                  : ''}
              </span>
              <Snippet text={hit.snippet} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function DocumentsView({ query }: { query: URLSearchParams }) {
  const current = queryOf(query);
  const [form, setForm] = useState<Record<string, string>>(current);
  const [search, setSearch] = useState(current.q ?? '');
  const [loadMs, setLoadMs] = useState<number | null>(null);
  const key = query.toString();
  const [awardForms, setAwardForms] = useState<string[]>([]);
  useEffect(() => {
    api.overview().then(
      (overview) => setAwardForms(overview.awardForms.map((award) => award.form)),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    setForm(queryOf(query));
    setSearch(query.get('q') ?? '');
  }, [key]);
  const { data: result, error } = useRequest(
    async () => {
      const started = performance.now();
      const filters: Record<string, string | number | boolean | undefined> = {};
      for (const name of FILTERS) filters[name] = query.get(name) ?? undefined;
      const answer = await api.documents({
        ...filters,
        missingParents: query.get('missingParents') === 'true' || undefined,
        sort: query.get('sort') ?? undefined,
        order: query.get('order') ?? undefined,
        limit: PAGE,
        offset: Number(query.get('offset') ?? 0),
      });
      setLoadMs(Math.round(performance.now() - started));
      return answer;
    },
    [key],
    true,
  );

  const go = (changes: Record<string, string | undefined>) => {
    const next = { ...current, ...changes };
    navigate(href('/documents', next));
  };
  const offset = Number(current.offset ?? 0);
  const sort = current.sort ?? 'issued';
  const descending = current.order ? current.order === 'desc' : sort === 'issued';

  return (
    <>
      <h2>Tài liệu</h2>
      <section class="card">
        <form
          role="search"
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            go({ q: search.trim() || undefined });
          }}
        >
          <label style={{ flex: '1 1 24rem' }}>
            Tìm trong toàn văn (không cần gõ dấu)
            <input
              type="search"
              name="q"
              value={search}
              placeholder="ví dụ: chuyen doi so"
              onInput={(event) => setSearch(event.currentTarget.value)}
            />
          </label>
          <button type="submit">Tìm</button>
          {current.q ? (
            <button type="button" class="secondary" onClick={() => go({ q: undefined })}>
              Xoá tìm kiếm
            </button>
          ) : null}
        </form>
      </section>
      {current.q ? <SearchResults q={current.q} /> : null}
      <section class="card">
        <form
          class="filters"
          aria-label="Bộ lọc"
          onSubmit={(event) => {
            event.preventDefault();
            const changes: Record<string, string | undefined> = { offset: undefined };
            for (const name of FILTERS) changes[name] = form[name]?.trim() || undefined;
            changes.missingParents = form.missingParents === 'true' ? 'true' : undefined;
            go(changes);
          }}
        >
          {FILTERS.map((name) => (
            <label key={name}>
              {LABELS[name]}
              <input
                name={name}
                list={name === 'award' ? 'award-forms' : undefined}
                type={name.endsWith('From') || name.endsWith('To') ? 'date' : 'text'}
                value={form[name] ?? ''}
                onInput={(event) => setForm({ ...form, [name]: event.currentTarget.value })}
              />
            </label>
          ))}
          <datalist id="award-forms">
            {awardForms.map((form) => (
              <option key={form} value={form} />
            ))}
          </datalist>
          <label class="inline">
            <input
              type="checkbox"
              name="missingParents"
              checked={form.missingParents === 'true'}
              onChange={(event) =>
                setForm({ ...form, missingParents: event.currentTarget.checked ? 'true' : '' })
              }
            />
            Có văn bản căn cứ chưa lưu trữ
          </label>
          <button type="submit">Lọc</button>
          <button type="button" class="secondary" onClick={() => navigate('#/documents')}>
            Bỏ lọc
          </button>
        </form>
      </section>
      <section class="card" aria-live="polite">
        {error ? <p class="error">{error}</p> : null}
        {result ? (
          <>
            <p class="muted" id="documents-count">
              {result.total} tài liệu{loadMs !== null ? ` · tải trong ${loadMs} ms` : ''}
            </p>
            <table aria-describedby="documents-count">
              <thead>
                <tr>
                  {COLUMNS.map((column) => {
                    const active = sort === column.sort;
                    return (
                      <th
                        key={column.sort}
                        scope="col"
                        aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
                      >
                        <button
                          type="button"
                          onClick={() =>
                            go({
                              sort: column.sort,
                              order: active && !descending ? 'desc' : 'asc',
                              offset: undefined,
                            })
                          }
                        >
                          {column.label} {active ? (descending ? '▼' : '▲') : ''}
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {result.items.map((row) => (
                  <tr key={row.id}>
                    <td class="num">
                      <a href={href(`/document/${row.id}`)}>{row.number ?? shortId(row.id)}</a>
                    </td>
                    <td>{row.type ?? '—'}</td>
                    <td>{row.issuer ?? '—'}</td>
                    <td class="num">{viDate(row.issuedDate)}</td>
                    <td>{row.title ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav class="pager" aria-label="Phân trang">
              <button
                type="button"
                class="secondary"
                disabled={offset === 0}
                onClick={() => go({ offset: String(Math.max(0, offset - PAGE)) })}
              >
                ← Trang trước
              </button>
              <span>
                Trang {Math.floor(offset / PAGE) + 1} / {Math.max(1, Math.ceil(result.total / PAGE))}
              </span>
              <button
                type="button"
                class="secondary"
                disabled={offset + PAGE >= result.total}
                onClick={() => go({ offset: String(offset + PAGE) })}
              >
                Trang sau →
              </button>
            </nav>
          </>
        ) : error ? null : (
          <p class="muted">Đang tải…</p>
        )}
      </section>
    </>
  );
}
