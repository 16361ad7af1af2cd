import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureBlock, positionChartBlock, positionTableBlock } from '../../../features/position/blocks';
import { moneyFormat } from '../../../electron/shared/money';
import { type TestServer, testServer } from '../../support/workspace';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true });
});
afterAll(() => t.close());

const ws = () => t.server.workspace!;
const money = moneyFormat('minus');
const brackets = moneyFormat('brackets');

describe('the position-table block', () => {
  it('gives every figure hnb summary gives, through the same query', async () => {
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    const r = positionTableBlock.render(positionTableBlock.load(ws(), { year: '2026-27', period: 7 }, {}), money);
    const by = Object.fromEntries(r.figures.map((f) => [f.key, f.pence]));
    expect(by).toEqual({
      netFunding: summary.netFundingPence,
      budget: summary.budgetPence,
      forecast: summary.forecastPence,
      variance: summary.variancePence,
      inYear: summary.inYearPence,
      broughtForward: summary.broughtForwardPence,
      contributions: summary.contributionsPence,
      carriedForward: summary.carriedForwardPence,
    });
    expect(r.tables[0]!.rows.map((row) => row.cells[1])).toEqual(Object.values(by));
    expect(r.html).toContain(`<td class="num neg">${money.format(summary.carriedForwardPence)}</td>`);
    expect(summary.carriedForwardPence).toBeLessThan(0);
  });

  it('shows negatives in the workspace’s style', () => {
    const s = positionTableBlock.load(ws(), { year: '2026-27', period: 7 }, {});
    const carried = (s as { figures: { carriedForward: number } }).figures.carriedForward;
    expect(positionTableBlock.render(s, brackets).html).toContain(`(${money.format(-carried)})`);
  });

  it('refuses a year that is not there', () => {
    expect(() => positionTableBlock.load(ws(), { year: '2031-32', period: 7 }, {})).toThrow(
      "The block 'DSG position' names 2031-32, which is not in this workspace.",
    );
  });
});

describe('the position-chart block', () => {
  it('draws the position screen’s series as an SVG image with a title, a label and no script', async () => {
    const series = await t.ok('getPositionSeries', { year: '2026-27' });
    const r = positionChartBlock.render(positionChartBlock.load(ws(), { year: '2026-27' }, {}), money);
    expect(r.html).toMatch(/<svg[^>]* role="img"[^>]* aria-label="[^"]+"/);
    expect(r.html).toMatch(/<svg[^>]*><title>High Needs funding against spend by year/);
    expect(r.html).not.toMatch(/<script|onload|href=|<image|url\(/i);
    // The data table fallback holds the same figures, one row a year.
    const table = r.tables[0]!;
    expect(table.rows.length).toBe(series.length);
    expect(table.rows.map((row) => row.cells[6])).toEqual(series.map((s) => s.carriedForwardPence));
    expect(table.rows.map((row) => row.cells[1])).toEqual(series.map((s) => s.netFundingPence));
    const current = series.find((s) => s.year === '2026-27')!;
    expect(r.html).toContain(`2026-27 P${current.period}`);
    expect(r.figures.find((f) => f.key === '2026-27.carriedForward')!.pence).toBe(current.carriedForwardPence);
  });

  it('refuses a year that is not there', () => {
    expect(() => positionChartBlock.load(ws(), { year: '2031-32' }, {})).toThrow(
      "The block 'DSG position chart' names 2031-32, which is not in this workspace.",
    );
  });
});

describe('the figure block', () => {
  it('prints one summary figure inline in the workspace’s money style', async () => {
    const summary = await t.ok('getSummary', { year: '2026-27', period: 7 });
    const r = figureBlock.render(figureBlock.load(ws(), { year: '2026-27', period: 7, measure: 'variance' }, {}), money);
    expect(r.text).toBe(money.format(summary.variancePence));
    expect(r.text).toMatch(/^£\d{1,3}(,\d{3})*$/);
    expect(r.html).toBe(`<span class="live-figure">${r.text}</span>`);
    expect(r.figures).toEqual([{ key: 'variance', label: 'Forecast overspend (variance), 2026-27 at P7', pence: summary.variancePence }]);
    expect(figureBlock.inline).toBe(true);
  });

  it('refuses a measure it does not know, listing the ones it does', () => {
    const bad = figureBlock.settings.safeParse({ year: '2026-27', period: 7, measure: 'overspendish' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/must be one of the DSG position figures: net high needs funding/);
  });

  it('refuses a month with no forecast', () => {
    expect(() => figureBlock.load(ws(), { year: '2026-27', period: 11, measure: 'forecast' }, {})).toThrow(
      /names 2026-27 at P11 \(February 2027\), but no forecast/,
    );
  });
});
