/**
 * The quarterly Safety Valve return through the round-trip engine: exported for one agreement's
 * quarter, filled in, previewed and applied as that quarter's monitoring of each condition; and
 * returned files that name another agreement's condition, a rating that is not one, a hidden id
 * typed over or a quarter changed in `_meta` are refused with the cell named, nothing written.
 */
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../electron/shared/workbook-types';
import type { SvAgreementInfo } from '../../../../features/recovery/types';
import { columnOf, exportBytes, loadWorkbook, previewOf, saveWorkbook } from '../../../support/workbooks';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';

let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'Safety Valve return';
const NAME = 'Safety Valve agreement 2024';
const SCOPE = { kind: 'safety-valve-return', agreement: NAME, year: '2025-26', quarter: 4 };

/** On 1 March 2026: the agreement with conditions 1–3 (condition 2 monitored in Q3), and a DBV agreement with conditions 1–5. */
async function setUp(): Promise<SvAgreementInfo> {
  t = await testServer({ now: () => new Date('2026-03-01T12:00:00Z') });
  await t.ok('saveSvAgreement', { name: NAME, kind: 'safety_valve', signedOn: '2024-03-15', totalPence: 1_000_000_000 });
  await t.ok('saveSvAgreement', { name: 'DBV programme', kind: 'dbv', signedOn: '2023-09-01', totalPence: 100_000_000 });
  const [sv, dbv] = await t.ok('listSvAgreements', {}).then((l) => [l.find((a) => a.name === NAME)!, l.find((a) => a.kind === 'dbv')!]);
  const conditions = ['Mainstream inclusion: more children with plans in mainstream', 'Reduce new independent placements', 'Deliver the SEMH free school'];
  for (const [i, text] of conditions.entries()) await t.ok('saveSvCondition', { agreementId: sv!.id, number: i + 1, text, target: `Target ${i + 1}` });
  for (let n = 1; n <= 5; n++) await t.ok('saveSvCondition', { agreementId: dbv!.id, number: n, text: `DBV workstream ${n}` });
  const c2 = (await agreement()).conditions[1]!;
  await t.ok('saveSvMonitoring', {
    conditionId: c2.id,
    year: '2025-26',
    quarter: 3,
    rag: 'amber',
    narrative: 'Framework out to tender',
    figures: '34 new placements',
  });
  return agreement();
}

async function agreement(name = NAME): Promise<SvAgreementInfo> {
  return (await t.ok('listSvAgreements', {})).find((a) => a.name === name)!;
}

const rowOfCondition = (sh: ExcelJS.Worksheet, n: number) => {
  const col = columnOf(sh, 'Condition no.');
  for (let r = 5; r <= sh.rowCount; r++) if (String(sh.getRow(r).getCell(col).value) === String(n)) return r;
  throw new Error(`no row for condition ${n}`);
};

async function edited(edit: (sh: ExcelJS.Worksheet, meta: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await loadWorkbook(await exportBytes(t, SCOPE));
  edit(wb.getWorksheet(SHEET)!, wb.getWorksheet('_meta')!);
  return saveWorkbook(wb);
}

const metaRow = (meta: ExcelJS.Worksheet, key: string) => {
  for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === key) return r;
  throw new Error(`no ${key}`);
};

async function refusedToApply(p: ImportPreview, before: Record<string, unknown[]>): Promise<void> {
  const r = await t.server.call('applyImport', { importId: p.importId, prefer: 'file', confirmFlags: true });
  expect(r.ok).toBe(false);
  expect(dumpTables(t.sqlite)).toEqual(before);
}

describe('the Safety Valve quarterly return', () => {
  it('is one row per numbered condition, the condition and target to read and the quarter to fill in', async () => {
    await setUp();
    const wb = await loadWorkbook(await exportBytes(t, SCOPE));
    const sh = wb.getWorksheet(SHEET)!;
    const read = (n: number, header: string) => sh.getRow(rowOfCondition(sh, n)).getCell(columnOf(sh, header)).value;
    expect([1, 2, 3].map((n) => read(n, 'Condition'))).toEqual([
      'Mainstream inclusion: more children with plans in mainstream',
      'Reduce new independent placements',
      'Deliver the SEMH free school',
    ]);
    expect(read(2, 'Target')).toBe('Target 2');
    expect(read(2, 'Quarter')).toBe('2025-26 Q4');
    expect(read(2, 'Last quarter')).toBe('Amber');
    expect(read(2, 'RAG') ?? null).toBeNull();
    expect(sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'RAG')).protection?.locked).toBe(false);
    expect(sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'Target')).protection?.locked).not.toBe(false);

    // The agreement named by id, and the quarter as the command line gives it, export the same rows.
    const sv = await agreement();
    const p = await previewOf(t, await exportBytes(t, { ...SCOPE, agreement: String(sv.id), quarter: 'Q4' }));
    expect(p.counts).toMatchObject({ changed: 0, unchanged: 3, errors: 0 });
    expect(p.scopeLabel).toBe('Safety Valve agreement 2024, 2025-26 Q4 (January–March)');
  });

  it('round trips: unchanged is no change; edits are previewed cell by cell, applied as the quarter’s monitoring, and revert', async () => {
    await setUp();
    const unchanged = await previewOf(t, await exportBytes(t, SCOPE));
    expect(unchanged.counts).toEqual({ added: 0, changed: 0, unchanged: 3, missing: 0, conflicts: 0, unmatched: 0, errors: 0, warnings: 0 });

    const bytes = await edited((sh) => {
      sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'RAG')).value = 'green';
      sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'Narrative')).value = 'Inclusion fund in every school';
      sh.getRow(rowOfCondition(sh, 2)).getCell(columnOf(sh, 'RAG')).value = 'Red';
      sh.getRow(rowOfCondition(sh, 2)).getCell(columnOf(sh, 'Figures')).value = '41 new placements';
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.counts).toMatchObject({ changed: 2, unchanged: 1, errors: 0 });
    expect(p.rows.map((r) => [r.ref, r.cells.map((c) => [c.header, c.old, c.new])])).toEqual([
      [
        '1',
        [
          ['RAG', '(blank)', 'Green'],
          ['Narrative', '(blank)', 'Inclusion fund in every school'],
        ],
      ],
      [
        '2',
        [
          ['RAG', '(blank)', 'Red'],
          ['Figures', '(blank)', '41 new placements'],
        ],
      ],
    ]);
    const applied = await t.ok('applyImport', { importId: p.importId });
    expect(applied.batch).toMatchObject({ kind: 'safety-valve-return', changed: 2 });

    const a = await agreement();
    expect(a.conditions.map((c) => c.latest && [c.latest.year, c.latest.quarter, c.latest.rag, c.latest.narrative, c.latest.figures])).toEqual([
      ['2025-26', 4, 'green', 'Inclusion fund in every school', ''],
      ['2025-26', 4, 'red', '', '41 new placements'],
      null,
    ]);
    // The quarter before keeps its history.
    expect(a.conditions[1]!.monitoring.map((x) => [x.quarter, x.rag])).toEqual([
      [3, 'amber'],
      [4, 'red'],
    ]);
    const history = await t.ok('getHistory', { subject: `sv_agreement:${a.id}` });
    expect(history.filter((h) => /^Import /.test(h.changeLabel)).map((h) => h.what)).toEqual(
      expect.arrayContaining(['RAG condition 1, 2025-26 Q4', 'Narrative condition 1, 2025-26 Q4', 'Figures condition 2, 2025-26 Q4']),
    );

    // The same file again changes nothing; reverting the batch puts the quarter back as it was.
    expect((await previewOf(t, bytes)).counts.changed).toBe(0);
    await t.ok('revertImportBatch', { batchId: applied.batch!.id });
    expect(dumpTables(t.sqlite).sv_monitoring).toEqual(before.sv_monitoring);
  });

  it('clears a condition’s quarter only when a row missing from the file is to be removed', async () => {
    const sv = await setUp();
    await t.ok('saveSvMonitoring', { conditionId: sv.conditions[2]!.id, year: '2025-26', quarter: 4, rag: 'green', narrative: 'Opened', figures: '' });
    const bytes = await edited((sh) => sh.spliceRows(rowOfCondition(sh, 3), 1));
    const p = await previewOf(t, bytes);
    expect(p.counts).toMatchObject({ missing: 1, changed: 0 });
    expect((await t.ok('applyImport', { importId: p.importId })).batch).toBeNull();
    expect((await agreement()).conditions[2]!.latest).toMatchObject({ quarter: 4, rag: 'green' });
    const again = await previewOf(t, bytes);
    await t.ok('applyImport', { importId: again.importId, deleteMissing: true });
    expect((await agreement()).conditions[2]!.monitoring).toEqual([]);
  });
});

describe('a hostile quarterly return', () => {
  it('a condition number of another agreement is refused, naming whose it is', async () => {
    await setUp();
    const bytes = await edited((sh) => {
      sh.getRow(rowOfCondition(sh, 3)).getCell(columnOf(sh, 'Condition no.')).value = '5';
      sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'RAG')).value = 'Green';
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.errors.map((e) => e.message)).toContain(
      `${SHEET}!B7 — must be one of Safety Valve agreement 2024's conditions 1, 2, 3 — found "5", which is condition 5 of DBV programme`,
    );
    await refusedToApply(p, before);
  });

  it('a rating that is not Red, Amber or Green is refused with its cell', async () => {
    await setUp();
    const bytes = await edited((sh) => {
      sh.getRow(rowOfCondition(sh, 2)).getCell(columnOf(sh, 'RAG')).value = 'Purple';
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.errors.map((e) => e.message)).toEqual([`${SHEET}!G6 — RAG must be one of the rag values in the list — found "Purple"`]);
    await refusedToApply(p, before);
  });

  it('a hidden id typed over with another agreement’s condition is refused, naming it', async () => {
    await setUp();
    const dbv = await agreement('DBV programme');
    const bytes = await edited((sh) => {
      sh.getRow(rowOfCondition(sh, 1)).getCell(1).value = dbv.conditions[0]!.id;
      sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'RAG')).value = 'Green';
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.errors.map((e) => e.message)).toContain(
      `${SHEET}!A5 — must be the row id HNB Desk wrote for one of Safety Valve agreement 2024's conditions (leave the hidden column alone) — found id ${dbv.conditions[0]!.id}, which is condition 1 of DBV programme`,
    );
    await refusedToApply(p, before);
  });

  it('a _meta changed to name another quarter is refused: the rows say which quarter they were written for', async () => {
    await setUp();
    const bytes = await edited((sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.quarter'), 2).value = 3;
      sh.getRow(rowOfCondition(sh, 1)).getCell(columnOf(sh, 'RAG')).value = 'Green';
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.scopeLabel).toMatch(/2025-26 Q3/);
    expect(p.errors).toHaveLength(3);
    expect(p.errors[0]!.message).toBe(
      `${SHEET}!E5 — every row must be for 2025-26 Q3, the quarter this return was exported for; the workbook's hidden _meta sheet and its rows disagree, so nothing is applied. Export the return for the quarter you mean — found "2025-26 Q4"`,
    );
    await refusedToApply(p, before);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['a quarter that is not one', 'scope.quarter', 5, /_meta!B\d+ — Quarter must be a quarter from Q1 \(April–June\) to Q4 \(January–March\)/],
    ['a quarter not yet begun', 'scope.year', '2026-27', /2026-27 Q4 \(January–March\) begins on 1 January 2027/],
    [
      'an agreement this workspace does not hold',
      'scope.agreement',
      'Another council’s agreement',
      /hidden _meta sheet does not describe .* _meta!B7 — there is no agreement called "Another council’s agreement"/,
    ],
  ])('a _meta naming %s is refused, and nothing written', async (_what, key, value, message) => {
    await setUp();
    const bytes = await edited((_sh, meta) => {
      meta.getCell(metaRow(meta, key), 2).value = value as ExcelJS.CellValue;
    });
    const before = dumpTables(t.sqlite);
    const r = await t.server.call('importFile', { source: { fileName: 'hostile.xlsx', base64: bytes.toString('base64') } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
