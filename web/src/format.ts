/** Display helpers shared by the views. */

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** "2026-04-20" → "20/04/2026"; "2026-04" → "04/2026"; "2026" stays. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [year, month, day] = iso.split('-');
  if (day) return `${day}/${month}/${year}`;
  if (month && MONTHS.includes(month)) return `${month}/${year}`;
  return year ?? iso;
}

export const shortId = (id: string): string => id.slice(0, 10);

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
