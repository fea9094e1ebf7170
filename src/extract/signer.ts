import type { z } from 'zod';
import type { Signer } from '../record/index.js';
import type { DocumentLayout } from '../segment/index.js';
import { NAME_RANK } from '../segment/patterns.js';

type SignerValue = z.infer<typeof Signer>;
const DELEGATION = /^(KT|TM|TL|TUQ|Q)\s*\.\s*/u;

/**
 * The signer: the innermost delegation ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" → KT., the one
 * nearest the signer), the position on the last line, and the name under it.
 */
export function signerFields(layout: DocumentLayout): SignerValue | null {
  if (layout.signature.length === 0 && !layout.signerName) return null;
  const lines = layout.signature.map((line) => line.text);
  let delegation: SignerValue['delegation'] = null;
  for (const line of lines) {
    const match = DELEGATION.exec(line);
    if (match) delegation = `${match[1]}.` as SignerValue['delegation'];
  }
  const last = lines[lines.length - 1];
  const position = last ? last.replace(DELEGATION, '').trim() || null : null;
  const printed = layout.signerName?.text ?? null;
  const rank = printed ? (NAME_RANK.exec(printed)?.[1] ?? null) : null;
  const name = printed ? printed.replace(NAME_RANK, '').trim() : null;
  return { name, position, delegation, lines, ...(rank ? { rank } : {}) };
}
