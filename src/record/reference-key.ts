/**
 * A normalised key for a cited document, so that different citations of one document meet:
 * "Kế hoạch số 152/KH-UBND ngày 20 tháng 4 năm 2026 của Ủy ban nhân dân tỉnh Gia Lai" and
 * "KH 152/KH-UBND (20/4/2026)" both give "152/kh-ubnd@2026".
 *
 * - With a number: the folded number, plus "@year" when the number carries no year of its own
 *   ("81/2019/NĐ-CP" carries 2019). Spaces, a "Số:" prefix, trailing punctuation and leading zeros of
 *   the serial are dropped ("Số: 05 / KH-UBND," → "5/kh-ubnd"). A blank serial ("Số: /KH-SYT") names no
 *   document on its own, so such a document is keyed by type and title like a law. The issuer is left out on purpose: citations often omit it, and the
 *   symbol already names the issuing body; the store uses the issuer only to break ties.
 * - Without a number (laws are cited by title and date): type and folded title, plus "@year".
 */
export interface ReferenceKeyInput {
  type?: string | null;
  number?: { text: string; serial: string | null; symbol: string | null } | null;
  /** Year of the cited document's date, when the citation gives one. */
  year?: number | null;
  title?: string | null;
}

/** Lower case, no diacritics, đ → d, one space. */
export function foldForKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function slug(text: string): string {
  return foldForKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Số: 05 / KH-UBND," → "5/kh-ubnd". */
export function foldNumberText(text: string): string {
  return foldForKey(text)
    .replace(/\s+/g, '')
    .replace(/^(so|no\.?):?/, '')
    .replace(/[.,;:)\]]+$/, '')
    .replace(/^[([]+/, '')
    .replace(/^0+(?=\d)/, '');
}

export function referenceKey(input: ReferenceKeyInput): string {
  const yearPart = input.year ? `@${input.year}` : '';
  if (input.number?.serial) {
    const number = foldNumberText(input.number.text);
    const carriesYear = /\/(19|20)\d{2}\//.test(number) || /\/(19|20)\d{2}$/.test(number);
    return carriesYear ? number : `${number}${yearPart}`;
  }
  const type = input.type ? slug(input.type) : 'van-ban';
  const title = input.title ? slug(input.title).slice(0, 120) : '';
  return `${type}:${title}${yearPart}`;
}
