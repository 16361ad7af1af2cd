/**
 * Hostile recovery workbooks through the command line: `hnb export` writes the real file,
 * exceljs tampers with it, `hnb import --apply` must exit 2 with the cell and rule named, and
 * the workspace file must be unchanged table by table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainServer } from '../../../../electron/server/server';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { type TestServer, testServer } from '../../../support/workspace';
import { projectOf, workstreamOf } from '../register/support';
import { metaRow, rowWhere, set } from './support';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('hnb import of a hostile recovery workbook', () => {
  it('exits 2 naming the cell, and writes nothing: a register for another year, a plan since submitted', async () => {
    t = await testServer({ demo: true });
    const ws1 = await workstreamOf(t, 'WS9', 'Hostile tests');
    const p = await projectOf(t, ws1, 'PX1', { name: 'Test project' });
    await t.ok('saveProjectYear', { projectId: p.id, year: '2026-27', costPence: 100, targetSavingPence: 200, deliveredSavingPence: null });
    const plan = await t.ok('createPlan', { name: 'Hostile plan', baseYear: '2026-27', horizonYears: 5 });
    const m = plan.scenarios.find((s) => s.kind === 'mitigated')!.id;
    t.server.close();
    const dir = t.dir;
    const hnb = (...argv: string[]) => runHnb(dir, argv);

    expect((await hnb('export', 'projects', '--year', '2026-27', '--workstream', 'WS9', '--out', 'register.xlsx')).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, 'register.xlsx')));
    const meta = wb.getWorksheet('_meta')!;
    meta.getCell(metaRow(meta, 'scope.year'), 2).value = '2027-28';
    set(wb.getWorksheet('Projects')!, rowWhere(wb.getWorksheet('Projects')!, 'Project code', 'PX1'), 'Owner', 'Someone');
    writeFileSync(join(dir, 'register-tampered.xlsx'), await saveWorkbook(wb));

    expect((await hnb('export', 'plan-funding', '--scenario', 'Unmitigated', '--plan', 'Hostile plan', '--out', 'funding.xlsx')).code).toBe(0);
    const fwb = await loadWorkbook(readFileSync(join(dir, 'funding.xlsx')));
    const fs = fwb.getWorksheet('Plan funding')!;
    set(fs, rowWhere(fs, 'Year', '2028-29'), 'Block transfers', 1_000);
    writeFileSync(join(dir, 'funding-edited.xlsx'), await saveWorkbook(fwb));

    // Submitting the mitigated scenario locks its unmitigated parent too.
    const reopened = new DomainServer({ dataDir: dir, user: 'lead', logError: () => undefined });
    await reopened.openDefault();
    const submitted = await reopened.call('submitScenario', { id: m, submittedOn: '2026-02-20', note: 'Sent to DfE' });
    expect(submitted.ok).toBe(true);
    reopened.close();

    const before = workspaceSnapshot(dir);
    const year = await hnb('import', 'register-tampered.xlsx', '--apply');
    expect(year.code).toBe(2);
    expect(`${year.out}${year.err}`).toMatch(/Projects!M5 — every row must be for 2027-28, the year this workbook was exported for/);
    const locked = await hnb('import', 'funding-edited.xlsx', '--apply', '--confirm');
    expect(locked.code).toBe(2);
    expect(`${locked.out}${locked.err}`).toMatch(/submitted and locked/);
    expect(workspaceSnapshot(dir)).toEqual(before);
  });
});
