/**
 * The meeting page lists who may vote on an item from its own copy of the constituency table
 * (the server's voting.ts is not in the window's bundle). These tests keep the copy in step
 * with the server's rule, case by case, so the list never offers a vote the server refuses
 * nor hides one it would take.
 */
import { describe, expect, it } from 'vitest';
import { CONSTITUENCY_SEATS, entitlement } from '../../../../features/meetings/agenda/voting';
import type { AgendaItemInfo, AttendanceInfo } from '../../../../features/meetings/types';
import { notEntitledReason, SEATS, splitByEntitlement, voterName } from '../../../../features/meetings/ui/meeting/entitlement';
import { MEMBER_ROLES, SEAT_CATEGORIES, VOTING_CONSTITUENCIES, type VotingConstituency } from '../../../../features/meetings/words';

const person = (over: Partial<AttendanceInfo>): AttendanceInfo => ({
  memberId: 1,
  name: 'Jo Bloggs',
  organisation: '',
  seatCategory: 'maintained_primary_head',
  role: 'member',
  voting: true,
  status: 'present',
  substituteId: null,
  substituteName: null,
  substitutes: [],
  ...over,
});

const item = (votingConstituency: VotingConstituency, entitledMemberIds: number[] = []): AgendaItemInfo =>
  ({
    id: 9,
    number: '4',
    votingConstituency,
    votes: { for: 0, against: 0, abstain: 0, entitled: 0, named: [], source: 'none', entitledMemberIds },
  }) as unknown as AgendaItemInfo;

describe('who the meeting page lists to vote', () => {
  it('has the same seats in each constituency as the server', () => {
    for (const c of VOTING_CONSTITUENCIES)
      expect([c, SEATS[c] === 'all' ? 'all' : [...SEATS[c]].sort()]).toEqual([c, CONSTITUENCY_SEATS[c] === 'all' ? 'all' : [...CONSTITUENCY_SEATS[c]].sort()]);
  });

  it('agrees with the server for every seat, role, voting right and constituency of a member present', () => {
    let cases = 0;
    for (const c of VOTING_CONSTITUENCIES)
      for (const seatCategory of SEAT_CATEGORIES)
        for (const role of MEMBER_ROLES)
          for (const voting of [true, false]) {
            const server = entitlement(c, { memberId: 1, name: 'Jo', seat: { seatCategory, role, voting }, attendance: 'present', substituteName: null }).ok;
            const page = notEntitledReason(item(c), person({ seatCategory, role, voting })) === null;
            expect(page, `${c} ${seatCategory} ${role} voting=${voting}`).toBe(server);
            cases++;
          }
    expect(cases).toBe(VOTING_CONSTITUENCIES.length * SEAT_CATEGORIES.length * MEMBER_ROLES.length * 2);
  });

  it('lists only members present or represented by a substitute', () => {
    const here = person({ memberId: 1, status: 'present' });
    const sub = person({ memberId: 2, name: 'Ann', status: 'substitute', substituteId: 7, substituteName: 'Sid' });
    const away = person({ memberId: 3, status: 'apologies' });
    const unrecorded = person({ memberId: 4, status: null });
    const { entitled, others } = splitByEntitlement(item('maintained_primary', [1, 2]), [here, sub, away, unrecorded]);
    expect(entitled.map((a) => a.memberId)).toEqual([1, 2]);
    expect(others).toEqual([]);
    expect(voterName(sub)).toBe('Ann (Sid substituting)');
  });

  it('says why a member present may not vote, and lists whom the server says may', () => {
    const secondary = person({ memberId: 5, name: 'Sue', seatCategory: 'maintained_secondary_head' });
    const primary = person({ memberId: 6 });
    expect(notEntitledReason(item('maintained_primary'), secondary)).toBe('sits as maintained secondary head, and only maintained primary members vote on it');
    expect(notEntitledReason(item('none'), primary)).toBe('nobody votes on this item');
    expect(notEntitledReason(item('whole_forum'), person({ role: 'observer' }))).toBe('not a voting member');
    const given = splitByEntitlement(item('maintained_primary', [5]), [secondary, primary]);
    expect([given.entitled.map((a) => a.memberId), given.others.map((a) => a.memberId)]).toEqual([[5], [6]]);
  });
});
