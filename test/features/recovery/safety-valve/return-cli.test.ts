import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { columnOf, loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { type TestServer, testServer } from '../../../support/workspace';
import { readFileSync, writeFileSync } from 'node:fs';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true });
});
afterAll(() => t.close());

const AGREEMENT = 'Safety Valve agreement (March 2023)';

describe('hnb export and import of the Safety Valve return', () => {
  it('exports a quarter named on the command line, previews the filled-in file, exits 2 on a bad rating and applies with --apply', async () => {
    const out = join(t.dir, 'sv-q2.xlsx');
    const exported = await runHnb(t.dir, [
      'export',
      'safety-valve-return',
      '--agreement',
      AGREEMENT,
      '--year',
      '2026-27',
      '--quarter',
      'Q2',
      '--out',
      out,
      '--json',
    ]);
    expect(exported.code, exported.err).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ kind: 'safety-valve-return', scope: { agreement: AGREEMENT, year: '2026-27', quarter: 'Q2' } });

    const wb = await loadWorkbook(readFileSync(out));
    const sh = wb.getWorksheet('Safety Valve return')!;
    const rowOf = (n: number) => {
      for (let r = 5; r <= sh.rowCount; r++) if (String(sh.getRow(r).getCell(columnOf(sh, 'Condition no.')).value) === String(n)) return r;
      throw new Error(`no condition ${n}`);
    };
    expect(sh.getRow(rowOf(4)).getCell(columnOf(sh, 'RAG')).value).toBe('Red');
    sh.getRow(rowOf(4)).getCell(columnOf(sh, 'RAG')).value = 'Amber';
    sh.getRow(rowOf(4)).getCell(columnOf(sh, 'Figures')).value = '40 new placements';
    const edited = join(t.dir, 'sv-q2-edited.xlsx');
    writeFileSync(edited, await saveWorkbook(wb));
    sh.getRow(rowOf(1)).getCell(columnOf(sh, 'RAG')).value = 'Blue';
    const bad = join(t.dir, 'sv-q2-bad.xlsx');
    writeFileSync(bad, await saveWorkbook(wb));

    const before = workspaceSnapshot(t.dir);
    const refused = await runHnb(t.dir, ['import', bad, '--apply', '--json']);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/RAG must be one of the rag values in the list — found \\"Blue\\"/);
    const preview = await runHnb(t.dir, ['import', edited, '--json']);
    expect(preview.code, preview.err).toBe(0);
    expect(JSON.parse(preview.out)).toMatchObject({ changed: 1, unchanged: 5, errors: [] });
    expect(workspaceSnapshot(t.dir)).toEqual(before);

    const applied = await runHnb(t.dir, ['import', edited, '--apply', '--json']);
    expect(applied.code, applied.err).toBe(0);
    const [sv] = await t.ok('listSvAgreements', {});
    const c4 = sv!.conditions.find((c) => c.number === 4)!;
    expect(c4.monitoring.find((m) => m.year === '2026-27' && m.quarter === 2)).toMatchObject({ rag: 'amber', figures: '40 new placements' });
  });

  it('refuses a quarter that is not one, and an agreement the workspace does not hold, with exit 2', async () => {
    const out = join(t.dir, 'never.xlsx');
    const q5 = await runHnb(t.dir, ['export', 'safety-valve-return', '--agreement', AGREEMENT, '--year', '2026-27', '--quarter', 'Q5', '--out', out]);
    expect(q5.code).toBe(2);
    expect(q5.err).toMatch(/Quarter must be a quarter from Q1 \(April–June\) to Q4 \(January–March\)/);
    const other = await runHnb(t.dir, [
      'export',
      'safety-valve-return',
      '--agreement',
      'No such agreement',
      '--year',
      '2026-27',
      '--quarter',
      '2',
      '--out',
      out,
    ]);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/There is no Safety Valve or DBV agreement called "No such agreement" in this workspace/);
  });
});
