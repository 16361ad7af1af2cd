/**
 * The run-inputs workbook (`hnb export allocation-inputs`, edited, read back by `hnb allocate
 * --from`) attacked as a careless or hostile user would: weights that do not add up, a factor or
 * a column given twice, places twice or for a cluster, pence in the pot, figures of the wrong
 * kind, columns moved, and a data column whose name is another's key. Each is refused naming the
 * file, the sheet, the cell and the rule with nothing written, or makes exactly the run it says.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { type TestServer, testServer } from '../../../support/workspace';
import { type HandWorked, handWorked, handWorkedRun } from '../runs/fixture';

let t: TestServer;
let h: HandWorked;
const hnb = (...argv: string[]) => runHnb(t.dir, argv);

beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-12-03T12:00:00Z') });
  h = handWorked(t.sqlite);
  await t.ok('createRun', handWorkedRun(h));
  expect((await hnb('export', 'allocation-inputs', '--run', 'Hand-worked', '--out', 'inputs.xlsx')).code).toBe(0);
});
afterEach(() => t.close());

/** The exported inputs, changed by `edit`, saved under `to`. */
async function edited(to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(t.dir, 'inputs.xlsx'));
  edit(wb);
  await wb.xlsx.writeFile(join(t.dir, to));
  return to;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;
/** The Run sheet's row labelled `label`. */
function runRow(wb: ExcelJS.Workbook, label: string): number {
  let found = 0;
  sheet(wb, 'Run').eachRow((row, r) => {
    if (row.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no ${label}`);
  return found;
}
function placesRow(wb: ExcelJS.Workbook, name: string): number {
  let found = 0;
  sheet(wb, 'Places').eachRow((row, r) => {
    if (row.getCell(1).value === name) found = r;
  });
  if (!found) throw new Error(`no ${name}`);
  return found;
}

interface Issue {
  sheet: string;
  cell?: string;
  rule: string;
  message: string;
}

/** `hnb allocate --from` refused with exit 2, naming the file; every problem's sheet, cell and message; nothing written. */
async function refused(file: string): Promise<{ message: string; issues: Issue[] }> {
  const before = workspaceSnapshot(t.dir);
  const r = await hnb('allocate', '--year', '2026-27', '--name', 'From the file', '--from', file, '--json');
  expect(r.code).toBe(2);
  const error = JSON.parse(r.out).error as { message: string; details: { issues: Issue[] } };
  expect(error.message).toContain(file);
  expect(workspaceSnapshot(t.dir)).toEqual(before);
  return { message: error.message, issues: error.details.issues };
}

const made = async (file: string) => {
  const r = await hnb('allocate', '--year', '2026-27', '--name', 'From the file', '--from', file, '--json');
  if (r.code !== 0) throw new Error(`refused: ${r.out}${r.err}`);
  return JSON.parse(r.out);
};
const original = async () => JSON.parse((await hnb('allocate', '--run', 'Hand-worked', '--json')).out);

describe('the run-inputs workbook, attacked', () => {
  it("reads each factor's data column by its key, even where another column is named with that key", async () => {
    // A column the user added, named with the key of the FSM column: "fsm" in the file is still FSM.
    await t.ok('saveDataColumn', { key: 'fsm_ever6', name: 'fsm' });
    await t.ok('saveDataColumn', { key: 'idaci', name: 'IDACI_A' });
    const file = await edited('named.xlsx', () => undefined);
    const out = await made(file);
    const was = await original();
    expect(out.factors).toEqual(was.factors);
    expect(out.allocations).toEqual(was.allocations);
  });

  it('refuses weights that do not add up to 100%, naming the weight cells', async () => {
    const file = await edited('weights.xlsx', (wb) => {
      sheet(wb, 'Factors').getCell('B2').value = 0.3;
    });
    const { message, issues } = await refused(file);
    expect(issues).toEqual([
      {
        sheet: 'Factors',
        cell: 'B2:B4',
        rule: 'the weights must add up to 100%',
        message: 'Factors!B2:B4: the factor weights add up to 90.00%, not 100%: Pupil numbers 30.00%, Targeted 60.00%.',
      },
    ]);
    expect(message).toBe(`${file} cannot be read as a run's inputs: ${issues[0]!.message.replace(/\.$/, '')}. Nothing was changed.`);
  });

  it('refuses a factor row duplicated (a column weighed twice), naming the second copy', async () => {
    const file = await edited('twice.xlsx', (wb) => {
      const f = sheet(wb, 'Factors');
      f.spliceRows(4, 0, ['Targeted', 0.6, 'fsm', 1]);
    });
    const { issues } = await refused(file);
    expect(issues).toEqual([
      {
        sheet: 'Factors',
        cell: 'C4',
        rule: 'a factor weighs each data column once',
        message: 'Factors!C4: "Targeted" already weighs the data column fsm on row 3: list each column of a factor once.',
      },
    ]);
  });

  it('refuses places given twice, or to a cluster, naming the cells', async () => {
    const file = await edited('places.xlsx', (wb) => {
      const p = sheet(wb, 'Places');
      p.addRow(['north', 3]);
      p.addRow(['North Cluster 1', 2]);
    });
    const { issues } = await refused(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(t.dir, file));
    const north = placesRow(wb, 'North');
    const last = sheet(wb, 'Places').rowCount;
    expect(issues).toEqual([
      {
        sheet: 'Places',
        cell: `A${last - 1}`,
        rule: 'each partnership once',
        message: `Places!A${last - 1}: North is given places on row ${north} too: list each partnership once.`,
      },
      {
        sheet: 'Places',
        cell: `A${last}`,
        rule: 'must be a top-level partnership',
        message: `Places!A${last}: North Cluster 1 is a cluster inside North, whose allocation it shares: give the places to North.`,
      },
    ]);
  });

  it('refuses pence in the pot or rate, text, dates, booleans and figures out of range, each by its cell', async () => {
    let at: Record<string, number> = {};
    const file = await edited('figures.xlsx', (wb) => {
      at = { pot: runRow(wb, 'Formula pot'), rate: runRow(wb, 'Rate per place'), north: placesRow(wb, 'North'), east: placesRow(wb, 'East') };
      const run = sheet(wb, 'Run');
      run.getCell(`B${at.pot}`).value = 10_000.5;
      run.getCell(`B${at.rate}`).value = 1e15;
      const f = sheet(wb, 'Factors');
      f.getCell('B2').value = new Date('2026-04-01T00:00:00Z');
      // As Excel formats a cell a date is typed into; a style of its own, as exceljs shares one between cells.
      f.getCell('B2').style = { ...f.getCell('B2').style, numFmt: 'dd/mm/yyyy' };
      f.getCell('D3').value = true;
      f.getCell('D4').value = 5_000_000;
      const p = sheet(wb, 'Places');
      p.getCell(`B${at.north}`).value = 2.5;
      p.getCell(`B${at.east}`).value = 1_000_000;
    });
    const { issues } = await refused(file);
    expect(issues.map((i) => [i.sheet, i.cell])).toEqual([
      ['Run', `B${at.pot}`],
      ['Run', `B${at.rate}`],
      ['Factors', 'B2'],
      ['Factors', 'D3'],
      ['Factors', 'D4'],
      ['Places', `B${at.east}`],
      ['Places', `B${at.north}`],
    ]);
    expect(issues[0]!.message).toBe(`Run!B${at.pot}: the formula pot must be a whole number of pounds, not negative (it is 10000.5).`);
    expect(issues[1]!.message).toMatch(/^Run!B\d+: the rate per place must be at most £1,000,000,000,000/);
    expect(issues[2]!.message).toBe('Factors!B2: the weight of "Pupil numbers" must be a percentage from 0% to 100% to two decimal places (it is 01/04/2026).');
    expect(issues[3]!.message).toBe('Factors!D3: the column weight must be a number more than nought, to at most four decimal places (it is TRUE).');
    expect(issues[4]!.message).toBe('Factors!D4: the column weight must be at most 1,000,000 (it is 5000000).');
    expect(issues[5]!.message).toBe(`Places!B${at.east}: East's places must be a whole number from 0 to 100,000 (it is 1000000).`);
    expect(issues[6]!.message).toBe(`Places!B${at.north}: North's places must be a whole number from 0 to 100,000 (it is 2.5).`);
  });

  it('refuses columns moved on the Factors or Places sheet, naming the heading', async () => {
    const file = await edited('moved.xlsx', (wb) => {
      const f = sheet(wb, 'Factors');
      // Weight and Column weight swapped, headings and all.
      for (let r = 1; r <= f.rowCount; r++) {
        const b = f.getCell(r, 2).value;
        f.getCell(r, 2).value = f.getCell(r, 4).value;
        f.getCell(r, 4).value = b;
      }
    });
    const { issues } = await refused(file);
    expect(issues).toEqual([
      {
        sheet: 'Factors',
        cell: 'B1',
        rule: 'headings must be kept',
        message: 'Factors!B1: the columns must be headed Factor, Weight, Data column, Column weight in that order (B1 is "Column weight").',
      },
    ]);
  });

  it('ignores a column of notes added beside the table, and a factor given in any case', async () => {
    const file = await edited('notes.xlsx', (wb) => {
      const f = sheet(wb, 'Factors');
      f.getCell('E1').value = 'Why';
      f.getCell('E2').value = 'Agreed at forum';
      f.getCell('A4').value = 'TARGETED';
      sheet(wb, 'Places').getCell('C1').value = 'Comment';
    });
    const out = await made(file);
    const was = await original();
    expect(out.factors).toEqual(was.factors);
    expect(out.allocations).toEqual(was.allocations);
  });

  it('refuses a text factor name too long and a note too long for a run, by cell', async () => {
    let note = 0;
    const file = await edited('long.xlsx', (wb) => {
      note = runRow(wb, 'Note');
      sheet(wb, 'Run').getCell(`B${note}`).value = 'x'.repeat(2001);
      sheet(wb, 'Factors').getCell('A2').value = 'P'.repeat(81);
    });
    const { issues } = await refused(file);
    expect(issues.map((i) => [i.sheet, i.cell, i.rule])).toEqual([
      ['Run', `B${note}`, 'at most 2000 characters'],
      ['Factors', 'A2', 'at most 80 characters'],
    ]);
  });

  it('refuses a second Formula pot row on the Run sheet: either could be the one meant', async () => {
    let pot = 0;
    let last = 0;
    const file = await edited('two-pots.xlsx', (wb) => {
      pot = runRow(wb, 'Formula pot');
      last = sheet(wb, 'Run').addRow(['Formula pot', 20_000]).number;
    });
    const { issues } = await refused(file);
    expect(issues).toEqual([
      { sheet: 'Run', cell: `A${last}`, rule: 'each label once', message: `Run!A${last}: "Formula pot" is given on row ${pot} too: give it once.` },
    ]);
  });
});
