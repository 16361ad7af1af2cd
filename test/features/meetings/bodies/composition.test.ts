import { describe, expect, it } from 'vitest';
import { compositionCheck } from '../../../../features/meetings/bodies/composition';
import type { MemberOnDate } from '../../../../features/meetings/bodies/queries';
import type { MemberRole, SeatCategory } from '../../../../features/meetings/words';

const TODAY = '2026-09-01';
let nextId = 1;

function person(
  seat: SeatCategory,
  extra: { role?: MemberRole; end?: string | null; councillorOrOfficer?: boolean; substituteForId?: number; name?: string } = {},
): MemberOnDate {
  const id = nextId++;
  return {
    id,
    name: extra.name ?? `Member ${id}`,
    organisation: '',
    councillorOrOfficer: extra.councillorOrOfficer ?? false,
    substituteForId: extra.substituteForId ?? null,
    term: { id, seatCategory: seat, role: extra.role ?? 'member', voting: true, startDate: '2024-09-01', endDate: extra.end ?? null },
    nextTerm: null,
  };
}

/** A forum of `schools` schools members and `nonSchools` non-schools members, the first a (lay) chair. */
function forum(schools: number, nonSchools: number): MemberOnDate[] {
  const out = [person('maintained_primary_governor', { role: 'chair' })];
  for (let i = 1; i < schools; i++) out.push(person(i % 2 ? 'academy' : 'maintained_primary_head'));
  for (let i = 0; i < nonSchools; i++) out.push(person(i % 2 ? 'diocese' : 'early_years_provider'));
  return out;
}

const check = (members: MemberOnDate[]) => compositionCheck(members, 'schools_forum', TODAY);

describe('composition check for a Schools Forum', () => {
  it('finds nothing wrong with a forum of exactly 15 in proportion', () => {
    const c = check(forum(10, 5));
    expect(c.problems).toEqual([]);
    expect(c.counts).toEqual({ total: 15, schools: 10, nonSchools: 5, other: 0, voting: 15 });
  });

  it('says a forum of 14 is too small', () => {
    expect(check(forum(10, 4)).problems).toEqual(['The forum has 14 members; it needs at least 15.']);
  });

  it('with 22 members: 15 schools members are two-thirds, 14 are not; 7 non-schools are a third, 8 are more', () => {
    expect(check(forum(15, 7)).problems).toEqual([]);
    expect(check(forum(14, 8)).problems).toEqual([
      'Schools and academies members are 14 of 22, fewer than two-thirds (15).',
      'Non-schools members are 8 of 22, more than a third (7).',
    ]);
    expect(check(forum(13, 9)).problems).toContain('Non-schools members are 9 of 22, more than a third (7).');
  });

  it('with 24 members: 16 and 8 are exactly on the line', () => {
    expect(check(forum(16, 8)).problems).toEqual([]);
    expect(check(forum(15, 9)).problems).toEqual([
      'Schools and academies members are 15 of 24, fewer than two-thirds (16).',
      'Non-schools members are 9 of 24, more than a third (8).',
    ]);
  });

  it('counts councillors and other seats in the total but on neither side', () => {
    const members = [...forum(14, 7), person('councillor')];
    const c = check(members);
    expect(c.counts).toMatchObject({ total: 22, schools: 14, nonSchools: 7, other: 1 });
    expect(c.problems).toEqual(['Schools and academies members are 14 of 22, fewer than two-thirds (15).']);
  });

  it('leaves observers, officers in attendance and substitutes out of the counts', () => {
    const members = forum(10, 5);
    members.push(person('officer', { role: 'officer_in_attendance' }));
    members.push(person('other_non_schools', { role: 'observer' }));
    members.push(person('union', { substituteForId: members[12]!.id }));
    members.push(person('union', { substituteForId: members[13]!.id }));
    const c = check(members);
    expect(c.counts.total).toBe(15);
    expect(c.counts.nonSchools).toBe(5);
    expect(c.problems).toEqual([]);
  });

  it('says when the chair is a councillor or officer, by the flag or by the seat', () => {
    const flagged = forum(10, 5);
    flagged[0] = { ...flagged[0]!, name: 'Jo Bloggs', councillorOrOfficer: true };
    expect(check(flagged).problems).toEqual([
      'The chair, Jo Bloggs, is a councillor or officer of the authority, who may not chair a Schools Forum; the forum should elect another chair.',
    ]);
    const seated = [
      ...forum(11, 4).map((m) => ({ ...m, term: { ...m.term, role: 'member' as const } })),
      person('councillor', { role: 'chair', name: 'Cllr Smith' }),
    ];
    expect(check(seated).problems).toEqual([
      'The chair, Cllr Smith, is a councillor or officer of the authority, who may not chair a Schools Forum; the forum should elect another chair.',
    ]);
    // A councillor who is a member but not the chair is allowed.
    expect(check([...forum(11, 4), person('councillor', { councillorOrOfficer: true })]).problems).toEqual([]);
  });

  it('lists terms ending in the next 90 days: 89 and 90 days out, not 91', () => {
    const members = forum(10, 5);
    members[1] = { ...members[1]!, name: 'Ada', term: { ...members[1]!.term, endDate: '2026-11-29' } }; // 89 days
    members[2] = { ...members[2]!, name: 'Ben', term: { ...members[2]!.term, endDate: '2026-11-30' } }; // 90 days
    members[3] = { ...members[3]!, name: 'Cal', term: { ...members[3]!.term, endDate: '2026-12-01' } }; // 91 days
    const c = check(members);
    expect(c.termsEndingSoon).toEqual([
      { memberId: members[1]!.id, name: 'Ada', endDate: '2026-11-29' },
      { memberId: members[2]!.id, name: 'Ben', endDate: '2026-11-30' },
    ]);
    expect(c.problems).toEqual(["Ada's term ends on 29/11/2026, in 89 days.", "Ben's term ends on 30/11/2026, in 90 days."]);
  });

  it('does not list a term whose member is already re-appointed from the next day', () => {
    const members = forum(10, 5);
    const m = members[1]!;
    members[1] = { ...m, term: { ...m.term, endDate: '2026-10-31' }, nextTerm: { ...m.term, id: 999, startDate: '2026-11-01', endDate: '2030-10-31' } };
    expect(check(members).termsEndingSoon).toEqual([]);
    // A gap before the new term leaves the seat empty for a while: still worth saying.
    members[1] = { ...m, term: { ...m.term, endDate: '2026-10-31' }, nextTerm: { ...m.term, id: 999, startDate: '2026-12-01', endDate: null } };
    expect(check(members).termsEndingSoon).toHaveLength(1);
  });

  it('says a term ending today ends today', () => {
    const members = forum(10, 5);
    members[4] = { ...members[4]!, name: 'Dee', term: { ...members[4]!.term, endDate: TODAY } };
    expect(check(members).problems).toEqual(["Dee's term ends on 01/09/2026, today."]);
  });
});

describe('composition check for other bodies', () => {
  it('only lists terms ending soon, whatever the make-up', () => {
    const members = [person('officer', { role: 'chair', councillorOrOfficer: true }), person('councillor', { end: '2026-10-01', name: 'Cllr Jones' })];
    const c = compositionCheck(members, 'programme_board', TODAY);
    expect(c.problems).toEqual(["Cllr Jones's term ends on 01/10/2026, in 30 days."]);
    expect(c.counts.total).toBe(2);
  });
});
