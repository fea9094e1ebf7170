/** Cuts a cell to `width` characters, with an ellipsis when it was longer. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat.padEnd(width) : `${flat.slice(0, width - 1)}…`;
}

/**
 * A plain-text table: columns as wide as their widest cell (up to `maxWidth`), the last column taking
 * what is left of `totalWidth`.
 */
export function formatTable(
  header: string[],
  rows: string[][],
  options: { maxWidth?: number; totalWidth?: number } = {},
): string {
  const maxWidth = options.maxWidth ?? 40;
  const widths = header.map((title, column) =>
    Math.min(maxWidth, Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))),
  );
  if (options.totalWidth && widths.length > 0) {
    const used = widths.slice(0, -1).reduce((sum, width) => sum + width + 2, 0);
    widths[widths.length - 1] = Math.max(10, options.totalWidth - used);
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => fit(cell, widths[column] ?? 10))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n') + '\n';
}
