import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainServer } from '../../../../electron/server/server';
import type { Envelope } from '../../../../electron/shared/errors';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { type TestServer, tempDir } from '../../../support/workspace';
import { makeForum, NOW } from './fixture';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hnb-cli-')));
afterEach(() => cleanup());

const hnb = (...argv: string[]) => runHnb(dir, argv);

/** Fills the default workspace in `dir` through the server, as the window would. */
async function seed(): Promise<{ forumId: number; boardId: number; meetingIds: number[] }> {
  const server = new DomainServer({ dataDir: dir, user: 'test.user', now: NOW, logError: () => undefined });
  await server.openDefault();
  const call = async (channel: string, input: unknown) => {
    const r = (await server.call(channel as never, input)) as Envelope<never>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as never;
  };
  const t = { ok: call } as unknown as TestServer;
  try {
    const f = await makeForum(t);
    const board = (await call('saveBody', {
      name: 'SEND Programme Board',
      kind: 'programme_board',
      quorumKind: 'fixed',
      quorumFixed: 3,
      papersDeadlineDays: 3,
    })) as {
      id: number;
    };
    const a = (await call('saveMeeting', { bodyId: f.bodyId, startsAt: '2027-01-14T14:00', venue: 'Civic Centre' })) as { meeting: { id: number } };
    await call('saveAgendaItem', {
      meetingId: a.meeting.id,
      title: 'De-delegation',
      purpose: 'decision',
      votingConstituency: 'maintained_schools',
      exempt: false,
    });
    await call('saveAgendaItem', {
      meetingId: a.meeting.id,
      title: 'De-delegation: primary',
      purpose: 'decision',
      votingConstituency: 'maintained_primary',
      exempt: false,
      subItem: true,
    });
    await call('saveAgendaItem', {
      meetingId: a.meeting.id,
      title: 'SEN transport contract',
      purpose: 'consultation',
      votingConstituency: 'whole_forum',
      exempt: true,
      exemptParagraph: 3,
      publicSummary: 'Award of the SEN transport contract',
    });
    const b = (await call('saveMeeting', { bodyId: board.id, startsAt: '2026-12-10T10:00' })) as { meeting: { id: number } };
    await call('setMeetingStatus', { id: b.meeting.id, status: 'cancelled', reason: 'Moved to January' });
    return { forumId: f.bodyId, boardId: board.id, meetingIds: [a.meeting.id, b.meeting.id] };
  } finally {
    server.close();
  }
}

describe('hnb meetings', () => {
  it('lists meetings with their numbered agendas as JSON', async () => {
    const s = await seed();
    const r = await hnb('meetings', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out);
    expect(list).toEqual([
      { id: s.meetingIds[1], body: 'SEND Programme Board', date: '2026-12-10T10:00', status: 'cancelled', items: expect.any(Array) },
      {
        id: s.meetingIds[0],
        body: 'Schools Forum',
        date: '2027-01-14T14:00',
        status: 'draft',
        items: [
          { number: '1', title: 'Apologies', purpose: 'information', exempt: false, votingConstituency: 'none' },
          { number: '2', title: 'Declarations of interest', purpose: 'information', exempt: false, votingConstituency: 'none' },
          { number: '3', title: 'Minutes of the last meeting', purpose: 'decision', exempt: false, votingConstituency: 'none' },
          { number: '4', title: 'Matters arising and the action log', purpose: 'information', exempt: false, votingConstituency: 'none' },
          { number: '5', title: 'De-delegation', purpose: 'decision', exempt: false, votingConstituency: 'maintained_schools' },
          { number: '5a', title: 'De-delegation: primary', purpose: 'decision', exempt: false, votingConstituency: 'maintained_primary' },
          { number: '6', title: 'SEN transport contract', purpose: 'consultation', exempt: true, votingConstituency: 'whole_forum' },
        ],
      },
    ]);
  });

  it('lists one body’s meetings with --body, and refuses a body that is not there with exit code 2', async () => {
    const s = await seed();
    const r = await hnb('meetings', '--body', String(s.boardId), '--json');
    expect(JSON.parse(r.out).map((m: { body: string }) => m.body)).toEqual(['SEND Programme Board']);
    const before = workspaceSnapshot(dir);
    const missing = await hnb('meetings', '--body', '999', '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.message).toMatch(/^There is no body with id 999/);
    const bad = await hnb('meetings', '--body', 'forum');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--body must be a body\'s id (a whole number), not "forum"');
    expect(workspaceSnapshot(dir)).toEqual(before);
  });

  it('prints a readable list without --json', async () => {
    const s = await seed();
    const r = await hnb('meetings', '--body', String(s.forumId));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Schools Forum: 14 January 2027 at 14:00, Civic Centre (id ${s.meetingIds[0]})`);
    expect(r.out).toContain('Draft; papers by 06/01/2027');
    expect(r.out).toMatch(/ {6}5a {2}De-delegation: primary {2}\(decision\) {2}vote: maintained primary members/);
    expect(r.out).toContain('6   SEN transport contract  (consultation)  vote: whole forum  [exempt, paragraph 3]');
  });

  it('says when there are no meetings', async () => {
    await hnb('init');
    const r = await hnb('meetings');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No meetings yet.');
    expect(JSON.parse((await hnb('meetings', '--json')).out)).toEqual([]);
  });
});
