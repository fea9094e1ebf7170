import { useEffect, useState } from 'preact/hooks';
import { api, type ArchiveOverview } from '../api';
import { BarChart } from '../components/bar-chart';
import { DeadlineTimeline } from '../components/deadline-timeline';
import { addDays, today, viDate } from '../format';
import { href } from '../router';
import { useRequest } from '../use-request';

function sumBy<T>(rows: T[], key: (row: T) => string, value: (row: T) => number) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + value(row));
  return [...totals.entries()].map(([label, v]) => ({ label, value: v }));
}

function Deadlines() {
  const [range, setRange] = useState({ from: today(), to: addDays(today(), 365) });
  const [form, setForm] = useState(range);
  const { data: result, error } = useRequest(
    () => api.deadlines(range.from, range.to),
    [range.from, range.to],
    true,
  );
  return (
    <section class="card" aria-labelledby="deadlines-title">
      <h3 id="deadlines-title">Thời hạn sắp tới theo đơn vị thực hiện</h3>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setRange(form);
        }}
      >
        <label>
          Từ ngày
          <input
            type="date"
            value={form.from}
            onInput={(event) => setForm({ ...form, from: event.currentTarget.value })}
          />
        </label>
        <label>
          Đến ngày
          <input
            type="date"
            value={form.to}
            onInput={(event) => setForm({ ...form, to: event.currentTarget.value })}
          />
        </label>
        <button type="submit">Xem</button>
        <span class="muted" style={{ fontSize: '0.85rem' }}>
          Thời hạn hằng năm được lặp lại cho mỗi năm trong khoảng (chấm xanh lá).
        </span>
      </form>
      {error ? <p class="error">{error}</p> : null}
      {result ? (
        <>
          <DeadlineTimeline items={result.items} from={range.from} to={range.to} />
          <table>
            <thead>
              <tr>
                <th scope="col">Thời hạn</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Văn bản</th>
              </tr>
            </thead>
            <tbody>
              {result.items.slice(0, 200).map((item, i) => (
                <tr key={i} data-deadline={item.date}>
                  <td class="num">
                    {item.start === item.end
                      ? viDate(item.start)
                      : `${viDate(item.start)} – ${viDate(item.end)}`}
                    {item.kind === 'annual' ? <span class="badge">hằng năm</span> : null}
                  </td>
                  <td>{item.responsible ?? '—'}</td>
                  <td>{item.action ?? item.text}</td>
                  <td>
                    <a href={href(`/document/${item.document.id}`)}>
                      {item.document.number ?? item.document.title}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p class="muted">Đang tải…</p>
      )}
    </section>
  );
}

function Charts() {
  const [overview, setOverview] = useState<ArchiveOverview | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.overview().then(setOverview, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!overview) return <p class="muted">Đang tải…</p>;
  const byIssuer = sumBy(
    overview.byIssuerYear,
    (r) => r.issuer ?? 'Không rõ',
    (r) => r.count,
  )
    .sort((a, b) => b.value - a.value)
    .slice(0, 12);
  const byYear = sumBy(
    overview.byIssuerYear,
    (r) => (r.year ? String(r.year) : 'Không rõ'),
    (r) => r.count,
  ).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <section class="card" aria-labelledby="charts-title">
      <h3 id="charts-title">Tổng quan kho: {overview.documents} tài liệu</h3>
      <div class="charts">
        <BarChart title="Tài liệu theo cơ quan ban hành" items={byIssuer} />
        <BarChart title="Tài liệu theo năm ban hành" items={byYear} />
        <BarChart
          title="Hình thức khen thưởng (số lần nêu)"
          items={overview.awardForms.map((a) => ({ label: a.form, value: a.count }))}
        />
      </div>
    </section>
  );
}

export function OverviewView() {
  return (
    <>
      <h2>Thời hạn và tổng quan</h2>
      <Deadlines />
      <Charts />
    </>
  );
}
