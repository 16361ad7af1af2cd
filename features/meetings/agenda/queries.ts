/**
 * Reading a meeting: its agenda (numbered), roll, quorum, votes, declarations, actions and
 * matters arising, as the meeting page, the pack and the minutes see them.
 */
import { and, asc, count, eq, inArray, lt, max, sql } from 'drizzle-orm';
import { AppError } from '../../../electron/shared/errors';
import type { RichNode } from '../../../electron/shared/rich-doc';
import type { Workspace } from '../../../electron/server/workspace';
import { bodyInfo, type MemberOnDate, membersOnDate, requireBody } from '../bodies/queries';
import { quorumRequired, quorumText } from '../bodies/quorum';
import { papersDeadline } from '../bodies/working-days';
import { packVersionsOf } from '../pack/versions';
import { agendaItem, appendix, attendance, body, declaration, meeting, meetingAction, member, minutes, packVersion, paper, vote } from '../schema';
import type {
  ActionInfo,
  AgendaItemInfo,
  AttendanceInfo,
  BodyInfo,
  DeclarationInfo,
  MeetingDetail,
  MeetingSummary,
  PaperSummary,
  QuorumInfo,
  VoteTally,
} from '../types';
import { MEMBER_ROLES } from '../words';
import { agendaNumbers } from './numbering';
import { entitledPresent, isAttending, isVotingSeat, type RollEntry } from './voting';

export type MeetingRow = typeof meeting.$inferSelect;
export type ItemRow = typeof agendaItem.$inferSelect;

/** The calendar day of a meeting, from its stored wall-clock time. */
export const meetingDate = (m: Pick<MeetingRow, 'startsAt'>): string => m.startsAt.slice(0, 10);

export function requireMeeting(ws: Workspace, id: number, field = 'id'): MeetingRow {
  const row = ws.db.select().from(meeting).where(eq(meeting.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no meeting with id ${id} in this workspace. It may have been deleted; choose one from Meetings.`, {
      issues: [{ field, rule: 'meeting must exist', message: `no meeting with id ${id}` }],
    });
  }
  return row;
}

export function requireItem(ws: Workspace, id: number, field = 'id'): ItemRow {
  const row = ws.db.select().from(agendaItem).where(eq(agendaItem.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no agenda item with id ${id}. It may have been deleted; reload the meeting.`, {
      issues: [{ field, rule: 'agenda item must exist', message: `no agenda item with id ${id}` }],
    });
  }
  return row;
}

/** A meeting's items in agenda order. */
export function itemRows(ws: Workspace, meetingId: number): ItemRow[] {
  return ws.db.select().from(agendaItem).where(eq(agendaItem.meetingId, meetingId)).orderBy(asc(agendaItem.position), asc(agendaItem.id)).all();
}

/** Item numbers by id for the meetings given ("2a"). */
export function itemNumbers(ws: Workspace, meetingIds: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const id of new Set(meetingIds)) {
    const rows = itemRows(ws, id);
    const numbers = agendaNumbers(rows);
    rows.forEach((r, i) => {
      out.set(r.id, numbers[i]!);
    });
  }
  return out;
}

/** "item 5 (De-delegation)". */
export function itemName(number: string, title: string): string {
  return `item ${number} (${title})`;
}

const ROLE_RANK = new Map(MEMBER_ROLES.map((r, i) => [r, i]));

/**
 * Who is on a meeting's roll: members in term on its date (named substitutes are not: they come
 * in a member's place), and anyone whose attendance was recorded though their term has since
 * been changed, so a recorded fact never silently disappears.
 */
export interface MeetingRoll {
  entries: RollEntry[];
  attendance: AttendanceInfo[];
  onDate: MemberOnDate[];
  /** Members counted in the membership for the quorum. */
  membership: number;
  present: number;
}

export function meetingRoll(ws: Workspace, m: MeetingRow): MeetingRoll {
  const onDate = membersOnDate(ws, m.bodyId, meetingDate(m));
  const byId = new Map(onDate.map((o) => [o.id, o]));
  const recorded = ws.db.select().from(attendance).where(eq(attendance.meetingId, m.id)).all();
  const recordedBy = new Map(recorded.map((a) => [a.memberId, a]));
  const people = new Map(
    ws.db
      .select()
      .from(member)
      .where(eq(member.bodyId, m.bodyId))
      .all()
      .map((p) => [p.id, p]),
  );
  const ids = new Set([...onDate.filter((o) => o.substituteForId === null).map((o) => o.id), ...recorded.map((a) => a.memberId)]);
  const rows = [...ids].map((id) => {
    const term = byId.get(id)?.term ?? null;
    const person = people.get(id);
    const a = recordedBy.get(id);
    const substituteName = a?.substituteId ? (people.get(a.substituteId)?.name ?? null) : null;
    const entry: RollEntry = {
      memberId: id,
      name: person?.name ?? `Member ${id}`,
      seat: term ? { seatCategory: term.seatCategory, role: term.role, voting: term.voting } : null,
      attendance: a?.status ?? null,
      substituteName,
    };
    const info: AttendanceInfo = {
      memberId: id,
      name: entry.name,
      organisation: person?.organisation ?? '',
      seatCategory: term?.seatCategory ?? null,
      role: term?.role ?? null,
      voting: entry.seat ? isVotingSeat(entry.seat) : false,
      status: a?.status ?? null,
      substituteId: a?.substituteId ?? null,
      substituteName,
      substitutes: onDate.filter((o) => o.substituteForId === id).map((o) => ({ id: o.id, name: o.name })),
    };
    return { entry, info };
  });
  rows.sort(
    (a, b) =>
      (ROLE_RANK.get(a.info.role ?? 'member') ?? 9) - (ROLE_RANK.get(b.info.role ?? 'member') ?? 9) ||
      a.info.name.localeCompare(b.info.name, 'en-GB') ||
      a.info.memberId - b.info.memberId,
  );
  // The membership is those with a voting seat on the day; named substitutes stand in for one of them.
  const counted = rows.filter((r) => r.entry.seat !== null && isVotingSeat(r.entry.seat));
  return {
    entries: rows.map((r) => r.entry),
    attendance: rows.map((r) => r.info),
    onDate,
    membership: counted.length,
    present: counted.filter((r) => isAttending(r.entry.attendance)).length,
  };
}

export function quorumOf(b: Pick<BodyInfo, 'quorumKind' | 'quorumNumerator' | 'quorumDenominator' | 'quorumFixed'>, roll: MeetingRoll): QuorumInfo {
  const required = quorumRequired(b, roll.membership);
  const quorate = roll.present >= required;
  return {
    required,
    present: roll.present,
    quorate,
    text: `${quorate ? 'Quorate' : 'Not quorate'}: ${roll.present} of ${roll.membership} voting ${roll.membership === 1 ? 'member' : 'members'} present; the quorum is ${quorumText(b, roll.membership)}.`,
  };
}

function countNodes(node: RichNode | undefined, kinds: ReadonlySet<string>): number {
  if (!node || typeof node !== 'object') return 0;
  let n = kinds.has(node.type) ? 1 : 0;
  for (const c of node.content ?? []) n += countNodes(c, kinds);
  return n;
}

const LIVE_NODES = new Set(['liveBlock', 'liveFigure']);

function paperSummaries(ws: Workspace, items: readonly ItemRow[]): Map<number, PaperSummary> {
  const out = new Map<number, PaperSummary>();
  if (items.length === 0) return out;
  const titles = new Map(items.map((i) => [i.id, i.title]));
  const papers = ws.db
    .select()
    .from(paper)
    .where(
      inArray(
        paper.itemId,
        items.map((i) => i.id),
      ),
    )
    .all();
  if (papers.length === 0) return out;
  const appendixCounts = new Map(
    ws.db
      .select({ paperId: appendix.paperId, n: count() })
      .from(appendix)
      .where(
        inArray(
          appendix.paperId,
          papers.map((p) => p.id),
        ),
      )
      .groupBy(appendix.paperId)
      .all()
      .map((r) => [r.paperId, r.n]),
  );
  for (const p of papers) {
    const header = JSON.parse(p.header) as Record<string, string>;
    const sections = JSON.parse(p.sections) as Record<string, RichNode>;
    const title = typeof header.title === 'string' && header.title.trim() ? header.title.trim() : (titles.get(p.itemId) ?? '');
    out.set(p.itemId, {
      id: p.id,
      template: p.template === 'council' ? 'council' : 'forum',
      title,
      late: p.late,
      lateReason: p.lateReason,
      addedAt: p.addedAt,
      appendices: appendixCounts.get(p.id) ?? 0,
      blocks: Object.values(sections).reduce((n, doc) => n + countNodes(doc, LIVE_NODES), 0),
    });
  }
  return out;
}

export type VoteRow = typeof vote.$inferSelect;

/** An item's votes: named ones (a substitute's recorded against the member, cast by the substitute), or show-of-hands counts. */
export function tallyOf(item: ItemRow, roll: MeetingRoll, rows: readonly VoteRow[], names: Map<number, string>): VoteTally {
  const present = entitledPresent(item.votingConstituency, roll.entries);
  const entitled = present.length;
  const entitledMemberIds = present.map((e) => e.memberId);
  if (rows.length > 0) {
    const byId = new Map(roll.entries.map((e) => [e.memberId, e]));
    const named = rows.map((v) => {
      const e = byId.get(v.memberId);
      return {
        memberId: v.memberId,
        name: e?.name ?? names.get(v.memberId) ?? `Member ${v.memberId}`,
        choice: v.choice,
        castBy: e?.attendance === 'substitute' ? e.substituteName : null,
      };
    });
    return {
      for: named.filter((v) => v.choice === 'for').length,
      against: named.filter((v) => v.choice === 'against').length,
      abstain: named.filter((v) => v.choice === 'abstain').length,
      entitled,
      entitledMemberIds,
      named,
      source: 'named',
    };
  }
  if (item.votesFor !== null || item.votesAgainst !== null || item.votesAbstain !== null) {
    return {
      for: item.votesFor ?? 0,
      against: item.votesAgainst ?? 0,
      abstain: item.votesAbstain ?? 0,
      entitled,
      entitledMemberIds,
      named: [],
      source: 'counts',
    };
  }
  return { for: 0, against: 0, abstain: 0, entitled, entitledMemberIds, named: [], source: 'none' };
}

export function namedVotesOf(ws: Workspace, itemIds: readonly number[]): Map<number, VoteRow[]> {
  const out = new Map<number, VoteRow[]>();
  if (itemIds.length === 0) return out;
  const rows = ws.db
    .select()
    .from(vote)
    .where(inArray(vote.itemId, [...itemIds]))
    .orderBy(asc(vote.id))
    .all();
  for (const r of rows) {
    const list = out.get(r.itemId) ?? [];
    list.push(r);
    out.set(r.itemId, list);
  }
  return out;
}

export function memberNames(ws: Workspace, bodyId: number): Map<number, string> {
  return new Map(
    ws.db
      .select({ id: member.id, name: member.name })
      .from(member)
      .where(eq(member.bodyId, bodyId))
      .all()
      .map((r) => [r.id, r.name]),
  );
}

function itemInfos(ws: Workspace, m: MeetingRow, roll: MeetingRoll): AgendaItemInfo[] {
  const rows = itemRows(ws, m.id);
  const numbers = agendaNumbers(rows);
  const papers = paperSummaries(ws, rows);
  const votes = namedVotesOf(
    ws,
    rows.map((r) => r.id),
  );
  const names = memberNames(ws, m.bodyId);
  return rows.map((r, i) => ({
    id: r.id,
    number: numbers[i]!,
    position: r.position,
    subItem: r.subItem,
    title: r.title,
    purpose: r.purpose,
    presenter: r.presenter,
    votingConstituency: r.votingConstituency,
    exempt: r.exempt,
    exemptParagraph: r.exemptParagraph,
    publicSummary: r.publicSummary,
    standingKind: r.standingKind,
    resolution: r.resolution,
    outcome: r.outcome,
    votes: tallyOf(r, roll, votes.get(r.id) ?? [], names),
    paper: papers.get(r.id) ?? null,
  }));
}

export function meetingItems(ws: Workspace, meetingId: number): AgendaItemInfo[] {
  const m = requireMeeting(ws, meetingId, 'meetingId');
  return itemInfos(ws, m, meetingRoll(ws, m));
}

type ActionRow = typeof meetingAction.$inferSelect;

function toActionInfos(ws: Workspace, rows: readonly ActionRow[]): ActionInfo[] {
  if (rows.length === 0) return [];
  const meetings = new Map(
    ws.db
      .select({ id: meeting.id, startsAt: meeting.startsAt })
      .from(meeting)
      .where(inArray(meeting.id, [...new Set(rows.map((r) => r.meetingId))]))
      .all()
      .map((r) => [r.id, r.startsAt]),
  );
  const numbers = itemNumbers(
    ws,
    rows.filter((r) => r.itemId !== null).map((r) => r.meetingId),
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meetingId,
    meetingDate: meetings.get(r.meetingId) ?? '',
    itemId: r.itemId,
    itemNumber: r.itemId === null ? null : (numbers.get(r.itemId) ?? null),
    description: r.description,
    owner: r.owner,
    dueDate: r.dueDate,
    status: r.status,
    statusNote: r.statusNote,
  }));
}

export function actionInfo(ws: Workspace, id: number): ActionInfo {
  const row = ws.db.select().from(meetingAction).where(eq(meetingAction.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `There is no action with id ${id}. It may have been deleted; reload the meeting.`);
  return toActionInfos(ws, [row])[0]!;
}

export function actionsOf(ws: Workspace, meetingId: number): ActionInfo[] {
  return toActionInfos(ws, ws.db.select().from(meetingAction).where(eq(meetingAction.meetingId, meetingId)).orderBy(asc(meetingAction.id)).all());
}

/** Open actions raised at the body's earlier meetings: read live, so closing one takes it off. */
export function mattersArisingOf(ws: Workspace, m: MeetingRow): ActionInfo[] {
  const rows = ws.db
    .select({ a: meetingAction })
    .from(meetingAction)
    .innerJoin(meeting, eq(meeting.id, meetingAction.meetingId))
    .where(and(eq(meeting.bodyId, m.bodyId), lt(meeting.startsAt, m.startsAt), eq(meetingAction.status, 'open')))
    .orderBy(asc(meeting.startsAt), asc(meetingAction.id))
    .all()
    .map((r) => r.a);
  return toActionInfos(ws, rows);
}

export function declarationsOf(ws: Workspace, m: MeetingRow): DeclarationInfo[] {
  const numbers = itemNumbers(ws, [m.id]);
  return ws.db
    .select({ d: declaration, name: member.name })
    .from(declaration)
    .innerJoin(member, eq(member.id, declaration.memberId))
    .where(eq(declaration.meetingId, m.id))
    .orderBy(asc(declaration.id))
    .all()
    .map(({ d, name }) => ({
      id: d.id,
      memberId: d.memberId,
      memberName: name,
      itemId: d.itemId,
      itemNumber: d.itemId === null ? null : (numbers.get(d.itemId) ?? null),
      interest: d.interest,
    }));
}

export function minutesRow(ws: Workspace, meetingId: number): typeof minutes.$inferSelect | undefined {
  return ws.db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).get();
}

function summaries(ws: Workspace, rows: readonly MeetingRow[]): MeetingSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const bodies = new Map(
    ws.db
      .select({ id: body.id, name: body.name, days: body.papersDeadlineDays })
      .from(body)
      .all()
      .map((b) => [b.id, b]),
  );
  const items = new Map(
    ws.db
      .select({ id: agendaItem.meetingId, n: count() })
      .from(agendaItem)
      .where(inArray(agendaItem.meetingId, ids))
      .groupBy(agendaItem.meetingId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const packs = new Map(
    ws.db
      .select({ id: packVersion.meetingId, v: max(packVersion.version) })
      .from(packVersion)
      .where(inArray(packVersion.meetingId, ids))
      .groupBy(packVersion.meetingId)
      .all()
      .map((r) => [r.id, r.v]),
  );
  return rows.map((r) => {
    const b = bodies.get(r.bodyId)!;
    return {
      id: r.id,
      bodyId: r.bodyId,
      bodyName: b.name,
      startsAt: r.startsAt,
      venue: r.venue,
      status: r.status,
      papersDeadline: papersDeadline(ws, r.startsAt, b.days),
      itemCount: items.get(r.id) ?? 0,
      latestPackVersion: packs.get(r.id) ?? null,
    };
  });
}

/** Meetings by date, earliest first; of one body when given. */
export function meetingSummaries(ws: Workspace, bodyId?: number): MeetingSummary[] {
  if (bodyId !== undefined) requireBody(ws, bodyId);
  const rows = ws.db
    .select()
    .from(meeting)
    .where(bodyId === undefined ? sql`1 = 1` : eq(meeting.bodyId, bodyId))
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .all();
  return summaries(ws, rows);
}

export function meetingDetail(ws: Workspace, id: number): MeetingDetail {
  const m = requireMeeting(ws, id);
  const b = bodyInfo(ws, m.bodyId);
  const roll = meetingRoll(ws, m);
  const summary = summaries(ws, [m])[0]!;
  return {
    meeting: { ...summary, onlineLink: m.onlineLink, statusReason: m.statusReason },
    body: b,
    items: itemInfos(ws, m, roll),
    attendance: roll.attendance,
    quorum: quorumOf(b, roll),
    declarations: declarationsOf(ws, m),
    actions: actionsOf(ws, m.id),
    mattersArising: mattersArisingOf(ws, m),
    packVersions: packVersionsOf(ws, m.id),
    minutesApproved: (minutesRow(ws, m.id)?.approvedOn ?? null) !== null,
  };
}
