/**
 * The clerk's screens on the demo's forum at 1366×768 and zoomed to 150% and 200% (911×512 and
 * 683×384 CSS pixels): the navigation folds to icons, nothing needs a sideways scrollbar or is cut
 * off, and axe finds nothing serious on Bodies and members, Meetings, and each part of a meeting.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../features/meetings/types';
import { openDemoSession, type Session } from './harness';
import { call, expectAxeClean, ISO_DATE, nav, shot, sidewaysScrollers } from './ui';

const SCALES = [1, 1.5, 2];
const TABS = ['Agenda and papers', 'Attendance', 'Votes and resolutions', 'Declarations and actions', 'Minutes'];

/** Boxes that scroll sideways (or the page itself), outside the visually hidden ones. */
const sideways = (page: Page) => sidewaysScrollers(page, '.app *', '.visually-hidden, .nav-label, .nav-section-title, .header-field-label, .brand-name');

/** Elements whose content is wider than their own box and clipped: text cut off. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.screen *')]
      .filter((el) => !el.closest('.visually-hidden'))
      .filter((el) => {
        const cs = getComputedStyle(el);
        return cs.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !el.closest('.fui-Dropdown');
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 40)}"`),
  );
}

for (const scale of SCALES) {
  describe(`meetings screens at ${scale * 100}%`, () => {
    let s: Session;
    const name = (what: string) => `meetings-zoom-${what}-${scale * 100}`;
    const check = async (what: string) => {
      await s.page.waitForTimeout(250);
      await shot(s.page, name(what));
      expect(await sideways(s.page), `${what} at ${scale * 100}%: boxes scrolling sideways`).toEqual([]);
      expect(await clipped(s.page), `${what} at ${scale * 100}%: text cut off`).toEqual([]);
      expect(await s.page.locator('.screen').textContent(), `${what}: an ISO date on screen`).not.toMatch(ISO_DATE);
      await expectAxeClean(s.page, `${what} at ${scale * 100}%`);
    };
    beforeAll(async () => {
      s = await openDemoSession({ screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale } });
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });

    it('Bodies and members', async () => {
      await nav(s.page, 'Bodies and members');
      await s.page.getByRole('table', { name: /^Members of/ }).waitFor();
      if (scale > 1) expect(await s.page.locator('.nav-rail').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(64);
      await check('bodies');
      await s.page.getByRole('table', { name: /^Members of/ }).scrollIntoViewIfNeeded();
      await shot(s.page, name('bodies-members'));
    });

    it('Meetings', async () => {
      await nav(s.page, 'Meetings');
      await s.page.getByRole('table', { name: /^Upcoming/ }).waitFor();
      await check('meetings');
    });

    it('each part of the meeting page', async () => {
      const meetings = await call<MeetingSummary[]>(s, 'listMeetings', {});
      // The meeting with the most on its agenda: the demo's next forum meeting.
      const m = [...meetings].sort((a, b) => b.itemCount - a.itemCount)[0];
      if (!m) throw new Error('the demo has no meetings');
      await s.page.evaluate((id) => {
        window.location.hash = `#/meetings/${id}`;
      }, m.id);
      await s.page.getByRole('heading', { level: 1, name: new RegExp(m.bodyName) }).waitFor();
      for (const tab of TABS) {
        await s.page.getByRole('tab', { name: tab }).click();
        await s.page.getByRole('tabpanel').waitFor();
        await check(`meeting-${tab.split(' ')[0]!.toLowerCase()}`);
        await s.page.getByRole('tabpanel').scrollIntoViewIfNeeded();
        await shot(s.page, name(`meeting-${tab.split(' ')[0]!.toLowerCase()}-panel`));
        if (tab === 'Agenda and papers') {
          // The demo's exempt item, with its paragraph and public summary.
          await s.page.locator('.agenda-row').filter({ hasText: 'Exempt' }).first().scrollIntoViewIfNeeded();
          await shot(s.page, name('meeting-agenda-exempt'));
        }
      }
    });

    it('logs no console errors', () => {
      expect(s.problems).toEqual([]);
    });
  });
}
