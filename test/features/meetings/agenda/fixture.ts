/** A Schools Forum with a realistic spread of seats, made through the same calls the screens use. */
import type { TestServer } from '../../../support/workspace';
import type { SeatCategory, MemberRole } from '../../../../features/meetings/words';

export interface ForumFixture {
  bodyId: number;
  /** Member ids by first name. */
  id: Record<string, number>;
}

type Seat = [
  name: string,
  seat: SeatCategory,
  role: MemberRole,
  voting: boolean,
  extra?: { substituteFor?: string; termStart?: string; termEnd?: string | null },
];

/** 12 voting members (quorum two-fifths: 5), an observer, an officer, a substitute for Ben and a past member. */
export const FORUM_SEATS: Seat[] = [
  ['Ann Archer', 'maintained_primary_head', 'chair', true],
  ['Ben Baker', 'maintained_primary_governor', 'member', true],
  ['Cara Cole', 'maintained_primary_head', 'member', true],
  ['Dan Dale', 'maintained_secondary_head', 'member', true],
  ['Eve Ellis', 'maintained_secondary_governor', 'member', true],
  ['Fay Ford', 'academy', 'member', true],
  ['Gus Gray', 'special_academy', 'member', true],
  ['Hal Hunt', 'maintained_special', 'member', true],
  ['Ivy Irwin', 'pru', 'member', true],
  ['Jon James', 'early_years_provider', 'member', true],
  ['Kim King', 'diocese', 'member', true],
  ['Lee Lord', 'union', 'vice_chair', true],
  ['Mo Moss', 'other', 'observer', false],
  ['Ned North', 'officer', 'officer_in_attendance', false],
  ['Sam Sub', 'maintained_primary_governor', 'member', true, { substituteFor: 'Ben' }],
  ['Pat Past', 'maintained_primary_head', 'member', true, { termStart: '2022-09-01', termEnd: '2025-08-31' }],
];

export async function makeForum(t: TestServer, name = 'Schools Forum', seats: Seat[] = FORUM_SEATS): Promise<ForumFixture> {
  const body = await t.ok('saveBody', { name, kind: 'schools_forum', quorumKind: 'fraction', quorumNumerator: 2, quorumDenominator: 5, papersDeadlineDays: 5 });
  const id: Record<string, number> = {};
  for (const [full, seatCategory, role, voting, extra] of seats) {
    const first = full.split(' ')[0]!;
    const saved = await t.ok('saveMember', {
      bodyId: body.id,
      name: full,
      organisation: `${full.split(' ')[1]} School`,
      seatCategory,
      role,
      voting,
      termStart: extra?.termStart ?? '2025-09-01',
      termEnd: extra?.termEnd === undefined ? '2029-08-31' : extra.termEnd,
      substituteForId: extra?.substituteFor ? id[extra.substituteFor]! : null,
    });
    id[first] = saved.member.id;
  }
  return { bodyId: body.id, id };
}

/** The workspace clock: 15 December 2026, so a meeting on the 10th has happened. */
export const NOW = () => new Date('2026-12-15T10:00:00Z');
