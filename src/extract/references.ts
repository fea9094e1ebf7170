import type { DocumentNumber, PartialDate, Reference, Relation } from '../record/index.js';
import { referenceKey } from '../record/index.js';
import { documentTypes, fold, repairOcrNumerals, typeByCode, typeByName } from '../segment/index.js';
import type { TextClause } from './clauses.js';
import { provenanceOf } from './clauses.js';
import { leadingDate, parseDate } from './dates.js';
import { NUMBER_TEXT, canonicalNumberText, parseNumber, typeCodeOf } from './number.js';

const RELATION_STRENGTH: Record<Relation, number> = { basis: 3, implements: 2, cites: 1 };
const LAW_TYPES = ['Bộ luật', 'Luật', 'Hiến pháp', 'Pháp lệnh'];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let typeAlternation: string | null = null;
function typeWords(): string {
  if (typeAlternation) return typeAlternation;
  const names = [
    ...documentTypes().types.map((type) => type.name),
    'Chương trình hành động',
    'Công văn',
    'Văn bản',
  ];
  const variants = new Set<string>();
  for (const name of names) {
    variants.add(name);
    variants.add(name.charAt(0).toLowerCase() + name.slice(1));
    variants.add(name.toUpperCase());
  }
  typeAlternation = [...variants]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
  return typeAlternation;
}

let issuerStop: RegExp | null = null;
function issuerStopPattern(): RegExp {
  issuerStop ??= new RegExp(
    `\\s+(?:về|ban hành|quy định|phê duyệt|hướng dẫn|tại|thực hiện|triển khai|phát động|sửa đổi|đến|trong|nêu trên|đối với|gồm|cho|được|với|để|theo)(?![\\p{L}])|\\s+và\\s+(?=\\p{Ll}|(?:${typeWords()})(?![\\p{L}]))|\\s*[;,.(:]|$`,
    'u',
  );
  return issuerStop;
}

interface Citation {
  start: number;
  end: number;
  type: string | null;
  number: DocumentNumber | null;
  date: PartialDate | null;
  issuer: string | null;
  title: string | null;
  text: string;
  relation: Relation;
  clause: TextClause;
  /** How the issuer was found: "của X" after the citation, or "của X tại …" before it. */
  issuerFrom?: 'after' | 'before';
}

function readIssuer(text: string): { issuer: string; length: number } | null {
  const match = /^\s*(?:của|do)\s+/u.exec(text);
  if (!match) return null;
  const rest = text.slice(match[0].length);
  const stop = issuerStopPattern().exec(rest);
  const issuer = rest.slice(0, stop ? stop.index : rest.length).trim();
  // Digits end an issuer only as its own number ("Ban Chỉ đạo 57"); anywhere else they are not a name.
  const unnumbered = issuer.replace(/\s\d{1,3}$/u, '');
  if (issuer.length < 2 || issuer.length > 90 || !/^\p{Lu}/u.test(issuer) || /\d/.test(unnumbered))
    return null;
  return { issuer, length: match[0].length + issuer.length };
}

function lookbackIssuer(before: string): string | null {
  const match = /.*của\s+([^;,()]+?)\s+tại\s+(?:các\s+)?$/u.exec(before);
  return match && /^\p{Lu}/u.test(match[1]!) && !/\d/.test(match[1]!) ? match[1]!.trim() : null;
}

function resolveType(printed: string | null, number: DocumentNumber | null): string | null {
  const fromCode = typeByCode(typeCodeOf(number?.symbol ?? null) ?? '')?.name ?? null;
  if (fromCode && !(printed && LAW_TYPES.includes(printed))) return fromCode;
  if (!printed) return number ? 'Công văn' : null;
  const entry = typeByName(printed);
  if (!entry) return printed.charAt(0).toUpperCase() + printed.slice(1);
  if (entry.name === 'Văn bản' && number) return 'Công văn';
  return entry.name;
}

/** Upper-case headings print "SỐ", "NGÀY", "CỦA": lower them (same length, so offsets hold). */
function lowerConnectives(text: string): string {
  return text.replace(/(?<![\p{L}])(SỐ|NGÀY|THÁNG|NĂM|CỦA|VỀ|VÀ|BAN HÀNH|QUY ĐỊNH)(?![\p{L}])/gu, (word) =>
    word.toLowerCase(),
  );
}

/** In the unnumbered opening text, "…, thực hiện Nghị định số …" implements and "căn cứ …" is a basis. */
function localRelation(clause: TextClause, before: string): Relation {
  if (
    clause.relation !== 'cites' ||
    !(
      clause.zone === 'preamble' ||
      (clause.zone === 'body' && clause.path.length <= 1 && !clause.path[0]?.marker)
    )
  ) {
    return clause.relation;
  }
  if (/(?:^|[,;.:]\s*|\s)(?:[Tt]hực hiện|[Tt]riển khai|[Tt]hi hành)\s+$/u.test(before)) return 'implements';
  if (/(?:^|[,;.:]\s*|\s)[Cc]ăn cứ\s+$/u.test(before)) return 'basis';
  return 'cites';
}

/**
 * A symbol's first part that OCR made of the printed type's code: not itself a code, and either one
 * letter off at the same length ("TTY", "TTV" for TTr) or holding digits, lower case or a space where
 * the code has letters ("77Y", "TT r"). A clean upper-case abbreviation of another length ("BCĐ", "BYT")
 * is an agency, never touched; nor are công văn symbols, which never start with a type code.
 */
function misreadCode(printed: string, code: string): boolean {
  const compact = printed.replace(/\s/g, '');
  if (compact === code) return printed !== code;
  if (code === 'CV' || typeByCode(compact) || Math.abs(compact.length - code.length) > 1) return false;
  const upper = compact.toUpperCase();
  const target = code.toUpperCase();
  if (upper.length === target.length && /^[\p{Lu}Đ]+$/u.test(compact)) {
    let differences = 0;
    for (let at = 0; at < upper.length; at++) if (upper[at] !== target[at]) differences++;
    return differences === 1;
  }
  return /[^\p{Lu}Đ]/u.test(printed) && (/\d/.test(compact) || upper[0] === target[0]);
}

let sevenT: RegExp | null = null;
/** A 7 before the rest of a type name that starts with T ("7ờ trình", "7hông tư"): OCR's T. */
function sevenForT(): RegExp {
  if (sevenT) return sevenT;
  const tails = documentTypes()
    .types.map((type) => type.name)
    .filter((name) => name.startsWith('T'))
    .map((name) => escape(name.slice(1)))
    .join('|');
  sevenT = new RegExp(`(?<![\\p{L}\\d])7(?=(?:${tails})(?![\\p{L}]))`, 'gu');
  return sevenT;
}

/**
 * OCR damage inside citations, repaired by rules that hold for any Vietnamese document: digit confusions in
 * dates and symbols broken at a line end ("TTr-" / "BNNMT"), a space read inside a serial after "số"
 * ("số 4 0/2025/NĐ-CP"), and a symbol whose first part is not a type code although the printed type
 * names one of about the same length ("Tờ trình số 252/77Y-BNV", "Tờ trình số 92/TT r-UBND" → TTr).
 */
export function repairCitationOcr(text: string): string {
  return (
    repairOcrNumerals(text)
      .replace(/(?<![\p{L}])(?:s[ỐÔôởơ6]|S[ỐÔôởơ6])(?=\s*:?\s*\d{1,5}[/-])/gu, 'số')
      .replace(sevenForT(), 'T')
      .replace(/(?<![\p{L}])(số\s+)(\d{1,3})\s(\d{1,3}\/\d{4}\/)/gu, '$1$2$3')
      // A serial with a look-alike beside a real digit: "Kết luận số J4-KL/TW" → 14.
      .replace(
        /(?<![\p{L}])(số\s+)([\dIlJ|\][!]{2,5})(?=[/-][\p{Lu}Đ\d])/gu,
        (all, word: string, serial: string) =>
          /\d/.test(serial) ? `${word}${serial.replace(/[^\d]/g, '1')}` : all,
      )
      // A speck read as a quote or a dot before the serial: "số '92/TTr-UBND", "số .64/2025/QH15".
      .replace(/(?<![\p{L}])(số\s*)['‘’`.,]+(?=\d)/gu, '$1')
      .replace(
        new RegExp(
          `(${typeWords()})(\\s+(?:s[ốoô]\\s+)?\\d{1,5}\\/(?:\\d{4}\\/)?)([^\\s/\\-]{1,3}(?:\\s\\p{Ll})?)(?=-[\\p{Lu}Đ])`,
          'gu',
        ),
        (all, printed: string, middle: string, code: string) => {
          const type = typeByName(printed);
          return type && misreadCode(code, type.code) ? `${printed}${middle}${type.code}` : all;
        },
      )
  );
}

function findCitations(clause: TextClause): Citation[] {
  const text = lowerConnectives(repairCitationOcr(clause.text));
  const found: Citation[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number): boolean => taken.every(([a, b]) => end <= a || start >= b);

  const law = new RegExp(
    `(?<![\\p{L}])(${LAW_TYPES.map(escape).join('|')})\\s+((?:sửa đổi|\\p{Lu})[^;()]*?)(?=\\s+số\\s+\\d|\\s+ngày\\s|\\s+năm\\s+\\d{4}|\\s+được\\s|\\s+của\\s+(?!Luật|Bộ luật)|\\s+và\\s+\\p{Ll}|\\s*[;(]|\\s*\\.\\s*$|\\s*\\.\\s+\\p{Lu}|,\\s+(?:${LAW_TYPES.map(escape).join('|')}|Nghị|Thông|Quyết)|$)`,
    'gu',
  );
  for (const match of text.matchAll(law)) {
    const start = match.index;
    let end = start + match[0].length;
    const title = match[2]!.trim().slice(0, 120);
    let number: DocumentNumber | null = null;
    const numberMatch = new RegExp(`^\\s+số\\s+(${NUMBER_TEXT})`, 'u').exec(text.slice(end));
    if (numberMatch) {
      number = parseNumber(numberMatch[1]!);
      end += numberMatch[0].length;
    }
    let date: PartialDate | null = null;
    const dated = leadingDate(text.slice(end));
    if (dated) {
      date = dated.date;
      end += dated.length;
    } else {
      const year = /^\s+năm\s+(\d{4})/u.exec(text.slice(end));
      if (year) {
        date = { iso: year[1]!, precision: 'year' };
        end += year[0].length;
      }
    }
    found.push({
      start,
      end,
      type: match[1]!,
      number,
      date,
      issuer: null,
      title,
      text: text.slice(start, end).trim(),
      relation: clause.relation,
      clause,
    });
    taken.push([start, end]);
  }

  const numbered = new RegExp(
    `(?<![\\p{L}\\d/])(?:(${typeWords()})(?:\\s+\\p{Ll}+){0,2}?\\s+)?(?:(?:liên tịch\\s+)?số[:\\s]\\s*)?(${NUMBER_TEXT})(?![\\p{L}\\d])`,
    'gu',
  );
  for (const match of text.matchAll(numbered)) {
    const start = match.index;
    let end = start + match[0].length;
    if (!free(start, end)) continue;
    const number = parseNumber(match[2]!);
    if (!number?.symbol || !/\p{Lu}/u.test(number.symbol)) continue;
    let date: PartialDate | null = null;
    const dated = leadingDate(text.slice(end));
    if (dated) {
      date = dated.date;
      end += dated.length;
    }
    let issuer: string | null = null;
    let issuerFrom: Citation['issuerFrom'];
    const read = readIssuer(text.slice(end));
    if (read) {
      issuer = read.issuer;
      issuerFrom = 'after';
      end += read.length;
    } else {
      issuer = lookbackIssuer(text.slice(0, start));
      if (issuer) issuerFrom = 'before';
    }
    found.push({
      start,
      end,
      type: resolveType(match[1] ?? null, number),
      number,
      date,
      issuer,
      title: null,
      text: text.slice(start, end).trim(),
      relation: localRelation(clause, text.slice(0, start)),
      clause,
      ...(issuerFrom ? { issuerFrom } : {}),
    });
    taken.push([start, end]);
  }
  found.sort((a, b) => a.start - b.start);
  shareIssuers(found, text);
  // Titles run from the end of a citation to the next one, a ";" or an alias parenthesis.
  found.forEach((citation, index) => {
    if (citation.title) return;
    const next = found[index + 1]?.start ?? text.length;
    const after = text.slice(citation.end, next);
    const titled =
      /^\s*(?:về việc|về|V\/v|ban hành|quy định|hướng dẫn|phê duyệt)\s+([^;]+?)(?=\s*\(sau đây|\s*;|$)/u.exec(
        after,
      );
    if (titled)
      citation.title =
        titled[1]!
          .replace(/[\s,.]+(và|hoặc)?\s*$/u, '')
          .trim()
          .slice(0, 200) || null;
  });
  return found;
}

/**
 * Coordinated citations share an issuer: "Thông tư số 13/… và Thông tư số 51/… của Bộ trưởng Bộ Công an"
 * (the "của" follows the last one) and "của Bộ X tại Tờ trình số … và Báo cáo số …" (it precedes the first).
 */
function shareIssuers(found: Citation[], text: string): void {
  for (let index = found.length - 2; index >= 0; index--) {
    const citation = found[index]!;
    const next = found[index + 1]!;
    const between = text.slice(citation.end, next.start);
    if (!citation.issuer && next.issuerFrom === 'after' && /^\s*(?:,|và|;)?\s*$/u.test(between)) {
      citation.issuer = next.issuer;
      citation.issuerFrom = 'after';
    }
  }
  for (let index = 1; index < found.length; index++) {
    const citation = found[index]!;
    const previous = found[index - 1]!;
    const between = text.slice(previous.end, citation.start);
    if (
      !citation.issuer &&
      previous.issuerFrom === 'before' &&
      !/của|\./u.test(between) &&
      between.length < 40
    ) {
      citation.issuer = previous.issuer;
      citation.issuerFrom = 'before';
    }
  }
}

function aliasesOf(citations: Citation[], clause: TextClause, aliases: Map<string, Citation>): void {
  for (const match of clause.text.matchAll(
    /\(sau đây (?:được )?(?:viết tắt|gọi tắt|gọi chung|gọi) là\s+([^)]+)\)/gu,
  )) {
    const alias = match[1]!.trim();
    const serial = /số\s+(\d+)/u.exec(alias)?.[1] ?? null;
    if (!serial) continue;
    const before = citations.filter((citation) => citation.start < match.index);
    const target =
      [...before].reverse().find((citation) => citation.number?.serial === serial) ??
      before[before.length - 1];
    if (target) aliases.set(fold(alias), target);
  }
}

interface Merged {
  citation: Citation;
  relation: Relation;
  year: number | null;
  shortNames: string[];
}

function yearOf(citation: Citation): number | null {
  return citation.date ? Number.parseInt(citation.date.iso.slice(0, 4), 10) : null;
}

/**
 * Every document cited in the text, de-duplicated by number (or law title) and year; the relation is the
 * strongest under which it is cited (basis > implements > cites). Short names a document defines
 * ("sau đây viết tắt là Nghị quyết số 57") resolve to the full citation instead of making a new one.
 */
export function extractReferences(clauses: TextClause[], ownNumber: DocumentNumber | null): Reference[] {
  const groups = new Map<string, Merged[]>();
  const order: Merged[] = [];
  const aliases = new Map<string, Citation>();
  const ownText = ownNumber?.serial ? fold(ownNumber.text) : null;
  const owner = new Map<Citation, Merged>();
  for (const clause of clauses) {
    const citations = findCitations(clause);
    aliasesOf(citations, clause, aliases);
    for (const citation of citations) {
      const groupKey = citation.number
        ? fold(canonicalNumberText(citation.number.text))
        : `${fold(citation.type ?? '')}:${fold(citation.title ?? '')}`;
      if (ownText && groupKey === ownText) continue;
      const group = groups.get(groupKey) ?? [];
      const year = yearOf(citation);
      const same = group.find((entry) => entry.year === null || year === null || entry.year === year);
      if (same) {
        owner.set(citation, same);
        if (RELATION_STRENGTH[citation.relation] > RELATION_STRENGTH[same.relation])
          same.relation = citation.relation;
        if (same.year === null && year !== null) {
          same.year = year;
          same.citation = { ...same.citation, date: citation.date };
        }
        const kept = same.citation;
        same.citation = {
          ...kept,
          issuer: kept.issuer ?? citation.issuer,
          title: kept.title ?? citation.title,
          type: kept.type ?? citation.type,
        };
        continue;
      }
      const entry: Merged = { citation, relation: citation.relation, year, shortNames: [] };
      owner.set(citation, entry);
      group.push(entry);
      groups.set(groupKey, group);
      order.push(entry);
    }
  }
  // A short name used in a basis clause makes its document a basis too.
  for (const [alias, target] of aliases) {
    const entry = owner.get(target);
    if (!entry) continue;
    const printed =
      target.clause.text.match(/\(sau đây (?:được )?(?:viết tắt|gọi tắt|gọi chung|gọi) là\s+([^)]+)\)/gu) ??
      [];
    const shortName = printed
      .map((text) => text.replace(/^.*là\s+/u, '').replace(/\)$/, ''))
      .find((text) => fold(text) === alias);
    if (shortName && !entry.shortNames.includes(shortName)) entry.shortNames.push(shortName);
    for (const clause of clauses) {
      if (!fold(clause.text).includes(alias)) continue;
      if (RELATION_STRENGTH[clause.relation] > RELATION_STRENGTH[entry.relation])
        entry.relation = clause.relation;
    }
  }
  return order.map(({ citation, relation, year, shortNames }) => {
    const number = citation.number;
    const keyNumber = number ? { ...number, text: canonicalNumberText(number.text) } : null;
    return {
      text: citation.text,
      type: citation.type,
      number,
      date: citation.date ? { iso: citation.date.iso, precision: citation.date.precision } : null,
      issuer: citation.issuer,
      title: citation.title,
      relation,
      key: referenceKey({ type: citation.type, number: keyNumber, year, title: citation.title }),
      ...(shortNames.length > 0 ? { shortNames } : {}),
      provenance: provenanceOf(citation.clause.lines, citation.start),
    };
  });
}

export { parseDate };
