import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../support/cli';
import { tempDir } from '../../support/workspace';
import { columnOf, loadWorkbook, rowOfCode, saveWorkbook } from '../../support/workbooks';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hnb-cli-')));
afterEach(() => cleanup());

const hnb = (...argv: string[]) => runHnb(dir, argv);

const snapshot = () => workspaceSnapshot(dir);

function forecastOf(code: string): number | null {
  const db = new Database(join(dir, 'workspace.hnbdesk'), { readonly: true });
  try {
    const r = db
      .prepare(
        `SELECT f.forecast_pence AS p FROM forecast f JOIN budget_line l ON l.id = f.line_id WHERE l.code = ? AND f.year_id = '2026-27' AND f.period = 7`,
      )
      .get(code) as { p: number } | undefined;
    return r?.p ?? null;
  } finally {
    db.close();
  }
}

describe('hnb kinds, export and import', () => {
  it('lists each workbook kind with its fields', async () => {
    await hnb('init');
    const r = await hnb('kinds', '--json');
    expect(r.code).toBe(0);
    const kinds = JSON.parse(r.out) as Array<{ kind: string; fields: Array<Record<string, unknown>> }>;
    // Other features add kinds of their own (the recovery plan's, the register's): these two are the monitoring ones.
    expect(kinds.map((k) => k.kind).slice(0, 2)).toEqual(['budget', 'monitoring']);
    const monitoring = kinds.find((k) => k.kind === 'monitoring')!;
    expect(monitoring.fields).toContainEqual({ field: 'forecastPence', header: 'Forecast outturn', type: 'money', key: false, editable: true });
    expect(monitoring.fields).toContainEqual({ field: 'id', header: 'Row id', type: 'id', key: true, editable: false });
    expect(Object.keys(monitoring.fields[0]!)).toEqual(['field', 'header', 'type', 'key', 'editable']);
  });

  it('exports a return, previews the edited file, exits 2 on errors and 3 on conflicts, and applies with --apply', async () => {
    await hnb('init', '--demo');
    expect((await hnb('export', 'monitoring', '--year', '2026-27', '--period', 'P7', '--out', 'return.xlsx')).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, 'return.xlsx')));
    const sh = wb.getWorksheet('Monitoring return')!;
    const fc = columnOf(sh, 'Forecast outturn');
    sh.getRow(rowOfCode(sh, 'HN02')).getCell(fc).value = 1_500_000;
    writeFileSync(join(dir, 'edited.xlsx'), await saveWorkbook(wb));

    const before = snapshot();
    const preview = await hnb('import', 'edited.xlsx', '--json');
    expect(preview.code).toBe(0);
    expect(JSON.parse(preview.out)).toMatchObject({ kind: 'monitoring', added: 0, changed: 1, missing: 0, conflicts: 0, errors: [] });
    expect(snapshot()).toEqual(before);

    sh.getRow(rowOfCode(sh, 'HN03')).getCell(fc).value = 'lots';
    writeFileSync(join(dir, 'bad.xlsx'), await saveWorkbook(wb));
    const bad = await hnb('import', 'bad.xlsx', '--apply', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).errors).toEqual([
      {
        sheet: 'Monitoring return',
        cell: `I${rowOfCode(sh, 'HN03')}`,
        rule: expect.stringMatching(/must be an amount/),
        message: expect.stringMatching(/^Monitoring return!I\d+ — .* — found "lots"$/),
      },
    ]);
    expect(snapshot()).toEqual(before);

    // Someone changes HN02 in the workspace after the export: the edited file now conflicts.
    await hnb('import', 'edited.xlsx', '--apply');
    const changed = snapshot();
    sh.getRow(rowOfCode(sh, 'HN03')).getCell(fc).value = 99;
    sh.getRow(rowOfCode(sh, 'HN02')).getCell(fc).value = 1_600_000;
    writeFileSync(join(dir, 'second.xlsx'), await saveWorkbook(wb));
    const conflicted = await hnb('import', 'second.xlsx', '--apply', '--json');
    expect(conflicted.code).toBe(3);
    expect(JSON.parse(conflicted.out)).toMatchObject({ conflicts: 1, changed: 1 });
    expect(snapshot()).toEqual(changed);

    // HN03 drops from about £950,000 to £99: flagged, so --apply alone writes nothing.
    const flagged = await hnb('import', 'second.xlsx', '--apply', '--prefer', 'db');
    expect(flagged.code).toBe(2);
    expect(flagged.out).toMatch(/Look again: 1 line moves by more than 50%/);
    expect(flagged.err).toMatch(/add --confirm to apply anyway/);
    expect(snapshot()).toEqual(changed);
    const preferred = await hnb('import', 'second.xlsx', '--apply', '--prefer', 'db', '--confirm');
    expect(preferred.code).toBe(0);
    expect(preferred.out).toMatch(/Imported as batch \d+: 1 changed/);
    expect(forecastOf('HN02')).toBe(150_000_000);
    expect(forecastOf('HN03')).toBe(9_900);
  });

  it('imports a foreign workbook with --kind and --map, or the mapping proposed from its header', async () => {
    await hnb('init', '--demo');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ledger');
    ws.addRow(['Finance system export']);
    ws.addRow([]);
    ws.addRow(['Cost centre', 'Name', 'Projection', 'Notes']);
    ws.addRow(['HN01', 'x', '£8,300,000', 'Two more places']);
    ws.addRow(['Total', null, 8_300_000, null]);
    writeFileSync(join(dir, 'ledger.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));

    const noKind = await hnb('import', 'ledger.xlsx');
    expect(noKind.code).toBe(2);
    expect(noKind.err).toMatch(/not exported by HNB Desk: say what it holds with --kind/);

    const proposed = await hnb('import', 'ledger.xlsx', '--kind', 'monitoring', '--year', '2026-27', '--period', 'P7', '--json');
    expect(proposed.code).toBe(0);
    expect(JSON.parse(proposed.out)).toMatchObject({ changed: 1, errors: [] });

    const mapped = await hnb(
      'import',
      'ledger.xlsx',
      '--kind',
      'monitoring',
      '--year',
      '2026-27',
      '--period',
      'P7',
      '--map',
      'Cost centre=code,Projection=forecastPence',
      '--apply',
    );
    expect(mapped.code).toBe(0);
    expect(forecastOf('HN01')).toBe(830_000_000);

    const wrong = await hnb('import', 'ledger.xlsx', '--kind', 'monitoring', '--year', '2026-27', '--period', 'P7', '--map', 'Costcentre=code');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/no column headed "Costcentre"/);
  });

  it('refuses a file that is not a workbook, and a missing file, with exit 2', async () => {
    await hnb('init', '--demo');
    writeFileSync(join(dir, 'notes.xlsx'), 'hello');
    const before = snapshot();
    const r = await hnb('import', 'notes.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/notes\.xlsx is not an Excel workbook/);
    expect((await hnb('import', 'absent.xlsx')).code).toBe(2);
    expect(snapshot()).toEqual(before);
  });
});
