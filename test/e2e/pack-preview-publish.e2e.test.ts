/**
 * The pack screen, as a clerk uses it before and at publication: a preview built with its
 * progress shown and paged through (buttons and arrow keys, "Page n of N"), the contents list
 * jumping to the page each paper starts on, a build cancelled part-way, the PDF saved; then
 * publishing version 1 (its files listed with a shortened SHA-256, each saved byte for byte),
 * and a re-issue that needs its reason and lists what changed. axe finds nothing serious, no
 * date on screen is ISO, the console stays clean, and the screen fits at 200%.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { DomainServer } from '../../electron/server/server';
import type { MeetingDetail, PackVersionInfo, PaperDetail } from '../../features/meetings/types';
import { openDemoSession } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, PERIOD, sharedSession, shot, YEAR } from './ui';

const ids = { meeting: 0, monitoring: 0, exempt: 0 };

async function must<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A two-page PDF, as a finance system would export an appendix. */
async function appendixPdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) doc.addPage([595, 842]).drawText(`Appendix A page ${n}: SEND placements by provider`, { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save()).toString('base64');
}

/** A forum meeting with two papers (one with a live monitoring table and a PDF appendix) and an exempt contract item. */
async function prepare(server: DomainServer) {
  const body = await must<{ id: number }>(server, 'saveBody', {
    name: 'Westvale Schools Forum',
    kind: 'schools_forum',
    quorumKind: 'fraction',
    papersDeadlineDays: 5,
    clerkName: 'Sam Clerk',
    clerkEmail: 'forum.clerk@westvale.gov.uk',
  });
  const m = await must<MeetingDetail>(server, 'saveMeeting', { bodyId: body.id, startsAt: '2027-03-11T16:30', venue: 'Westvale Civic Centre' });
  ids.meeting = m.meeting.id;
  const base = { meetingId: m.meeting.id, votingConstituency: 'none', exempt: false };
  await must(server, 'saveAgendaItem', { ...base, title: 'High Needs monitoring at P7', purpose: 'information', presenter: 'Head of SEND finance' });
  await must(server, 'saveAgendaItem', {
    ...base,
    title: 'Growth fund criteria',
    purpose: 'decision',
    presenter: 'Finance lead',
    votingConstituency: 'whole_forum',
  });
  const all = await must<MeetingDetail>(server, 'saveAgendaItem', {
    ...base,
    title: 'Alternative provision contract',
    purpose: 'decision',
    presenter: 'Commissioning manager',
    votingConstituency: 'whole_forum',
    exempt: true,
    exemptParagraph: 3,
    publicSummary: 'The award of the alternative provision contract',
  });
  const byTitle = (t: string) => all.items.find((i) => i.title === t)!.id;
  ids.monitoring = byTitle('High Needs monitoring at P7');
  ids.exempt = byTitle('Alternative provision contract');
  const p = await must<PaperDetail>(server, 'savePaper', {
    itemId: ids.monitoring,
    header: { to: 'Westvale Schools Forum', date: '2027-03-11', title: 'High Needs monitoring at P7', author: 'Head of SEND finance' },
    sections: {
      purpose: { type: 'doc', content: [para('To report the High Needs forecast for 2026-27 at period 7.')] },
      recommendations: { type: 'doc', content: [para('The forum is asked to note the forecast.')] },
      supporting_information: {
        type: 'doc',
        content: [
          para('The table shows each line.'),
          { type: 'liveBlock', attrs: { kind: 'monitoring-table', settings: { year: YEAR, period: PERIOD }, id: 'bmonitoring1' } },
        ],
      },
    },
  });
  await must(server, 'addAppendix', { paperId: p.id, title: 'Placements by provider', file: { fileName: 'placements.pdf', base64: await appendixPdf() } });
  await must(server, 'savePaper', {
    itemId: byTitle('Growth fund criteria'),
    header: { title: 'Growth fund criteria' },
    sections: { purpose: { type: 'doc', content: [para('To agree the growth fund criteria for 2027-28.')] } },
  });
  await must(server, 'savePaper', {
    itemId: ids.exempt,
    header: { title: 'Alternative provision contract' },
    sections: { purpose: { type: 'doc', content: [para('Confidential: the tender prices of the three bidders.')] } },
  });
}

const s = sharedSession('pack-preview-publish', () => openDemoSession({ prepare }));

const versions = () => call<PackVersionInfo[]>(s, 'listPackVersions', { meetingId: ids.meeting });
const pageOf = (page: Page) => page.locator('.pdf-page-of');
const pageText = (page: Page) => page.getByTestId('pdf-page-text');

async function buildPreview(page: Page, variant: 'Full' | 'Public') {
  await page.getByRole('radio', { name: new RegExp(`^${variant} pack`) }).check();
  await page.getByRole('button', { name: /^Build (the )?preview/ }).click();
  await expect.poll(() => pageOf(page).textContent(), { timeout: 60_000 }).toMatch(/^Page 1 of \d+$/);
}

describe('the pack preview', () => {
  it('builds the full pack with its progress shown, and shows page 1 of N', async () => {
    const page = s.page;
    await page.evaluate((h) => {
      window.location.hash = h;
    }, `#/meetings/${ids.meeting}/pack`);
    await page.getByRole('heading', { level: 1, name: 'Pack: Westvale Schools Forum, 11 March 2027' }).waitFor();
    await page.getByRole('button', { name: 'Build preview' }).click();
    // The step and the bar while it works (the first poll is at once).
    const progress = page.getByRole('progressbar', { name: 'Building the pack' });
    await progress.waitFor({ timeout: 10_000 });
    expect(await page.locator('.pack-step').textContent()).toMatch(/\w/);
    await expect.poll(() => pageOf(page).textContent(), { timeout: 60_000 }).toMatch(/^Page 1 of \d+$/);
    const pages = Number(/of (\d+)/.exec((await pageOf(page).textContent())!)![1]);
    expect(pages).toBeGreaterThan(3);
    expect(await page.locator('.pack-summary').textContent()).toMatch(new RegExp(`^Full pack, ${pages} pages\\.`));
    await expect.poll(() => pageText(page).textContent()).toMatch(/Westvale Schools Forum/);
    await page.mouse.move(0, 760);
    await shot(page, 'pack-preview');
  }, 120_000);

  it('pages through with Next and Previous, and with the arrow keys, Home and End on the page', async () => {
    const page = s.page;
    const total = Number(/of (\d+)/.exec((await pageOf(page).textContent())!)![1]);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page 2 of ${total}`);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page 1 of ${total}`);
    expect(await page.getByRole('button', { name: 'Previous page' }).isDisabled()).toBe(true);
    const frame = page.getByRole('group', { name: /Full pack preview: use the arrow keys/ });
    await frame.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page 3 of ${total}`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page 2 of ${total}`);
    await page.keyboard.press('End');
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page ${total} of ${total}`);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page 1 of ${total}`);
    expect(await focusedDescription(page)).toMatch(/Full pack preview/);
  }, 120_000);

  it('lists the contents; choosing a paper shows the page it starts on, with its title there', async () => {
    const page = s.page;
    const contents = page.locator('.pack-contents tbody tr');
    await expect.poll(() => contents.count()).toBeGreaterThanOrEqual(3);
    const row = contents.filter({ hasText: 'Growth fund criteria' });
    const target = Number(await row.locator('td.num').textContent());
    await row.getByRole('button', { name: /^Growth fund criteria: go to page/ }).click();
    const total = Number(/of (\d+)/.exec((await pageOf(page).textContent())!)![1]);
    await expect.poll(() => pageOf(page).textContent()).toBe(`Page ${target} of ${total}`);
    await expect.poll(() => pageText(page).textContent()).toMatch(/Growth fund criteria/);
    // The exempt item is listed with its paragraph; in the full pack its paper is marked.
    expect(await page.locator('.pack-exempt').first().textContent()).toMatch(/Alternative provision contract \(Schedule 12A paragraph 3\)/);
    const exemptRow = contents.filter({ hasText: 'Alternative provision contract' });
    await exemptRow.getByRole('button').click();
    await expect.poll(() => pageText(page).textContent()).toMatch(/NOT FOR PUBLICATION/);
  }, 120_000);

  it('saves the preview PDF as a file the browser downloads', async () => {
    const page = s.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('builds the public pack without the exempt paper', async () => {
    const page = s.page;
    await buildPreview(page, 'Public');
    expect(await page.locator('.pack-summary').textContent()).toMatch(/^Public pack/);
    const titles = await page.locator('.pack-contents tbody tr').allTextContents();
    expect(titles.join('\n')).not.toMatch(/tender prices/);
  }, 120_000);

  it('cancels a build part-way: it says so, and the server is idle', async () => {
    const page = s.page;
    await page.getByRole('radio', { name: /^Full pack/ }).check();
    await page.getByRole('button', { name: /^Build (the )?preview/ }).click();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => page.getByText('The build was cancelled; nothing was kept.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await call<{ active: boolean }>(s, 'getPackProgress', {})).active).toBe(false);
    expect(await page.getByRole('button', { name: /^Build (the )?preview/ }).isEnabled()).toBe(true);
  }, 120_000);
});

describe('publishing', () => {
  it('shows its progress while publishing, and Stop leaves nothing published', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the pack as version 1' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await dialog.getByRole('progressbar', { name: 'Building the pack to publish' }).waitFor();
    await dialog.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 60_000 }).toMatch(/Not published: .*cancelled/);
    expect(await versions()).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toMatch(/Publish/);
  }, 120_000);

  it('publishes version 1: its files listed with their SHA-256 shortened, each saved byte for byte', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish the pack as version 1' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 90_000 });
    const v = await versions();
    expect(v.map((x) => x.version)).toEqual([1]);
    const list = page.locator('.pack-versions');
    await expect.poll(() => list.locator('h3').first().textContent()).toBe('Version 1');
    expect(await list.locator('.pack-version-meta').first().textContent()).toMatch(/^Published \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} by e2e\.tester$/);
    const rows = list.getByRole('table', { name: 'Files of version 1' }).locator('tbody tr');
    expect(await rows.count()).toBe(v[0]!.files.length);
    const label = (f: PackVersionInfo['files'][number]) => `${f.variant === 'full' ? 'Full' : 'Public'} pack ${f.format === 'pdf' ? 'PDF' : 'workbook'}`;
    for (const f of v[0]!.files) {
      const row = rows.filter({ hasText: label(f) });
      expect(await row.locator('.sha').textContent()).toBe(`${f.sha256.slice(0, 8)}…${f.sha256.slice(-4)}`);
    }
    const pdf = v[0]!.files.find((f) => f.variant === 'full' && f.format === 'pdf')!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows
        .filter({ hasText: label(pdf) })
        .getByRole('button', { name: `Save ${pdf.fileName} (version 1)` })
        .click(),
    ]);
    expect(
      createHash('sha256')
        .update(readFileSync((await download.path())!))
        .digest('hex'),
    ).toBe(pdf.sha256);
    await expect.poll(() => page.locator('.screen-sub').textContent()).toMatch(/published version 1/);
  }, 120_000);

  it('re-issues as version 2 only with a reason, and lists what changed in words', async () => {
    const page = s.page;
    await call(s, 'savePaper', {
      itemId: ids.monitoring,
      header: { title: 'High Needs monitoring at P7' },
      sections: { purpose: { type: 'doc', content: [para('To report the High Needs forecast for 2026-27 at period 7, corrected.')] } },
    });
    await page.getByRole('button', { name: 'Re-issue…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-issue the pack as version 2' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Re-issue as version 2' }).click();
    await expect.poll(() => dialog.textContent()).toMatch(/Say why the pack is re-issued/);
    expect((await versions()).length).toBe(1);
    await dialog.getByRole('textbox', { name: /Reason for the re-issue/ }).fill('Purpose corrected after the chair’s review');
    await dialog.getByRole('button', { name: 'Re-issue as version 2' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 90_000 });
    // Focus comes back to the button that opened the dialog.
    await expect.poll(() => focusedDescription(page)).toMatch(/Re-issue/);
    const v = await versions();
    expect(v.map((x) => x.version)).toEqual([1, 2]);
    const latest = page.locator('.pack-version').first();
    await expect.poll(() => latest.locator('h3').textContent()).toBe('Version 2 (re-issue)');
    expect(await latest.locator('.pack-version-meta').textContent()).toMatch(/Reason: Purpose corrected after the chair’s review$/);
    // Item by item: the sections whose text changed in one line, the figures that moved under their block.
    const differences = latest.locator('.pack-differences');
    expect(await differences.locator('h4').textContent()).toBe(`Differences from version 1 (${v[1]!.differences.length})`);
    const item = differences.locator('.pack-difference-items > li').filter({ hasText: 'Item 5: High Needs monitoring at P7' });
    expect(await item.count()).toBe(1);
    const purposeChanged = v[1]!.differences.some((d) => d.kind === 'text-changed' && d.section === 'Purpose');
    expect(purposeChanged).toBe(true);
    expect(await item.textContent()).toMatch(/Text changed in [^\n]*Purpose/);
    const moved = v[1]!.differences.filter((d) => d.kind === 'figure-moved');
    if (moved.length) {
      expect(await item.textContent()).toMatch(new RegExp(`${moved.length} figures? moved`));
      const more = item.getByRole('button', { name: /^Show all \d+ figures/ });
      if (await more.count()) await more.click();
      expect(await item.locator('ul ul li').count()).toBe(moved.length);
    }
    await latest.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 760);
    await shot(page, 'pack-versions');
  }, 120_000);
});

describe('the pack screen as a whole', () => {
  it('has no serious accessibility problem, no ISO date, no console error, and fits 150% and 200% without a sideways scroll', async () => {
    const page = s.page;
    await page.evaluate(() => window.scrollTo(0, 0));
    await buildPreview(page, 'Full');
    await expectAxeClean(page, 'pack screen');
    expect(await page.locator('.pack-screen').textContent()).not.toMatch(ISO_DATE);
    for (const [w, h] of [
      [911, 512],
      [683, 384],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400);
      const wide = await page.evaluate(() => {
        const el = document.querySelector('.pack-screen') as HTMLElement;
        return { scroll: el.scrollWidth, client: el.clientWidth };
      });
      expect(wide.scroll, `at ${w}x${h}`).toBeLessThanOrEqual(wide.client + 1);
      await shot(page, `pack-screen-${w}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await expectAxeClean(page, 'pack screen after zoom');
    expect(s.problems, s.problems.join('\n')).toEqual([]);
  }, 120_000);
});
