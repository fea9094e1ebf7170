import type { DeadlineOccurrence } from '../api';
import { viDate } from '../format';

const LANES = 14;
const UNKNOWN = 'Chưa rõ đơn vị';

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Deadlines on a time axis, one lane per responsible unit (the busiest units first). */
export function DeadlineTimeline({
  items,
  from,
  to,
}: {
  items: DeadlineOccurrence[];
  from: string;
  to: string;
}) {
  const counts = new Map<string, number>();
  for (const item of items)
    counts.set(item.responsible ?? UNKNOWN, (counts.get(item.responsible ?? UNKNOWN) ?? 0) + 1);
  const lanes = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, LANES)
    .map(([unit]) => unit);
  const labelWidth = 240;
  const width = 980;
  const lane = 30;
  const height = lanes.length * lane + 40;
  const start = dayNumber(from);
  const span = Math.max(1, dayNumber(to) - start);
  const xOf = (iso: string) =>
    labelWidth +
    ((Math.min(Math.max(dayNumber(iso), start), start + span) - start) / span) * (width - labelWidth - 20);
  const months: string[] = [];
  for (
    let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCMonth(d.getUTCMonth() + 1)
  )
    months.push(d.toISOString().slice(0, 10));
  const cut = (text: string) => (text.length > 36 ? `${text.slice(0, 35)}…` : text);
  if (items.length === 0) return <p class="muted">Không có thời hạn nào trong khoảng này.</p>;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label="Dòng thời gian các thời hạn theo đơn vị"
    >
      {months
        .filter((m) => m >= from)
        // At most about twelve labelled months, whatever the range.
        .filter((_, index) => index % Math.max(1, Math.ceil(months.length / 12)) === 0)
        .map((m) => (
          <g key={m}>
            <line class="axis" x1={xOf(m)} x2={xOf(m)} y1={20} y2={height - 10} stroke-dasharray="2 4" />
            <text x={xOf(m) + 2} y={14} style={{ fontSize: '11px' }}>
              {viDate(m.slice(0, 7))}
            </text>
          </g>
        ))}
      {lanes.map((unit, i) => {
        const y = 30 + i * lane;
        return (
          <g key={unit}>
            <text x={labelWidth - 8} y={y + 14} text-anchor="end">
              {cut(unit)}
              <title>{unit}</title>
            </text>
            <line class="axis" x1={labelWidth} x2={width - 20} y1={y + 10} y2={y + 10} />
            {items
              .filter((item) => (item.responsible ?? UNKNOWN) === unit)
              .map((item, k) => {
                const x0 = xOf(item.start);
                const x1 = xOf(item.end);
                const tip = `${viDate(item.start)}${item.end !== item.start ? `–${viDate(item.end)}` : ''}: ${item.action ?? item.text} (${item.document.number ?? ''})`;
                return x1 - x0 < 4 ? (
                  <circle
                    key={k}
                    cx={x1}
                    cy={y + 10}
                    r={6}
                    fill={item.kind === 'annual' ? '#1d7a46' : '#1f5fbf'}
                  >
                    <title>{tip}</title>
                  </circle>
                ) : (
                  <rect
                    key={k}
                    x={x0}
                    y={y + 4}
                    width={x1 - x0}
                    height={12}
                    rx={3}
                    fill={item.kind === 'annual' ? '#1d7a46' : '#1f5fbf'}
                    opacity={0.75}
                  >
                    <title>{tip}</title>
                  </rect>
                );
              })}
          </g>
        );
      })}
    </svg>
  );
}
