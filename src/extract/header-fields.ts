import type { DocumentNumber, PartialDate } from '../record/index.js';
import { agencies, cleanLine, fold, type DocumentLayout, type LogicalLine } from '../segment/index.js';
import { parseDate } from './dates.js';
import { parseNumber } from './number.js';
import type { TextClause } from './clauses.js';

export interface IssuerFields {
  name: string | null;
  parent: string | null;
  lines: LogicalLine[];
  inferred: boolean;
}

function startsAgency(text: string): boolean {
  const folded = fold(text);
  const { headWords, continuationWords } = agencies();
  if (continuationWords.some((word) => folded.startsWith(`${fold(word)} `) || folded === fold(word)))
    return false;
  return headWords.some((word) => folded.startsWith(`${fold(word)} `) || folded === fold(word));
}

/**
 * The issuing agency from the header's upper-case lines: "UBND TỈNH VĨNH LONG / SỞ Y TẾ" is parent and
 * name; "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI" is one name over two lines. Without header lines, the agency
 * that "ban hành" / "xây dựng" the document in its preamble.
 */
export function issuerFields(
  layout: DocumentLayout,
  clauses: TextClause[],
  typeName: string | null,
): IssuerFields {
  const groups: LogicalLine[][] = [];
  for (const line of layout.issuer) {
    const last = groups[groups.length - 1];
    if (!last || startsAgency(line.text)) groups.push([line]);
    else last.push(line);
  }
  const joined = groups.map((group) => cleanLine(group.map((line) => line.text).join(' ')));
  if (joined.length > 0) {
    return {
      name: joined[joined.length - 1]!,
      parent: joined.length > 1 ? joined[joined.length - 2]! : null,
      lines: layout.issuer,
      inferred: false,
    };
  }
  if (layout.authority.length > 0) {
    // The enacting authority printed under the title ("THỦ TƯỚNG CHÍNH PHỦ") names the issuer.
    return {
      name: cleanLine(layout.authority.map((line) => line.text).join(' ')),
      parent: null,
      lines: layout.authority,
      inferred: true,
    };
  }
  const ownType = typeName ?? 'Kế hoạch|Quyết định|Thông báo|Chương trình|Hướng dẫn|văn bản';
  const issuing = new RegExp(
    `(?:^|[,;]\\s*)([^,;]*?)\\s+(?:ban hành|xây dựng|thông báo|triển khai)\\s+(?:${ownType})(?![\\p{L}])`,
    'iu',
  );
  const candidates = [
    ...clauses.filter((entry) => entry.zone === 'preamble'),
    ...clauses.filter((entry) => entry.zone === 'basis'),
    ...clauses
      .filter((entry) => entry.zone === 'body' && entry.path.every((block) => !block.marker))
      .slice(0, 3),
  ];
  for (const clause of candidates) {
    const match = issuing.exec(clause.text);
    const name = match?.[1]?.trim();
    if (
      name &&
      /^\p{Lu}/u.test(name) &&
      name.length <= 80 &&
      !/\d/.test(name) &&
      !/^(Căn cứ|Thực hiện)/u.test(name)
    ) {
      const offset = clause.text.indexOf(name);
      const line = clause.lines.find((_, index) => index === 0) ?? clause.lines[0]!;
      void offset;
      return { name, parent: null, lines: [line], inferred: true };
    }
  }
  return { name: null, parent: null, lines: [], inferred: false };
}

export function numberFields(layout: DocumentLayout): DocumentNumber | null {
  if (!layout.number) return null;
  const text = layout.number.text;
  const after = /^[^:;]{1,20}[:;]/u.test(text)
    ? text.replace(/^[^:;]{1,20}[:;]\s*/u, '')
    : text.replace(/^(?:\p{L}+(?:\s+\p{L}+)?\s+)?([Ss][ốoô6]|86)\s*[:;.]?\s*/u, '');
  return parseNumber(after);
}

export interface PlaceDate {
  place: string | null;
  date: PartialDate | null;
  /** True when the line prints "ngày … tháng … năm" with every part blank. */
  blank: boolean;
}

export function placeDateFields(layout: DocumentLayout): PlaceDate {
  if (!layout.placeDate) return { place: null, date: null, blank: false };
  const text = layout.placeDate.text;
  const place = /^([^,]+?),?\s+ng[àa]y/u.exec(text)?.[1]?.trim() ?? null;
  const date = parseDate(text);
  return { place, date, blank: date === null };
}

/** "V/v cơ chế …" → "cơ chế …"; title lines joined with one space. */
export function titleText(layout: DocumentLayout): string | null {
  if (layout.title.length === 0) return null;
  const joined = cleanLine(layout.title.map((line) => line.text).join(' '));
  return layout.titleIsSubject ? joined.replace(/^(V\/v|V\/V|Về việc)\s*[:.]?\s*/u, '') : joined;
}
