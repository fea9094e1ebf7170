import type { DocumentText } from '../document-text.js';
import type { BBox } from '../findings.js';
import { documentTypes } from './dictionaries.js';
import { repairOcrNumerals, stampLineIndexes } from './ocr-noise.js';
import { typeHeading } from './patterns.js';
import { cleanLine, fold, isRuleLine, isUpperLine } from './text-tools.js';

function typeHeadingName(text: string): boolean {
  return typeHeading(text) !== null;
}

/** A numbered or bulleted line start: never glued to the word before it. */
function parseMarkerLike(text: string): boolean {
  return /^([IVX]+|\d+|[a-zđ])[.)]\s|^[-+•]\s|^(Điều|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s/u.test(text);
}

/**
 * One line of the document as segmentation sees it: cleaned text plus where it was printed.
 * A printed line that holds two header columns ("SỞ Y TẾ Độc lập - Tự do - Hạnh phúc") becomes two
 * logical lines with the same page and line, `column` 1 and 2.
 */
export interface LogicalLine {
  page: number;
  /** 1-based index into `page.lines`. */
  line: number;
  text: string;
  /** The printed line before cleaning and splitting (provenance text). */
  raw: string;
  column?: number;
  /** The printed line's box on OCR and text-layer pages (absent on split columns and text files). */
  bbox?: BBox;
}

const MOTTO_START =
  /(C[ỘOÔ]NG\s*H[ÒOÓ]A|C[ỘOÔ]NG\s*HOÀ|CONG\s*HOA|Độc\s*lập|Đ[ộo]c\s*l[ậa]p|Doc\s*lap|D[éeóô]c\s*1ap)/u;
/** "Số: 3520/KH-SYT Vĩnh Long, ngày 24 tháng 10 năm 2025" → right column starts at the place name. */
const PLACE_DATE_AFTER_NUMBER =
  /^((?:S[ốoô6é]|86)\s*[:;.]?\s*\S*)\s+(\p{Lu}[\p{L}.]*(?:\s+\p{L}[\p{L}.]*){0,4},?\s*ng[àa]y(?![\p{L}]).*)$/u;

let glued: RegExp | null = null;
/** "NGHỊ ĐỊNHQuy định về …": a type heading glued to the title by a text layer. */
function gluedTypeHeading(): RegExp {
  glued ??= new RegExp(
    `^(${documentTypes()
      .types.map((type) => type.name.toUpperCase())
      .sort((a, b) => b.length - a.length)
      .join('|')})(?=\\s?\\p{Lu}\\p{Ll})`,
    'u',
  );
  return glued;
}

/** Rule runs ("_____", "–––––") printed under a header part separate columns. */
function splitColumns(text: string): string[] {
  const parts = text.split(/\s*[_–—=]{3,}\s*|\s+-{4,}\s+/u).filter((part) => part.trim() !== '');
  return parts.flatMap((part) => splitColumn(part));
}

function splitColumn(text: string): string[] {
  // Two columns joined by a wide gap ("UBND TỈNH VĨNH LONG   CỘNG HÒA XÃ HỘI …").
  const gap = text.split(/\s{3,}|\s{2,}(?=C[ỘOÔ]NG|Đ[ộo]c|Độc)/u);
  const clean = cleanLine(text);
  if (gap.length === 2 && gap.every((part) => part.trim().length > 0)) {
    return gap.map((part) => cleanLine(part));
  }
  const motto = MOTTO_START.exec(clean);
  if (motto && motto.index > 0) {
    const left = clean.slice(0, motto.index).trim();
    // Only a header column sits left of the motto: an upper-case agency or "Số: …".
    if (left.length >= 2 && (/^[\p{Lu}\d\s.,\-–&/()]+$/u.test(left) || /^S[ốoô6]\s*[:;.]/u.test(left))) {
      return [left, clean.slice(motto.index).trim()];
    }
  }
  const numberAndPlace = PLACE_DATE_AFTER_NUMBER.exec(clean);
  if (numberAndPlace) return [numberAndPlace[1]!.trim(), numberAndPlace[2]!.trim()];
  if (/^s[o6]\s*[:;.]/.test(fold(clean.slice(0, 4)))) {
    // An OCR'd number with specks and spaces ("Số: 445 /NQ-CP Hà Nội, ngày …"): split at the place name.
    const place = /\s(\p{Lu}[\p{Ll}.]*(?:\s+\p{Lu}[\p{Ll}.]*){0,4},?\s*ng[àa]y)/u.exec(clean);
    if (place) return [clean.slice(0, place.index).trim(), clean.slice(place.index + 1).trim()];
  }
  const mottoAndPlace = /^(.*Hạnh phúc)\s+(\p{Lu}[\p{L}. ]{1,30},?\s+ng[àa]y(?![\p{L}]).*)$/u.exec(clean);
  if (mottoAndPlace) return [mottoAndPlace[1]!, mottoAndPlace[2]!];
  const issuerAndNumber = /^([\p{Lu}][\p{Lu}\s,.\-–&]+?)\s+(Số\s*:.*)$/u.exec(clean);
  if (issuerAndNumber) return [issuerAndNumber[1]!, ...splitColumn(issuerAndNumber[2]!)];
  const dateAndHeading =
    /^(\p{Lu}[\p{L}. ]{1,30},?\s+ng[àa]y(?![\p{L}]).{0,40}?n[ăa]m\s*\d{4})\s+(\p{Lu}{2,}.*)$/u.exec(clean);
  if (dateAndHeading) return [dateAndHeading[1]!, ...splitColumn(dateAndHeading[2]!)];
  const numberAndSubject = /^(S[ốoô6]\s*:\s*\S+)\s+(V\/[vV]\s*[:.]?\s.*)$/u.exec(clean);
  if (numberAndSubject) return [numberAndSubject[1]!, numberAndSubject[2]!];
  // OCR joins the recipients column and the signature column with one space.
  const recipientsAndSignature =
    /^(Nơi nhận\s*:)\s*((?:KT|TM|TL|TUQ|Q)\.\s.*|[\p{Lu}Đ][\p{Lu}Đ\s]{3,})$/u.exec(clean);
  if (recipientsAndSignature) return [recipientsAndSignature[1]!, recipientsAndSignature[2]!];
  const itemAndSignature =
    /^([-–+].*?[;,.)])\s+[-–]?\s*((?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[\p{Lu}Đ]{2,}(?:[\s,]+[\p{Lu}Đ]{2,})+)$/u.exec(
      clean,
    );
  if (itemAndSignature) return [itemAndSignature[1]!, itemAndSignature[2]!];
  const authority =
    /^(.{20,}?)\s+((?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|THỦ TƯỚNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG)\s+(?:ỦY BAN|UỶ BAN|BỘ|SỞ|CHÍNH PHỦ|TỔNG CỤC|CỤC)[\p{Lu}\s\-–]*)$/u.exec(
      clean,
    );
  if (authority && isUpperLine(authority[1]!) && !/(CỦA|VÀ|VỀ)$/u.test(authority[1]!))
    return [authority[1]!, authority[2]!];
  const heading = gluedTypeHeading().exec(clean);
  if (heading && clean.length > heading[1]!.length + 3)
    return [heading[1]!, clean.slice(heading[1]!.length).trim()];
  return [clean];
}

/** Every non-blank, non-rule line of the document in reading order, two-column header lines split. */
export function logicalLines(text: DocumentText): LogicalLine[] {
  return mergeBrokenHeaderLines(splitLines(text));
}

const isUpperWord = (text: string): boolean => /^[\p{Lu}Đ]{2,}$/u.test(text);
const isCapitalisedWords = (text: string, max: number): boolean => {
  const words = text.split(' ');
  return words.length <= max && words.every((word) => /^\p{Lu}\p{Ll}+$/u.test(word));
};

/**
 * Text layers break lines inside words of a header or a signature: "Số:" from its number, "HỘI" from
 * "ĐỒNG NHÂN DÂN", "Hà" from "Nội, ngày …", "QUYẾT" from "ĐỊNH", "Dương" from "Đức Tuấn". Join them again.
 */
function mergeBrokenHeaderLines(lines: LogicalLine[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const next = lines[index + 1];
    const previous = out[out.length - 1];
    const joinable =
      next !== undefined &&
      next.page === line.page &&
      next.line === line.line + 1 &&
      line.column === undefined &&
      next.column === undefined;
    // A header word in capitals over the rest in capitals ("HỘI" / "ĐỒNG NHÂN DÂN", "QUYẾT" / "ĐỊNH"); a
    // place over its date ("Hà" / "Nội, ngày …"); a signer's name broken after its first words.
    const brokenHeaderLine =
      joinable &&
      ((isUpperWord(line.text) &&
        /^[\p{Lu}Đ“"]/u.test(next.text) &&
        isUpperLine(next.text) &&
        !typeHeadingName(line.text) &&
        !parseMarkerLike(next.text)) ||
        (index < 60 &&
          /^[\p{L}. ]{2,25}$/u.test(line.text) &&
          /^[\p{L}. ]{1,25},\s*ng[àa]y\s*(?:\d|tháng)/u.test(next.text) &&
          !/,/.test(line.text)) ||
        (previous &&
          isUpperLine(previous.text) &&
          isCapitalisedWords(line.text, 1) &&
          isCapitalisedWords(next.text, 4)));
    if (brokenHeaderLine) {
      lines[index + 1] = {
        ...next,
        text: `${line.text} ${next.text}`,
        raw: `${line.raw} ${next.raw}`,
        line: line.line,
      };
      continue;
    }
    if (next && index < 40 && /^S[ốoô6]\s*:$/u.test(line.text) && /^[\d/]/.test(next.text)) {
      out.push({ ...line, text: `${line.text} ${next.text.split(/\s+/)[0]}` });
      const rest = next.text.split(/\s+/).slice(1).join(' ');
      if (rest) out.push({ ...next, text: rest });
      index++;
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * "XVơi nhận:", "Xäơi nhỏ:" (OCR of "Nơi nhận:" with a speck or a broken N) → "Nơi nhận:", so the
 * recipients list is found: up to three letters before "ơi nh…:", and after the colon nothing, a list
 * item or a signature column. A text layer's broken syllable ("Nơi nhậ n:") too.
 */
function canonicalRecipientsHeading(text: string): string {
  const colon = text.slice(0, 14).search(/[:;]/);
  if (colon < 0) return text;
  if (!/^\S{0,3}?oi\s*nh\S{0,3}(?:\s\S{1,2})?$/u.test(fold(text.slice(0, colon)))) return text;
  const rest = text.slice(colon + 1).trim();
  if (rest !== '' && !/^[-–+•]|^[\p{Lu}Đ]/u.test(rest)) return text;
  return rest === '' ? 'Nơi nhận:' : `Nơi nhận: ${rest}`;
}

function splitLines(text: DocumentText): LogicalLine[] {
  const out: LogicalLine[] = [];
  for (const page of text.pages) {
    const stamps = stampLineIndexes(page.lines.map((printed) => printed.text.normalize('NFC')));
    page.lines.forEach((printed, index) => {
      if (stamps.has(index)) return;
      const raw = canonicalRecipientsHeading(
        repairOcrNumerals(printed.text.normalize('NFC'))
          // Specks before a list dash (":- VPCP", "-- Lưu") are not part of the item.
          .replace(/^\s*(?:[:;.,'`~]{1,2}\s*|-)(?=[-–]\s*\p{L})/u, ''),
      );
      const clean = cleanLine(raw);
      if (clean === '' || isRuleLine(clean)) return;
      const parts = splitColumns(raw);
      parts.forEach((part, column) => {
        if (part === '' || isRuleLine(part)) return;
        out.push({
          page: page.page,
          line: index + 1,
          text: part,
          raw: cleanLine(raw),
          ...(parts.length > 1 ? { column: column + 1 } : {}),
          ...(parts.length === 1 && printed.bbox ? { bbox: printed.bbox } : {}),
        });
      });
    });
  }
  return out;
}

/** Lines that are blank in the source separate paragraphs; this tells whether two logical lines touch. */
export function adjacent(a: LogicalLine, b: LogicalLine): boolean {
  return a.page === b.page && (b.line === a.line || b.line === a.line + 1);
}

export function foldedStart(line: LogicalLine, length = 40): string {
  return fold(line.text.slice(0, length));
}
