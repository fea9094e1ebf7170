import type { Deadline, PartialDate } from '../record/index.js';
import { fold, trimPunctuation } from '../segment/index.js';
import type { TextClause } from './clauses.js';
import { provenanceOf } from './clauses.js';
import { makeDate, parseDate } from './dates.js';
import { responsibleUnit } from './lists.js';

type DeadlineDate = Deadline['date'];

const TRIGGER = '(?:trước|chậm nhất(?:\\s+là)?|hạn chót|không quá|hoàn thành(?:\\s+trước)?|kết thúc)';
const ANNUAL_WORDS = /hằng năm|hàng năm|định kỳ|mỗi năm|năm một lần/u;
const QUARTERS: Record<string, number> = { i: 1, '1': 1, ii: 2, '2': 2, iii: 3, '3': 3, iv: 4, '4': 4 };
const UNITS: Record<string, DeadlineDate['unit']> = {
  'ngay lam viec': 'working-day',
  ngay: 'day',
  tuan: 'week',
  thang: 'month',
  quy: 'quarter',
  nam: 'year',
};

interface Hit {
  index: number;
  length: number;
  kind: Deadline['kind'];
  date: DeadlineDate;
}

function fromPartial(date: PartialDate): DeadlineDate {
  const [year, month, day] = date.iso.split('-').map((part) => Number.parseInt(part, 10));
  return {
    iso: date.iso,
    ...(year ? { year } : {}),
    ...(month ? { month } : {}),
    ...(day ? { day } : {}),
  };
}

function findHits(text: string): Hit[] {
  const hits: Hit[] = [];
  const pad = (value: string): string => value.padStart(2, '0');
  // "trước 14 giờ 00 ngày 29/7/2020"
  for (const match of text.matchAll(
    new RegExp(
      `${TRIGGER}\\s+(\\d{1,2})\\s*(?:giờ|h|:)\\s*(\\d{2})?\\s*(?:phút)?\\s*,?\\s*(ngày\\s+[^;,]{0,40})`,
      'gu',
    ),
  )) {
    const date = parseDate(match[3]!);
    if (!date) continue;
    hits.push({
      index: match.index,
      length: match[0].length,
      kind: 'once',
      date: { ...fromPartial(date), time: `${pad(match[1]!)}:${pad(match[2] ?? '00')}` },
    });
  }
  // "trước ngày 10 tháng 5 năm 2026", "trước ngày 15/12/2026", "trước ngày 05/11" (annual when the sentence says so)
  for (const match of text.matchAll(
    new RegExp(
      `${TRIGGER}\\s+(?:ngày\\s*)?(\\d{1,2}\\s*(?:\\/|-|\\.|tháng)\\s*\\d{1,2}(?:\\s*(?:\\/|-|\\.|năm)\\s*\\d{4})?)`,
      'gu',
    ),
  )) {
    if (hits.some((hit) => match.index >= hit.index && match.index < hit.index + hit.length)) continue;
    const printed = match[1]!;
    const full = parseDate(`ngày ${printed.includes('tháng') ? printed : printed}`) ?? parseDate(printed);
    if (full) {
      hits.push({ index: match.index, length: match[0].length, kind: 'once', date: fromPartial(full) });
      continue;
    }
    const parts = /(\d{1,2})\s*(?:\/|-|\.|tháng)\s*(\d{1,2})/u.exec(printed);
    if (!parts) continue;
    const day = Number.parseInt(parts[1]!, 10);
    const month = Number.parseInt(parts[2]!, 10);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    hits.push({ index: match.index, length: match[0].length, kind: 'annual', date: { month, day } });
  }
  // "trong tháng 6/2026", "trước tháng 12 năm 2026"
  for (const match of text.matchAll(
    new RegExp(`(?:${TRIGGER}|trong)\\s+tháng\\s+(\\d{1,2})\\s*(?:\\/|năm)\\s*(\\d{4})`, 'gu'),
  )) {
    const date = makeDate(Number.parseInt(match[2]!, 10), Number.parseInt(match[1]!, 10), null, match[0]);
    if (date)
      hits.push({ index: match.index, length: match[0].length, kind: 'once', date: fromPartial(date) });
  }
  // "trong quý 1/2019", "trước quý III năm 2026"
  for (const match of text.matchAll(
    new RegExp(`(?:${TRIGGER}|trong)\\s+quý\\s+(IV|I{1,3}|[1-4])\\s*(?:\\/|năm)\\s*(\\d{4})`, 'gu'),
  )) {
    const quarter = QUARTERS[match[1]!.toLowerCase()];
    if (quarter)
      hits.push({
        index: match.index,
        length: match[0].length,
        kind: 'once',
        date: { year: Number.parseInt(match[2]!, 10), quarter },
      });
  }
  // "chậm nhất 05 ngày làm việc", "trong thời hạn 10 ngày"
  for (const match of text.matchAll(
    /(?:chậm nhất(?:\s+là)?|trong (?:thời hạn|vòng)|không quá|sau)\s+(\d{1,3})\s+(ngày làm việc|ngày|tuần|tháng|quý|năm)(?![\p{L}])/gu,
  )) {
    if (hits.some((hit) => match.index >= hit.index && match.index < hit.index + hit.length)) continue;
    const unit = UNITS[fold(match[2]!)];
    if (unit)
      hits.push({
        index: match.index,
        length: match[0].length,
        kind: 'relative',
        date: { amount: Number.parseInt(match[1]!, 10), unit },
      });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/**
 * Deadlines in running text: annual ("Định kỳ hằng năm, trước ngày 05/11"), once ("trước 14 giờ 00 ngày
 * 29/7/2020", "trong quý 1/2019") and relative ("chậm nhất 05 ngày làm việc").
 */
export function extractDeadlines(clauses: TextClause[]): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const clause of clauses) {
    if (clause.zone === 'basis' || clause.zone === 'title') continue;
    for (const hit of findHits(clause.text)) {
      const sentenceStart = Math.max(
        clause.text.lastIndexOf('.', hit.index) + 1,
        clause.text.lastIndexOf(';', hit.index) + 1,
      );
      const sentenceEndRaw = clause.text.slice(hit.index).search(/[.;](\s|$)/u);
      const sentenceEnd = sentenceEndRaw < 0 ? clause.text.length : hit.index + sentenceEndRaw;
      const sentence = clause.text.slice(sentenceStart, sentenceEnd);
      let kind = hit.kind;
      if (kind === 'annual' && !ANNUAL_WORDS.test(sentence) && hit.date.year === undefined) kind = 'annual';
      if (
        kind === 'once' &&
        ANNUAL_WORDS.test(sentence) &&
        hit.date.year === undefined &&
        hit.date.month &&
        hit.date.day
      )
        kind = 'annual';
      const action =
        trimPunctuation(clause.text.slice(hit.index + hit.length, sentenceEnd)) ||
        trimPunctuation(clause.text.slice(sentenceStart, hit.index)) ||
        null;
      deadlines.push({
        text: trimPunctuation(sentence),
        kind,
        date: hit.date,
        action,
        responsible: responsibleUnit(clause),
        provenance: provenanceOf(clause.lines, hit.index),
      });
    }
  }
  return deadlines;
}

export interface PeriodValue {
  from: number;
  to: number;
  text: string;
}

/** "giai đoạn 2026 - 2030" in the title first, else anywhere in the text. */
export function extractPeriod(
  clauses: TextClause[],
): { period: PeriodValue; clause: TextClause; index: number } | null {
  const ordered = [
    ...clauses.filter((clause) => clause.zone === 'title'),
    ...clauses.filter((clause) => clause.zone !== 'title' && clause.zone !== 'basis'),
  ];
  for (const clause of ordered) {
    const match =
      /(giai đoạn|GIAI ĐOẠN)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})/u.exec(clause.text) ??
      /[Tt]ừ năm\s+((?:19|20)\d{2})\s+đến (?:hết )?năm\s+((?:19|20)\d{2})/u.exec(clause.text);
    if (!match) continue;
    const from = Number.parseInt(match.length === 4 ? match[2]! : match[1]!, 10);
    const to = Number.parseInt(match.length === 4 ? match[3]! : match[2]!, 10);
    if (to >= from) return { period: { from, to, text: match[0] }, clause, index: match.index };
  }
  return null;
}

function boundary(text: string): PartialDate | null {
  const day = parseDate(text);
  if (day) return day;
  const month = /tháng\s+(\d{1,2})\s*(?:\/|năm)\s*(\d{4})/u.exec(text);
  if (month) return makeDate(Number.parseInt(month[2]!, 10), Number.parseInt(month[1]!, 10), null, month[0]);
  const year = /((?:19|20)\d{2})/u.exec(text);
  return year ? makeDate(Number.parseInt(year[1]!, 10), null, null, year[0]) : null;
}

export interface PhaseValue {
  name: string;
  from: PartialDate | null;
  to: PartialDate | null;
  text: string;
  clause: TextClause;
}

/** "Giai đoạn 1: (Từ năm 2026 đến hết năm 2027)", "Đợt 2 (từ tháng 5/2026 đến tháng 12/2026)". */
export function extractPhases(clauses: TextClause[]): PhaseValue[] {
  const phases: PhaseValue[] = [];
  for (const clause of clauses) {
    if (clause.zone === 'title' || clause.zone === 'basis') continue;
    const match =
      /^(?:[-+]\s*|[a-zđ][.)]\s*|\d{1,2}\.\s*)?((?:Giai đoạn|GIAI ĐOẠN|Đợt|ĐỢT)\s+(?:\d+|[IVX]+))\s*[:.]?\s*\(?\s*(?:[Tt]ừ\s+)?(.{0,40}?)\s+(?:đến|-|–)\s+(?:hết\s+)?(.{0,40}?)\)?(?:[:;.,]|$)/u.exec(
        clause.text,
      );
    if (!match) continue;
    const from = boundary(match[2]!);
    const to = boundary(match[3]!);
    if (!from && !to) continue;
    phases.push({ name: match[1]!, from, to, text: match[0].trim(), clause });
  }
  return phases;
}
