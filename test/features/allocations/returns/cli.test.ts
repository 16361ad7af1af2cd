/**
 * `hnb returns` and `hnb export returns`: the year's position as JSON and as a table, one
 * partnership's workbook or one per partnership in a folder, and the round trip through
 * `hnb import`, with exit 2 and nothing written for input that breaks a rule.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { copyRow, get, metaRow, set } from '../../recovery/hostile/support';
import { type Fixture, fixture, of, YEAR } from './fixture';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
  const o = await f.t.ok('setUpReturns', { year: YEAR });
  const north = of(o, 'North AIP').returns;
  await f.t.ok('saveReturn', { returnId: north[0]!.id, spend: { [f.categories.Staffing!]: 6_000_000 }, measures: { [f.measures.Attendance!]: 94.5 } });
  await f.t.ok('setReturnStatus', { returnId: north[1]!.id, status: 'sent', on: '2026-11-02' });
});
afterAll(() => f.t.close());

describe('hnb returns', () => {
  it('gives the year’s returns as JSON, headings by name', async () => {
    const r = await runHnb(f.t.dir, ['returns', '--year', YEAR, '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ year: YEAR, run: 'Autumn 2026' });
    expect(out.partnerships.map((p: { partnership: string }) => p.partnership)).toEqual(['North AIP', 'South AIP']);
    expect(out.partnerships[0]).toMatchObject({
      partnership: 'North AIP',
      frequency: 'termly',
      allocationPence: 22_000_000,
      places: 2,
      spendPence: 6_000_000,
      underspendPence: 16_000_000,
      yearComplete: false,
      thresholdBp: 1500,
      returnBasis: 'whole',
      toReturnPence: 0,
      flagged: false,
      reason: 'The underspend test against the 15% line in AIP-N applies at year end, once every return is received: 1 of 3 received so far.',
    });
    expect(out.partnerships[0].returns[0]).toEqual({
      period: 'summer',
      status: 'received',
      sentOn: null,
      receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      checkedOn: null,
      spendPence: 6_000_000,
      spend: { Staffing: 6_000_000 },
      placesUsed: null,
      measures: { Attendance: 94.5 },
      commentary: '',
    });
    expect(out.partnerships[0].returns[1]).toMatchObject({ period: 'autumn', status: 'sent', sentOn: '2026-11-02' });
  });

  it('prints a table a person can read, with the reasons', async () => {
    const r = await runHnb(f.t.dir, ['returns', '--year', YEAR]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Partnership returns, 2026-27: allocations from the run "Autumn 2026"');
    expect(r.out).toMatch(
      /North AIP\s+Termly\s+£220,000\s+£60,000\s+£160,000\s+-\s+Summer received \d\d\/\d\d\/\d{4}, Autumn sent 02\/11\/2026, Spring not sent/,
    );
    expect(r.out).toContain('South AIP: The underspend test against the 15% line in AIP-S applies at year end');
  });

  it('refuses a year that is not one, exit 2', async () => {
    expect((await runHnb(f.t.dir, ['returns', '--year', '2026'])).code).toBe(2);
    expect((await runHnb(f.t.dir, ['returns'])).code).toBe(2);
  });
});

describe('hnb export returns', () => {
  it('writes one partnership’s file, named by its name or id, keeping the partnership by id', async () => {
    const out = join(f.t.dir, 'north.xlsx');
    const r = await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', 'north aip', '--out', out, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ year: YEAR, files: [{ partnership: 'North AIP', out }] });
    const wb = await loadWorkbook(readFileSync(out));
    const meta = wb.getWorksheet('_meta')!;
    expect(meta.getCell(metaRow(meta, 'kind'), 2).value).toBe('partnership-return');
    expect(meta.getCell(metaRow(meta, 'scope.partnership'), 2).value).toBe(f.ids.north);
    const byId = await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', String(f.ids.south), '--out', 'south.xlsx']);
    expect(byId.code, byId.err).toBe(0);
    expect(byId.out).toBe(`Wrote ${join(f.t.dir, 'south.xlsx')}\n`);
  });

  it('writes one file per partnership into a folder with --all, each holding only its own returns', async () => {
    const r = await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--all', '--out', 'returns-out']);
    expect(r.code, r.err).toBe(0);
    const folder = join(f.t.dir, 'returns-out');
    expect(readdirSync(folder).sort()).toEqual(['Partnership return North AIP 2026-27.xlsx', 'Partnership return South AIP 2026-27.xlsx']);
    for (const [name, other] of [
      ['North AIP', 'South AIP'],
      ['South AIP', 'North AIP'],
    ] as const) {
      const sh = (await loadWorkbook(readFileSync(join(folder, `Partnership return ${name} 2026-27.xlsx`)))).getWorksheet('Return')!;
      expect([5, 6, 7].map((row) => get(sh, row, 'Partnership'))).toEqual([name, name, name]);
      const text: string[] = [];
      sh.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
      expect(text.join('|')).not.toContain(other);
    }
  });

  it('refuses, exit 2 and nothing written: no partnership, both or neither of --all and --partnership, one with no allocation, a file as the folder', async () => {
    const before = workspaceSnapshot(f.t.dir);
    const unknown = await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', 'Nowhere', '--out', 'x.xlsx']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no partnership called "Nowhere". The partnerships are: ');
    expect((await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', 'North AIP', '--all', '--out', 'x'])).code).toBe(2);
    expect((await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--out', 'x'])).code).toBe(2);
    const west = await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', 'West AIP', '--out', 'west.xlsx']);
    expect(west.code).toBe(2);
    expect(west.err).toContain('West AIP has no allocation in 2026-27');
    expect(existsSync(join(f.t.dir, 'west.xlsx'))).toBe(false);
    expect((await runHnb(f.t.dir, ['export', 'returns', '--year', '2025-26', '--all', '--out', 'old'])).code).toBe(2);
    expect((await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--all', '--out', 'all.xlsx'])).code).toBe(2);
    expect(workspaceSnapshot(f.t.dir)).toEqual(before);
  });
});

describe('the round trip through hnb import', () => {
  it('applies a partnership’s filled-in file, and refuses one with another partnership’s row pasted in (exit 2, nothing written)', async () => {
    const southFile = join(f.t.dir, 'south-rt.xlsx');
    const northFile = join(f.t.dir, 'north-rt.xlsx');
    expect((await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', 'South AIP', '--out', southFile])).code).toBe(0);
    expect((await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--partnership', 'North AIP', '--out', northFile])).code).toBe(0);
    const south = await loadWorkbook(readFileSync(southFile));
    const sh = south.getWorksheet('Return')!;
    set(sh, 6, 'Spend: Staffing', 101_000);
    set(sh, 6, 'Commentary', 'Autumn in full');
    const filled = join(f.t.dir, 'south-filled.xlsx');
    writeFileSync(filled, await saveWorkbook(south));

    const north = await loadWorkbook(readFileSync(northFile));
    copyRow(sh, 6, north.getWorksheet('Return')!, 6);
    const wrong = join(f.t.dir, 'north-wrong.xlsx');
    writeFileSync(wrong, await saveWorkbook(north));

    const before = workspaceSnapshot(f.t.dir);
    const refused = await runHnb(f.t.dir, ['import', wrong, '--apply', '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out).errors.map((e: { cell: string }) => e.cell)).toEqual(expect.arrayContaining(['A6', 'B6']));
    expect(workspaceSnapshot(f.t.dir)).toEqual(before);

    const applied = await runHnb(f.t.dir, ['import', filled, '--apply', '--json']);
    expect(applied.code, applied.err).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ kind: 'partnership-return', changed: 1, errors: [] });
    const o = await f.t.ok('listReturns', { year: YEAR });
    expect(of(o, 'South AIP').returns[1]).toMatchObject({ status: 'received', spendPence: 10_100_000, commentary: 'Autumn in full' });
  });
});

describe('hnb export returns --all, when a partnership’s returns are not set up', () => {
  it('writes the others and says whose are missing', async () => {
    const pupils = (await f.t.ok('listDataColumns', {})).find((c) => c.key === 'pupils')!.id;
    await f.t.ok('createRun', {
      year: YEAR,
      name: 'With a place for West',
      formulaPotPence: 60_000_000,
      placeRatePence: 1_000_000,
      factors: [{ name: 'Pupil numbers', weightBp: 10_000, columns: [{ columnId: pupils, weight: 1 }] }],
      places: [{ partnershipId: f.ids.west, places: 1 }],
    });
    const r = await runHnb(f.t.dir, ['export', 'returns', '--year', YEAR, '--all', '--out', 'later', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).files.map((x: { partnership: string }) => x.partnership)).toEqual(['North AIP', 'South AIP']);
    expect(r.err).toBe("hnb: West AIP's 2026-27 returns have not been set up, so it has no file.\n");
  });
});
