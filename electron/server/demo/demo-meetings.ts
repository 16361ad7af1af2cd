/**
 * The demo's meetings (domain.md sections 7 and 7a): a Schools Forum of 22 members with three
 * 2026-27 meetings, and a SEND Programme Board with one. Written inside the demo's own write, so
 * the demo stays one change set:
 *   1. 9 July 2026, held: attendance with apologies and a substitute, declarations, resolutions
 *      voted by the whole forum and by maintained schools members, actions (two still open),
 *      minutes approved at meeting 2 and locked;
 *   2. 8 October 2026, held, minutes in draft; its pack is published afterwards through the pack
 *      code (demo-packs.ts), so the stored version is what publishing makes;
 *   3. 10 December 2026, in draft: apologies and a substitute sent ahead, declarations, High
 *      Needs monitoring at P7 and the DSG position with live blocks, de-delegation voted by each
 *      maintained phase, a Schools Block transfer, and an exempt contract item (paragraph 3)
 *      whose paper came in late.
 */
import { MINUTES_ENTITY } from '../../../features/meetings/locks';
import { generatedMinutes } from '../../../features/meetings/agenda/minutes-handlers';
import { itemName, requireMeeting } from '../../../features/meetings/agenda/queries';
import { meetingWhen } from '../../../features/meetings/agenda/status';
import { isVotingSeat, seatInConstituency } from '../../../features/meetings/agenda/voting';
import { standardStandingItems, standardTemplate } from '../../../features/meetings/bodies/templates';
import { agendaItem, attendance, body, declaration, meeting, meetingAction, member, memberTerm, minutes, paper, vote } from '../../../features/meetings/schema';
import type { AttendanceStatus, BodyKind, VoteChoice } from '../../../features/meetings/words';
import type { ChangeRecorder } from '../audit/recorder';
import { setLock } from '../locks/locks';
import type { Workspace } from '../workspace';
import { BOARD_MEETING, DECEMBER, type DemoMeeting, FORUM_VENUE, JULY, OCTOBER } from './demo-agendas';
import { BOARD_PEOPLE, type DemoPerson, FORUM_PEOPLE } from './demo-people';

export { DEMO_NEXT_MEETING, DEMO_PUBLISHED_MEETING } from './demo-agendas';
export const DEMO_FORUM_NAME = 'Schools Forum';
export const DEMO_BOARD_NAME = 'SEND Programme Board';

type People = Map<string, { id: number; person: DemoPerson }>;

function addBody(
  rec: ChangeRecorder,
  values: { name: string; kind: BodyKind; quorum: { fraction: [number, number] } | { fixed: number }; clerk: [string, string, string]; venue: string },
): number {
  const templateKind = values.kind === 'schools_forum' ? 'forum' : 'council';
  const quorum =
    'fixed' in values.quorum
      ? { quorumKind: 'fixed' as const, quorumFixed: values.quorum.fixed }
      : { quorumKind: 'fraction' as const, quorumNumerator: values.quorum.fraction[0], quorumDenominator: values.quorum.fraction[1] };
  return rec.insert(body, {
    name: values.name,
    kind: values.kind,
    ...quorum,
    papersDeadlineDays: 5,
    paperTemplate: JSON.stringify(standardTemplate(templateKind)),
    standingItems: JSON.stringify(standardStandingItems(values.kind)),
    clerkName: values.clerk[0],
    clerkEmail: values.clerk[1],
    clerkPhone: values.clerk[2],
    defaultVenue: values.venue,
  }).id;
}

function addPeople(rec: ChangeRecorder, bodyId: number, people: DemoPerson[]): People {
  const out: People = new Map();
  // Members first, so a substitute can name the member they stand in for.
  const ordered = [...people.filter((x) => !x.substituteFor), ...people.filter((x) => x.substituteFor)];
  for (const person of ordered) {
    const row = rec.insert(member, {
      bodyId,
      name: person.name,
      organisation: person.organisation,
      email: person.email,
      councillorOrOfficer: person.officer ?? false,
      substituteForId: person.substituteFor ? out.get(person.substituteFor)!.id : null,
    });
    for (const t of person.terms) {
      rec.insert(memberTerm, { memberId: row.id, seatCategory: t.seat, role: t.role, voting: t.voting, startDate: t.start, endDate: t.end });
    }
    out.set(person.key, { id: row.id, person });
  }
  return out;
}

const termOn = (person: DemoPerson, date: string) => person.terms.find((t) => t.start <= date && (t.end === null || t.end >= date)) ?? null;

/** Inserts a meeting with its agenda, papers, attendance, votes, declarations and actions; returns the items' ids in order. */
function addMeeting(rec: ChangeRecorder, bodyId: number, people: People, m: DemoMeeting): { meetingId: number; itemIds: number[] } {
  const date = m.startsAt.slice(0, 10);
  const meetingId = rec.insert(meeting, { bodyId, startsAt: m.startsAt, venue: m.venue, status: m.status }).id;
  const idOf = (key: string) => {
    const p = people.get(key);
    if (!p) throw new Error(`The demo names ${key}, who is not on the body`);
    return p.id;
  };

  // Attendance: who came, and so who votes.
  const status = new Map<string, AttendanceStatus>();
  for (const k of m.apologies ?? []) status.set(k, 'apologies');
  for (const k of m.absent ?? []) status.set(k, 'absent');
  for (const k of Object.keys(m.substitutes ?? {})) status.set(k, 'substitute');
  for (const [key, p] of people) {
    if (p.person.substituteFor || !termOn(p.person, date)) continue;
    const s = status.get(key) ?? (m.restPresent ? 'present' : null);
    if (!s) continue;
    status.set(key, s);
    const sub = s === 'substitute' ? idOf(m.substitutes![key]!) : null;
    rec.insert(attendance, { meetingId, memberId: p.id, status: s, substituteId: sub });
  }

  const itemIds: number[] = [];
  m.items.forEach((it, position) => {
    const constituency = it.constituency ?? 'none';
    const itemId = rec.insert(agendaItem, {
      meetingId,
      position,
      subItem: it.subItem ?? false,
      title: it.title,
      purpose: it.purpose,
      presenter: it.presenter ?? '',
      votingConstituency: constituency,
      exempt: it.exempt !== undefined,
      exemptParagraph: it.exempt?.paragraph ?? null,
      publicSummary: it.exempt?.publicSummary ?? '',
      standingKind: it.standing ?? null,
      resolution: it.resolution ?? '',
      outcome: it.outcome ?? null,
    }).id;
    itemIds.push(itemId);
    if (it.paper) {
      rec.insert(paper, {
        itemId,
        template: it.paper.template,
        header: JSON.stringify(it.paper.header),
        sections: JSON.stringify(it.paper.sections),
        addedAt: it.paperAdded ?? `${date}T09:00:00.000Z`,
        late: it.lateReason !== undefined,
        lateReason: it.lateReason ?? '',
      });
    }
    if (it.votes) {
      const choiceOf = (key: string): VoteChoice => (it.votes!.against?.includes(key) ? 'against' : it.votes!.abstain?.includes(key) ? 'abstain' : 'for');
      for (const [key, p] of people) {
        const t = termOn(p.person, date);
        const s = status.get(key);
        if (p.person.substituteFor || !t || (s !== 'present' && s !== 'substitute')) continue;
        if (!isVotingSeat({ seatCategory: t.seat, role: t.role, voting: t.voting }) || !seatInConstituency(constituency, t.seat)) continue;
        // A substitute's vote is recorded as the member's.
        rec.insert(vote, { itemId, memberId: p.id, choice: choiceOf(key) });
      }
    }
    for (const d of it.declarations ?? []) rec.insert(declaration, { meetingId, memberId: idOf(d.who), itemId, interest: d.interest });
    for (const a of it.actions ?? []) {
      rec.insert(meetingAction, { meetingId, itemId, description: a.description, owner: a.owner, dueDate: a.due, status: a.status, statusNote: a.note ?? '' });
    }
  });
  return { meetingId, itemIds };
}

/** The forum and the board, their members and meetings. Call inside the demo's write. */
export function addDemoMeetings(rec: ChangeRecorder, ws: Workspace): void {
  const forumId = addBody(rec, {
    name: DEMO_FORUM_NAME,
    kind: 'schools_forum',
    quorum: { fraction: [2, 5] },
    clerk: ['Hannah Prescott, Governance Services', 'schools.forum@demo-mbc.example.gov.uk', '0161 496 0123'],
    venue: FORUM_VENUE,
  });
  const forum = addPeople(rec, forumId, FORUM_PEOPLE);
  const july = addMeeting(rec, forumId, forum, JULY);
  const october = addMeeting(rec, forumId, forum, OCTOBER);
  addMeeting(rec, forumId, forum, DECEMBER);

  // July's minutes as the draft would have built them, approved at October's minutes item and locked.
  const minutesItem = OCTOBER.items.findIndex((i) => i.standing === 'minutes');
  const approvedAt = october.itemIds[minutesItem]!;
  rec.insert(minutes, {
    meetingId: july.meetingId,
    doc: JSON.stringify(generatedMinutes(ws, requireMeeting(ws, july.meetingId))),
    approvedAtItemId: approvedAt,
    approvedOn: '2026-10-08',
  });
  const approvedAtName = itemName(String(minutesItem + 1), OCTOBER.items[minutesItem]!.title);
  setLock(rec, ws.db, MINUTES_ENTITY, String(july.meetingId), true, `Approved at ${approvedAtName} of the meeting on ${meetingWhen(OCTOBER.startsAt)}`, {
    who: ws.actor.who(),
    at: '2026-10-08T14:20:00.000Z',
  });

  const boardId = addBody(rec, {
    name: DEMO_BOARD_NAME,
    kind: 'programme_board',
    quorum: { fixed: 4 },
    clerk: ['SEND Programme Office', 'send.programme@demo-mbc.example.gov.uk', '0161 496 0440'],
    venue: 'Room 4.12, Civic Centre',
  });
  addMeeting(rec, boardId, addPeople(rec, boardId, BOARD_PEOPLE), BOARD_MEETING);
}
