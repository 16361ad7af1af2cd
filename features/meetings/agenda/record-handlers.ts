/** At and after the meeting: attendance, votes, resolutions, declarations of interest and actions. */
import { eq } from 'drizzle-orm';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import type { Workspace } from '../../../electron/server/workspace';
import { requireMember } from '../bodies/queries';
import { agendaItem, attendance, declaration, meetingAction, vote } from '../schema';
import type { AttendanceStatus, VoteChoice } from '../words';
import { ATTENDANCE_LABELS } from '../words';
import {
  actionInfo,
  type ItemRow,
  itemName,
  itemNumbers,
  itemRows,
  type MeetingRoll,
  type MeetingRow,
  meetingDetail,
  meetingRoll,
  namedVotesOf,
  requireItem,
  requireMeeting,
} from './queries';
import { assertRecordOpen, meetingWhen } from './status';
import { countProblem, entitledPresent, namedVoteProblems, type RollEntry, recordedVotesProblems, whoVotes } from './voting';

const countsOf = (i: ItemRow) =>
  i.votesFor === null && i.votesAgainst === null && i.votesAbstain === null
    ? null
    : { for: i.votesFor ?? 0, against: i.votesAgainst ?? 0, abstain: i.votesAbstain ?? 0 };

function itemOfMeeting(ws: Workspace, m: MeetingRow, itemId: number, field: string): ItemRow {
  const item = requireItem(ws, itemId, field);
  if (item.meetingId !== m.id) {
    throw new AppError('INVALID_INPUT', `Agenda item ${itemId} is on another meeting's agenda: choose an item of the meeting on ${meetingWhen(m.startsAt)}.`, {
      issues: [{ field, rule: 'item must be on this meeting', message: `item ${itemId} is not on this meeting's agenda` }],
    });
  }
  return item;
}

/** A member of the meeting's body (a substitute or an observer included). */
function memberOfBody(ws: Workspace, m: MeetingRow, memberId: number, field: string) {
  const person = requireMember(ws, memberId, field);
  if (person.bodyId !== m.bodyId) {
    throw new AppError(
      'INVALID_INPUT',
      `${person.name} is not a member of this meeting's body, so cannot be recorded at the meeting on ${meetingWhen(m.startsAt)}.`,
      {
        issues: [{ field, rule: "member must be on the meeting's body", message: `${person.name} belongs to another body` }],
      },
    );
  }
  return person;
}

/** Votes recorded at the meeting that a changed roll would leave standing against the rules. */
function votesBrokenBy(ws: Workspace, m: MeetingRow, entries: readonly RollEntry[]): string[] {
  const rows = itemRows(ws, m.id);
  const numbers = itemNumbers(ws, [m.id]);
  const votes = namedVotesOf(
    ws,
    rows.map((r) => r.id),
  );
  return rows.flatMap((r) =>
    recordedVotesProblems(r.votingConstituency, entries, { named: votes.get(r.id) ?? [], counts: countsOf(r) }, itemName(numbers.get(r.id)!, r.title)).map(
      (p) => p.message,
    ),
  );
}

function attendanceLabel(status: AttendanceStatus | null): string {
  return status === null ? 'not recorded' : ATTENDANCE_LABELS[status].toLowerCase();
}

/** A substitute who votes is recorded against the member they stand in for. */
function voterIds(roll: MeetingRoll): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of roll.attendance) if (a.status === 'substitute' && a.substituteId !== null) out.set(a.substituteId, a.memberId);
  return out;
}

export const recordHandlers = defineHandlers({
  setAttendance: (input, { ws }) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    assertRecordOpen(m, 'attendance');
    const person = memberOfBody(ws, m, input.memberId, 'memberId');
    const roll = meetingRoll(ws, m);
    if (person.substituteForId !== null) {
      const forName = roll.attendance.find((a) => a.memberId === person.substituteForId)?.name ?? requireMember(ws, person.substituteForId).name;
      throw new AppError(
        'INVALID_INPUT',
        `${person.name} is a named substitute for ${forName}: record ${forName}'s attendance as "substitute attended", naming ${person.name}.`,
        {
          issues: [{ field: 'memberId', rule: 'substitutes attend in a member’s place', message: `${person.name} is a named substitute` }],
        },
      );
    }
    const entry = roll.entries.find((e) => e.memberId === person.id);
    const recorded = ws.db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, m.id))
      .all()
      .find((a) => a.memberId === person.id);
    if (!entry) {
      if (input.status === null) return meetingDetail(ws, m.id);
      throw new AppError(
        'INVALID_INPUT',
        `${person.name}'s term does not cover the meeting on ${meetingWhen(m.startsAt)}, so their attendance cannot be recorded. Check their term under Bodies.`,
        {
          issues: [
            { field: 'memberId', rule: 'member must be in term on the meeting date', message: `${person.name} is not in term on ${m.startsAt.slice(0, 10)}` },
          ],
        },
      );
    }
    const substituteId = input.substituteId ?? null;
    const issues: ErrorIssue[] = [];
    if (input.status === 'substitute') {
      const named = roll.onDate.filter((o) => o.substituteForId === person.id);
      if (substituteId === null) {
        issues.push({
          field: 'substituteId',
          rule: 'a substitute attendance names the substitute',
          message: named.length
            ? `Say which substitute came for ${person.name} (${named.map((n) => n.name).join(' or ')}).`
            : `${person.name} has no named substitute on the meeting date: name one under Bodies first.`,
        });
      } else if (!named.some((n) => n.id === substituteId)) {
        const sub = requireMember(ws, substituteId, 'substituteId');
        issues.push({
          field: 'substituteId',
          rule: "substitute must be the member's named substitute",
          message: `${sub.name} is not a named substitute for ${person.name} on the meeting date: name them as ${person.name}'s substitute under Bodies first.`,
        });
      }
    } else if (substituteId !== null) {
      issues.push({
        field: 'substituteId',
        rule: 'only a substitute attendance names a substitute',
        message: `Only "substitute attended" names who came in ${person.name}'s place: choose that, or leave the substitute out.`,
      });
    }
    if (issues.length > 0) throw AppError.invalid(issues);

    const substituteName = substituteId === null ? null : requireMember(ws, substituteId).name;
    const changed = roll.entries.map((e) => (e.memberId === person.id ? { ...e, attendance: input.status, substituteName } : e));
    const broken = votesBrokenBy(ws, m, changed);
    if (broken.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `Recording ${person.name} as ${attendanceLabel(input.status)} would leave votes that no longer stand: ${broken.join('; ')}. Clear or correct those votes first, then change the attendance.`,
        { issues: broken.map((message) => ({ field: 'status', rule: 'recorded votes must still stand', message })) },
      );
    }
    ws.write('edit', `Attendance: ${person.name}, ${attendanceLabel(input.status)}`, (rec) => {
      if (input.status === null) {
        if (recorded) rec.delete(attendance, recorded.id);
      } else if (recorded) rec.update(attendance, recorded.id, { status: input.status, substituteId });
      else rec.insert(attendance, { meetingId: m.id, memberId: person.id, status: input.status, substituteId });
    });
    return meetingDetail(ws, m.id);
  },

  recordVotes: (input, { ws }) => {
    const item = requireItem(ws, input.itemId, 'itemId');
    const m = requireMeeting(ws, item.meetingId);
    assertRecordOpen(m, 'votes');
    const number = itemNumbers(ws, [m.id]).get(item.id)!;
    const name = itemName(number, item.title);
    const existing = namedVotesOf(ws, [item.id]).get(item.id) ?? [];
    if (input.mode === 'clear') {
      ws.write('edit', `Clear the votes on item ${number}`, (rec) => {
        for (const v of existing) rec.delete(vote, v.id);
        rec.update(agendaItem, item.id, { votesFor: null, votesAgainst: null, votesAbstain: null });
      });
      return meetingDetail(ws, m.id);
    }
    if (item.votingConstituency === 'none') {
      throw new AppError('INVALID_INPUT', `Nobody votes on ${name}: its voting constituency is none. Set who votes on the item first.`, {
        issues: [{ field: 'itemId', rule: 'item must have a voting constituency', message: `${name}: ${whoVotes('none')}` }],
      });
    }
    const roll = meetingRoll(ws, m);
    if (input.mode === 'counts') {
      const present = entitledPresent(item.votingConstituency, roll.entries).length;
      const problem = countProblem(item.votingConstituency, input, present);
      if (problem) {
        throw new AppError('INVALID_INPUT', `On ${name}, ${problem}. Check the count, or the attendance.`, {
          issues: [{ field: 'for', rule: 'no more votes than entitled members present', message: problem }],
        });
      }
      ws.write('edit', `Votes on item ${number}: ${input.for} for, ${input.against} against, ${input.abstain} abstaining`, (rec) => {
        for (const v of existing) rec.delete(vote, v.id);
        rec.update(agendaItem, item.id, { votesFor: input.for, votesAgainst: input.against, votesAbstain: input.abstain });
      });
      return meetingDetail(ws, m.id);
    }
    const asMember = voterIds(roll);
    const votes: Array<{ memberId: number; choice: VoteChoice }> = input.votes.map((v) => ({
      memberId: asMember.get(v.memberId) ?? v.memberId,
      choice: v.choice,
    }));
    const problems = namedVoteProblems(item.votingConstituency, roll.entries, votes, name);
    if (problems.length > 0) {
      const first = problems[0]!.message;
      const message =
        problems.length === 1 ? `${first}.` : `${problems.length} votes on ${name} cannot be recorded: ${problems.map((p) => p.message).join('; ')}.`;
      throw new AppError('INVALID_INPUT', message, {
        issues: problems.map((p) => ({ field: 'votes', rule: p.rule, message: p.message })),
      });
    }
    ws.write('edit', `Votes on item ${number} by name`, (rec) => {
      const before = new Map(existing.map((v) => [v.memberId, v]));
      const after = new Set(votes.map((v) => v.memberId));
      for (const v of existing) if (!after.has(v.memberId)) rec.delete(vote, v.id);
      for (const v of votes) {
        const old = before.get(v.memberId);
        if (old) rec.update(vote, old.id, { choice: v.choice });
        else rec.insert(vote, { itemId: item.id, memberId: v.memberId, choice: v.choice });
      }
      rec.update(agendaItem, item.id, { votesFor: null, votesAgainst: null, votesAbstain: null });
    });
    return meetingDetail(ws, m.id);
  },

  setResolution: (input, { ws }) => {
    const item = requireItem(ws, input.itemId, 'itemId');
    const m = requireMeeting(ws, item.meetingId);
    assertRecordOpen(m, 'resolutions');
    const number = itemNumbers(ws, [m.id]).get(item.id)!;
    ws.write('edit', `Resolution on item ${number}: ${item.title}`, (rec) =>
      rec.update(agendaItem, item.id, { resolution: input.resolution.trim(), outcome: input.outcome }),
    );
    return meetingDetail(ws, m.id);
  },

  saveDeclaration: (input, { ws }) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    assertRecordOpen(m, 'declarations of interest');
    const person = memberOfBody(ws, m, input.memberId, 'memberId');
    const itemId = input.itemId ?? null;
    if (itemId !== null) itemOfMeeting(ws, m, itemId, 'itemId');
    const values = { memberId: person.id, itemId, interest: input.interest.trim() };
    if (input.id !== undefined) {
      const id = input.id;
      const d = ws.db.select().from(declaration).where(eq(declaration.id, id)).get();
      if (!d || d.meetingId !== m.id) {
        throw new AppError('NOT_FOUND', `There is no declaration ${id} at the meeting on ${meetingWhen(m.startsAt)}. Reload the meeting.`, {
          issues: [{ field: 'id', rule: 'declaration must exist', message: `no declaration ${id} at this meeting` }],
        });
      }
      ws.write('edit', `Declaration of interest: ${person.name}`, (rec) => rec.update(declaration, id, values));
    } else {
      ws.write('edit', `Declaration of interest: ${person.name}`, (rec) => rec.insert(declaration, { meetingId: m.id, ...values }));
    }
    return meetingDetail(ws, m.id);
  },

  deleteDeclaration: (input, { ws }) => {
    const d = ws.db.select().from(declaration).where(eq(declaration.id, input.id)).get();
    if (!d) {
      throw new AppError('NOT_FOUND', `There is no declaration of interest with id ${input.id}. It may have been deleted; reload the meeting.`, {
        issues: [{ field: 'id', rule: 'declaration must exist', message: `no declaration ${input.id}` }],
      });
    }
    const m = requireMeeting(ws, d.meetingId);
    assertRecordOpen(m, 'declarations of interest');
    ws.write('edit', 'Delete a declaration of interest', (rec) => rec.delete(declaration, d.id));
    return meetingDetail(ws, m.id);
  },

  saveAction: (input, { ws }) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    const given = input.itemId;
    if (given !== undefined && given !== null) itemOfMeeting(ws, m, given, 'itemId');
    if (input.id === undefined) {
      const itemId = given ?? null;
      // The action log runs on: an action raised earlier is closed at a later meeting, so only new actions need the record open.
      assertRecordOpen(m, 'actions');
      const row = ws.write('edit', `Action: ${input.description}`, (rec) =>
        rec.insert(meetingAction, {
          meetingId: m.id,
          itemId,
          description: input.description.trim(),
          owner: input.owner.trim(),
          dueDate: input.dueDate ?? null,
          status: input.status ?? 'open',
          statusNote: input.statusNote ?? '',
        }),
      );
      return actionInfo(ws, row.id);
    }
    const id = input.id;
    const a = ws.db.select().from(meetingAction).where(eq(meetingAction.id, id)).get();
    if (!a || a.meetingId !== m.id) {
      throw new AppError('NOT_FOUND', `There is no action ${id} raised at the meeting on ${meetingWhen(m.startsAt)}. Reload the meeting.`, {
        issues: [{ field: 'id', rule: 'action must exist', message: `no action ${id} raised at this meeting` }],
      });
    }
    ws.write('edit', `Action: ${input.description}`, (rec) =>
      rec.update(meetingAction, id, {
        itemId: given === undefined ? a.itemId : given,
        description: input.description.trim(),
        owner: input.owner.trim(),
        dueDate: input.dueDate === undefined ? a.dueDate : input.dueDate,
        status: input.status ?? a.status,
        statusNote: input.statusNote ?? a.statusNote,
      }),
    );
    return actionInfo(ws, id);
  },
});
