/**
 * The allocation screen on the demo authority, with the server's clock fixed at 3 December 2026:
 * the 2026-27 run's results partnership by partnership, figure for figure as the server works
 * them out, with totals that make the pot exactly and the rounding rule stated; its inputs, and
 * weights that do not add up to 100% refused in the server's words with nothing saved; a change
 * to the school data noticed and worked in by recalculating; the comparison with last year's run,
 * signed and coloured; approval, after which the run is read-only on screen and every edit is
 * refused by the server (a save from inputs opened before the lock too); a run set up from
 * nothing; the exports; a walk by keyboard alone; axe clean; and screenshots at 1366×768, 150%
 * and 200% without sideways scrolling of the page.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type MoneyFormat, moneyFormat } from '../../electron/shared/money';
import type { DataColumnInfo, RunCompare, RunDetail, RunInfo, SchoolsOverview } from '../../features/allocations/types';
import type { WorkspaceSettings } from '../../features/settings/types';
import { openDemoSession, type Session } from './harness';
import { call, expectAxeClean, focusedDescription, installColourTools, ISO_DATE, kpi, lookZoomed, nav, sharedSession, shot } from './ui';

const NOW = () => new Date('2026-12-03T12:00:00Z');
const YEAR = '2026-27';
const LAST_YEAR = '2025-26';

const s = sharedSession('allocations-run', () => openDemoSession({ now: NOW }));

const runs = (session: Session = s) => call<RunInfo[]>(session, 'listRuns', {});
const detail = (runId: number, session: Session = s) => call<RunDetail>(session, 'getRun', { runId });
const money = async (session: Session = s): Promise<MoneyFormat> => moneyFormat((await call<WorkspaceSettings>(session, 'getSettings', {})).negativeStyle);

/** The run of a year the demo brings (one a year). */
async function demoRun(year: string, session: Session = s): Promise<RunInfo> {
  const r = (await runs(session)).filter((x) => x.year === year).sort((a, b) => a.id - b.id)[0];
  if (!r) throw new Error(`the demo has no run for ${year}`);
  return r;
}

/** Each body row of a table, as the text of its cells. */
async function rowTexts(page: Page, tableName: string | RegExp): Promise<string[][]> {
  return page
    .getByRole('table', { name: tableName })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => (c.textContent ?? '').trim())));
}

/** The rows the results table must show for a run, worked from the server's own figures. */
function expectedResults(d: RunDetail, m: MoneyFormat): string[][] {
  const p = (x: number) => m.format(x, { pence: true });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows = d.allocations.map((a) => [
    a.partnership,
    String(a.schools),
    ...d.factors.map((f) => p(a.byFactor[f.name]!)),
    p(a.exactFormulaPence),
    m.format(a.formulaPence),
    String(a.places),
    m.format(a.placesPence),
    m.format(a.totalPence),
  ]);
  const total = [
    'Total',
    String(sum(d.allocations.map((a) => a.schools))),
    ...d.factors.map((f) => p(sum(d.allocations.map((a) => a.byFactor[f.name]!)))),
    p(sum(d.allocations.map((a) => a.exactFormulaPence))),
    m.format(d.formulaTotalPence),
    String(sum(d.allocations.map((a) => a.places))),
    m.format(d.placesTotalPence),
    m.format(d.totalPence),
  ];
  return [...rows, total];
}

const resultsTable = (d: Pick<RunInfo, 'name' | 'year'>) => `Allocations of ${d.name}, ${d.year}`;

async function openRun(page: Page, runId: number, tab?: 'inputs' | 'compare') {
  await page.evaluate(
    (h) => {
      window.location.hash = h;
    },
    `#/allocation?run=${runId}${tab ? `&tab=${tab}` : ''}`,
  );
  await page.getByRole('heading', { level: 1, name: 'Allocation runs' }).waitFor();
}

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Tabs (or arrows) until the focused element's description matches. */
async function tabTo(page: Page, target: RegExp, most = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (target.test(await focusedDescription(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target} not reached with ${key}; focus is on ${await focusedDescription(page)}`);
}

describe('results', () => {
  it('shows the year’s run: each partnership’s allocation by factor and places as the server works it out, totals that make the pot, and the rounding rule', async () => {
    const page = s.page;
    await nav(page, 'Allocation runs');
    await page.getByRole('heading', { level: 1, name: 'Allocation runs' }).waitFor();
    const run = await demoRun(YEAR);
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe(`${run.name}, draft`);
    const d = await detail(run.id);
    const m = await money();
    // The demo's seed-like figures: £3,155,550 by 25/60/15 plus 210 places at £10,000.
    expect([d.formulaTotalPence, d.placesTotalPence, d.totalPence]).toEqual([315_555_000, 210_000_000, 525_555_000]);
    await expect.poll(() => rowTexts(page, resultsTable(d))).toEqual(expectedResults(d, m));
    expect(
      await page
        .getByRole('table', { name: resultsTable(d) })
        .locator('thead th')
        .allTextContents(),
    ).toEqual([
      'Partnership',
      'Schools',
      'Pupil numbers (25%)',
      'Targeted factors (60%)',
      'Targeted factors with pupil premium (15%)',
      'Formula, exact',
      'Formula total',
      'Places',
      'Place funding',
      'Total',
    ]);
    expect(await kpi(page, 'Formula pot').textContent()).toBe('£3,155,550');
    expect(await kpi(page, 'Place funding').textContent()).toBe('£2,100,000');
    expect(await kpi(page, 'Total allocated').textContent()).toBe('£5,255,550');
    expect(await page.locator('.alloc-check').textContent()).toBe(
      'The formula totals add up to £3,155,550, the pot, exactly. Place funding of £2,100,000 (210 places at £10,000) is added on top: £5,255,550 in all.',
    );
    // The rule, in the server's words.
    const rule = page.getByRole('region', { name: 'How the figures are rounded' });
    expect(await rule.locator('p').textContent()).toBe(d.roundingNote);
    expect(d.roundingNote).toMatch(/largest remainder/);
    await expect
      .poll(() => page.locator('.alloc-status').textContent())
      .toMatch(/Draft.*Worked out on 25\/02\/2026 10:30\. This is the run that counts for 2026-27/);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'allocation results');
    await shot(page, 'allocations-run-results');
    await page.getByRole('table', { name: resultsTable(d) }).scrollIntoViewIfNeeded();
    await shot(page, 'allocations-run-results-table');
  });

  it('the year picker shows last year’s approved run, locked, with the results it was approved with', async () => {
    const page = s.page;
    const last = await demoRun(LAST_YEAR);
    await choose(page, 'Year', LAST_YEAR);
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe(`${last.name}, approved`);
    const d = await detail(last.id);
    expect(d.locked).toBe(true);
    await expect.poll(() => rowTexts(page, resultsTable(d))).toEqual(expectedResults(d, await money()));
    expect(d.approvedOn).toBe('2025-03-13');
    expect(await page.locator('.alloc-status').textContent()).toContain(
      `Approved on 13 March 2025: ${d.approvedNote.replace(/\.$/, '')}. A locked run never changes; copy it to change it.`,
    );
    expect(await page.getByRole('button', { name: 'Change inputs', exact: true }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('button', { name: 'Recalculate', exact: true }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('button', { name: 'Delete…' }).count()).toBe(0);
    await expectAxeClean(page, 'an approved run');
    await shot(page, 'allocations-run-approved');
    // The header's financial year follows, and choosing there brings the screen back.
    expect(await page.getByRole('combobox', { name: 'Financial year' }).textContent()).toBe(LAST_YEAR);
    await choose(page, 'Financial year', new RegExp(`^${YEAR}`));
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toMatch(/, draft$/);
    expect(await page.getByRole('combobox', { name: 'Year', exact: true }).textContent()).toBe(YEAR);
  });
});

describe('inputs', () => {
  it('lists the factors with their weights and columns, and the places', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    await openRun(page, run.id);
    await page.getByRole('tab', { name: 'Inputs' }).click();
    const d = await detail(run.id);
    const m = await money();
    await expect
      .poll(() => rowTexts(page, `Factors of ${d.name}`))
      .toEqual(
        d.factors.map((f) => [
          f.name,
          `${f.weightBp / 100}%`,
          m.format(f.potPence, { pence: f.potPence % 100 !== 0 }),
          f.columns.map((c) => `${c.name} × ${c.weight}`).join(' + '),
        ]),
      );
    expect((await rowTexts(page, `Factors of ${d.name}`)).map((r) => r.slice(0, 3))).toEqual([
      ['Pupil numbers', '25%', '£788,887.50'],
      ['Targeted factors', '60%', '£1,893,330'],
      ['Targeted factors with pupil premium', '15%', '£473,332.50'],
    ]);
    expect(await page.getByText('The weights add up to 100%.').isVisible()).toBe(true);
    expect((await rowTexts(page, `Places funded in ${d.name}`)).map((r) => r.slice(1))).toEqual(d.allocations.map(() => ['42', '£420,000']));
    await expectAxeClean(page, 'inputs');
    await shot(page, 'allocations-run-inputs');
  });

  it('weights that do not add up to 100% are shown as they are typed and refused by the server in its words; nothing is saved', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    const before = await detail(run.id);
    const listed = await runs();
    await page.getByRole('button', { name: 'Change the inputs' }).click();
    const form = page.getByRole('form', { name: `Change the inputs of ${run.name}` });
    await form.waitFor();
    const third = form.getByRole('group', { name: 'Factor 3' });
    await third.getByRole('textbox', { name: 'Weight', exact: true }).fill('14.5');
    const status = form.getByRole('status').filter({ hasText: /weights add up/ });
    await expect.poll(() => status.textContent()).toBe('The weights add up to 99.50%: they must add up to exactly 100% for the run to be worked out.');
    expect(await status.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(177, 14, 28)');
    await form.getByRole('button', { name: 'Save and work out' }).click();
    const refusal = form.getByText(/^Not saved: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/The factor weights add up to 99\.50%, not 100%/);
    await expectAxeClean(page, 'weights refused');
    await refusal.scrollIntoViewIfNeeded();
    await shot(page, 'allocations-run-weights-refused');
    expect(await detail(run.id)).toEqual(before);
    expect(await runs()).toEqual(listed);
    // Back to 15%: the line says so.
    await third.getByRole('textbox', { name: 'Weight', exact: true }).fill('15');
    await expect.poll(() => status.textContent()).toBe('The weights add up to 100%.');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('more places for one partnership are saved and worked out: its place funding and total move, and the formula does not', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    const before = await detail(run.id);
    const first = before.allocations[0]!;
    await page.getByRole('button', { name: 'Change the inputs' }).click();
    const form = page.getByRole('form', { name: `Change the inputs of ${run.name}` });
    await form.getByRole('textbox', { name: `Places for ${first.partnership}` }).fill('45');
    await expect.poll(() => form.getByRole('table', { name: 'Places by partnership' }).locator('tbody tr').first().textContent()).toMatch(/£450,000$/);
    await form.getByRole('button', { name: 'Save and work out' }).click();
    await form.waitFor({ state: 'detached' });
    const after = await detail(run.id);
    const row = after.allocations.find((a) => a.partnershipId === first.partnershipId)!;
    expect([row.places, row.placesPence, row.totalPence]).toEqual([45, 45_000_000, first.totalPence + 3_000_000]);
    expect(after.allocations.map((a) => a.formulaPence)).toEqual(before.allocations.map((a) => a.formulaPence));
    await page.getByRole('tab', { name: 'Results' }).click();
    await expect.poll(() => rowTexts(page, resultsTable(after))).toEqual(expectedResults(after, await money()));
    expect(await kpi(page, 'Total allocated').textContent()).toBe('£5,285,550');
  });
});

describe('when the school data changes', () => {
  it('says the data has changed; recalculating works the draft out on today’s data and the notice goes', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    const before = await detail(run.id);
    expect(before.dataChanged).toBe(false);
    const overview = await call<SchoolsOverview>(s, 'listSchools', { year: YEAR });
    const columns = await call<DataColumnInfo[]>(s, 'listDataColumns', {});
    const pupils = columns.find((c) => c.key === 'pupils')!;
    const school = overview.schools.find((x) => x.partnershipId !== null && x.status === 'open' && (x.data.pupils ?? 0) > 0)!;
    await call(s, 'setSchoolData', { year: YEAR, schoolId: school.id, values: { [pupils.id]: school.data.pupils! + 400 } });
    expect((await detail(run.id)).dataChanged).toBe(true);
    await nav(page, 'Schools');
    await nav(page, 'Allocation runs');
    const notice = page.locator('.alloc-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/The data has changed.*Its figures stay as they are until you recalculate it/);
    // The results are still the snapshot's until then.
    expect(await rowTexts(page, resultsTable(before))).toEqual(expectedResults(before, await money()));
    await expectAxeClean(page, 'data changed');
    await shot(page, 'allocations-run-data-changed');
    await notice.getByRole('button', { name: 'Recalculate now' }).click();
    await notice.waitFor({ state: 'detached' });
    const after = await detail(run.id);
    expect(after.dataChanged).toBe(false);
    expect(after.allocations.map((a) => a.formulaPence)).not.toEqual(before.allocations.map((a) => a.formulaPence));
    expect(after.formulaTotalPence).toBe(after.formulaPotPence);
    await expect.poll(() => rowTexts(page, resultsTable(after))).toEqual(expectedResults(after, await money()));
  });
});

describe('compare', () => {
  it('against last year’s run: each partnership’s change signed and coloured, with the server’s figures', async () => {
    const page = s.page;
    await installColourTools(page);
    const run = await demoRun(YEAR);
    const last = await demoRun(LAST_YEAR);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Compare with' }).textContent()).toBe(`Last year’s run (${LAST_YEAR})`);
    const c = await call<RunCompare>(s, 'compareRuns', { a: run.id });
    expect([c.a.id, c.b.id]).toEqual([last.id, run.id]);
    const m = await money();
    const signed = (p: number) => (p > 0 ? `+${m.format(p)}` : m.format(p));
    const pct = (d: number, before: number) => {
      const x = Math.round((d * 1000) / before) / 10;
      return x > 0 ? `+${x.toFixed(1)}%` : x < 0 ? `-${(-x).toFixed(1)}%` : '0.0%';
    };
    const name = `${run.name} against ${last.name}, by partnership`;
    const table = page.getByRole('table', { name });
    await table.waitFor();
    const expected = c.rows.map((r) => [
      r.partnership,
      r.aPence === null ? '—' : m.format(r.aPence),
      r.bPence === null ? '—' : m.format(r.bPence),
      r.differencePence === null
        ? r.bPence === null
          ? 'not in this run'
          : 'new'
        : `${signed(r.differencePence)}${r.differencePence > 0 ? ', more' : r.differencePence < 0 ? ', less' : ''}`,
      r.differencePence === null || !r.aPence ? '' : pct(r.differencePence, r.aPence),
      String(r.placesA ?? '—'),
      String(r.placesB ?? '—'),
    ]);
    expect((await rowTexts(page, name)).slice(0, -1)).toEqual(expected);
    const total = (await rowTexts(page, name)).at(-1)!;
    expect(total.slice(0, 3)).toEqual(['Total', m.format(c.totalA), m.format(c.totalB)]);
    // Up is green, down is red, and the colour is readable on white.
    const up = c.rows.find((r) => (r.differencePence ?? 0) > 0);
    const down = c.rows.find((r) => (r.differencePence ?? 0) < 0);
    expect(up ?? down, 'some partnership’s allocation moves').toBeDefined();
    for (const [r, colour] of [
      [up, 'rgb(14, 112, 14)'],
      [down, 'rgb(177, 14, 28)'],
    ] as const) {
      if (!r) continue;
      const cellEl = table.getByRole('row').filter({ hasText: r.partnership }).getByRole('cell').nth(3);
      expect(await cellEl.evaluate((el) => getComputedStyle(el).color)).toBe(colour);
    }
    await expectAxeClean(page, 'compare');
    await shot(page, 'allocations-run-compare');
  });

  it('against another run of any year, chosen from the list', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    const last = await demoRun(LAST_YEAR);
    await choose(page, 'Compare with', `${LAST_YEAR}: ${last.name}, approved`);
    const c = await call<RunCompare>(s, 'compareRuns', { a: last.id, b: run.id });
    const name = `${run.name} against ${last.name}, by partnership`;
    const m = await money();
    await expect
      .poll(async () => (await rowTexts(page, name)).map((r) => r[1]))
      .toEqual([...c.rows.map((r) => (r.aPence === null ? '—' : m.format(r.aPence))), m.format(c.totalA)]);
  });
});

describe('approve and lock', () => {
  it('approves the draft with a date and note; it is then read-only on screen, and the server refuses every edit', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    await openRun(page, run.id);
    await page.getByRole('button', { name: 'Approve and lock…' }).click();
    const dialog = page.getByRole('dialog', { name: `Approve and lock ${run.name}` });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Date approved' }).fill('01/12/2026');
    await dialog.getByRole('button', { name: 'Approve and lock' }).click();
    await expect.poll(() => dialog.getByText(/Say who approved it/).isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Schools Forum 1 December 2026, item 4');
    await expectAxeClean(page, 'approve dialog');
    await shot(page, 'allocations-run-approve');
    await dialog.getByRole('button', { name: 'Approve and lock' }).click();
    await dialog.waitFor({ state: 'detached' });
    const locked = await detail(run.id);
    expect([locked.status, locked.locked, locked.approvedOn]).toEqual(['approved', true, '2026-12-01']);
    await expect
      .poll(() => page.locator('.alloc-status').textContent())
      .toMatch(/Approved on 1 December 2026: Schools Forum 1 December 2026, item 4\. A locked run never changes/);
    expect(await page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe(`${run.name}, approved`);
    for (const button of ['Change inputs', 'Recalculate', 'Approve and lock…']) {
      expect(await page.getByRole('button', { name: button, exact: true }).getAttribute('aria-disabled'), button).toBe('true');
    }
    await page.getByRole('tab', { name: 'Inputs' }).click();
    await expect.poll(() => page.getByText('Read-only: the run is locked. Copy it to change the copy.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Change the inputs' }).count()).toBe(0);
    // Refused by the server, whoever sends it, and nothing moves.
    const inputs = {
      formulaPotPence: locked.formulaPotPence,
      placeRatePence: locked.placeRatePence,
      factors: locked.factors.map((f) => ({ name: f.name, weightBp: f.weightBp, columns: f.columns.map((c) => ({ columnId: c.columnId, weight: c.weight })) })),
      places: [],
    };
    for (const [channel, input] of [
      ['updateRun', { runId: run.id, ...inputs }],
      ['recalculateRun', { runId: run.id }],
      ['deleteRun', { runId: run.id }],
      ['approveRun', { runId: run.id, approvedOn: '2026-12-02' }],
    ] as const) {
      const r = await s.server.call(channel, input);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect([r.error.code, r.error.message], channel).toEqual(['LOCKED', expect.stringMatching(/is locked .*Copy it to make a new run/)]);
    }
    expect(await detail(run.id)).toEqual(locked);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'locked run');
    await shot(page, 'allocations-run-locked');
  });

  it('a copy is the way to change it; a copy locked elsewhere while its inputs are open refuses the save in the server’s words', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    await page.getByRole('button', { name: 'Copy…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Copy ${run.name}` });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Revised for the spring census');
    await dialog.getByRole('button', { name: 'Copy run' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe('Revised for the spring census, draft');
    const copy = (await runs()).find((r) => r.name === 'Revised for the spring census')!;
    expect([copy.year, copy.copiedFromId, copy.status]).toEqual([YEAR, run.id, 'draft']);
    expect(await page.locator('.alloc-status').textContent()).toMatch(`Copied from ${run.name} (${YEAR})`);
    await page.getByRole('tab', { name: 'Inputs' }).click();
    await page.getByRole('button', { name: 'Change the inputs' }).click();
    const form = page.getByRole('form', { name: `Change the inputs of ${copy.name}` });
    await form.getByRole('textbox', { name: 'Formula pot' }).fill('3,200,000');
    // Approved from the command line meanwhile.
    await call(s, 'approveRun', { runId: copy.id, approvedOn: '2026-12-03', note: 'Chair’s action' });
    const before = await detail(copy.id);
    await form.getByRole('button', { name: 'Save and work out' }).click();
    const refusal = form.getByText(/^Not saved: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/The run "Revised for the spring census" for 2026-27 is locked .*Copy it to make a new run/);
    expect(await detail(copy.id)).toEqual(before);
    await refusal.scrollIntoViewIfNeeded();
    await shot(page, 'allocations-run-locked-meanwhile');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByText('Read-only: the run is locked. Copy it to change the copy.').isVisible()).toBe(true);
  });
});

describe('a new run', () => {
  it('set up from nothing: one factor of pupil numbers, a pot and places; worked out to the pot exactly', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'New run…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New allocation run' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Pupils only');
    await dialog.getByRole('combobox', { name: 'Start from' }).click();
    await page.getByRole('option', { name: 'A new formula, set up here' }).click();
    await dialog.getByRole('button', { name: 'Set up the formula' }).click();
    await dialog.waitFor({ state: 'detached' });
    const form = page.getByRole('form', { name: `New run for ${YEAR}` });
    await form.waitFor();
    const factor = form.getByRole('group', { name: 'Factor 1' });
    expect(await factor.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Pupil numbers');
    expect(await factor.getByRole('combobox', { name: 'Data column 1' }).textContent()).toMatch(/Pupils/i);
    await form.getByRole('button', { name: 'Create and work out' }).click();
    await expect.poll(() => form.getByText('The formula pot is needed').isVisible()).toBe(true);
    await form.getByRole('textbox', { name: 'Formula pot' }).fill('1,000,001');
    await form.getByRole('textbox', { name: 'Rate per place' }).fill('12,500');
    const places = form.getByRole('table', { name: 'Places by partnership' });
    const firstName = (await places.locator('tbody tr td').first().textContent())!;
    await form.getByRole('textbox', { name: `Places for ${firstName}` }).fill('8');
    await expectAxeClean(page, 'new run form');
    await shot(page, 'allocations-run-new');
    await form.getByRole('button', { name: 'Create and work out' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe('Pupils only, draft');
    const made = (await runs()).find((r) => r.name === 'Pupils only')!;
    const d = await detail(made.id);
    expect([d.formulaTotalPence, d.placesTotalPence, d.totalPence]).toEqual([100_000_100, 10_000_000, 110_000_100]);
    expect(d.allocations.every((a) => a.formulaPence % 100 === 0)).toBe(true);
    await expect.poll(() => rowTexts(page, resultsTable(d))).toEqual(expectedResults(d, await money()));
  });

  it('a draft can be deleted; the year then shows the run that counts for it, and a year with no run says so', async () => {
    const page = s.page;
    const made = (await runs()).find((r) => r.name === 'Pupils only')!;
    await openRun(page, made.id);
    await page.getByRole('button', { name: 'Delete…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Pupils only?' });
    await dialog.getByRole('button', { name: 'Delete run' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await runs()).some((r) => r.id === made.id)).toBe(false);
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).not.toMatch(/Pupils only/);
    await choose(page, 'Year', '2027-28');
    await page.getByRole('heading', { name: 'No allocation run for 2027-28 yet' }).waitFor();
    await expectAxeClean(page, 'a year with no run');
    await choose(page, 'Year', YEAR);
    await page.getByRole('combobox', { name: 'Run', exact: true }).waitFor();
  });
});

describe('exports', () => {
  it('the results workbook holds each partnership’s allocation, to the pound', async () => {
    const page = s.page;
    const run = await demoRun(YEAR);
    await openRun(page, run.id);
    const d = await detail(run.id);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Results workbook' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    for (const a of d.allocations) {
      expect(values, a.partnership).toContain(a.partnership);
      expect(values, `${a.partnership} total`).toContain(a.totalPence / 100);
    }
    const [inputs] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Inputs workbook' }).click();
      })(),
    ]);
    expect(inputs.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});

describe('by keyboard alone', () => {
  it('reaches the screen, chooses a year and a run, moves between the tabs, and copies a run; a dialog gives focus back', async () => {
    const page = s.page;
    const last = await demoRun(LAST_YEAR);
    await nav(page, 'Monitoring');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Allocation runs', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Allocation runs' }).waitFor();

    // The year, from its dropdown: last year is the one below.
    await tabTo(page, new RegExp(`"${YEAR}"`));
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe(`${last.name}, approved`);

    // The tabs: arrows move between them.
    await tabTo(page, /"Results"/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Factors' }).waitFor();

    // Copy, from the command bar; Escape closes the dialog and gives focus back.
    await tabTo(page, /"Copy…"/, 60, 'Shift+Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Copy ${last.name}` });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toContain('Copy…');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // The name has focus first; its year is next, and the year wanted is the next one up in the list.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2025-26 formula for 2026-27');
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toMatch(new RegExp(`"${LAST_YEAR}"`));
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Year', exact: true }).textContent()).toBe(YEAR);
    await tabTo(page, /"Copy run"/, 10);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Run', exact: true }).textContent()).toBe('2025-26 formula for 2026-27, draft');
    const made = (await runs()).find((r) => r.name === '2025-26 formula for 2026-27')!;
    expect([made.year, made.copiedFromId, made.formulaPotPence]).toEqual([YEAR, last.id, last.formulaPotPence]);
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});

for (const scale of [1.5, 2]) {
  describe(`zoomed to ${scale * 100}%`, () => {
    const z = sharedSession(`allocations-run-${scale * 100}`, () =>
      openDemoSession({ now: NOW, screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale } }),
    );
    const look = (what: string) => lookZoomed(z.page, what, scale, `allocations-run-${what}-${scale * 100}`);

    it('the results, the inputs being changed and the comparison read without sideways scrolling, axe clean', async () => {
      const page = z.page;
      const run = await demoRun(YEAR, z);
      const d = await detail(run.id, z);
      await nav(page, 'Allocation runs');
      const table = page.getByRole('table', { name: resultsTable(d) });
      await table.waitFor();
      await look('results');
      await table.scrollIntoViewIfNeeded();
      await shot(page, `allocations-run-results-table-${scale * 100}`);
      await page.getByRole('tab', { name: 'Inputs' }).click();
      await page.getByRole('button', { name: 'Change the inputs' }).click();
      const form = page.getByRole('form', { name: `Change the inputs of ${run.name}` });
      await form.waitFor();
      await look('inputs');
      await form.getByRole('group', { name: 'Factor 2' }).scrollIntoViewIfNeeded();
      await shot(page, `allocations-run-inputs-factor-${scale * 100}`);
      await form.getByRole('table', { name: 'Places by partnership' }).scrollIntoViewIfNeeded();
      await shot(page, `allocations-run-inputs-places-${scale * 100}`);
      await form.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('tab', { name: 'Compare' }).click();
      await page.getByRole('table', { name: /by partnership$/ }).waitFor();
      await look('compare');
      await page.getByRole('table', { name: /by partnership$/ }).scrollIntoViewIfNeeded();
      await shot(page, `allocations-run-compare-table-${scale * 100}`);
    }, 120_000);

    it('logs no console errors', () => {
      expect(z.problems).toEqual([]);
    });
  });
}
