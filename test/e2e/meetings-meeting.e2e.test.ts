/**
 * A meeting from the clerk's side: scheduled from the Meetings screen, its agenda built (items
 * added, moved by the Move buttons, by Alt+Up/Down, by dnd-kit's keyboard drag and by the mouse,
 * each move saved and announced), attendance recorded with a named substitute while the quorum
 * line follows, votes recorded by name (one refused for a member not entitled, the server's words
 * shown beside the button, nothing saved), and a declaration and an action added. The server is
 * the truth each step is checked against; axe finds nothing serious on any part.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DomainServer } from '../../electron/server/server';
import type { BodyInfo, MeetingDetail, MeetingSummary, MemberSaved } from '../../features/meetings/types';
import { openDemoSession } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, nav, sharedSession, shot } from './ui';

const BODY = 'E2E Schools Forum';
let bodyId = 0;
let heldId = 0;

async function unwrap<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** A small forum: two maintained primary members (one with a named substitute), a secondary head, an academy, an early years provider and a union member. */
async function prepare(server: DomainServer) {
  const body = await unwrap<BodyInfo>(server, 'saveBody', {
    name: BODY,
    kind: 'schools_forum',
    quorumKind: 'fraction',
    quorumNumerator: 2,
    quorumDenominator: 5,
    papersDeadlineDays: 5,
    defaultVenue: 'Council Chamber',
  });
  bodyId = body.id;
  const add = (name: string, seatCategory: string, extra: Record<string, unknown> = {}) =>
    unwrap<MemberSaved>(server, 'saveMember', { bodyId, name, seatCategory, role: 'member', voting: true, termStart: '2025-09-01', termEnd: null, ...extra });
  const pat = await add('Pat Primary', 'maintained_primary_head', { role: 'chair' });
  await add('Pri Governor', 'maintained_primary_governor');
  await add('Sue Secondary', 'maintained_secondary_head');
  await add('Andy Academy', 'academy');
  await add('Eve Early', 'early_years_provider');
  await add('Una Union', 'union');
  await add('Sid Sub', 'maintained_primary_head', { substituteForId: pat.member.id });
  // Two earlier meetings: one held, whose minutes are approved at the other.
  const earlier = await unwrap<MeetingDetail>(server, 'saveMeeting', { bodyId, startsAt: '2026-10-01T14:00', venue: 'Council Chamber' });
  await unwrap(server, 'setMeetingStatus', { id: earlier.meeting.id, status: 'published' });
  await unwrap(server, 'setMeetingStatus', { id: earlier.meeting.id, status: 'held' });
  heldId = earlier.meeting.id;
  const next = await unwrap<MeetingDetail>(server, 'saveMeeting', { bodyId, startsAt: '2026-11-19T14:00', venue: 'Council Chamber' });
  await unwrap(server, 'setMeetingStatus', { id: next.meeting.id, status: 'published' });
}

const s = sharedSession('meetings-meeting', () => openDemoSession({ prepare }));
let meetingId = 0;
const meeting = () => call<MeetingDetail>(s, 'getMeeting', { id: meetingId });
const titles = async () => (await meeting()).items.sort((a, b) => a.position - b.position).map((i) => i.title);
const row = (page: Page, title: string): Locator => page.locator('.agenda-row').filter({ has: page.getByRole('heading', { name: title }) });

async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addItem(page: Page, title: string, purpose: string, who: string) {
  await page.getByRole('button', { name: 'Add item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an agenda item' });
  await dialog.waitFor();
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('radio', { name: purpose }).check();
  await dialog.getByRole('textbox', { name: 'Presenter', exact: true }).fill('Head of SEND');
  await choose(page, dialog, 'Who may vote', who);
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row(page, title).waitFor();
}

describe('the meeting page', () => {
  it('schedules a meeting from the Meetings screen and opens it', async () => {
    const page = s.page;
    await nav(page, 'Meetings');
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('button', { name: 'New meeting…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New meeting' });
    await dialog.waitFor();
    await choose(page, dialog, 'Body', BODY);
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Venue', exact: true }).inputValue()).toBe('Council Chamber');
    await dialog.getByRole('textbox', { name: 'Date', exact: true }).fill('14/01/2027');
    await expectAxeClean(page, 'new meeting dialog');
    await dialog.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByRole('heading', { level: 1, name: `${BODY}: Thursday 14 January 2027 at 14:00` }).waitFor();
    const list = await call<MeetingSummary[]>(s, 'listMeetings', { bodyId });
    const made = list.find((m) => m.startsAt === '2027-01-14T14:00');
    expect(made, 'the new meeting is saved at 14:00 on 14 January 2027').toBeDefined();
    meetingId = made!.id;
    // The standing items are on the agenda, and the header says what comes next.
    expect((await meeting()).items.length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('.meeting-status').textContent()).toMatch(/Draft.*Papers are due by/);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
  });

  it('builds the agenda: items added, and moved by the buttons, Alt+arrows, keyboard drag and mouse drag', async () => {
    const page = s.page;
    await addItem(page, 'De-delegation 2027-28', 'Decision', 'Maintained primary members');
    await addItem(page, 'High Needs monitoring at P7', 'Information', 'None');
    const start = await titles();
    const n = start.length;
    expect(start.slice(-2)).toEqual(['De-delegation 2027-28', 'High Needs monitoring at P7']);
    await expectAxeClean(page, 'agenda');
    await shot(page, 'meetings-agenda');

    // Move up, by its button: saved, announced, and the keyboard stays on the button.
    const up = page.getByRole('button', { name: /^Move item \d+, High Needs monitoring at P7 up$/ });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual([...start.slice(0, -2), 'High Needs monitoring at P7', 'De-delegation 2027-28']);
    await expect
      .poll(() => page.locator('[role=status][aria-live=polite]').filter({ hasText: 'moved up' }).textContent())
      .toMatch(new RegExp(`High Needs monitoring at P7 moved up to place ${n - 1} of ${n}: now item \\d+`));
    await expect.poll(() => focusedDescription(page)).toMatch(/Move item \d+, High Needs monitoring at P7 up/);

    // Alt+Down from the same place puts it back.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(titles).toEqual(start);
    await expect.poll(() => focusedDescription(page)).toMatch(/High Needs monitoring at P7/);

    // dnd-kit's keyboard drag: Space picks the item up, Up moves it, Space drops it.
    const handle = page.getByRole('button', { name: /^Reorder item \d+, De-delegation 2027-28$/ });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await expect.poll(titles).toEqual([...start.slice(0, -3), 'De-delegation 2027-28', start[n - 3], 'High Needs monitoring at P7']);

    // The mouse: High Needs monitoring dragged by its handle onto De-delegation, two places up.
    const source = page.getByRole('button', { name: /^Reorder item \d+, High Needs monitoring at P7$/ });
    await source.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    const to = await row(page, 'De-delegation 2027-28').boundingBox();
    if (!from || !to) throw new Error('no handle or row on screen');
    const x = from.x + from.width / 2;
    const y0 = from.y + from.height / 2;
    const y1 = to.y + 8;
    await page.mouse.move(x, y0);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++) await page.mouse.move(x, y0 + ((y1 - y0) * i) / 15);
    await page.waitForTimeout(200);
    await page.mouse.up();
    const dropped = [...start.slice(0, -3), 'High Needs monitoring at P7', 'De-delegation 2027-28', start[n - 3]];
    await expect.poll(titles).toEqual(dropped);
    const moved = (await meeting()).items.find((i) => i.title === 'High Needs monitoring at P7')!;
    expect(moved.number).toBe(String(n - 2));
    await expect.poll(() => row(page, 'High Needs monitoring at P7').locator('.agenda-number').textContent()).toBe(String(n - 2));
    await shot(page, 'meetings-agenda-moved');

    // An item added by mistake: deleted after its dialog says what goes with it; the keyboard carries on from the heading.
    await addItem(page, 'Item added by mistake', 'Information', 'None');
    await page.getByRole('button', { name: /^Delete item \d+, Item added by mistake$/ }).click();
    const confirm = page.getByRole('dialog', { name: /^Delete item \d+, Item added by mistake\?$/ });
    await confirm.waitFor();
    await expectAxeClean(page, 'delete item dialog');
    await confirm.getByRole('button', { name: 'Delete item' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(titles).toEqual(dropped);
    await expect.poll(() => focusedDescription(page)).toMatch(/^h2.*Agenda/);
  });

  it('records attendance with a named substitute, and the quorum follows', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Attendance' }).click();
    const quorum = page.locator('.quorum-line');
    await expect.poll(() => quorum.textContent()).toMatch(/^Not quorate: 0 present, 3 needed/);
    await choose(page, page.locator('.attendance-table'), 'Attendance of Pat Primary', 'Substitute attended');
    await expect.poll(() => page.getByRole('combobox', { name: 'Substitute attending for Pat Primary' }).textContent()).toBe('Sid Sub');
    await expect.poll(() => quorum.textContent()).toMatch(/^Not quorate: 1 present, 3 needed/);
    await choose(page, page.locator('.attendance-table'), 'Attendance of Pri Governor', 'Present');
    await choose(page, page.locator('.attendance-table'), 'Attendance of Sue Secondary', 'Present');
    await expect.poll(() => quorum.textContent()).toMatch(/^Quorate: 3 present, 3 needed/);
    await choose(page, page.locator('.attendance-table'), 'Attendance of Eve Early', 'Present');
    await choose(page, page.locator('.attendance-table'), 'Attendance of Andy Academy', 'Apologies');
    await expect.poll(() => quorum.textContent()).toMatch(/^Quorate: 4 present, 3 needed/);
    const d = await meeting();
    const pat = d.attendance.find((a) => a.name === 'Pat Primary')!;
    expect(pat.status).toBe('substitute');
    expect(pat.substituteName).toBe('Sid Sub');
    expect(d.attendance.find((a) => a.name === 'Andy Academy')!.status).toBe('apologies');
    expect(d.quorum).toMatchObject({ present: 4, required: 3, quorate: true });
    await expectAxeClean(page, 'attendance');
    await shot(page, 'meetings-attendance');
  });

  it('records votes by name; a vote from a member not entitled is refused, with the reason beside the button', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Votes and resolutions' }).click();
    const item = (await meeting()).items.find((i) => i.title === 'De-delegation 2027-28')!;
    const panel = page.locator('.item-votes').filter({ has: page.getByRole('table', { name: `Votes by name on item ${item.number}` }) });
    await panel.waitFor();
    // Only the maintained primary members present (one through a substitute) are listed to vote.
    const table = panel.getByRole('table', { name: `Votes by name on item ${item.number}` });
    await expect.poll(() => table.getByRole('radiogroup').count()).toBe(2);
    await expect.poll(() => table.textContent()).toMatch(/Pat Primary \(Sid Sub substituting\)/);
    await panel
      .getByRole('radiogroup', { name: `Vote of Pat Primary on item ${item.number}` })
      .getByRole('radio', { name: 'For' })
      .check();
    await panel
      .getByRole('radiogroup', { name: `Vote of Pri Governor on item ${item.number}` })
      .getByRole('radio', { name: 'Against' })
      .check();
    await panel
      .getByRole('textbox', { name: `Resolution, item ${item.number}` })
      .fill('RESOLVED that maintained primary schools de-delegate the behaviour support service for 2027-28.');
    await choose(page, panel, 'Outcome', 'Carried');
    await panel.getByRole('button', { name: `Save resolution, item ${item.number}` }).click();
    await panel.getByRole('button', { name: `Save votes, item ${item.number}` }).click();
    await expect.poll(async () => (await meeting()).items.find((i) => i.id === item.id)!.votes).toMatchObject({ for: 1, against: 1, source: 'named' });
    await expect.poll(async () => (await meeting()).items.find((i) => i.id === item.id)!.outcome).toBe('carried');

    // A secondary head listed on request, given a vote: the server refuses, and says why, here.
    await panel.getByRole('checkbox', { name: /Also list the 2 members present who may not vote/ }).check();
    await panel
      .getByRole('radiogroup', { name: `Vote of Sue Secondary on item ${item.number}` })
      .getByRole('radio', { name: 'For' })
      .check();
    await panel.getByRole('button', { name: `Save votes, item ${item.number}` }).click();
    const refusal = panel.locator('.fui-MessageBar').filter({ hasText: 'Votes not saved:' });
    await expect.poll(() => refusal.textContent()).toMatch(/Sue Secondary/);
    expect(await refusal.textContent()).toMatch(/maintained primary/i);
    expect((await meeting()).items.find((i) => i.id === item.id)!.votes).toMatchObject({ for: 1, against: 1 });
    await expectAxeClean(page, 'votes');
    await shot(page, 'meetings-votes-refused');
  });

  it('adds a declaration of interest and an action', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Declarations and actions' }).click();
    const item = (await meeting()).items.find((i) => i.title === 'De-delegation 2027-28')!;
    const form = page.getByRole('form', { name: 'Add a declaration of interest' });
    await choose(page, form, 'Member', 'Sue Secondary');
    await choose(page, form, 'Item', `${item.number}. De-delegation 2027-28`);
    await form.getByRole('textbox', { name: 'Interest', exact: true }).fill('Governor at a maintained primary school');
    await form.getByRole('button', { name: 'Add declaration' }).click();
    await expect
      .poll(async () => (await meeting()).declarations.map((d) => [d.memberName, d.itemNumber, d.interest]))
      .toEqual([['Sue Secondary', item.number, 'Governor at a maintained primary school']]);

    const add = page.getByRole('button', { name: 'Add action' });
    await add.click();
    const dialog = page.getByRole('dialog', { name: 'Add an action' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Action', exact: true }).fill('Circulate the de-delegation rates to maintained primaries');
    await dialog.getByRole('textbox', { name: 'Owner', exact: true }).fill('Finance lead');
    await dialog.getByRole('textbox', { name: 'Due date', exact: true }).fill('31/01/2027');
    await expectAxeClean(page, 'action dialog');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toContain('Add action');
    const actions = (await meeting()).actions;
    expect(actions.map((a) => [a.description, a.owner, a.dueDate, a.status])).toEqual([
      ['Circulate the de-delegation rates to maintained primaries', 'Finance lead', '2027-01-31', 'open'],
    ]);
    await expect.poll(() => page.getByRole('table', { name: 'Actions' }).textContent()).toMatch(/31 January 2027/);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'declarations and actions');
    await shot(page, 'meetings-record');
  });

  it('shows the minutes, and the meetings list with the new meeting', async () => {
    const page = s.page;
    await page.getByRole('tab', { name: 'Minutes' }).click();
    await page.getByRole('heading', { name: 'Minutes of this meeting' }).waitFor();
    await expectAxeClean(page, 'minutes');
    await page.getByRole('link', { name: 'All meetings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    const upcoming = page.getByRole('table', { name: /^Upcoming/ });
    await expect.poll(() => upcoming.getByRole('link', { name: `${BODY}, Thursday 14 January 2027 at 14:00` }).isVisible()).toBe(true);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'meetings list');
    await shot(page, 'meetings-list');
  });

  it("edits a held meeting's minutes and approves them at the next meeting's minutes item", async () => {
    const page = s.page;
    await page.evaluate((id) => {
      window.location.hash = `#/meetings/${id}?tab=minutes`;
    }, heldId);
    const editor = page.getByRole('textbox', { name: 'Minutes', exact: true });
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('The chair thanked members for their attendance.');
    await page.getByRole('button', { name: 'Save minutes' }).click();
    await expect
      .poll(async () => JSON.stringify((await call<{ doc: unknown }>(s, 'getMinutes', { meetingId: heldId })).doc))
      .toContain('The chair thanked members for their attendance.');
    await expectAxeClean(page, 'minutes editor');
    await shot(page, 'meetings-minutes-editor');

    // The meeting of 14 January 2027 has not happened: approval there waits, and says so.
    await choose(page, page.locator('.approve-row'), 'Meeting', '14/01/2027 14:00');
    await expect.poll(() => page.getByText(/record the approval on or after 14 January 2027/).isVisible()).toBe(true);
    await choose(page, page.locator('.approve-row'), 'Meeting', '19/11/2026 14:00');
    const approve = page.getByRole('button', { name: /^Approve at item / });
    await approve.click();
    await expect.poll(async () => (await call<{ approved: boolean }>(s, 'getMinutes', { meetingId: heldId })).approved).toBe(true);
    await expect.poll(async () => (await call<MeetingDetail>(s, 'getMeeting', { id: heldId })).meeting.status).toBe('approved');
    await expect.poll(() => page.getByText(/^Approved on .*: locked\.$/).isVisible()).toBe(true);
    // Locked: shown, no longer edited.
    expect(await page.getByRole('textbox', { name: 'Minutes', exact: true }).count()).toBe(0);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
  });

  it('marks a published meeting held once its day has come, and cancels a later one with a reason', async () => {
    const page = s.page;
    const list = await call<MeetingSummary[]>(s, 'listMeetings', { bodyId });
    const november = list.find((m) => m.startsAt === '2026-11-19T14:00')!;
    await page.evaluate((id) => {
      window.location.hash = `#/meetings/${id}`;
    }, november.id);
    await page.getByRole('heading', { level: 1, name: `${BODY}: Thursday 19 November 2026 at 14:00` }).waitFor();
    await page.getByRole('button', { name: 'Mark as held' }).click();
    await expect.poll(async () => (await call<MeetingDetail>(s, 'getMeeting', { id: november.id })).meeting.status).toBe('held');
    await expect.poll(() => page.locator('.meeting-status').textContent()).toMatch(/^Held Its minutes are approved at the next meeting/);

    await page.evaluate((id) => {
      window.location.hash = `#/meetings/${id}`;
    }, meetingId);
    await page.getByRole('heading', { level: 1, name: `${BODY}: Thursday 14 January 2027 at 14:00` }).waitFor();
    const trigger = page.getByRole('button', { name: 'Cancel meeting…' });
    await trigger.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the meeting' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('button', { name: 'Cancel meeting' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason', exact: true }).fill('Rearranged to 21 January 2027');
    await expectAxeClean(page, 'cancel meeting dialog');
    await dialog.getByRole('button', { name: 'Cancel meeting' }).click();
    await dialog.waitFor({ state: 'detached' });
    const cancelled = (await meeting()).meeting;
    expect([cancelled.status, cancelled.statusReason]).toEqual(['cancelled', 'Rearranged to 21 January 2027']);
    await expect.poll(() => page.locator('.meeting-status').textContent()).toBe('Cancelled Reason: Rearranged to 21 January 2027');
    expect(await page.getByRole('button', { name: 'Cancel meeting…' }).count()).toBe(0);
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});
