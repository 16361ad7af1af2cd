/**
 * Who may vote on an agenda item (domain.md section 7): the item's voting constituency, the
 * member's seat and voting right on the meeting date, and whether they, or a substitute in their
 * place, are at the meeting. Pure functions over plain data, so each rule is tested case by case.
 */
import { type AttendanceStatus, CONSTITUENCY_SEATS, type MemberRole, SEAT_LABELS, type SeatCategory, type VoteChoice, type VotingConstituency } from '../words';

export { CONSTITUENCY_SEATS, MAINTAINED_PRIMARY_SEATS, MAINTAINED_SEATS, MAINTAINED_SECONDARY_SEATS } from '../words';

/** The people who vote, as a sentence names them: [one, many]. */
const PEOPLE: Record<VotingConstituency, [string, string]> = {
  whole_forum: ['voting member', 'voting members'],
  schools_and_academies: ['schools and academies member', 'schools and academies members'],
  maintained_primary: ['maintained primary member', 'maintained primary members'],
  maintained_secondary: ['maintained secondary member', 'maintained secondary members'],
  maintained_schools: ['maintained schools member', 'maintained schools members'],
  none: ['member', 'members'],
};

/** "6 maintained primary members", "1 voting member". */
export function peopleCount(constituency: VotingConstituency, n: number): string {
  const [one, many] = PEOPLE[constituency];
  return `${n} ${n === 1 ? one : many}`;
}

/** "only maintained primary members vote on it"; "nobody votes on it". */
export function whoVotes(constituency: VotingConstituency): string {
  if (constituency === 'none') return 'nobody votes on it';
  if (constituency === 'whole_forum') return 'every voting member votes on it';
  return `only ${PEOPLE[constituency][1]} vote on it`;
}

export interface Seat {
  seatCategory: SeatCategory;
  role: MemberRole;
  voting: boolean;
}

/** Observers and officers in attendance never vote nor count towards the quorum, whatever their term says. */
export function isVotingSeat(seat: Seat): boolean {
  return seat.voting && seat.role !== 'observer' && seat.role !== 'officer_in_attendance';
}

export function seatInConstituency(constituency: VotingConstituency, seat: SeatCategory): boolean {
  const seats = CONSTITUENCY_SEATS[constituency];
  return seats === 'all' || seats.includes(seat);
}

/** A member on a meeting's roll: their seat on the meeting date (null when not in term then) and their attendance. */
export interface RollEntry {
  memberId: number;
  name: string;
  seat: Seat | null;
  attendance: AttendanceStatus | null;
  /** Who came in their place, when attendance is 'substitute'. */
  substituteName: string | null;
}

/** Attending in person or represented by a substitute. */
export function isAttending(status: AttendanceStatus | null): boolean {
  return status === 'present' || status === 'substitute';
}

export type Entitlement = { ok: true; castBy: string | null } | { ok: false; rule: 'not-present' | 'not-entitled'; reason: string };

/** Whether the member may vote on an item of this constituency: present (or substituted), voting, in term, in the constituency. */
export function entitlement(constituency: VotingConstituency, entry: RollEntry): Entitlement {
  if (constituency === 'none') return { ok: false, rule: 'not-entitled', reason: 'nobody votes on it' };
  if (!entry.seat) return { ok: false, rule: 'not-entitled', reason: 'their term does not cover the meeting date' };
  if (!isVotingSeat(entry.seat)) return { ok: false, rule: 'not-entitled', reason: 'they are not a voting member' };
  if (!seatInConstituency(constituency, entry.seat.seatCategory)) {
    return { ok: false, rule: 'not-entitled', reason: `they sit as ${SEAT_LABELS[entry.seat.seatCategory].toLowerCase()} and ${whoVotes(constituency)}` };
  }
  if (!isAttending(entry.attendance)) {
    return { ok: false, rule: 'not-present', reason: 'they are not recorded as present, nor represented by a substitute' };
  }
  return { ok: true, castBy: entry.attendance === 'substitute' ? entry.substituteName : null };
}

/** Members present (or substituted) and entitled to vote on the constituency. */
export function entitledPresent(constituency: VotingConstituency, roll: readonly RollEntry[]): RollEntry[] {
  return roll.filter((e) => entitlement(constituency, e).ok);
}

export interface VoteProblem {
  memberId: number | null;
  rule: string;
  /** A sentence fragment naming the member and the reason, completed by the caller with the item. */
  message: string;
}

/**
 * Problems with a set of named votes on an item: a member not on the roll, not present or not
 * entitled, or voting twice. Votes name the member whose vote it is; the caller has already
 * turned a substitute's own id into the member they stand in for.
 */
export function namedVoteProblems(
  constituency: VotingConstituency,
  roll: readonly RollEntry[],
  votes: ReadonlyArray<{ memberId: number; choice: VoteChoice }>,
  itemName: string,
): VoteProblem[] {
  if (constituency === 'none')
    return [{ memberId: null, rule: 'item must have a voting constituency', message: `Nobody votes on ${itemName}: its voting constituency is none` }];
  const byId = new Map(roll.map((e) => [e.memberId, e]));
  const seen = new Set<number>();
  const problems: VoteProblem[] = [];
  for (const v of votes) {
    const entry = byId.get(v.memberId);
    if (!entry) {
      problems.push({
        memberId: v.memberId,
        rule: 'voter must be a member',
        message: `Member ${v.memberId} is not a member of this body on the meeting date, so cannot vote on ${itemName}`,
      });
      continue;
    }
    if (seen.has(v.memberId)) {
      problems.push({
        memberId: v.memberId,
        rule: 'one vote per member',
        message: `${entry.name} votes more than once on ${itemName}: record one vote for each member`,
      });
      continue;
    }
    seen.add(v.memberId);
    const e = entitlement(constituency, entry);
    if (!e.ok) {
      problems.push({
        memberId: v.memberId,
        rule: e.rule === 'not-present' ? 'voter must be present' : 'voter must be entitled',
        message: `${entry.name} cannot vote on ${itemName}: ${e.reason}`,
      });
    }
  }
  return problems;
}

/** More votes counted than entitled members present: "7 votes recorded but only 6 maintained primary members are present". */
export function countProblem(constituency: VotingConstituency, counts: { for: number; against: number; abstain: number }, present: number): string | null {
  const total = counts.for + counts.against + counts.abstain;
  if (total <= present) return null;
  return `${total} ${total === 1 ? 'vote' : 'votes'} recorded but only ${peopleCount(constituency, present)} ${present === 1 ? 'is' : 'are'} present`;
}

/**
 * Whether votes already recorded on an item still stand with this roll and constituency: each
 * named voter still entitled and present, and counts no more than the entitled members present.
 * Checked before a change to attendance or to the item's constituency, so no vote is left that
 * the rules would refuse.
 */
export function recordedVotesProblems(
  constituency: VotingConstituency,
  roll: readonly RollEntry[],
  recorded: { named: ReadonlyArray<{ memberId: number }>; counts: { for: number; against: number; abstain: number } | null },
  itemName: string,
): VoteProblem[] {
  const problems: VoteProblem[] = [];
  if (constituency === 'none' && (recorded.named.length > 0 || recorded.counts)) {
    return [{ memberId: null, rule: 'votes need a voting constituency', message: `Votes are recorded on ${itemName}, where nobody would vote` }];
  }
  const byId = new Map(roll.map((e) => [e.memberId, e]));
  for (const v of recorded.named) {
    const entry = byId.get(v.memberId);
    const e = entry ? entitlement(constituency, entry) : null;
    if (!entry || !e?.ok) {
      problems.push({
        memberId: v.memberId,
        rule: 'recorded votes must still stand',
        message: `${entry?.name ?? `Member ${v.memberId}`} voted on ${itemName}, but ${e && !e.ok ? e.reason : 'they are no longer on the roll'}`,
      });
    }
  }
  if (recorded.counts) {
    const c = countProblem(constituency, recorded.counts, entitledPresent(constituency, roll).length);
    if (c) problems.push({ memberId: null, rule: 'recorded votes must still stand', message: `On ${itemName}, ${c}` });
  }
  return problems;
}
