import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { membersOnDate } from '../../../../features/meetings/bodies/queries';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { addForum, addMember, now, seatForum } from './fixtures';

let t: TestServer;
let forum: number;
beforeEach(async () => {
  t = await testServer({ now });
  forum = await addForum(t);
});
afterEach(() => t.close());

const ws = () => t.server.workspace!;

/** A held meeting with one attendance row, written directly: the meetings handlers are not this part's. */
function attendedMeeting(date: string, memberId: number, status = 'present'): number {
  const meeting = t.sqlite.prepare(`INSERT INTO meeting (body_id, starts_at, status) VALUES (?, ?, 'held')`).run(forum, `${date}T14:00`).lastInsertRowid;
  t.sqlite.prepare('INSERT INTO attendance (meeting_id, member_id, status) VALUES (?, ?, ?)').run(meeting, memberId, status);
  return Number(meeting);
}

describe('members and the composition check', () => {
  it('counts members in term today, not observers or substitutes, and works out the quorum from them', async () => {
    const ids = await seatForum(t, forum, 16, 8);
    await addMember(t, forum, { name: 'Olive Observer', seat: 'officer', role: 'observer', voting: false });
    await addMember(t, forum, { name: 'Sid Sub', seat: 'diocese', substituteForId: ids[20]! });
    await addMember(t, forum, { name: 'Ex Member', end: '2026-08-31' });
    const { body, members } = await t.ok('getBody', { id: forum });
    expect(body.memberCount).toBe(24);
    expect(body.quorumText).toBe('two-fifths of the membership, rounded up (10 of 24)');
    expect(body.composition.problems).toEqual([]);
    expect(body.composition.counts).toEqual({ total: 24, schools: 16, nonSchools: 8, other: 0, voting: 24 });
    expect(members[0]!.current!.role).toBe('chair');
    const sub = members.find((m) => m.name === 'Sid Sub')!;
    expect(sub.substituteForName).toBe(members.find((m) => m.id === ids[20])!.name);
    expect(members.at(-1)).toMatchObject({ name: 'Ex Member', inTermToday: false });
    expect(membersOnDate(ws(), forum, '2026-09-01').map((m) => m.name)).toContain('Sid Sub');
    expect(membersOnDate(ws(), forum, '2026-09-01').map((m) => m.name)).not.toContain('Ex Member');
  });

  it('saves a non-schools member who tips the forum over a third, and warns why it is only a warning', async () => {
    await seatForum(t, forum, 14, 7);
    const saved = await addMember(t, forum, { name: 'Una Union', seat: 'union' });
    expect(saved.member.name).toBe('Una Union');
    expect(saved.warnings).toEqual([
      'Schools and academies members are 14 of 22, fewer than two-thirds (15). The member is saved: a forum can be out of balance between elections, so this is a warning, not a refusal. Rebalance the seats at the next elections.',
      'Non-schools members are 8 of 22, more than a third (7). The member is saved: a forum can be out of balance between elections, so this is a warning, not a refusal. Rebalance the seats at the next elections.',
    ]);
    const { body } = await t.ok('getBody', { id: forum });
    expect(body.composition.problems).toContain('Non-schools members are 8 of 22, more than a third (7).');
    // A schools member added now helps, so brings no warning of its own; a ninth non-schools member makes both sides worse.
    expect((await addMember(t, forum, { seat: 'academy' })).warnings).toEqual([]);
    const ninth = await addMember(t, forum, { seat: 'post16_provider' });
    expect(ninth.warnings.map((w) => w.split('.')[0])).toEqual([
      'Schools and academies members are 15 of 24, fewer than two-thirds (16)',
      'Non-schools members are 9 of 24, more than a third (8)',
    ]);
  });

  it('warns about a councillor chair, judged on the day a future term starts', async () => {
    await seatForum(t, forum, 12, 3);
    const chair = await addMember(t, forum, { name: 'Cllr Amos', seat: 'councillor', role: 'chair', councillorOrOfficer: true, start: '2026-10-01' });
    expect(chair.warnings).toEqual([
      'The chair, Cllr Amos, is a councillor or officer of the authority, who may not chair a Schools Forum; the forum should elect another chair (from 01/10/2026). The member is saved: a forum can be out of balance between elections, so this is a warning, not a refusal.',
    ]);
  });

  it('gives no forum warnings on another body', async () => {
    const board = (await t.ok('saveBody', { name: 'Cabinet', kind: 'cabinet', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 5 })).id;
    expect((await addMember(t, board, { seat: 'councillor', role: 'chair', councillorOrOfficer: true })).warnings).toEqual([]);
  });

  it('lets a substitute stand in only for a member of the same body who is not a substitute', async () => {
    const [a, b] = await seatForum(t, forum, 2, 0);
    const sub = (await addMember(t, forum, { name: 'Sue Sub', substituteForId: a })).member;
    const other = (await t.ok('saveBody', { name: 'Cabinet', kind: 'cabinet', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 5 })).id;
    const outsider = (await addMember(t, other, { name: 'Cllr Out' })).member;
    const before = dumpTables(t.sqlite);
    const ofSub = await t.refused('saveMember', {
      bodyId: forum,
      name: 'Sam Sub',
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2025-01-01',
      termEnd: null,
      substituteForId: sub.id,
    });
    expect(ofSub.message).toBe(
      'Sue Sub is a substitute, so nobody can be named as their substitute; name the member they stand in for instead. Nothing was saved.',
    );
    const elsewhere = await t.refused('saveMember', {
      bodyId: forum,
      name: 'Sam Sub',
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2025-01-01',
      termEnd: null,
      substituteForId: outsider.id,
    });
    expect(elsewhere.message).toBe('A substitute must stand in for a member of Schools Forum; choose one from its members. Nothing was saved.');
    const missing = await t.refused('saveMember', {
      bodyId: forum,
      name: 'Sam Sub',
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2025-01-01',
      termEnd: null,
      substituteForId: 999,
    });
    expect(missing.details?.issues?.[0]?.field).toBe('substituteForId');
    const self = await t.refused('saveMember', {
      id: b,
      bodyId: forum,
      name: 'Member B',
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2024-09-01',
      termEnd: null,
      substituteForId: b,
    });
    expect(self.message).toBe('A member cannot be their own substitute. Nothing was saved.');
    const hasSubs = await t.refused('saveMember', {
      id: a,
      bodyId: forum,
      name: 'Member A',
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2024-09-01',
      termEnd: null,
      substituteForId: b,
    });
    expect(hasSubs.message).toContain('Sue Sub is named as this member');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('refuses a term that ends before it starts, a duplicate name, and a member moved to another body, writing nothing', async () => {
    const [a] = await seatForum(t, forum, 1, 0);
    const other = (await t.ok('saveBody', { name: 'Cabinet', kind: 'cabinet', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 5 })).id;
    const before = dumpTables(t.sqlite);
    const backwards = await t.refused('saveMember', {
      bodyId: forum,
      name: 'New',
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2026-09-01',
      termEnd: '2026-08-31',
    });
    expect(backwards.message).toBe('The term cannot end (31/08/2026) before it starts (01/09/2026). Nothing was saved.');
    expect(backwards.details?.issues?.[0]?.field).toBe('termEnd');
    const name = (await t.ok('getBody', { id: forum })).members[0]!.name;
    const dup = await t.refused('saveMember', {
      bodyId: forum,
      name: name.toUpperCase(),
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2026-09-01',
      termEnd: null,
    });
    expect(dup.code).toBe('DUPLICATE');
    const moved = await t.refused('saveMember', {
      id: a,
      bodyId: other,
      name,
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2026-09-01',
      termEnd: null,
    });
    expect(moved.message).toContain('add them there as a new member');
    const term = await t.refused('addMemberTerm', {
      memberId: a,
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2030-01-01',
      termEnd: '2029-01-01',
    });
    expect(term.code).toBe('INVALID_INPUT');
    expect(
      (await t.refused('addMemberTerm', { memberId: 999, seatCategory: 'academy', role: 'member', voting: true, termStart: '2030-01-01', termEnd: null })).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await t.refused('saveMember', {
          bodyId: forum,
          name: 'X',
          seatCategory: 'headteacher',
          role: 'member',
          voting: true,
          termStart: '2026-09-01',
          termEnd: null,
        })
      ).code,
    ).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('terms and history', () => {
  it('keeps both terms of a re-appointed member, and an old meeting still shows the old seat', async () => {
    const first = await addMember(t, forum, { name: 'Pat Head', seat: 'maintained_primary_head', role: 'vice_chair', start: '2022-09-01', end: null });
    const id = first.member.id;
    const oldMeeting = attendedMeeting('2025-03-12', id);

    // Re-appointed in another seat: the open-ended term must end first, and the refusal says how.
    const before = dumpTables(t.sqlite);
    const overlap = await t.refused('addMemberTerm', {
      memberId: id,
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2026-09-01',
      termEnd: '2030-08-31',
    });
    expect(overlap.message).toBe(
      'Pat Head already has a term from 01/09/2022 to no end date, which overlaps 01/09/2026 to 31/08/2030. End that term first (edit the member and give the day before the new term starts as its end), then add the new term. Nothing was saved.',
    );
    expect(dumpTables(t.sqlite)).toEqual(before);

    await t.ok('saveMember', {
      id,
      bodyId: forum,
      name: 'Pat Head',
      seatCategory: 'maintained_primary_head',
      role: 'vice_chair',
      voting: true,
      termStart: '2022-09-01',
      termEnd: '2026-08-31',
    });
    const again = await t.ok('addMemberTerm', {
      memberId: id,
      seatCategory: 'academy',
      role: 'member',
      voting: true,
      termStart: '2026-09-01',
      termEnd: '2030-08-31',
    });
    expect(again.member.terms.map((x) => [x.seatCategory, x.startDate, x.endDate])).toEqual([
      ['maintained_primary_head', '2022-09-01', '2026-08-31'],
      ['academy', '2026-09-01', '2030-08-31'],
    ]);
    expect(again.member.current).toMatchObject({ seatCategory: 'academy', role: 'member' });
    expect(again.member.inTermToday).toBe(true);

    // On the old meeting's day, the member sat in their old seat.
    const meetingDate = t.sqlite.prepare('SELECT substr(starts_at, 1, 10) FROM meeting WHERE id = ?').pluck().get(oldMeeting) as string;
    expect(membersOnDate(ws(), forum, meetingDate).find((m) => m.id === id)!.term).toMatchObject({
      seatCategory: 'maintained_primary_head',
      role: 'vice_chair',
    });
    expect(membersOnDate(ws(), forum, '2026-09-01').find((m) => m.id === id)!.term).toMatchObject({ seatCategory: 'academy', role: 'member' });

    // Editing the member now changes the term in force, not the old one.
    await t.ok('saveMember', {
      id,
      bodyId: forum,
      name: 'Pat Head',
      seatCategory: 'academy',
      role: 'chair',
      voting: true,
      termStart: '2026-09-01',
      termEnd: '2030-08-31',
    });
    const terms = (await t.ok('getBody', { id: forum })).members.find((m) => m.id === id)!.terms;
    expect(terms.map((x) => x.role)).toEqual(['vice_chair', 'chair']);

    // A new term overlapping the old one is refused too.
    expect(
      (
        await t.refused('addMemberTerm', {
          memberId: id,
          seatCategory: 'academy',
          role: 'member',
          voting: true,
          termStart: '2026-01-01',
          termEnd: '2026-03-31',
        })
      ).message,
    ).toContain('already has a term from 01/09/2022 to 31/08/2026');
    // A term before them both is fine.
    const earlier = await t.ok('addMemberTerm', {
      memberId: id,
      seatCategory: 'maintained_primary_governor',
      role: 'member',
      voting: true,
      termStart: '2019-09-01',
      termEnd: '2022-08-31',
    });
    expect(earlier.member.terms).toHaveLength(3);
    expect(earlier.member.current!.seatCategory).toBe('academy');
  });

  it('shows the member history with their terms, in words', async () => {
    const m = (await addMember(t, forum, { name: 'Gail Gov', seat: 'maintained_primary_governor', start: '2023-09-01', end: '2026-08-31' })).member;
    await t.ok('addMemberTerm', {
      memberId: m.id,
      seatCategory: 'maintained_secondary_governor',
      role: 'member',
      voting: true,
      termStart: '2026-09-01',
      termEnd: null,
    });
    const history = await t.ok('getHistory', { subject: `member:${m.id}` });
    const seats = history.filter((h) => h.what === 'Seat').map((h) => h.newText);
    expect(seats).toEqual(['Maintained secondary governor', 'Maintained primary governor']);
    expect(history.find((h) => h.what === 'Term starts')?.newText).toBe('1 September 2026');
    expect(history.find((h) => h.what === 'Name')?.newText).toBe('Gail Gov');
  });

  it('deletes a member with no meeting record, terms and all, and undo brings them back', async () => {
    const m = (await addMember(t, forum, { name: 'Short Stay' })).member;
    await t.ok('addMemberTerm', { memberId: m.id, seatCategory: 'academy', role: 'member', voting: true, termStart: '2029-01-01', termEnd: null });
    const before = dumpTables(t.sqlite);
    expect(await t.ok('deleteMember', { id: m.id })).toEqual({ deleted: m.id });
    expect((await t.ok('getBody', { id: forum })).members).toEqual([]);
    expect(t.sqlite.prepare('SELECT count(*) FROM member_term').pluck().get()).toBe(0);
    await t.ok('undo', {});
    const restored = dumpTables(t.sqlite);
    expect(restored.member).toEqual(before.member);
    expect(restored.member_term).toEqual(before.member_term);
  });

  it('refuses to delete a member with attendance, votes, declarations or substitutes, and says to end the term instead', async () => {
    const [attended, voted, declared, substituted] = await seatForum(t, forum, 4, 0);
    const meeting = attendedMeeting('2026-06-10', attended!);
    const item = t.sqlite
      .prepare(`INSERT INTO agenda_item (meeting_id, position, title, purpose) VALUES (?, 0, 'Budget', 'decision')`)
      .run(meeting).lastInsertRowid;
    t.sqlite.prepare(`INSERT INTO vote (item_id, member_id, choice) VALUES (?, ?, 'for')`).run(item, voted);
    t.sqlite.prepare(`INSERT INTO declaration (meeting_id, member_id, interest) VALUES (?, ?, 'Governor of a school named in item 5')`).run(meeting, declared);
    await addMember(t, forum, { name: 'Stand In', substituteForId: substituted });
    const before = dumpTables(t.sqlite);
    const names = (await t.ok('getBody', { id: forum })).members;
    const nameOf = (id: number) => names.find((m) => m.id === id)!.name;
    expect((await t.refused('deleteMember', { id: attended })).message).toBe(
      `${nameOf(attended!)} has attendance recorded at meetings, which the minutes rely on, so they cannot be deleted. End their term instead (edit the member and give an end date). Nothing was changed.`,
    );
    expect((await t.refused('deleteMember', { id: voted })).message).toContain('has votes recorded');
    expect((await t.refused('deleteMember', { id: declared })).message).toContain('has declarations of interest recorded');
    expect((await t.refused('deleteMember', { id: substituted })).message).toBe(
      `Stand In is named as ${nameOf(substituted!)}'s substitute. Delete them or name them for another member first. Nothing was changed.`,
    );
    expect((await t.refused('deleteMember', { id: 999 })).code).toBe('NOT_FOUND');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
