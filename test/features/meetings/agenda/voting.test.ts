import { describe, expect, it } from 'vitest';
import {
  countProblem,
  entitledPresent,
  entitlement,
  namedVoteProblems,
  type RollEntry,
  recordedVotesProblems,
  seatInConstituency,
} from '../../../../features/meetings/agenda/voting';
import { type SeatCategory, SEAT_CATEGORIES, type VotingConstituency } from '../../../../features/meetings/words';

/** domain.md section 7, seat by seat: who votes in each constituency. */
const TABLE: Record<VotingConstituency, SeatCategory[]> = {
  whole_forum: [...SEAT_CATEGORIES],
  schools_and_academies: [
    'maintained_primary_head',
    'maintained_primary_governor',
    'maintained_secondary_head',
    'maintained_secondary_governor',
    'maintained_special',
    'maintained_nursery',
    'pru',
    'academy',
    'special_academy',
    'ap_academy',
  ],
  maintained_primary: ['maintained_primary_head', 'maintained_primary_governor'],
  maintained_secondary: ['maintained_secondary_head', 'maintained_secondary_governor'],
  maintained_schools: [
    'maintained_primary_head',
    'maintained_primary_governor',
    'maintained_secondary_head',
    'maintained_secondary_governor',
    'maintained_special',
    'maintained_nursery',
    'pru',
  ],
  none: [],
};

describe('the constituency table, seat by seat', () => {
  for (const [constituency, seats] of Object.entries(TABLE) as Array<[VotingConstituency, SeatCategory[]]>) {
    for (const seat of SEAT_CATEGORIES) {
      const votes = seats.includes(seat);
      it(`${constituency}: ${seat} ${votes ? 'votes' : 'does not vote'}`, () => {
        expect(seatInConstituency(constituency, seat)).toBe(votes);
      });
    }
  }
});

const entry = (over: Partial<RollEntry> & { seat?: RollEntry['seat'] } = {}): RollEntry => ({
  memberId: 1,
  name: 'Ann Archer',
  seat: { seatCategory: 'maintained_primary_head', role: 'member', voting: true },
  attendance: 'present',
  substituteName: null,
  ...over,
});

describe('entitlement on an item', () => {
  it('a present voting member in the constituency may vote', () => {
    expect(entitlement('maintained_primary', entry())).toEqual({ ok: true, castBy: null });
  });

  it('a substitute votes in the member’s place, cast by the substitute', () => {
    expect(entitlement('maintained_primary', entry({ attendance: 'substitute', substituteName: 'Sam Sub' }))).toEqual({ ok: true, castBy: 'Sam Sub' });
  });

  it.each([
    ['apologies', 'not-present'],
    ['absent', 'not-present'],
    [null, 'not-present'],
  ] as const)('a member with attendance %s may not vote (%s)', (attendance, rule) => {
    expect(entitlement('whole_forum', entry({ attendance }))).toMatchObject({ ok: false, rule });
  });

  it('a member outside the constituency may not vote, and the reason names their seat and who votes', () => {
    const e = entitlement('maintained_primary', entry({ seat: { seatCategory: 'maintained_secondary_head', role: 'member', voting: true } }));
    expect(e).toEqual({ ok: false, rule: 'not-entitled', reason: 'they sit as maintained secondary head and only maintained primary members vote on it' });
  });

  it('a non-voting member, an observer and an officer in attendance may not vote on a whole-forum item', () => {
    expect(entitlement('whole_forum', entry({ seat: { seatCategory: 'academy', role: 'member', voting: false } }))).toMatchObject({
      ok: false,
      rule: 'not-entitled',
    });
    expect(entitlement('whole_forum', entry({ seat: { seatCategory: 'other', role: 'observer', voting: true } }))).toMatchObject({
      ok: false,
      rule: 'not-entitled',
    });
    expect(entitlement('whole_forum', entry({ seat: { seatCategory: 'officer', role: 'officer_in_attendance', voting: true } }))).toMatchObject({
      ok: false,
      rule: 'not-entitled',
    });
  });

  it('a member out of term on the meeting date may not vote', () => {
    expect(entitlement('whole_forum', entry({ seat: null }))).toEqual({
      ok: false,
      rule: 'not-entitled',
      reason: 'their term does not cover the meeting date',
    });
  });

  it('nobody votes on an item whose constituency is none', () => {
    expect(entitlement('none', entry())).toMatchObject({ ok: false, rule: 'not-entitled' });
  });

  it('the non-schools members vote on whole-forum items but not on schools and academies items', () => {
    const union = entry({ seat: { seatCategory: 'union', role: 'member', voting: true } });
    expect(entitlement('whole_forum', union).ok).toBe(true);
    expect(entitlement('schools_and_academies', union).ok).toBe(false);
  });

  it('academies vote on schools and academies items but not on maintained schools items', () => {
    const academy = entry({ seat: { seatCategory: 'academy', role: 'member', voting: true } });
    expect(entitlement('schools_and_academies', academy).ok).toBe(true);
    expect(entitlement('maintained_schools', academy).ok).toBe(false);
  });
});

const roll: RollEntry[] = [
  entry({ memberId: 1, name: 'Ann Archer' }),
  entry({ memberId: 2, name: 'Ben Baker', attendance: 'substitute', substituteName: 'Sam Sub' }),
  entry({ memberId: 3, name: 'Cara Cole', attendance: 'apologies' }),
  entry({ memberId: 4, name: 'Dan Dale', seat: { seatCategory: 'maintained_secondary_head', role: 'member', voting: true } }),
];

describe('named votes and counts', () => {
  it('counts the entitled members present, substitutes included', () => {
    expect(entitledPresent('maintained_primary', roll).map((e) => e.name)).toEqual(['Ann Archer', 'Ben Baker']);
    expect(entitledPresent('maintained_schools', roll)).toHaveLength(3);
  });

  it('refuses a vote by a member not present, not entitled, voting twice, or not on the roll', () => {
    const p = namedVoteProblems(
      'maintained_primary',
      roll,
      [
        { memberId: 1, choice: 'for' },
        { memberId: 1, choice: 'against' },
        { memberId: 3, choice: 'for' },
        { memberId: 4, choice: 'for' },
        { memberId: 99, choice: 'for' },
      ],
      'item 5 (De-delegation)',
    );
    expect(p.map((x) => x.rule)).toEqual(['one vote per member', 'voter must be present', 'voter must be entitled', 'voter must be a member']);
    expect(p[0]!.message).toBe('Ann Archer votes more than once on item 5 (De-delegation): record one vote for each member');
    expect(p[1]!.message).toBe('Cara Cole cannot vote on item 5 (De-delegation): they are not recorded as present, nor represented by a substitute');
    expect(p[2]!.message).toBe(
      'Dan Dale cannot vote on item 5 (De-delegation): they sit as maintained secondary head and only maintained primary members vote on it',
    );
  });

  it('accepts the votes of present entitled members', () => {
    expect(
      namedVoteProblems(
        'maintained_primary',
        roll,
        [
          { memberId: 1, choice: 'for' },
          { memberId: 2, choice: 'abstain' },
        ],
        'item 5',
      ),
    ).toEqual([]);
  });

  it('refuses more counted votes than entitled members present, in words', () => {
    expect(countProblem('maintained_primary', { for: 5, against: 1, abstain: 1 }, 6)).toBe(
      '7 votes recorded but only 6 maintained primary members are present',
    );
    expect(countProblem('whole_forum', { for: 2, against: 0, abstain: 0 }, 1)).toBe('2 votes recorded but only 1 voting member is present');
    expect(countProblem('maintained_primary', { for: 5, against: 1, abstain: 0 }, 6)).toBeNull();
  });

  it('finds recorded votes that a changed roll would no longer allow', () => {
    const changed = roll.map((e) => (e.memberId === 1 ? { ...e, attendance: 'absent' as const } : e));
    expect(recordedVotesProblems('maintained_primary', changed, { named: [{ memberId: 1 }], counts: null }, 'item 5').map((p) => p.message)).toEqual([
      'Ann Archer voted on item 5, but they are not recorded as present, nor represented by a substitute',
    ]);
    expect(recordedVotesProblems('maintained_primary', changed, { named: [], counts: { for: 2, against: 0, abstain: 0 } }, 'item 5')).toHaveLength(1);
    expect(recordedVotesProblems('maintained_primary', changed, { named: [], counts: { for: 1, against: 0, abstain: 0 } }, 'item 5')).toEqual([]);
  });
});
