/**
 * The returns' position as a live block: each partnership's allocation, spend reported,
 * underspend, returns in and what the year-end test flags, rendered from its snapshot alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnsPositionBlock } from '../../../../features/allocations/returns/blocks';
import { moneyFormat } from '../../../../electron/shared/money';
import { type Fixture, fixture, of, YEAR } from './fixture';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
  const o = await f.t.ok('setUpReturns', { year: YEAR });
  for (const [i, r] of of(o, 'North AIP').returns.entries()) {
    await f.t.ok('saveReturn', { returnId: r.id, spend: { [f.categories.Staffing!]: [6_000_000, 6_000_000, 6_000_000][i]! } });
  }
  await f.t.ok('saveReturn', { returnId: of(o, 'South AIP').returns[0]!.id, spend: { [f.categories.Staffing!]: 10_000_000 } });
}, 60_000);
afterAll(() => f.t.close());

describe('the returns-position block', () => {
  it('shows each partnership’s position with the flag, and the totals', async () => {
    const ws = f.t.server.workspace!;
    const snapshot = returnsPositionBlock.load(ws, { year: YEAR }, {});
    const r = returnsPositionBlock.render(JSON.parse(JSON.stringify(snapshot)), moneyFormat('brackets'));
    expect(r.caption).toBe('Partnership returns: position, 2026-27, at 3 December 2026');
    expect(r.tables[0]!.rows.map((x) => x.cells.slice(0, 6))).toEqual([
      ['North AIP', 22_000_000, 18_000_000, 4_000_000, '3 of 3', 4_000_000],
      ['South AIP', 40_000_000, 10_000_000, 30_000_000, '1 of 3', null],
      ['Total', 62_000_000, 28_000_000, 34_000_000, '4 of 6', 4_000_000],
    ]);
    expect(r.tables[0]!.rows[0]!.cells[6]).toMatch(/^An underspend of £40,000 \(18\.2% of the allocation\) is above the 15% line in AIP-N/);
    expect(r.html).toContain('North AIP');
    expect(r.html).toContain('£40,000');
    expect(r.tables[0]!.note).toContain('Allocations from the 2026-27 run "Autumn 2026".');
    expect(r.figures).toContainEqual({ key: 'North AIP.toReturn', label: 'North AIP: flagged for return', pence: 4_000_000 });
  });

  it('previews through the meetings call, and says when the year is not in the workspace', async () => {
    const p = await f.t.ok('previewBlock', { kind: 'returns-position', settings: { year: YEAR } });
    expect(p.problem).toBeNull();
    expect(p.html).toContain('South AIP');
    const gone = await f.t.server.call('previewBlock', { kind: 'returns-position', settings: { year: '2031-32' } });
    const text = JSON.stringify(gone);
    expect(text).toContain("The block 'Partnership returns: position' names 2031-32, which is not in this workspace.");
    const empty = returnsPositionBlock.render(returnsPositionBlock.load(f.t.server.workspace!, { year: '2025-26' }, {}), moneyFormat());
    expect(empty.tables[0]!.rows).toEqual([{ cells: ['No partnership has an allocation in 2025-26.', null, null, null, null, null, null] }]);
    expect(empty.tables[0]!.note).toMatch(/^2025-26 has no allocation run\./);
  });
});
