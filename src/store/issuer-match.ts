import { foldForKey } from '../record/index.js';

/**
 * Abbreviations Vietnamese documents use for issuing bodies, folded. Kept here rather than in
 * dictionaries/ because the list is short and only this comparison uses it.
 */
const ABBREVIATIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  ttg: 'thu tuong chinh phu',
  cp: 'chinh phu',
  sgddt: 'so giao duc va dao tao',
  syt: 'so y te',
  tp: 'thanh pho',
  tw: 'trung uong',
};

/** The words of an issuer's name, folded, abbreviations spelled out. */
export function issuerWords(issuer: string): Set<string> {
  const words = foldForKey(issuer)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => (ABBREVIATIONS[word] ?? word).split(' '));
  return new Set(words);
}

/**
 * Whether a cited issuer can be the stored document's issuer: every word of the shorter name appears
 * in the longer ("UBND tỉnh Gia Lai" ~ "Ủy ban nhân dân tỉnh Gia Lai"; "Sở Y tế" ~ "Sở Y tế tỉnh Gia Lai").
 */
export function issuersAgree(cited: string, stored: string): boolean {
  const a = issuerWords(cited);
  const b = issuerWords(stored);
  if (a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (!large.has(word)) return false;
  return true;
}
