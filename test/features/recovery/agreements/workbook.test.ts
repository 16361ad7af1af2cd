/**
 * The agreements workbook round trip, as the monitoring return's: export, edit in Excel,
 * preview (nothing written), apply as one batch that can be reverted; and hostile files
 * refused with the file, sheet, cell and rule named and nothing changed.
 */
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../electron/shared/workbook-types';
import { columnOf, loadWorkbook, previewOf, saveWorkbook } from '../../../support/workbooks';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';

let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'Agreements';
const TABLES = ['agreement', 'agreement_extension', 'agreement_condition', 'agreement_report'];

async function seeded(): Promise<{ cl: number; aip: number; gr: number }> {
  t = await testServer({ now: () => new Date('2026-03-01T12:00:00Z') });
  await t.ok('saveThreshold', { effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000 });
  await t.ok('saveThreshold', { effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000 });
  const base = {
    type: 'cooperation',
    legalBasis: 'pcr2015_reg12_7',
    extensionsOffered: 2,
    extensionMonths: 12,
    decisionReference: 'D52724',
    forwardPlanReference: 'FP/280521',
  };
  const cl = await t.ok('saveAgreement', {
    ...base,
    reference: 'CL-01',
    counterparty: 'North cluster',
    purpose: 'Inclusion funding',
    legalBasisOn: '2024-03-01',
    startOn: '2024-04-01',
    endOn: '2025-03-31',
    annualValuePence: 78_083_000,
    decisionOn: '2024-02-15',
  });
  await t.ok('takeExtension', { agreementId: cl.id, number: 1, takenOn: '2025-01-20', decisionReference: 'D60001' });
  const aip = await t.ok('saveAgreement', {
    ...base,
    reference: 'AIP-1',
    counterparty: 'East area inclusion partnership',
    startOn: '2024-09-01',
    endOn: '2025-08-31',
    annualValuePence: 30_000_000,
    decisionOn: '2021-06-15',
  });
  const gr = await t.ok('saveAgreement', {
    ...base,
    reference: 'GR-1',
    counterparty: 'Parent carer forum',
    type: 'grant',
    legalBasis: 'grant_terms',
    startOn: '2025-04-01',
    endOn: '2026-03-31',
    annualValuePence: 2_000_000,
    extensionsOffered: 0,
    extensionMonths: 0,
  });
  await t.ok('saveCondition', { agreementId: gr.id, kind: 'other', text: 'Termly report to the forum' });
  return { cl: cl.id, aip: aip.id, gr: gr.id };
}

const exportAgreements = async () => Buffer.from((await t.ok('exportWorkbook', { kind: 'agreements', scope: {} })).base64, 'base64');

function rowOf(sh: ExcelJS.Worksheet, reference: string): number {
  const col = columnOf(sh, 'Reference');
  for (let r = 5; r <= sh.rowCount; r++) if (sh.getRow(r).getCell(col).value === reference) return r;
  throw new Error(`no row for ${reference}`);
}

/** The export, edited, as bytes. */
async function edited(edit: (sh: ExcelJS.Worksheet, set: (ref: string, header: string, v: ExcelJS.CellValue) => void) => void): Promise<Buffer> {
  const wb = await loadWorkbook(await exportAgreements());
  const sh = wb.getWorksheet(SHEET)!;
  edit(sh, (ref, header, v) => {
    sh.getRow(rowOf(sh, ref)).getCell(columnOf(sh, header)).value = v;
  });
  return saveWorkbook(wb);
}

/** A hostile file: its preview names the cell and rule, and apply is refused naming the file; nothing is written by either. */
async function refused(bytes: Buffer): Promise<ImportPreview> {
  const before = dumpTables(t.sqlite);
  const p = await previewOf(t, bytes, 'agreements returned.xlsx');
  expect(p.errors.length).toBeGreaterThan(0);
  const r = await t.server.call('applyImport', { importId: p.importId, prefer: 'file', confirmFlags: true });
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/^agreements returned\.xlsx has \d+ problems? to fix first; nothing was changed\.$/);
  }
  expect(dumpTables(t.sqlite)).toEqual(before);
  return p;
}

describe('the agreements workbook', () => {
  it('is listed as a kind with no scope, its totals and flags locked', async () => {
    await seeded();
    const kind = (await t.ok('listKinds', {})).find((k) => k.kind === 'agreements')!;
    expect(kind).toMatchObject({ title: 'Agreements and contracts', keyField: 'reference', scopeFields: [], canAdd: true });
    const fields = Object.fromEntries(kind.fields.map((f) => [f.field, f.editable]));
    expect(fields).toMatchObject({
      reference: true,
      extensionsTaken: true,
      totalValuePence: false,
      totalWithExtensionsPence: false,
      keyDecision: false,
      callIn: false,
    });
  });

  it('writes each agreement with its worked-out figures, and an unchanged export imports as no change', async () => {
    await seeded();
    const bytes = await exportAgreements();
    const sh = (await loadWorkbook(bytes)).getWorksheet(SHEET)!;
    const cell = (ref: string, header: string) => sh.getRow(rowOf(sh, ref)).getCell(columnOf(sh, header)).value;
    expect(cell('CL-01', 'Type')).toBe('Cooperation agreement between public bodies');
    expect(cell('CL-01', 'Extensions taken')).toBe(1);
    expect(cell('CL-01', 'Total to date')).toBe(1_561_660);
    expect(cell('CL-01', 'Total with every extension')).toBe(2_342_490);
    expect(cell('CL-01', 'Key decision')).toBe('Yes');
    expect(cell('AIP-1', 'Key decision')).toBe('Yes');
    expect(cell('GR-1', 'Call-in')).toBe('No');

    const p = await previewOf(t, bytes);
    expect(p).toMatchObject({ ours: true, kind: 'agreements', scopeLabel: 'All agreements', errors: [], rows: [] });
    expect(p.counts).toEqual({ added: 0, changed: 0, unchanged: 3, missing: 0, conflicts: 0, unmatched: 0, errors: 0, warnings: 0 });
  });

  it('round trip: edit, add, take an extension, preview (nothing written), apply as one batch, revert', async () => {
    const ids = await seeded();
    const bytes = await edited((sh, set) => {
      set('CL-01', 'Extensions taken', 2);
      set('AIP-1', 'Counterparty', 'East AIP (renamed)');
      set('AIP-1', 'Ends (initial term)', new Date(Date.UTC(2025, 11, 31)));
      set('AIP-1', 'Decision date', '01/04/2022');
      const spare = rowOf(sh, 'GR-1') + 1;
      const put = (header: string, v: ExcelJS.CellValue) => (sh.getRow(spare).getCell(columnOf(sh, header)).value = v);
      put('Reference', 'SLA-3');
      put('Counterparty', 'Educational psychology service');
      put('Type', 'Service level agreement');
      put('Legal basis', 'Other');
      put('Starts', '01/04/2026');
      put('Ends (initial term)', '31/03/2027');
      put('Annual value', '£12,500');
      put('Extensions offered', 1);
      put('Months per extension', 6);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ added: 1, changed: 2, missing: 0, conflicts: 0, unmatched: 0, errors: 0 });
    expect(p.rows.filter((r) => r.status === 'changed').map((r) => [r.ref, r.cells.map((c) => [c.header, c.old, c.new])])).toEqual([
      [
        'AIP-1',
        [
          ['Counterparty', 'East area inclusion partnership', 'East AIP (renamed)'],
          ['Ends (initial term)', '31/08/2025', '31/12/2025'],
          ['Decision date', '15/06/2021', '01/04/2022'],
        ],
      ],
      ['CL-01', [['Extensions taken', '1', '2']]],
    ]);
    expect(p.rows.find((r) => r.status === 'added')).toMatchObject({ ref: 'SLA-3', label: 'Educational psychology service' });

    const applied = await t.ok('applyImport', { importId: p.importId });
    expect(applied.batch).toMatchObject({ kind: 'agreements', added: 1, changed: 2, deleted: 0, canRevert: true });
    const cl = await t.ok('getAgreement', { id: ids.cl });
    // The extension taken in the workbook is dated the day it was imported.
    expect(cl.extensionsTaken.map((e) => [e.number, e.takenOn])).toEqual([
      [1, '2025-01-20'],
      [2, '2026-03-01'],
    ]);
    expect(cl.totalValuePence).toBe(234_249_000);
    const aip = await t.ok('getAgreement', { id: ids.aip });
    expect(aip).toMatchObject({ counterparty: 'East AIP (renamed)', endOn: '2025-12-31', decisionOn: '2022-04-01' });
    // Decided on 1 April 2022, the £500,000 threshold applies: no longer a key decision.
    expect(aip.keyDecision.value).toBe(false);
    const sla = (await t.ok('getAgreementsOverview', {})).agreements.find((a) => a.reference === 'SLA-3')!;
    expect(sla).toMatchObject({ type: 'sla', legalBasis: 'other', startOn: '2026-04-01', endOn: '2027-03-31', annualValuePence: 1_250_000 });
    expect(sla.extensions).toEqual({ offered: 1, taken: 0, months: 6 });
    expect(sla.totalWithExtensionsPence).toBe(1_875_000);
    expect(await t.ok('getHistory', { subject: `agreement:${ids.cl}` })).toContainEqual(
      expect.objectContaining({ entity: 'agreement_extension', what: 'Extension taken', newText: '2', changeKind: 'import', who: 'test.user' }),
    );

    await t.ok('revertImportBatch', { batchId: applied.batch!.id });
    const after = dumpTables(t.sqlite);
    for (const table of TABLES) expect(after[table], table).toEqual(before[table]);
  });

  it('fewer extensions taken removes the latest ones; rows missing from the file are deleted, children and all, only when asked', async () => {
    const ids = await seeded();
    const bytes = await edited((sh, set) => {
      set('CL-01', 'Extensions taken', 0);
      sh.spliceRows(rowOf(sh, 'GR-1'), 1);
    });
    const p = await previewOf(t, bytes);
    expect(p.counts).toMatchObject({ changed: 1, missing: 1, errors: 0 });
    expect(p.rows.find((r) => r.status === 'missing')).toMatchObject({
      ref: 'GR-1',
      note: expect.stringContaining('deleted with its extensions, conditions and reports'),
    });
    await t.ok('applyImport', { importId: p.importId });
    expect((await t.ok('getAgreement', { id: ids.cl })).extensionsTaken).toEqual([]);
    expect((await t.ok('getAgreement', { id: ids.gr })).reference).toBe('GR-1');

    const again = await previewOf(t, bytes);
    expect(again.counts).toMatchObject({ changed: 0, missing: 1 });
    await t.ok('applyImport', { importId: again.importId, deleteMissing: true });
    expect((await t.refused('getAgreement', { id: ids.gr })).code).toBe('NOT_FOUND');
    expect(t.sqlite.prepare('SELECT count(*) FROM agreement_condition WHERE agreement_id = ?').pluck().get(ids.gr)).toBe(0);
  });
});

describe('renaming in the workbook', () => {
  it('a new reference typed over an old one renames that agreement, keeping its extensions', async () => {
    const ids = await seeded();
    const p = await previewOf(t, await edited((_sh, set) => set('CL-01', 'Reference', 'CL-01/2024')));
    expect(p.errors).toEqual([]);
    expect(p.matchedBy).toBe('id');
    expect(p.rows.map((r) => [r.status, r.key, r.cells.map((c) => [c.old, c.new])])).toEqual([['changed', String(ids.cl), [['CL-01', 'CL-01/2024']]]]);
    await t.ok('applyImport', { importId: p.importId });
    expect(await t.ok('getAgreement', { id: ids.cl })).toMatchObject({ reference: 'CL-01/2024', extensions: { taken: 1 } });
  });
});

describe('hostile agreements workbooks: refused by file, sheet, cell and rule, nothing changed', () => {
  it('an end date before the start date', async () => {
    await seeded();
    const p = await refused(await edited((_sh, set) => set('AIP-1', 'Ends (initial term)', '31/08/2024')));
    const sh = (await loadWorkbook(await exportAgreements())).getWorksheet(SHEET)!;
    const cell = `I${rowOf(sh, 'AIP-1')}`;
    expect(columnOf(sh, 'Ends (initial term)')).toBe(9);
    expect(p.errors).toEqual([
      {
        sheet: SHEET,
        cell,
        rule: 'Ends (initial term) must not be before the start date',
        message: `${SHEET}!${cell} — Ends (initial term) must not be before the start date — found 31 August 2024, before the start on 1 September 2024`,
      },
    ]);
  });

  it('more extensions taken than offered, on a row that exists and on a new one', async () => {
    await seeded();
    const p = await refused(await edited((_sh, set) => set('CL-01', 'Extensions taken', 3)));
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^Agreements!M\d+ — Extensions taken must not be more than the extensions offered: an extension taken must be one that was offered — found 3 taken, 2 offered$/,
      ),
    ]);
    const offered = await refused(await edited((_sh, set) => set('CL-01', 'Extensions offered', 0)));
    expect(offered.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Agreements!K\d+ — Extensions offered must not be fewer than the extensions taken — found 1 taken, 0 offered$/),
    ]);
    const negative = await refused(await edited((_sh, set) => set('CL-01', 'Extensions taken', -1)));
    expect(negative.errors[0]!.rule).toBe('Extensions taken must not be negative');
    const blank = await refused(await edited((_sh, set) => set('CL-01', 'Extensions taken', null)));
    expect(blank.errors[0]!.rule).toBe('Extensions taken must be a whole number: type 0 for none');
  });

  it('a hidden row id edited to point at another agreement is never written to either', async () => {
    const ids = await seeded();
    const p = await refused(
      await edited((sh, set) => {
        sh.getRow(rowOf(sh, 'CL-01')).getCell(1).value = ids.aip;
        set('CL-01', 'Annual value', 1);
      }),
    );
    const row = rowOf((await loadWorkbook(await exportAgreements())).getWorksheet(SHEET)!, 'CL-01');
    expect(p.errors).toContainEqual({
      sheet: SHEET,
      cell: `A${row}`,
      rule: 'the hidden row id must belong to the agreement the row names (leave column A alone)',
      message: `${SHEET}!A${row} — the hidden row id must belong to the agreement the row names (leave column A alone) — found id ${ids.aip}, which is agreement AIP-1, on the row for CL-01`,
    });
  });

  it('text in a date cell', async () => {
    await seeded();
    const p = await refused(await edited((_sh, set) => set('GR-1', 'Starts', 'next April')));
    expect(p.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Agreements!H\d+ — Starts must be a date written dd\/mm\/yyyy — found "next April"$/),
    ]);
  });

  it('a reference used twice, a type not in the list, and extensions of no length', async () => {
    await seeded();
    const p = await refused(
      await edited((sh, set) => {
        const spare = rowOf(sh, 'GR-1') + 1;
        const put = (header: string, v: ExcelJS.CellValue) => (sh.getRow(spare).getCell(columnOf(sh, header)).value = v);
        put('Reference', 'cl-01');
        put('Counterparty', 'Copy');
        put('Type', 'Grant');
        put('Legal basis', 'Other');
        put('Starts', '01/04/2026');
        put('Ends (initial term)', '31/03/2027');
        put('Annual value', 100);
        set('AIP-1', 'Type', 'Handshake');
        set('GR-1', 'Extensions offered', 1);
      }),
    );
    const rules = p.errors.map((e) => e.rule);
    expect(rules).toContain('references must be unique');
    expect(rules).toContain('Type must be one of the type values in the list');
    expect(rules).toContain('Months per extension must be more than 0 when extensions are offered');
  });
});
