import { and, eq, ne } from 'drizzle-orm';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import type { Workspace } from '../../../electron/server/workspace';
import { parseStandingItems, requireBody, todayOf } from '../bodies/queries';
import { agendaItem, declaration, meeting, meetingAction, minutes, paper } from '../schema';
import { agendaNumbers } from './numbering';
import {
  type ItemRow,
  itemName,
  itemRows,
  meetingDate,
  meetingDetail,
  meetingRoll,
  meetingSummaries,
  namedVotesOf,
  requireItem,
  requireMeeting,
} from './queries';
import { assertRecordOpen, meetingWhen, statusMoveProblem } from './status';
import { recordedVotesProblems } from './voting';

/** Writes positions 0..n-1 in the order given, touching only rows that moved. */
function writeOrder(rec: ChangeRecorder, order: ReadonlyArray<Pick<ItemRow, 'id' | 'position' | 'subItem'>>, subItems: Map<number, boolean> = new Map()): void {
  order.forEach((row, i) => {
    const sub = subItems.get(row.id);
    rec.update(agendaItem, row.id, { position: i, ...(sub === undefined ? {} : { subItem: sub }) });
  });
}

/** The order after moving `id` to `to` (clamped to the end). */
function moved<T extends { id: number }>(rows: readonly T[], id: number, to: number): T[] {
  const rest = rows.filter((r) => r.id !== id);
  const item = rows.find((r) => r.id === id)!;
  rest.splice(Math.min(to, rest.length), 0, item);
  return rest;
}

function duplicateMeeting(ws: Workspace, bodyId: number, startsAt: string, exceptId: number | null): void {
  const clash = ws.db
    .select({ id: meeting.id })
    .from(meeting)
    .where(and(eq(meeting.bodyId, bodyId), eq(meeting.startsAt, startsAt), exceptId === null ? undefined : ne(meeting.id, exceptId)))
    .get();
  if (clash) {
    const body = requireBody(ws, bodyId);
    throw new AppError('DUPLICATE', `${body.name} already has a meeting on ${meetingWhen(startsAt)}. Choose another time, or open that meeting.`, {
      issues: [{ field: 'startsAt', rule: 'one meeting of a body at a time', message: `${body.name} already meets on ${meetingWhen(startsAt)}` }],
    });
  }
}

interface ItemFields {
  exempt: boolean;
  exemptParagraph: number | null;
  publicSummary: string;
}

/** An exempt item names its Schedule 12A paragraph and has a public summary; an item that is not exempt has no paragraph. */
function exemptIssues(f: ItemFields): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (f.exempt) {
    if (f.exemptParagraph === null) {
      issues.push({
        field: 'exemptParagraph',
        rule: 'exempt items name their Schedule 12A paragraph',
        message: 'An exempt item needs the Schedule 12A paragraph (1 to 7) that exempts it.',
      });
    }
    if (!f.publicSummary.trim()) {
      issues.push({
        field: 'publicSummary',
        rule: 'exempt items have a public summary',
        message: 'An exempt item needs a public summary line: the public agenda shows it in place of the paper.',
      });
    }
  } else if (f.exemptParagraph !== null) {
    issues.push({
      field: 'exemptParagraph',
      rule: 'only exempt items carry a paragraph',
      message: `Only an exempt item carries a Schedule 12A paragraph: mark the item exempt, or clear paragraph ${f.exemptParagraph}.`,
    });
  }
  return issues;
}

/** Refuses a change of constituency that would leave recorded votes the rules no longer allow. */
function assertVotesStillStand(ws: Workspace, item: ItemRow, constituency: ItemRow['votingConstituency'], number: string): void {
  if (constituency === item.votingConstituency) return;
  const m = requireMeeting(ws, item.meetingId);
  const named = namedVotesOf(ws, [item.id]).get(item.id) ?? [];
  const counts =
    item.votesFor === null && item.votesAgainst === null && item.votesAbstain === null
      ? null
      : { for: item.votesFor ?? 0, against: item.votesAgainst ?? 0, abstain: item.votesAbstain ?? 0 };
  const name = itemName(number, item.title);
  const problems = recordedVotesProblems(constituency, meetingRoll(ws, m).entries, { named, counts }, name);
  if (problems.length === 0) return;
  throw new AppError(
    'INVALID_INPUT',
    `Changing who votes on ${name} would leave votes that no longer stand (${problems.map((p) => p.message).join('; ')}). Clear the votes on ${name} first, then change its voting constituency.`,
    { issues: problems.map((p) => ({ field: 'votingConstituency', rule: p.rule, message: p.message })) },
  );
}

export const meetingHandlers = defineHandlers({
  listMeetings: (input, { ws }) => meetingSummaries(ws, input.bodyId),

  getMeeting: (input, { ws }) => meetingDetail(ws, input.id),

  saveMeeting: (input, { ws }) => {
    const body = requireBody(ws, input.bodyId);
    if (input.id !== undefined) {
      const m = requireMeeting(ws, input.id);
      if (m.bodyId !== input.bodyId) {
        throw new AppError('INVALID_INPUT', `A meeting stays with its body: this is a meeting of another body. Add a new meeting of ${body.name} instead.`, {
          issues: [{ field: 'bodyId', rule: 'a meeting keeps its body', message: `meeting ${m.id} is not a meeting of ${body.name}` }],
        });
      }
      assertRecordOpen(m, 'details');
      if (m.status === 'held' && input.startsAt.slice(0, 10) > todayOf(ws)) {
        throw new AppError('INVALID_INPUT', `The meeting has been held, so its date cannot move to ${meetingWhen(input.startsAt)}, which has not come yet.`, {
          issues: [{ field: 'startsAt', rule: 'a held meeting has happened', message: `${meetingWhen(input.startsAt)} is in the future` }],
        });
      }
      duplicateMeeting(ws, body.id, input.startsAt, m.id);
      ws.write('edit', `Meeting of ${body.name} on ${meetingWhen(input.startsAt)}`, (rec) =>
        rec.update(meeting, m.id, { startsAt: input.startsAt, venue: input.venue, onlineLink: input.onlineLink }),
      );
      return meetingDetail(ws, m.id);
    }
    duplicateMeeting(ws, body.id, input.startsAt, null);
    const standing = parseStandingItems(body);
    const id = ws.write('edit', `Add a meeting of ${body.name} on ${meetingWhen(input.startsAt)}`, (rec) => {
      const row = rec.insert(meeting, {
        bodyId: body.id,
        startsAt: input.startsAt,
        venue: input.venue ?? body.defaultVenue,
        onlineLink: input.onlineLink ?? '',
        status: 'draft',
      });
      standing.forEach((s, i) => {
        rec.insert(agendaItem, { meetingId: row.id, position: i, title: s.title, purpose: s.purpose, standingKind: s.kind, votingConstituency: 'none' });
      });
      return row.id;
    });
    return meetingDetail(ws, id);
  },

  setMeetingStatus: (input, { ws }) => {
    const m = requireMeeting(ws, input.id);
    const reason = input.reason ?? '';
    const problem = statusMoveProblem({ from: m.status, to: input.status, dateHasCome: meetingDate(m) <= todayOf(ws), startsAt: m.startsAt, reason });
    if (problem) {
      throw new AppError(m.status === 'approved' ? 'LOCKED' : 'INVALID_INPUT', problem.message, {
        issues: [
          {
            field: input.status === 'cancelled' && problem.rule === 'cancelling needs a reason' ? 'reason' : 'status',
            rule: problem.rule,
            message: problem.message,
          },
        ],
      });
    }
    if (m.status === input.status) return meetingDetail(ws, m.id);
    ws.write('status', `Meeting on ${meetingWhen(m.startsAt)}: ${input.status}${reason ? ` (${reason})` : ''}`, (rec) =>
      rec.update(meeting, m.id, { status: input.status, statusReason: input.status === 'cancelled' ? reason.trim() : '' }),
    );
    return meetingDetail(ws, m.id);
  },

  saveAgendaItem: (input, { ws }) => {
    const m = requireMeeting(ws, input.meetingId, 'meetingId');
    assertRecordOpen(m, 'agenda');
    const rows = itemRows(ws, m.id);
    const existing = input.id === undefined ? null : requireItem(ws, input.id);
    if (existing && existing.meetingId !== m.id) {
      throw new AppError('INVALID_INPUT', `Agenda item ${existing.id} belongs to another meeting: open that meeting to change it.`, {
        issues: [{ field: 'id', rule: 'item must belong to the meeting', message: `item ${existing.id} is not on this meeting's agenda` }],
      });
    }
    const publicSummary = input.publicSummary ?? existing?.publicSummary ?? '';
    // Unticking "exempt" clears the paragraph with it; a paragraph sent with it is a mistake to point out.
    const exemptParagraph = input.exemptParagraph !== undefined ? input.exemptParagraph : input.exempt ? (existing?.exemptParagraph ?? null) : null;
    const issues = exemptIssues({ exempt: input.exempt, exemptParagraph, publicSummary });
    if (issues.length > 0) throw AppError.invalid(issues);
    const fields = {
      title: input.title,
      purpose: input.purpose,
      presenter: input.presenter ?? existing?.presenter ?? '',
      votingConstituency: input.votingConstituency,
      exempt: input.exempt,
      exemptParagraph,
      publicSummary,
    };
    if (existing) {
      const number = agendaNumbers(rows)[rows.findIndex((r) => r.id === existing.id)]!;
      assertVotesStillStand(ws, existing, input.votingConstituency, number);
      ws.write('edit', `Agenda item ${number}: ${input.title}`, (rec) => {
        rec.update(agendaItem, existing.id, { ...fields, ...(input.subItem === undefined ? {} : { subItem: input.subItem }) });
        if (input.position !== undefined) writeOrder(rec, moved(rows, existing.id, input.position));
      });
      return meetingDetail(ws, m.id);
    }
    const at = Math.min(input.position ?? rows.length, rows.length);
    ws.write('edit', `Add agenda item: ${input.title}`, (rec) => {
      const row = rec.insert(agendaItem, { meetingId: m.id, position: at, subItem: input.subItem ?? false, ...fields });
      writeOrder(rec, moved([...rows, row], row.id, at));
    });
    return meetingDetail(ws, m.id);
  },

  moveAgendaItem: (input, { ws }) => {
    const item = requireItem(ws, input.id);
    const m = requireMeeting(ws, item.meetingId);
    assertRecordOpen(m, 'agenda');
    const rows = itemRows(ws, m.id);
    const number = agendaNumbers(rows)[rows.findIndex((r) => r.id === item.id)]!;
    ws.write('edit', `Move agenda item ${number}: ${item.title}`, (rec) =>
      writeOrder(rec, moved(rows, item.id, input.toPosition), input.subItem === undefined ? new Map() : new Map([[item.id, input.subItem]])),
    );
    return meetingDetail(ws, m.id);
  },

  deleteAgendaItem: (input, { ws }) => {
    const item = requireItem(ws, input.id);
    const m = requireMeeting(ws, item.meetingId);
    assertRecordOpen(m, 'agenda');
    const rows = itemRows(ws, m.id);
    const number = agendaNumbers(rows)[rows.findIndex((r) => r.id === item.id)]!;
    const name = itemName(number, item.title);
    const reasons: ErrorIssue[] = [];
    const named = namedVotesOf(ws, [item.id]).get(item.id)?.length ?? 0;
    if (named > 0 || item.votesFor !== null || item.votesAgainst !== null || item.votesAbstain !== null) {
      const n = named > 0 ? named : (item.votesFor ?? 0) + (item.votesAgainst ?? 0) + (item.votesAbstain ?? 0);
      reasons.push({ field: 'id', rule: 'an item with votes stays', message: `it has ${n} ${n === 1 ? 'vote' : 'votes'} recorded (clear the votes first)` });
    }
    if (ws.db.select({ id: paper.id }).from(paper).where(eq(paper.itemId, item.id)).get()) {
      reasons.push({ field: 'id', rule: 'an item with a paper stays', message: 'it has a paper (delete the paper first)' });
    }
    const declared = ws.db.select({ id: declaration.id }).from(declaration).where(eq(declaration.itemId, item.id)).all().length;
    if (declared > 0) {
      reasons.push({
        field: 'id',
        rule: 'an item with declarations stays',
        message: `${declared} ${declared === 1 ? 'declaration of interest is' : 'declarations of interest are'} recorded against it (move or delete them first)`,
      });
    }
    if (ws.db.select({ id: minutes.id }).from(minutes).where(eq(minutes.approvedAtItemId, item.id)).get()) {
      reasons.push({ field: 'id', rule: 'the item approving minutes stays', message: 'earlier minutes were approved at it' });
    }
    if (reasons.length > 0) {
      throw new AppError('INVALID_INPUT', `${name[0]!.toUpperCase()}${name.slice(1)} cannot be deleted: ${reasons.map((r) => r.message).join('; ')}.`, {
        issues: reasons,
      });
    }
    ws.write('edit', `Delete agenda item ${number}: ${item.title}`, (rec) => {
      // Actions raised under the item keep their place in the action log, without an item.
      for (const a of ws.db.select({ id: meetingAction.id }).from(meetingAction).where(eq(meetingAction.itemId, item.id)).all()) {
        rec.update(meetingAction, a.id, { itemId: null });
      }
      rec.delete(agendaItem, item.id);
      writeOrder(
        rec,
        rows.filter((r) => r.id !== item.id),
      );
    });
    return meetingDetail(ws, m.id);
  },
});
