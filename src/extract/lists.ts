import type { z } from 'zod';
import type { Recipient, Responsibility, Target } from '../record/index.js';
import { fold, isArchiveItem, trimPunctuation, type Block, type DocumentLayout } from '../segment/index.js';
import type { TextClause } from './clauses.js';
import { provenanceOf, spanProvenance } from './clauses.js';

const PURPOSE = /\s*;?\s*\(([^()]*\p{Ll}[^()]*)\)\s*[;.]?\s*$/u;

/** "- Sở Y tế (báo cáo);" → {text: "Sở Y tế", purpose: "báo cáo"}; archive lines ("Lưu: VT") are left out. */
export function extractRecipients(layout: DocumentLayout): z.infer<typeof Recipient>[] {
  const out: z.infer<typeof Recipient>[] = [];
  for (const list of layout.recipientLists) {
    for (const item of list.items) {
      let text = item.text.replace(/^[-–+•]\s*/u, '').trim();
      if (isArchiveItem(text) || text === '') continue;
      let purpose: string | null = null;
      const match = PURPOSE.exec(text);
      if (match) {
        purpose = match[1]!.trim();
        text = text.slice(0, match.index);
      }
      text = trimPunctuation(text);
      if (text === '') continue;
      out.push({ text, purpose, provenance: spanProvenance(item.lines)! });
    }
  }
  return out;
}

const RESPONSIBILITY_HEADING = /to chuc thuc hien|trach nhiem|phan cong/;

function blockTexts(block: Block): string[] {
  const own = block.paragraphs.map((paragraph) => paragraph.text);
  const children = block.children.flatMap((child) => [
    ...(child.heading ? [child.heading] : []),
    ...blockTexts(child),
  ]);
  return [...own, ...children].map((text) => trimPunctuation(text)).filter(Boolean);
}

function unitName(heading: string): string {
  return trimPunctuation(heading.replace(/^(Đề nghị|Giao|Đối với)\s+/u, ''));
}

/** The numbered items under "Tổ chức thực hiện" (or "Trách nhiệm …"): each names a unit and its tasks. */
export function extractResponsibilities(layout: DocumentLayout): z.infer<typeof Responsibility>[] {
  const out: z.infer<typeof Responsibility>[] = [];
  const visit = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.heading && RESPONSIBILITY_HEADING.test(fold(block.heading)) && block.children.length > 0) {
        for (const child of block.children) {
          if (!child.heading || child.kind !== 'section' || child.heading.length > 150) continue;
          out.push({
            unit: unitName(child.heading),
            tasks: blockTexts(child),
            provenance: provenanceOf(child.lines),
          });
        }
      } else {
        visit(block.children);
      }
    }
  };
  visit(layout.body);
  return out;
}

/** The unit a clause belongs to under "Tổ chức thực hiện", for deadlines. */
export function responsibleUnit(clause: TextClause): string | null {
  const index = clause.path.findIndex(
    (block) => block.heading && RESPONSIBILITY_HEADING.test(fold(block.heading)),
  );
  const unit = index >= 0 ? clause.path[index + 1] : undefined;
  return unit?.heading && unit.heading.length <= 150 ? unitName(unit.heading) : null;
}

/** Quantified targets: "đạt từ 99% trở lên", "100% thủ tục hành chính", "giảm 30%". */
export function extractTargets(clauses: TextClause[]): z.infer<typeof Target>[] {
  const out: z.infer<typeof Target>[] = [];
  for (const clause of clauses) {
    if (clause.zone !== 'body' && clause.zone !== 'appendix') continue;
    for (const match of clause.text.matchAll(/(\d{1,3}(?:[.,]\d+)?)\s*%/gu)) {
      const start = Math.max(clause.text.lastIndexOf(';', match.index) + 1, 0);
      const endRaw = clause.text.slice(match.index).search(/[;]|\.(\s|$)/u);
      const end = endRaw < 0 ? clause.text.length : match.index + endRaw;
      const description = trimPunctuation(clause.text.slice(start, end));
      const phrase =
        /(?:đạt|tối thiểu|ít nhất|trên|dưới|giảm|tăng|từ)?\s*(?:từ\s+)?\d{1,3}(?:[.,]\d+)?\s*%(?:\s*(?:trở lên|trở xuống))?/u.exec(
          clause.text.slice(Math.max(0, match.index - 12), end),
        );
      out.push({
        value: Number.parseFloat(match[1]!.replace(',', '.')),
        unit: '%',
        description,
        text: phrase ? phrase[0].trim() : match[0],
        provenance: provenanceOf(clause.lines, match.index),
      });
    }
  }
  return out;
}
