/**
 * Editing figures: a refused value stays in its cell with the reason beside the grid; cells to
 * type in look different from calculated ones without relying on colour; a closed year says so
 * as soon as someone types; a month can be marked "reviewed, no change"; and a virement that does
 * not balance is said to be one before it is saved.
 */
import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../electron/shared/money';
import type { BudgetGrid, MonitoringView } from '../../features/monitoring/types';
import { openDemoSession } from './harness';
import { call, cell, expectAxeClean, installColourTools, nav, PERIOD, sharedSession, shot, YEAR } from './ui';

const money = moneyFormat('minus');
/** HN09 has no P7 forecast of its own here: P6's stands, to be confirmed as "reviewed, no change". */
const CARRIED = { lineId: 9, code: 'HN09' };

const s = sharedSession('editing', () =>
  openDemoSession({
    prepare: async (server) => {
      const r = await server.call('setForecasts', { year: YEAR, period: PERIOD, changes: [{ lineId: CARRIED.lineId, forecastPence: null }] });
      if (!r.ok) throw new Error(r.error.message);
    },
  }),
);

const monitoring = (year = YEAR, period = PERIOD) => call<MonitoringView>(s, 'getMonitoring', { year, period });
const budget = (year = YEAR) => call<BudgetGrid>(s, 'getBudgetGrid', { year });

describe('a value the workspace cannot take', () => {
  it('stays in its cell, marked, with the reason in the list of values not saved; nothing is saved; Discard clears it', async () => {
    const page = s.page;
    const before = await monitoring();
    const hn01 = before.rows.find((r) => r.code === 'HN01')!;
    const target = cell(page, 'l1', 'forecastPence');
    await target.click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');

    await expect.poll(() => target.textContent()).toBe('abc');
    await expect.poll(() => target.getAttribute('class')).toContain('cell-invalid');
    const list = page.getByRole('alert', { name: 'Values not saved' });
    await expect
      .poll(() => list.textContent())
      .toMatch(/HN01, Forecast outturn: “abc” was not saved: .*type an amount in pounds, such as 1234\.56, £1,234 or \(1,234\)/);
    expect(await monitoring()).toEqual(before);
    await shot(page, 'editing-not-saved');
    await expectAxeClean(page, 'a value not saved');

    // Editing it again starts from what was typed, not from the saved figure.
    await target.click();
    await page.keyboard.press('F2');
    await expect.poll(() => page.locator('input.money-editor').inputValue()).toBe('abc');
    await page.keyboard.press('Escape');
    await expect.poll(() => target.textContent()).toBe('abc');

    await list.getByRole('button', { name: 'Discard' }).click();
    await list.waitFor({ state: 'detached' });
    await expect.poll(() => target.textContent()).toBe(money.format(hn01.forecastPence));
    expect(await target.getAttribute('class')).not.toContain('cell-invalid');
    expect(await monitoring()).toEqual(before);
  });
});

describe('cells to type in', () => {
  it('are framed at 3:1 or more against the calculated cells, and carry a corner mark and a ✎ heading as well as colour', async () => {
    const page = s.page;
    await cell(page, 'l1', 'forecastPence').waitFor();
    await installColourTools(page);
    const look = await page.evaluate(() => {
      const w = window as unknown as {
        __rgba(c: string): number[];
        __behind(el: Element | null, own?: boolean): number[];
        __contrast(a: number[], b: number[]): number;
      };
      const at = (row: string, col: string) => document.querySelector(`.ag-grid-scrolling-container .ag-row[row-id="${row}"] [col-id="${col}"]`)!;
      const input = at('l2', 'forecastPence');
      const calculated = at('l2', 'variancePence');
      const subtotal = at('s1', 'forecastPence');
      const frame = /(rgba?\([^)]*\))\s+0px\s+0px\s+0px\s+(\d+)px\s+inset/.exec(getComputedStyle(input).boxShadow);
      const frameColour = frame ? w.__rgba(frame[1]!) : [0, 0, 0, 0];
      const heading = (col: string) => getComputedStyle(document.querySelector(`.ag-header-cell[col-id="${col}"] .ag-header-cell-text`)!, '::before').content;
      return {
        frame: frame ? `${frame[1]} ${frame[2]}px` : getComputedStyle(input).boxShadow,
        frameAgainstCalculated: w.__contrast(frameColour, w.__behind(calculated)),
        frameAgainstInput: w.__contrast(frameColour, w.__behind(input)),
        calculatedFrame: getComputedStyle(calculated).boxShadow,
        subtotalFrame: getComputedStyle(subtotal).boxShadow,
        inputMark: getComputedStyle(input).backgroundImage,
        calculatedMark: getComputedStyle(calculated).backgroundImage,
        forecastHeading: heading('forecastPence'),
        varianceHeading: heading('variancePence'),
      };
    });
    expect(look.frame).toMatch(/px$/);
    expect(look.frameAgainstCalculated, 'frame against the calculated cells').toBeGreaterThanOrEqual(3);
    expect(look.frameAgainstInput, 'frame against the input cell').toBeGreaterThanOrEqual(3);
    expect(look.calculatedFrame).toBe('none');
    expect(look.subtotalFrame, 'a subtotal is calculated').toBe('none');
    // Shapes, not colours: the corner mark on every input cell, the pencil on its column's heading.
    expect(look.inputMark).toContain('linear-gradient');
    expect(look.calculatedMark).toBe('none');
    expect(look.forecastHeading).toContain('✎');
    expect(look.varianceHeading).toBe('none');
    // The heading says so in words too.
    await page.locator('.ag-header-cell[col-id="forecastPence"]').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Forecast outturn: type to replace a value, or F2 to edit it; Enter moves down');
    await page.mouse.move(0, 700);
  });
});

describe('a closed year', () => {
  it('says it is closed as soon as someone starts typing in a cell, and saves nothing', async () => {
    const page = s.page;
    await page.getByRole('combobox', { name: 'Financial year' }).click();
    await page.getByRole('option', { name: '2025-26 (closed)' }).click();
    await expect.poll(() => page.locator('.screen-sub').first().textContent()).toContain('outturn, year closed');
    const before = await monitoring('2025-26', 12);
    // No frame, no corner mark and no pencil: nothing here can be typed over.
    expect(await page.locator('.header-input').count()).toBe(0);
    await cell(page, 'l1', 'forecastPence').click();
    await page.keyboard.type('5');
    const notice = page.getByRole('status').filter({ hasText: 'is closed' });
    await expect
      .poll(() => notice.textContent())
      .toBe('2025-26 is closed, so its figures cannot change. Reopen it under Years and funding, giving a reason, to change them.');
    expect(await page.locator('input.money-editor').count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await monitoring('2025-26', 12)).toEqual(before);
    await shot(page, 'editing-closed-year');
    await expectAxeClean(page, 'closed year notice');
    await notice.getByRole('button', { name: 'Dismiss this message' }).click();

    // The budget of a closed year the same, and no virement is offered.
    await nav(page, 'Budget');
    const budgetBefore = await budget('2025-26');
    await cell(page, 'l1', 'originalPence').click();
    await page.keyboard.type('1');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('2025-26 is closed, so its budgets cannot change');
    expect(await page.getByRole('button', { name: 'Virement…' }).count()).toBe(0);
    expect(await budget('2025-26')).toEqual(budgetBefore);
    await page.getByRole('combobox', { name: 'Financial year' }).click();
    await page.getByRole('option', { name: YEAR }).click();
    await nav(page, 'Monitoring');
  });
});

describe('reviewed, no change', () => {
  it('marks a line whose forecast stands from an earlier month: the tick shows and the workspace holds the mark', async () => {
    const page = s.page;
    await expect.poll(() => page.locator('.screen-sub').first().textContent()).toContain(`${YEAR}, P7 (October 2026)`);
    const carried = cell(page, `l${CARRIED.lineId}`, 'forecastPence');
    await carried.scrollIntoViewIfNeeded();
    // A line with its own P7 forecast has nothing to confirm.
    await cell(page, 'l1', 'forecastPence').click();
    await page.getByRole('button', { name: 'Reviewed, no change' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: 'Mark HN01 reviewed for P7' }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');

    const before = (await monitoring()).rows.find((r) => r.lineId === CARRIED.lineId)!;
    expect(before).toMatchObject({ forecastSource: 'earlier-period', forecastFromPeriod: 6, reviewed: false });
    expect(await carried.locator('[aria-label="Reviewed, no change"]').count()).toBe(0);
    await carried.click();
    await page.getByRole('button', { name: 'Reviewed, no change' }).click();
    await shot(page, 'editing-reviewed-menu');
    await expectAxeClean(page, 'reviewed menu');
    await page.getByRole('menuitem', { name: `Mark ${CARRIED.code} reviewed for P7` }).click();

    await expect.poll(() => carried.locator('[aria-label="Reviewed, no change"]').count()).toBe(1);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Marked ${CARRIED.code} reviewed, no change, for P7.`);
    const after = (await monitoring()).rows.find((r) => r.lineId === CARRIED.lineId)!;
    expect(after).toMatchObject({ reviewed: true, forecastPence: before.forecastPence });
    // Its note says so, and the carried-forward styling goes.
    expect(await carried.getAttribute('class')).not.toContain('cell-carried');
    await shot(page, 'editing-reviewed');
  });
});

describe('a virement', () => {
  it('that does not balance is said to be one, with its net, and needs a tick to save; a balanced one moves both lines', async () => {
    const page = s.page;
    await nav(page, 'Budget');
    await page.getByRole('heading', { level: 1, name: 'High Needs budget' }).waitFor();
    const before = await budget();
    const [a, b] = [before.rows.find((r) => r.code === 'HN12')!, before.rows.find((r) => r.code === 'HN16')!];
    await page.getByRole('button', { name: 'Virement…' }).click();
    const d = page.getByRole('dialog', { name: 'Virement between lines' });
    const choose = async (n: number, code: string) => {
      await d.getByRole('combobox', { name: `Line ${n}` }).click();
      await page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
    };
    const amount = async (n: number, text: string) => {
      const input = d.getByRole('textbox', { name: `Amount for line ${n}` });
      await input.fill(text);
      await input.press('Tab');
    };
    await choose(1, 'HN12');
    await amount(1, '1,000');
    await choose(2, 'HN16');
    await amount(2, '-400');
    const net = d.locator('.virement-net');
    await expect.poll(() => net.textContent()).toContain('Net: £600. This does not balance: the total revised budget would rise by £600.');
    const save = d.getByRole('button', { name: 'Save unbalanced change' });
    expect(await save.isDisabled()).toBe(true);
    const tick = d.getByRole('checkbox', { name: 'Save it anyway (an in-year budget change, not a virement)' });
    await tick.check();
    expect(await save.isDisabled()).toBe(false);
    await shot(page, 'editing-virement-unbalanced');
    await expectAxeClean(page, 'virement that does not balance');
    await tick.uncheck();
    expect(await save.isDisabled()).toBe(true);
    expect(await budget()).toEqual(before);

    await amount(2, '-1000');
    await expect.poll(() => net.textContent()).toContain('Net: £0. The virement balances.');
    await shot(page, 'editing-virement-balanced');
    await d.getByRole('button', { name: 'Save virement' }).click();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Virement saved across 2 lines.');
    const after = await budget();
    expect(after.rows.find((r) => r.code === 'HN12')!.revisedPence).toBe(a.revisedPence + 100_000);
    expect(after.rows.find((r) => r.code === 'HN16')!.revisedPence).toBe(b.revisedPence - 100_000);
    expect(after.total.revisedPence).toBe(before.total.revisedPence);
    await expect.poll(() => cell(page, `l${a.lineId}`, 'revisedPence').textContent()).toBe(money.format(a.revisedPence + 100_000));
  });

  it('logged no script errors', () => {
    expect(s.problems).toEqual([]);
  });
});
