/**
 * The recovery register and a project's page, as a programme lead uses them: the register opens
 * with 200 projects from one read of them (how fast it opens, npm run bench measures), filters by
 * workstream, RAG, funding source and any words, and sorts by a column; a project's page shows its
 * RAG history (newest first), its KPIs (EHC plans 224 → 252, worse, lower is better) and its
 * milestones (an overdue one said in words); a RAG is recorded with a reason; a savings year
 * outside the plan the project counts in is refused with the reason, naming the field, and nothing
 * is saved. All of it by keyboard too, axe clean, with screenshots at 1366×768, 150% and 200%.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainServer } from '../../electron/server/server';
import type { BodyInfo } from '../../features/meetings/types';
import type { AgreementsOverview, PlanInfo, ProjectDetail, ProjectSummary, WorkstreamInfo } from '../../features/recovery/types';
import { openDemoSession, type Session } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, nav, sharedSession, shot, sidewaysScrollers } from './ui';

const EXTRA = 194;

async function must<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Three workstreams; T1 (the panel redesign, funded from the HNB, counting in the plan's mitigated
 * scenario) with two RAG assessments, a KPI and milestones; five more named projects; and enough
 * numbered ones to make 200 with them.
 */
async function seed(server: DomainServer): Promise<void> {
  const ws = async (code: string, name: string) =>
    (await must<WorkstreamInfo[]>(server, 'saveWorkstream', { code, name, lead: 'Jo Lead' })).find((w) => w.code === code)!.id;
  const incl = await ws('TW1', 'Test inclusion in mainstream');
  const suff = await ws('TW2', 'Test sufficiency of places');
  const bulk = await ws('TW3', 'Test bulk projects');
  const project = (code: string, name: string, workstreamId: number, fundingSource: string, money: [number, number, number], owner = 'Sam Owner') =>
    must<ProjectDetail>(server, 'saveProject', {
      code,
      name,
      owner,
      workstreamId,
      fundingSource,
      approvedBudgetPence: money[0],
      spendToDatePence: money[1],
      forecastPence: money[2],
    });
  const t1 = await project('T1', 'EHC needs assessment panel redesign', incl, 'hnb', [35_700_000, 12_000_000, 35_700_000], 'Alex Panel');
  await must(server, 'recordRag', { projectId: t1.id, rag: 'amber', reason: 'Panel slow to start: two chairs short', asOf: '2026-01-15' });
  await must(server, 'recordRag', { projectId: t1.id, rag: 'red', reason: 'Requests for assessment up again in the autumn term', asOf: '2026-02-20' });
  await must(server, 'saveKpi', {
    projectId: t1.id,
    measure: 'EHC plans maintained',
    baseline: 224,
    baselineOn: '2024-01-31',
    target: 230,
    targetOn: '2026-01-31',
    latest: 252,
    latestOn: '2025-01-31',
    higherIsBetter: false,
  });
  await must(server, 'saveMilestone', { projectId: t1.id, title: 'Panel terms of reference agreed', dueOn: '2025-06-30', doneOn: '2025-06-20' });
  await must(server, 'saveMilestone', { projectId: t1.id, title: 'New panel running', dueOn: '2025-09-30' });
  await must(server, 'saveMilestone', { projectId: t1.id, title: 'First year review to the board', dueOn: '2030-06-30' });
  const plan = await must<PlanInfo>(server, 'createPlan', { name: 'Register test plan', baseYear: '2026-27', horizonYears: 5 });
  const mitigated = plan.scenarios.find((s) => s.kind === 'mitigated')!;
  await must(server, 'attachProject', { scenarioId: mitigated.id, projectId: t1.id });
  await must(server, 'saveProjectYear', { projectId: t1.id, year: '2027-28', costPence: 5_000_000, targetSavingPence: 12_000_000, deliveredSavingPence: null });

  const t2 = await project('T2', 'Inclusion partnership co-ordinator', incl, 'forum_allocation', [6_500_000, 3_000_000, 6_500_000]);
  await must(server, 'recordRag', { projectId: t2.id, rag: 'green', reason: 'On track', asOf: '2026-02-01' });
  const t3 = await project('T3', 'Improvement partner', incl, 'transformation_reserve', [100_000_000, 40_000_000, 95_000_000]);
  await must(server, 'recordRag', { projectId: t3.id, rag: 'amber', reason: 'Behind on the review', asOf: '2026-02-01' });
  const t4 = await project('T4', 'Resourced provision in primary', suff, 'hnb', [80_000_000, 10_000_000, 82_000_000]);
  await must(server, 'saveProjectYear', { projectId: t4.id, year: '2027-28', costPence: 0, targetSavingPence: 90_000_000, deliveredSavingPence: null });
  await must(server, 'recordRag', { projectId: t4.id, rag: 'red', reason: 'Building work late', asOf: '2026-02-10' });
  await project('T5', 'Post-16 pathways', suff, 'council', [2_000_000, 0, 2_000_000]);
  await project('T6', 'Special school satellite', suff, 'other', [15_000_000, 1_000_000, 15_000_000]);
  for (let i = 1; i <= EXTRA; i++) {
    const code = `B${String(i).padStart(3, '0')}`;
    const p = await project(code, `Bulk project ${i}`, bulk, 'hnb', [i * 10_000, i * 1_000, i * 10_000]);
    if (i % 3 === 0) await must(server, 'recordRag', { projectId: p.id, rag: 'green', reason: '', asOf: '2026-01-01' });
  }
}

const s = sharedSession('recovery-register', () => openDemoSession({ prepare: seed }));

/** The codes of the rows shown, top to bottom (the first screenful: the grid draws only what is in view). */
async function codes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.register-grid .ag-row[row-index]')]
      .filter((r) => !r.closest('.ag-floating-bottom') && r.querySelector('[col-id="code"]'))
      .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
      .map((r) => r.querySelector('[col-id="code"]')?.textContent?.trim() ?? '')
      // The totals row pinned underneath is not a project.
      .filter((c) => c !== 'Total'),
  );
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const t1 = async (): Promise<ProjectDetail> => {
  const list = await call<ProjectSummary[]>(s, 'listProjects', {});
  return call<ProjectDetail>(s, 'getProject', { id: list.find((p) => p.code === 'T1')!.id });
};

describe('the recovery register', () => {
  it('opens with 200 projects, from one read of them', async () => {
    const page = s.page;
    const all = await call<ProjectSummary[]>(s, 'listProjects', {});
    expect(all.length).toBeGreaterThanOrEqual(200);
    const calls: string[] = [];
    const count = (r: { url(): string }) => {
      if (/\/api\/listProjects$/.test(r.url())) calls.push(r.url());
    };
    page.on('request', count);
    // How fast it opens is npm run bench's to say (scripts/bench/register-screen.ts), not a test's.
    await nav(page, 'Recovery register');
    await page.locator('.register-grid .ag-row[row-id]').first().waitFor();
    await expect.poll(() => page.locator('.register-count').textContent()).toMatch(new RegExp(`^${all.length} projects`));
    page.off('request', count);
    expect(calls.length, 'one read of the projects').toBe(1);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await page.mouse.move(900, 500);
    await expectAxeClean(page, 'register');
    await shot(page, 'recovery-register');
  });

  it('filters by workstream, RAG, funding source and words, and says how many are shown', async () => {
    const page = s.page;
    await choose(page, 'Workstream', 'TW1 Test inclusion in mainstream');
    await expect.poll(() => codes(page)).toEqual(['T1', 'T2', 'T3']);
    await expect.poll(() => page.locator('.register-count').textContent()).toMatch(/^Showing 3 of \d+ projects: 1 red, 1 amber, 1 green, 0 not rated/);
    await choose(page, 'Workstream', 'All workstreams');
    await choose(page, 'RAG', 'Red');
    const red = (await call<ProjectSummary[]>(s, 'listProjects', {})).filter((p) => p.rag === 'red').map((p) => p.code);
    expect(red).toEqual(expect.arrayContaining(['T1', 'T4']));
    await expect.poll(async () => (await codes(page)).sort()).toEqual(red.sort());
    // The RAG is a word in a badge, not a colour alone.
    await expect.poll(() => page.locator('.register-grid .ag-row[row-id] [col-id="rag"]').first().textContent()).toBe('Red');
    await choose(page, 'Funding source', 'High Needs Block');
    await page.getByRole('searchbox', { name: /Find projects/ }).fill('panel');
    await expect.poll(() => codes(page)).toEqual(['T1']);
    await shot(page, 'recovery-register-filtered');
    // The filters are in the address: they survive a visit to a project and back.
    expect(page.url()).toMatch(/rag=red/);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.locator('.register-count').textContent()).toMatch(/^\d+ projects/);
  });

  it('sorts by a column: target savings, largest first on the second click', async () => {
    const page = s.page;
    await choose(page, 'Workstream', 'TW2 Test sufficiency of places');
    const header = page.locator('.register-grid .ag-header-cell[col-id="totalTargetPence"]');
    await header.click();
    await expect.poll(() => codes(page)).toEqual(['T5', 'T6', 'T4']);
    await header.click();
    await expect.poll(() => codes(page)).toEqual(['T4', 'T5', 'T6']);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    // By code, from the keyboard: Enter on a focused heading sorts.
    await page.locator('.register-grid .ag-header-cell[col-id="code"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => codes(page)).toEqual(['T4', 'T5', 'T6']);
    await page.keyboard.press('Enter');
    await expect.poll(() => codes(page)).toEqual(['T6', 'T5', 'T4']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it("a project's page shows its RAG history newest first, its KPIs and its milestones", async () => {
    const page = s.page;
    await page.getByRole('searchbox', { name: /Find projects/ }).fill('T1');
    await page.getByRole('link', { name: 'Open T1 EHC needs assessment panel redesign' }).click();
    await page.getByRole('heading', { level: 1, name: 'T1 EHC needs assessment panel redesign' }).waitFor();
    const history = page.getByRole('table', { name: 'RAG history, newest first' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    expect(await history.getByRole('row').nth(1).textContent()).toMatch(/20\/02\/2026Red.*autumn term/);
    expect(await history.getByRole('row').nth(2).textContent()).toMatch(/15\/01\/2026Amber.*two chairs short/);
    const kpis = page.getByRole('table', { name: 'KPIs' });
    await expect.poll(() => kpis.textContent()).toMatch(/EHC plans maintained/);
    expect(await kpis.textContent()).toMatch(/224 → 252, up 28 \(12\.5%\): worse, lower is better/);
    expect(await kpis.textContent()).toMatch(/31\/01\/2024/);
    const milestones = page.getByRole('table', { name: 'Milestones' });
    expect(await milestones.getByRole('row', { name: /New panel running/ }).textContent()).toMatch(/30\/09\/2025Overdue/);
    expect(await milestones.getByRole('row', { name: /terms of reference/ }).textContent()).toMatch(/20\/06\/2025/);
    expect(await page.getByRole('region', { name: 'Scenarios it counts in' }).textContent()).toMatch(/Register test plan/);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'project page');
    await shot(page, 'recovery-project');
    await page.getByRole('table', { name: 'KPIs' }).scrollIntoViewIfNeeded();
    await shot(page, 'recovery-project-kpis');
  });

  it('records a RAG with a reason, and it heads the history', async () => {
    const page = s.page;
    const form = page.getByRole('form', { name: 'Record a RAG assessment' });
    await form.getByRole('radio', { name: 'Amber' }).check();
    await form.getByRole('textbox', { name: 'Reason' }).fill('Panel now meets weekly; requests levelling off');
    await form.getByRole('textbox', { name: 'Assessed on' }).fill('01/03/2026');
    await form.getByRole('button', { name: 'Record RAG' }).click();
    const history = page.getByRole('table', { name: 'RAG history, newest first' });
    await expect.poll(() => history.getByRole('row').count()).toBe(4);
    expect(await history.getByRole('row').nth(1).textContent()).toMatch(/01\/03\/2026Amber.*levelling off/);
    const saved = await t1();
    expect(saved.rag).toBe('amber');
    expect(saved.ragAsOf).toBe('2026-03-01');
    expect(saved.ragReason).toBe('Panel now meets weekly; requests levelling off');
    await expect.poll(() => page.locator('.project-where').textContent()).toMatch(/^Amber/);
  });

  it('refuses a savings year outside the plan, says why naming the field, and saves nothing', async () => {
    const page = s.page;
    const before = await t1();
    const card = page.getByRole('region', { name: 'Savings and costs by year' });
    await card.getByRole('button', { name: 'Add a year' }).click();
    await card.getByRole('textbox', { name: 'Year', exact: true }).fill('2034-35');
    await card.getByRole('textbox', { name: /^Target saving/ }).fill('10,000');
    await card.getByRole('textbox', { name: /^HNB cost/ }).press('Enter');
    const bar = card.locator('.fui-MessageBar');
    await expect.poll(() => bar.textContent()).toMatch(/^The year was not saved: Year: /);
    expect(await bar.textContent()).toMatch(/outside the plan/);
    expect(await bar.textContent()).toMatch(/2034-35/);
    const after = await t1();
    expect(after.years).toEqual(before.years);
    // The row keeps what was typed, to be put right.
    expect(await card.getByRole('textbox', { name: 'Year', exact: true }).inputValue()).toBe('2034-35');
    await expectAxeClean(page, 'refused savings year');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'recovery-project-refused-year');
    // Put right, it is saved.
    await card.getByRole('textbox', { name: 'Year', exact: true }).fill('2028-29');
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => (await t1()).years.map((y) => y.year)).toEqual(['2027-28', '2028-29']);
    expect((await t1()).years[1]).toEqual({ year: '2028-29', costPence: 0, targetSavingPence: 1_000_000, deliveredSavingPence: null });
    await expect.poll(() => card.locator('.fui-MessageBar').count()).toBe(0);
  });

  it('works from the keyboard alone: into the grid, Enter opens a project, a milestone added', async () => {
    const page = s.page;
    await nav(page, 'Recovery register');
    await page.getByRole('searchbox', { name: /Find projects/ }).fill('T2');
    await expect.poll(() => codes(page)).toEqual(['T2']);
    // Tab from the search box onwards into the grid: its first heading, then down into the row.
    await page.getByRole('searchbox', { name: /Find projects/ }).focus();
    for (let i = 0; i < 12 && !(await focusedDescription(page)).includes('col='); i++) await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toMatch(/col=/);
    if (!(await focusedDescription(page)).includes('row=')) await page.keyboard.press('ArrowDown');
    expect(await focusedDescription(page)).toMatch(/row=\d+ col=code/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'T2 Inclusion partnership co-ordinator' }).waitFor();
    const add = page.getByRole('button', { name: 'Add a milestone' });
    await add.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'New milestone' });
    await form.waitFor();
    await expect.poll(() => focusedDescription(page)).toMatch(/^(input|body)/);
    await form.getByRole('textbox', { name: 'Milestone' }).focus();
    await page.keyboard.type('Co-ordinator in post');
    await page.keyboard.press('Tab');
    await page.keyboard.type('01/04/2026');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toMatch(/Add milestone/);
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    const list = await call<ProjectSummary[]>(s, 'listProjects', {});
    const t2 = await call<ProjectDetail>(s, 'getProject', { id: list.find((p) => p.code === 'T2')!.id });
    expect(t2.milestones.map((m) => [m.title, m.dueOn, m.doneOn])).toEqual([['Co-ordinator in post', '2026-04-01', null]]);
  });

  it('manages workstreams: one added and renamed, and one with projects cannot be removed', async () => {
    const page = s.page;
    await nav(page, 'Recovery register');
    await page.getByRole('button', { name: 'Workstreams…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Workstreams' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add a workstream' }).click();
    await dialog.getByRole('textbox', { name: 'Code' }).fill('TW9');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Early help');
    await dialog.getByRole('button', { name: 'Add workstream' }).click();
    await expect.poll(() => dialog.getByRole('table', { name: 'Workstreams' }).textContent()).toMatch(/TW9Early help/);
    await dialog.getByRole('button', { name: 'Edit TW9 Early help' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Early help and inclusion');
    await dialog.getByRole('button', { name: 'Save workstream' }).click();
    await expect.poll(() => dialog.getByRole('table', { name: 'Workstreams' }).textContent()).toMatch(/TW9Early help and inclusion/);
    // TW1 has projects: its Remove cannot be used.
    expect(await dialog.getByRole('button', { name: 'Remove TW1 Test inclusion in mainstream' }).getAttribute('aria-disabled')).toBe('true');
    await expectAxeClean(page, 'workstreams dialog');
    await shot(page, 'recovery-workstreams');
    await dialog.getByRole('button', { name: 'Remove TW9 Early help and inclusion' }).click();
    await expect.poll(async () => (await call<WorkstreamInfo[]>(s, 'listWorkstreams', {})).some((w) => w.code === 'TW9')).toBe(false);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('adds a project through New project and opens its page', async () => {
    const page = s.page;
    await page.getByRole('button', { name: 'New project…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add project' }).click();
    await expect.poll(() => dialog.getByText('Give the project a code').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Code' }).fill('T7');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Outreach from special schools');
    await choose(page, 'Workstream', 'TW2 Test sufficiency of places');
    await dialog.getByRole('textbox', { name: 'Approved budget' }).fill('£120,000');
    await expectAxeClean(page, 'new project dialog');
    await shot(page, 'recovery-new-project');
    await dialog.getByRole('button', { name: 'Add project' }).click();
    await page.getByRole('heading', { level: 1, name: 'T7 Outreach from special schools' }).waitFor();
    const list = await call<ProjectSummary[]>(s, 'listProjects', {});
    expect(list.find((p) => p.code === 'T7')?.approvedBudgetPence).toBe(12_000_000);
  });

  it('links an agreement, names the overseeing board, counts the project in a scenario, and shows its history', async () => {
    const page = s.page;
    const t2 = (await call<ProjectSummary[]>(s, 'listProjects', {})).find((p) => p.code === 'T2')!;
    await page.evaluate((id) => {
      window.location.hash = `#/register/${id}`;
    }, t2.id);
    await page.getByRole('heading', { level: 1, name: /^T2 / }).waitFor();
    // An agreement of the demo's, linked from the page, and a link to its own page.
    const agreement = (await call<AgreementsOverview>(s, 'getAgreementsOverview', {})).agreements[0]!;
    const agreements = page.getByRole('region', { name: 'Agreements that deliver it' });
    await agreements.getByRole('combobox', { name: 'Link an agreement' }).click();
    await page.getByRole('option', { name: `${agreement.reference} ${agreement.counterparty}`, exact: true }).click();
    await agreements.getByRole('button', { name: 'Link', exact: true }).click();
    await expect.poll(() => agreements.getByRole('link', { name: agreement.reference }).getAttribute('href')).toBe(`#/agreements/${agreement.id}`);
    expect((await call<ProjectDetail>(s, 'getProject', { id: t2.id })).agreements.map((a) => a.id)).toEqual([agreement.id]);
    // The board, chosen from the workspace's bodies.
    const board = (await call<BodyInfo[]>(s, 'listBodies', {}))[0]!;
    await page.getByRole('button', { name: 'Edit details…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit T2 / });
    await dialog.waitFor();
    await choose(page, 'Overseeing board', board.name);
    await dialog.getByRole('button', { name: 'Save project' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('region', { name: 'About the project' }).textContent()).toContain(board.name);
    expect((await call<ProjectDetail>(s, 'getProject', { id: t2.id })).boardBodyId).toBe(board.id);
    // Counted in the test plan's mitigated scenario from here.
    const scenarios = page.getByRole('region', { name: 'Scenarios it counts in' });
    await scenarios.getByRole('combobox', { name: 'Count it in a mitigated scenario' }).click();
    await page.getByRole('option', { name: /\(Register test plan\)$/ }).click();
    await scenarios.getByRole('button', { name: 'Count it in' }).click();
    await expect.poll(() => scenarios.getByRole('list', { name: 'Scenarios it counts in' }).textContent()).toMatch(/Register test plan/);
    expect((await call<ProjectDetail>(s, 'getProject', { id: t2.id })).scenarios.map((x) => x.planName)).toEqual(['Register test plan']);
    await expectAxeClean(page, 'project with links');
    // Its history: the board chosen and the agreement linked, newest first.
    await page.getByRole('button', { name: 'History' }).click();
    const drawer = page.getByRole('region', { name: /^History of T2 / });
    await expect.poll(() => drawer.textContent()).toContain(board.name);
    await expect.poll(() => drawer.textContent()).toMatch(/Overseeing board/);
    await shot(page, 'recovery-project-history');
    await page.getByRole('button', { name: 'Close history' }).click();
  });

  it('exports the KPIs workbook for one workstream and the projects workbook for a year, and opens the import wizard', async () => {
    const page = s.page;
    await nav(page, 'Recovery register');
    await choose(page, 'Workstream', 'TW1 Test inclusion in mainstream');
    await page.getByRole('button', { name: 'Workbooks' }).click();
    await page.getByRole('menuitem', { name: 'Export the KPIs workbook…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the KPIs workbook' });
    await dialog.waitFor();
    // The register's filter is the workbook's first choice.
    expect(await dialog.getByRole('combobox', { name: 'Projects of' }).textContent()).toBe('TW1 Test inclusion in mainstream');
    await expectAxeClean(page, 'export dialog');
    await shot(page, 'recovery-export-kpis');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const file = join(s.dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const text: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => text.push(String(c.value)))));
    expect(text).toContain('EHC plans maintained');
    expect(text.join(' ')).not.toMatch(/Bulk project/);
    // The projects workbook asks for the year of its cost and savings columns: the plan's first, at first.
    await page.getByRole('button', { name: 'Workbooks' }).click();
    await page.getByRole('menuitem', { name: 'Export the Projects workbook…' }).click();
    const projects = page.getByRole('dialog', { name: 'Export the Projects workbook' });
    await projects.waitFor();
    await choose(page, 'Year of the cost and savings columns', '2027-28');
    const [second] = await Promise.all([page.waitForEvent('download'), projects.getByRole('button', { name: 'Export' }).click()]);
    expect(second.suggestedFilename()).toMatch(/\.xlsx$/);
    const file2 = join(s.dir, `p-${second.suggestedFilename()}`);
    await second.saveAs(file2);
    const wb2 = new ExcelJS.Workbook();
    const bytes2 = readFileSync(file2);
    await wb2.xlsx.load(bytes2.buffer.slice(bytes2.byteOffset, bytes2.byteOffset + bytes2.byteLength) as ArrayBuffer);
    const cells: unknown[] = [];
    wb2.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
    expect(cells).toContain('T1');
    expect(cells).toContain('EHC needs assessment panel redesign');
    await page.getByRole('button', { name: 'Workbooks' }).click();
    await page.getByRole('menuitem', { name: /Import a returned workbook/ }).click();
    await page.getByRole('dialog').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});

/** Boxes that scroll sideways (or the page itself), outside the grid, which scrolls its own columns. */
const sideways = (page: Page) => sidewaysScrollers(page, '.screen *', '.ag-root-wrapper, .visually-hidden');

for (const scale of [1.5, 2]) {
  describe(`the register and a project's page at ${scale * 100}%`, () => {
    let z: Session;
    const name = (what: string) => `recovery-${what}-${scale * 100}`;
    beforeAll(async () => {
      z = await openDemoSession({ prepare: seed, screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale } });
    }, 180_000);
    afterAll(async () => {
      await z?.close();
    });

    it('the register', async () => {
      await nav(z.page, 'Recovery register');
      await z.page.locator('.register-grid .ag-row[row-id]').first().waitFor();
      // Away from the navigation, whose tooltip would cover the screen in the picture.
      await z.page.mouse.move(z.page.viewportSize()!.width - 40, z.page.viewportSize()!.height - 40);
      await z.page.waitForTimeout(250);
      await shot(z.page, name('register'));
      expect(await sideways(z.page)).toEqual([]);
      await expectAxeClean(z.page, `register at ${scale * 100}%`);
    });

    it("a project's page", async () => {
      const list = await call<ProjectSummary[]>(z, 'listProjects', {});
      const id = list.find((p) => p.code === 'T1')!.id;
      await z.page.evaluate((pid) => {
        window.location.hash = `#/register/${pid}`;
      }, id);
      await z.page.getByRole('heading', { level: 1, name: /^T1 / }).waitFor();
      await z.page.waitForTimeout(250);
      await shot(z.page, name('project'));
      for (const region of ['RAG', 'Savings and costs by year', 'KPIs', 'Milestones']) {
        await z.page.getByRole('region', { name: region, exact: true }).scrollIntoViewIfNeeded();
        await shot(z.page, name(`project-${region.split(' ')[0]!.toLowerCase()}`));
      }
      expect(await sideways(z.page)).toEqual([]);
      expect(await z.page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
      await expectAxeClean(z.page, `project page at ${scale * 100}%`);
      // A year being added: its fields still fit beside each other.
      const years = z.page.getByRole('region', { name: 'Savings and costs by year' });
      await years.getByRole('button', { name: 'Add a year' }).click();
      await years.getByRole('textbox', { name: 'Year', exact: true }).fill('2029-30');
      await years.scrollIntoViewIfNeeded();
      await shot(z.page, name('project-add-year'));
      expect(await sideways(z.page)).toEqual([]);
      await expectAxeClean(z.page, `adding a year at ${scale * 100}%`);
      await years.getByRole('button', { name: 'Cancel' }).click();
    });

    it('logs no console errors', () => {
      expect(z.problems).toEqual([]);
    });
  });
}
