import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { type ForumFixture, makeForum, NOW } from './fixture';

let t: TestServer;
let f: ForumFixture;
beforeEach(async () => {
  t = await testServer({ now: NOW });
  f = await makeForum(t);
});
afterEach(() => t.close());

const newMeeting = (startsAt = '2026-12-10T14:00', bodyId = f.bodyId) => t.ok('saveMeeting', { bodyId, startsAt, venue: 'Civic Centre' });

/** Refused, with a sentence and issues, and nothing written. */
async function refusedUnchanged(channel: string, input: unknown) {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(e.message.length).toBeGreaterThan(10);
  expect(e.details?.issues?.length).toBeGreaterThan(0);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e;
}

const item = (meetingId: number, title: string, over: Record<string, unknown> = {}) =>
  t.ok('saveAgendaItem', { meetingId, title, purpose: 'decision', votingConstituency: 'whole_forum', exempt: false, ...over });

describe('a new meeting', () => {
  it('starts in draft with its body’s standing items in order, numbered, and its papers deadline', async () => {
    const d = await newMeeting();
    expect(d.meeting).toMatchObject({ bodyName: 'Schools Forum', startsAt: '2026-12-10T14:00', venue: 'Civic Centre', status: 'draft', itemCount: 4 });
    expect(d.items.map((i) => [i.number, i.title, i.standingKind, i.position])).toEqual([
      ['1', 'Apologies', 'apologies', 0],
      ['2', 'Declarations of interest', 'declarations', 1],
      ['3', 'Minutes of the last meeting', 'minutes', 2],
      ['4', 'Matters arising and the action log', 'matters_arising', 3],
    ]);
    // Thursday 10 December: five clear working days before are 3, 4, 7, 8 and 9 December, so papers go out by the 2nd.
    expect(d.meeting.papersDeadline).toBe('2026-12-02');
  });

  it('takes the body’s own standing items when it has changed them', async () => {
    await t.ok('saveBody', {
      id: f.bodyId,
      name: 'Schools Forum',
      kind: 'schools_forum',
      quorumKind: 'fraction',
      papersDeadlineDays: 5,
      standingItems: [
        { kind: 'minutes', title: 'Minutes', purpose: 'decision' },
        { kind: null, title: 'Work programme', purpose: 'information' },
      ],
    });
    const d = await newMeeting();
    expect(d.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Minutes', '2 Work programme']);
  });

  it('lists meetings by date, of one body when asked', async () => {
    const board = await t.ok('saveBody', { name: 'SEND Programme Board', kind: 'programme_board', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 3 });
    await newMeeting('2027-02-04T10:00');
    await newMeeting('2026-12-10T14:00');
    await newMeeting('2027-01-12T09:30', board.id);
    expect((await t.ok('listMeetings', {})).map((m) => m.startsAt)).toEqual(['2026-12-10T14:00', '2027-01-12T09:30', '2027-02-04T10:00']);
    expect((await t.ok('listMeetings', { bodyId: board.id })).map((m) => m.bodyName)).toEqual(['SEND Programme Board']);
    await refusedUnchanged('listMeetings', { bodyId: 999 });
  });

  it('refuses a second meeting of the same body at the same time, and a missing body', async () => {
    await newMeeting();
    const e = await refusedUnchanged('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-12-10T14:00' });
    expect(e.message).toBe('Schools Forum already has a meeting on 10 December 2026 at 14:00. Choose another time, or open that meeting.');
    await refusedUnchanged('saveMeeting', { bodyId: 999, startsAt: '2026-12-11T14:00' });
    await refusedUnchanged('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-02-30T14:00' });
  });

  it('edits a meeting’s time and venue, but never moves it to another body', async () => {
    const d = await newMeeting();
    const e = await t.ok('saveMeeting', {
      id: d.meeting.id,
      bodyId: f.bodyId,
      startsAt: '2026-12-11T10:00',
      venue: 'Online',
      onlineLink: 'https://meet.example/forum',
    });
    expect(e.meeting).toMatchObject({ startsAt: '2026-12-11T10:00', venue: 'Online', onlineLink: 'https://meet.example/forum' });
    const board = await t.ok('saveBody', { name: 'Board', kind: 'programme_board', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 3 });
    await refusedUnchanged('saveMeeting', { id: d.meeting.id, bodyId: board.id, startsAt: '2026-12-11T10:00' });
  });
});

describe('meeting status', () => {
  it('moves draft → published → held, once the day has come', async () => {
    const d = await newMeeting();
    expect((await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'published' })).meeting.status).toBe('published');
    expect((await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'held' })).meeting.status).toBe('held');
  });

  it('refuses held before the meeting’s day, and draft → held, with a sentence', async () => {
    const future = await newMeeting('2027-03-10T14:00');
    let e = await refusedUnchanged('setMeetingStatus', { id: future.meeting.id, status: 'held' });
    expect(e.message).toBe('Mark the papers for the meeting on 10 March 2027 at 14:00 as published before marking the meeting held.');
    await t.ok('setMeetingStatus', { id: future.meeting.id, status: 'published' });
    e = await refusedUnchanged('setMeetingStatus', { id: future.meeting.id, status: 'held' });
    expect(e.message).toBe('The meeting on 10 March 2027 at 14:00 has not happened yet: mark it held on or after that day.');
  });

  it('refuses approved through a status change: only approving the minutes does that', async () => {
    const d = await newMeeting();
    await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'published' });
    await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'held' });
    const e = await refusedUnchanged('setMeetingStatus', { id: d.meeting.id, status: 'approved' });
    expect(e.message).toMatch(/^Minutes are approved at a later meeting/);
  });

  it('cancels with a reason, and then nothing on it changes', async () => {
    const d = await newMeeting();
    const e = await refusedUnchanged('setMeetingStatus', { id: d.meeting.id, status: 'cancelled' });
    expect(e.details?.issues?.[0]?.field).toBe('reason');
    const c = await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'cancelled', reason: 'Not enough business' });
    expect(c.meeting).toMatchObject({ status: 'cancelled', statusReason: 'Not enough business' });
    await refusedUnchanged('setMeetingStatus', { id: d.meeting.id, status: 'draft' });
    const add = await refusedUnchanged('saveAgendaItem', {
      meetingId: d.meeting.id,
      title: 'Growth fund',
      purpose: 'decision',
      votingConstituency: 'whole_forum',
      exempt: false,
    });
    expect(add.message).toBe('The meeting on 10 December 2026 at 14:00 was cancelled, so its agenda cannot change.');
    await refusedUnchanged('moveAgendaItem', { id: d.items[0]!.id, toPosition: 2 });
    await refusedUnchanged('deleteAgendaItem', { id: d.items[0]!.id });
    await refusedUnchanged('setAttendance', { meetingId: d.meeting.id, memberId: f.id.Ann, status: 'present' });
  });
});

describe('the agenda', () => {
  it('adds items at the end or at a place, numbering sub-items under the item above', async () => {
    const d = await newMeeting();
    const m = d.meeting.id;
    await item(m, 'High Needs monitoring');
    await item(m, 'De-delegation: primary', { subItem: true, votingConstituency: 'maintained_primary' });
    await item(m, 'De-delegation: secondary', { subItem: true, votingConstituency: 'maintained_secondary' });
    const r = await item(m, 'Urgent item', { position: 0 });
    expect(r.items.map((i) => `${i.number} ${i.title}`)).toEqual([
      '1 Urgent item',
      '2 Apologies',
      '3 Declarations of interest',
      '4 Minutes of the last meeting',
      '5 Matters arising and the action log',
      '6 High Needs monitoring',
      '6a De-delegation: primary',
      '6b De-delegation: secondary',
    ]);
    expect(r.items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('moves an item densely and can make it a sub-item or a main item', async () => {
    const d = await newMeeting();
    const m = d.meeting.id;
    const a = (await item(m, 'DSG monitoring')).items.at(-1)!;
    await item(m, 'High Needs monitoring');
    let r = await t.ok('moveAgendaItem', { id: a.id, toPosition: 0 });
    expect(r.items.map((i) => i.title)).toEqual([
      'DSG monitoring',
      'Apologies',
      'Declarations of interest',
      'Minutes of the last meeting',
      'Matters arising and the action log',
      'High Needs monitoring',
    ]);
    expect(r.items.map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5]);
    // A first item marked as a sub-item is still item 1.
    r = await t.ok('moveAgendaItem', { id: a.id, toPosition: 0, subItem: true });
    expect(r.items[0]!.number).toBe('1');
    r = await t.ok('moveAgendaItem', { id: a.id, toPosition: 99 });
    expect(r.items.map((i) => `${i.number} ${i.title}`).slice(-2)).toEqual(['5 High Needs monitoring', '5a DSG monitoring']);
    r = await t.ok('moveAgendaItem', { id: a.id, toPosition: 5, subItem: false });
    expect(r.items.at(-1)!.number).toBe('6');
  });

  it('needs a Schedule 12A paragraph and a public summary for an exempt item', async () => {
    const d = await newMeeting();
    const m = d.meeting.id;
    const base = { meetingId: m, title: 'SEN transport contract', purpose: 'decision', votingConstituency: 'none' };
    let e = await refusedUnchanged('saveAgendaItem', { ...base, exempt: true });
    expect(e.details?.issues?.map((i) => i.field)).toEqual(['exemptParagraph', 'publicSummary']);
    e = await refusedUnchanged('saveAgendaItem', { ...base, exempt: true, exemptParagraph: 3 });
    expect(e.message).toBe('An exempt item needs a public summary line: the public agenda shows it in place of the paper.');
    e = await refusedUnchanged('saveAgendaItem', { ...base, exempt: true, exemptParagraph: 8, publicSummary: 'A contract award' });
    expect(e.details?.issues?.[0]?.field).toBe('exemptParagraph');
    e = await refusedUnchanged('saveAgendaItem', { ...base, exempt: false, exemptParagraph: 3 });
    expect(e.message).toBe('Only an exempt item carries a Schedule 12A paragraph: mark the item exempt, or clear paragraph 3.');
    const ok = await t.ok('saveAgendaItem', { ...base, exempt: true, exemptParagraph: 3, publicSummary: 'Award of the SEN transport contract' });
    const x = ok.items.at(-1)!;
    expect(x).toMatchObject({ exempt: true, exemptParagraph: 3, publicSummary: 'Award of the SEN transport contract' });
    // Unticking exempt clears the paragraph with it.
    const plain = await t.ok('saveAgendaItem', { ...base, id: x.id, exempt: false });
    expect(plain.items.at(-1)).toMatchObject({ exempt: false, exemptParagraph: null });
  });

  it('still changes the agenda once papers are published (a re-issue follows) and after the meeting is held', async () => {
    const d = await newMeeting();
    await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'published' });
    let r = await item(d.meeting.id, 'Late item');
    expect(r.items.at(-1)!.number).toBe('5');
    await t.ok('setMeetingStatus', { id: d.meeting.id, status: 'held' });
    r = await t.ok('moveAgendaItem', { id: r.items.at(-1)!.id, toPosition: 0 });
    expect(r.items[0]!.title).toBe('Late item');
  });

  it('refuses to change an item from another meeting through this one', async () => {
    const a = await newMeeting();
    const b = await newMeeting('2027-02-04T10:00');
    await refusedUnchanged('saveAgendaItem', {
      id: a.items[0]!.id,
      meetingId: b.meeting.id,
      title: 'X',
      purpose: 'information',
      votingConstituency: 'none',
      exempt: false,
    });
  });

  it('deletes an item and closes the gap, keeping its actions in the log', async () => {
    const d = await newMeeting();
    const gone = d.items[1]!;
    const action = await t.ok('saveAction', { meetingId: d.meeting.id, itemId: gone.id, description: 'Circulate the register', owner: 'Clerk' });
    const r = await t.ok('deleteAgendaItem', { id: gone.id });
    expect(r.items.map((i) => [i.number, i.position])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
    ]);
    expect(r.actions).toEqual([expect.objectContaining({ id: action.id, itemId: null, itemNumber: null })]);
    // Undo puts it back where it was, with its action.
    await t.ok('undo', {});
    const back = await t.ok('getMeeting', { id: d.meeting.id });
    expect(back.items.map((i) => i.title)).toEqual(d.items.map((i) => i.title));
    expect(back.actions[0]!.itemId).toBe(gone.id);
  });

  it('refuses to delete an item with votes, a declaration or a paper, saying which', async () => {
    const d = await newMeeting();
    const m = d.meeting.id;
    const x = (await item(m, 'Central spend')).items.at(-1)!;
    await t.ok('setAttendance', { meetingId: m, memberId: f.id.Ann, status: 'present' });
    await t.ok('recordVotes', { mode: 'named', itemId: x.id, votes: [{ memberId: f.id.Ann, choice: 'for' }] });
    await t.ok('saveDeclaration', { meetingId: m, memberId: f.id.Ann, itemId: x.id, interest: 'Her school receives the funding' });
    const e = await refusedUnchanged('deleteAgendaItem', { id: x.id });
    expect(e.message).toBe(
      'Item 5 (Central spend) cannot be deleted: it has 1 vote recorded (clear the votes first); 1 declaration of interest is recorded against it (move or delete them first).',
    );
    expect(e.details?.issues).toHaveLength(2);
    // A paper (written here directly: papers are another part's calls).
    const y = (await item(m, 'Growth fund')).items.at(-1)!;
    t.sqlite
      .prepare(
        `INSERT INTO paper (item_id, template, header, sections, added_at) VALUES (?, 'forum', '{"title":"Growth fund 2027-28"}', '{}', '2026-11-20T10:00:00Z')`,
      )
      .run(y.id);
    const p = await refusedUnchanged('deleteAgendaItem', { id: y.id });
    expect(p.message).toBe('Item 6 (Growth fund) cannot be deleted: it has a paper (delete the paper first).');
  });
});
