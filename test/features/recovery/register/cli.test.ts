import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainServer } from '../../../../electron/server/server';
import type { Envelope } from '../../../../electron/shared/errors';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { columnOf, loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { tempDir } from '../../../support/workspace';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hnb-cli-register-')));
afterEach(() => cleanup());

const hnb = (...argv: string[]) => runHnb(dir, argv);

/** The register the command line will read: set up through the server on the same workspace file. */
async function seed(): Promise<void> {
  const server = new DomainServer({ dataDir: dir, user: 'setup', logError: () => undefined });
  await server.openDefault();
  const call = async (channel: string, input: unknown) => {
    const r = (await server.call(channel as never, input)) as Envelope<never>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as { id: number } & Record<string, unknown>;
  };
  try {
    const list = (await call('saveWorkstream', { code: 'WS1', name: 'Inclusion in mainstream' })) as unknown as Array<{ id: number }>;
    const ws1 = list[0]!.id;
    const p1 = await call('saveProject', {
      code: 'P01',
      name: 'Panel redesign',
      workstreamId: ws1,
      fundingSource: 'hnb',
      approvedBudgetPence: 6_500_000,
      spendToDatePence: 1_000_000,
      forecastPence: 6_400_000,
    });
    await call('saveProject', { code: 'P02', name: 'Co-ordinator', workstreamId: ws1, fundingSource: 'forum_allocation' });
    await call('recordRag', { projectId: p1.id, rag: 'amber', reason: 'Slow start', asOf: '2025-12-01' });
    await call('saveProjectYear', { projectId: p1.id, year: '2026-27', costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: 1_000_000 });
    await call('saveProjectYear', { projectId: p1.id, year: '2027-28', costPence: 0, targetSavingPence: 80_000_000, deliveredSavingPence: null });
    await call('saveKpi', {
      projectId: p1.id,
      measure: 'EHC plans',
      baseline: 224,
      baselineOn: '2024-03-31',
      target: 200,
      latest: 252,
      latestOn: '2025-03-31',
    });
  } finally {
    server.close();
  }
}

describe('hnb projects', () => {
  it('gives the register as JSON: money in pence, savings and costs by year, KPIs', async () => {
    await hnb('init');
    await seed();
    const r = await hnb('projects', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      {
        code: 'P01',
        name: 'Panel redesign',
        workstream: 'Inclusion in mainstream',
        fundingSource: 'hnb',
        rag: 'amber',
        budgetPence: 6_500_000,
        spendPence: 1_000_000,
        forecastPence: 6_400_000,
        scenarios: [],
        savings: [
          { year: '2026-27', targetPence: 50_000_000, deliveredPence: 1_000_000 },
          { year: '2027-28', targetPence: 80_000_000, deliveredPence: null },
        ],
        costs: [{ year: '2026-27', pence: 3_250_000 }],
        kpis: [{ measure: 'EHC plans', baseline: 224, target: 200, latest: 252 }],
      },
      {
        code: 'P02',
        name: 'Co-ordinator',
        workstream: 'Inclusion in mainstream',
        fundingSource: 'forum_allocation',
        rag: null,
        budgetPence: 0,
        spendPence: 0,
        forecastPence: 0,
        scenarios: [],
        savings: [],
        costs: [],
        kpis: [],
      },
    ]);
    const text = await hnb('projects', '--rag', 'Amber');
    expect(text.code).toBe(0);
    const lines = text.out.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/ {2,}/))).toEqual([
      ['Code', 'Project', 'Workstream', 'RAG', 'Budget', 'Spend', 'Forecast', 'Target savings', 'Delivered'],
      [expect.stringMatching(/^-+$/), ...Array(8).fill(expect.stringMatching(/^-+$/))],
      ['P01', 'Panel redesign', 'Inclusion in mainstream', 'Amber', '£65,000', '£10,000', '£64,000', '£1,300,000', '£10,000'],
    ]);
    const bad = await hnb('projects', '--rag', 'purple');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--rag must be red, amber or green, not "purple"/);
    expect((await hnb('projects', '--workstream', 'WS9')).code).toBe(2);
  });

  it('exports the register for a year and imports it back with the generic commands', async () => {
    await hnb('init');
    await seed();
    const out = await hnb('export', 'projects', '--year', '2026-27', '--out', 'register.xlsx');
    expect(out.code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, 'register.xlsx')));
    const sh = wb.getWorksheet('Projects')!;
    sh.getRow(5).getCell(columnOf(sh, 'Delivered saving in the year')).value = 'lots';
    writeFileSync(join(dir, 'bad.xlsx'), await saveWorkbook(wb));
    const before = workspaceSnapshot(dir);
    const refused = await hnb('import', 'bad.xlsx', '--apply');
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/Error: Projects!P5 — Delivered saving in the year must be an amount in pounds/);
    expect(workspaceSnapshot(dir)).toEqual(before);

    sh.getRow(5).getCell(columnOf(sh, 'Delivered saving in the year')).value = 25_000;
    writeFileSync(join(dir, 'good.xlsx'), await saveWorkbook(wb));
    const applied = await hnb('import', 'good.xlsx', '--apply', '--json');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.out)).toMatchObject({ kind: 'projects', changed: 1, errors: [], applied: { kind: 'projects', changed: 1 } });
    const after = JSON.parse((await hnb('projects', '--json')).out) as Array<{ savings: unknown[] }>;
    expect(after[0]!.savings[0]).toEqual({ year: '2026-27', targetPence: 50_000_000, deliveredPence: 2_500_000 });
  });
});
