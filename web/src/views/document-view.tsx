import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, token, type Correction, type PageLayout, type StoredDocument } from '../api';
import { PageImage } from '../components/page-image';
import { ValueEditor } from '../components/value-editor';
import { shortId, viDate } from '../format';
import { href } from '../router';
import { fieldItems, latestByKey, lineSegments, type FieldItem, type Segment } from '../review';
import { useRequest } from '../use-request';

interface Selection {
  page: number;
  from: number;
  to: number;
  /** The field that was selected, if a field was. */
  field?: string;
}

interface TokenTarget {
  page: number;
  line: number;
  column: number;
  original: string;
  shown: string;
}

function LineText({
  text,
  segments,
  onToken,
}: {
  text: string;
  segments: Segment[];
  onToken: (segment: Segment) => void;
}) {
  const parts = [];
  let at = 0;
  for (const segment of segments) {
    if (segment.start > at) parts.push(text.slice(at, segment.start));
    parts.push(
      <button
        type="button"
        class={`tok ${segment.kind}`}
        title={segment.title}
        aria-label={`${segment.shown} — ${segment.title}`}
        onClick={() => onToken(segment)}
      >
        {segment.shown}
      </button>,
    );
    at = segment.end;
  }
  parts.push(text.slice(at));
  return <span>{parts}</span>;
}

/** OCR lines read with less confidence than this are marked for review. */
const LOW_OCR_CONFIDENCE = 70;
const lowOcr = (confidence: number | null) => confidence !== null && confidence < LOW_OCR_CONFIDENCE;

function TextPanel({
  layout,
  doc,
  latest,
  selection,
  writable,
  onSelectLine,
  onCorrect,
}: {
  layout: PageLayout;
  doc: StoredDocument;
  latest: Map<string, Correction>;
  selection: Selection | null;
  writable: boolean;
  onSelectLine: (line: number) => void;
  onCorrect: (target: TokenTarget, action: 'accept' | 'correct', value: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState<TokenTarget | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selection || selection.page !== layout.page) return;
    panel.current
      ?.querySelector(`[data-line="${selection.from}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selection?.page, selection?.from, layout.page]);
  const selected = (n: number) =>
    selection !== null && selection.page === layout.page && n >= selection.from && n <= selection.to;
  return (
    <div class="text-panel" ref={panel} aria-label={`Văn bản đã khôi phục, trang ${layout.page}`}>
      {layout.lines.map((line) => {
        const segments = lineSegments(line.text, layout.page, line.line, doc.edits, latest);
        const isEditing = editing?.line === line.line;
        return (
          <div key={line.line}>
            <div
              class={`text-line${selected(line.line) ? ' selected' : ''}${lowOcr(line.confidence) ? ' low-ocr' : ''}`}
              data-line={line.line}
              title={
                line.confidence !== null
                  ? `Độ tin cậy OCR của dòng: ${Math.round(line.confidence)}%`
                  : undefined
              }
            >
              <span class="ln">
                <button
                  type="button"
                  aria-label={`Chọn dòng ${line.line}`}
                  onClick={() => onSelectLine(line.line)}
                >
                  {line.line}
                </button>
              </span>
              <span>
                <LineText
                  text={line.text}
                  segments={segments}
                  onToken={(segment) =>
                    setEditing({
                      page: layout.page,
                      line: line.line,
                      column: segment.start + 1,
                      original: segment.machine,
                      shown: segment.shown,
                    })
                  }
                />
                {writable && selected(line.line) && !isEditing && line.text.trim() ? (
                  <button
                    type="button"
                    class="link"
                    style={{ marginLeft: '0.5rem', fontSize: '0.8rem' }}
                    onClick={() =>
                      setEditing({
                        page: layout.page,
                        line: line.line,
                        column: 1,
                        original: line.text,
                        shown: line.text,
                      })
                    }
                  >
                    sửa dòng
                  </button>
                ) : null}
              </span>
            </div>
            {isEditing && editing ? (
              writable ? (
                <ValueEditor
                  label={`Sửa “${editing.original}” (dòng ${editing.line}, cột ${editing.column})`}
                  initial={editing.shown}
                  onCancel={() => setEditing(null)}
                  onSave={(action, value) => onCorrect(editing, action, value).then(() => setEditing(null))}
                />
              ) : (
                <p class="editor muted">
                  Nhập mã truy cập để sửa (máy chủ chỉ cho ghi khi có VNPLAN_API_TOKEN).{' '}
                  <button type="button" class="link" onClick={() => setEditing(null)}>
                    Đóng
                  </button>
                </p>
              )
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function FieldsPanel({
  items,
  latest,
  selected,
  writable,
  onSelect,
  onCorrect,
}: {
  items: FieldItem[];
  latest: Map<string, Correction>;
  selected: string | undefined;
  writable: boolean;
  onSelect: (item: FieldItem) => void;
  onCorrect: (item: FieldItem, action: 'accept' | 'correct', value: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const groups = [...new Set(items.map((item) => item.group))];
  return (
    <section class="card fields" aria-labelledby="fields-title">
      <h3 id="fields-title">Trường đã trích xuất</h3>
      <p class="muted" style={{ fontSize: '0.8rem', margin: 0 }}>
        Chọn một trường để xem dòng nguồn trên ảnh trang.
      </p>
      {groups.map((group) => (
        <div key={group}>
          <h3>{group}</h3>
          <ul>
            {items
              .filter((item) => item.group === group)
              .map((item) => {
                const review = item.path ? latest.get(`f:${item.path}`) : undefined;
                const corrected = review?.action === 'correct';
                const shown = corrected ? review.value : item.value;
                return (
                  <li key={item.key}>
                    <button
                      type="button"
                      class="field"
                      aria-pressed={selected === item.key}
                      data-field={item.path ?? item.key}
                      disabled={!item.provenance}
                      onClick={() => onSelect(item)}
                    >
                      <span class="name">
                        {item.label}
                        {item.provenance
                          ? ` · tr. ${item.provenance.page}, dòng ${item.provenance.line}`
                          : ''}
                        {review ? (
                          <span class={`badge ${corrected ? 'corrected' : 'accepted'}`}>
                            {corrected ? 'đã sửa' : 'đã chấp nhận'}
                          </span>
                        ) : null}
                      </span>
                      <span class="value">{shown ?? '—'}</span>
                      {corrected ? <span class="machine">máy: {item.value ?? '—'}</span> : null}
                    </button>
                    {writable && item.path ? (
                      editing === item.key ? (
                        <ValueEditor
                          label={`Giá trị đúng của “${item.label}”`}
                          initial={shown ?? ''}
                          onCancel={() => setEditing(null)}
                          onSave={(action, value) =>
                            onCorrect(item, action, value).then(() => setEditing(null))
                          }
                        />
                      ) : (
                        <button
                          type="button"
                          class="link"
                          style={{ fontSize: '0.8rem' }}
                          aria-label={`Sửa hoặc chấp nhận ${item.label}`}
                          onClick={() => setEditing(item.key)}
                        >
                          Sửa / chấp nhận
                        </button>
                      )
                    ) : null}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function DocumentView({
  id,
  query,
  writable,
}: {
  id: string;
  query: URLSearchParams;
  writable: boolean | null;
}) {
  const loaded = useRequest(() => Promise.all([api.document(id), api.pages(id)]), [id]);
  const error = loaded.error;
  const doc = loaded.data?.[0] ?? null;
  const pages = loaded.data?.[1].pages ?? [];
  const setDoc = (next: StoredDocument) => loaded.data && loaded.setData([next, loaded.data[1]]);
  const [page, setPage] = useState(Number(query.get('page') ?? 1));
  const line = Number(query.get('line') ?? 0);
  const [selection, setSelection] = useState<Selection | null>(
    line ? { page: Number(query.get('page') ?? 1), from: line, to: line } : null,
  );
  const canWrite = Boolean(writable) && token.get() !== '';

  useEffect(() => setPage(Number(query.get('page') ?? 1)), [id]);

  const latest = useMemo(() => latestByKey(doc?.corrections ?? []), [doc]);
  const items = useMemo(() => (doc ? fieldItems(doc.record) : []), [doc]);
  if (error) return <p class="error">{error}</p>;
  if (!doc) return <p class="muted">Đang tải…</p>;
  const record = doc.record;
  const layout = pages.find((p) => p.page === page) ?? pages[0];
  const addCorrection = async (body: Record<string, unknown>) => {
    const correction = await api.correct(record.id, body);
    setDoc({ ...doc, corrections: [...doc.corrections, correction] });
  };
  const titleReview = latest.get('f:document.title');
  const highlighted =
    selection && layout && selection.page === layout.page
      ? Array.from({ length: selection.to - selection.from + 1 }, (_, i) => selection.from + i)
      : [];

  return (
    <>
      <h2>
        {record.document.type ?? 'Tài liệu'} {record.document.number?.text ?? shortId(record.id)}
      </h2>
      <p style={{ marginTop: 0 }}>
        {titleReview?.action === 'correct' ? titleReview.value : (record.document.title ?? '')}{' '}
        <span class="muted">
          · {record.document.issuer.name ?? 'không rõ cơ quan'} · {viDate(record.document.issuedDate?.iso)} ·{' '}
          {record.source.path} ({record.source.pages} trang, {record.source.textSource}) ·{' '}
        </span>
        <a href={href(`/refs/${record.id}`)}>Tham chiếu của văn bản</a>
      </p>
      <p class="muted" style={{ fontSize: '0.85rem' }}>
        Chú thích: <span class="tok edit">từ được khôi phục</span>{' '}
        <span class="tok low">độ tin cậy thấp</span> <span class="tok corrected">đã sửa</span>{' '}
        <span class="tok accepted">đã chấp nhận</span>{' '}
        <span class="low-ocr-key">dòng OCR độ tin cậy thấp</span>. Chọn một từ để chấp nhận hoặc sửa, hoặc
        chọn số dòng để sửa cả dòng.
        {!canWrite ? ' Nhập mã truy cập ở đầu trang để lưu sửa đổi.' : ''}
      </p>
      {pages.length > 1 ? (
        <div class="page-tabs" role="group" aria-label="Trang">
          {pages.map((p) => (
            <button
              key={p.page}
              type="button"
              aria-pressed={p.page === layout?.page}
              onClick={() => setPage(p.page)}
            >
              Trang {p.page}
            </button>
          ))}
        </div>
      ) : null}
      <div class="doc-layout">
        <section aria-label="Ảnh trang">
          {layout ? <PageImage id={record.id} layout={layout} lines={highlighted} /> : null}
        </section>
        <section aria-label="Văn bản">
          {layout ? (
            <TextPanel
              layout={layout}
              doc={doc}
              latest={latest}
              selection={selection}
              writable={canWrite}
              onSelectLine={(n) => setSelection({ page: layout.page, from: n, to: n })}
              onCorrect={(target, action, value) =>
                addCorrection({
                  target: 'token',
                  page: target.page,
                  line: target.line,
                  column: target.column,
                  original: target.original,
                  action,
                  ...(action === 'correct' ? { value } : {}),
                })
              }
            />
          ) : (
            <p class="muted">Tài liệu không có trang nào đọc được.</p>
          )}
        </section>
        <FieldsPanel
          items={items}
          latest={latest}
          selected={selection?.field}
          writable={canWrite}
          onSelect={(item) => {
            const p = item.provenance;
            if (!p) return;
            setPage(p.page);
            setSelection({ page: p.page, from: p.line, to: p.endLine ?? p.line, field: item.key });
          }}
          onCorrect={(item, action, value) =>
            addCorrection({
              target: 'field',
              path: item.path,
              action,
              ...(action === 'correct' ? { value } : {}),
            })
          }
        />
      </div>
    </>
  );
}
