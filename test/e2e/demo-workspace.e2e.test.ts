/**
 * A new demo workspace from the app's own File menu: from an authority's empty workspace, File >
 * New demo workspace makes a new file in HNB Desk's folder, opens it, marks it as demo data and
 * shows its figures; the authority's own workspace is left as it was.
 */
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../electron/shared/money';
import type { PositionSummary } from '../../features/position/types';
import type { RecentWorkspace } from '../../features/workspaces/types';
import { openSession } from './harness';
import { call, cell, expectAxeClean, kpi, PERIOD, sharedSession, shot, YEAR } from './ui';

let ownPath: string;
const s = sharedSession('demo-workspace', async () => {
  const opened = await openSession(async (server) => {
    await server.openDefault();
    ownPath = server.workspace!.info().path;
  });
  await opened.page.getByRole('heading', { name: 'No years yet' }).waitFor();
  return opened;
});

describe('File > New demo workspace', () => {
  it('opens a new demo workspace, marked DEMO DATA, with its figures on Monitoring', async () => {
    const page = s.page;
    expect(await page.getByText('DEMO DATA', { exact: true }).count()).toBe(0);
    expect(s.server.workspace!.info().isDemo).toBe(false);

    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New demo workspace' }).click();

    await page.getByRole('heading', { level: 1, name: 'High Needs monitoring' }).waitFor();
    await expect.poll(() => page.getByText('DEMO DATA', { exact: true }).isVisible()).toBe(true);
    const opened = s.server.workspace!.info();
    expect(opened.isDemo).toBe(true);
    expect(opened.path).not.toBe(ownPath);
    expect(dirname(opened.path)).toBe(dirname(ownPath));
    await expect.poll(() => page.locator('.workspace-text').textContent()).toBe(opened.name);
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Opened ${opened.name}`);

    // Its figures: the latest open year at its latest return.
    await expect.poll(() => page.locator('.screen-sub').first().textContent()).toContain(`${YEAR}, P7 (October 2026)`);
    const pos = await call<PositionSummary>(s, 'getSummary', { year: YEAR, period: PERIOD });
    await expect.poll(() => kpi(page, 'Forecast outturn').textContent()).toBe(moneyFormat('minus').format(pos.forecastPence));
    await cell(page, 'l1', 'forecastPence').waitFor();
    await shot(page, 'demo-workspace-opened');
    await expectAxeClean(page, 'new demo workspace');

    // The authority's own workspace is still there, as it was, in the recent list.
    const recent = await call<RecentWorkspace[]>(s, 'listRecentWorkspaces', {});
    expect(recent.map((r) => r.path)).toEqual(expect.arrayContaining([ownPath, opened.path]));
  });

  it('logged no script errors', () => {
    expect(s.problems).toEqual([]);
  });
});
