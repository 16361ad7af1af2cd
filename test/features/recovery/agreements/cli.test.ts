import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { columnOf, loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { testServer } from '../../../support/workspace';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const hnb = (...argv: string[]) => runHnb(dir, argv);

/** A workspace with thresholds and two agreements, written through the server, then closed for the command line. */
async function seeded(): Promise<void> {
  const t = await testServer();
  dir = t.dir;
  await t.ok('saveThreshold', { effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000, note: 'Constitution 2019' });
  await t.ok('saveThreshold', { effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000, callInPence: 40_000_000 });
  const cl = await t.ok('saveAgreement', {
    reference: 'CL-01',
    counterparty: 'North cluster',
    type: 'cooperation',
    legalBasis: 'pcr2015_reg12_7',
    startOn: '2024-04-01',
    endOn: '2025-03-31',
    annualValuePence: 78_083_000,
    extensionsOffered: 2,
    extensionMonths: 12,
    decisionOn: '2024-02-15',
    decisionReference: 'D52724',
    forwardPlanReference: 'FP/280521',
  });
  await t.ok('takeExtension', { agreementId: cl.id, number: 1, takenOn: '2025-01-20' });
  await t.ok('saveAgreement', {
    reference: 'AIP-1',
    counterparty: 'East area inclusion partnership',
    type: 'direct_award',
    legalBasis: 'procurement_act_2023',
    startOn: '2025-09-01',
    endOn: '2026-03-31',
    annualValuePence: 30_000_000,
    extensionsOffered: 0,
    extensionMonths: 0,
    decisionOn: '2021-06-15',
  });
  t.server.close();
}

describe('hnb agreements', () => {
  it('--json gives each agreement with its values, flags and alerts as of --today', async () => {
    await seeded();
    const before = workspaceSnapshot(dir);
    const r = await hnb('agreements', '--json', '--today', '2026-03-01');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      {
        reference: 'AIP-1',
        counterparty: 'East area inclusion partnership',
        type: 'direct_award',
        start: '2025-09-01',
        end: '2026-03-31',
        annualValuePence: 30_000_000,
        extensions: { offered: 0, taken: 0, months: 0 },
        totalValuePence: 17_500_000,
        totalWithExtensionsPence: 17_500_000,
        keyDecision: true,
        callIn: true,
        decisionReference: '',
        forwardPlanReference: '',
        alerts: ['Ends on 31 March 2026, in 30 days.', 'A key decision (£300,000 a year) with no decision reference: record the decision that approved it.'],
      },
      {
        reference: 'CL-01',
        counterparty: 'North cluster',
        type: 'cooperation',
        start: '2024-04-01',
        end: '2025-03-31',
        annualValuePence: 78_083_000,
        extensions: { offered: 2, taken: 1, months: 12 },
        totalValuePence: 156_166_000,
        totalWithExtensionsPence: 234_249_000,
        keyDecision: true,
        callIn: true,
        decisionReference: 'D52724',
        forwardPlanReference: 'FP/280521',
        alerts: [
          'Ends on 31 March 2026, in 30 days.',
          'Decide whether to take extension 2 of 2 (12 months): the decision was due on 31 December 2025, 60 days ago (90 days before the term ends on 31 March 2026).',
        ],
      },
    ]);
    const later = JSON.parse((await hnb('agreements', '--json', '--today', '2026-04-01')).out) as Array<{ alerts: string[] }>;
    expect(later.map((a) => a.alerts.length)).toEqual([1, 0]);
    expect(workspaceSnapshot(dir)).toEqual(before);
  });

  it('prints a readable table with what needs attention', async () => {
    await seeded();
    const r = await hnb('agreements', '--today', '2026-03-01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Agreements as of 1 March 2026; alerts look 60 days ahead\./);
    expect(r.out).toMatch(
      /CL-01\s+North cluster\s+Cooperation agreement between public bodies\s+01\/04\/2024\s+31\/03\/2026\s+£780,830\s+1 of 2 × 12m\s+£1,561,660\s+£2,342,490\s+Yes\s+Yes\s+D52724/,
    );
    expect(r.out).toMatch(/Needs attention:\n {2}AIP-1: Ends on 31 March 2026, in 30 days\./);
  });

  it('refuses a --today that is not a date, with exit 2', async () => {
    await seeded();
    const r = await hnb('agreements', '--today', '2026-13-01');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--today must be a date written YYYY-MM-DD, not "2026-13-01"/);
  });
});

describe('hnb thresholds', () => {
  it('lists the thresholds, each from the date it took effect', async () => {
    await seeded();
    const r = await hnb('thresholds', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000, callInPence: 25_000_000, note: 'Constitution 2019' },
      { effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000, callInPence: 40_000_000, note: '' },
    ]);
    const table = await hnb('thresholds');
    expect(table.out).toMatch(/01\/04\/2019\s+£250,000\s+£250,000 \(same\)\s+Constitution 2019/);
  });
});

describe('hnb export agreements and hnb import', () => {
  it('exports, refuses a hostile file with exit 2 and nothing written, and applies a good one', async () => {
    await seeded();
    expect((await hnb('export', 'agreements', '--out', 'agreements.xlsx')).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, 'agreements.xlsx')));
    const sh = wb.getWorksheet('Agreements')!;
    const ends = columnOf(sh, 'Ends (initial term)');
    expect(sh.getRow(5).getCell(columnOf(sh, 'Reference')).value).toBe('AIP-1');
    sh.getRow(5).getCell(ends).value = '31/08/2024';
    writeFileSync(join(dir, 'bad.xlsx'), await saveWorkbook(wb));
    const before = workspaceSnapshot(dir);
    const bad = await hnb('import', 'bad.xlsx', '--apply', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out).errors).toEqual([
      expect.objectContaining({ sheet: 'Agreements', cell: 'I5', rule: 'Ends (initial term) must not be before the start date' }),
    ]);
    expect(workspaceSnapshot(dir)).toEqual(before);

    sh.getRow(5).getCell(ends).value = '30/09/2026';
    writeFileSync(join(dir, 'good.xlsx'), await saveWorkbook(wb));
    const good = await hnb('import', 'good.xlsx', '--apply');
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/Imported as batch \d+: 1 changed/);
    const after = JSON.parse((await hnb('agreements', '--json', '--today', '2026-03-01')).out) as Array<{
      reference: string;
      end: string;
      totalValuePence: number;
    }>;
    // 1 September 2025 to 30 September 2026: 13 months of £300,000 a year.
    expect(after[0]).toMatchObject({ reference: 'AIP-1', end: '2026-09-30', totalValuePence: 32_500_000 });
  });
});
