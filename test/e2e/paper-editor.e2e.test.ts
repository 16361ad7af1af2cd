/**
 * The paper editor, as a clerk writes a paper: the forum template's header and numbered
 * sections, text with bold, italic and a link, a live High Needs monitoring table and an inline
 * figure that show the workspace's figures, saved and opened again unchanged. A hostile paste
 * (a remote image, a script, a javascript: link, inline handlers) leaves only harmless text and
 * fetches nothing; a 10 MB paste is refused whole. Ctrl+I is italic in the editor, not the
 * window's Import. Leaving with changes not saved asks first. axe finds nothing serious, no date
 * on screen is ISO, and the console stays clean.
 */
import type { Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { RichDoc, RichNode } from '../../electron/shared/rich-doc';
import { richDocProblem, richText } from '../../electron/shared/rich-doc';
import type { DomainServer } from '../../electron/server/server';
import type { BlockPreview, MeetingDetail, PaperDetail } from '../../features/meetings/types';
import { openDemoSession } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, PERIOD, sharedSession, shot, YEAR } from './ui';

const ids = { meeting: 0, item: 0, other: 0, late: 0 };

async function must<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** A forum of our own, a meeting well before its papers deadline, and two items to write papers for. */
async function prepare(server: DomainServer) {
  const body = await must<{ id: number }>(server, 'saveBody', {
    name: 'Eastfield Schools Forum',
    kind: 'schools_forum',
    quorumKind: 'fraction',
    papersDeadlineDays: 5,
  });
  const m = await must<MeetingDetail>(server, 'saveMeeting', { bodyId: body.id, startsAt: '2027-03-10T14:00', venue: 'Council Chamber' });
  ids.meeting = m.meeting.id;
  const base = { meetingId: m.meeting.id, purpose: 'information', votingConstituency: 'none', exempt: false };
  await must(server, 'saveAgendaItem', { ...base, title: 'High Needs monitoring', presenter: 'Head of SEND finance' });
  const withBoth = await must<MeetingDetail>(server, 'saveAgendaItem', { ...base, title: 'Growth fund', presenter: 'Finance lead' });
  ids.item = withBoth.items.find((i) => i.title === 'High Needs monitoring')!.id;
  ids.other = withBoth.items.find((i) => i.title === 'Growth fund')!.id;
  // A meeting four days away: its papers deadline (five working days before) has passed.
  const soon = await must<MeetingDetail>(server, 'saveMeeting', { bodyId: body.id, startsAt: '2026-12-07T10:00', venue: 'Council Chamber' });
  const late = await must<MeetingDetail>(server, 'saveAgendaItem', {
    ...base,
    meetingId: soon.meeting.id,
    title: 'SEND capital bid',
    presenter: 'Capital lead',
  });
  ids.late = late.items.find((i) => i.title === 'SEND capital bid')!.id;
}

/** A small real PDF, as a finance system would export an appendix. */
async function realPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) doc.addPage([595, 842]).drawText(`Placements by provider, page ${n}`, { x: 50, y: 780, size: 14, font });
  return Buffer.from(await doc.save());
}

const s = sharedSession('paper-editor', () => openDemoSession({ prepare }));

const paper = () => call<PaperDetail | null>(s, 'getPaper', { itemId: ids.item });

async function open(page: Page, itemId: number) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/papers/${itemId}`);
  await page.getByRole('heading', { level: 1, name: /^Paper for item/ }).waitFor();
}

/** A section's editable area, by its numbered heading ("1 Purpose"). */
const editor = (page: Page, name: string): Locator => page.getByRole('textbox', { name, exact: true });
const toolbar = (page: Page, name: string): Locator => page.getByRole('toolbar', { name: `Formatting for ${name}` });

function walk(doc: RichDoc, visit: (n: RichNode) => void) {
  const go = (n: RichNode) => {
    visit(n);
    for (const c of n.content ?? []) go(c);
  };
  for (const c of doc.content) go(c);
}

/** Pastes as the clipboard would: the editor reads the event's data, as for Ctrl+V. `repeat` makes the text that long in the page. */
async function paste(target: Locator, data: { html?: string; text: string; repeat?: number }) {
  await target.evaluate((el, d) => {
    const dt = new DataTransfer();
    if (d.html) dt.setData('text/html', d.html);
    dt.setData('text/plain', d.repeat ? d.text.repeat(d.repeat) : d.text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

async function insertLive(page: Page, section: string, kind: string, choices: Array<[string, string]> = []) {
  await toolbar(page, section).getByRole('button', { name: 'Insert live block' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${kind}`) }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Insert live (block|figure): ${kind}`) });
  await dialog.waitFor();
  for (const [label, option] of choices) {
    await dialog.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await expect.poll(() => dialog.getByText(/^Shows:/).textContent()).toMatch(/Shows:/);
  await dialog.getByRole('button', { name: 'Insert', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Focus comes back to the text a moment after the dialog goes, as the caret shows: wait for it, as a typist would.
  await expect.poll(() => editor(page, section).evaluate((el) => el.contains(document.activeElement))).toBe(true);
}

describe('writing a paper', () => {
  it('opens a new paper from the forum template: header filled from the meeting, sections numbered 1 to 6', async () => {
    const page = s.page;
    await open(page, ids.item);
    const head = page.getByRole('heading', { level: 1 });
    expect(await head.textContent()).toBe('Paper for item 5: High Needs monitoring');
    const headings = await page.locator('.paper-section h2').allTextContents();
    expect(headings).toEqual(['1 Purpose', '2 Recommendations', '3 Reasons', '4 Alternatives considered', '5 Supporting information', '6 Appendices']);
    expect(await page.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe('High Needs monitoring');
    expect(await page.getByRole('textbox', { name: 'To', exact: true }).inputValue()).toBe('Eastfield Schools Forum');
    expect(await page.getByRole('textbox', { name: 'Date', exact: true }).inputValue()).toBe('10/03/2027');
    expect(await page.getByRole('textbox', { name: 'Author', exact: true }).inputValue()).toBe('Head of SEND finance');
    expect(await page.locator('.paper-screen').textContent()).not.toMatch(ISO_DATE);
    expect(await page.locator('.save-state').textContent()).toBe('Not saved yet');
  });

  it('writes text with bold, italic (Ctrl+I is the editor’s, not Import) and a checked link', async () => {
    const page = s.page;
    const purpose = editor(page, '1 Purpose');
    await purpose.click();
    await page.keyboard.type('To report the High Needs forecast at ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('P7');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' and ');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('the risks');
    await page.keyboard.press('Control+i');
    await page.keyboard.type('. ');
    expect(await page.getByRole('dialog').count()).toBe(0); // no import wizard
    expect(await purpose.locator('strong').textContent()).toBe('P7');
    expect(await purpose.locator('em').textContent()).toBe('the risks');
    expect(await page.locator('.save-state').textContent()).toBe('Changes not saved');

    // A link: a javascript: address is refused in the dialog; a web address is kept.
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Add link' });
    await dialog.waitFor();
    const address = dialog.getByRole('textbox', { name: /Address/ });
    await address.fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => dialog.textContent()).toMatch(/Links must be to a web page/);
    await address.fill('www.gov.uk/government/publications/high-needs');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => purpose.locator('a').getAttribute('href')).toBe('https://www.gov.uk/government/publications/high-needs');
    // Focus came back to the text, where Ctrl+K was pressed.
    await expect.poll(() => focusedDescription(page)).toMatch(/1 Purpose/);
  });

  it('inserts a live monitoring table and an inline figure that show the workspace’s figures', async () => {
    const page = s.page;
    const info = editor(page, '5 Supporting information');
    await info.click();
    await page.keyboard.type('The forecast overspend is ');
    await insertLive(page, '5 Supporting information', 'Figure', [['Figure', 'Forecast overspend (variance)']]);
    await page.keyboard.type('at the end of the year.');
    await page.keyboard.press('Enter');
    await insertLive(page, '5 Supporting information', 'High Needs monitoring');

    const figure = await call<BlockPreview>(s, 'previewBlock', {
      kind: 'figure',
      settings: { year: YEAR, period: PERIOD, measure: 'variance' },
      meetingId: ids.meeting,
    });
    const table = await call<BlockPreview>(s, 'previewBlock', { kind: 'monitoring-table', settings: { year: YEAR, period: PERIOD }, meetingId: ids.meeting });
    expect(figure.text).toMatch(/^-?£[\d,]+$/);
    await expect.poll(() => info.locator('.live-figure').textContent()).toBe(figure.text);
    const block = info.locator('.live-block');
    await expect.poll(() => block.locator('.live-block-caption').textContent()).toBe(table.caption);
    // The table inside (in its own shadow root) carries the figures the server reads today.
    const shown = await block.locator('table').textContent();
    const totalRow = await page.evaluate((html) => {
      const d = new DOMParser().parseFromString(html, 'text/html');
      return [...(d.querySelector('tr.total')?.querySelectorAll('td') ?? [])].map((c) => c.textContent ?? '').filter((t) => /£/.test(t));
    }, table.html);
    expect(totalRow.length).toBeGreaterThan(1);
    for (const t of totalRow) expect(shown).toContain(t);
    await page.mouse.move(0, 760);
    await shot(page, 'paper-live-blocks');
  });

  it('saves with Ctrl+S, and the saved text holds the marks, the link and two live nodes with their own ids', async () => {
    const page = s.page;
    await editor(page, '1 Purpose').click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('All changes saved');
    const p = (await paper())!;
    expect(p.late).toBe(false);
    expect(p.header.title).toBe('High Needs monitoring');
    expect(p.header.date).toBe('2027-03-10');
    for (const doc of Object.values(p.sections)) expect(richDocProblem(doc)).toBeNull();
    expect(richText(p.sections.purpose!)).toBe('To report the High Needs forecast at P7 and the risks. https://www.gov.uk/government/publications/high-needs');
    const marks: string[] = [];
    walk(p.sections.purpose!, (n) => {
      for (const m of n.marks ?? []) marks.push(m.type === 'link' ? `link:${m.attrs?.href}` : m.type);
    });
    expect(marks).toEqual(['bold', 'italic', 'link:https://www.gov.uk/government/publications/high-needs']);
    // Typing went on in the text after the figure was inserted: focus came back to the editor, not the menu.
    expect(richText(p.sections.supporting_information!)).toMatch(/^The forecast overspend is +at the end of the year\.$/m);
    const live: RichNode[] = [];
    walk(p.sections.supporting_information!, (n) => {
      if (n.type === 'liveBlock' || n.type === 'liveFigure') live.push(n);
    });
    expect(live.map((n) => [n.type, n.attrs?.kind, n.attrs?.settings])).toEqual([
      ['liveFigure', 'figure', { year: YEAR, period: PERIOD, measure: 'variance' }],
      ['liveBlock', 'monitoring-table', { year: YEAR, period: PERIOD }],
    ]);
    const blockIds = live.map((n) => n.attrs?.id);
    expect(new Set(blockIds).size).toBe(2);
    for (const id of blockIds) expect(id).toMatch(/^b[0-9a-z]{10}$/);
  });

  it('opens the saved paper again as it was saved', async () => {
    const page = s.page;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Paper for item 5/ }).waitFor();
    await expect.poll(() => editor(page, '1 Purpose').textContent()).toMatch(/^To report the High Needs forecast at P7 and the risks\./);
    expect(await editor(page, '1 Purpose').locator('strong').textContent()).toBe('P7');
    const info = editor(page, '5 Supporting information');
    await expect.poll(() => info.locator('.live-block table').count()).toBe(1);
    await expect.poll(() => info.locator('.live-figure').textContent()).toMatch(/£/);
    expect(await page.locator('.save-state').textContent()).toBe('All changes saved');
    expect(await page.getByRole('textbox', { name: 'Date', exact: true }).inputValue()).toBe('10/03/2027');
  });

  it('changes a live block’s settings from the keyboard: select it, Enter, choose another period', async () => {
    const page = s.page;
    const info = editor(page, '5 Supporting information');
    await info
      .locator('.live-block')
      .getByRole('button', { name: /^Change live block/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^Change live block: High Needs monitoring/ });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'P6 (September 2026)' }).click();
    await dialog.getByRole('button', { name: 'Change', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => info.locator('.live-block-caption').textContent()).toMatch(/P6/);
    await page.getByRole('button', { name: 'Save paper' }).click();
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('All changes saved');
    const p = (await paper())!;
    const settings: unknown[] = [];
    walk(p.sections.supporting_information!, (n) => {
      if (n.type === 'liveBlock') settings.push(n.attrs?.settings);
    });
    expect(settings).toEqual([{ year: YEAR, period: 6 }]);
  });
});

describe('a hostile paste', () => {
  it('keeps only text the paper may hold: no image (nothing fetched), no script, no javascript: link, no handlers', async () => {
    const page = s.page;
    const fetched: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (/example\.invalid/.test(r.url())) fetched.push(r.url());
    };
    page.on('request', onRequest);
    const problemsBefore = s.problems.length;
    const reasons = editor(page, '3 Reasons');
    await reasons.click();
    await paste(reasons, {
      html:
        '<p onclick="window.__pwned=1" style="background:url(http://example.invalid/bg.png)">Hello <b>bold</b> <img src="http://example.invalid/tracker.png" onerror="window.__pwned=2"></p>' +
        '<script>window.__pwned=3</script><iframe src="http://example.invalid/frame"></iframe>' +
        '<p><a href="javascript:window.__pwned=4">a trap</a> and <a href="https://www.gov.uk">a real link</a></p>' +
        '<div data-live-block="" data-kind="no-such-kind" data-settings="{&quot;x&quot;:&quot;&lt;script&gt;&quot;}" data-block-id=""></div>',
      text: 'Hello bold a trap and a real link',
    });
    await expect.poll(() => reasons.textContent()).toMatch(/Hello bold/);
    await page.waitForTimeout(500);
    expect(fetched).toEqual([]);
    // Not even tried: the CSP had nothing to block.
    expect(s.problems.slice(problemsBefore)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await reasons.locator('img, script, iframe, [onclick], [style*="url"]').count()).toBe(0);
    expect(await reasons.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await reasons.locator('a').getAttribute('href')).toBe('https://www.gov.uk');
    expect(await reasons.locator('b, strong').first().textContent()).toBe('bold');
    // The pasted block of an unknown kind says so, in words, rather than showing anything.
    await expect.poll(() => reasons.locator('.live-block .live-problem').textContent()).toMatch(/no live block of kind "no-such-kind"/);
    await reasons
      .locator('.live-block')
      .getByRole('button', { name: /^Remove live block/ })
      .click();

    await page.getByRole('button', { name: 'Save paper' }).click();
    await expect.poll(() => page.locator('.save-state').textContent()).toBe('All changes saved');
    const p = (await paper())!;
    const types = new Set<string>();
    walk(p.sections.reasons!, (n) => {
      types.add(n.type);
      for (const m of n.marks ?? []) types.add(`mark:${m.type}:${String(m.attrs?.href ?? '')}`);
    });
    expect([...types].sort()).toEqual(['mark:bold:', 'mark:link:https://www.gov.uk', 'paragraph', 'text']);
    page.off('request', onRequest);
  });

  it('refuses a 10 MB paste whole, saying why, and adds nothing', async () => {
    const page = s.page;
    const reasons = editor(page, '3 Reasons');
    const before = await reasons.textContent();
    await reasons.click();
    await paste(reasons, { text: 'x', repeat: 10 * 1024 * 1024 });
    await expect
      .poll(() => page.locator('.paste-refused').textContent())
      .toMatch(
        /That paste was not added: it holds 10,485,760 characters, more than a paper section may hold \(1,000,000\)\. Attach long material as an appendix instead\./,
      );
    expect(await reasons.textContent()).toBe(before);
    expect(await page.locator('.save-state').textContent()).toBe('All changes saved');
  });
});

describe('appendices', () => {
  const input = (page: Page) => page.locator('input[type=file][aria-label="Appendix file"]');

  it('attaches a real PDF, listed with its size and pages', async () => {
    const page = s.page;
    await page.getByRole('textbox', { name: /^Title of the next appendix/ }).fill('Placements by provider');
    await input(page).setInputFiles({ name: 'placements.pdf', mimeType: 'application/pdf', buffer: await realPdf(2) });
    const table = page.getByRole('table', { name: 'Appendices' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = table.locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      'Placements by provider',
      'placements.pdf (PDF, in the pack)',
      expect.stringMatching(/^\d+ KB$/),
      '2',
      '',
    ]);
    const p = (await paper())!;
    expect(p.appendices.map((a) => [a.title, a.format, a.pages])).toEqual([['Placements by provider', 'pdf', 2]]);
  });

  it('refuses a file that is not a real PDF, and an encrypted one, saying why; nothing is attached', async () => {
    const page = s.page;
    await input(page).setInputFiles({ name: 'budget.pdf', mimeType: 'application/pdf', buffer: Buffer.from('This is a text file renamed to .pdf') });
    await expect.poll(() => page.locator('.paper-appendices').textContent()).toMatch(/Not attached: budget\.pdf is (damaged|a text file|not a PDF)/);
    const encrypted = readFileSync(join(__dirname, '..', 'features', 'meetings', 'papers', 'files', 'password-secret.pdf'));
    await input(page).setInputFiles({ name: 'secret.pdf', mimeType: 'application/pdf', buffer: encrypted });
    await expect.poll(() => page.locator('.paper-appendices').textContent()).toMatch(/Not attached: secret\.pdf is protected with a password or encrypted/);
    expect((await paper())!.appendices.length).toBe(1);
    expect(await page.getByRole('table', { name: 'Appendices' }).locator('tbody tr').count()).toBe(1);
  });

  it('removes an appendix', async () => {
    const page = s.page;
    await input(page).setInputFiles({ name: 'second.pdf', mimeType: 'application/pdf', buffer: await realPdf(1) });
    const rows = page.getByRole('table', { name: 'Appendices' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Remove appendix second' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect((await paper())!.appendices.map((a) => a.title)).toEqual(['Placements by provider']);
  });
});

describe('leaving with changes not saved', () => {
  it('asks first: Stay keeps the changes on screen; Save and leave saves them and goes', async () => {
    const page = s.page;
    const alternatives = editor(page, '4 Alternatives considered');
    await alternatives.click();
    await page.keyboard.type('Do nothing: the overspend grows.');
    await page.getByRole('link', { name: /Back to the meeting/ }).click();
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Stay' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await alternatives.textContent()).toBe('Do nothing: the overspend grows.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Paper for item 5/);

    await page.getByRole('link', { name: /Back to the meeting/ }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Save and leave' }).click();
    await page.waitForFunction((id) => window.location.hash === `#/meetings/${id}`, ids.meeting);
    expect(richText((await paper())!.sections.alternatives!)).toBe('Do nothing: the overspend grows.');
  });
});

describe('a late paper', () => {
  it('says the deadline has passed, asks for the reason on save, and shows the late flag and reason once recorded', async () => {
    const page = s.page;
    await open(page, ids.late);
    await expect.poll(() => page.locator('.paper-screen').textContent()).toMatch(/The papers deadline \(\d{1,2} \w+ 2026\) has passed/);
    await editor(page, '1 Purpose').click();
    await page.keyboard.type('To bid for SEND capital.');
    await page.getByRole('button', { name: 'Save paper' }).click();
    const ask = page.getByRole('dialog', { name: 'Late paper: give the reason' });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/This paper is late: papers for the meeting on 7 December 2026 were due by/);
    await ask.getByRole('button', { name: 'Save late paper' }).click();
    await expect.poll(() => ask.textContent()).toMatch(/Give the reason/);
    expect(await call(s, 'getPaper', { itemId: ids.late })).toBeNull();
    await ask.getByRole('textbox', { name: /Why is this paper late/ }).fill('The bid window opened after the deadline.');
    await ask.getByRole('button', { name: 'Save late paper' }).click();
    await ask.waitFor({ state: 'detached' });
    const bar = page.locator('.late-bar');
    await expect.poll(() => bar.textContent()).toMatch(/Late paper[\s\S]*Reason: The bid window opened after the deadline\./);
    expect(await bar.textContent()).not.toMatch(ISO_DATE);
    const p = (await call<PaperDetail>(s, 'getPaper', { itemId: ids.late }))!;
    expect([p.late, p.lateReason]).toEqual([true, 'The bid window opened after the deadline.']);
    expect(await page.locator('.save-state').textContent()).toBe('All changes saved');
    await page.mouse.move(0, 760);
    await shot(page, 'paper-late');
  });
});

describe('a council report', () => {
  it("shows the board's template: the unnumbered summary first, 4 Corporate considerations over 4.1 to 4.6, and Key decision as yes or no", async () => {
    const page = s.page;
    const meetings = await call<Array<{ id: number; bodyName: string }>>(s, 'listMeetings', {});
    const board = meetings.find((m) => m.bodyName === 'SEND Programme Board')!;
    const detail = await call<MeetingDetail>(s, 'getMeeting', { id: board.id });
    const item = detail.items.find((i) => i.paper?.template === 'council')!;
    await open(page, item.id);
    const headings = await page.locator('.paper-section h2, .paper-section h3, .paper-group-head h2').allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Summary of main issues', 'Recommendations']);
    expect(headings).toContain('4 Corporate considerations');
    const considerations = headings.slice(headings.indexOf('4 Corporate considerations') + 1, headings.indexOf('4 Corporate considerations') + 7);
    expect(considerations.map((h) => h.split(' ')[0])).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6']);
    expect(considerations[0]).toBe('4.1 Consultation and engagement');
    const keyDecision = page.getByRole('radiogroup', { name: 'Key decision' });
    const stored = (await call<PaperDetail>(s, 'getPaper', { itemId: item.id }))!.header.key_decision;
    if (stored) expect(await keyDecision.getByRole('radio', { name: stored === 'yes' ? 'Yes' : 'No' }).isChecked()).toBe(true);
    await expectAxeClean(page, 'council report');
    expect(await page.locator('.paper-screen').textContent()).not.toMatch(ISO_DATE);
    await page.mouse.move(0, 760);
    await shot(page, 'paper-council-report');
  });
});

describe('the paper screen as a whole', () => {
  it('has no serious accessibility problem, no ISO date, and fits 1366x768 and 200% without a sideways scroll', async () => {
    const page = s.page;
    await open(page, ids.item);
    await editor(page, '1 Purpose').waitFor();
    await expectAxeClean(page, 'paper screen');
    expect(await page.locator('.paper-screen').textContent()).not.toMatch(ISO_DATE);
    await page.mouse.move(0, 760);
    await shot(page, 'paper-screen');
    for (const [w, h] of [
      [911, 512],
      [683, 384],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      const wide = await page.evaluate(() => {
        const screen = document.querySelector('.paper-screen') as HTMLElement;
        return { scroll: screen.scrollWidth, client: screen.clientWidth };
      });
      expect(wide.scroll, `at ${w}x${h}`).toBeLessThanOrEqual(wide.client + 1);
      await shot(page, `paper-screen-${w}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(s.problems, s.problems.join('\n')).toEqual([]);
  });
});
