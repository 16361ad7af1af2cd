import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { type TestServer, testServer } from '../../../support/workspace';
import { encryptedXlsxBytes, makeMeeting, pdfBytes } from './fixture';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true });
});
afterAll(() => t.close());

describe('hnb block', () => {
  it('gives the monitoring block’s totals, which equal hnb summary', async () => {
    const block = await runHnb(t.dir, ['block', 'monitoring-table', '--year', '2026-27', '--period', 'P7', '--json']);
    expect(block.code).toBe(0);
    const figures = (JSON.parse(block.out) as { figures: Array<{ key: string; pence: number }> }).figures;
    const summary = JSON.parse((await runHnb(t.dir, ['summary', '--year', '2026-27', '--period', 'P7', '--json'])).out) as Record<string, number>;
    const at = (key: string) => figures.find((f) => f.key === key)!.pence;
    expect([at('total.budget'), at('total.forecast'), at('total.variance')]).toEqual([summary.budgetPence, summary.forecastPence, summary.variancePence]);
  });

  it('prints an inline figure as text', async () => {
    const r = await runHnb(t.dir, ['block', 'figure', '--year', '2026-27', '--period', '7', '--measure', 'variance']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Forecast overspend \(variance\), 2026-27 at P7 \(October 2026\)\n {2}£[\d,]+\n$/);
  });

  it('exits 2 for an unknown kind, bad settings or data that is not there', async () => {
    const unknown = await runHnb(t.dir, ['block', 'nonsense']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /hnb block takes one of monitoring-table, monitoring-movement, position-table, position-chart, figure, plan-table, plan-chart, scenario-compare, register-table, agreements-decisions, allocation-table, allocation-compare, buy-in, returns-position, not "nonsense"/,
    );
    expect((await runHnb(t.dir, ['block', 'monitoring-table', '--year', '2026-27', '--period', 'P13'])).code).toBe(2);
    const gone = await runHnb(t.dir, ['block', 'position-table', '--year', '2031-32', '--period', '7']);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain("The block 'DSG position' names 2031-32, which is not in this workspace.");
  });

  it('lists the kinds', async () => {
    const r = await runHnb(t.dir, ['blocks', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Array<{ kind: string }>).map((k) => k.kind)).toContain('position-chart');
  });
});

describe('hnb attach and hnb paper', () => {
  it('attaches a PDF to a paper and shows it; refuses an encrypted workbook with exit 2 and nothing written', async () => {
    const m = await makeMeeting(t, { items: ['Contracts'], startsAt: '2030-12-12T14:00' });
    const p = await t.ok('savePaper', { itemId: m.item.Contracts, header: {}, sections: {} });
    writeFileSync(join(t.dir, 'costs.pdf'), await pdfBytes(4));
    const ok = await runHnb(t.dir, ['attach', '--paper', String(p.id), '--file', 'costs.pdf', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ title: 'costs', fileName: 'costs.pdf', format: 'pdf', pages: 4 });
    const shown = await runHnb(t.dir, ['paper', '--item', String(m.item.Contracts)]);
    expect(shown.out).toContain('Appendix: costs (costs.pdf, pdf, 4 pages)');

    writeFileSync(join(t.dir, 'locked.xlsx'), encryptedXlsxBytes());
    const before = workspaceSnapshot(t.dir);
    const refused = await runHnb(t.dir, ['attach', '--paper', String(p.id), '--file', 'locked.xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/locked\.xlsx is protected with a password/);
    expect(workspaceSnapshot(t.dir)).toEqual(before);
  });
});
