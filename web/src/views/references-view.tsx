import { useEffect, useState } from 'preact/hooks';
import { api, type MissingParent } from '../api';
import { RefGraph } from '../components/ref-graph';
import { shortId, viDate } from '../format';
import { href } from '../router';
import { useRequest } from '../use-request';

function DocumentGraph({ id }: { id: string }) {
  const { data, error } = useRequest(() => Promise.all([api.refs(id), api.document(id)]), [id]);
  const [refs, doc] = data ?? [null, null];
  if (error) return <p class="error">{error}</p>;
  if (!refs || !doc) return <p class="muted">Đang tải…</p>;
  const d = doc.record.document;
  return (
    <section class="card" aria-labelledby="graph-title">
      <h3 id="graph-title">
        Tham chiếu của{' '}
        <a href={href(`/document/${refs.id}`)}>
          {d.type ?? ''} {d.number?.text ?? shortId(refs.id)}
        </a>
      </h3>
      <RefGraph refs={refs} label={d.number?.text ?? d.title ?? shortId(refs.id)} />
      <p class="muted" style={{ fontSize: '0.85rem' }}>
        Khung liền: văn bản có trong kho (chọn để xem tham chiếu của nó). Khung đứt nét: văn bản chưa lưu trữ.
      </p>
    </section>
  );
}

function MissingList() {
  const [items, setItems] = useState<MissingParent[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.missing(1000).then(
      (answer) => setItems(answer.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!items) return <p class="muted">Đang tải…</p>;
  return (
    <section class="card" aria-labelledby="missing-title">
      <h3 id="missing-title">Văn bản được trích dẫn nhưng chưa có trong kho ({items.length})</h3>
      <p class="muted" style={{ fontSize: '0.85rem' }}>
        Danh sách công việc: tìm và nhập các văn bản này, văn bản được trích dẫn nhiều nhất trước.
      </p>
      <table id="missing-parents">
        <thead>
          <tr>
            <th scope="col">Số lần trích dẫn</th>
            <th scope="col">Văn bản</th>
            <th scope="col">Khoá</th>
            <th scope="col">Được trích dẫn bởi</th>
          </tr>
        </thead>
        <tbody>
          {items.map((parent) => (
            <tr key={parent.key} data-key={parent.key}>
              <td class="num" data-cited-by={parent.citedBy}>
                {parent.citedBy}
              </td>
              <td>
                {[parent.type, parent.number].filter(Boolean).join(' ') || parent.citations[0]?.text}
                <span class="muted">
                  {parent.date ? ` · ${viDate(parent.date)}` : ''}
                  {parent.issuer ? ` · ${parent.issuer}` : ''}
                </span>
              </td>
              <td>
                <code>{parent.key}</code>
              </td>
              <td>
                {parent.citations.map((c, i) => (
                  <span key={`${c.id}-${i}`}>
                    {i > 0 ? ', ' : ''}
                    <a href={href(`/refs/${c.id}`)} title={c.text}>
                      {c.number ?? shortId(c.id)}
                    </a>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ReferencesView({ id }: { id: string | undefined }) {
  return (
    <>
      <h2>Tham chiếu</h2>
      {id ? (
        <DocumentGraph id={id} />
      ) : (
        <p class="muted">
          Mở một tài liệu và chọn “Tham chiếu của văn bản” để xem đồ thị văn bản cha và con.
        </p>
      )}
      <MissingList />
    </>
  );
}
