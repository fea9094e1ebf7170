import type { Correction, StoredDocument } from './api';

type PlanRecord = StoredDocument['record'];
type Provenance = NonNullable<PlanRecord['document']['provenance'][string]>;
type Edit = StoredDocument['edits'][number];

/** The newest review of each field and each token (the server keeps them all, oldest first). */
export function latestByKey(corrections: readonly Correction[]): Map<string, Correction> {
  const latest = new Map<string, Correction>();
  for (const c of corrections)
    latest.set(c.target === 'field' ? `f:${c.path}` : `t:${c.page}:${c.line}:${c.column}`, c);
  return latest;
}

/** One extracted value the reviewer can select (to see where it was read) and correct. */
export interface FieldItem {
  /** Field path for corrections; null for values shown but not editable here. */
  path: string | null;
  key: string;
  group: string;
  label: string;
  value: string | null;
  provenance: Provenance | undefined;
}

/** The record's values with their provenance, in reading order of the views' groups. */
export function fieldItems(record: PlanRecord): FieldItem[] {
  const d = record.document;
  const p = d.provenance;
  const items: FieldItem[] = [];
  const add = (
    group: string,
    label: string,
    path: string | null,
    value: string | null | undefined,
    provenance?: Provenance,
  ) => items.push({ path, key: path ?? `${group}:${label}`, group, label, value: value ?? null, provenance });
  const general = 'Thông tin chung';
  add(general, 'Loại văn bản', 'document.type', d.type, p.type);
  add(general, 'Số, ký hiệu', d.number ? 'document.number.text' : null, d.number?.text, p.number);
  add(general, 'Cơ quan ban hành', 'document.issuer.name', d.issuer.name, p.issuer);
  add(general, 'Địa danh', 'document.place', d.place, p.place);
  add(general, 'Ngày ban hành', null, d.issuedDate?.text ?? d.issuedDate?.iso, p.issuedDate);
  add(general, 'Trích yếu', 'document.title', d.title, p.title);
  if (d.movement) add(general, 'Phong trào', 'document.movement', d.movement, p.movement);
  if (d.period) add(general, 'Giai đoạn', 'document.period.text', d.period.text, p.period);
  if (d.signer) {
    add(general, 'Người ký', 'document.signer.name', d.signer.name, p.signer);
    add(general, 'Chức vụ người ký', 'document.signer.position', d.signer.position, p.signer);
  }
  record.deadlines.forEach((x, i) => {
    add('Thời hạn', `Thời hạn ${i + 1}`, `deadlines.${i}.text`, x.text, x.provenance);
    add('Thời hạn', `Đơn vị thực hiện ${i + 1}`, `deadlines.${i}.responsible`, x.responsible, x.provenance);
  });
  record.awards.forEach((x, i) =>
    add('Khen thưởng', `Hình thức ${i + 1}`, `awards.${i}.form`, x.form, x.provenance),
  );
  record.references.forEach((x, i) =>
    add('Văn bản căn cứ, trích dẫn', `Tham chiếu ${i + 1}`, `references.${i}.text`, x.text, x.provenance),
  );
  record.responsibilities.forEach((x, i) =>
    add('Phân công', `Đơn vị ${i + 1}`, `responsibilities.${i}.unit`, x.unit, x.provenance),
  );
  record.targets.forEach((x, i) =>
    add('Chỉ tiêu', `Chỉ tiêu ${i + 1}`, `targets.${i}.description`, x.description, x.provenance),
  );
  record.recipients.forEach((x, i) =>
    add('Nơi nhận', `Nơi nhận ${i + 1}`, `recipients.${i}.text`, x.text, x.provenance),
  );
  return items;
}

/** A stretch of a line drawn apart: a restored token, or one a reviewer accepted or corrected. */
export interface Segment {
  start: number;
  end: number;
  /** The machine's text of the stretch. */
  machine: string;
  shown: string;
  kind: 'edit' | 'low' | 'corrected' | 'accepted';
  title: string;
}

/** Where a restored token sits in the repaired line: the occurrence nearest the edit's column. */
function editStart(line: string, edit: Edit): number {
  let best = -1;
  for (let at = line.indexOf(edit.restored); at !== -1; at = line.indexOf(edit.restored, at + 1))
    if (best === -1 || Math.abs(at - (edit.column - 1)) < Math.abs(best - (edit.column - 1))) best = at;
  return best;
}

const REASONS: Record<string, string> = {
  encoding: 'mã hoá cũ',
  normalisation: 'chuẩn hoá',
  diacritics: 'bỏ dấu',
  'ocr-garble': 'lỗi OCR',
  dehyphenation: 'nối dòng',
};

/** The segments of one line: reviewed tokens first, then the restoration edits that do not overlap them. */
export function lineSegments(
  text: string,
  page: number,
  line: number,
  edits: readonly Edit[],
  latest: Map<string, Correction>,
): Segment[] {
  const segments: Segment[] = [];
  const overlaps = (start: number, end: number) => segments.some((s) => start < s.end && end > s.start);
  for (const c of latest.values()) {
    if (c.target !== 'token' || c.page !== page || c.line !== line || !c.original) continue;
    const start = (c.column ?? 1) - 1;
    if (text.slice(start, start + c.original.length) !== c.original) continue;
    segments.push({
      start,
      end: start + c.original.length,
      machine: c.original,
      shown: c.value ?? '',
      kind: c.action === 'accept' ? 'accepted' : 'corrected',
      title: c.action === 'accept' ? 'Đã chấp nhận' : `Đã sửa; máy đọc: ${c.original}`,
    });
  }
  for (const edit of edits) {
    if (edit.page !== page || edit.line !== line) continue;
    const start = editStart(text, edit);
    if (start < 0 || overlaps(start, start + edit.restored.length)) continue;
    segments.push({
      start,
      end: start + edit.restored.length,
      machine: edit.restored,
      shown: edit.restored,
      kind: edit.lowConfidence ? 'low' : 'edit',
      title: `Khôi phục (${REASONS[edit.reason] ?? edit.reason}): ${edit.original} → ${edit.restored}, độ tin cậy ${Math.round(edit.confidence * 100)}%${edit.lowConfidence ? ' — độ tin cậy thấp' : ''}`,
    });
  }
  return segments.sort((a, b) => a.start - b.start);
}
