/**
 * The partnerships and schools screens, as a finance lead uses them, on the demo authority with
 * the server's clock at 3 December 2026 and a partnership of our own whose figures are known: an
 * area partnership with two clusters and four schools (pupils 300, 200, 150 and 350), three
 * decisions recorded and one not. The Partnerships screen shows the clusters under their area,
 * the agreement and the return frequency, and buy-in by cluster with counts and shares of pupils;
 * a cluster is added from the keyboard alone; a second partnership of the same name is refused in
 * the server's words and nothing is saved. The Schools screen lists the year's schools with
 * their partnership, buy-in and data, filtered by partnership; a school is opened from the grid
 * by keyboard, moved (refused at first, naming both partnerships, then moved deliberately), its
 * buy-in recorded, a negative pupil count refused before anything is sent, and a URN already
 * used refused by the server; the schools workbook exported. Axe clean throughout, and looked at
 * on screen at 1366×768, 150% and 200% with no sideways scrolling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainServer } from '../../electron/server/server';
import type { BuyInCount, DataColumnInfo, PartnershipInfo, SchoolInfo, SchoolsOverview } from '../../features/allocations/types';
import type { AgreementsOverview } from '../../features/recovery/types';
import { openDemoSession, type Session } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, nav, sharedSession, shot, sidewaysScrollers } from './ui';

const NOW = () => new Date('2026-12-03T12:00:00Z');
const YEAR = '2026-27';
const AREA = 'E2E Riverside Partnership';
const NORTH = 'E2E North cluster';
const SOUTH = 'E2E South cluster';
/** URN, name, cluster, pupils, buy-in. */
const SCHOOLS: Array<[number, string, string, number, 'bought_in' | 'undecided' | 'leaving' | null]> = [
  [990001, 'E2E Alder Primary', NORTH, 300, 'bought_in'],
  [990002, 'E2E Birch Primary', NORTH, 200, null],
  [990003, 'E2E Cedar Academy', SOUTH, 150, 'leaving'],
  [990004, 'E2E Damson Secondary', SOUTH, 350, 'bought_in'],
];

async function must<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** Our own partnership, funded by the first of the demo's agreements, with two clusters and four schools. */
async function seed(server: DomainServer): Promise<void> {
  const { agreements } = await must<AgreementsOverview>(server, 'getAgreementsOverview', {});
  const area = await must<PartnershipInfo>(server, 'savePartnership', {
    name: AREA,
    area: 'Riverside',
    kind: 'area_inclusion',
    agreementId: agreements[0]?.id ?? null,
    returnFrequency: 'termly',
  });
  const clusters = new Map<string, number>();
  for (const name of [NORTH, SOUTH]) {
    clusters.set(name, (await must<PartnershipInfo>(server, 'savePartnership', { name, area: 'Riverside', kind: 'cluster', parentId: area.id })).id);
  }
  const columns = await must<DataColumnInfo[]>(server, 'listDataColumns', {});
  const pupils = columns.find((c) => c.key === 'pupils')!;
  for (const [urn, name, cluster, count, buyIn] of SCHOOLS) {
    const s = await must<SchoolInfo>(server, 'saveSchool', {
      urn,
      name,
      phase: urn === 990004 ? 'secondary' : 'primary',
      type: urn === 990003 ? 'academy' : 'maintained',
    });
    await must(server, 'setMembership', { year: YEAR, schoolId: s.id, partnershipId: clusters.get(cluster)! });
    await must(server, 'setSchoolData', { year: YEAR, schoolId: s.id, values: { [pupils.id]: count } });
    if (buyIn) await must(server, 'setBuyIn', { year: YEAR, schoolId: s.id, status: buyIn, decidedOn: '2026-10-01' });
  }
}

const s = sharedSession('allocations-schools', () => openDemoSession({ now: NOW, prepare: seed }));

const partnerships = () => call<PartnershipInfo[]>(s, 'listPartnerships', { year: YEAR });
const schools = () => call<SchoolsOverview>(s, 'listSchools', { year: YEAR });
const school = async (urn: number) => (await schools()).schools.find((x) => x.urn === urn)!;

/** Boxes that scroll sideways (or the page itself), outside a grid, which scrolls its own columns. */
const sideways = (page: Page) => sidewaysScrollers(page, '.app *', '.ag-root-wrapper, .visually-hidden, .nav-rail');

async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', typeof option === 'string' ? { name: option, exact: true } : { name: option }).click();
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page: Page, what: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (what.test(await focusedDescription(page))) return;
    await page.keyboard.press('Tab');
  }
  expect(await focusedDescription(page)).toMatch(what);
}

/** Presses Tab until `target` has the focus, failing after `max` presses. */
async function tabUntil(page: Page, target: Locator, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach the control: focus is on ${await focusedDescription(page)}`);
}

/** Chooses an option of a dropdown with the keyboard: opened with Enter, arrowed down to, taken with Enter. */
async function pickByKeyboard(page: Page, dropdown: Locator, option: string): Promise<void> {
  await dropdown.focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 200; i++) {
    const active = await dropdown.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).textContent()) === option) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option ${option}`);
}

/** Opens a school's dialog from the grid (each test starts with no dialog open), at a tab. */
async function openSchool(page: Page, urn: number, name: string, tab: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: /Find schools/ }).fill(String(urn));
  await (await cellOf(page, urn, 'name')).dblclick();
  const dialog = page.getByRole('dialog', { name: `${name} (${urn})` });
  await dialog.waitFor();
  await dialog.getByRole('tab', { name: tab }).click();
  return dialog;
}

/** A school's cell in the grid, by its URN and the column's id (URN and name are pinned; the rest scroll). */
const cellOf = async (page: Page, urn: number, col: string) =>
  page.locator(`.schools-grid .ag-grid-scrolling-container .ag-row[row-id="${(await school(urn)).id}"] [col-id="${col}"]`);
/** The URNs of the rows the grid shows. */
const urnsShown = async (page: Page) => (await page.locator('.schools-grid .ag-grid-scrolling-container .ag-row [col-id="urn"]').allTextContents()).sort();

describe('Partnerships', () => {
  it('shows each partnership with its clusters, agreement and returns, and buy-in by cluster with shares of pupils', async () => {
    const page = s.page;
    await nav(page, 'Partnerships');
    await page.getByRole('heading', { level: 1, name: 'Partnerships' }).waitFor();
    const card = page.getByRole('region', { name: AREA });
    await card.waitFor();
    const ours = (await partnerships()).find((p) => p.name === AREA)!;
    await expect.poll(() => card.textContent()).toMatch(/Area inclusion partnership/);
    await expect.poll(() => card.textContent()).toMatch(/AreaRiverside/);
    expect(ours.agreementLabel).not.toBeNull();
    await expect.poll(() => card.textContent()).toContain(`Agreement${ours.agreementLabel}`);
    await expect.poll(() => card.textContent()).toMatch(/ReturnsTermly/);
    await expect.poll(() => card.textContent()).toMatch(/Schools, 2026-274 schools/);
    const clusters = card.getByRole('table', { name: `Clusters in ${AREA}` });
    await expect.poll(() => clusters.locator('tbody tr td:first-child').allTextContents()).toEqual([NORTH, SOUTH]);
    await expect.poll(() => clusters.getByRole('row').filter({ hasText: NORTH }).textContent()).toMatch(/2None named/);

    // Buy-in: North 2 schools, 500 pupils: Alder bought in (300, 60%), Birch not recorded (200, 40%).
    const buyIn = page.getByRole('table', { name: `Buy-in by cluster, ${YEAR}` });
    await buyIn.scrollIntoViewIfNeeded();
    const row = (name: string | RegExp) => buyIn.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row(NORTH).textContent()).toBe(`${NORTH}2500 pupils160.0% of pupils1 (1 not recorded)40.0% of pupils0`);
    await expect.poll(() => row(SOUTH).textContent()).toBe(`${SOUTH}2500 pupils170.0% of pupils0130.0% of pupils`);
    await expect
      .poll(() => row(`Total, ${AREA}`).textContent())
      .toBe(`Total, ${AREA}41,000 pupils265.0% of pupils1 (1 not recorded)20.0% of pupils115.0% of pupils`);
    // The server counts the same.
    const counts = await call<BuyInCount[]>(s, 'buyInByCluster', { year: YEAR });
    expect(counts.find((c) => c.partnershipName === NORTH)).toMatchObject({
      schools: 2,
      boughtIn: 1,
      undecided: 1,
      notRecorded: 1,
      pupils: 500,
      boughtInPupils: 300,
    });
    // The demo's partnerships are there too, each with its clusters.
    expect(await page.locator('.pship-card').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'partnerships screen');
    await page.locator('.screen').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'allocations-partnerships');
    await buyIn.scrollIntoViewIfNeeded();
    await shot(page, 'allocations-partnerships-buy-in');
  });

  it('adds a cluster from the keyboard alone', async () => {
    const page = s.page;
    const add = page.getByRole('button', { name: `Add a cluster to ${AREA}` });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `New cluster in ${AREA}` });
    await dialog.waitFor();
    // Focus starts in the form: the name first.
    await expect.poll(() => focusedDescription(page)).toMatch(/^input/);
    await page.keyboard.type('E2E East cluster');
    // The kind and the partnership it is part of are set already; the lead school is found by typing.
    expect(await dialog.getByRole('combobox', { name: 'Kind' }).textContent()).toBe('Cluster');
    expect(await dialog.getByRole('combobox', { name: 'Part of' }).textContent()).toBe(AREA);
    await tabUntil(page, dialog.getByRole('combobox', { name: 'Lead school' }));
    await page.keyboard.type('990003');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Lead school' }).inputValue()).toBe('E2E Cedar Academy (990003)');
    await expectAxeClean(page, 'new cluster dialog');
    await shot(page, 'allocations-partnerships-new-cluster');
    await tabUntil(page, dialog.getByRole('button', { name: 'Add cluster' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const east = (await partnerships()).find((p) => p.name === 'E2E East cluster')!;
    expect(east).toMatchObject({ kind: 'cluster', parentName: AREA, area: 'Riverside', leadSchoolName: 'E2E Cedar Academy', returnFrequency: 'termly' });
    const clusters = page.getByRole('table', { name: `Clusters in ${AREA}` });
    await expect.poll(() => clusters.locator('tbody tr td:first-child').allTextContents()).toEqual(['E2E East cluster', NORTH, SOUTH]);
  });

  it('refuses a second partnership of the same name, in the server’s words, and saves nothing', async () => {
    const page = s.page;
    const before = await partnerships();
    await page.getByRole('button', { name: 'New partnership…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New partnership' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add partnership' }).click();
    await expect.poll(() => dialog.getByText('Give the partnership a name').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Name' }).fill(AREA.toLowerCase());
    await dialog.getByRole('button', { name: 'Add partnership' }).click();
    const refusal = dialog.getByText(/^Not saved: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(`Not saved: There is already a partnership called ${AREA}: each partnership needs its own name.`);
    await expectAxeClean(page, 'refused partnership');
    await shot(page, 'allocations-partnerships-refused');
    expect(await partnerships()).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('edits a partnership: annual returns and a note', async () => {
    const page = s.page;
    await page.getByRole('button', { name: `Edit ${AREA}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${AREA}` });
    await dialog.getByRole('radio', { name: /^Annual/ }).check();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Clusters re-drawn in September 2026');
    await dialog.getByRole('button', { name: 'Save partnership' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await partnerships()).find((p) => p.name === AREA)).toMatchObject({ returnFrequency: 'annual', note: 'Clusters re-drawn in September 2026' });
    await expect.poll(() => page.getByRole('region', { name: AREA }).textContent()).toMatch(/ReturnsAnnual.*NoteClusters re-drawn in September 2026/);
  });
});

describe('Schools', () => {
  it('lists the year’s schools with partnership, buy-in and data, and filters by partnership with its clusters', async () => {
    const page = s.page;
    await nav(page, 'Schools');
    await page.getByRole('heading', { level: 1, name: 'Schools' }).waitFor();
    await page.locator('.schools-grid .ag-row[row-id]').first().waitFor();
    const overview = await schools();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /schools\. In 2026-27/ })
          .textContent(),
      )
      .toMatch(new RegExp(`^${overview.schools.length} schools\\.`));
    await choose(page, page.getByRole('group', { name: 'Filter the schools' }), 'Partnership', AREA);
    await expect.poll(() => urnsShown(page)).toEqual(['990001', '990002', '990003', '990004']);
    await expect.poll(async () => (await cellOf(page, 990001, 'name')).textContent()).toBe('E2E Alder Primary');
    await expect.poll(async () => (await cellOf(page, 990001, 'partnership')).textContent()).toBe(NORTH);
    await expect.poll(async () => (await cellOf(page, 990001, 'buyIn')).textContent()).toBe('Bought in');
    await expect.poll(async () => (await cellOf(page, 990001, 'decidedOn')).textContent()).toBe('01/10/2026');
    await expect.poll(async () => (await cellOf(page, 990001, 'data-pupils')).textContent()).toBe('300');
    await expect.poll(async () => (await cellOf(page, 990002, 'buyIn')).textContent()).toBe('Not recorded');
    // The total under the grid adds up the schools shown.
    await expect.poll(() => page.locator('.schools-grid .ag-grid-pinned-bottom-rows [col-id="data-pupils"]').textContent()).toBe('1,000');
    await expectAxeClean(page, 'schools screen');
    await shot(page, 'allocations-schools');
  });

  it('opens a school from the grid by keyboard and moves it: refused at first naming both partnerships, then moved', async () => {
    const page = s.page;
    await page.getByRole('searchbox', { name: /Find schools/ }).fill('990002');
    await expect.poll(() => urnsShown(page)).toEqual(['990002']);
    await page.getByRole('searchbox', { name: /Find schools/ }).focus();
    await tabTo(page, /col=/, 12);
    if (!(await focusedDescription(page)).includes('row=')) await page.keyboard.press('ArrowDown');
    expect(await focusedDescription(page)).toMatch(/row=\d+ col=urn/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'E2E Birch Primary (990002)' });
    await dialog.waitFor();
    // The tabs by arrow keys: details, then partnership and buy-in.
    await dialog.getByRole('tab', { name: 'Details' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await dialog.getByRole('tab', { name: `Partnership and buy-in, ${YEAR}`, selected: true }).waitFor();
    const form = dialog.getByRole('form', { name: `Partnership in ${YEAR}` });
    await pickByKeyboard(page, form.getByRole('combobox', { name: 'Partnership' }), `${AREA} › ${SOUTH}`);
    expect(await form.getByRole('combobox', { name: 'Partnership' }).textContent()).toBe(`${AREA} › ${SOUTH}`);
    await form.getByRole('button', { name: 'Save partnership' }).focus();
    await page.keyboard.press('Enter');
    const refusal = form.getByText(/^Not moved: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe(
      `Not moved: E2E Birch Primary (URN 990002) is already in ${NORTH} in ${YEAR}, so it cannot also be in ${SOUTH}: a school belongs to one partnership a year. Move it from ${NORTH} instead.`,
    );
    expect((await school(990002)).partnershipName).toBe(NORTH);
    await expectAxeClean(page, 'move refused');
    await shot(page, 'allocations-school-move-refused');
    const move = form.getByRole('button', { name: `Move from ${NORTH} to ${SOUTH}` });
    await move.focus();
    await page.keyboard.press('Enter');
    await form.getByText(`Moved in ${SOUTH} for ${YEAR}.`).waitFor();
    expect((await school(990002)).partnershipName).toBe(SOUTH);
  });

  it('records the school’s buy-in with the date of the decision', async () => {
    const page = s.page;
    const dialog = await openSchool(page, 990002, 'E2E Birch Primary', `Partnership and buy-in, ${YEAR}`);
    const form = dialog.getByRole('form', { name: `Buy-in for ${YEAR}` });
    await form.getByRole('radio', { name: 'Leaving' }).check();
    await form.getByRole('textbox', { name: 'Date of the decision' }).fill('31/11/2026');
    await form.getByRole('button', { name: 'Record buy-in' }).click();
    await expect.poll(() => form.getByText('Date of the decision is not a date: November 2026 has 30 days').isVisible()).toBe(true);
    expect((await school(990002)).buyIn).toBeNull();
    await form.getByRole('textbox', { name: 'Date of the decision' }).fill('14/10/2026');
    await form.getByRole('textbox', { name: 'Note' }).fill('Governors minute 7/26');
    await form.getByRole('button', { name: 'Record buy-in' }).click();
    await form.getByText('Recorded: leaving, decided on 14/10/2026.').waitFor();
    expect(await school(990002)).toMatchObject({ buyIn: 'leaving', buyInDecidedOn: '2026-10-14', buyInNote: 'Governors minute 7/26' });
    await expectAxeClean(page, 'buy-in recorded');
    await shot(page, 'allocations-school-buy-in');
  });

  it('refuses a negative pupil count before sending it, then saves a figure to four places', async () => {
    const page = s.page;
    const dialog = await openSchool(page, 990002, 'E2E Birch Primary', `Data, ${YEAR}`);
    const form = dialog.getByRole('form', { name: `Data for ${YEAR}` });
    const pupils = form.getByRole('textbox', { name: 'Pupils' });
    expect(await pupils.inputValue()).toBe('200');
    const sent: string[] = [];
    const watch = (r: { url(): string }) => r.url().includes('/api/setSchoolData') && sent.push(r.url());
    page.on('request', watch);
    await pupils.fill('-12');
    await form.getByRole('button', { name: 'Save data' }).click();
    await expect.poll(() => form.getByText('Not saved: Pupils must not be negative').isVisible()).toBe(true);
    page.off('request', watch);
    expect(sent).toEqual([]);
    expect((await school(990002)).data.pupils).toBe(200);
    await expectAxeClean(page, 'negative pupils');
    await shot(page, 'allocations-school-negative-pupils');
    await pupils.fill('212.5');
    await form.getByRole('button', { name: 'Save data' }).click();
    await form.getByText(`One figure saved for ${YEAR}.`).waitFor();
    expect((await school(990002)).data.pupils).toBe(212.5);
  });

  it('refuses a URN another school has, in the server’s words, and changes nothing', async () => {
    const page = s.page;
    const dialog = await openSchool(page, 990002, 'E2E Birch Primary', 'Details');
    const form = dialog.getByRole('form', { name: 'School details' });
    const before = await school(990002);
    await form.getByRole('textbox', { name: 'URN' }).fill('99001');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => form.getByText('URN "99001" is not six digits').isVisible()).toBe(true);
    await form.getByRole('textbox', { name: 'URN' }).fill('990001');
    await form.getByRole('button', { name: 'Save details' }).click();
    const refusal = form.getByText(/^Not saved: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe('Not saved: There is already a school with URN 990001: E2E Alder Primary. Each school has its own URN.');
    expect(await school(990002)).toEqual(before);
    await shot(page, 'allocations-school-duplicate-urn');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The grid shows what was saved.
    await expect.poll(async () => (await cellOf(page, 990002, 'partnership')).textContent()).toBe(SOUTH);
    await expect.poll(async () => (await cellOf(page, 990002, 'buyIn')).textContent()).toBe('Leaving');
    await expect.poll(async () => (await cellOf(page, 990002, 'data-pupils')).textContent()).toBe('212.5');
  });

  it('adds a school, then goes on to its partnership', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'New school…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New school' });
    await dialog.getByRole('textbox', { name: 'URN' }).fill('990005');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('E2E Elm Special School');
    await choose(page, dialog, 'Type', 'Special');
    await dialog.getByRole('button', { name: 'Add school' }).click();
    const added = page.getByRole('dialog', { name: 'E2E Elm Special School (990005)' });
    await added.getByRole('tab', { name: `Partnership and buy-in, ${YEAR}`, selected: true }).waitFor();
    expect(await school(990005)).toMatchObject({ name: 'E2E Elm Special School', type: 'special', partnershipId: null });
    await choose(page, added.getByRole('form', { name: `Partnership in ${YEAR}` }), 'Partnership', `${AREA} › ${NORTH}`);
    await added.getByRole('button', { name: 'Save partnership' }).click();
    await added.getByText(`Put in ${NORTH} for ${YEAR}.`).waitFor();
    expect((await school(990005)).partnershipName).toBe(NORTH);
    await added.getByRole('button', { name: 'Close' }).click();
  });

  it('adds a data column, which the grid shows, and keeps the pupils column that buy-in shares rest on', async () => {
    const page = s.page;
    await nav(page, 'Schools');
    await page.getByRole('button', { name: 'Data columns…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Data columns' });
    await dialog.getByRole('button', { name: 'Add a data column' }).click();
    const form = dialog.getByRole('form', { name: 'New data column' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Speech and language needs');
    await form.getByRole('textbox', { name: 'Key' }).fill('SLCN needs');
    await form.getByRole('button', { name: 'Add column' }).click();
    await expect.poll(() => form.getByText(/Key must start with a letter and hold only letters, digits and _/).isVisible()).toBe(true);
    await form.getByRole('textbox', { name: 'Key' }).fill('slcn');
    await form.getByRole('button', { name: 'Add column' }).click();
    await form.waitFor({ state: 'detached' });
    const columns = await call<DataColumnInfo[]>(s, 'listDataColumns', {});
    expect(columns.find((c) => c.key === 'slcn')).toMatchObject({ name: 'Speech and language needs', usedByRuns: 0 });
    await expect.poll(() => dialog.getByRole('table', { name: 'Data columns' }).getByRole('row').filter({ hasText: 'slcn' }).count()).toBe(1);
    // The pupils column cannot go: the server says why, and it stays.
    await dialog.getByRole('button', { name: 'Delete Pupils' }).click();
    await dialog.getByRole('button', { name: 'Delete column' }).click();
    const refusal = dialog.getByText(/^Not deleted: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/pupils holds the pupil numbers that buy-in shares are worked out from, so it cannot be deleted/);
    expect((await call<DataColumnInfo[]>(s, 'listDataColumns', {})).length).toBe(columns.length);
    await expectAxeClean(page, 'data columns dialog');
    await shot(page, 'allocations-data-columns');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.schools-grid .ag-header-cell[col-id="data-slcn"]').textContent()).toMatch(/Speech and language needs/);
  });

  it('exports the schools workbook for the year, and the import wizard opens from the same menu', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Workbooks' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `Export the schools for ${YEAR}…` }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(s.dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cells: unknown[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
    expect(cells).toContain('E2E Alder Primary');
    expect(cells.map(String)).toContain('990001');
    await page.getByRole('button', { name: 'Workbooks' }).click();
    await page.getByRole('menuitem', { name: /Import a workbook/ }).click();
    await page.getByRole('dialog').first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});

for (const scale of [1.5, 2]) {
  describe(`the partnerships and schools screens at ${scale * 100}%`, () => {
    let z: Session;
    const name = (what: string) => `allocations-${what}-${scale * 100}`;
    beforeAll(async () => {
      z = await openDemoSession({
        now: NOW,
        prepare: seed,
        screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale },
      });
    }, 180_000);
    afterAll(async () => {
      await z?.close();
    });
    const away = async () => {
      // Away from the navigation, whose tooltip would cover the screen in the picture.
      await z.page.mouse.move(z.page.viewportSize()!.width - 20, z.page.viewportSize()!.height - 20);
      await z.page.waitForTimeout(250);
    };

    it('Partnerships reflows: cards and the buy-in table fit the width', async () => {
      await nav(z.page, 'Partnerships');
      await z.page.getByRole('region', { name: AREA }).waitFor();
      await away();
      await shot(z.page, name('partnerships'));
      expect(await sideways(z.page)).toEqual([]);
      await expectAxeClean(z.page, `partnerships at ${scale * 100}%`);
      await z.page.getByRole('region', { name: AREA }).scrollIntoViewIfNeeded();
      await shot(z.page, name('partnerships-card'));
      await z.page.getByRole('table', { name: `Buy-in by cluster, ${YEAR}` }).scrollIntoViewIfNeeded();
      await shot(z.page, name('partnerships-buy-in'));
      expect(await sideways(z.page)).toEqual([]);
      await z.page.getByRole('button', { name: `Edit ${AREA}` }).click();
      const dialog = z.page.getByRole('dialog', { name: `Edit ${AREA}` });
      await dialog.waitFor();
      await shot(z.page, name('partnership-dialog'));
      expect(await sideways(z.page)).toEqual([]);
      await expectAxeClean(z.page, `partnership dialog at ${scale * 100}%`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('Schools reflows: filters wrap, the grid keeps its rows, the school dialog fits', async () => {
      await nav(z.page, 'Schools');
      await z.page.locator('.schools-grid .ag-row[row-id]').first().waitFor();
      await away();
      await shot(z.page, name('schools'));
      expect(await sideways(z.page)).toEqual([]);
      await expectAxeClean(z.page, `schools at ${scale * 100}%`);
      await z.page.locator('.grid-frame').scrollIntoViewIfNeeded();
      await shot(z.page, name('schools-grid'));
      await z.page.getByRole('searchbox', { name: /Find schools/ }).fill('990001');
      const id = (await call<SchoolsOverview>(z, 'listSchools', { year: YEAR })).schools.find((x) => x.urn === 990001)!.id;
      await z.page.locator(`.schools-grid .ag-grid-scrolling-container .ag-row[row-id="${id}"] [col-id="name"]`).dblclick();
      const dialog = z.page.getByRole('dialog', { name: 'E2E Alder Primary (990001)' });
      await dialog.waitFor();
      await shot(z.page, name('school-dialog'));
      await dialog.getByRole('tab', { name: `Partnership and buy-in, ${YEAR}` }).click();
      await shot(z.page, name('school-dialog-year'));
      expect(await sideways(z.page)).toEqual([]);
      await expectAxeClean(z.page, `school dialog at ${scale * 100}%`);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('logs no console errors', () => {
      expect(z.problems).toEqual([]);
    });
  });
}
