/**
 * While an action takes time its button is disabled and shows progress; a success notice stays
 * until it is dismissed or the next action starts; and when the data server stops, the page says
 * so in words, keeps trying, and carries on by itself once a server answers again.
 */
import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../electron/shared/money';
import { startWebHost } from '../../electron/server/hosts/web-host';
import type { PositionSummary } from '../../features/position/types';
import { openDemoSession, RENDERER_DIR, type Session } from './harness';
import { call, cell, expectAxeClean, kpi, nav, PERIOD, sharedSession, shot, YEAR } from './ui';

const s = sharedSession('busy-and-offline', () => openDemoSession());
const money = moneyFormat('minus');

/** Holds the server's answers on `channel` until released: a slow export, as on a big workspace. */
function slowDown(channel: string): () => void {
  const server = s.server;
  const original = server.call;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  server.call = async function (this: typeof server, ch: string, input: unknown) {
    if (ch === channel) await held;
    return original.call(this, ch, input);
  };
  return () => {
    release();
    server.call = original;
  };
}

const isBusy = async (button: ReturnType<Session['page']['getByRole']>) => ({
  disabled: (await button.isDisabled()) || (await button.getAttribute('aria-disabled')) === 'true',
  spinner: await button.locator('[role=progressbar]').count(),
});

describe('an action that takes time', () => {
  it('disables its button and shows progress while it runs; its success notice stays until dismissed', async () => {
    const page = s.page;
    await cell(page, 'l1', 'forecastPence').waitFor();
    const release = slowDown('buildMonitoringWorkbook');
    await page.getByRole('button', { name: 'Export to Excel' }).click();
    const busy = page.getByRole('button', { name: 'Exporting…' });
    await busy.waitFor();
    expect(await isBusy(busy)).toEqual({ disabled: true, spinner: 1 });
    await shot(page, 'busy-export');
    await expectAxeClean(page, 'an export running');
    // A second click does nothing while the first runs.
    await busy.click({ force: true });
    const download = page.waitForEvent('download');
    release();
    expect((await download).suggestedFilename()).toBe(`High Needs monitoring ${YEAR} P${PERIOD}.xlsx`);
    const done = page.getByRole('button', { name: 'Export to Excel' });
    await expect.poll(() => isBusy(done)).toEqual({ disabled: false, spinner: 0 });
    const notice = page.getByRole('status').filter({ hasText: `Saved High Needs monitoring ${YEAR} P${PERIOD}.xlsx` });
    await notice.waitFor();
    // Still there after 7 seconds: a notice is not gone before it has been read.
    await page.waitForTimeout(7000);
    expect(await notice.isVisible()).toBe(true);
    await notice.getByRole('button', { name: 'Dismiss this message' }).click();
    await notice.waitFor({ state: 'detached' });
  });

  it('the same for the return sent to budget holders, whose notice goes when the next action starts', async () => {
    const page = s.page;
    const release = slowDown('exportWorkbook');
    const button = page.getByRole('button', { name: 'Export return for budget holders' });
    await button.click();
    await page.getByRole('menuitem', { name: 'All lines' }).click();
    await expect.poll(() => isBusy(button)).toEqual({ disabled: true, spinner: 1 });
    const download = page.waitForEvent('download');
    release();
    await download;
    await expect.poll(() => isBusy(button)).toEqual({ disabled: false, spinner: 0 });
    const notice = page.getByRole('status').filter({ hasText: `Saved Monitoring return ${YEAR} P${PERIOD}.xlsx` });
    await notice.waitFor();
    // The next action (an edit) clears it.
    await cell(page, 'l2', 'actualPence').click();
    await page.keyboard.type('800000');
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          (await call<{ rows: Array<{ lineId: number; actualPence: number | null }> }>(s, 'getMonitoring', { year: YEAR, period: PERIOD })).rows.find(
            (r) => r.lineId === 2,
          )?.actualPence,
      )
      .toBe(80_000_000);
  });

  it('the same for saving the settings', async () => {
    const page = s.page;
    await nav(page, 'Settings');
    await page.getByRole('radio', { name: /^In brackets/ }).check();
    const release = slowDown('saveSettings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const busy = page.getByRole('button', { name: 'Saving…' });
    await busy.waitFor();
    expect(await isBusy(busy)).toEqual({ disabled: true, spinner: 1 });
    release();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Settings saved');
    // Back as it was, for the rest of this file.
    await page.getByRole('radio', { name: /^With a minus sign/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await call<{ negativeStyle: string }>(s, 'getSettings', {})).negativeStyle).toBe('minus');
  });
});

describe('when the data server stops', () => {
  it('says so in words at the next call, and reconnects by itself when a server answers again', async () => {
    const page = s.page;
    await nav(page, 'Monitoring');
    await cell(page, 'l1', 'forecastPence').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const { port, token } = s.host;
    await s.host.close();

    // The next call fails: another period.
    const picker = page.getByRole('main').getByRole('combobox', { name: 'Period' });
    await picker.click();
    await page.getByRole('option', { name: 'P6 (September 2026)' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'data server has stopped answering' });
    await banner.waitFor({ timeout: 10_000 });
    await expect
      .poll(() => banner.textContent())
      .toMatch(/HNB Desk’s data server has stopped answering\..*Start it again with npm run web.*Nothing you saved has been lost.*Trying to reconnect/);
    await shot(page, 'offline-banner');
    await expectAxeClean(page, 'server stopped');

    // A server on the same address, with the same session, comes back: the page finds it by itself.
    s.host = await startWebHost({ server: s.server, staticDir: RENDERER_DIR, port, token });
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    // What failed is read again: P6's figures show.
    const p6 = await call<PositionSummary>(s, 'getSummary', { year: YEAR, period: 6 });
    await expect.poll(() => kpi(page, 'Forecast outturn').textContent(), { timeout: 10_000 }).toBe(money.format(p6.forecastPence));
    await expect.poll(() => page.locator('.screen-sub').first().textContent()).toContain(`${YEAR}, P6 (September 2026)`);
    await expect.poll(() => cell(page, 'l1', 'forecastPence').count()).toBe(1);
    await shot(page, 'offline-reconnected');
  });

  it('logged no script errors but the refused connections of the stopped server', () => {
    expect(s.problems.filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
  });
});
