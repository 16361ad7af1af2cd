import { addDays, daysBetween, ukDate } from '../../../electron/shared/dates';
import type { CompositionCheck } from '../types';
import { type BodyKind, NON_SCHOOLS_SEATS, SCHOOLS_SEATS, type SeatCategory } from '../words';
import type { MemberOnDate } from './queries';

/** Schools Forums (England) Regulations 2012: the smallest forum. */
export const FORUM_MINIMUM = 15;
/** How far ahead a term's end is worth telling the clerk about: time to run an election. */
export const TERMS_ENDING_WITHIN_DAYS = 90;

const AUTHORITY_SEATS: readonly SeatCategory[] = ['councillor', 'officer'];

/** A rule of the forum's make-up, so a change can be told which rules it newly breaks. */
export type CompositionRule = 'minimum' | 'schools' | 'non_schools' | 'chair';

export interface CompositionProblem {
  rule: CompositionRule;
  text: string;
}

const isMember = (m: MemberOnDate) => m.substituteForId === null && m.term.role !== 'observer' && m.term.role !== 'officer_in_attendance';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The forum's rules broken on the day the members are taken from, each a sentence with its numbers. */
export function compositionRuleProblems(members: MemberOnDate[], bodyKind: BodyKind): CompositionProblem[] {
  if (bodyKind !== 'schools_forum') return [];
  const counted = members.filter(isMember);
  const total = counted.length;
  const schools = counted.filter((m) => SCHOOLS_SEATS.includes(m.term.seatCategory)).length;
  const nonSchools = counted.filter((m) => NON_SCHOOLS_SEATS.includes(m.term.seatCategory)).length;
  const problems: CompositionProblem[] = [];
  if (total < FORUM_MINIMUM) {
    problems.push({ rule: 'minimum', text: `The forum has ${plural(total, 'member', 'members')}; it needs at least ${FORUM_MINIMUM}.` });
  }
  // Whole-number comparisons: 3 × schools against 2 × total, never a rounded two-thirds.
  if (total > 0 && schools * 3 < total * 2) {
    const needed = Math.ceil((total * 2) / 3);
    problems.push({ rule: 'schools', text: `Schools and academies members are ${schools} of ${total}, fewer than two-thirds (${needed}).` });
  }
  if (nonSchools * 3 > total) {
    const allowed = Math.floor(total / 3);
    problems.push({ rule: 'non_schools', text: `Non-schools members are ${nonSchools} of ${total}, more than a third (${allowed}).` });
  }
  for (const chair of members.filter((m) => m.substituteForId === null && m.term.role === 'chair')) {
    if (chair.councillorOrOfficer || AUTHORITY_SEATS.includes(chair.term.seatCategory)) {
      problems.push({
        rule: 'chair',
        text: `The chair, ${chair.name}, is a councillor or officer of the authority, who may not chair a Schools Forum; the forum should elect another chair.`,
      });
    }
  }
  return problems;
}

/**
 * The composition check: for a Schools Forum, its make-up against the regulations; for every
 * body, the terms ending in the next 90 days (a re-appointed member's seat does not fall vacant).
 * Observers, officers in attendance and named substitutes are not members for the counts.
 */
export function compositionCheck(members: MemberOnDate[], bodyKind: BodyKind, today: string): CompositionCheck {
  const counted = members.filter(isMember);
  const limit = addDays(today, TERMS_ENDING_WITHIN_DAYS);
  const termsEndingSoon = members
    .filter((m) => m.term.endDate !== null && m.term.endDate >= today && m.term.endDate <= limit)
    .filter((m) => !(m.nextTerm && m.nextTerm.startDate <= addDays(m.term.endDate!, 1)))
    .map((m) => ({ memberId: m.id, name: m.name, endDate: m.term.endDate! }))
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.name.localeCompare(b.name, 'en-GB'));
  const ending = termsEndingSoon.map((t) => {
    const days = daysBetween(today, t.endDate);
    const when = days === 0 ? 'today' : `in ${plural(days, 'day', 'days')}`;
    return `${t.name}'s term ends on ${ukDate(t.endDate)}, ${when}.`;
  });
  const schools = counted.filter((m) => SCHOOLS_SEATS.includes(m.term.seatCategory)).length;
  const nonSchools = counted.filter((m) => NON_SCHOOLS_SEATS.includes(m.term.seatCategory)).length;
  return {
    problems: [...compositionRuleProblems(members, bodyKind).map((p) => p.text), ...ending],
    counts: {
      total: counted.length,
      schools,
      nonSchools,
      other: counted.length - schools - nonSchools,
      voting: counted.filter((m) => m.term.voting).length,
    },
    termsEndingSoon,
  };
}
