import type { Db } from '../../../db/client';
import { auditTable } from '../../../electron/server/audit/registry';
import { richText, type RichDoc } from '../../../electron/shared/rich-doc';
import { appendix, paper } from '../schema';
import { paperRef } from './queries';

/** A paper's text in the history: each section's first words, not its JSON. */
function sectionsText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const sections = JSON.parse(v) as Record<string, RichDoc>;
    const parts = Object.entries(sections)
      .map(([key, doc]) => [key, richText(doc).replace(/\s+/g, ' ').trim()] as const)
      .filter(([, text]) => text)
      .map(([key, text]) => `${key.replace(/_/g, ' ')}: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`);
    return parts.length ? parts.join('; ') : 'No text';
  } catch {
    return null;
  }
}

function headerText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const header = JSON.parse(v) as Record<string, string>;
    const parts = Object.entries(header)
      .filter(([, value]) => value.trim())
      .map(([key, value]) => `${key.replace(/_/g, ' ')}: ${value}`);
    return parts.length ? parts.join('; ') : 'None';
  } catch {
    return null;
  }
}

const paperTitle = (id: unknown, db: Db) =>
  (db.$client.prepare('SELECT i.title FROM paper p JOIN agenda_item i ON i.id = p.item_id WHERE p.id = ?').pluck().get(id) as string | undefined) ?? null;

export const papersAudit = [
  auditTable(paper, {
    fields: {
      itemId: 'Agenda item',
      template: 'Template',
      header: 'Header',
      sections: 'Text',
      addedAt: 'Added',
      late: 'Late',
      lateReason: 'Reason it is late',
    },
    subject: (row) => paperRef(String(row.id)),
    values: { header: headerText, sections: sectionsText, late: (v) => (v ? 'Yes' : 'No') },
  }),
  auditTable(appendix, {
    fields: { paperId: 'Paper', position: 'Order', title: 'Appendix', fileName: 'File', format: 'Format', sha256: 'SHA-256', pages: 'Pages' },
    subject: (row) => paperRef(String(row.paperId)),
    values: { paperId: paperTitle },
  }),
];
