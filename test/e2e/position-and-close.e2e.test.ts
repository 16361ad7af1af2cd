/**
 * The DSG position has its own period picker and shows the cumulative balance on its own,
 * right-hand scale; closing a year first warns about the months nobody reported and the lines
 * with no outturn of their own, and can still be done.
 */
import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../electron/shared/money';
import type { YearCloseCheck } from '../../features/monitoring/types';
import type { PositionSummary } from '../../features/position/types';
import type { YearInfo } from '../../features/years/types';
import { openDemoSession } from './harness';
import { call, expectAxeClean, kpi, nav, PERIOD, sharedSession, shot, YEAR } from './ui';

const s = sharedSession('position-and-close', () => openDemoSession());
const money = moneyFormat('minus');

const summary = (period: number) => call<PositionSummary>(s, 'getSummary', { year: YEAR, period });

/** "£80.0m", "-£5.8m", "£357k", "£0" as pounds. */
function axisPounds(label: string): number {
  const m = /^(-?)£([\d.]+)([mk]?)$/.exec(label.trim());
  if (!m) throw new Error(`not an axis amount: "${label}"`);
  return (m[1] ? -1 : 1) * Number(m[2]) * (m[3] === 'm' ? 1e6 : m[3] === 'k' ? 1e3 : 1);
}

describe('the DSG position', () => {
  it('has its own period picker: choosing a period changes the figures shown', async () => {
    const page = s.page;
    await nav(page, 'DSG position');
    await page.getByRole('heading', { level: 1, name: 'DSG position' }).waitFor();
    const p7 = await summary(PERIOD);
    const p3 = await summary(3);
    expect(p3.forecastPence).not.toBe(p7.forecastPence);
    await expect.poll(() => kpi(page, 'Forecast expenditure').textContent()).toBe(money.format(p7.forecastPence));
    await expect.poll(() => kpi(page, 'Carried forward').textContent()).toBe(money.format(p7.carriedForwardPence));

    const picker = page.getByRole('main').getByRole('combobox', { name: 'Period' });
    await expect.poll(() => picker.textContent()).toBe('P7 (October 2026)');
    await picker.click();
    await page.getByRole('option', { name: 'P3 (June 2026)' }).click();
    await expect.poll(() => kpi(page, 'Forecast expenditure').textContent()).toBe(money.format(p3.forecastPence));
    await expect.poll(() => kpi(page, 'In-year position').textContent()).toBe(money.format(p3.inYearPence));
    await expect.poll(() => kpi(page, 'Carried forward').textContent()).toBe(money.format(p3.carriedForwardPence));
    await expect.poll(() => page.locator('.screen-sub').textContent()).toContain(`${YEAR} at P3 (June 2026)`);
    const row = page
      .getByRole('table', { name: 'DSG position by year' })
      .getByRole('row')
      .filter({ hasText: `${YEAR} (at P3)` });
    await expect.poll(() => row.textContent()).toContain(money.format(p3.forecastPence));
    await expect.poll(() => page.locator('figcaption').textContent()).toContain(`${YEAR} at P3`);
    await page.mouse.move(0, 760);
    await shot(page, 'position-p3');

    await picker.click();
    await page.getByRole('option', { name: 'P7 (October 2026)' }).click();
    await expect.poll(() => kpi(page, 'Forecast expenditure').textContent()).toBe(money.format(p7.forecastPence));
  });

  it('charts the cumulative balance on a second, right-hand scale that spans it, beside the funding and spend on the left', async () => {
    const page = s.page;
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    const series = await call<PositionSummary[]>(s, 'getPositionSeries', { year: YEAR, period: PERIOD });
    const axes = await page.evaluate(() => {
      const plot = document.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
      const side = (box: DOMRect): string => (box.left >= plot.right - 1 ? 'right' : box.right <= plot.left + 1 ? 'left' : 'inside');
      // The axis lines, and their labels (drawn in a layer of their own).
      const lines = [...document.querySelectorAll('.recharts-yAxis')].map((a) => side(a.getBoundingClientRect()));
      const labels = [...document.querySelectorAll('.recharts-yAxis-tick-labels text')].map((t) => ({
        side: side(t.getBoundingClientRect()),
        text: t.textContent ?? '',
      }));
      return ['left', 'right'].map((where) => ({
        side: lines.includes(where) ? where : 'missing',
        ticks: labels.filter((l) => l.side === where).map((l) => l.text),
      }));
    });
    expect(axes.map((a) => a.side).sort()).toEqual(['left', 'right']);
    const right = axes.find((a) => a.side === 'right')!.ticks.map(axisPounds);
    const left = axes.find((a) => a.side === 'left')!.ticks.map(axisPounds);
    const balances = series.map((p) => p.carriedForwardPence / 100);
    const spend = series.flatMap((p) => [p.forecastPence / 100, p.netFundingPence / 100]);
    // The right scale runs over the balances (deficits, so below zero); the left over funding and spend.
    expect(Math.min(...right)).toBeLessThanOrEqual(Math.min(...balances));
    expect(Math.max(...right)).toBeGreaterThanOrEqual(Math.max(0, ...balances));
    expect(Math.min(...left)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...left)).toBeGreaterThanOrEqual(Math.max(...spend));
    await expect.poll(() => page.locator('.recharts-legend-wrapper').textContent()).toContain('Cumulative DSG balance (right scale)');
    await expect.poll(() => page.locator('figcaption').textContent()).toContain('the cumulative DSG balance (line, right scale)');
    await shot(page, 'position-chart');
    await expectAxeClean(page, 'DSG position');
  });
});

describe('closing a year', () => {
  it('warns about the months without forecasts and the lines without an outturn, and can still close it', async () => {
    const page = s.page;
    const check = await call<YearCloseCheck>(s, 'getYearCloseCheck', { year: YEAR });
    expect(check.periodsWithoutReturns).toEqual([8, 9, 10, 11, 12]);
    expect(check.linesWithoutOutturn.length).toBeGreaterThan(8);

    await nav(page, 'Years and funding');
    await page.getByRole('button', { name: `Close ${YEAR}` }).click();
    const d = page.getByRole('dialog', { name: `Close ${YEAR}` });
    await expect.poll(() => d.textContent()).toContain('No line has a forecast for P8 to P12 (November 2026 to March 2027).');
    const n = check.linesWithoutOutturn.length;
    await expect.poll(() => d.textContent()).toContain(`${n} lines have no forecast of their own at P12 (March 2027)`);
    const list = d.locator('#close-check-lines');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(8);
    await d.getByRole('button', { name: `Show all ${n} lines` }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(n);
    const items = await list.getByRole('listitem').allTextContents();
    for (const l of check.linesWithoutOutturn) {
      const outturn = l.standingFrom === null ? 'the revised budget' : `P${l.standingFrom}'s forecast`;
      expect(items).toContain(`${l.code} ${l.name}: its outturn would be ${outturn}`);
    }
    await expect.poll(() => d.textContent()).toContain('You can still close it, or cancel and enter the missing forecasts first.');
    await shot(page, 'close-year-warnings');
    await expectAxeClean(page, 'close-year dialog with warnings');

    // A warning, not a bar: with a reason, the year closes.
    const close = d.getByRole('button', { name: 'Close year' });
    expect(await close.isDisabled()).toBe(true);
    await d.getByLabel('Reason').fill('Outturn agreed with the s151 officer');
    expect(await close.isDisabled()).toBe(false);
    await close.click();
    await d.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await call<YearInfo[]>(s, 'listYears', {})).find((y) => y.id === YEAR))
      .toMatchObject({ status: 'closed', statusReason: 'Outturn agreed with the s151 officer' });
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`${YEAR} closed`);
    await expect.poll(() => page.getByRole('button', { name: `Reopen ${YEAR}` }).count()).toBe(1);
  });

  it('logged no script errors', () => {
    expect(s.problems).toEqual([]);
  });
});
