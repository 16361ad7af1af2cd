import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { richDocProblem, richText } from '../../../../electron/shared/rich-doc';
import type { MeetingDetail } from '../../../../features/meetings/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { type ForumFixture, makeForum, NOW } from './fixture';

let t: TestServer;
let f: ForumFixture;
let d: MeetingDetail;
let m: number;

beforeEach(async () => {
  t = await testServer({ now: NOW });
  f = await makeForum(t);
  d = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-10-08T14:00', venue: 'Civic Centre, Committee Room 2' });
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

async function recordTheMeeting() {
  for (const p of ['Ann', 'Cara', 'Dan', 'Eve', 'Fay', 'Ned']) await t.ok('setAttendance', { meetingId: m, memberId: f.id[p]!, status: 'present' });
  await t.ok('setAttendance', { meetingId: m, memberId: f.id.Ben!, status: 'substitute', substituteId: f.id.Sam! });
  await t.ok('setAttendance', { meetingId: m, memberId: f.id.Gus!, status: 'apologies' });
  await t.ok('setAttendance', { meetingId: m, memberId: f.id.Kim!, status: 'absent' });
  const r = await t.ok('saveAgendaItem', {
    meetingId: m,
    title: 'De-delegation 2027-28: primary',
    purpose: 'decision',
    votingConstituency: 'maintained_primary',
    exempt: false,
  });
  const item = r.items.at(-1)!;
  await t.ok('recordVotes', {
    mode: 'named',
    itemId: item.id,
    votes: [
      { memberId: f.id.Ann!, choice: 'for' },
      { memberId: f.id.Cara!, choice: 'for' },
      { memberId: f.id.Sam!, choice: 'against' },
    ],
  });
  await t.ok('setResolution', { itemId: item.id, resolution: 'the de-delegated services continue in 2027-28 at the rates in appendix A.', outcome: 'carried' });
  await t.ok('saveDeclaration', { meetingId: m, memberId: f.id.Ann!, itemId: item.id, interest: 'Head of a school buying the service' });
  await t.ok('saveAction', {
    meetingId: m,
    itemId: item.id,
    description: 'Tell primary schools the rates',
    owner: 'Schools funding officer',
    dueDate: '2026-11-30',
  });
  return item;
}

const held = async (id = m) => {
  await t.ok('setMeetingStatus', { id, status: 'published' });
  await t.ok('setMeetingStatus', { id, status: 'held' });
};

describe('draft minutes', () => {
  it('are built from the record as a document the editor accepts', async () => {
    await recordTheMeeting();
    const mins = await t.ok('getMinutes', { meetingId: m });
    expect(mins).toMatchObject({ generated: true, approved: false, approvedOn: null, approvedAtMeetingId: null });
    expect(richDocProblem(mins.doc)).toBeNull();
    const words = richText(mins.doc);
    expect(words).toContain('Minutes of the meeting held on 8 October 2026 at 14:00, Civic Centre, Committee Room 2.');
    expect(words).toContain('Present: Ann Archer (Archer School, maintained primary head), Cara Cole (Cole School, maintained primary head),');
    expect(words).toContain('Substitutes: Sam Sub for Ben Baker.');
    expect(words).toContain('In attendance: Ned North (North School).');
    expect(words).toContain('Apologies: Gus Gray.');
    expect(words).toContain('Absent: Kim King.');
    expect(words).toContain('Quorate: 6 of 12 voting members present; the quorum is two-fifths of the membership, rounded up (5 of 12).');
    expect(words).toContain('Apologies were received from Gus Gray.');
    expect(words).toContain('Ann Archer (item 5): Head of a school buying the service');
    expect(words).toContain('5. De-delegation 2027-28: primary');
    expect(words).toContain('RESOLVED that the de-delegated services continue in 2027-28 at the rates in appendix A.');
    expect(words).toContain('Vote (maintained primary members): 2 for, 1 against, 0 abstaining.');
    expect(words).toContain('For: Ann Archer and Cara Cole. Against: Ben Baker (by Sam Sub, substitute).');
    expect(words).toContain('Outcome: Carried.');
    expect(words).toContain('Tell primary schools the rates Owner: Schools funding officer, by 30 November 2026.');
    expect(words).toContain('Tell primary schools the rates Owner: Schools funding officer, by 30 November 2026. (item 5)');
  });

  it('show matters arising from the earlier meeting and an exempt item’s paragraph', async () => {
    await t.ok('saveAction', { meetingId: m, description: 'Report on SEN transport', owner: 'Head of SEND', dueDate: '2026-12-01' });
    const next = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-12-10T14:00' });
    await t.ok('saveAgendaItem', {
      meetingId: next.meeting.id,
      title: 'SEN transport contract',
      purpose: 'decision',
      votingConstituency: 'whole_forum',
      exempt: true,
      exemptParagraph: 3,
      publicSummary: 'Award of the SEN transport contract',
    });
    const words = richText((await t.ok('getMinutes', { meetingId: next.meeting.id })).doc);
    expect(words).toContain('Report on SEN transport Owner: Head of SEND, by 1 December 2026. (from the meeting on 8 October 2026)');
    expect(words).toContain('NOT FOR PUBLICATION – Schedule 12A paragraph 3');
    expect(words).toContain('Public summary: Award of the SEN transport contract');
    expect(words).toContain('No apologies were received.');
  });

  it('are saved as edited, and refused when the document holds something the editor does not make', async () => {
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Edited minutes' }] }] };
    const saved = await t.ok('saveMinutes', { meetingId: m, doc });
    expect(saved).toMatchObject({ doc, generated: false, approved: false });
    expect(await t.ok('getMinutes', { meetingId: m })).toMatchObject({ doc, generated: false });
    await refusedUnchanged('saveMinutes', { meetingId: m, doc: { type: 'doc', content: [{ type: 'image', attrs: { src: 'https://evil.example/x.png' } }] } });
    await refusedUnchanged('saveMinutes', {
      meetingId: m,
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
      },
    });
  });
});

describe('approving minutes', () => {
  let next: MeetingDetail;
  let minutesItem: number;
  beforeEach(async () => {
    next = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-12-10T14:00' });
    minutesItem = next.items.find((i) => i.standingKind === 'minutes')!.id;
  });

  it('at a later meeting’s minutes item: sets the approval, locks the minutes and moves the meeting to approved', async () => {
    await recordTheMeeting();
    await held();
    await t.ok('saveMinutes', { meetingId: m, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Final minutes' }] }] } });
    const a = await t.ok('approveMinutes', { meetingId: m, atItemId: minutesItem });
    expect(a).toMatchObject({ approved: true, approvedOn: '2026-12-10', approvedAtMeetingId: next.meeting.id, generated: false });
    const detail = await t.ok('getMeeting', { id: m });
    expect(detail.meeting.status).toBe('approved');
    expect(detail.minutesApproved).toBe(true);
    const lock = t.sqlite.prepare(`SELECT locked, reason FROM lock WHERE entity = 'minutes' AND entity_id = ?`).get(String(m));
    expect(lock).toEqual({ locked: 1, reason: 'Approved at item 3 (Minutes of the last meeting) of the meeting on 10 December 2026 at 14:00' });
    // The next meeting's minutes item says so in its own draft.
    expect(richText((await t.ok('getMinutes', { meetingId: next.meeting.id })).doc)).toContain(
      'The minutes of the meeting on 8 October 2026 were approved as a correct record.',
    );
  });

  it('then refuses every change to them and their record, undo included', async () => {
    const item = await recordTheMeeting();
    await held();
    await t.ok('saveMinutes', { meetingId: m, doc: (await t.ok('getMinutes', { meetingId: m })).doc });
    await t.ok('approveMinutes', { meetingId: m, atItemId: minutesItem });
    const e = await refusedUnchanged('saveMinutes', { meetingId: m, doc: { type: 'doc', content: [] } });
    expect(e.code).toBe('LOCKED');
    expect(e.message).toBe('These minutes have been approved, so they cannot change. Record a correction in the minutes of a later meeting.');
    await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: minutesItem });
    await refusedUnchanged('recordVotes', { mode: 'clear', itemId: item.id });
    await refusedUnchanged('setAttendance', { meetingId: m, memberId: f.id.Ann!, status: 'absent' });
    await refusedUnchanged('setResolution', { itemId: item.id, resolution: 'changed', outcome: null });
    await refusedUnchanged('saveAgendaItem', {
      id: item.id,
      meetingId: m,
      title: 'Changed',
      purpose: 'decision',
      votingConstituency: 'maintained_primary',
      exempt: false,
    });
    await refusedUnchanged('setMeetingStatus', { id: m, status: 'held' });
    // Undoing the last edit before the approval would change approved minutes: refused.
    expect(await t.ok('getUndoState', {})).toMatchObject({ canUndo: false, blockedBy: 'the minutes are approved' });
    expect((await refusedUnchanged('undo', {})).code).toBe('LOCKED');
    // The approved text is what was on record at approval: the draft, frozen.
    const frozen = await t.ok('getMinutes', { meetingId: m });
    expect(frozen.generated).toBe(false);
    expect(richText(frozen.doc)).toContain('RESOLVED that the de-delegated services');
    // An action raised there can still be closed at a later meeting.
    const action = (await t.ok('getMeeting', { id: m })).actions[0]!;
    expect(await t.ok('saveAction', { id: action.id, meetingId: m, description: action.description, owner: action.owner, status: 'done' })).toMatchObject({
      status: 'done',
    });
  });

  it('locks the record the minutes were approved from: undoing an earlier vote is refused', async () => {
    const item = await recordTheMeeting();
    await held();
    await t.ok('recordVotes', { mode: 'counts', itemId: item.id, for: 3, against: 0, abstain: 0 });
    await t.ok('approveMinutes', { meetingId: m, atItemId: minutesItem });
    expect(await t.ok('getUndoState', {})).toMatchObject({ canUndo: false, blockedBy: 'the minutes are approved' });
    await refusedUnchanged('undo', {});
  });

  it('refuses an item that is not a minutes item, of another body, of an earlier meeting, or of a meeting yet to come', async () => {
    await held();
    let e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: next.items[0]!.id });
    expect(e.message).toBe(
      'Minutes are approved at a "minutes of the last meeting" item: item 1 (Apologies) of the meeting on 10 December 2026 at 14:00 is not one. Choose that meeting\'s minutes item.',
    );
    const board = await t.ok('saveBody', { name: 'SEND Programme Board', kind: 'programme_board', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 3 });
    const bm = await t.ok('saveMeeting', { bodyId: board.id, startsAt: '2026-12-11T10:00' });
    e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: bm.items.find((i) => i.standingKind === 'minutes')!.id });
    expect(e.message).toMatch(
      /^Minutes are approved by the body that met: item 3 \(Minutes of the last meeting\) is on the agenda of SEND Programme Board, not Schools Forum\.$/,
    );
    const earlier = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2026-07-01T14:00' });
    e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: earlier.items.find((i) => i.standingKind === 'minutes')!.id });
    expect(e.message).toMatch(/^Minutes are approved at a later meeting/);
    e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: d.items.find((i) => i.standingKind === 'minutes')!.id });
    expect(e.details?.issues?.[0]?.rule).toBe('approved at a later meeting');
    const future = await t.ok('saveMeeting', { bodyId: f.bodyId, startsAt: '2027-02-04T10:00' });
    e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: future.items.find((i) => i.standingKind === 'minutes')!.id });
    expect(e.message).toBe('The meeting on 4 February 2027 at 10:00 has not happened yet: record the approval on or after that day.');
  });

  it('refuses minutes of a meeting not yet held, or cancelled', async () => {
    let e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: minutesItem });
    expect(e.message).toBe('The meeting on 8 October 2026 at 14:00 has not been marked held: mark it held before approving its minutes.');
    await t.ok('setMeetingStatus', { id: m, status: 'cancelled', reason: 'Inquorate' });
    e = await refusedUnchanged('approveMinutes', { meetingId: m, atItemId: minutesItem });
    expect(e.message).toBe('The meeting on 8 October 2026 at 14:00 was cancelled, so it has no minutes to approve.');
    await refusedUnchanged('saveMinutes', { meetingId: m, doc: { type: 'doc', content: [] } });
  });

  it('keeps the item where minutes were approved on the agenda', async () => {
    await held();
    await t.ok('approveMinutes', { meetingId: m, atItemId: minutesItem });
    const e = await refusedUnchanged('deleteAgendaItem', { id: minutesItem });
    expect(e.message).toBe('Item 3 (Minutes of the last meeting) cannot be deleted: earlier minutes were approved at it.');
  });
});
