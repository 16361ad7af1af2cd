import type { TestServer } from '../../../support/workspace';
import type { MemberRole, SeatCategory } from '../../../../features/meetings/words';

/** The tests' today: 1 September 2026, a Tuesday, mid-morning in London. */
export const TODAY = '2026-09-01';
export const now = () => new Date(`${TODAY}T09:30:00Z`);

export async function addForum(t: TestServer, name = 'Schools Forum'): Promise<number> {
  const b = await t.ok('saveBody', { name, kind: 'schools_forum', quorumKind: 'fraction', papersDeadlineDays: 5 });
  return b.id;
}

export interface NewMember {
  name?: string;
  seat?: SeatCategory;
  role?: MemberRole;
  voting?: boolean;
  start?: string;
  end?: string | null;
  councillorOrOfficer?: boolean;
  substituteForId?: number | null;
}

let counter = 0;

export async function addMember(t: TestServer, bodyId: number, m: NewMember = {}) {
  counter++;
  return t.ok('saveMember', {
    bodyId,
    name: m.name ?? `Member ${counter}`,
    seatCategory: m.seat ?? 'maintained_primary_head',
    role: m.role ?? 'member',
    voting: m.voting ?? true,
    termStart: m.start ?? '2024-09-01',
    termEnd: m.end === undefined ? '2028-08-31' : m.end,
    councillorOrOfficer: m.councillorOrOfficer,
    substituteForId: m.substituteForId,
  });
}

/** A forum of `schools` schools members (the first its chair) and `nonSchools` non-schools members. */
export async function seatForum(t: TestServer, bodyId: number, schools: number, nonSchools: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < schools; i++) {
    const seat: SeatCategory = i % 3 === 0 ? 'maintained_primary_governor' : i % 3 === 1 ? 'academy' : 'maintained_secondary_head';
    ids.push((await addMember(t, bodyId, { seat, role: i === 0 ? 'chair' : 'member' })).member.id);
  }
  for (let i = 0; i < nonSchools; i++) ids.push((await addMember(t, bodyId, { seat: i % 2 ? 'diocese' : 'early_years_provider' })).member.id);
  return ids;
}
