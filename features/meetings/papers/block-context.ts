/**
 * What a live block may know about the meeting its paper is for: the blocks the same body's
 * previous meeting showed, so "the movement since the last meeting" compares with the month
 * members saw then. Read only when a block asks.
 */
import { and, desc, eq, lt, ne } from 'drizzle-orm';
import type { BlockContext } from '../../../electron/server/documents/block-kind';
import type { Workspace } from '../../../electron/server/workspace';
import { agendaItem, meeting, paper } from '../schema';
import { liveNodes } from './live-nodes';
import { parseSections } from './queries';
import { parseTemplate, requireBody } from '../bodies/queries';

export function blockContext(ws: Workspace, meetingId: number | undefined): BlockContext {
  if (meetingId === undefined) return {};
  let cached: Array<{ kind: string; settings: Record<string, unknown> }> | null = null;
  return {
    meetingId,
    previousMeetingBlocks: () => {
      cached ??= previousMeetingBlocks(ws, meetingId);
      return cached;
    },
  };
}

function previousMeetingBlocks(ws: Workspace, meetingId: number): Array<{ kind: string; settings: Record<string, unknown> }> {
  const m = ws.db.select().from(meeting).where(eq(meeting.id, meetingId)).get();
  if (!m) return [];
  const previous = ws.db
    .select()
    .from(meeting)
    .where(and(eq(meeting.bodyId, m.bodyId), lt(meeting.startsAt, m.startsAt), ne(meeting.status, 'cancelled')))
    .orderBy(desc(meeting.startsAt))
    .get();
  if (!previous) return [];
  const template = parseTemplate(requireBody(ws, previous.bodyId));
  const papers = ws.db
    .select({ sections: paper.sections })
    .from(paper)
    .innerJoin(agendaItem, eq(agendaItem.id, paper.itemId))
    .where(eq(agendaItem.meetingId, previous.id))
    .all();
  return papers.flatMap((p) => liveNodes(template, parseSections(p)).map((n) => ({ kind: n.kind, settings: n.settings })));
}
