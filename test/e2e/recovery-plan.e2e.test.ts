/**
 * The deficit plan screens on the demo authority: the chart of the unmitigated cumulative deficit
 * against the mitigated, drawn with both lines and given as a table too; a project attached from
 * the plan moves the mitigated line by exactly its figures; the compare screen's signed, coloured
 * differences; growth past ±25% asked about before it is saved; a copy made and submitted, after
 * which its assumptions are read-only on screen and refused by the server; a walk through by
 * keyboard alone; axe clean; and screenshots at 1366×768, 150% and 200%.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type MoneyFormat, moneyFormat } from '../../electron/shared/money';
import type { DomainServer } from '../../electron/server/server';
import type { WorkspaceSettings } from '../../features/settings/types';
import type { PlanAssumptions, PlanInfo, PlanResult, ProjectSummary, ScenarioCompare, ScenarioInfo, WorkstreamInfo } from '../../features/recovery/types';
import { openDemoSession, type Session } from './harness';
import { call, cell, expectAxeClean, focusedDescription, ISO_DATE, lookZoomed, nav, sharedSession, shot } from './ui';

const PLAN = 'E2E management plan';

async function serverCall<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/**
 * A plan to look at, whatever the demo brings: the demo's own if it has one, else one made here
 * from the latest year; and register projects (made here if the demo has none), one of them
 * attached to the mitigated scenario and one left to attach from the screen.
 */
async function preparePlan(server: DomainServer): Promise<void> {
  let plans = await serverCall<PlanInfo[]>(server, 'listPlans', {});
  if (plans.length === 0) {
    const years = await serverCall<Array<{ id: string }>>(server, 'listYears', {});
    await serverCall(server, 'createPlan', { name: PLAN, baseYear: years.at(-1)!.id, horizonYears: 7 });
    plans = await serverCall<PlanInfo[]>(server, 'listPlans', {});
  }
  const plan = plans[0]!;
  const mitigated = plan.scenarios.find((s) => s.kind === 'mitigated')!;
  const projects = await serverCall<ProjectSummary[]>(server, 'listProjects', {});
  if (projects.length > 0) return;
  const ws = await serverCall<WorkstreamInfo[]>(server, 'saveWorkstream', { code: 'E2E', name: 'Inclusion in mainstream' });
  const workstreamId = ws.find((w) => w.code === 'E2E')!.id;
  const make = async (code: string, name: string, fundingSource: string, years: Array<[number, number, number]>) => {
    const p = await serverCall<{ id: number }>(server, 'saveProject', { code, name, workstreamId, fundingSource });
    for (const [i, cost, saving] of years) {
      await serverCall(server, 'saveProjectYear', {
        projectId: p.id,
        year: plan.years[i]!,
        costPence: cost,
        targetSavingPence: saving,
        deliveredSavingPence: null,
      });
    }
    return p.id;
  };
  // Invest to save: the High Needs Block pays for it a year before it saves.
  const first = await make('E2E1', 'Inclusion partnership co-ordinator', 'hnb', [
    [0, 20_000_000, 0],
    [1, 10_000_000, 250_000_000],
    [2, 10_000_000, 400_000_000],
    [3, 0, 500_000_000],
    [4, 0, 550_000_000],
    [5, 0, 600_000_000],
    [6, 0, 650_000_000],
  ]);
  await make('E2E2', 'Panel redesign', 'transformation_reserve', [
    [1, 0, 50_000_000],
    [2, 0, 50_000_000],
  ]);
  await serverCall(server, 'attachProject', { scenarioId: mitigated.id, projectId: first });
}

const s = sharedSession('recovery-plan', () => openDemoSession({ prepare: preparePlan }));

const plans = () => call<PlanInfo[]>(s, 'listPlans', {});
const result = (scenarioId: number) => call<PlanResult>(s, 'getPlanResult', { scenarioId });
const assumptions = (scenarioId: number) => call<PlanAssumptions>(s, 'getAssumptions', { scenarioId });
async function theMoney(): Promise<MoneyFormat> {
  return moneyFormat((await call<WorkspaceSettings>(s, 'getSettings', {})).negativeStyle);
}
/** The scenarios the screens open on: the mitigated one being worked on (not a submitted one), and its parent. */
async function mainScenarios(session: Session = s): Promise<{ plan: PlanInfo; unmitigated: ScenarioInfo; mitigated: ScenarioInfo }> {
  const plan = (await call<PlanInfo[]>(session, 'listPlans', {}))[0]!;
  const mitigated = plan.scenarios.find((x) => x.kind === 'mitigated' && !x.locked) ?? plan.scenarios.find((x) => x.kind === 'mitigated')!;
  const unmitigated = plan.scenarios.find((x) => x.id === mitigated.parentId)!;
  return { plan, unmitigated, mitigated };
}

/** Opens the plan screen on a scenario and tab, through the address as a link from elsewhere would. */
async function openPlan(page: Page, scenarioId: number, tab?: string): Promise<void> {
  await page.evaluate(
    ([id, t]) => {
      window.location.hash = `#/plan?scenario=${id}${t ? `&tab=${t}` : ''}`;
    },
    [scenarioId, tab ?? ''] as const,
  );
  await page.getByRole('heading', { level: 1, name: 'Deficit plan' }).waitFor();
}

/** A scenario as its dropdown shows it: its name, its kind when the name does not say it, and whether it is locked. */
const optionText = (x: ScenarioInfo) => `${x.name}${x.name.toLowerCase().includes(x.kind) ? '' : ` (${x.kind})`}${x.locked ? ', locked' : ''}`;

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Presses Tab until `match` describes the focused element; fails after `most` presses. */
async function tabTo(page: Page, match: RegExp, most = 40, key = 'Tab'): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (match.test(await focusedDescription(page))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${match}: focus is on ${await focusedDescription(page)}`);
}

describe('the plan and its chart', () => {
  it('draws the unmitigated and mitigated cumulative lines, gives the same figures as a table, and heads them with the KPIs', async () => {
    const page = s.page;
    const { unmitigated, mitigated } = await mainScenarios();
    const money = await theMoney();
    await nav(page, 'Deficit plan');
    await page.getByRole('heading', { level: 1, name: 'Deficit plan' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toContain(mitigated.name);
    const chart = page.locator('figure.plan-chart');
    await expect.poll(() => chart.locator('.recharts-line-curve').count()).toBe(2);
    await expect.poll(() => chart.locator('.recharts-legend-wrapper').textContent()).toContain(unmitigated.name);
    expect(await chart.locator('.recharts-legend-wrapper').textContent()).toContain(mitigated.name);
    // The two lines are drawn apart: the mitigated one rests on different figures.
    const [u, m] = [await result(unmitigated.id), await result(mitigated.id)];
    expect(u.years.at(-1)!.cumulativePence).not.toBe(m.years.at(-1)!.cumulativePence);
    const paths = await chart.locator('.recharts-line-curve').evaluateAll((els) => els.map((e) => e.getAttribute('d')));
    expect(paths[0]).not.toBe(paths[1]);

    // Pointing at a year shows both figures for it.
    const box = (await chart.locator('.recharts-cartesian-grid').boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    const tip = chart.locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tip.textContent()).toContain(money.format(m.years.at(-1)!.cumulativePence));
    expect(await tip.textContent()).toContain(money.format(u.years.at(-1)!.cumulativePence));
    await page.mouse.move(5, 5);

    // The figures under the chart: one row a year from the base, both scenarios, to the pound.
    await chart.getByText('The chart’s figures as a table').click();
    const table = chart.getByRole('table');
    await expect.poll(() => table.getByRole('row').count()).toBe(u.years.length + 2);
    const last = table.getByRole('row').last();
    await expect.poll(() => last.textContent()).toContain(money.format(u.years.at(-1)!.cumulativePence));
    expect(await last.textContent()).toContain(money.format(m.years.at(-1)!.cumulativePence));

    // The headline figures and the year-by-year table agree with the server.
    const kpi = (label: string) => page.getByRole('group', { name: label, exact: true }).locator('.kpi-value');
    expect(await kpi('Opening cumulative').textContent()).toBe(money.format(m.openingCumulativePence));
    expect(await kpi('Cumulative at the end').textContent()).toBe(money.format(m.years.at(-1)!.cumulativePence));
    expect(await kpi('First year in in-year surplus').textContent()).toBe(m.firstInYearSurplus ?? 'None in the plan');
    const years = page.getByRole('table', { name: `${mitigated.name} year by year` });
    for (const y of m.years) {
      const row = years.getByRole('row', { name: new RegExp(`^${y.year}`) });
      await expect.poll(() => row.textContent(), { message: y.year }).toContain(money.format(y.cumulativePence));
      expect(await row.textContent()).toContain(money.format(y.inYearPence));
    }
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'the plan, year by year');
    await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'recovery-plan');
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'recovery-plan-chart');
  });

  it('exports the plan in the DfE layout: the summary with both scenarios to the pound, and the savings log', async () => {
    const page = s.page;
    const { unmitigated, mitigated } = await mainScenarios();
    await openPlan(page, mitigated.id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export plan workbook' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/^Saved .*\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('Summary');
    expect(names).toContain('Savings log');
    // Each scenario's final cumulative position is on the summary, in pounds.
    const numbers = new Set<number>();
    wb.getWorksheet('Summary')!.eachRow((row) => {
      row.eachCell((c) => {
        const v = c.value;
        const n = typeof v === 'number' ? v : v && typeof v === 'object' && 'result' in v && typeof v.result === 'number' ? v.result : null;
        if (n !== null) numbers.add(Math.round(n * 100));
      });
    });
    for (const id of [unmitigated.id, mitigated.id]) {
      const last = (await result(id)).years.at(-1)!.cumulativePence;
      expect(numbers.has(last), `${id}: ${last}`).toBe(true);
    }
  });

  it('attaching a project from the plan moves the mitigated scenario by exactly its figures', async () => {
    const page = s.page;
    const { mitigated } = await mainScenarios();
    const before = await result(mitigated.id);
    const projects = await call<ProjectSummary[]>(s, 'listProjects', {});
    // A project with figures only inside the plan's years, not yet counted anywhere.
    const plan = (await plans())[0]!;
    const candidates = [];
    for (const p of projects.filter((x) => !mitigated.projectIds.includes(x.id) && x.scenarioNames.length === 0)) {
      const d = await call<{ years: Array<{ year: string; costPence: number; targetSavingPence: number }> }>(s, 'getProject', { id: p.id });
      if (d.years.length > 0 && d.years.every((y) => plan.years.includes(y.year))) candidates.push({ p, d });
    }
    let chosen = candidates[0];
    if (!chosen) {
      // Every project the demo has is counted somewhere already: one of our own, inside the plan's years.
      const ws = await call<WorkstreamInfo[]>(s, 'listWorkstreams', {});
      const p = await call<ProjectSummary>(s, 'saveProject', { code: 'E2E9', name: 'Early help outreach', workstreamId: ws[0]!.id, fundingSource: 'hnb' });
      await call(s, 'saveProjectYear', {
        projectId: p.id,
        year: plan.years[1]!,
        costPence: 5_000_000,
        targetSavingPence: 30_000_000,
        deliveredSavingPence: null,
      });
      const d = await call<{ years: Array<{ year: string; costPence: number; targetSavingPence: number }> }>(s, 'getProject', { id: p.id });
      chosen = { p, d };
    }
    await openPlan(page, mitigated.id, 'projects');
    const button = page.getByRole('button', { name: `Attach ${chosen.p.code} ${chosen.p.name}` });
    await button.click();
    await expect.poll(async () => (await mainScenarios()).mitigated.projectIds).toContain(chosen.p.id);
    await expect.poll(() => page.getByRole('button', { name: `Detach ${chosen.p.code} ${chosen.p.name}` }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('tab', { name: /^Projects/ }).textContent()).toBe(`Projects (${mitigated.projectIds.length + 1})`);
    const after = await result(mitigated.id);
    const hnb = chosen.p.fundingSource === 'hnb';
    for (const y of after.years) {
      const was = before.years.find((b) => b.year === y.year)!;
      const py = chosen.d.years.find((x) => x.year === y.year);
      const change = (py ? (hnb ? py.costPence : 0) : 0) - (py?.targetSavingPence ?? 0);
      expect(y.expenditurePence - was.expenditurePence, y.year).toBe(change);
      expect(y.fundingPence, y.year).toBe(was.fundingPence);
    }
    await expectAxeClean(page, 'projects tab');
    await shot(page, 'recovery-plan-projects');
  });
});

describe('compare', () => {
  it('shows each year’s differences signed and coloured, and a chart of both cumulative lines', async () => {
    const page = s.page;
    const { unmitigated, mitigated } = await mainScenarios();
    const money = await theMoney();
    await nav(page, 'Compare scenarios');
    await page.getByRole('heading', { level: 1, name: 'Compare scenarios' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'First scenario' }).textContent()).toContain(unmitigated.name);
    await expect.poll(() => page.getByRole('combobox', { name: 'Second scenario' }).textContent()).toContain(mitigated.name);
    const compare = await call<ScenarioCompare>(s, 'compareScenarios', { a: unmitigated.id, b: mitigated.id });
    const table = page.getByRole('table', { name: /^Differences by year/ });
    await expect.poll(() => table.getByRole('row').count()).toBe(compare.years.length + 1);
    const moved = compare.years.filter((y) => y.cumulativeDiffPence !== 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const y of compare.years) {
      const c = table
        .getByRole('row', { name: new RegExp(`^${y.year}`) })
        .getByRole('cell')
        .last();
      const v = y.cumulativeDiffPence;
      const shown = v > 0 ? `+${money.format(v)}` : money.format(v);
      await expect.poll(() => c.textContent(), { message: y.year }).toBe(v === 0 ? shown : `${shown}, ${v > 0 ? 'better' : 'worse'}`);
      const cls = (await c.getAttribute('class')) ?? '';
      expect(cls.includes('diff-better'), y.year).toBe(v > 0);
      expect(cls.includes('diff-worse'), y.year).toBe(v < 0);
    }
    // Spending: more is worse, so a saving shows green with a minus.
    const cheaper = compare.years.find((y) => y.expenditureDiffPence < 0);
    if (cheaper) {
      const c = table
        .getByRole('row', { name: new RegExp(`^${cheaper.year}`) })
        .getByRole('cell')
        .nth(2);
      expect(await c.getAttribute('class')).toContain('diff-better');
      expect(await c.textContent()).toMatch(/^(-£|\(£)/);
    }
    await expect.poll(() => page.locator('figure.plan-chart .recharts-line-curve').count()).toBe(2);
    await expectAxeClean(page, 'compare');
    await shot(page, 'recovery-plan-compare');

    // Swapped, every difference turns round.
    await page.getByRole('button', { name: 'Swap the two scenarios' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'First scenario' }).textContent()).toContain(mitigated.name);
    const y0 = moved[0]!;
    const c0 = table
      .getByRole('row', { name: new RegExp(`^${y0.year}`) })
      .getByRole('cell')
      .last();
    const back = -y0.cumulativeDiffPence;
    await expect.poll(() => c0.textContent()).toContain(back > 0 ? `+${money.format(back)}` : money.format(back));
  });
});

describe('assumptions', () => {
  it('growth past ±25% asks "Save anyway?": not saved when declined, saved when confirmed; 3.5% and 3.5 both read as 3.5%', async () => {
    const page = s.page;
    const { unmitigated } = await mainScenarios();
    await openPlan(page, unmitigated.id, 'assumptions');
    const before = await assumptions(unmitigated.id);
    const [y1, y2] = [before.funding[0]!, before.funding[1]!];
    const growth = (year: string) => cell(page, `y${year}`, 'growthBp');

    await growth(y1.year).click();
    await page.keyboard.type('3.5%');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await assumptions(unmitigated.id)).funding[0]!.growthBp).toBe(350);
    await expect.poll(() => growth(y1.year).textContent()).toBe('3.5%');

    await growth(y2.year).click();
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: 'Save anyway?' });
    await ask.waitFor();
    expect(await ask.textContent()).toMatch(/40%/);
    await expectAxeClean(page, 'save anyway');
    await shot(page, 'recovery-plan-extreme-growth');
    await ask.getByRole('button', { name: 'Do not save' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => growth(y2.year).textContent()).toBe(`${y2.growthBp / 100}%`);
    expect((await assumptions(unmitigated.id)).funding[1]!.growthBp).toBe(y2.growthBp);

    await growth(y2.year).click();
    await page.keyboard.type('40');
    await page.keyboard.press('Enter');
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Save anyway' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(async () => (await assumptions(unmitigated.id)).funding[1]!.growthBp).toBe(4000);
    await expect.poll(() => growth(y2.year).textContent()).toBe('40%');

    // Back as it was, for the tests after.
    await growth(y2.year).click();
    await page.keyboard.type(String(y2.growthBp / 100));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await assumptions(unmitigated.id)).funding[1]!.growthBp).toBe(y2.growthBp);
  });

  it('children or places typed on a line grown by a percentage make it worked out from them, with its average cost', async () => {
    const page = s.page;
    const { unmitigated } = await mainScenarios();
    await openPlan(page, unmitigated.id, 'assumptions');
    const line = (await assumptions(unmitigated.id)).lines.find((l) => l.method === 'percent' && l.basePence > 0);
    if (!line) throw new Error('no line grown by a percentage');
    const money = await theMoney();
    await cell(page, `l${line.id}`, 'baseCount').click();
    await page.keyboard.type('224');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await assumptions(unmitigated.id)).lines.find((l) => l.id === line.id)!.method).toBe('activity');
    const saved = (await assumptions(unmitigated.id)).lines.find((l) => l.id === line.id)!;
    expect(saved.baseCount).toBe(224);
    await expect.poll(() => cell(page, `l${line.id}`, 'unitCostPence').textContent()).toBe(money.format(saved.unitCostPence!));
    await expect.poll(() => cell(page, `l${line.id}`, 'method').textContent()).toBe('Children × cost');
    await expectAxeClean(page, 'assumptions');
    await page.getByRole('heading', { name: 'Expenditure lines' }).scrollIntoViewIfNeeded();
    await shot(page, 'recovery-plan-assumptions');
  });

  it('a mitigated scenario shows its parent’s assumptions read-only, and says so', async () => {
    const page = s.page;
    const { mitigated, unmitigated } = await mainScenarios();
    await openPlan(page, mitigated.id, 'assumptions');
    await expect.poll(() => page.getByText("The assumptions are the parent's").isVisible()).toBe(true);
    const before = await assumptions(unmitigated.id);
    const target = cell(page, `y${before.funding[0]!.year}`, 'growthBp');
    await target.click();
    await page.keyboard.type('9');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/its assumptions are its parent's/);
    expect(await assumptions(unmitigated.id)).toEqual(before);
    await page.getByRole('button', { name: `Open ${unmitigated.name}` }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toContain(unmitigated.name);
  });
});

describe('by keyboard alone', () => {
  it('chooses a scenario, moves between the tabs, edits a cell, steps past the chart, and copies the scenario', async () => {
    const page = s.page;
    const { unmitigated, mitigated } = await mainScenarios();
    await nav(page, 'Monitoring');
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Deficit plan', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Deficit plan' }).waitFor();

    // The scenario, from its dropdown.
    await tabTo(page, new RegExp(`"${literal(optionText(mitigated))}"`));
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    // The unmitigated scenario is listed just above the mitigated one resting on it.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toBe(optionText(unmitigated));

    // Past the chart: Recharts takes focus (its arrows step through the years) and Tab goes on.
    await tabTo(page, /svg|application/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedDescription(page)).toMatch(/summary/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('details.chart-table').getAttribute('open')).not.toBeNull();

    // The tabs: arrows move between them; the assumptions open.
    await tabTo(page, /"Year by year"/, 40, 'Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Funding by year' }).waitFor();

    // Into the funding grid, a value typed, and out of the grid again with Tab.
    const year = (await assumptions(unmitigated.id)).funding[2]!;
    await tabTo(page, /col=/);
    await tabTo(page, new RegExp(`row=y${year.year} `), 8, 'ArrowDown');
    await tabTo(page, /col=growthBp/, 8, 'ArrowRight');
    await page.keyboard.type('2.25');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await assumptions(unmitigated.id)).funding[2]!.growthBp).toBe(225);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.plan-funding-grid')), { message: await focusedDescription(page) })
      .toBe(false);

    // Copy the scenario from the command bar.
    await tabTo(page, /"Copy…"/, 60, 'Shift+Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Copy ${unmitigated.name}` });
    await dialog.waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Submitted to forum');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toContain('Submitted to forum');
    const copy = (await plans())[0]!.scenarios.find((x) => x.name === 'Submitted to forum')!;
    expect(copy.kind).toBe('unmitigated');
    expect((await assumptions(copy.id)).funding).toEqual((await assumptions(unmitigated.id)).funding);
  });
});

describe('a new plan and its base', () => {
  it('is started from a year the workspace holds; when that year’s forecast moves, the screen says so and refreshes the base', async () => {
    const page = s.page;
    const years = await call<Array<{ id: string; status: string; latestPeriod: number | null }>>(s, 'listYears', {});
    const base = years.filter((y) => y.status === 'open').at(-1)!;
    await nav(page, 'Deficit plan');
    await page.getByRole('button', { name: 'New plan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await dialog.waitFor();
    // Sent empty: the form says what is missing.
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await expect.poll(() => dialog.getByText(/Give the plan a name/).isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Five-year look');
    await dialog.getByRole('combobox', { name: 'Base year' }).click();
    await page.getByRole('option', { name: base.id, exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Years after the base' }).click();
    await page.getByRole('option', { name: '5 years', exact: true }).click();
    await expectAxeClean(page, 'new plan dialog');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Plan' }).textContent()).toBe('Five-year look');
    const made = (await plans()).find((p) => p.name === 'Five-year look')!;
    expect(made.baseYear).toBe(base.id);
    expect(made.years.length).toBe(5);
    const u = made.scenarios.find((x) => x.kind === 'unmitigated')!;

    // The base year's forecast for a line moves after the plan read it.
    const before = await assumptions(u.id);
    const line = before.lines.find((l) => l.sourceLineId !== null)!;
    const period = base.latestPeriod ?? 1;
    await call(s, 'setForecasts', { year: base.id, period, changes: [{ lineId: line.sourceLineId, forecastPence: line.basePence + 12_345_600 }] });
    await openPlan(page, u.id, 'assumptions');
    const drift = page.locator('.plan-notice').filter({ hasText: 'The base year has moved' });
    await expect.poll(() => drift.textContent()).toMatch(/1 line changed/);
    await shot(page, 'recovery-plan-base-moved');
    await drift.getByRole('button', { name: 'Refresh the base' }).click();
    await drift.waitFor({ state: 'detached' });
    const after = await assumptions(u.id);
    expect(after.baseDrift).toBeNull();
    expect(after.lines.find((l) => l.id === line.id)!.basePence).toBe(line.basePence + 12_345_600);
  });
});

describe('copy, re-base and delete', () => {
  it('a mitigated copy re-based on delivered savings takes off what was delivered; deleting it leaves the rest as it was', async () => {
    const page = s.page;
    const { mitigated } = await mainScenarios();
    await openPlan(page, mitigated.id);
    await page.getByRole('button', { name: 'Copy or re-base…' }).click();
    const dialog = page.getByRole('dialog', { name: `Copy ${mitigated.name}` });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Delivered so far');
    await dialog.getByRole('checkbox', { name: /^Re-base on delivered savings/ }).check();
    await expectAxeClean(page, 'copy dialog');
    await dialog.getByRole('button', { name: 'Copy scenario' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toBe('Delivered so far (mitigated)');
    const copy = (await plans())[0]!.scenarios.find((x) => x.name === 'Delivered so far')!;
    expect(copy.savingsBasis).toBe('delivered');
    expect([...copy.projectIds].sort()).toEqual([...mitigated.projectIds].sort());
    const [was, now] = [await result(mitigated.id), await result(copy.id)];
    for (const y of now.years) {
      const delivered = now.projects.reduce((sum, p) => sum + (p.years.find((x) => x.year === y.year)?.deliveredPence ?? 0), 0);
      expect(y.savingsPence, y.year).toBe(delivered);
      expect(y.linesPence, y.year).toBe(was.years.find((x) => x.year === y.year)!.linesPence);
    }
    await expect.poll(() => page.locator('.plan-status').textContent()).toMatch(/delivered savings/);

    // A new name and a note.
    await page.getByRole('button', { name: 'Rename…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename Delivered so far' });
    await rename.waitFor();
    await rename.getByRole('textbox', { name: 'Name' }).fill('Delivered to Q2');
    await rename.getByRole('textbox', { name: 'Note' }).fill('Delivered savings as reported at the Q2 board.');
    await rename.getByRole('button', { name: 'Save' }).click();
    await rename.waitFor({ state: 'detached' });
    const renamed = (await plans())[0]!.scenarios.find((x) => x.id === copy.id)!;
    expect([renamed.name, renamed.note]).toEqual(['Delivered to Q2', 'Delivered savings as reported at the Q2 board.']);
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toBe('Delivered to Q2 (mitigated)');

    const before = await plans();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const ask = page.getByRole('dialog', { name: 'Delete Delivered to Q2?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Delete scenario' }).click();
    await ask.waitFor({ state: 'detached' });
    const after = await plans();
    expect(after[0]!.scenarios.map((x) => x.id)).toEqual(before[0]!.scenarios.map((x) => x.id).filter((id) => id !== copy.id));
    await expect.poll(() => page.getByRole('combobox', { name: 'Scenario' }).textContent()).toBe(optionText((await mainScenarios()).unmitigated));
  });
});

describe('submit and lock', () => {
  it('locks the copy with a date and a note; its assumptions are then read-only on screen, and the server refuses an edit', async () => {
    const page = s.page;
    const copy = (await plans())[0]!.scenarios.find((x) => x.name === 'Submitted to forum');
    if (!copy) throw new Error('the keyboard test made no copy');
    await openPlan(page, copy.id);
    await page.getByRole('button', { name: 'Submit and lock…' }).click();
    const dialog = page.getByRole('dialog', { name: `Submit and lock ${copy.name}` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/never change/);
    await dialog.getByRole('textbox', { name: 'Date submitted' }).fill('12/03/2027');
    await dialog.getByRole('button', { name: 'Submit and lock' }).click();
    await expect.poll(() => dialog.getByText(/Say where it went/).isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Schools Forum 12 March');
    await expectAxeClean(page, 'submit dialog');
    await shot(page, 'recovery-plan-submit');
    await dialog.getByRole('button', { name: 'Submit and lock' }).click();
    await dialog.waitFor({ state: 'detached' });
    const locked = (await plans())[0]!.scenarios.find((x) => x.id === copy.id)!;
    expect(locked.locked).toBe(true);
    expect(locked.submittedOn).toBe('2027-03-12');
    await expect.poll(() => page.locator('.plan-status').textContent()).toMatch(/Submitted on 12 March 2027: Schools Forum 12 March/);

    await page.getByRole('tab', { name: 'Assumptions' }).click();
    await expect.poll(() => page.getByText('Read-only: submitted and locked').isVisible()).toBe(true);
    const before = await assumptions(copy.id);
    const target = cell(page, `y${before.funding[0]!.year}`, 'growthBp');
    await target.click();
    await page.keyboard.type('5');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/is locked: a locked scenario never changes/);
    await page.keyboard.press('Escape');
    expect(await assumptions(copy.id)).toEqual(before);
    // The server refuses the edit itself, whoever sends it.
    const refused = await s.server.call('saveFundingYear', { scenarioId: copy.id, year: before.funding[0]!.year, growthBp: 500 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('LOCKED');
    expect(await assumptions(copy.id)).toEqual(before);
    // Rename and submit are for unlocked scenarios; a copy is not.
    expect(await page.getByRole('button', { name: 'Rename…' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('button', { name: 'Submit and lock…' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'a locked scenario');
    await shot(page, 'recovery-plan-locked');
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});

for (const scale of [1.5, 2]) {
  describe(`zoomed to ${scale * 100}%`, () => {
    const z = sharedSession(`recovery-plan-${scale * 100}`, () =>
      openDemoSession({ prepare: preparePlan, screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale } }),
    );
    const look = (session: Session, what: string) => lookZoomed(session.page, what, scale, `recovery-plan-${what}-${scale * 100}`);

    it('the plan, its assumptions and the compare screen read without sideways scrolling, axe clean', async () => {
      const page = z.page;
      const { mitigated, unmitigated } = await mainScenarios(z);
      await nav(page, 'Deficit plan');
      await page.locator('figure.plan-chart .recharts-line-curve').first().waitFor();
      await look(z, 'years');
      await page.locator('figure.plan-chart').scrollIntoViewIfNeeded();
      await shot(page, `recovery-plan-years-chart-${scale * 100}`);
      await page.getByRole('table', { name: `${mitigated.name} year by year` }).scrollIntoViewIfNeeded();
      await shot(page, `recovery-plan-years-table-${scale * 100}`);
      await openPlan(page, unmitigated.id, 'assumptions');
      await page.getByRole('heading', { name: 'Funding by year' }).waitFor();
      await look(z, 'assumptions');
      await page.getByRole('heading', { name: 'Expenditure lines' }).scrollIntoViewIfNeeded();
      await shot(page, `recovery-plan-assumptions-lines-${scale * 100}`);
      await openPlan(page, mitigated.id, 'projects');
      await page.getByRole('heading', { name: /^Projects counted in/ }).waitFor();
      await look(z, 'projects');
      await nav(page, 'Compare scenarios');
      await page.getByRole('table', { name: /^Differences by year/ }).waitFor();
      await look(z, 'compare');
      await page.getByRole('table', { name: /^Differences by year/ }).scrollIntoViewIfNeeded();
      await shot(page, `recovery-plan-compare-table-${scale * 100}`);
    }, 120_000);

    it('logs no console errors', () => {
      expect(z.problems).toEqual([]);
    });
  });
}
