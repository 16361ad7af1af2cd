/**
 * Partnership returns, as a finance lead uses them, on the demo authority with the server's clock
 * at 3 December 2026: every partnership's returns by period with their status and its figures
 * against the allocation; 2025-26's year-end test, with the partnership over the 15% line flagged
 * and its reason, and a development plan that clears the flag; a return marked received, and one
 * whose status is set to a day before it was sent refused; a return's figures saved and the
 * figures against the allocation moving with them; a mistake typed and refused with nothing
 * saved; one partnership's workbook and every partnership's exported and looked at; all by
 * keyboard too, axe clean, and looked at on screen at 100%, 150% and 200%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipReturnsYear, ReturnsOverview } from '../../features/allocations/types';
import { dumpTables } from '../support/workspace';
import { openDemoSession, type Session } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, nav, sharedSession, shot, sidewaysScrollers } from './ui';

const NOW = () => new Date('2026-12-03T12:00:00Z');
const THIS_YEAR = '2026-27';
const LAST_YEAR = '2025-26';
const NORTH = 'North Area Inclusion Partnership';
const SOUTH = 'South Area Inclusion Partnership';
const WEST = 'West Area Inclusion Partnership';

const s = sharedSession('allocations-returns', () => openDemoSession({ now: NOW }));

const overview = (year: string) => call<ReturnsOverview>(s, 'listReturns', { year });
const partnership = async (year: string, name: string): Promise<PartnershipReturnsYear> => {
  const p = (await overview(year)).partnerships.find((x) => x.partnership === name);
  if (!p) throw new Error(`${name} has no returns in ${year}`);
  return p;
};
const tables = () => dumpTables(s.server.workspace!.opened.sqlite);

/** The year in the header's picker, as a user changes it. */
async function chooseYear(page: Page, year: string) {
  await page.getByRole('combobox', { name: 'Financial year' }).click();
  await page.getByRole('option', { name: new RegExp(`^${year}`) }).click();
  await page.getByRole('table', { name: `Returns by partnership, ${year}` }).waitFor();
}

/** A partnership's own card, opened from its name in the table. */
async function openPartnership(page: Page, year: string, name: string) {
  await page
    .getByRole('table', { name: `Returns by partnership, ${year}` })
    .getByRole('link', { name, exact: true })
    .click();
  const card = page.getByRole('region', { name, exact: true });
  await card.waitFor();
  return card;
}

/** A share to one decimal place, as the screen rounds it (half up, no trailing .0): 21.3%, 30%. */
const share = (part: number, whole: number) => {
  const tenths = Math.round((part * 1000) / whole);
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''}%`;
};
/** Pounds and pence when there are pence, as the flag gives the amount the agreement sends back. */
const exact = (pence: number) => `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;
const money = (pence: number) => `£${Math.round(pence / 100).toLocaleString('en-GB')}`;

describe('Partnership returns', () => {
  it('lists every partnership with its returns by period, their status, and its figures against the allocation', async () => {
    const page = s.page;
    await nav(page, 'Partnership returns');
    await page.getByRole('heading', { level: 1, name: 'Partnership returns' }).waitFor();
    const o = await overview(THIS_YEAR);
    expect(o.run).not.toBeNull();
    expect(o.partnerships.length).toBe(5);
    const table = page.getByRole('table', { name: `Returns by partnership, ${THIS_YEAR}` });
    await table.waitFor();
    await expect.poll(() => page.locator('.screen-sub').textContent()).toContain(o.run!.name);
    for (const p of o.partnerships) {
      const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: p.partnership, exact: true }) });
      const summer = p.returns.find((r) => r.period === 'summer')!;
      const words = { not_sent: 'Not sent', sent: 'Sent', received: 'Received', checked: 'Checked' };
      const periods = row.getByRole('list', { name: `${p.partnership}’s returns` });
      await expect
        .poll(() => periods.getByRole('listitem').allTextContents())
        .toEqual([
          `Summer ${words[summer.status]}`,
          `Autumn ${words[p.returns.find((r) => r.period === 'autumn')!.status]}`,
          `Spring ${words[p.returns.find((r) => r.period === 'spring')!.status]}`,
        ]);
      const text = await row.textContent();
      expect(text).toContain(money(p.allocationPence));
      expect(text).toContain(money(p.spendPence));
      expect(text).toContain('Year not complete');
    }
    // The totals row adds up the partnerships.
    const allocated = o.partnerships.reduce((sum, p) => sum + p.allocationPence, 0);
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'All partnerships' }).textContent()).toContain(money(allocated));
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'returns screen');
    await shot(page, 'allocations-returns');
    const first = page.getByRole('region', { name: o.partnerships[0]!.partnership, exact: true });
    await first.scrollIntoViewIfNeeded();
    await shot(page, 'allocations-returns-partnership');
  });

  it('2025-26: the partnership over the 15% line is flagged, with the amount and the reason', async () => {
    const page = s.page;
    await chooseYear(page, LAST_YEAR);
    const o = await overview(LAST_YEAR);
    const flagged = o.partnerships.filter((p) => p.flagged);
    expect(flagged.length).toBe(1);
    const w = flagged[0]!;
    expect(w.yearComplete).toBe(true);
    expect(w.flagReason).toMatch(/above the 15% line/);
    const table = page.getByRole('table', { name: `Returns by partnership, ${LAST_YEAR}` });
    const rowOf = (name: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect.poll(() => rowOf(w.partnership).textContent()).toMatch(new RegExp(`Flagged ${money(w.toReturnPence)} to return$`));
    for (const p of o.partnerships.filter((x) => !x.flagged)) await expect.poll(() => rowOf(p.partnership).textContent()).toMatch(/Clear$/);
    const totals = page.getByRole('group', { name: `${LAST_YEAR} in all` });
    await expect
      .poll(() => totals.getByRole('group', { name: 'Flagged for return' }).textContent())
      .toContain(`${money(w.toReturnPence)}1 partnership: ${w.partnership}`);
    const card = await openPartnership(page, LAST_YEAR, w.partnership);
    // The flag, its amount and the server's reason, word for word.
    const flag = card.locator('.ret-flag');
    await expect.poll(() => flag.textContent()).toBe(`Flagged for return: ${exact(w.toReturnPence)}${w.flagReason}`);
    await expect.poll(() => card.getByRole('group', { name: 'To return' }).textContent()).toContain(money(w.toReturnPence));
    // Every return is in: summer, autumn and spring, each with its spend.
    const returns = card.getByRole('table', { name: `Returns of ${w.partnership}, ${LAST_YEAR}` });
    await expect.poll(() => returns.getByRole('row').count()).toBe(4);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'a flagged partnership');
    await shot(page, 'allocations-returns-flagged');
  });

  it('a development plan dated after today is refused in the server’s words; recorded, it clears the flag; cleared, the flag is back', async () => {
    const page = s.page;
    const w = (await overview(LAST_YEAR)).partnerships.find((p) => p.flagged)!;
    const card = page.getByRole('region', { name: w.partnership, exact: true });
    const form = card.getByRole('form', { name: `Development plan of ${w.partnership}` });
    await form.scrollIntoViewIfNeeded();
    const before = tables();
    await form.getByRole('textbox', { name: 'Approved on' }).fill('04/12/2026');
    await form.getByRole('button', { name: 'Record development plan' }).click();
    const refusal = card.getByText(/^Not saved: /);
    await refusal.waitFor();
    const server = await s.server.call('setDevelopmentPlan', { year: LAST_YEAR, partnershipId: w.partnershipId, approvedOn: '2026-12-04', note: '' });
    expect(server.ok).toBe(false);
    expect(await refusal.textContent()).toBe(`Not saved: ${!server.ok && server.error.message}`);
    expect(await refusal.textContent()).toMatch(/4 December 2026/);
    expect(tables()).toEqual(before);
    await shot(page, 'allocations-returns-plan-refused');

    await form.getByRole('textbox', { name: 'Approved on' }).fill('20/05/2026');
    await form.getByRole('textbox', { name: 'Note' }).fill('Schools Forum of 20 May 2026 gave its views: outreach carried into 2026-27');
    await form.getByRole('button', { name: 'Record development plan' }).click();
    await expect.poll(async () => (await partnership(LAST_YEAR, w.partnership)).flagged).toBe(false);
    const cleared = await partnership(LAST_YEAR, w.partnership);
    expect(cleared).toMatchObject({ developmentPlanApprovedOn: '2026-05-20', toReturnPence: 0, underspendPence: w.underspendPence });
    expect(cleared.flagReason).toMatch(/development plan was approved on 20 May 2026/);
    await expect.poll(() => card.locator('.ret-flag').textContent()).toBe(`Not flagged${cleared.flagReason}`);
    await expect.poll(() => card.textContent()).toContain('Approved on 20 May 2026: Schools Forum of 20 May 2026 gave its views');
    const row = page
      .getByRole('table', { name: `Returns by partnership, ${LAST_YEAR}` })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: w.partnership, exact: true }) });
    await expect.poll(() => row.textContent()).toMatch(/Plan approved$/);
    const totals = page.getByRole('group', { name: `${LAST_YEAR} in all` });
    await expect.poll(() => totals.getByRole('group', { name: 'Flagged for return' }).textContent()).toBe('Flagged for return£0No partnership flagged');
    await expectAxeClean(page, 'development plan recorded');
    await card.locator('.ret-flag').scrollIntoViewIfNeeded();
    await shot(page, 'allocations-returns-plan-recorded');

    await card.getByRole('button', { name: 'Clear development plan' }).click();
    await expect.poll(async () => (await partnership(LAST_YEAR, w.partnership)).flagged).toBe(true);
    await expect.poll(() => card.locator('.ret-flag').textContent()).toBe(`Flagged for return: ${exact(w.toReturnPence)}${w.flagReason}`);
    await expect.poll(() => row.textContent()).toMatch(/Flagged/);
  });

  it('a year with no allocation run says so, and where to make one', async () => {
    const page = s.page;
    const year = '2024-25';
    expect((await overview(year)).run).toBeNull();
    await page.getByRole('combobox', { name: 'Financial year' }).click();
    await page.getByRole('option', { name: new RegExp(`^${year}`) }).click();
    const none = page.getByRole('region', { name: 'No allocation run' });
    await none.waitFor();
    expect(await none.getByRole('link', { name: 'Allocation runs' }).getAttribute('href')).toBe('#/allocation');
    await expect
      .poll(() => page.locator('.screen-sub').textContent())
      .toBe(`${year}: no allocation run yet, so no partnership has an allocation to report against.`);
    expect(await page.getByRole('button', { name: 'Export every partnership’s workbook' }).isDisabled()).toBe(true);
    await expectAxeClean(page, 'a year with no run');
  });

  it('marks a return received today, and refuses a status dated before the return was received, changing nothing', async () => {
    const page = s.page;
    await chooseYear(page, THIS_YEAR);
    const card = await openPartnership(page, THIS_YEAR, NORTH);
    const autumn = (await partnership(THIS_YEAR, NORTH)).returns.find((r) => r.period === 'autumn')!;
    expect(autumn.status).toBe('sent');
    await card.getByRole('button', { name: 'Mark received: the autumn term return' }).click();
    await expect.poll(async () => (await partnership(THIS_YEAR, NORTH)).returns.find((r) => r.period === 'autumn')!.receivedOn).toBe('2026-12-03');
    const returns = card.getByRole('table', { name: `Returns of ${NORTH}, ${THIS_YEAR}` });
    const autumnRow = returns.getByRole('row').filter({ hasText: 'Autumn term' });
    await expect.poll(() => autumnRow.textContent()).toMatch(/^Autumn termReceivedSent \d\d\/\d\d\/2026Received 03\/12\/2026/);

    const before = tables();
    await card.getByRole('button', { name: 'Status of the autumn term return' }).click();
    const dialog = page.getByRole('dialog', { name: /^Status of / });
    await dialog.getByRole('radio', { name: 'Checked' }).check();
    await dialog.getByRole('textbox', { name: 'Date checked' }).fill('30/11/2026');
    await expectAxeClean(page, 'status dialog');
    await dialog.getByRole('button', { name: 'Set status' }).click();
    const refusal = dialog.getByText(/^Not changed: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/received on 3 December 2026, so it cannot be checked on 30 November 2026/);
    expect(tables()).toEqual(before);
    await shot(page, 'allocations-returns-status-refused');
    await dialog.getByRole('textbox', { name: 'Date checked' }).fill('03/12/2026');
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await partnership(THIS_YEAR, NORTH)).returns.find((r) => r.period === 'autumn')!.status).toBe('checked');
    await expect.poll(() => autumnRow.textContent()).toMatch(/Checked 03\/12\/2026/);
  });

  it('saves a return’s figures (spend by category, places, measures, commentary), and the spend against the allocation moves with them', async () => {
    const page = s.page;
    const card = page.getByRole('region', { name: NORTH, exact: true });
    const o = await overview(THIS_YEAR);
    const before = await partnership(THIS_YEAR, NORTH);
    const spring = before.returns.find((r) => r.period === 'spring')!;
    expect(spring.status).toBe('not_sent');
    await card.getByRole('button', { name: 'Figures of the spring term return' }).click();
    const dialog = page.getByRole('dialog', { name: `${NORTH}: spring term return, ${THIS_YEAR}` });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toContain('Saving figures marks the return received today.');
    const typed = ['120,000', '95,500.50', '£30,000', '4,250', ''];
    const pence = [12_000_000, 9_550_050, 3_000_000, 425_000, null];
    expect(o.categories.length).toBe(typed.length);
    expect(o.measures.length).toBe(4);
    for (const [i, c] of o.categories.entries()) await dialog.getByRole('textbox', { name: c.name }).fill(typed[i] ?? '');
    await dialog.getByRole('textbox', { name: 'Places used' }).fill('38');
    const measureTyped = ['0', '14', '93.4', '6'];
    for (const [i, m] of o.measures.entries()) await dialog.getByRole('textbox', { name: m.name }).fill(measureTyped[i] ?? '');
    await dialog.getByRole('textbox', { name: 'Commentary' }).fill('Outreach team at full strength from January; two pupils back in mainstream in March.');
    const total = pence.reduce<number>((sum, p) => sum + (p ?? 0), 0);
    await expect
      .poll(() => dialog.locator('.ret-total').textContent())
      .toBe(`Spend in this return: £249,750.50, ${share(total, before.allocationPence)} of the year’s allocation`);
    await expectAxeClean(page, 'return form');
    await shot(page, 'allocations-returns-form');
    await dialog.getByRole('button', { name: 'Save return' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await partnership(THIS_YEAR, NORTH);
    const saved = after.returns.find((r) => r.period === 'spring')!;
    expect(saved).toMatchObject({ status: 'received', receivedOn: '2026-12-03', placesUsed: 38, spendPence: total });
    expect(saved.commentary).toMatch(/^Outreach team at full strength/);
    expect(saved.spend).toEqual(Object.fromEntries(o.categories.flatMap((c, i) => (pence[i] === null ? [] : [[c.id, pence[i]]]))));
    expect(saved.measures).toEqual(Object.fromEntries(o.measures.map((m, i) => [m.id, Number(measureTyped[i])])));
    // The autumn return came in earlier in this file: spend reported is every return received.
    expect(after.spendPence).toBe(before.spendPence + total);
    await expect.poll(() => card.getByRole('group', { name: 'Spend reported' }).textContent()).toContain(money(after.spendPence));
    await expect.poll(() => card.getByRole('group', { name: 'Spend reported' }).textContent()).toContain('In 3 of 3 returns received');
    const springRow = card
      .getByRole('table', { name: `Returns of ${NORTH}, ${THIS_YEAR}` })
      .getByRole('row')
      .filter({ hasText: 'Spring term' });
    await expect.poll(() => springRow.textContent()).toContain(`Received 03/12/2026£249,751${share(total, after.allocationPence)} of the allocation38`);
    // Every return is in: the year-end test now applies to North, and says what it found.
    expect(after.yearComplete).toBe(true);
    await expect.poll(() => card.locator('.ret-flag').textContent()).toContain(after.flagReason!);
    await card.locator('.ret-flag').scrollIntoViewIfNeeded();
    await shot(page, 'allocations-returns-saved');
  });

  it('refuses a mistake typed into a return, in words, with the keyboard on the figure to put right, and saves nothing', async () => {
    const page = s.page;
    const card = page.getByRole('region', { name: NORTH, exact: true });
    const o = await overview(THIS_YEAR);
    const first = o.categories[0]!;
    const before = tables();
    await card.getByRole('button', { name: 'Figures of the summer term return' }).click();
    const dialog = page.getByRole('dialog', { name: `${NORTH}: summer term return, ${THIS_YEAR}` });
    await dialog.getByRole('textbox', { name: first.name }).fill('12,5OO');
    await dialog.getByRole('textbox', { name: 'Places used' }).fill('2.5');
    await dialog.getByRole('button', { name: 'Save return' }).click();
    const refusal = dialog.getByText(/^Not saved: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      `Not saved: ${first.name}: "12,5OO" is not an amount of money. Write it as 12,500 or 12,500.50. And 1 more to put right.`,
    );
    await expect.poll(() => dialog.getByText('Places used must be a whole number of places, not 2.5.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('12,5OO');
    expect(tables()).toEqual(before);
    await expectAxeClean(page, 'a mistake in a return');
    await shot(page, 'allocations-returns-mistake');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(tables()).toEqual(before);
  });

  it('exports one partnership’s return workbook holding only its own returns, and every partnership’s, a file each', async () => {
    const page = s.page;
    const card = page.getByRole('region', { name: NORTH, exact: true });
    const names = (await overview(THIS_YEAR)).partnerships.map((p) => p.partnership);
    const [one] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: `Export ${NORTH}’s return workbook` }).click()]);
    expect(one.suggestedFilename()).toBe(`Partnership return ${NORTH} ${THIS_YEAR}.xlsx`);
    const path = join(s.dir, one.suggestedFilename());
    await one.saveAs(path);
    const cells = await cellsOf(path);
    expect(cells).toContain(NORTH);
    for (const other of names.filter((n) => n !== NORTH)) expect(cells, `${other} is not in ${NORTH}’s file`).not.toContain(other);
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/^Saved .*\.xlsx/);

    const files: string[] = [];
    page.on('download', (d) => files.push(d.suggestedFilename()));
    await page.getByRole('button', { name: 'Export every partnership’s workbook' }).click();
    await expect.poll(() => files.length, { timeout: 30_000 }).toBe(names.length);
    expect(files.sort()).toEqual(names.map((n) => `Partnership return ${n} ${THIS_YEAR}.xlsx`).sort());
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(new RegExp(`^Saved ${names.length} return workbooks, one for each partnership`));
    await shot(page, 'allocations-returns-exported');
  });
  it('takes a partnership’s workbook back through Import a return, every change shown first; a file filled in for another partnership is refused, naming the cell', async () => {
    const page = s.page;
    const exported = join(s.dir, `Partnership return ${NORTH} ${THIS_YEAR}.xlsx`);
    const wb = await workbookOf(exported);
    const sheet = wb.getWorksheet('Return')!;
    const col = headings(sheet);
    const summer = rowWhere(sheet, col.Period!, 'Summer term');
    sheet.getRow(summer).getCell(col.Commentary!).value = 'Outreach to 14 schools; two pupils back in mainstream by July.';
    sheet.getRow(summer).getCell(col['Places used']!).value = 41;
    const filled = join(s.dir, 'north-filled-in.xlsx');
    await wb.xlsx.writeFile(filled);

    const wizard = page.getByRole('dialog').first();
    await page.getByRole('button', { name: 'Import a return…' }).click();
    await wizard.getByRole('button', { name: 'Choose file…' }).waitFor();
    await page.locator('#import-file-input').setInputFiles(filled);
    const apply = wizard.getByRole('button', { name: 'Apply', exact: true });
    await apply.waitFor({ timeout: 30_000 });
    await expect.poll(() => wizard.textContent()).toMatch(/Outreach to 14 schools/);
    await expectAxeClean(page, 'return import preview');
    await shot(page, 'allocations-returns-import-preview');
    await apply.click();
    await wizard.waitFor({ state: 'detached', timeout: 30_000 });
    const back = (await partnership(THIS_YEAR, NORTH)).returns.find((r) => r.period === 'summer')!;
    expect(back).toMatchObject({ placesUsed: 41, commentary: 'Outreach to 14 schools; two pupils back in mainstream by July.' });
    const card = page.getByRole('region', { name: NORTH, exact: true });
    const summerRow = card
      .getByRole('table', { name: `Returns of ${NORTH}, ${THIS_YEAR}` })
      .getByRole('row')
      .filter({ hasText: 'Summer term' });
    await expect.poll(() => summerRow.textContent()).toMatch(/of the allocation41Figures…Status…$/);

    // North's file with West's name typed into a row: refused, the cell named, nothing applied.
    sheet.getRow(summer).getCell(col.Partnership!).value = WEST;
    sheet.getRow(summer).getCell(col['Places used']!).value = 12;
    const wrong = join(s.dir, 'north-filled-in-for-west.xlsx');
    await wb.xlsx.writeFile(wrong);
    const before = await overview(THIS_YEAR);
    await page.getByRole('button', { name: 'Import a return…' }).click();
    await wizard.getByRole('button', { name: 'Choose file…' }).waitFor();
    await page.locator('#import-file-input').setInputFiles(wrong);
    const problems = wizard.getByRole('region', { name: 'Problems in the file' });
    await problems.waitFor({ timeout: 30_000 });
    const cellRef = `Return!${columnLetter(col.Partnership!)}${summer}`;
    await expect.poll(() => problems.textContent()).toContain(cellRef);
    await expect.poll(() => problems.textContent()).toContain(`this row is ${WEST}'s`);
    await shot(page, 'allocations-returns-import-wrong-partnership');
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await wizard.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await overview(THIS_YEAR)).toEqual(before);
  });
  it('adds an outcome measure every return then asks for, and keeps a spending category returns report spend under', async () => {
    const page = s.page;
    const card = page.getByRole('region', { name: 'What the returns ask for' });
    await card.scrollIntoViewIfNeeded();
    await card.getByRole('button', { name: 'Add measure…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an outcome measure' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Pupils supported by outreach');
    await dialog.getByRole('textbox', { name: 'Unit' }).fill('pupils');
    await dialog.getByRole('button', { name: 'Add measure' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await overview(THIS_YEAR)).measures.map((m) => `${m.name} (${m.unit})`)).toContain('Pupils supported by outreach (pupils)');
    await expect.poll(() => card.getByRole('listitem').filter({ hasText: 'Pupils supported by outreach' }).count()).toBe(1);
    // The form of every return asks for it now.
    const north = page.getByRole('region', { name: NORTH, exact: true });
    await north.getByRole('button', { name: 'Figures of the autumn term return' }).click();
    const form = page.getByRole('dialog', { name: `${NORTH}: autumn term return, ${THIS_YEAR}` });
    await form.getByRole('textbox', { name: 'Pupils supported by outreach' }).waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    const used = (await overview(THIS_YEAR)).categories[0]!;
    const before = tables();
    await card.getByRole('button', { name: `Delete spending category ${used.name}` }).click();
    const refusal = page.locator('.notice');
    await expect.poll(() => refusal.textContent()).toMatch(new RegExp(`report spend under ${used.name} .*so it cannot be deleted\\. Rename it instead\\.`));
    expect(tables()).toEqual(before);
    await expectAxeClean(page, 'headings');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'allocations-returns-headings');
  });
});

describe('By keyboard alone', () => {
  it('chooses a partnership from the table, marks a return received and types its figures, the focus kept throughout', async () => {
    const page = s.page;
    await page.evaluate(() => {
      window.location.hash = '#/returns';
    });
    await page.getByRole('table', { name: `Returns by partnership, ${THIS_YEAR}` }).waitFor();
    await page.getByRole('button', { name: 'Import a return…' }).focus();
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await focusedDescription(page)) === `a "${SOUTH}"`;
    }
    expect(found, `the link to ${SOUTH} is reached with Tab`).toBe(true);
    await page.keyboard.press('Enter');
    // The keyboard follows the choice to the partnership's own card.
    await expect.poll(() => focusedDescription(page)).toBe(`h2#ret-p-${(await partnership(THIS_YEAR, SOUTH)).partnershipId} "${SOUTH}"`);
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        if ((await focusedDescription(page)).includes(name)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`${name} was not reached with Tab; the focus is on ${await focusedDescription(page)}`);
    };
    await tabTo('Mark received: the autumn term return');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await partnership(THIS_YEAR, SOUTH)).returns.find((r) => r.period === 'autumn')!.status).toBe('received');
    // The same button, now the next step, keeps the focus.
    await expect.poll(() => focusedDescription(page)).toContain('Mark checked: the autumn term return');
    await tabTo('Figures of the autumn term return');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `${SOUTH}: autumn term return, ${THIS_YEAR}` });
    await dialog.waitFor();
    const first = (await overview(THIS_YEAR)).categories[0]!;
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);
    await dialog.getByRole('textbox', { name: first.name }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('41,200');
    // Enter in a figure sends the form.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await partnership(THIS_YEAR, SOUTH)).returns.find((r) => r.period === 'autumn')!.spend[first.id]).toBe(4_120_000);
    await expect.poll(() => focusedDescription(page)).toContain('Figures of the autumn term return');
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});

async function workbookOf(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(path);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The columns of a return sheet's heading row (the one with Period in it), by heading. */
function headings(sheet: ExcelJS.Worksheet): Record<string, number> {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const found: Record<string, number> = {};
    sheet.getRow(r).eachCell((c, col) => {
      if (typeof c.value === 'string') found[c.value] = col;
    });
    if (found.Period) return found;
  }
  throw new Error(`no heading row in ${sheet.name}`);
}

function rowWhere(sheet: ExcelJS.Worksheet, col: number, value: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(col).value === value) return r;
  throw new Error(`no row with ${value} in ${sheet.name}`);
}

const columnLetter = (col: number): string =>
  col <= 26 ? String.fromCharCode(64 + col) : columnLetter(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26));

/** Every cell's value in a saved workbook, as text where it is text. */
async function cellsOf(path: string): Promise<unknown[]> {
  const wb = await workbookOf(path);
  const cells: unknown[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
  return cells;
}

/** Boxes that scroll sideways (or the page itself), outside the grid, which scrolls its own columns. */
const sideways = (page: Page) => sidewaysScrollers(page, '.screen, .screen *', '.ag-root-wrapper, .visually-hidden');

for (const scale of [1.5, 2]) {
  describe(`at ${scale * 100}% zoom`, () => {
    let z: Session;
    beforeAll(async () => {
      z = await openDemoSession({ now: NOW, screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale } });
    }, 120_000);
    afterAll(async () => {
      await z?.close();
    });

    it('the returns, a partnership and a return’s form read without sideways scrolling', async () => {
      const page = z.page;
      const name = (what: string) => `allocations-returns-${what}-${scale * 100}`;
      await page.evaluate(() => {
        window.location.hash = '#/returns';
      });
      const table = page.getByRole('table', { name: `Returns by partnership, ${THIS_YEAR}` });
      await table.waitFor();
      expect(await sideways(page)).toEqual([]);
      await expectAxeClean(page, `returns at ${scale * 100}%`);
      await shot(page, name('screen'));
      await table.scrollIntoViewIfNeeded();
      await shot(page, name('table'));
      await table.getByRole('link', { name: WEST, exact: true }).click();
      const card = page.getByRole('region', { name: WEST, exact: true });
      await card.waitFor();
      expect(await sideways(page)).toEqual([]);
      await shot(page, name('partnership'));
      await card.getByRole('table', { name: `Returns of ${WEST}, ${THIS_YEAR}` }).scrollIntoViewIfNeeded();
      await shot(page, name('partnership-returns'));
      await card.getByRole('form', { name: `Development plan of ${WEST}` }).scrollIntoViewIfNeeded();
      await shot(page, name('plan'));
      await card.getByRole('button', { name: 'Figures of the summer term return' }).click();
      const dialog = page.getByRole('dialog', { name: `${WEST}: summer term return, ${THIS_YEAR}` });
      await dialog.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAxeClean(page, `return form at ${scale * 100}%`);
      await shot(page, name('form'));
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(z.problems).toEqual([]);
    });
  });
}
