/**
 * Bodies and members, as a clerk sets them up: a Schools Forum added through its dialog, members
 * added one by one (the composition check lists each rule broken, with the counts, and a save
 * that breaks one is told as a warning, not a refusal), a named substitute, a new term that keeps
 * the old one in the member's history, and bank holidays added and removed. Focus comes back
 * after each dialog, nothing on screen is ISO, and axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BankHolidayInfo, BodyDetail, BodyInfo } from '../../features/meetings/types';
import { openDemoSession } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, nav, sharedSession, shot } from './ui';

const FORUM = 'Northshire Schools Forum';
const s = sharedSession('meetings-bodies', () => openDemoSession());

const forum = async (): Promise<BodyDetail> => {
  const bodies = await call<BodyInfo[]>(s, 'listBodies', {});
  const b = bodies.find((x) => x.name === FORUM);
  if (!b) throw new Error(`${FORUM} is not saved`);
  return call<BodyDetail>(s, 'getBody', { id: b.id });
};

/** Chooses an option of a Fluent dropdown by the dropdown's label. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface NewMember {
  name: string;
  organisation: string;
  seat: string;
  role?: string;
  councillor?: boolean;
  substituteFor?: string;
}

async function addMember(page: Page, m: NewMember) {
  await page.getByRole('button', { name: 'Add member' }).click();
  const dialog = page.getByRole('dialog', { name: /^Add a member/ });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(m.name);
  await dialog.getByRole('textbox', { name: 'Organisation', exact: true }).fill(m.organisation);
  if (m.substituteFor) await choose(page, dialog, 'Substitute for', m.substituteFor);
  if (m.councillor) await dialog.getByRole('checkbox', { name: /councillor or an officer/ }).check();
  await choose(page, dialog, 'Seat', m.seat);
  if (m.role) await choose(page, dialog, 'Role', m.role);
  await dialog.getByRole('textbox', { name: 'Term start', exact: true }).fill('01/09/2025');
  await dialog.getByRole('textbox', { name: 'Term end', exact: true }).fill('31/08/2029');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('Bodies and members', () => {
  it('adds a Schools Forum through its dialog, and focus comes back to Add body', async () => {
    const page = s.page;
    await nav(page, 'Bodies and members');
    await page.getByRole('heading', { level: 1, name: 'Bodies and members' }).waitFor();
    const add = page.getByRole('button', { name: 'Add body…' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add a body' });
    await dialog.waitFor();
    await expectAxeClean(page, 'add body dialog');
    await shot(page, 'meetings-body-dialog');
    // Sent empty: the form says what is missing, and nothing is saved.
    await dialog.getByRole('button', { name: 'Add body' }).click();
    await expect.poll(() => dialog.getByText('Give the body a name').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(FORUM);
    await dialog.getByRole('spinbutton', { name: /Papers deadline/ }).fill('5');
    await dialog.getByRole('textbox', { name: "Clerk's name", exact: true }).fill('Sam Clerk');
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('forum@northshire.gov.uk');
    await dialog.getByRole('textbox', { name: 'Default venue', exact: true }).fill('Committee Room 2, County Hall');
    await dialog.getByRole('button', { name: 'Add body' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('heading', { level: 2, name: FORUM, exact: true }).isVisible()).toBe(true);
    await expect.poll(() => focusedDescription(page)).toContain('Add body');
    const saved = await forum();
    expect(saved.body.kind).toBe('schools_forum');
    expect(saved.body.papersDeadlineDays).toBe(5);
    expect(saved.body.clerkEmail).toBe('forum@northshire.gov.uk');
    await expect.poll(() => page.getByText(/two-fifths of the membership/).isVisible()).toBe(true);
  });

  it('adds members through the UI, and the composition check lists each problem with the counts', async () => {
    const page = s.page;
    await addMember(page, { name: 'Cllr Pat Jones', organisation: 'Northshire Council', seat: 'Maintained primary head', role: 'Chair', councillor: true });
    // The first member's save breaks the forum's rules: a warning, said to be one.
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent()).toMatch(/Warning, not a refusal/);
    await expect.poll(() => notice.textContent()).toMatch(/Cllr Pat Jones added/);
    await addMember(page, { name: 'Alex Early', organisation: 'Little Acorns Nursery', seat: 'Early years provider (PVI)' });
    await addMember(page, { name: 'Jo Union', organisation: 'NEU', seat: 'Trade union (joint consultative committee)' });
    await addMember(page, { name: 'Sam Sub', organisation: 'Hill Primary', seat: 'Maintained primary head', substituteFor: 'Cllr Pat Jones' });

    const saved = await forum();
    expect(saved.members.map((m) => m.name).sort()).toEqual(['Alex Early', 'Cllr Pat Jones', 'Jo Union', 'Sam Sub']);
    expect(saved.members.find((m) => m.name === 'Sam Sub')!.substituteForName).toBe('Cllr Pat Jones');
    const problems = saved.body.composition.problems;
    expect(problems.length).toBeGreaterThanOrEqual(3);

    const card = page.getByRole('region', { name: /^Composition check/ });
    await expect.poll(() => card.getByRole('heading').first().textContent()).toBe(`Composition check: ${problems.length} problems`);
    for (const p of problems) await expect.poll(() => card.getByText(p, { exact: true }).isVisible(), { message: p }).toBe(true);
    const counts = card.getByRole('list', { name: 'Membership counts' });
    await expect.poll(() => counts.textContent()).toMatch(/3 members in term/);
    await expect.poll(() => counts.textContent()).toMatch(/2 non-schools \(67%\), at most a third/);
    // The members table: the substitute named beside the member, and in their own list.
    const members = page.getByRole('table', { name: `Members of ${FORUM}` });
    await expect.poll(() => members.getByRole('row', { name: /Cllr Pat Jones/ }).textContent()).toMatch(/Sam Sub/);
    await expect.poll(() => page.getByRole('table', { name: 'Named substitutes' }).textContent()).toMatch(/For Cllr Pat Jones/);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'bodies screen with problems');
    await page.locator('.screen').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'meetings-bodies');
    await members.scrollIntoViewIfNeeded();
    await shot(page, 'meetings-bodies-members');
  });

  it('a new term keeps the old one in the history', async () => {
    const page = s.page;
    const trigger = page.getByRole('button', { name: 'New term for Jo Union' });
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'New term for Jo Union' });
    await dialog.waitFor();
    await choose(page, dialog, 'Seat', 'Other non-schools member');
    await dialog.getByRole('textbox', { name: 'Term start', exact: true }).fill('01/09/2029');
    await dialog.getByRole('textbox', { name: 'Term end', exact: true }).fill('31/08/2033');
    await expectAxeClean(page, 'new term dialog');
    await dialog.getByRole('button', { name: 'Add term' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toContain('New term for Jo Union');
    const jo = (await forum()).members.find((m) => m.name === 'Jo Union')!;
    expect(jo.terms.length).toBe(2);
    const toggle = page.getByRole('button', { name: '2 terms of Jo Union' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const history = page.getByRole('table', { name: 'Terms of Jo Union' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    await expect.poll(() => history.textContent()).toMatch(/01\/09\/2025.*31\/08\/2029.*Trade union/);
    await expect.poll(() => history.textContent()).toMatch(/Other non-schools member/);
  });

  it('an edit to a member of a forum out of balance is saved, with the warning', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Edit Alex Early' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Alex Early' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Organisation', exact: true }).fill('Acorns Day Nursery');
    await dialog.getByRole('button', { name: 'Save member' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/^Alex Early saved\. Warning, not a refusal/);
    expect((await forum()).members.find((m) => m.name === 'Alex Early')!.organisation).toBe('Acorns Day Nursery');
  });

  it('bank holidays: listed in UK form, one added and removed', async () => {
    const page = s.page;
    const before = await call<BankHolidayInfo[]>(s, 'listBankHolidays', {});
    expect(before.some((h) => h.date.startsWith('2030'))).toBe(true);
    await page.getByRole('button', { name: 'Bank holidays…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bank holidays' });
    await dialog.waitFor();
    await choose(page, dialog, 'Year', '2027');
    await expect.poll(() => dialog.getByRole('table').textContent()).toMatch(/Monday 3 May 2027/);
    expect(await dialog.textContent()).not.toMatch(ISO_DATE);
    await dialog.getByRole('textbox', { name: 'Date (dd/mm/yyyy)', exact: true }).fill('14/06/2027');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Extra bank holiday');
    await dialog.getByRole('button', { name: 'Add bank holiday' }).click();
    await expect.poll(() => dialog.getByRole('table').textContent()).toMatch(/Monday 14 June 2027Extra bank holiday/);
    expect((await call<BankHolidayInfo[]>(s, 'listBankHolidays', {})).some((h) => h.date === '2027-06-14')).toBe(true);
    await expectAxeClean(page, 'bank holidays dialog');
    await shot(page, 'meetings-bank-holidays');
    await dialog.getByRole('button', { name: 'Remove Extra bank holiday, 14 June 2027' }).click();
    await expect.poll(async () => (await call<BankHolidayInfo[]>(s, 'listBankHolidays', {})).some((h) => h.date === '2027-06-14')).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toContain('Bank holidays');
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});
