import { fold } from './text-tools.js';
import { documentTypes } from './dictionaries.js';

/** Line-level patterns of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP layout). */

export const MOTTO =
  /^(c[oộô]ng\s*h[oòóôà]a|cong\s*hoa|doc\s*lap|d[eéo]c\s*1ap|cong$|hoa xa hoi|hoi chu nghia|chu nghia viet nam|nghia viet nam$)/;
export const NUMBER_LINE =
  /^(?:(?:Nghị quyết|Luật|Bộ luật|Pháp lệnh|Nghị định|Lệnh)\s+)?[Ss][ốoô6]\s*[:;.]\s*|^S[ốoô6]\s+(?=[\d/]|$)|^86:\s*/u;
/** "Hà Nội, ngày …", "Thành phố Hồ Chí Minh, ngày …", "Gia Lai ngày …" (capitalised words when the comma is lost). */
export const PLACE_DATE =
  /^(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,5}),?\s+ng[àa]y(?![\p{L}])|^([\p{L}.\- ]{2,40}?),\s*ng[àa]y(?![\p{L}])/u;
/** "V/v …": the mark of a công văn's subject. */
export const SUBJECT_MARK = /^V\/[vV](?![\p{L}])/u;
export const SUBJECT_LINE = new RegExp(`${SUBJECT_MARK.source}|^Về việc(?![\\p{L}])`, 'u');
/**
 * The first characters in lower case without diacritics, one code unit per NFC character (offsets stay
 * valid); patterns are anchored at the start, so the rest is left as it is.
 */
function foldSameLength(text: string): string {
  return (
    text
      .slice(0, 24)
      .split('')
      .map(
        (char) =>
          char
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/[đĐ]/, 'd')
            .toLowerCase()
            .charAt(0) || char,
      )
      .join('') + text.slice(24)
  );
}

/**
 * A line pattern that also matches when OCR got an accent wrong ("Căn cử", "Nơi nhân", "Trên đầy là"):
 * the printed form first, then the same words without diacritics on the folded line.
 */
export interface LinePattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | string[] | null;
}

function tolerant(printed: RegExp, folded: RegExp): LinePattern {
  const withIndices = new RegExp(folded.source, `${folded.flags.replace('d', '')}d`);
  return {
    test: (text) => printed.test(text) || folded.test(foldSameLength(text)),
    exec: (text) => {
      const hit = printed.exec(text);
      if (hit) return hit;
      const match = withIndices.exec(foldSameLength(text));
      if (!match?.indices) return null;
      return match.indices.map((range) => (range ? text.slice(range[0], range[1]) : ''));
    },
  };
}

const BASIS_START_PRINTED =
  /^(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Xét đề xuất|Xét tờ trình|Xét|Trên cơ sở|Tiếp theo|Thi hành|Theo chỉ đạo|Theo ý kiến)(?![\p{L}\p{N}])|^(Căn ?cứ|Thực ?hiện|Thi ?hành)(?=\p{Lu})/u;
export const BASIS_START = tolerant(
  BASIS_START_PRINTED,
  // Spaces optional: text layers and OCR drop them ("ThựchiệnNghị quyết …").
  /^(can\s?cu|thuc\s?hien|theo\s?de\s?nghi|xet\s?de\s?nghi|xet\s?de\s?xuat|xet\s?to\s?trinh|tren\s?co\s?so|tiep\s?theo|thi\s?hanh|theo\s?chi\s?dao|theo\s?y\s?kien)(?![a-z])/,
);
export const ENACTING = /^(QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|BAN HÀNH|KẾT LUẬN|THÔNG BÁO)\s*:\s*$/u;
export const CLOSING = tolerant(/^Trên đây là(?![\p{L}\p{N}])/u, /^tren day la(?![a-z])/);
export const RECIPIENTS_HEADING = tolerant(
  /^(Nơi nhận|Nơi gửi)\s*[:;.]?\s*(.*)$/u,
  /^(noi nhan|noi gui)\s*[:;.]\s*(.*)$/,
);
export const ADDRESSEE_HEADING = tolerant(/^Kính gửi\s*[:;.]?\s*(.*)$/u, /^kinh gui\s*[:;.]\s*(.*)$/);
export const DELEGATION = /^(KT|TM|TL|TUQ|Q)\s*\.\s*(.*)$/u;
export const APPENDIX = /^(PHỤ LỤC|Phụ lục)(\s+[IVXLC\d]+|\s*[:.]|\s*$|\s+\p{Lu})/u;
export const FOOTNOTE = /^(\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S/u;

const FOLDED_POSITIONS =
  /^(pho\s+)?(giam doc|tong giam doc|chu tich|bo truong|thu truong|thu tuong|chanh van phong|chanh thanh tra|cuc truong|vu truong|vien truong|hieu truong|chu nhiem|bi thu|tong cuc truong|chi cuc truong|truong ban|truong phong|thong doc|tong thu ky|thu ky|chanh an|tong kiem toan|ke toan truong|truong)(?![a-z])/;

/** An upper-case signer position, accents optional ("CHỦ TICH" from OCR is still a position). */
export function isPositionLine(text: string): boolean {
  return POSITION_WORDS.test(text) || FOLDED_POSITIONS.test(fold(text));
}

/** A "Số:" line, accents optional ("Só:", "Sô:", "86:"). */
export function isNumberLine(text: string): boolean {
  // OCR reads the accented "ố" of "Số:" as é, á, a, e: with the colon and a number part after it.
  return NUMBER_LINE.test(text) || /^s[o6]\s*[:;.]\s*[\d/]|^s[oae6]\s*[:;]\s*\S*[\d/]/.test(fold(text));
}

/** Upper-case positions that open a signature block. */
export const POSITION_WORDS =
  /^(PHÓ\s+)?(GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TRƯỞNG|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|TRƯỞNG\s+\p{Lu}+|CỤC TRƯỞNG|VỤ TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CHỦ NHIỆM|THỨ TRƯỞNG|PHÓ TRƯỞNG BAN|TỔNG CỤC TRƯỞNG|CHÁNH THANH TRA|PHÓ CHÁNH VĂN PHÒNG|BÍ THƯ|TỔNG CỤC TRƯỞNG|CHI CỤC TRƯỞNG|GIÁM ĐỐC SỞ|TRƯỞNG BAN|TRƯỞNG PHÒNG|THỐNG ĐỐC|TỔNG THƯ KÝ|THƯ KÝ|ỦY VIÊN|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG KIỂM TOÁN|KẾ TOÁN TRƯỞNG)(?![\p{L}\p{N}])/u;

let foldedTypes: Map<string, string> | null = null;

/** The folded name of a document type heading ("KẾ HOẠCH" → "Kế hoạch"), or null. */
export function typeHeading(text: string): string | null {
  if (text.length > 40) return null;
  foldedTypes ??= new Map(documentTypes().types.map((type) => [fold(type.name), type.name]));
  return foldedTypes.get(fold(text.replace(/[:.]$/, ''))) ?? null;
}

/** Military and academic ranks printed before a signer's name ("Đại tướng Lương Tam Quang"). */
export const NAME_RANK =
  /^(Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|GS\.\s?TS\.|PGS\.\s?TS\.|GS\.|PGS\.|TS\.|ThS\.|BS\.|Bác sĩ|Luật sư)\s+/u;

/** A person's name: 2-6 capitalised words, no digits ("Lê Quang Hùng", "Trương Việt Dũng"), maybe after a rank. */
export function isPersonName(text: string): boolean {
  const words = text.trim().replace(NAME_RANK, '').split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (/\d|[:;/()]/.test(text.replace(NAME_RANK, ''))) return false;
  // Positions are printed in capitals, names in title case.
  if (words.every((word) => word === word.toUpperCase())) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised === words.length;
}

/** Text ends a sentence or clause (so the next printed line starts a new paragraph). */
export function endsClause(text: string): boolean {
  return /[.;:!?]["”»)]*$|\.\/\.$/u.test(text.trim());
}

/** The archive entry that ends a recipients list: "Lưu: VT, TĐKT", "Lưu VT", OCR's "Luu: VT". */
export function isArchiveItem(text: string): boolean {
  return /^[-–+•]?\s*luu\s*(?:[:;.]|vt\b|van thu\b|ho so\b)/.test(fold(text));
}
