import { afterEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../../electron/server/demo/load-demo';
import { browserNotFound, findBrowser } from '../../../../electron/server/documents/pdf/browser';
import { publishDemoPacks } from '../../../../electron/server/demo/demo-packs';
import { DomainServer } from '../../../../electron/server/server';
import { DEMO_BOARD_NAME, DEMO_FORUM_NAME, DEMO_NEXT_MEETING, DEMO_PUBLISHED_MEETING } from '../../../../electron/server/demo/demo-meetings';
import { richDocProblem, type RichDoc } from '../../../../electron/shared/rich-doc';
import { renderPaper, snapshotPaper } from '../../../../features/meetings/papers/render';
import { paperShapeIssues } from '../../../../features/meetings/papers/rules';
import type { MeetingDetail } from '../../../../features/meetings/types';
import { runHnb } from '../../../support/cli';
import { dumpTables, tempDir, type TestServer, testServer } from '../../../support/workspace';

/** The demo's "today": a week before the December forum, at P8. */
const now = () => new Date('2026-12-03T12:00:00Z');

let t: TestServer;
afterEach(() => t?.close());

async function demo(): Promise<TestServer> {
  t = await testServer({ demo: true, now });
  return t;
}

async function meetingAt(startsAt: string, body = DEMO_FORUM_NAME): Promise<MeetingDetail> {
  const list = await t.ok('listMeetings', {});
  const m = list.find((x) => x.startsAt === startsAt && x.bodyName === body);
  if (!m) throw new Error(`no ${body} meeting at ${startsAt}`);
  return t.ok('getMeeting', { id: m.id });
}

describe('the demo meetings', () => {
  it('are written in the demo’s one change set', async () => {
    t = await testServer({ now });
    const ws = t.server.workspace!;
    const before = ws.latestChangeSetId();
    loadDemo(ws);
    expect(ws.latestChangeSetId()).toBe(before + 1);
    const tables = t.sqlite
      .prepare('SELECT DISTINCT entity FROM audit_entry WHERE change_set_id = ?')
      .pluck()
      .all(before + 1) as string[];
    expect(tables).toEqual(
      expect.arrayContaining([
        'body',
        'member',
        'member_term',
        'meeting',
        'agenda_item',
        'paper',
        'attendance',
        'vote',
        'declaration',
        'meeting_action',
        'minutes',
      ]),
    );
  });

  it('give a Schools Forum of 20 to 24 members whose only composition problems are the two terms ending soon', async () => {
    await demo();
    const forum = (await t.ok('listBodies', {})).find((b) => b.name === DEMO_FORUM_NAME)!;
    expect(forum.kind).toBe('schools_forum');
    expect(forum.memberCount).toBeGreaterThanOrEqual(20);
    expect(forum.memberCount).toBeLessThanOrEqual(24);
    expect(forum.composition.counts.schools * 3).toBeGreaterThanOrEqual(forum.composition.counts.total * 2);
    expect(forum.composition.problems).toEqual(["Amina Hussain's term ends on 31/01/2027, in 59 days.", "Imran Malik's term ends on 28/02/2027, in 87 days."]);
    expect(forum.quorumText).toBe(`two-fifths of the membership, rounded up (9 of ${forum.memberCount})`);
    expect(forum.papersDeadlineDays).toBe(5);
    expect(forum.clerkEmail).toMatch(/@/);

    const detail = await t.ok('getBody', { id: forum.id });
    const current = detail.members.filter((m) => m.inTermToday);
    const chair = current.find((m) => m.current?.role === 'chair')!;
    expect(chair.councillorOrOfficer).toBe(false);
    expect(chair.organisation).toMatch(/Headteacher/);
    expect(current.filter((m) => m.current?.role === 'vice_chair')).toHaveLength(1);
    expect(current.filter((m) => m.substituteForId !== null).length).toBeGreaterThanOrEqual(2);
    const officer = current.find((m) => m.current?.role === 'officer_in_attendance')!;
    expect(officer.current!.voting).toBe(false);
    const seats = new Set(current.map((m) => m.current!.seatCategory));
    for (const seat of [
      'maintained_primary_head',
      'maintained_secondary_head',
      'academy',
      'special_academy',
      'ap_academy',
      'maintained_special',
      'maintained_nursery',
      'pru',
      'early_years_provider',
      'post16_provider',
      'diocese',
      'union',
    ] as const) {
      expect(seats.has(seat), seat).toBe(true);
    }
  });

  it('hold July’s meeting with votes by constituency, actions and minutes approved in October and locked', async () => {
    await demo();
    const july = await meetingAt('2026-07-09T14:00');
    expect(july.meeting.status).toBe('approved');
    expect(july.quorum.quorate).toBe(true);
    expect(july.attendance.some((a) => a.status === 'substitute' && a.substituteName)).toBe(true);
    expect(july.attendance.some((a) => a.status === 'apologies')).toBe(true);
    const voted = july.items.filter((i) => i.votes.source === 'named');
    expect(voted.map((i) => i.votingConstituency).sort()).toEqual(['maintained_schools', 'whole_forum']);
    for (const i of voted) {
      expect(i.outcome).toBe('carried');
      expect(i.resolution).toMatch(/^RESOLVED that/);
      expect(i.votes.for + i.votes.against + i.votes.abstain).toBe(i.votes.entitled);
    }
    expect(july.declarations.length).toBeGreaterThan(0);
    expect(new Set(july.actions.map((a) => a.status))).toEqual(new Set(['open', 'done']));

    const minutes = await t.ok('getMinutes', { meetingId: july.meeting.id });
    expect(minutes.approved).toBe(true);
    expect(minutes.approvedOn).toBe('2026-10-08');
    const october = await meetingAt(DEMO_PUBLISHED_MEETING);
    expect(minutes.approvedAtMeetingId).toBe(october.meeting.id);
    const refusal = await t.refused('saveMinutes', { meetingId: july.meeting.id, doc: { type: 'doc', content: [] } });
    expect(refusal.code).toBe('LOCKED');
  });

  it('set out December’s agenda with the standing items, the right constituencies and an exempt paragraph 3 item', async () => {
    await demo();
    const dec = await meetingAt(DEMO_NEXT_MEETING);
    expect(dec.meeting.status).toBe('draft');
    const items = dec.items;
    expect(items.slice(0, 4).map((i) => i.standingKind)).toEqual(['apologies', 'declarations', 'minutes', 'matters_arising']);
    const titled = (re: RegExp) => items.find((i) => re.test(i.title))!;

    const monitoring = titled(/High Needs Block monitoring .*period 7/);
    expect(monitoring.paper?.blocks).toBeGreaterThanOrEqual(2);
    const position = titled(/DSG position/);
    expect(position.paper?.blocks).toBeGreaterThanOrEqual(2);

    const primary = titled(/De-delegation.*primary/);
    expect(primary).toMatchObject({ purpose: 'decision', votingConstituency: 'maintained_primary' });
    const secondary = titled(/De-delegation.*secondary/);
    expect(secondary).toMatchObject({ number: `${primary.number}a`, votingConstituency: 'maintained_secondary', subItem: true });
    expect(titled(/Transfer from the Schools Block/)).toMatchObject({ purpose: 'decision', votingConstituency: 'whole_forum' });

    const exempt = items.filter((i) => i.exempt);
    expect(exempt).toHaveLength(1);
    expect(exempt[0]).toMatchObject({ exemptParagraph: 3 });
    expect(exempt[0]!.publicSummary.length).toBeGreaterThan(20);
    expect(exempt[0]!.paper).toMatchObject({ late: true });
    expect(exempt[0]!.paper!.lateReason).not.toBe('');

    expect(dec.attendance.filter((a) => a.status === 'apologies').length).toBeGreaterThanOrEqual(2);
    expect(dec.attendance.some((a) => a.status === 'substitute')).toBe(true);
    expect(dec.declarations.length).toBeGreaterThanOrEqual(2);
    // Matters arising: the open actions of July and October, found by the meetings code, not listed by the demo.
    const fromMeetings = new Set(dec.mattersArising.map((a) => a.meetingDate.slice(0, 10)));
    expect(fromMeetings).toEqual(new Set(['2026-07-09', '2026-10-08']));
    expect(dec.mattersArising.every((a) => a.status === 'open')).toBe(true);
  });

  it('give the SEND Programme Board a meeting whose paper is a council report', async () => {
    await demo();
    const board = (await t.ok('listBodies', {})).find((b) => b.name === DEMO_BOARD_NAME)!;
    expect(board.kind).toBe('programme_board');
    expect(board.paperTemplate.kind).toBe('council');
    expect(board.memberCount).toBeGreaterThanOrEqual(5);
    const meetings = await t.ok('listMeetings', { bodyId: board.id });
    expect(meetings).toHaveLength(1);
    const detail = await t.ok('getMeeting', { id: meetings[0]!.id });
    const withPaper = detail.items.find((i) => i.paper)!;
    const paper = (await t.ok('getPaper', { itemId: withPaper.id }))!;
    expect(paper.template.kind).toBe('council');
    expect(paper.header).toMatchObject({ key_decision: 'yes', wards_affected: 'All', forward_plan_ref: expect.stringMatching(/^FP\/\d{6}$/) });
    for (const key of ['report_of', 'report_to', 'contact_officers']) expect(paper.header[key], key).not.toBe('');
    for (const key of [
      'summary',
      'summary_recommendations',
      'purpose',
      'background',
      'main_issues',
      'consultation',
      'equality',
      'legal',
      'risk',
      'conclusions',
    ]) {
      expect(paper.sections[key]?.content.length, key).toBeGreaterThan(0);
    }
  });

  it('hold papers that fit their templates, and every live block renders without a problem', async () => {
    await demo();
    const ws = t.server.workspace!;
    const papers = t.sqlite
      .prepare('SELECT p.item_id AS itemId, p.header, p.sections, i.title FROM paper p JOIN agenda_item i ON i.id = p.item_id')
      .all() as Array<{
      itemId: number;
      header: string;
      sections: string;
      title: string;
    }>;
    expect(papers.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set<string>();
    for (const row of papers) {
      const snap = snapshotPaper(ws, row.itemId)!;
      expect(paperShapeIssues(snap.template, JSON.parse(row.header), JSON.parse(row.sections)), row.title).toEqual([]);
      for (const [key, doc] of Object.entries(JSON.parse(row.sections) as Record<string, RichDoc>))
        expect(richDocProblem(doc), `${row.title}: ${key}`).toBeNull();
      const rendered = renderPaper(snap, ws.money(), { number: '1', title: row.title });
      expect(rendered.problems, row.title).toEqual([]);
      for (const b of Object.values(snap.blocks)) kinds.add(b.kind);
    }
    expect([...kinds].sort()).toEqual(['figure', 'monitoring-movement', 'monitoring-table', 'plan-chart', 'plan-table', 'position-chart', 'position-table']);
  });

  it('quote the forecast overspend at P7 inline, as `hnb summary` gives it', async () => {
    await demo();
    const ws = t.server.workspace!;
    const dec = await meetingAt(DEMO_NEXT_MEETING);
    const item = dec.items.find((i) => /monitoring .*period 7/.test(i.title))!;
    const snap = snapshotPaper(ws, item.id)!;
    const html = renderPaper(snap, ws.money(), { number: item.number, title: item.title }).html;
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    expect(html).toContain(`forecast overspend on the High Needs Block is <span class="live-figure">${ws.money().format(summary.variancePence)}</span>`);
  });
});

describe('hnb on a demo workspace', () => {
  it('lists the demo’s bodies and meetings', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const init = await runHnb(dir, ['init', '--demo', '--json']);
      expect(init.code, init.err).toBe(0);
      const made = JSON.parse(init.out) as { demoPacks: Array<{ version: number; pages: number }>; demoNote: string | null };
      if (findBrowser()) {
        expect(made.demoNote).toBeNull();
        expect(made.demoPacks).toEqual([{ meetingId: expect.any(Number), version: 1, pages: expect.any(Number) }]);
      } else {
        expect(made.demoPacks).toEqual([]);
        expect(made.demoNote).toMatch(/was not published: .*browser/);
      }
      const bodies = await runHnb(dir, ['bodies', '--json']);
      expect(bodies.code, bodies.err).toBe(0);
      const listed = JSON.parse(bodies.out) as Array<{ name: string; kind: string; members: number; compositionProblems: string[] }>;
      expect(listed.map((b) => [b.name, b.kind])).toEqual([
        [DEMO_FORUM_NAME, 'schools_forum'],
        [DEMO_BOARD_NAME, 'programme_board'],
      ]);
      expect(listed[0]!.members).toBe(22);

      const meetings = await runHnb(dir, ['meetings', '--json']);
      expect(meetings.code, meetings.err).toBe(0);
      const all = JSON.parse(meetings.out) as Array<{
        body: string;
        date: string;
        status: string;
        items: Array<{ number: string; exempt: boolean; votingConstituency: string }>;
      }>;
      expect(all.map((m) => [m.body, m.date])).toEqual([
        [DEMO_FORUM_NAME, '2026-07-09T14:00'],
        [DEMO_FORUM_NAME, DEMO_PUBLISHED_MEETING],
        [DEMO_FORUM_NAME, DEMO_NEXT_MEETING],
        [DEMO_BOARD_NAME, '2026-12-15T10:00'],
      ]);
      expect(all.map((m) => m.status)).toEqual(['approved', 'held', 'draft', 'draft']);
      const dec = all[2]!;
      expect(dec.items.find((i) => i.exempt)).toMatchObject({ number: '11' });
      expect(dec.items.map((i) => i.votingConstituency)).toContain('maintained_primary');
    } finally {
      cleanup();
    }
  });
});

describe('the demo’s published pack', () => {
  it('is skipped with a note, and nothing written, when no browser can lay the PDF out', async () => {
    const { dir, cleanup } = tempDir();
    const server = new DomainServer({
      dataDir: dir,
      user: 'test.user',
      now,
      logError: () => undefined,
      pdfEngine: () => ({
        name: 'none',
        render: () => Promise.reject(browserNotFound({}, 'linux')),
        close: () => Promise.resolve(),
      }),
    });
    try {
      await server.openDefault();
      loadDemo(server.workspace!);
      const sqlite = server.workspace!.opened.sqlite;
      const before = dumpTables(sqlite);
      const result = await publishDemoPacks(server);
      expect(result.published).toEqual([]);
      expect(result.note).toMatch(/^The pack for the Schools Forum on 8 October 2026 was not published: The PDF could not be made: no Chromium-family browser/);
      expect(result.note).toMatch(/hnb publish --meeting \d+\.$/);
      expect(dumpTables(sqlite)).toEqual(before);
    } finally {
      server.close();
      cleanup();
    }
  });
});
