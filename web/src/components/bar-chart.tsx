/** Horizontal bars with their values, drawn as SVG; a table of the same numbers follows for screen readers. */
export function BarChart({ title, items }: { title: string; items: { label: string; value: number }[] }) {
  const max = Math.max(1, ...items.map((item) => item.value));
  const row = 26;
  const labelWidth = 220;
  const width = 500;
  const height = items.length * row + 10;
  const cut = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      {items.length === 0 ? (
        <p class="muted">Chưa có dữ liệu.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title}>
          {items.map((item, i) => {
            const barWidth = ((width - labelWidth - 50) * item.value) / max;
            return (
              <g key={item.label}>
                <text x={labelWidth - 6} y={i * row + 17} text-anchor="end">
                  {cut(item.label)}
                  <title>{item.label}</title>
                </text>
                <rect
                  x={labelWidth}
                  y={i * row + 5}
                  width={Math.max(1, barWidth)}
                  height={row - 8}
                  fill="#1f5fbf"
                  rx={2}
                />
                <text x={labelWidth + barWidth + 6} y={i * row + 17}>
                  {item.value}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <table class="sr-only">
        <caption>{title}</caption>
        <tbody>
          {items.map((item) => (
            <tr key={item.label}>
              <th scope="row">{item.label}</th>
              <td>{item.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
