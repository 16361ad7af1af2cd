import type { AgendaItemInfo, AttendanceInfo } from '../../types';
import { CONSTITUENCY_LABELS, CONSTITUENCY_SEATS, SEAT_LABELS } from '../../words';

/**
 * Who may vote on an item, to list the right members beside the vote: the server's
 * `votes.entitledMemberIds`; the reason a member may not is worded from domain.md section 7's table
 * (words.ts, the same one the server's voting rules use). The server still decides, and refuses a
 * vote it does not allow.
 */
export const SEATS = CONSTITUENCY_SEATS;

/** Here to vote: present, or represented by a substitute (who votes in the member's place). */
export const attending = (a: AttendanceInfo) => a.status === 'present' || a.status === 'substitute';

/** Why a member at the meeting may not vote on the item, or null when they may. */
export function notEntitledReason(item: AgendaItemInfo, a: AttendanceInfo): string | null {
  const c = item.votingConstituency;
  if (c === 'none') return 'nobody votes on this item';
  if (!a.seatCategory || !a.role) return 'their term does not cover the meeting date';
  if (!a.voting || a.role === 'observer' || a.role === 'officer_in_attendance') return 'not a voting member';
  const seats = SEATS[c];
  if (seats !== 'all' && !seats.includes(a.seatCategory)) {
    const seat = SEAT_LABELS[a.seatCategory];
    return `sits as ${seat[0]!.toLowerCase()}${seat.slice(1)}, and only ${CONSTITUENCY_LABELS[c].toLowerCase()} vote on it`;
  }
  return null;
}

/** The members at the meeting split into those who may vote on the item and those who may not. */
export function splitByEntitlement(item: AgendaItemInfo, attendance: AttendanceInfo[]) {
  const here = attendance.filter(attending);
  const entitled = here.filter((a) => item.votes.entitledMemberIds.includes(a.memberId));
  const others = here.filter((a) => !entitled.includes(a));
  return { entitled, others };
}

/** "Jane Smith" or "Jane Smith (Bob Jones substituting)". */
export function voterName(a: AttendanceInfo): string {
  return a.status === 'substitute' && a.substituteName ? `${a.name} (${a.substituteName} substituting)` : a.name;
}
