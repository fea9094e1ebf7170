import type { Award } from '../record/index.js';
import { awardForms, trimPunctuation } from '../segment/index.js';
import type { TextClause } from './clauses.js';
import { provenanceOf } from './clauses.js';

const CONFERRER_START =
  /^(?:của\s+)?((?:Chủ tịch|Thủ tướng|Chính phủ|Bộ trưởng|Bộ|UBND|Ủy ban|Uỷ ban|Giám đốc|Sở|Hội đồng|Ban|Tổng|Trung ương)[^]*)$/u;

/** "Cờ thi đua của tỉnh", "Bằng khen của Thành phố": the province or city itself confers it. */
const PLACE_CONFERRER = /^của\s+(tỉnh|thành phố|Thành phố|Tỉnh)(?![\p{L}])/u;
/** "đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen": the conferrer printed before the form. */
const CONFERRER_BEFORE =
  /(?:^|[\s(])((?:Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Chính phủ|UBND|Ủy ban|Uỷ ban)[\p{L}\s]{0,60}?)\s+(?:tặng|trao tặng)\s*$/u;

function conferrer(after: string, before: string): string | null {
  const stops = awardForms().conferrerStops;
  const trimmed = after.replace(/^\s+/, '');
  const place = PLACE_CONFERRER.exec(trimmed);
  if (place) return place[1]!;
  const match = CONFERRER_START.exec(trimmed) ?? CONFERRER_BEFORE.exec(before);
  if (!match) return null;
  let text = match[1]!;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  text = trimPunctuation(text);
  return text.length >= 3 && text.length <= 80 ? text : null;
}

function occasionOf(text: string): Award['occasion'] {
  if (/tổng kết/u.test(text)) return 'final';
  if (/sơ kết/u.test(text)) return 'interim';
  if (/hằng năm|hàng năm|cuối năm/u.test(text)) return 'annual';
  return null;
}

/** Award forms from dictionaries/award-forms.json, with who confers them and on which occasion. */
export function extractAwards(clauses: TextClause[]): Award[] {
  const forms = awardForms().forms;
  const patterns = forms
    .flatMap((form) => form.patterns.map((pattern) => ({ form, pattern: pattern.toLowerCase() })))
    .sort((a, b) => b.pattern.length - a.pattern.length);
  const out: Award[] = [];
  const seen = new Set<string>();
  for (const clause of clauses) {
    if (clause.zone === 'basis' || clause.zone === 'title') continue;
    const lower = clause.text.toLowerCase();
    const taken: [number, number][] = [];
    for (const { form, pattern } of patterns) {
      let from = 0;
      for (;;) {
        const at = lower.indexOf(pattern, from);
        if (at < 0) break;
        from = at + pattern.length;
        const end = at + pattern.length;
        if (/\p{L}/u.test(lower.charAt(end)) || /\p{L}/u.test(lower.charAt(at - 1))) continue;
        if (taken.some(([a, b]) => at < b && end > a)) continue;
        taken.push([at, end]);
        const by = form.conferredBy ?? conferrer(clause.text.slice(end), clause.text.slice(0, at));
        const key = `${form.form}|${by ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const sentenceStart = clause.text.lastIndexOf('.', at) + 1;
        // The award's text runs on to a conferrer printed after the form ("Bằng khen của Chủ tịch …").
        const byAfter = by && !form.conferredBy ? clause.text.slice(end).indexOf(by) : -1;
        out.push({
          text: trimPunctuation(clause.text.slice(at, byAfter >= 0 ? end + byAfter + by!.length : end)),
          form: form.form,
          conferredBy: by,
          occasion: occasionOf(
            clause.text.slice(sentenceStart, clause.text.indexOf('.', end) + 1 || undefined) +
              ' ' +
              clause.path.map((block) => block.heading ?? '').join(' '),
          ),
          provenance: provenanceOf(clause.lines, at),
        });
      }
    }
  }
  return out;
}
