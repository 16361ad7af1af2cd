/**
 * A run is locked when it is approved or when a published forum pack shows it. A locked run
 * refuses every change: each handler, the command line, the change recorder (so imports and
 * any other writer), and undo; it never moves when the data does. A change is a copy.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocationFactor, allocationRunData, allocationRunPartnership } from '../../../../features/allocations/schema';
import { calculateRun } from '../../../../features/allocations/runs/calculate';
import type { RunDetail } from '../../../../features/allocations/types';
import { runHnb } from '../../../support/cli';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { data, type HandWorked, handWorked, handWorkedRun, YEAR } from './fixture';

let t: TestServer;
let h: HandWorked;
let run: RunDetail;
beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-12-03T12:00:00Z') });
  h = handWorked(t.sqlite);
  run = await t.ok('createRun', handWorkedRun(h));
});
afterEach(() => t.close());

/** The hand-worked run's inputs, as updateRun takes them. */
function inputs(over: Record<string, unknown> = {}) {
  const { year: _y, name: _n, ...rest } = handWorkedRun(h);
  return { ...rest, ...over };
}

async function refusedLocked(channel: string, input: unknown): Promise<string> {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(e.code, `${channel}: ${e.message}`).toBe('LOCKED');
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e.message;
}

describe('approving', () => {
  it('marks the run approved with its date and note, and locks it', async () => {
    const approved = await t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-02', note: 'Schools Forum, 2 December' });
    expect(approved).toMatchObject({
      status: 'approved',
      approvedOn: '2026-12-02',
      approvedNote: 'Schools Forum, 2 December',
      locked: true,
      lockReason: 'Approved on 2 December 2026: Schools Forum, 2 December',
    });
    expect(approved.allocations).toEqual(run.allocations);
    expect(t.sqlite.prepare("SELECT entity_id, locked, changed_by FROM lock WHERE entity = 'allocation_run'").all()).toEqual([
      { entity_id: String(run.id), locked: 1, changed_by: 'test.user' },
    ]);
    // A deliberate act: undo does not reverse it.
    expect((await t.refused('undo', {})).code).toBe('LOCKED');
  });

  it('refuses an approval dated in the future, and a second approval', async () => {
    const before = dumpTables(t.sqlite);
    const e = await t.refused('approveRun', { runId: run.id, approvedOn: '2026-12-04', note: '' });
    expect(e.message).toBe('The approval date 4 December 2026 is in the future. Give the date the run was approved.');
    expect(dumpTables(t.sqlite)).toEqual(before);
    await t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-03', note: '' });
    await refusedLocked('approveRun', { runId: run.id, approvedOn: '2026-12-03', note: 'again' });
  });
});

describe('a locked run refuses every change', () => {
  beforeEach(async () => {
    await t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-02', note: 'Schools Forum' });
  });

  it('from each handler that would change it', async () => {
    const msg = await refusedLocked('updateRun', { runId: run.id, ...inputs({ name: 'Renamed' }) });
    expect(msg).toBe(
      'The run "Hand-worked" for 2026-27 is locked (Approved on 2 December 2026: Schools Forum), so it cannot change. Copy it to make a new run, and change the copy.',
    );
    await refusedLocked('recalculateRun', { runId: run.id });
    await refusedLocked('deleteRun', { runId: run.id });
    await refusedLocked('approveRun', { runId: run.id, approvedOn: '2026-12-03', note: '' });
  });

  it('from any writer: the change recorder refuses rows under the run’s scope', async () => {
    const ws = t.server.workspace!;
    const before = dumpTables(t.sqlite);
    const tries: Array<() => unknown> = [
      () => ws.write('edit', 'sneak', (rec) => calculateRun(rec, ws.db, run.id, 'now')),
      () => ws.write('edit', 'sneak', (rec) => rec.update(allocationFactor, run.factors[0]!.id, { weightBp: 5000 })),
      () => ws.write('edit', 'sneak', (rec) => rec.insert(allocationFactor, { runId: run.id, name: 'Extra', weightBp: 0 })),
      () => {
        const row = t.sqlite.prepare('SELECT id FROM allocation_run_data WHERE run_id = ? LIMIT 1').pluck().get(run.id) as number;
        return ws.write('edit', 'sneak', (rec) => rec.delete(allocationRunData, row));
      },
      () => {
        const row = t.sqlite.prepare('SELECT id FROM allocation_run_partnership WHERE run_id = ? LIMIT 1').pluck().get(run.id) as number;
        return ws.write('edit', 'sneak', (rec) => rec.update(allocationRunPartnership, row, { places: 99 }));
      },
    ];
    for (const attempt of tries) expect(attempt).toThrow(/This allocation run is locked/);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('from undo: an earlier edit of the run cannot be undone while it is locked', async () => {
    // Start again with a draft edited, then approved: undo reaches the edit and must refuse.
    const draft = await t.ok('copyRun', { runId: run.id, name: 'Draft' });
    await t.ok('updateRun', { runId: draft.id, ...inputs({ formulaPotPence: 2_000_000 }) });
    await t.ok('approveRun', { runId: draft.id, approvedOn: '2026-12-03', note: '' });
    const state = await t.ok('getUndoState', {});
    expect(state).toMatchObject({ canUndo: false, blockedBy: 'the allocation run is locked' });
    await refusedLocked('undo', {});
  });

  it('from the command line', async () => {
    const before = dumpTables(t.sqlite);
    const r = await runHnb(t.dir, ['allocate', '--run', 'Hand-worked', '--recalculate']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/The run "Hand-worked" for 2026-27 is locked/);
    const again = await runHnb(t.dir, ['allocate', '--run', 'Hand-worked', '--approve', '2026-12-03']);
    expect(again.code).toBe(1);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('and never moves when the data does; a copy takes the new data', async () => {
    data(t.sqlite, YEAR, h.schools.S1!, { [h.pupils]: 900 });
    const now = await t.ok('getRun', { runId: run.id });
    expect(now.dataChanged).toBe(true);
    expect(now.allocations).toEqual(run.allocations);
    const copy = await t.ok('copyRun', { runId: run.id, name: 'Hand-worked, new data' });
    expect(copy).toMatchObject({ status: 'draft', locked: false, copiedFromId: run.id, dataChanged: false });
    expect(copy.allocations.find((a) => a.partnership === 'South')!.byFactor['Pupil numbers']).toBe(225_000);
  });
});

describe('a run shown in a published forum pack', () => {
  async function publishWithBlocks(blocks: Array<{ kind: string; settings: Record<string, unknown> }>) {
    const body = await t.ok('saveBody', {
      name: 'Schools Forum',
      kind: 'schools_forum',
      quorumKind: 'fraction',
      papersDeadlineDays: 5,
      clerkName: 'Clerk',
      clerkEmail: 'clerk@example.gov.uk',
      clerkPhone: '',
      defaultVenue: 'County Hall',
    });
    const m = await t.ok('saveMeeting', { bodyId: body.id, startsAt: '2027-01-14T14:00', venue: 'County Hall' });
    const d = await t.ok('saveAgendaItem', {
      meetingId: m.meeting.id,
      title: 'Inclusion partnership allocations',
      purpose: 'decision',
      votingConstituency: 'whole_forum',
      exempt: false,
    });
    const itemId = d.items[d.items.length - 1]!.id;
    await t.ok('savePaper', {
      itemId,
      header: { to: 'Schools Forum', date: '2027-01-14', title: 'Allocations', author: 'Finance' },
      sections: {
        supporting_information: {
          type: 'doc',
          content: blocks.map((b, i) => ({ type: 'liveBlock', attrs: { id: `b${i}`, kind: b.kind, settings: b.settings } })),
        },
      },
    });
    return t.ok('publishPack', { meetingId: m.meeting.id });
  }

  it('is locked by the publishing, and then refuses changes', async () => {
    const other = await t.ok('copyRun', { runId: run.id, name: 'Other' });
    const untouched = await t.ok('copyRun', { runId: run.id, name: 'Not in the pack' });
    await publishWithBlocks([
      { kind: 'allocation-table', settings: { run: String(run.id) } },
      { kind: 'allocation-compare', settings: { a: String(run.id), b: String(other.id) } },
    ]);
    const [r1, r2, r3] = await Promise.all([run, other, untouched].map((r) => t.ok('getRun', { runId: r.id })));
    expect(r1).toMatchObject({ status: 'draft', locked: true, lockReason: 'Shown in the published pack for Schools Forum, 14 January 2027 (version 1)' });
    expect(r2!.locked).toBe(true);
    expect(r3!.locked).toBe(false);
    await refusedLocked('recalculateRun', { runId: run.id });
    await refusedLocked('deleteRun', { runId: other.id });
    await t.ok('recalculateRun', { runId: untouched.id });
  }, 120_000);

  it('keeps an approved run’s own lock reason', async () => {
    await t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-02', note: 'Forum' });
    await publishWithBlocks([{ kind: 'allocation-table', settings: { run: run.id } }]);
    expect((await t.ok('getRun', { runId: run.id })).lockReason).toBe('Approved on 2 December 2026: Forum');
  }, 120_000);
});

describe('the results after locking', () => {
  it('export the same figures before and after approval', async () => {
    const r = await runHnb(t.dir, ['allocate', '--json']);
    expect(r.code).toBe(0);
    await t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-02', note: '' });
    const after = await runHnb(t.dir, ['allocate', '--json']);
    const strip = (s: string) => ({ ...JSON.parse(s), status: null, approvedOn: null, locked: null });
    expect(strip(after.out)).toEqual(strip(r.out));
  });
});
