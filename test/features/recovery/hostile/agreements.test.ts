/**
 * The agreements workbook attacked: hidden ids swapped, moved to a deleted agreement or typed
 * over; rows duplicated or added under a reference in use; `_meta` edited; money, counts and
 * dates no agreement holds; a linked agreement deleted from the file. Each lands on exactly the
 * right agreement or is refused by cell (or by sentence) with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { projectOf, workstreamOf } from '../register/support';
import {
  apply,
  cellRef,
  copyRow,
  exported,
  messages,
  metaRow,
  NOW,
  previewOf,
  refusedAtStart,
  refusedToApply,
  rowWhere,
  set,
  spareRow,
  tampered,
} from './support';

let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'Agreements';
const REF = 'Reference';

async function seeded() {
  t = await testServer({ now: NOW });
  await t.ok('saveThreshold', { effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000 });
  const base = { type: 'cooperation', legalBasis: 'pcr2015_reg12_7', extensionsOffered: 2, extensionMonths: 12, decisionReference: 'D1' };
  const cl = await t.ok('saveAgreement', {
    ...base,
    reference: 'CL-01',
    counterparty: 'North cluster',
    startOn: '2024-04-01',
    endOn: '2025-03-31',
    annualValuePence: 78_083_000,
  });
  await t.ok('takeExtension', { agreementId: cl.id, number: 1, takenOn: '2025-01-20', decisionReference: 'D60001' });
  const aip = await t.ok('saveAgreement', {
    ...base,
    reference: 'AIP-1',
    counterparty: 'East partnership',
    startOn: '2024-09-01',
    endOn: '2025-08-31',
    annualValuePence: 30_000_000,
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
  return { cl: cl.id, aip: aip.id, gr: gr.id };
}

const agreements = () =>
  Object.fromEntries(
    (t.sqlite.prepare('SELECT id, reference, counterparty, annual_value_pence FROM agreement').raw().all() as Array<[number, string, string, number]>).map(
      ([id, ref, who, value]) => [id, { ref, who, value }],
    ),
  );

describe('hidden ids moved', () => {
  it('two rows’ ids swapped: refused by cell, never written to either agreement', async () => {
    const { cl, aip } = await seeded();
    const bytes = await tampered(await exported(t, 'agreements'), SHEET, (sh) => {
      const a = rowWhere(sh, REF, 'CL-01');
      const b = rowWhere(sh, REF, 'AIP-1');
      sh.getCell(a, 1).value = aip;
      sh.getCell(b, 1).value = cl;
      set(sh, a, 'Annual value', 1);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'agreements.xlsx');
    expect(messages(p).join('\n')).toMatch(/Agreements!A5 — the hidden row id must belong to the agreement the row names/);
    await refusedToApply(t, p, before);
  });

  it('an id of an agreement deleted since export: its own row is refused; on another agreement’s row the reference decides', async () => {
    const { cl, gr } = await seeded();
    const bytes = await exported(t, 'agreements');
    await t.ok('deleteAgreement', { id: gr });
    let before = dumpTables(t.sqlite);
    const ghost = await previewOf(t, await tampered(bytes, SHEET, (sh) => set(sh, rowWhere(sh, REF, 'GR-1'), 'Annual value', 1)));
    expect(messages(ghost)).toContainEqual(
      `Agreements!A7 — the hidden row id is not one of the agreements this workbook was exported with — found id ${gr} on a row that says GR-1`,
    );
    await refusedToApply(t, ghost, before);

    const moved = await tampered(bytes, SHEET, (sh) => {
      sh.spliceRows(rowWhere(sh, REF, 'GR-1'), 1);
      const a = rowWhere(sh, REF, 'CL-01');
      sh.getCell(a, 1).value = gr;
      set(sh, a, 'Counterparty', 'North cluster schools');
    });
    const p = await previewOf(t, moved);
    expect(p.errors).toEqual([]);
    await apply(t, p, { confirmFlags: true });
    expect(agreements()[cl]).toMatchObject({ ref: 'CL-01', who: 'North cluster schools' });
    expect(Object.keys(agreements())).toHaveLength(2);
    before = dumpTables(t.sqlite);
    expect(before.agreement_extension).toHaveLength(1);
  });

  it.each<[string, unknown]>([
    ['text', 'abc'],
    ['a fraction', 2.5],
    ['a negative', -2],
  ])('an id typed over with %s is refused by cell', async (_what, value) => {
    await seeded();
    let row = 0;
    const bytes = await tampered(await exported(t, 'agreements'), SHEET, (sh) => {
      row = rowWhere(sh, REF, 'AIP-1');
      sh.getCell(row, 1).value = value as never;
      set(sh, row, 'Annual value', 1);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p)).toContainEqual(expect.stringContaining(`Agreements!A${row} — must be the row id HNB Desk wrote (leave column A alone) — found `));
    await refusedToApply(t, p, before);
  });
});

describe('rows duplicated, added and renamed', () => {
  it('a row duplicated with its id, or with its id cleared, is refused', async () => {
    await seeded();
    const bytes = await exported(t, 'agreements');
    const before = dumpTables(t.sqlite);
    for (const clearId of [false, true]) {
      const dup = await tampered(bytes, SHEET, (sh) => {
        const spare = spareRow(sh, REF);
        copyRow(sh, rowWhere(sh, REF, 'CL-01'), sh, spare);
        if (clearId) sh.getCell(spare, 1).value = null;
        set(sh, spare, 'Annual value', 1);
      });
      const p = await previewOf(t, dup);
      expect(p.errors.length).toBeGreaterThan(0);
      expect(messages(p).join('\n')).toMatch(/Agreements!A8 — /);
      await refusedToApply(t, p, before);
    }
  });

  it('a new agreement under a reference in use (any case, any spaces) is refused; a rename onto another’s reference too', async () => {
    const { aip } = await seeded();
    const bytes = await exported(t, 'agreements');
    const before = dumpTables(t.sqlite);
    const added = await tampered(bytes, SHEET, (sh) => {
      const spare = spareRow(sh, REF);
      set(sh, spare, REF, '  cl-01 ');
      set(sh, spare, 'Counterparty', 'Impostor');
      set(sh, spare, 'Type', 'Grant');
      set(sh, spare, 'Legal basis', (sh.getCell(rowWhere(sh, REF, 'GR-1'), 7).value as string) ?? '');
      set(sh, spare, 'Starts', '01/04/2026');
      set(sh, spare, 'Ends (initial term)', '31/03/2027');
      set(sh, spare, 'Annual value', 5);
    });
    const p = await previewOf(t, added);
    expect(messages(p).join('\n')).toMatch(/Agreements![AB]8 — /);
    await refusedToApply(t, p, before);

    let row = 0;
    const renamed = await tampered(bytes, SHEET, (sh) => {
      sh.spliceRows(rowWhere(sh, REF, 'GR-1'), 1);
      row = rowWhere(sh, REF, 'AIP-1');
      set(sh, row, REF, 'gr-1');
    });
    const q = await previewOf(t, renamed);
    expect(messages(q)).toContainEqual(
      `Agreements!A${row} — the hidden row id must belong to the agreement the row names (leave column A alone) — found id ${aip}, which is agreement AIP-1, on the row for gr-1`,
    );
    await refusedToApply(t, q, before);
  });
});

describe('the hidden _meta sheet, edited', () => {
  it.each<[string, (meta: import('exceljs').Worksheet) => void, RegExp]>([
    ['a year added to its scope', (m) => (m.getCell(metaRow(m, 'exportedAt'), 1).value = 'scope.year'), /has no year/],
    ['the kind changed to projects', (m) => (m.getCell(metaRow(m, 'kind'), 2).value = 'projects'), /_meta!B3|names the sheet|is required/],
    ['a schema version from the future', (m) => (m.getCell(metaRow(m, 'schemaVersion'), 2).value = 2), /newer version of HNB Desk/],
    ['a row count that does not match', (m) => (m.getCell(metaRow(m, 'rowCount'), 2).value = 2), /it lists 3 row fingerprints where it says it has 2/],
  ])('%s is refused naming _meta, nothing written', async (_what, edit, message) => {
    await seeded();
    const bytes = await tampered(await exported(t, 'agreements'), SHEET, (_sh, meta) => edit(meta));
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, bytes, before, 'agreements.xlsx');
    expect(JSON.stringify(e)).toMatch(message);
    expect(JSON.stringify(e)).toMatch(/_meta/);
  });
});

describe('values no agreement holds', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['a negative annual value', 'Annual value', -1, /Annual value must not be negative/],
    ['1e309 as text', 'Annual value', '1e309', /Annual value must be an amount in pounds, such as 1234\.56/],
    ['a blank annual value', 'Annual value', null, /Annual value must be an amount in pounds \(blank is not allowed\)/],
    ['TRUE as annual value', 'Annual value', true, /Annual value must be an amount in pounds — found TRUE/],
    ['a fraction of an extension', 'Extensions taken', 1.5, /Extensions taken must be a whole number — found 1\.5/],
    ['"two" extensions', 'Extensions offered', 'two', /Extensions offered must be a whole number — found "two"/],
    ['more extensions taken than offered', 'Extensions taken', 3, /Extensions taken must not be more than the extensions offered/],
    ['extensions taken below nought', 'Extensions taken', -1, /Extensions taken must not be negative/],
    ['eleven extensions offered', 'Extensions offered', 11, /Extensions offered must be from 0 to 10/],
    ['fewer offered than taken', 'Extensions offered', 0, /Extensions offered must not be fewer than the extensions taken/],
    ['an extension of 121 months', 'Months per extension', 121, /Months per extension must be from 0 to 120 months/],
    ['an extension of no length', 'Months per extension', 0, /Months per extension must be more than 0 when extensions are offered/],
    ['a blank count', 'Extensions taken', null, /Extensions taken must be a whole number: type 0 for none/],
    ['an end before the start', 'Ends (initial term)', '31/03/2024', /Ends \(initial term\) must not be before the start date/],
    ['a day that is not one', 'Starts', '29/02/2025', /Starts must be a date written dd\/mm\/yyyy — found "29\/02\/2025"/],
    ['a blank start', 'Starts', null, /Starts must be a date \(blank is not allowed\)/],
    ['TRUE as a date', 'Decision date', true, /Decision date must be a date — found TRUE/],
    ['a type not in the list', 'Type', 'Handshake', /Type must be one of the type values in the list — found "Handshake"/],
    ['a blank counterparty', 'Counterparty', ' ', /Counterparty must not be blank/],
    ['a reference 61 characters long', REF, 'R'.repeat(61), /Reference must be at most 60 characters/],
  ])('%s is refused by cell, nothing written', async (_what, header, value, message) => {
    await seeded();
    let cell = '';
    const bytes = await tampered(await exported(t, 'agreements'), SHEET, (sh) => {
      const a = rowWhere(sh, REF, 'CL-01');
      set(sh, a, header, value as never);
      cell = cellRef(sh, a, header);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'agreements.xlsx');
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^${cell} — ${message.source}`)));
    const e = await refusedToApply(t, p, before);
    expect(e.message).toMatch(/^agreements\.xlsx has \d+ problems? to fix first; nothing was changed\.$/);
  });

  it('a start date as a bare serial number is read as that day, on its own agreement', async () => {
    const { aip, cl } = await seeded();
    const bytes = await tampered(await exported(t, 'agreements'), SHEET, (sh) => set(sh, rowWhere(sh, REF, 'AIP-1'), 'Starts', 45536));
    await apply(t, await previewOf(t, bytes), { confirmFlags: true });
    const row = (id: number) => t.sqlite.prepare('SELECT start_on FROM agreement WHERE id = ?').get(id) as { start_on: string };
    expect(row(aip).start_on).toBe('2024-09-01');
    expect(row(cl).start_on).toBe('2024-04-01');
  });
});

describe('deleting from the file', () => {
  it('an agreement that delivers a project, missing from the file, is not deleted when asked: refused and nothing written', async () => {
    const { cl } = await seeded();
    const ws = await workstreamOf(t);
    const p1 = await projectOf(t, ws, 'P01');
    await t.ok('linkAgreement', { projectId: p1.id, agreementId: cl });
    const bytes = await tampered(await exported(t, 'agreements'), SHEET, (sh) => {
      sh.spliceRows(rowWhere(sh, REF, 'CL-01'), 1);
      set(sh, rowWhere(sh, REF, 'GR-1'), 'Counterparty', 'Changed too');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'agreements.xlsx');
    expect(p.rows.find((r) => r.status === 'missing')?.ref).toBe('CL-01');
    const e = await t.refused('applyImport', { importId: p.importId, deleteMissing: true });
    expect(e.message).toMatch(/CL-01 delivers project P01: unlink it on the project page before deleting the agreement/);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
