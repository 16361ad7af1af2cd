/** Draft minutes, saved and edited, then approved at a later meeting of the same body and locked. */
import { eq } from 'drizzle-orm';
import { entityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import type { RichDoc } from '../../../electron/shared/rich-doc';
import { defineHandlers } from '../../../electron/server/handler';
import { setLock } from '../../../electron/server/locks/locks';
import type { Workspace } from '../../../electron/server/workspace';
import { requireBody, todayOf } from '../bodies/queries';
import { MINUTES_ENTITY } from '../locks';
import { agendaItem, meeting, minutes } from '../schema';
import type { MinutesInfo } from '../types';
import { draftMinutes } from './minutes-draft';
import { itemName, itemNumbers, type MeetingRow, meetingDate, meetingDetail, minutesRow, requireItem, requireMeeting } from './queries';
import { meetingWhen } from './status';

export const minutesRef = (meetingId: number) => entityRef(MINUTES_ENTITY, meetingId);

/** For each of the meeting's items, the earlier meetings whose minutes were approved at it. */
function approvalsAt(ws: Workspace, meetingId: number): Map<number, string[]> {
  const rows = ws.db
    .select({ itemId: minutes.approvedAtItemId, startsAt: meeting.startsAt })
    .from(minutes)
    .innerJoin(meeting, eq(meeting.id, minutes.meetingId))
    .innerJoin(agendaItem, eq(agendaItem.id, minutes.approvedAtItemId))
    .where(eq(agendaItem.meetingId, meetingId))
    .all();
  const out = new Map<number, string[]>();
  for (const r of rows) if (r.itemId !== null) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.startsAt]);
  return out;
}

/** The draft built from the meeting's record, as it stands now. */
export function generatedMinutes(ws: Workspace, m: MeetingRow): RichDoc {
  return draftMinutes(meetingDetail(ws, m.id), approvalsAt(ws, m.id));
}

export function minutesInfo(ws: Workspace, m: MeetingRow): MinutesInfo {
  const row = minutesRow(ws, m.id);
  if (!row) return { doc: generatedMinutes(ws, m), generated: true, approved: false, approvedOn: null, approvedAtMeetingId: null };
  const at =
    row.approvedAtItemId === null
      ? undefined
      : ws.db.select({ meetingId: agendaItem.meetingId }).from(agendaItem).where(eq(agendaItem.id, row.approvedAtItemId)).get();
  return {
    doc: JSON.parse(row.doc) as RichDoc,
    generated: false,
    approved: row.approvedOn !== null,
    approvedOn: row.approvedOn,
    approvedAtMeetingId: at?.meetingId ?? null,
  };
}

function refuse(field: string, rule: string, message: string, code: 'INVALID_INPUT' | 'LOCKED' = 'INVALID_INPUT'): never {
  throw new AppError(code, message, { issues: [{ field, rule, message }] });
}

export const minutesHandlers = defineHandlers({
  getMinutes: (input, { ws }) => minutesInfo(ws, requireMeeting(ws, input.meetingId, 'meetingId')),

  saveMinutes: (input, { ws }) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    if (m.status === 'cancelled')
      refuse('meetingId', 'meeting must not be cancelled', `The meeting on ${meetingWhen(m.startsAt)} was cancelled, so it has no minutes.`);
    const row = minutesRow(ws, m.id);
    if (row?.approvedOn) throw ws.locks.refusal(minutesRef(m.id));
    ws.write('edit', `Minutes of the meeting on ${meetingWhen(m.startsAt)}`, (rec) => {
      const doc = JSON.stringify(input.doc);
      if (row) rec.update(minutes, row.id, { doc });
      else rec.insert(minutes, { meetingId: m.id, doc });
    });
    return minutesInfo(ws, m);
  },

  approveMinutes: (input, { ws }) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    const when = meetingWhen(m.startsAt);
    const row = minutesRow(ws, m.id);
    if (m.status === 'approved' || row?.approvedOn) throw ws.locks.refusal(minutesRef(m.id));
    if (m.status === 'cancelled')
      refuse('meetingId', 'meeting must not be cancelled', `The meeting on ${when} was cancelled, so it has no minutes to approve.`);
    if (m.status !== 'held')
      refuse('meetingId', 'meeting must be held', `The meeting on ${when} has not been marked held: mark it held before approving its minutes.`);
    const at = requireItem(ws, input.atItemId, 'atItemId');
    const later = requireMeeting(ws, at.meetingId, 'atItemId');
    const name = itemName(itemNumbers(ws, [later.id]).get(at.id)!, at.title);
    const laterWhen = meetingWhen(later.startsAt);
    if (later.bodyId !== m.bodyId) {
      refuse(
        'atItemId',
        'approved by the same body',
        `Minutes are approved by the body that met: ${name} is on the agenda of ${requireBody(ws, later.bodyId).name}, not ${requireBody(ws, m.bodyId).name}.`,
      );
    }
    if (later.startsAt <= m.startsAt) {
      refuse(
        'atItemId',
        'approved at a later meeting',
        `Minutes are approved at a later meeting: ${name} is on the agenda of the meeting on ${laterWhen}, which is not after ${when}.`,
      );
    }
    if (at.standingKind !== 'minutes') {
      refuse(
        'atItemId',
        "approved at a 'minutes' item",
        `Minutes are approved at a "minutes of the last meeting" item: ${name} of the meeting on ${laterWhen} is not one. Choose that meeting's minutes item.`,
      );
    }
    if (later.status === 'cancelled')
      refuse('atItemId', 'approving meeting must not be cancelled', `The meeting on ${laterWhen} was cancelled, so minutes cannot be approved at it.`);
    if (meetingDate(later) > todayOf(ws)) {
      refuse('atItemId', 'approving meeting must have come', `The meeting on ${laterWhen} has not happened yet: record the approval on or after that day.`);
    }
    // What is approved is what is on record now: the saved text, or the draft as it stands.
    const doc = row ? row.doc : JSON.stringify(generatedMinutes(ws, m));
    const approvedOn = meetingDate(later);
    ws.write('status', `Minutes of the meeting on ${when} approved at ${name} on ${laterWhen}`, (rec) => {
      if (row) rec.update(minutes, row.id, { approvedAtItemId: at.id, approvedOn });
      else rec.insert(minutes, { meetingId: m.id, doc, approvedAtItemId: at.id, approvedOn });
      rec.update(meeting, m.id, { status: 'approved' });
      setLock(rec, ws.db, MINUTES_ENTITY, String(m.id), true, `Approved at ${name} of the meeting on ${laterWhen}`, {
        who: ws.actor.who(),
        at: ws.actor.now().toISOString(),
      });
    });
    return minutesInfo(ws, requireMeeting(ws, m.id));
  },
});
