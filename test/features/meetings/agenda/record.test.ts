import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../../../features/meetings/types';
import type { AttendanceStatus } from '../../../../features/meetings/words';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { type ForumFixture, makeForum, NOW } from './fixture';

let t: TestServer;
let f: ForumFixture;
let d: MeetingDetail;
let m: number;
beforeEach(async () => {
  t = await testServer({ now: NOW });
  f = await makeForum(t);
  d = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-12-10T14:00' });
  m = d.meeting.id;
});
afterEach(() => t.close());

async function refusedUnchanged(channel: string, input: unknown) {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(e.details?.issues?.length).toBeGreaterThan(0);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e;
}

const attend = (first: string, status: AttendanceStatus | null, substitute?: string) =>
  t.ok('setAttendance', { meetingId: m, memberId: f.id[first]!, status, ...(substitute ? { substituteId: f.id[substitute]! } : {}) });

const addItem = async (title: string, votingConstituency: string) =>
  (await t.ok('saveAgendaItem', { meetingId: m, title, purpose: 'decision', votingConstituency, exempt: false })).items.at(-1)!;

const vote = (itemId: number, votes: Array<[string, 'for' | 'against' | 'abstain']>) =>
  ({ mode: 'named', itemId, votes: votes.map(([first, choice]) => ({ memberId: f.id[first]!, choice })) }) as const;

describe('attendance and the quorum', () => {
  it('lists the members in term on the meeting date, with named substitutes offered and never listed themselves', async () => {
    const names = d.attendance.map((a) => a.name);
    expect(names).toContain('Mo Moss');
    expect(names).not.toContain('Sam Sub');
    expect(names).not.toContain('Pat Past');
    expect(names[0]).toBe('Ann Archer');
    expect(d.attendance.find((a) => a.name === 'Ben Baker')!.substitutes).toEqual([{ id: f.id.Sam, name: 'Sam Sub' }]);
    expect(d.attendance.find((a) => a.name === 'Mo Moss')!.voting).toBe(false);
  });

  it('works out the quorum live: two-fifths of the 12 voting members rounded up is 5; substitutes count, observers and officers do not', async () => {
    expect(d.quorum).toMatchObject({ required: 5, present: 0, quorate: false });
    await attend('Ann', 'present');
    await attend('Cara', 'present');
    await attend('Dan', 'present');
    await attend('Mo', 'present');
    await attend('Ned', 'present');
    let r = await attend('Ben', 'apologies');
    expect(r.quorum).toMatchObject({ required: 5, present: 3, quorate: false });
    await attend('Eve', 'present');
    r = await attend('Ben', 'substitute', 'Sam');
    expect(r.quorum).toEqual({
      required: 5,
      present: 5,
      quorate: true,
      text: 'Quorate: 5 of 12 voting members present; the quorum is two-fifths of the membership, rounded up (5 of 12).',
    });
    r = await attend('Eve', null);
    expect(r.quorum.present).toBe(4);
    expect(r.attendance.find((a) => a.name === 'Eve Ellis')!.status).toBeNull();
  });

  it('counts the membership on the meeting date: a member whose term has ended is not in it', async () => {
    const early = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2025-06-12T14:00' });
    // In June 2025 only Pat's term was running.
    expect(early.attendance.map((a) => a.name)).toEqual(['Pat Past']);
    expect(early.quorum).toMatchObject({ required: 1, present: 0 });
  });

  it('uses the body’s own rule: a board quorate with a fixed three members', async () => {
    const board = await makeForum(t, 'SEND Programme Board', [
      ['Una Up', 'officer', 'chair', true],
      ['Vic Vale', 'other', 'member', true],
      ['Wyn West', 'other', 'member', true],
      ['Xan Xu', 'other', 'member', true],
    ]);
    await t.ok('saveBody', {
      id: board.bodyId,
      name: 'SEND Programme Board',
      kind: 'programme_board',
      quorumKind: 'fixed',
      quorumFixed: 3,
      papersDeadlineDays: 3,
    });
    const bm = await t.ok('saveMeeting', { bodyId: board.bodyId, startsAt: '2026-12-11T10:00' });
    for (const p of ['Una', 'Vic']) await t.ok('setAttendance', { meetingId: bm.meeting.id, memberId: board.id[p]!, status: 'present' });
    let r = await t.ok('getMeeting', { id: bm.meeting.id });
    expect(r.quorum).toMatchObject({ required: 3, present: 2, quorate: false });
    r = await t.ok('setAttendance', { meetingId: bm.meeting.id, memberId: board.id.Wyn!, status: 'present' });
    expect(r.quorum.text).toBe('Quorate: 3 of 4 voting members present; the quorum is 3 members present.');
  });

  it('refuses a substitute who is not the member’s named substitute, a substitute without a name, and a substitute recorded as a member', async () => {
    let e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Ann, status: 'substitute', substituteId: f.id.Sam });
    expect(e.message).toBe("Sam Sub is not a named substitute for Ann Archer on the meeting date: name them as Ann Archer's substitute under Bodies first.");
    e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Ben, status: 'substitute' });
    expect(e.message).toBe('Say which substitute came for Ben Baker (Sam Sub).');
    e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Sam, status: 'present' });
    expect(e.message).toBe(`Sam Sub is a named substitute for Ben Baker: record Ben Baker's attendance as "substitute attended", naming Sam Sub.`);
    e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Ben, status: 'present', substituteId: f.id.Sam });
    expect(e.details?.issues?.[0]?.field).toBe('substituteId');
  });

  it('refuses attendance for someone out of term, or of another body', async () => {
    let e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Pat, status: 'present' });
    expect(e.message).toBe(
      "Pat Past's term does not cover the meeting on 10 December 2026 at 14:00, so their attendance cannot be recorded. Check their term under Bodies.",
    );
    const other = await makeForum(t, 'Other Forum', [['Zed Zane', 'academy', 'member', true]]);
    e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: other.id.Zed!, status: 'present' });
    expect(e.message).toMatch(/^Zed Zane is not a member of this meeting's body/);
  });
});

describe('votes by constituency', () => {
  beforeEach(async () => {
    for (const p of ['Ann', 'Cara', 'Dan', 'Eve', 'Fay', 'Hal', 'Jon', 'Mo']) await attend(p, 'present');
    await attend('Ben', 'substitute', 'Sam');
    await attend('Gus', 'apologies');
  });

  it('records named votes from present entitled members, a substitute voting in the member’s place', async () => {
    const x = await addItem('De-delegation: primary', 'maintained_primary');
    const r = await t.ok(
      'recordVotes',
      vote(x.id, [
        ['Ann', 'for'],
        ['Sam', 'against'],
        ['Cara', 'abstain'],
      ]),
    );
    const v = r.items.at(-1)!.votes;
    expect(v).toMatchObject({ for: 1, against: 1, abstain: 1, entitled: 3, source: 'named' });
    expect(v.named).toEqual([
      { memberId: f.id.Ann, name: 'Ann Archer', choice: 'for', castBy: null },
      { memberId: f.id.Ben, name: 'Ben Baker', choice: 'against', castBy: 'Sam Sub' },
      { memberId: f.id.Cara, name: 'Cara Cole', choice: 'abstain', castBy: null },
    ]);
    // The page lists exactly these to vote: the member a substitute stands for, not the substitute.
    expect([...v.entitledMemberIds].sort()).toEqual([f.id.Ann, f.id.Ben, f.id.Cara].sort());
  });

  it('counts who is entitled on each constituency', async () => {
    const entitled: Record<string, number> = {};
    for (const c of ['whole_forum', 'schools_and_academies', 'maintained_primary', 'maintained_secondary', 'maintained_schools', 'none']) {
      entitled[c] = (await addItem(c, c)).votes.entitled;
    }
    // Present: Ann, Cara (primary heads), Ben by Sam (primary governor), Dan, Eve (secondary), Fay (academy), Hal (special),
    // Jon (early years), Mo (observer, not voting). Gus sent apologies.
    expect(entitled).toEqual({
      whole_forum: 8,
      schools_and_academies: 7,
      maintained_primary: 3,
      maintained_secondary: 2,
      maintained_schools: 6,
      none: 0,
    });
  });

  it('refuses a vote by a member not present, naming them, the item and the rule', async () => {
    const x = await addItem('Scheme for financing schools', 'maintained_schools');
    const e = await refusedUnchanged('recordVotes', vote(x.id, [['Ivy', 'for']]));
    expect(e.message).toBe(
      'Ivy Irwin cannot vote on item 5 (Scheme for financing schools): they are not recorded as present, nor represented by a substitute.',
    );
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'votes', rule: 'voter must be present' });
  });

  it('refuses a vote by a member not entitled on the item', async () => {
    const x = await addItem('De-delegation: secondary', 'maintained_secondary');
    const e = await refusedUnchanged('recordVotes', vote(x.id, [['Ann', 'for']]));
    expect(e.message).toBe(
      'Ann Archer cannot vote on item 5 (De-delegation: secondary): they sit as maintained primary head and only maintained secondary members vote on it.',
    );
    const y = await addItem('Growth fund', 'whole_forum');
    const o = await refusedUnchanged('recordVotes', vote(y.id, [['Mo', 'for']]));
    expect(o.message).toBe('Mo Moss cannot vote on item 6 (Growth fund): they are not a voting member.');
    const z = await addItem('Early years formula', 'schools_and_academies');
    const n = await refusedUnchanged('recordVotes', vote(z.id, [['Jon', 'for']]));
    expect(n.details?.issues?.[0]?.rule).toBe('voter must be entitled');
  });

  it('refuses a member voting twice, the member and their substitute both, and lists every problem', async () => {
    const x = await addItem('De-delegation: primary', 'maintained_primary');
    let e = await refusedUnchanged(
      'recordVotes',
      vote(x.id, [
        ['Ann', 'for'],
        ['Ann', 'against'],
      ]),
    );
    expect(e.message).toBe('Ann Archer votes more than once on item 5 (De-delegation: primary): record one vote for each member.');
    e = await refusedUnchanged(
      'recordVotes',
      vote(x.id, [
        ['Ben', 'for'],
        ['Sam', 'for'],
        ['Dan', 'for'],
      ]),
    );
    expect(e.message).toMatch(/^2 votes on item 5 \(De-delegation: primary\) cannot be recorded: Ben Baker votes more than once .*; Dan Dale cannot vote/);
    expect(e.details?.issues).toHaveLength(2);
  });

  it('refuses counts above the entitled members present, in words', async () => {
    const x = await addItem('De-delegation: primary', 'maintained_primary');
    const e = await refusedUnchanged('recordVotes', { mode: 'counts', itemId: x.id, for: 2, against: 1, abstain: 1 });
    expect(e.message).toBe(
      'On item 5 (De-delegation: primary), 4 votes recorded but only 3 maintained primary members are present. Check the count, or the attendance.',
    );
    const r = await t.ok('recordVotes', { mode: 'counts', itemId: x.id, for: 2, against: 1, abstain: 0 });
    expect(r.items.at(-1)!.votes).toMatchObject({ for: 2, against: 1, abstain: 0, entitled: 3, source: 'counts', named: [] });
  });

  it('refuses votes on an item nobody votes on', async () => {
    const x = await addItem('DSG monitoring', 'none');
    const e = await refusedUnchanged('recordVotes', { mode: 'counts', itemId: x.id, for: 1, against: 0, abstain: 0 });
    expect(e.message).toBe('Nobody votes on item 5 (DSG monitoring): its voting constituency is none. Set who votes on the item first.');
    await refusedUnchanged('recordVotes', vote(x.id, [['Ann', 'for']]));
  });

  it('replaces named votes with counts and back, and clears them', async () => {
    const x = await addItem('Growth fund', 'whole_forum');
    await t.ok('recordVotes', vote(x.id, [['Ann', 'for']]));
    let r = await t.ok('recordVotes', { mode: 'counts', itemId: x.id, for: 6, against: 2, abstain: 0 });
    expect(r.items.at(-1)!.votes).toMatchObject({ source: 'counts', for: 6, named: [] });
    r = await t.ok(
      'recordVotes',
      vote(x.id, [
        ['Ann', 'against'],
        ['Jon', 'for'],
      ]),
    );
    expect(r.items.at(-1)!.votes).toMatchObject({ source: 'named', for: 1, against: 1 });
    r = await t.ok('recordVotes', { mode: 'clear', itemId: x.id });
    expect(r.items.at(-1)!.votes).toMatchObject({ source: 'none', for: 0, against: 0, abstain: 0 });
  });

  it('refuses attendance that would leave a recorded vote standing against the rules, with the way out', async () => {
    const x = await addItem('De-delegation: primary', 'maintained_primary');
    await t.ok('recordVotes', vote(x.id, [['Ann', 'for']]));
    const e = await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Ann, status: 'absent' });
    expect(e.message).toBe(
      'Recording Ann Archer as absent would leave votes that no longer stand: Ann Archer voted on item 5 (De-delegation: primary), but they are not recorded as present, nor represented by a substitute. Clear or correct those votes first, then change the attendance.',
    );
    // Counts too: three entitled members present, three votes counted.
    const y = await addItem('De-delegation: primary (second line)', 'maintained_primary');
    await t.ok('recordVotes', { mode: 'counts', itemId: y.id, for: 3, against: 0, abstain: 0 });
    await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Cara, status: null });
    // A substitute changing to the member in person keeps the vote standing.
    await t.ok('recordVotes', { mode: 'clear', itemId: y.id });
    await t.ok('recordVotes', vote(x.id, [['Sam', 'for']]));
    const r = await attend('Ben', 'present');
    expect(r.items.find((i) => i.id === x.id)!.votes.named[0]).toMatchObject({ name: 'Ben Baker', castBy: null });
  });

  it('refuses a change of constituency that would leave recorded votes standing against the rules', async () => {
    const x = await addItem('De-delegation', 'maintained_primary');
    await t.ok('recordVotes', vote(x.id, [['Ann', 'for']]));
    const e = await refusedUnchanged('saveAgendaItem', {
      id: x.id,
      meetingId: m,
      title: 'De-delegation',
      purpose: 'decision',
      votingConstituency: 'maintained_secondary',
      exempt: false,
    });
    expect(e.message).toMatch(
      /^Changing who votes on item 5 \(De-delegation\) would leave votes that no longer stand .*Clear the votes on item 5 \(De-delegation\) first/,
    );
    // Widening it keeps the votes valid.
    await t.ok('saveAgendaItem', {
      id: x.id,
      meetingId: m,
      title: 'De-delegation',
      purpose: 'decision',
      votingConstituency: 'maintained_schools',
      exempt: false,
    });
  });
});

describe('resolutions, declarations and actions', () => {
  it('records a resolution and its outcome', async () => {
    const x = await addItem('Growth fund', 'whole_forum');
    const r = await t.ok('setResolution', { itemId: x.id, resolution: '  RESOLVED that the growth fund be set at £1.2m.  ', outcome: 'carried' });
    expect(r.items.at(-1)).toMatchObject({ resolution: 'RESOLVED that the growth fund be set at £1.2m.', outcome: 'carried' });
  });

  it('records declarations per member and item, and deletes them', async () => {
    const x = await addItem('Growth fund', 'whole_forum');
    let r = await t.ok('saveDeclaration', { meetingId: m, memberId: f.id.Fay, itemId: x.id, interest: 'Her academy is growing' });
    r = await t.ok('saveDeclaration', { meetingId: m, memberId: f.id.Sam, interest: 'Governor at a school in the growth area' });
    expect(r.declarations.map((x) => [x.memberName, x.itemNumber, x.interest])).toEqual([
      ['Fay Ford', '5', 'Her academy is growing'],
      ['Sam Sub', null, 'Governor at a school in the growth area'],
    ]);
    r = await t.ok('saveDeclaration', { id: r.declarations[1]!.id, meetingId: m, memberId: f.id.Sam, itemId: x.id, interest: 'Governor at a growing school' });
    expect(r.declarations[1]).toMatchObject({ itemNumber: '5', interest: 'Governor at a growing school' });
    r = await t.ok('deleteDeclaration', { id: r.declarations[0]!.id });
    expect(r.declarations).toHaveLength(1);
    const other = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2027-02-04T10:00' });
    await refusedUnchanged('saveDeclaration', { meetingId: m, memberId: f.id.Fay, itemId: other.items[0]!.id, interest: 'x' });
    await refusedUnchanged('saveDeclaration', { meetingId: m, memberId: 999, interest: 'x' });
    await refusedUnchanged('deleteDeclaration', { id: 999 });
  });

  it('saves actions with owner, due date and status, and returns the action', async () => {
    const x = await addItem('High Needs monitoring', 'none');
    const a = await t.ok('saveAction', {
      meetingId: m,
      itemId: x.id,
      description: 'Bring the P9 forecast',
      owner: 'Head of SEND finance',
      dueDate: '2027-02-04',
    });
    expect(a).toEqual({
      id: a.id,
      meetingId: m,
      meetingDate: '2026-12-10T14:00',
      itemId: x.id,
      itemNumber: '5',
      description: 'Bring the P9 forecast',
      owner: 'Head of SEND finance',
      dueDate: '2027-02-04',
      status: 'open',
      statusNote: '',
    });
    const done = await t.ok('saveAction', {
      id: a.id,
      meetingId: m,
      description: 'Bring the P9 forecast',
      owner: 'Head of SEND finance',
      status: 'done',
      statusNote: 'Reported in February',
    });
    expect(done).toMatchObject({ status: 'done', statusNote: 'Reported in February', itemId: x.id, dueDate: '2027-02-04' });
    expect((await t.ok('getMeeting', { id: m })).actions).toEqual([done]);
    await refusedUnchanged('saveAction', { id: 999, meetingId: m, description: 'x', owner: 'y' });
    await refusedUnchanged('saveAction', { meetingId: m, description: ' ', owner: 'y' });
  });

  it('shows the open actions of the body’s earlier meetings as the next meeting’s matters arising, live', async () => {
    const a1 = await t.ok('saveAction', { meetingId: m, description: 'Circulate the SEN audit', owner: 'Clerk', dueDate: '2027-01-15' });
    const a2 = await t.ok('saveAction', { meetingId: m, description: 'Model the block transfer', owner: 'Finance lead' });
    const next = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2027-02-04T10:00' });
    expect(next.mattersArising.map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect(next.mattersArising[0]).toMatchObject({ meetingDate: '2026-12-10T14:00', owner: 'Clerk', dueDate: '2027-01-15' });
    // Not copied: closing an action takes it off, and the meeting where it was raised does not list it.
    await t.ok('saveAction', { id: a1.id, meetingId: m, description: 'Circulate the SEN audit', owner: 'Clerk', status: 'done' });
    expect((await t.ok('getMeeting', { id: next.meeting.id })).mattersArising.map((a) => a.id)).toEqual([a2.id]);
    expect((await t.ok('getMeeting', { id: m })).mattersArising).toEqual([]);
    // Another body's actions are not this body's matters arising.
    const board = await t.ok('saveBody', { name: 'Board', kind: 'programme_board', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 3 });
    const bm = await t.ok('saveMeeting', { bodyId: board.id, startsAt: '2027-03-01T10:00' });
    expect(bm.mattersArising).toEqual([]);
    expect(next.items.map((i) => i.standingKind)).toContain('matters_arising');
  });
});

describe('papers on the agenda', () => {
  it('summarises an item’s paper: its title from the header, its live blocks and appendices', async () => {
    const x = await addItem('High Needs monitoring', 'none');
    const sections = {
      purpose: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'The forecast is ' },
              { type: 'liveFigure', attrs: { kind: 'figure' } },
            ],
          },
        ],
      },
      supporting: { type: 'doc', content: [{ type: 'liveBlock', attrs: { kind: 'monitoring-table' } }] },
    };
    t.sqlite
      .prepare(
        `INSERT INTO paper (item_id, template, header, sections, added_at, late, late_reason) VALUES (?, 'forum', ?, ?, '2026-12-05T10:00:00Z', 1, 'Figures came late')`,
      )
      .run(x.id, JSON.stringify({ title: 'High Needs budget monitoring at P7' }), JSON.stringify(sections));
    const p = (await t.ok('getMeeting', { id: m })).items.at(-1)!.paper;
    expect(p).toMatchObject({
      template: 'forum',
      title: 'High Needs budget monitoring at P7',
      late: true,
      lateReason: 'Figures came late',
      appendices: 0,
      blocks: 2,
    });
  });
});
