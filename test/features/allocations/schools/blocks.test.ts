import { afterEach, describe, expect, it } from 'vitest';
import { buyInBlock } from '../../../../features/allocations/schools/blocks';
import { dumpTables, type TestServer } from '../../../support/workspace';
import { addSchools, columnId, openWithYears, Y1, Y2 } from './fixture';

let t: TestServer;
afterEach(() => t?.close());

describe('the buy-in block', () => {
  it('shows each cluster’s decisions and shares of pupils, with a total, for the year it names', async () => {
    t = await openWithYears();
    const [a, b, c, d] = await addSchools(t, 4);
    const north = await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion' });
    const west = await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster', parentId: north.id });
    const city = await t.ok('savePartnership', { name: 'City <Partnership>', kind: 'other' });
    const pupils = await columnId(t, 'pupils');
    for (const [s, p, n] of [
      [a!, west, 300],
      [b!, west, 100],
      [c!, city, 200],
      [d!, north, 200],
    ] as const) {
      await t.ok('setMembership', { year: Y2, schoolId: s.id, partnershipId: p.id });
      await t.ok('setSchoolData', { year: Y2, schoolId: s.id, values: { [pupils]: n } });
    }
    await t.ok('setBuyIn', { year: Y2, schoolId: a!.id, status: 'bought_in' });
    await t.ok('setBuyIn', { year: Y2, schoolId: c!.id, status: 'leaving' });

    const kinds = await t.ok('listBlockKinds', {});
    expect(kinds.find((k) => k.kind === 'buy-in')).toMatchObject({ label: 'Buy-in by cluster', inline: false, fields: [{ key: 'year', type: 'year' }] });
    const before = dumpTables(t.sqlite);
    const p = await t.ok('previewBlock', { kind: 'buy-in', settings: { year: Y2 } });
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.problem).toBeNull();
    expect(p.caption).toBe('Buy-in by cluster, 2026-27, at 3 December 2026');
    expect(p.html).toContain('City &lt;Partnership&gt;');
    expect(p.html).not.toContain('<Partnership>');
    expect(p.html).toContain('<tr class="group"><th scope="rowgroup" colspan="8">North AIP</th></tr>');

    const snapshot = buyInBlock.load(t.server.workspace!, { year: Y2 }, {});
    const rendered = buyInBlock.render(snapshot, t.server.workspace!.money());
    expect(rendered.tables[0]!.rows.map((r) => [r.style ?? null, ...r.cells])).toEqual([
      [null, 'City <Partnership>', 1, 0, 0, 1, 0, 0, 1],
      ['group', 'North AIP', null, null, null, null, null, null, null],
      [null, 'Directly in the partnership', 1, 0, 1, 0, 0, 1, 0],
      [null, 'Westfield Cluster', 2, 1, 1, 0, 0.75, 0.25, 0],
      ['total', 'Total', 4, 1, 2, 1, 0.375, 0.375, 0.25],
    ]);
    expect(rendered.tables[0]!.note).toBe(
      'Open schools in each cluster or partnership in 2026-27. 2 schools have no decision recorded and count as yet to decide. Shares are of pupils on roll (the pupils data column).',
    );
    expect(rendered.html).toContain('<td class="num">75.0%</td>');
    // The render reads only the snapshot: the same snapshot renders the same after the data moves on.
    await t.ok('setBuyIn', { year: Y2, schoolId: b!.id, status: 'bought_in' });
    expect(buyInBlock.render(JSON.parse(JSON.stringify(snapshot)), t.server.workspace!.money()).html).toBe(rendered.html);
  });

  it('says so when the year has no members or no pupil numbers, and when the year is gone', async () => {
    t = await openWithYears();
    const empty = await t.ok('previewBlock', { kind: 'buy-in', settings: { year: Y1 } });
    expect(empty.html).toContain('No school is in a partnership in 2025-26.');
    const [a] = await addSchools(t, 1);
    const p = await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster' });
    await t.ok('setMembership', { year: Y1, schoolId: a!.id, partnershipId: p.id });
    const noPupils = buyInBlock.render(buyInBlock.load(t.server.workspace!, { year: Y1 }, {}), t.server.workspace!.money());
    expect(noPupils.tables[0]!.note).toContain('No pupil numbers are recorded for 2025-26, so there are no shares of pupils.');
    const gone = await t.ok('previewBlock', { kind: 'buy-in', settings: { year: '2031-32' } });
    expect(gone.problem).toBe("The block 'Buy-in by cluster' names 2031-32, which is not in this workspace.");
    expect((await t.refused('previewBlock', { kind: 'buy-in', settings: { year: 'next year' } })).code).toBe('INVALID_INPUT');
  });
});
