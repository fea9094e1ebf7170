import type { PlanRecord } from '../record/index.js';

/**
 * The metadata fields of Nghị định 30/2020/NĐ-CP, Phụ lục VI (văn bản điện tử), filled from a PlanRecord.
 * Dates are ISO (YYYY-MM-DD, or YYYY-MM / YYYY when the document leaves the day or month blank).
 */
export interface Nd30Record {
  /** Document id (sha256 of the source), so an exported row can be traced back. */
  Identifier: string;
  TypeName: string | null;
  CodeNumber: string | null;
  CodeNotation: string | null;
  IssuedDate: string | null;
  OrganName: string | null;
  /** The issuing body's parent agency, when the header prints one. */
  OrganNameParent: string | null;
  Subject: string | null;
  SignerInfo: { Position: string | null; FullName: string | null; Delegation: string | null } | null;
  To: string[];
  /** The earliest one-off deadline with a full date, if any. */
  DueDate: string | null;
}

export function toNd30(record: PlanRecord): Nd30Record {
  const { document } = record;
  const due = record.deadlines
    .filter((deadline) => deadline.kind === 'once' && deadline.date.iso)
    .map((deadline) => deadline.date.iso!)
    .sort()[0];
  return {
    Identifier: record.id,
    TypeName: document.type,
    CodeNumber: document.number?.serial ?? null,
    CodeNotation: document.number?.symbol ?? null,
    IssuedDate: document.issuedDate?.iso ?? null,
    OrganName: document.issuer.name,
    OrganNameParent: document.issuer.parent,
    Subject: document.title,
    SignerInfo: document.signer
      ? {
          Position: document.signer.position,
          FullName: document.signer.name,
          Delegation: document.signer.delegation,
        }
      : null,
    To: record.recipients.map((recipient) =>
      recipient.purpose ? `${recipient.text} (${recipient.purpose})` : recipient.text,
    ),
    DueDate: due ?? null,
  };
}
