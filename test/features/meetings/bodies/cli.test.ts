import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainServer } from '../../../../electron/server/server';
import { londonDate } from '../../../../electron/shared/dates';
import type { Envelope } from '../../../../electron/shared/errors';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { tempDir } from '../../../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hnb-bodies-cli-')));
afterEach(() => cleanup());

const hnb = (...argv: string[]) => runHnb(dir, argv);

/** Sets up bodies in the default workspace the command line reads, through the same server the app uses. */
async function withServer(fn: (call: (channel: string, input: unknown) => Promise<unknown>) => Promise<void>): Promise<void> {
  const server = new DomainServer({ dataDir: dir, user: 'test.user', logError: () => undefined });
  await server.openDefault();
  try {
    await fn(async (channel, input) => {
      const r = (await server.call(channel as never, input)) as Envelope<unknown>;
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
      return r.value;
    });
  } finally {
    server.close();
  }
}

describe('hnb bodies', () => {
  it('lists each body with its members today and what the composition check finds', async () => {
    expect((await hnb('init')).code).toBe(0);
    await withServer(async (call) => {
      const forum = (await call('saveBody', { name: 'Schools Forum', kind: 'schools_forum', quorumKind: 'fraction', papersDeadlineDays: 5 })) as { id: number };
      const board = (await call('saveBody', {
        name: 'SEND Programme Board',
        kind: 'programme_board',
        quorumKind: 'fixed',
        quorumFixed: 3,
        papersDeadlineDays: 3,
      })) as {
        id: number;
      };
      for (let i = 0; i < 8; i++) {
        const seat = i < 5 ? 'academy' : 'union';
        await call('saveMember', {
          bodyId: forum.id,
          name: `Forum member ${i + 1}`,
          seatCategory: seat,
          role: i === 0 ? 'chair' : 'member',
          voting: true,
          termStart: '2020-01-01',
          termEnd: null,
        });
      }
      await call('saveMember', {
        bodyId: board.id,
        name: 'Director of Children’s Services',
        seatCategory: 'officer',
        role: 'chair',
        voting: true,
        termStart: '2020-01-01',
        termEnd: null,
      });
    });
    const before = workspaceSnapshot(dir);

    const json = await hnb('bodies', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual([
      {
        id: 1,
        name: 'Schools Forum',
        kind: 'schools_forum',
        members: 8,
        compositionProblems: [
          'The forum has 8 members; it needs at least 15.',
          'Schools and academies members are 5 of 8, fewer than two-thirds (6).',
          'Non-schools members are 3 of 8, more than a third (2).',
        ],
      },
      { id: 2, name: 'SEND Programme Board', kind: 'programme_board', members: 1, compositionProblems: [] },
    ]);

    const text = await hnb('bodies');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Schools Forum');
    expect(text.out).toMatch(/Schools Forum\s+Schools Forum\s+8/);
    expect(text.out).toContain('Quorum: two-fifths of the membership, rounded up (4 of 8).');
    expect(text.out).toContain('- Non-schools members are 3 of 8, more than a third (2).');
    expect(text.out).toMatch(/SEND Programme Board\s+SEND programme board\s+1/);
    expect(text.out).toContain('No composition problems.');
    // Reading writes nothing.
    expect(workspaceSnapshot(dir)).toEqual(before);
  });

  it('lists a term ending soon, counted from today in London', async () => {
    expect((await hnb('init')).code).toBe(0);
    const today = londonDate(new Date());
    const end = new Date(`${today}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 30);
    const endDate = end.toISOString().slice(0, 10);
    await withServer(async (call) => {
      const b = (await call('saveBody', { name: 'Cabinet', kind: 'cabinet', quorumKind: 'fixed', quorumFixed: 3, papersDeadlineDays: 5 })) as { id: number };
      await call('saveMember', {
        bodyId: b.id,
        name: 'Cllr Short',
        seatCategory: 'councillor',
        role: 'member',
        voting: true,
        termStart: '2020-01-01',
        termEnd: endDate,
      });
    });
    const [cabinet] = JSON.parse((await hnb('bodies', '--json')).out) as Array<{ compositionProblems: string[] }>;
    expect(cabinet!.compositionProblems).toEqual([expect.stringMatching(/^Cllr Short's term ends on \d\d\/\d\d\/\d{4}, in 30 days\.$/)]);
  });

  it('says when there are no bodies yet, and refuses an option it does not take', async () => {
    expect((await hnb('init')).code).toBe(0);
    const r = await hnb('bodies');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No bodies yet.');
    expect(JSON.parse((await hnb('bodies', '--json')).out)).toEqual([]);
    expect((await hnb('bodies', '--body', '1')).code).toBe(2);
  });
});
