/**
 * The run blocks a paper can hold: a run's table (by factor, places, totals that add up to the
 * pot, the rounding rule) and two runs compared; what each freezes when a pack is published.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocationCompareBlock, allocationTableBlock } from '../../../../features/allocations/runs/blocks';
import { moneyFormat } from '../../../../electron/shared/money';
import type { RunDetail } from '../../../../features/allocations/types';
import { type TestServer, testServer } from '../../../support/workspace';
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

/** The cells after the row heading of a row of a block's table, as printed. */
function rowCells(html: string, heading: string): string[] {
  const row = html.split('<tr').find((r) => r.includes(`<th scope="row">${heading}</th>`) || r.includes(`<th scope="row" class="">${heading}</th>`));
  if (!row) throw new Error(`no row for ${heading}`);
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe('the allocation table block', () => {
  it('is offered with the workspace’s runs to choose from', async () => {
    const kinds = await t.ok('listBlockKinds', {});
    const table = kinds.find((k) => k.kind === 'allocation-table')!;
    expect(table.fields[0]!.choices).toEqual([{ value: String(run.id), label: '2026-27: Hand-worked (draft)' }]);
    const compare = kinds.find((k) => k.kind === 'allocation-compare')!;
    expect(compare.fields[1]!.choices![0]).toEqual({ value: 'previous', label: "The previous year's run (approved, else the latest)" });
  });

  it('prints each partnership’s allocation by factor and places, totals, and the rounding rule', async () => {
    const p = await t.ok('previewBlock', { kind: 'allocation-table', settings: { run: String(run.id) } });
    expect(p.problem).toBeNull();
    expect(p.caption).toBe('Formula allocations 2026-27: Hand-worked');
    expect(rowCells(p.html, 'East')).toEqual(['1', '£1,600', '£3,103', '£4,704', '2', '£20,000', '£24,704']);
    expect(rowCells(p.html, 'Total')).toEqual(['4', '£4,000', '£6,000', '£10,000', '8', '£80,000', '£90,000']);
    expect(p.html).toContain('Pupil numbers (40.00%)');
    expect(p.html).toContain('largest remainder');
    expect(p.html).toContain('Draft, not yet approved. Worked out on the school data of 3 December 2026.');
  });

  it('says when the run it names has gone', async () => {
    const copy = await t.ok('copyRun', { runId: run.id, name: 'Gone' });
    await t.ok('deleteRun', { runId: copy.id });
    const p = await t.ok('previewBlock', { kind: 'allocation-table', settings: { run: copy.id } });
    expect(p.problem).toBe("The block 'Allocation run' names an allocation run that is no longer in this workspace.");
  });

  it('freezes the run it shows', () => {
    expect(allocationTableBlock.freezes!({ run: run.id }, undefined)).toEqual([`allocation_run:${run.id}`]);
  });
});

describe('the comparison block', () => {
  it('prints both runs and the difference, b less a', async () => {
    data(t.sqlite, YEAR, h.schools.E1!, { [h.pupils]: 1000 });
    const b = await t.ok('copyRun', { runId: run.id, name: 'New data' });
    const p = await t.ok('previewBlock', { kind: 'allocation-compare', settings: { a: String(run.id), b: String(b.id) } });
    expect(p.problem).toBeNull();
    expect(p.caption).toBe('Allocation runs compared: New data (2026-27) against Hand-worked (2026-27)');
    const east = (x: RunDetail) => x.allocations.find((a) => a.partnership === 'East')!.totalPence;
    const money = moneyFormat();
    expect(rowCells(p.html, 'East')).toEqual(['2', money.format(east(run)), '2', money.format(east(b)), money.format(east(b) - east(run))]);
    expect(east(b) - east(run)).toBe(90_000);
    expect(rowCells(p.html, 'Total').at(-1)).toBe('£0');
  });

  it('says when the previous year has no run', async () => {
    const p = await t.ok('previewBlock', { kind: 'allocation-compare', settings: { a: run.id } });
    expect(p.problem).toMatch(/^The block 'Allocation runs compared' cannot be shown: There is no allocation run for 2025-26/);
  });

  it('freezes the two runs it showed', async () => {
    const b = await t.ok('copyRun', { runId: run.id, name: 'B' });
    const ws = t.server.workspace!;
    const snapshot = allocationCompareBlock.load(ws, { a: run.id, b: b.id }, {});
    expect(allocationCompareBlock.freezes!({ a: run.id, b: b.id }, snapshot)).toEqual([`allocation_run:${run.id}`, `allocation_run:${b.id}`]);
    expect(allocationCompareBlock.freezes!({ a: run.id, b: 'previous' }, undefined)).toEqual([`allocation_run:${run.id}`]);
  });
});
