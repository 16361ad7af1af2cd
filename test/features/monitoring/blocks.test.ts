import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitoringMovementBlock, monitoringTableBlock, type MonitoringTableSnapshot } from '../../../features/monitoring/blocks';
import { moneyFormat } from '../../../electron/shared/money';
import { runHnb } from '../../support/cli';
import { type TestServer, testServer } from '../../support/workspace';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true });
});
afterAll(() => t.close());

const ws = () => t.server.workspace!;
const money = moneyFormat('minus');
const figure = (figures: Array<{ key: string; pence: number | null }>, key: string) => figures.find((f) => f.key === key)?.pence;

describe('the monitoring-table block', () => {
  it('totals to the same figures as hnb summary on the demo workspace', async () => {
    const snapshot = monitoringTableBlock.load(ws(), { year: '2026-27', period: 7 }, {});
    const r = monitoringTableBlock.render(snapshot, money);
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    expect(figure(r.figures, 'total.budget')).toBe(summary.budgetPence);
    expect(figure(r.figures, 'total.forecast')).toBe(summary.forecastPence);
    expect(figure(r.figures, 'total.variance')).toBe(summary.variancePence);
    expect(summary.forecastPence).toBeGreaterThan(0);

    // And through the command line, as a clerk would check it.
    const cli = await runHnb(t.dir, ['summary', '--year', '2026-27', '--period', 'P7', '--json']);
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.out) as { forecastPence: number; budgetPence: number; variancePence: number };
    expect(figure(r.figures, 'total.forecast')).toBe(printed.forecastPence);
    expect(figure(r.figures, 'total.variance')).toBe(printed.variancePence);
  });

  it('prints the lines by provision group, with subtotals that add up and a total, on a landscape page', () => {
    const s = monitoringTableBlock.load(ws(), { year: '2026-27', period: 7 }, {}) as MonitoringTableSnapshot;
    const r = monitoringTableBlock.render(s, money);
    expect(r.wide).toBe(true);
    expect(r.caption).toBe('High Needs monitoring, 2026-27 at P7 (October 2026)');
    const [table] = r.tables;
    expect(table!.rows.filter((x) => x.style === 'group').length).toBe(s.groups.length);
    expect(table!.rows.filter((x) => x.style === 'subtotal').length).toBe(s.groups.length);
    expect(table!.rows.at(-1)!.style).toBe('total');
    for (const g of s.groups) expect(g.lines.reduce((a, l) => a + l.forecastPence, 0)).toBe(g.forecastPence);
    expect(s.groups.reduce((a, g) => a + g.variancePence, 0)).toBe(s.total.variancePence);
    // The HTML shows the total in whole pounds, as the summary does.
    expect(r.html).toContain(`<caption>High Needs monitoring, 2026-27 at P7 (October 2026)</caption>`);
    expect(r.html).toContain(money.format(s.total.forecastPence));
    expect(r.html).toMatch(/<th scope="col" class="num">Forecast outturn<\/th>/);
    // Every figure has a key of its own, so a re-issue can say which one moved.
    const keys = r.figures.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('renders the same snapshot the same way, after a round trip through JSON', () => {
    const s = monitoringTableBlock.load(ws(), { year: '2026-27', period: 7 }, {});
    const again = JSON.parse(JSON.stringify(s));
    expect(monitoringTableBlock.render(again, money)).toEqual(monitoringTableBlock.render(s, money));
  });

  it('refuses a year the workspace does not hold, or a month not yet forecast, naming the block', () => {
    expect(() => monitoringTableBlock.load(ws(), { year: '2031-32', period: 7 }, {})).toThrow(
      "The block 'High Needs monitoring' names 2031-32, which is not in this workspace.",
    );
    expect(() => monitoringTableBlock.load(ws(), { year: '2026-27', period: 9 }, {})).toThrow(
      /names 2026-27 at P9 \(December 2026\), but no forecast has been recorded/,
    );
    try {
      monitoringTableBlock.load(ws(), { year: '2031-32', period: 7 }, {});
    } catch (e) {
      expect((e as { code: string }).code).toBe('NOT_FOUND');
    }
  });

  it('reads its settings as the editor stores them', () => {
    expect(monitoringTableBlock.settings.parse({ year: '2026-27', period: 'P7' })).toEqual({ year: '2026-27', period: 7 });
    expect(monitoringTableBlock.settings.parse({ year: '2026-27', period: '7' })).toEqual({ year: '2026-27', period: 7 });
    expect(monitoringTableBlock.settings.safeParse({ year: '2026/27', period: 7 }).success).toBe(false);
    expect(monitoringTableBlock.settings.safeParse({ year: '2026-27', period: 13 }).success).toBe(false);
  });
});

describe('the monitoring-movement block', () => {
  it('compares with the month before by default, and its total is the change in the total forecast', async () => {
    const s = monitoringMovementBlock.load(ws(), { year: '2026-27', period: 7 }, {});
    const r = monitoringMovementBlock.render(s, money);
    const now = await t.ok('getSummary', { year: '2026-27', period: 7 });
    const before = await t.ok('getSummary', { year: '2026-27', period: 6 });
    expect(figure(r.figures, 'total.from')).toBe(before.forecastPence);
    expect(figure(r.figures, 'total.to')).toBe(now.forecastPence);
    expect(figure(r.figures, 'total.movement')).toBe(now.forecastPence - before.forecastPence);
    expect(r.caption).toBe('Movement in forecast since P6 (September 2026), 2026-27 at P7 (October 2026)');
  });

  it('compares with the month the previous meeting saw, when told of it', async () => {
    const ctx = {
      meetingId: 1,
      previousMeetingBlocks: () => [
        { kind: 'monitoring-table', settings: { year: '2026-27', period: 4 } },
        { kind: 'position-table', settings: { year: '2025-26', period: 6 } },
      ],
    };
    const s = monitoringMovementBlock.load(ws(), { year: '2026-27', period: 7 }, ctx);
    const r = monitoringMovementBlock.render(s, money);
    const p4 = await t.ok('getSummary', { year: '2026-27', period: 4 });
    expect(figure(r.figures, 'total.from')).toBe(p4.forecastPence);
    expect(r.caption).toMatch(/^Movement in forecast since P4 \(July 2026\)/);
    expect(r.tables[0]!.note).toMatch(/P4 is the month reported to the previous meeting/);
    // A period chosen in the block wins over the meeting's.
    const chosen = monitoringMovementBlock.load(ws(), monitoringMovementBlock.settings.parse({ year: '2026-27', period: 7, fromPeriod: 'P2' }), ctx);
    expect(monitoringMovementBlock.render(chosen, money).caption).toMatch(/since P2 \(May 2026\)/);
  });

  it('refuses to compare with a later month', () => {
    expect(() => monitoringMovementBlock.load(ws(), { year: '2026-27', period: 5, fromPeriod: 6 }, {})).toThrow(/choose an earlier period/);
  });
});
