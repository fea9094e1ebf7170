import type { Deadline } from '../record/index.js';

/** The dates a deadline can fall on: a span of ISO dates (one-off) or of MM-DD days of any year (annual). */
export type DeadlineWindow =
  { kind: 'once'; start: string; end: string } | { kind: 'annual'; startDay: string; endDay: string } | null;

/** A row of the deadlines table as the queries read it: its window columns and what it says. */
export interface DeadlineRow {
  document_id: string;
  kind: 'annual' | 'once';
  start_date: string | null;
  end_date: string | null;
  start_day: string | null;
  end_day: string | null;
  action: string | null;
  responsible: string | null;
  text: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The window of one deadline; null for relative deadlines and dates too vague to place. */
export function deadlineWindow(deadline: Deadline): DeadlineWindow {
  const date = deadline.date;
  const fromIso = date.iso?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  const year = date.year ?? (fromIso?.[1] ? Number(fromIso[1]) : undefined);
  const month = date.month ?? (fromIso?.[2] ? Number(fromIso[2]) : undefined);
  const day = date.day ?? (fromIso?.[3] ? Number(fromIso[3]) : undefined);
  let months: [number, number] | null = null;
  if (month) months = [month, month];
  else if (date.quarter) months = [date.quarter * 3 - 2, date.quarter * 3];
  if (deadline.kind === 'annual') {
    if (!months) return null;
    const startDay = `${pad(months[0])}-${pad(day ?? 1)}`;
    const endDay = `${pad(months[1])}-${pad(day ?? daysInMonth(2001, months[1]))}`;
    return { kind: 'annual', startDay, endDay };
  }
  if (deadline.kind !== 'once' || !year) return null;
  const [first, last] = months ?? [1, 12];
  return {
    kind: 'once',
    start: `${year}-${pad(first)}-${pad(day ?? 1)}`,
    end: `${year}-${pad(last)}-${pad(day ?? daysInMonth(year, last))}`,
  };
}

/**
 * The concrete dates of a deadline inside [from, to] (ISO days, either open): an annual deadline gives
 * one date per year of the range ("YYYY-MM-DD", or "YYYY-MM" when it names only a month).
 */
export function concreteDates(window: DeadlineWindow, from?: string, to?: string): string[] {
  if (!window) return [];
  const lo = from ?? '0000-01-01';
  const hi = to ?? '9999-12-31';
  if (window.kind === 'once') {
    if (window.end < lo || window.start > hi) return [];
    return [window.start === window.end ? window.start : `${window.start}..${window.end}`];
  }
  const firstYear = Number((from ?? to ?? '2000').slice(0, 4));
  const lastYear = Number((to ?? from ?? '2000').slice(0, 4));
  const dates: string[] = [];
  for (let year = firstYear; year <= lastYear && dates.length < 100; year++) {
    const start = `${year}-${window.startDay}`;
    const end = `${year}-${window.endDay}`;
    if (end < lo || start > hi) continue;
    const oneMonth = window.startDay.slice(0, 2) === window.endDay.slice(0, 2);
    if (start === end) dates.push(start);
    else dates.push(oneMonth ? `${year}-${window.startDay.slice(0, 2)}` : `${start}..${end}`);
  }
  return dates;
}
