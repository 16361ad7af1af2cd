/**
 * `hnb allocate` and a run's two workbooks from a terminal: the JSON the issue names, the inputs
 * workbook round trip (export, edit, make a new run from it), its refusals (each cell named,
 * nothing written) and the results workbook.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../../features/allocations/types';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { type TestServer, testServer } from '../../../support/workspace';
import { type HandWorked, handWorked, handWorkedRun } from './fixture';

let t: TestServer;
let h: HandWorked;
let run: RunDetail;
const hnb = (...argv: string[]) => runHnb(t.dir, argv);

beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-12-03T12:00:00Z') });
  h = handWorked(t.sqlite);
  run = await t.ok('createRun', handWorkedRun(h));
});
afterEach(() => t.close());

/** Opens a workbook the CLI wrote, lets `edit` change it, and saves it under a new name. */
async function edited(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(t.dir, from));
  edit(wb);
  await wb.xlsx.writeFile(join(t.dir, to));
  return to;
}

describe('hnb allocate', () => {
  it('prints the latest run of the latest year as the issue’s JSON', async () => {
    const r = await hnb('allocate', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({
      run: 'Hand-worked',
      year: '2026-27',
      formulaPotPence: 1_000_000,
      placeRatePence: 1_000_000,
      factors: [
        { name: 'Pupil numbers', weight: 40, columns: { pupils: 1 } },
        { name: 'Targeted', weight: 60, columns: { fsm: 1, idaci_a: 0.5 } },
      ],
      totalPence: 9_000_000,
    });
    expect(out.allocations[0]).toEqual({
      partnership: 'East',
      schools: 1,
      formulaPence: 470_400,
      exactFormulaPence: 470_345,
      byFactor: { 'Pupil numbers': 160_000, Targeted: 310_345 },
      places: 2,
      placesPence: 2_000_000,
      totalPence: 2_470_400,
    });
  });

  it('picks a run by --run and --year, and says which runs there are when the name is wrong', async () => {
    await t.ok('copyRun', { runId: run.id, name: 'Second' });
    expect(JSON.parse((await hnb('allocate', '--json')).out).run).toBe('Second');
    expect(JSON.parse((await hnb('allocate', '--run', 'hand-worked', '--json')).out).run).toBe('Hand-worked');
    const wrong = await hnb('allocate', '--run', 'Nope');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/There is no run called "Nope"\. The runs are: "Second" \(2026-27\), "Hand-worked" \(2026-27\)\./);
    const noYear = await hnb('allocate', '--year', '2030-31');
    expect(noYear).toMatchObject({ code: 2 });
    expect(noYear.err).toMatch(/There is no allocation run for 2030-31 yet/);
    expect((await hnb('allocate', '--year', '2026')).code).toBe(2);
  });

  it('prints a table a person can read, totals and the rounding rule', async () => {
    const r = await hnb('allocate');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2026-27: Hand-worked \(draft\)/);
    expect(r.out).toMatch(/East\s+1\s+£1,600\.00\s+£3,103\.45\s+£4,704\s+2\s+£20,000\s+£24,704\n/);
    expect(r.out).toMatch(/Total\s+4\s+£4,000\.00\s+£6,000\.00\s+£10,000\s+8\s+£80,000\s+£90,000\n/);
    expect(r.out).toMatch(/largest remainder/);
  });

  it('works a draft out again, and approves it', async () => {
    t.sqlite.prepare('UPDATE school_data SET value = 700 WHERE school_id = ? AND column_id = ?').run(h.schools.S1, h.pupils);
    const r = await hnb('allocate', '--run', 'Hand-worked', '--recalculate', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).allocations.find((a: { partnership: string }) => a.partnership === 'South').byFactor['Pupil numbers']).toBe(200_000);
    const a = await hnb('allocate', '--run', 'Hand-worked', '--approve', '2026-12-01', '--note', 'Forum', '--json');
    expect(JSON.parse(a.out)).toMatchObject({ status: 'approved', approvedOn: '2026-12-01', locked: true });
    expect((await hnb('allocate', '--recalculate')).code).toBe(2);
    expect((await hnb('allocate', '--run', 'Hand-worked', '--approve', '1 Dec')).code).toBe(2);
  });
});

describe('the inputs workbook', () => {
  it('round-trips: a run made from the exported inputs gives the same allocations', async () => {
    const e = await hnb('export', 'allocation-inputs', '--run', 'Hand-worked', '--out', 'inputs.xlsx');
    expect(e).toMatchObject({ code: 0 });
    const r = await hnb('allocate', '--year', '2026-27', '--name', 'From the file', '--from', 'inputs.xlsx', '--json');
    expect(r.code).toBe(0);
    const made = JSON.parse(r.out);
    expect(made.run).toBe('From the file');
    expect(made.allocations).toEqual(JSON.parse((await hnb('allocate', '--run', 'Hand-worked', '--json')).out).allocations);
    expect(made.factors).toEqual(JSON.parse((await hnb('allocate', '--run', 'Hand-worked', '--json')).out).factors);
  });

  it('builds a changed run from an edited file', async () => {
    await hnb('export', 'allocation-inputs', '--out', 'inputs.xlsx');
    const file = await edited('inputs.xlsx', 'changed.xlsx', (wb) => {
      const run = wb.getWorksheet('Run')!;
      run.eachRow((row) => {
        if (row.getCell(1).value === 'Formula pot') row.getCell(2).value = 20_000;
      });
      const f = wb.getWorksheet('Factors')!;
      f.getCell('B2').value = 0.5;
      f.getCell('B3').value = 0.5;
      f.getCell('B4').value = 0.5;
      const places = wb.getWorksheet('Places')!;
      places.eachRow((row) => {
        if (row.getCell(1).value === 'South') row.getCell(2).value = 3;
        if (row.getCell(1).value === 'West') row.getCell(2).value = null;
      });
    });
    const r = await hnb('allocate', '--year', '2026-27', '--name', 'Changed', '--from', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ formulaPotPence: 2_000_000, factors: [{ weight: 50 }, { weight: 50 }] });
    expect(out.allocations.map((a: { partnership: string; places: number }) => [a.partnership, a.places])).toEqual([
      ['East', 2],
      ['North', 5],
      ['South', 3],
    ]);
    expect(out.allocations.reduce((s: number, a: { formulaPence: number }) => s + a.formulaPence, 0)).toBe(2_000_000);
  });

  it('refuses a file that breaks a rule, naming each cell, and writes nothing', async () => {
    await hnb('export', 'allocation-inputs', '--out', 'inputs.xlsx');
    const before = workspaceSnapshot(t.dir);

    const weights = await edited('inputs.xlsx', 'weights.xlsx', (wb) => {
      const f = wb.getWorksheet('Factors')!;
      f.getCell('B3').value = 0.595;
      f.getCell('B4').value = 0.595;
    });
    const w = await hnb('allocate', '--year', '2026-27', '--name', 'Bad', '--from', weights);
    expect(w.code).toBe(2);
    expect(w.err).toMatch(/the factor weights add up to 99\.50%, not 100%/i);

    const unknown = await edited('inputs.xlsx', 'unknown.xlsx', (wb) => {
      wb.getWorksheet('Factors')!.getCell('C3').value = 'fsm_typo';
      wb.getWorksheet('Places')!.getCell('A2').value = 'Eastt';
      wb.getWorksheet('Places')!.getCell('B3').value = -2;
    });
    const u = await hnb('allocate', '--year', '2026-27', '--name', 'Bad', '--from', unknown, '--json');
    expect(u.code).toBe(2);
    const issues = JSON.parse(u.out).error.details.issues as Array<{ sheet: string; cell: string; message: string }>;
    expect(issues.map((i) => [i.sheet, i.cell])).toEqual([
      ['Factors', 'C3'],
      ['Places', 'A2'],
      ['Places', 'B3'],
    ]);
    expect(issues[0]!.message).toBe('Factors!C3: there is no data column "fsm_typo" in this workspace (the "Data columns" sheet lists them).');
    expect(issues[1]!.message).toBe('Places!A2: there is no partnership called "Eastt" in this workspace.');

    const mixed = await edited('inputs.xlsx', 'mixed.xlsx', (wb) => {
      wb.getWorksheet('Factors')!.getCell('B4').value = 0.3;
    });
    const m = await hnb('allocate', '--year', '2026-27', '--name', 'Bad', '--from', mixed);
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/Factors!B4: "Targeted" is given 30\.00% here but 60\.00% in B3/);

    const noSheet = await edited('inputs.xlsx', 'nosheet.xlsx', (wb) => wb.removeWorksheet(wb.getWorksheet('Places')!.id));
    expect((await hnb('allocate', '--year', '2026-27', '--name', 'Bad', '--from', noSheet)).err).toMatch(/The sheet "Places" is missing/);

    writeFileSync(join(t.dir, 'not.xlsx'), 'this is not a workbook');
    expect((await hnb('allocate', '--year', '2026-27', '--name', 'Bad', '--from', 'not.xlsx')).code).toBe(2);
    expect((await hnb('allocate', '--year', '2026-27', '--name', 'Bad', '--from', 'missing.xlsx')).code).toBe(2);
    expect((await hnb('allocate', '--name', 'Bad', '--from', 'inputs.xlsx')).code).toBe(2);
    // The same name as a run of the year.
    const dup = await hnb('allocate', '--year', '2026-27', '--name', 'Hand-worked', '--from', 'inputs.xlsx');
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/already a run called "Hand-worked"/);

    expect(workspaceSnapshot(t.dir)).toEqual(before);
  });
});

describe('the results workbook', () => {
  it('holds each partnership’s allocation by factor and places, totals that match the pot, and the data worked on', async () => {
    const r = await hnb('export', 'allocation', '--run', 'Hand-worked', '--out', 'results.xlsx');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(t.dir, 'results.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Allocation', 'Factors', 'Data worked on']);
    const sheet = wb.getWorksheet('Allocation')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v))),
    );
    const header = rows.findIndex((r) => r[0] === 'Partnership');
    expect(rows[header]).toEqual([
      'Partnership',
      'Schools',
      'Pupil numbers (40.00%), exact',
      'Targeted (60.00%), exact',
      'Formula total (exact)',
      'Formula total',
      'Places',
      'Place funding',
      'Allocation',
    ]);
    expect(rows[header + 1]).toEqual(['East', 1, 1600, 3103.45, 4703.45, 4704, 2, 20_000, 24_704]);
    expect(rows[header + 5]).toEqual(['Total', 4, 4000, 6000, 10_000, 10_000, 8, 80_000, 90_000]);
    expect(String(rows[header + 6]![0])).toMatch(/^How the rounding works: .*largest remainder/);
    const data = wb.getWorksheet('Data worked on')!;
    const dataRows: unknown[][] = [];
    data.eachRow((row) => dataRows.push((row.values as unknown[]).slice(1)));
    expect(dataRows.slice(2)).toEqual([
      ['Partnership', 'Pupils', 'Free school meals', 'IDACI band A'],
      ['East', 400, 50, 20],
      ['North', 300, 30, 4],
      ['South', 300, 20, 8],
      ['West', 0, 0, 0],
    ]);
  });
});
