/** Reading papers and their appendices, and what a paper hangs from: its item, meeting and body's template. */
import { asc, eq } from 'drizzle-orm';
import { entityRef, type EntityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import type { RichDoc } from '../../../electron/shared/rich-doc';
import type { Workspace } from '../../../electron/server/workspace';
import { itemNumbers, type ItemRow, type MeetingRow, requireItem, requireMeeting } from '../agenda/queries';
import { parseTemplate, requireBody } from '../bodies/queries';
import { appendix, paper } from '../schema';
import type { AppendixInfo, PaperDetail, PaperTemplate } from '../types';

export type PaperRow = typeof paper.$inferSelect;
export type AppendixRow = typeof appendix.$inferSelect;

export const PAPER_ENTITY = 'paper';
/** A paper's history holds its text, its header and its appendices. */
export const paperRef = (id: number | string): EntityRef => entityRef(PAPER_ENTITY, id);

export function paperOfItem(ws: Workspace, itemId: number): PaperRow | undefined {
  return ws.db.select().from(paper).where(eq(paper.itemId, itemId)).get();
}

export function requirePaper(ws: Workspace, id: number, field = 'paperId'): PaperRow {
  const row = ws.db.select().from(paper).where(eq(paper.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no paper with id ${id}. It may have been deleted; reload the meeting.`, {
      issues: [{ field, rule: 'paper must exist', message: `no paper with id ${id}` }],
    });
  }
  return row;
}

export function requireAppendix(ws: Workspace, id: number): AppendixRow {
  const row = ws.db.select().from(appendix).where(eq(appendix.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no appendix with id ${id}. It may have been removed already; reload the paper.`, {
      issues: [{ field: 'id', rule: 'appendix must exist', message: `no appendix with id ${id}` }],
    });
  }
  return row;
}

export interface PaperPlace {
  item: ItemRow;
  meeting: MeetingRow;
  template: PaperTemplate;
  papersDeadlineDays: number;
}

/** The item, its meeting, and the template its body's papers follow. */
export function paperPlace(ws: Workspace, itemId: number, field = 'itemId'): PaperPlace {
  const item = requireItem(ws, itemId, field);
  const meeting = requireMeeting(ws, item.meetingId);
  const body = requireBody(ws, meeting.bodyId);
  return { item, meeting, template: parseTemplate(body), papersDeadlineDays: body.papersDeadlineDays };
}

export function appendicesOf(ws: Workspace, paperId: number): AppendixRow[] {
  return ws.db.select().from(appendix).where(eq(appendix.paperId, paperId)).orderBy(asc(appendix.position), asc(appendix.id)).all();
}

export function storedSize(ws: Workspace, sha256: string): number {
  return Number(ws.db.$client.prepare('SELECT size FROM stored_file WHERE sha256 = ?').pluck().get(sha256) ?? 0);
}

function appendixInfo(ws: Workspace, a: AppendixRow): AppendixInfo {
  return { id: a.id, title: a.title, fileName: a.fileName, format: a.format, sha256: a.sha256, pages: a.pages, size: storedSize(ws, a.sha256) };
}

export function parseHeader(row: Pick<PaperRow, 'header'>): Record<string, string> {
  return JSON.parse(row.header) as Record<string, string>;
}

export function parseSections(row: Pick<PaperRow, 'sections'>): Record<string, RichDoc> {
  return JSON.parse(row.sections) as Record<string, RichDoc>;
}

/** The paper behind an item, as the editor shows it; null when it has none. */
export function paperDetail(ws: Workspace, itemId: number): PaperDetail | null {
  const row = paperOfItem(ws, itemId);
  if (!row) return null;
  const place = paperPlace(ws, itemId);
  return {
    id: row.id,
    itemId,
    itemNumber: itemNumbers(ws, [place.meeting.id]).get(itemId) ?? '',
    meetingId: place.meeting.id,
    template: place.template,
    header: parseHeader(row),
    sections: parseSections(row),
    late: row.late,
    lateReason: row.lateReason,
    addedAt: row.addedAt,
    appendices: appendicesOf(ws, row.id).map((a) => appendixInfo(ws, a)),
  };
}
