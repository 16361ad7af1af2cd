import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { addSchools, columnId, openWithYears, Y2 } from './fixture';

let dir = '';
beforeEach(async () => {
  const t = await openWithYears();
  dir = t.dir;
  const [a, b, c] = await addSchools(t, 3);
  await t.ok('saveSchool', { id: c!.id, urn: c!.urn, name: 'Test Hill Academy', phase: 'secondary', type: 'academy', trust: 'Demo Trust' });
  const north = await t.ok('savePartnership', { name: 'North AIP', area: 'North', kind: 'area_inclusion', leadSchoolId: a!.id });
  const west = await t.ok('savePartnership', { name: 'Westfield Cluster', area: 'North', kind: 'cluster', parentId: north.id });
  await t.ok('setMembership', { year: Y2, schoolId: a!.id, partnershipId: west.id });
  await t.ok('setMembership', { year: Y2, schoolId: b!.id, partnershipId: west.id });
  const pupils = await columnId(t, 'pupils');
  const fsm = await columnId(t, 'fsm');
  await t.ok('setSchoolData', { year: Y2, schoolId: a!.id, values: { [pupils]: 300, [fsm]: 45.25 } });
  await t.ok('setSchoolData', { year: Y2, schoolId: b!.id, values: { [pupils]: 100 } });
  await t.ok('setBuyIn', { year: Y2, schoolId: a!.id, status: 'bought_in', decidedOn: '2026-10-01' });
  t.server.close();
});
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const hnb = (...argv: string[]) => runHnb(dir, argv);

describe('hnb schools', () => {
  it('gives each school of the year with its type, partnership, buy-in and figures, reading only', async () => {
    const before = workspaceSnapshot(dir);
    const r = await hnb('schools', '--year', Y2, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { urn: 100003, name: 'Test Hill Academy', type: 'academy', partnership: null, buyIn: null, data: {} },
      { urn: 100001, name: 'Test School 01', type: 'maintained', partnership: 'Westfield Cluster', buyIn: 'bought_in', data: { pupils: 300, fsm: 45.25 } },
      { urn: 100002, name: 'Test School 02', type: 'maintained', partnership: 'Westfield Cluster', buyIn: null, data: { pupils: 100 } },
    ]);
    const table = await hnb('schools', '--year', Y2);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Schools in 2026-27');
    expect(table.out).toMatch(/URN\s+Name\s+Type\s+Partnership\s+Buy-in\s+pupils\s+fsm/);
    expect(table.out).toMatch(/100001\s+Test School 01\s+Maintained\s+Westfield Cluster\s+Bought in\s+300\s+45\.25/);
    expect(table.out).toContain('3 schools, 2 in a partnership in 2026-27.');
    expect(workspaceSnapshot(dir)).toEqual(before);
  });

  it('needs a year the workspace has (exit 2)', async () => {
    const none = await hnb('schools');
    expect(none.code).toBe(2);
    expect(none.err).toContain('--year is required');
    const unknown = await hnb('schools', '--year', '2031-32');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no year 2031-32 in this workspace');
    expect((await hnb('schools', '--year', '2026')).code).toBe(2);
  });
});

describe('hnb partnerships and hnb buy-in', () => {
  it('lists partnerships with their clusters and members', async () => {
    const r = await hnb('partnerships', '--year', Y2, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      {
        name: 'North AIP',
        area: 'North',
        kind: 'area_inclusion',
        parent: null,
        leadSchool: 'Test School 01',
        agreement: null,
        returnFrequency: 'termly',
        members: 0,
      },
      {
        name: 'Westfield Cluster',
        area: 'North',
        kind: 'cluster',
        parent: 'North AIP',
        leadSchool: null,
        agreement: null,
        returnFrequency: 'termly',
        members: 2,
      },
    ]);
    const table = await hnb('partnerships');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/North AIP\s+Area inclusion partnership\s+North\s+Test School 01/);
    expect(table.out).toMatch(/\n {4}Westfield Cluster\s+Cluster/);
    expect(table.out).not.toContain('Schools');
  });

  it('counts buy-in by cluster with shares of pupils', async () => {
    const r = await hnb('buy-in', '--year', Y2, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      {
        partnership: 'Westfield Cluster',
        parent: 'North AIP',
        schools: 2,
        boughtIn: 1,
        undecided: 1,
        leaving: 0,
        notRecorded: 1,
        pupils: 400,
        boughtInPupils: 300,
        undecidedPupils: 100,
        leavingPupils: 0,
      },
    ]);
    const table = await hnb('buy-in', '--year', Y2);
    expect(table.out).toMatch(/Westfield Cluster\s+2\s+1\s+1 \(1 not recorded\)\s+0\s+75\.0%\s+25\.0%\s+0\.0%/);
    expect((await hnb('buy-in')).code).toBe(2);
    const empty = await hnb('buy-in', '--year', '2025-26');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('No school is in a partnership in 2025-26.');
  });
});
