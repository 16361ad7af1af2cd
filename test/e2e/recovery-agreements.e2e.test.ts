/**
 * Agreements and the Safety Valve, as a finance lead uses them, on the demo authority with a
 * server whose clock is fixed at 3 December 2026 (the day the demo's agreements are written for),
 * and three agreements of our own whose alerts fall on known days: the alerts (an end, an extension decision, a key decision with no decision
 * reference, an overdue report) each naming its agreement and date, and the window changed; the
 * grid sorted; the timeline of terms with its text alternative; an end before the start refused
 * with the server's reason and nothing saved; a key-decision override that needs a reason; an
 * extension taken; an instalment recorded as received (a contribution in the year's DSG
 * position) and one in a closed year refused; a quarter's monitoring saved; the quarterly return
 * exported; all by keyboard too, axe clean, and looked at on screen at 100%, 150% and 200%.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainServer } from '../../electron/server/server';
import type { PositionSummary } from '../../features/position/types';
import type { AgreementDetail, AgreementsOverview, SvAgreementInfo, ThresholdInfo } from '../../features/recovery/types';
import { openDemoSession, type Session } from './harness';
import { call, expectAxeClean, focusedDescription, ISO_DATE, sharedSession, shot } from './ui';

const NOW = () => new Date('2026-12-03T12:00:00Z');
const SV_NAME = 'E2E Safety Valve agreement';

async function must<T>(server: DomainServer, channel: string, input: unknown): Promise<T> {
  const r = await server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/**
 * Three agreements whose alerts fall on known days as of 3 December 2026 (window 60 days):
 * CLU ends 31 January 2027 (59 days) with extension 2 still to decide (due 2 November 2026);
 * AIP is over the key-decision threshold with no decision reference; EIP's summer return is
 * overdue. And a Safety Valve agreement with instalments in a closed year and an open one.
 * The key-decision threshold of £500,000 a year from April 2022 is the demo's, added here if not.
 */
async function seed(server: DomainServer): Promise<void> {
  const { thresholds } = await must<AgreementsOverview>(server, 'getAgreementsOverview', {});
  if (!thresholds.some((t) => t.effectiveFrom === '2022-04-01')) {
    await must<ThresholdInfo[]>(server, 'saveThreshold', { effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000, note: 'Constitution 2022' });
  }
  await must(server, 'setAlertDays', { days: 60 });
  const clu = await must<AgreementDetail>(server, 'saveAgreement', {
    reference: 'E2E-CLU-01',
    counterparty: 'Northfield cluster of schools',
    type: 'cooperation',
    purpose: 'Inclusion support across the cluster',
    legalBasis: 'pcr2015_reg12_7',
    legalBasisOn: '2024-12-01',
    startOn: '2025-02-01',
    endOn: '2026-01-31',
    annualValuePence: 78_083_000,
    extensionsOffered: 2,
    extensionMonths: 12,
    extensionNoticeDays: 90,
    decisionReference: 'D52724',
    decisionOn: '2024-12-01',
    forwardPlanReference: 'FP/280521',
  });
  await must(server, 'takeExtension', { agreementId: clu.id, number: 1, takenOn: '2025-10-15', decisionReference: 'D53001' });
  await must<AgreementDetail>(server, 'saveAgreement', {
    reference: 'E2E-AIP-03',
    counterparty: 'East Area Inclusion Partnership',
    type: 'cooperation',
    legalBasis: 'procurement_act_2023',
    legalBasisOn: '2025-03-01',
    startOn: '2025-04-01',
    endOn: '2028-03-31',
    annualValuePence: 105_111_000,
    extensionsOffered: 1,
    extensionMonths: 12,
  });
  const eip = await must<AgreementDetail>(server, 'saveAgreement', {
    reference: 'E2E-EIP-02',
    counterparty: 'Education Inclusion Partnership co-ordinator',
    type: 'direct_award',
    legalBasis: 'procurement_act_2023',
    legalBasisOn: '2025-08-01',
    startOn: '2025-09-01',
    endOn: '2027-08-31',
    annualValuePence: 3_250_000,
    extensionsOffered: 0,
    extensionMonths: 0,
    decisionReference: 'OD-2025-118',
  });
  await must(server, 'saveReport', { agreementId: eip.id, title: 'Termly return, summer 2026', dueOn: '2026-07-31' });
  await must(server, 'saveReport', { agreementId: eip.id, title: 'Termly return, spring 2026', dueOn: '2026-04-30', receivedOn: '2026-04-28' });

  const list = await must<SvAgreementInfo[]>(server, 'saveSvAgreement', {
    name: SV_NAME,
    kind: 'safety_valve',
    signedOn: '2025-03-17',
    totalPence: 2_000_000_000,
    capitalPence: 820_000_000,
  });
  const sv = list.find((a) => a.name === SV_NAME)!;
  await must(server, 'saveInstalment', { agreementId: sv.id, year: '2025-26', expectedPence: 500_000_000 });
  await must(server, 'saveInstalment', { agreementId: sv.id, year: '2026-27', expectedPence: 500_000_000 });
  await must(server, 'saveInstalment', { agreementId: sv.id, year: '2027-28', expectedPence: 500_000_000 });
  await must(server, 'saveSvCondition', {
    agreementId: sv.id,
    number: 1,
    text: 'Reduce the share of EHC plans in independent special schools',
    target: '8% by March 2028',
  });
  await must(server, 'saveSvCondition', {
    agreementId: sv.id,
    number: 2,
    text: 'Bring the in-year High Needs position into balance',
    target: 'In-year balance in 2028-29',
  });
}

const s = sharedSession('recovery-agreements', () => openDemoSession({ now: NOW, prepare: seed }));

const overview = () => call<AgreementsOverview>(s, 'getAgreementsOverview', {});
const svAgreement = async () => (await call<SvAgreementInfo[]>(s, 'listSvAgreements', {})).find((a) => a.name === SV_NAME)!;

async function goTo(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('Agreements', () => {
  it('shows the alerts first, each naming its agreement and date, as of the server’s today', async () => {
    const page = s.page;
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Agreements', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    const o = await overview();
    expect(o.today).toBe('2026-12-03');
    const mine = o.agreements.filter((a) => a.reference.startsWith('E2E-'));
    const kinds = mine.flatMap((a) => a.alerts.map((al) => `${a.reference} ${al.kind} ${al.on ?? ''}`)).sort();
    expect(kinds).toEqual([
      'E2E-AIP-03 no-decision-reference ',
      'E2E-CLU-01 ending 2027-01-31',
      'E2E-CLU-01 extension-decision 2026-11-02',
      'E2E-EIP-02 report-overdue 2026-07-31',
    ]);
    const alerts = page.getByRole('list', { name: 'Alerts' });
    await alerts.waitFor();
    const item = (ref: string, text: RegExp) => alerts.getByRole('listitem').filter({ hasText: ref }).filter({ hasText: text });
    await expect.poll(() => item('E2E-CLU-01', /Ending.*Ends on 31 January 2027, in 59 days/).count()).toBe(1);
    await expect.poll(() => item('E2E-CLU-01', /Extension decision due.*extension 2 of 2.*2 November 2026/).count()).toBe(1);
    await expect.poll(() => item('E2E-AIP-03', /No decision reference.*£1,051,110 a year/).count()).toBe(1);
    await expect.poll(() => item('E2E-EIP-02', /Report overdue.*Termly return, summer 2026 was due on 31 July 2026/).count()).toBe(1);
    // Each links to its agreement.
    const link = item('E2E-EIP-02', /Report overdue/).getByRole('link', { name: /E2E-EIP-02/ });
    expect(await link.getAttribute('href')).toBe(`#/agreements/${mine.find((a) => a.reference === 'E2E-EIP-02')!.id}`);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'agreements screen');
    await shot(page, 'recovery-agreements');
  });

  it('a narrower alert window drops the end 59 days away, and the window is kept', async () => {
    const page = s.page;
    const field = page.getByRole('spinbutton', { name: 'Alert window, days' });
    await field.fill('30');
    await page.getByRole('button', { name: 'Set window' }).click();
    await expect.poll(async () => (await overview()).alertDays).toBe(30);
    const alerts = page.getByRole('list', { name: 'Alerts' });
    const ending = () =>
      alerts
        .getByRole('listitem')
        .filter({ hasText: 'E2E-CLU-01' })
        .filter({ hasText: /Ends on 31 January 2027, in 59 days/ })
        .count();
    await expect.poll(ending).toBe(0);
    await expect.poll(() => page.getByText(/due in the next 30 days/).isVisible()).toBe(true);
    await field.fill('60');
    await page.getByRole('button', { name: 'Set window' }).click();
    await expect.poll(ending).toBe(1);
  });

  it('the grid shows each agreement’s totals and sorts by a column', async () => {
    const page = s.page;
    const table = page.getByRole('table', { name: /^Agreements: / });
    const row = table.getByRole('row').filter({ hasText: 'E2E-CLU-01' });
    // £780,830 a year: 24 months to date, and 36 with both extensions.
    await expect.poll(() => row.textContent()).toMatch(/£780,830.*1 of 2 taken, 12 months each.*£1,561,660.*£2,342,490.*Yes.*Yes.*D52724/);
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'E2E-AIP-03' }).textContent()).toMatch(/none$/);
    // The demo's cluster agreement: £780,830 a year, 12 months and two 12-month extensions, one taken.
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: 'CLU-2025' }).first().textContent())
      .toMatch(/£780,830.*1 of 2 taken.*£1,561,660.*£2,342,490/);
    await table.getByRole('button', { name: 'Annual value' }).click();
    const order = async () => (await table.locator('tbody tr td:first-child').allTextContents()).filter((t) => t.startsWith('E2E-'));
    await expect.poll(order).toEqual(['E2E-EIP-02', 'E2E-CLU-01', 'E2E-AIP-03']);
    await table.getByRole('button', { name: 'Annual value' }).click();
    await expect.poll(order).toEqual(['E2E-AIP-03', 'E2E-CLU-01', 'E2E-EIP-02']);
    expect(await table.getByRole('columnheader', { name: 'Annual value' }).getAttribute('aria-sort')).toBe('descending');
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'recovery-agreements-grid');
  });

  it('draws the terms and extensions on a timeline, with a today line and the same facts as text', async () => {
    const page = s.page;
    const figure = page.getByRole('figure', { name: /initial term, the extensions taken and those still offered/ });
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.locator('.agr-tl-track').count()).toBeGreaterThanOrEqual(3);
    // The today line sits inside the line of years, at 3 December 2026.
    await expect.poll(() => figure.getByText('Today, 3 December 2026').isVisible()).toBe(true);
    const axis = await figure.locator('.agr-tl-axis').boundingBox();
    const today = await figure.locator('.agr-tl-axis .agr-tl-today').boundingBox();
    expect(today!.x).toBeGreaterThan(axis!.x);
    expect(today!.x).toBeLessThan(axis!.x + axis!.width);
    // CLU: its initial term solid, extension 1 taken, extension 2 still offered.
    const clu = figure.locator('.agr-tl-track').nth((await figure.locator('.agr-tl-label').allTextContents()).filter((t) => t !== '').indexOf('E2E-CLU-01'));
    await expect.poll(() => clu.locator('.agr-seg-initial').count()).toBe(1);
    await expect.poll(() => clu.locator('.agr-seg-taken').count()).toBe(1);
    await expect.poll(() => clu.locator('.agr-seg-offered').count()).toBe(1);
    await shot(page, 'recovery-agreements-timeline');
    await figure.getByText('The timeline as text').click();
    const text = figure.getByRole('table', { name: /as text$/ });
    await text.waitFor();
    const rows = text.getByRole('row').filter({ hasText: 'E2E-CLU-01' });
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([
        'E2E-CLU-01Initial term01/02/202531/01/20262024-25 to 2025-26',
        'E2E-CLU-01Extension 1, taken01/02/202631/01/20272025-26 to 2026-27',
        'E2E-CLU-01Extension 2, offered01/02/202731/01/20282026-27 to 2027-28',
      ]);
    await expectAxeClean(page, 'timeline as text');
    await figure.getByText('The timeline as text').click();
  });

  it('adds a threshold from a date (none without one) and deletes it', async () => {
    const page = s.page;
    const before = (await overview()).thresholds;
    const form = page.getByRole('form', { name: 'Add a threshold' });
    await form.scrollIntoViewIfNeeded();
    await form.getByRole('textbox', { name: 'Key decision threshold, a year' }).fill('750,000');
    await form.getByRole('textbox', { name: 'Note' }).fill('Constitution review 2030');
    await form.getByRole('button', { name: 'Add threshold' }).click();
    await expect.poll(() => form.getByText('In force from is needed: write it dd/mm/yyyy').isVisible()).toBe(true);
    expect((await overview()).thresholds).toEqual(before);
    await form.getByRole('textbox', { name: 'In force from' }).fill('01/04/2030');
    await form.getByRole('button', { name: 'Add threshold' }).click();
    const table = page.getByRole('table', { name: 'Thresholds' });
    await expect
      .poll(() => table.getByRole('row').filter({ hasText: '1 April 2030' }).textContent())
      .toMatch(/£750,000as key decisionConstitution review 2030/);
    expect((await overview()).thresholds.find((t) => t.effectiveFrom === '2030-04-01')).toMatchObject({ keyDecisionPence: 75_000_000, callInPence: null });
    await expectAxeClean(page, 'thresholds');
    await shot(page, 'recovery-agreements-thresholds');
    await page.getByRole('button', { name: 'Delete the threshold in force from 1 April 2030' }).click();
    await expect.poll(async () => (await overview()).thresholds).toEqual(before);
    await expect.poll(() => table.getByRole('row').filter({ hasText: '1 April 2030' }).count()).toBe(0);
  });

  it('refuses a new agreement that ends before it starts, with the reason, and saves nothing', async () => {
    const page = s.page;
    const before = (await overview()).agreements.length;
    await page.getByRole('button', { name: 'New agreement…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agreement' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Reference' }).fill('E2E-NEW-04');
    await dialog.getByRole('textbox', { name: 'Counterparty' }).fill('West Area Inclusion Partnership');
    await dialog.getByRole('textbox', { name: 'Start' }).fill('01/09/2026');
    await dialog.getByRole('textbox', { name: 'End' }).fill('31/08/2026');
    await dialog.getByRole('textbox', { name: 'Annual value' }).fill('120,000');
    await expectAxeClean(page, 'new agreement dialog');
    await dialog.getByRole('button', { name: 'Add agreement' }).click();
    const refusal = dialog.getByText(/^Not saved: /);
    await refusal.waitFor();
    const server = await s.server.call('saveAgreement', {
      reference: 'E2E-NEW-04',
      counterparty: 'West Area Inclusion Partnership',
      type: 'cooperation',
      legalBasis: 'procurement_act_2023',
      startOn: '2026-09-01',
      endOn: '2026-08-31',
      annualValuePence: 12_000_000,
      extensionsOffered: 0,
      extensionMonths: 12,
    });
    expect(server.ok).toBe(false);
    // The server's own sentence, word for word, and it names the dates.
    expect(await refusal.textContent()).toBe(`Not saved: ${!server.ok && server.error.message}`);
    expect(await refusal.textContent()).toMatch(/31 August 2026.*1 September 2026|1 September 2026.*31 August 2026/);
    await shot(page, 'recovery-agreements-end-before-start');
    expect((await overview()).agreements.length).toBe(before);
    // Put right, it is saved and its page opens.
    await dialog.getByRole('textbox', { name: 'End' }).fill('31/08/2027');
    await dialog.getByRole('button', { name: 'Add agreement' }).click();
    await page.getByRole('heading', { level: 1, name: 'E2E-NEW-04: West Area Inclusion Partnership' }).waitFor();
    expect((await overview()).agreements.length).toBe(before + 1);
  });
});

describe('An agreement’s page', () => {
  const open = async (reference: string) => {
    const a = (await overview()).agreements.find((x) => x.reference === reference)!;
    await goTo(s.page, `#/agreements/${a.id}`, new RegExp(`^${reference}:`));
    return a;
  };

  it('shows the key decision and call-in with their explanation, and an override needs a reason', async () => {
    const page = s.page;
    const a = await open('E2E-AIP-03');
    const key = page.getByRole('group', { name: 'Key decision' });
    await expect.poll(() => key.textContent()).toMatch(/YesFrom the thresholds/);
    await expect.poll(() => key.textContent()).toMatch(/£500,000 a year/);
    await key.getByRole('radio', { name: 'Key decision: no, set by hand' }).check();
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await expect.poll(() => key.getByText('Say why the key decision flag is set by hand').isVisible()).toBe(true);
    expect((await call<AgreementDetail>(s, 'getAgreement', { id: a.id })).keyDecisionOverride).toBeNull();
    await key
      .getByRole('textbox', { name: /Why the key decision flag is set by hand/ })
      .fill('Funded by the DfE grant: the Cabinet took it as a budget decision');
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await expect.poll(() => key.textContent()).toMatch(/NoSet by hand/);
    const saved = await call<AgreementDetail>(s, 'getAgreement', { id: a.id });
    expect(saved.keyDecision).toMatchObject({ value: false, source: 'override' });
    // No longer a key decision, so no missing decision reference to warn of.
    expect(saved.alerts.map((x) => x.kind)).not.toContain('no-decision-reference');
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'agreement page');
    await page.locator('.screen').evaluate((el) => el.scrollTo(0, 0));
    await shot(page, 'recovery-agreement');
  });

  it('warns when regulation 12(7) is relied on after 23 February 2025', async () => {
    const page = s.page;
    const d = await open('E2E-CLU-01');
    expect((await call<AgreementDetail>(s, 'getAgreement', { id: d.id })).legalBasisWarning).toBeNull();
    await page.getByRole('textbox', { name: 'Legal basis date' }).fill('01/03/2025');
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await expect.poll(async () => (await call<AgreementDetail>(s, 'getAgreement', { id: d.id })).legalBasisWarning).not.toBeNull();
    const warning = (await call<AgreementDetail>(s, 'getAgreement', { id: d.id })).legalBasisWarning!;
    await expect.poll(() => page.getByText(warning).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Legal basis date' }).fill('01/12/2024');
    await page.getByRole('button', { name: 'Save agreement' }).click();
    await expect.poll(() => page.getByText(warning).count()).toBe(0);
  });

  it('takes the last extension offered, and then offers none', async () => {
    const page = s.page;
    const a = await open('E2E-CLU-01');
    const card = page.getByRole('region', { name: 'Terms and extensions' });
    await card.scrollIntoViewIfNeeded();
    const form = card.getByRole('form', { name: 'Take extension 2' });
    await form.getByRole('textbox', { name: 'Date taken' }).fill('15/11/2026');
    await form.getByRole('textbox', { name: 'Decision reference' }).fill('D54410');
    await form.getByRole('button', { name: 'Take extension 2' }).click();
    await expect.poll(() => card.getByText('All 2 extensions offered have been taken.').isVisible()).toBe(true);
    const saved = await call<AgreementDetail>(s, 'getAgreement', { id: a.id });
    expect(saved.extensions.taken).toBe(2);
    expect(saved.currentEndOn).toBe('2028-01-31');
    expect(saved.totalValuePence).toBe(234_249_000);
    await expect.poll(() => card.getByRole('table', { name: 'Terms of E2E-CLU-01' }).textContent()).toMatch(/Extension 2.*15\/11\/2026D54410/);
    // Taken by the server too: one more than offered is refused, and nothing changes.
    const refused = await s.server.call('takeExtension', { agreementId: a.id, number: 3, takenOn: '2026-11-16' });
    expect(refused.ok).toBe(false);
    expect((await call<AgreementDetail>(s, 'getAgreement', { id: a.id })).extensions.taken).toBe(2);
    await expectAxeClean(page, 'terms and extensions');
    await shot(page, 'recovery-agreement-extensions');
  });

  it('marks an overdue report and adds an underspend condition with its return setting', async () => {
    const page = s.page;
    const a = await open('E2E-EIP-02');
    const reports = page.getByRole('table', { name: 'Reports due under E2E-EIP-02' });
    await reports.scrollIntoViewIfNeeded();
    await expect.poll(() => reports.getByRole('row').filter({ hasText: 'summer 2026' }).textContent()).toMatch(/31\/07\/2026 Overdue.*Not yet/);
    await expect.poll(() => reports.getByRole('row').filter({ hasText: 'spring 2026' }).textContent()).not.toMatch(/Overdue/);
    await page.getByRole('button', { name: 'Add condition…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a condition' });
    await dialog.getByRole('textbox', { name: 'Condition' }).fill('An underspend above 15% at year end is returned unless a development plan is approved');
    await dialog.getByRole('radio', { name: 'Only the part above the threshold' }).check();
    await dialog.getByRole('button', { name: 'Add condition' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('An underspend above 15% at year end: only the part above it goes back.').isVisible()).toBe(true);
    const saved = await call<AgreementDetail>(s, 'getAgreement', { id: a.id });
    expect(saved.conditions).toMatchObject([{ kind: 'underspend_return', thresholdBp: 1500, returnBasis: 'above_threshold' }]);
  });
});

describe('Safety Valve', () => {
  const openSv = async () => {
    const sv = await svAgreement();
    await goTo(s.page, `#/safety-valve?agreement=${sv.id}`, 'Safety Valve');
    await s.page.getByRole('heading', { level: 2, name: SV_NAME }).waitFor();
    return sv;
  };

  it('shows the demo’s agreement: its instalments received are the contributions already in the DSG position', async () => {
    const page = s.page;
    await goTo(page, '#/safety-valve', 'Safety Valve');
    const demo = (await call<SvAgreementInfo[]>(s, 'listSvAgreements', {})).find((a) => a.name !== SV_NAME)!;
    await page.getByRole('tab', { name: demo.name }).click();
    await page.getByRole('heading', { level: 2, name: demo.name }).waitFor();
    const table = page.getByRole('table', { name: `Instalments of ${demo.name}` });
    await expect.poll(() => table.getByRole('row').count()).toBe(demo.instalments.length + 1);
    for (const i of demo.instalments.filter((x) => x.status === 'received')) {
      expect(i.contributionId, `${i.year} is a contribution`).not.toBeNull();
      const summary = await call<PositionSummary>(s, 'getSummary', { year: i.year });
      expect(summary.contributionsPence).toBeGreaterThanOrEqual(i.receivedPence!);
    }
    await expect.poll(() => table.getByRole('row').filter({ hasText: '2025-26' }).textContent()).toMatch(/Received£2,000,000/);
    expect(await page.locator('.screen').textContent()).not.toMatch(ISO_DATE);
    await expectAxeClean(page, 'the demo’s Safety Valve');
    await shot(page, 'recovery-safety-valve-demo');
    await page.getByRole('region', { name: /^Quarterly monitoring/ }).scrollIntoViewIfNeeded();
    await shot(page, 'recovery-safety-valve-demo-monitoring');
  });

  it('records an instalment as received: it becomes a contribution in that year’s DSG position', async () => {
    const page = s.page;
    await openSv();
    const before = await call<PositionSummary>(s, 'getSummary', { year: '2026-27' });
    const table = page.getByRole('table', { name: `Instalments of ${SV_NAME}` });
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    await expectAxeClean(page, 'safety valve screen');
    await shot(page, 'recovery-safety-valve');
    await page.getByRole('button', { name: 'Record the 2026-27 instalment' }).click();
    const dialog = page.getByRole('dialog', { name: 'The 2026-27 instalment' });
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/becomes a Safety Valve contribution in 2026-27’s DSG position/);
    await dialog.getByRole('textbox', { name: 'Amount received' }).fill('4,750,000');
    await dialog.getByRole('textbox', { name: 'Date received' }).fill('14/10/2026');
    await expect.poll(() => dialog.textContent()).toMatch(/£4,750,000 becomes a Safety Valve contribution/);
    await expectAxeClean(page, 'record instalment dialog');
    await shot(page, 'recovery-safety-valve-record');
    await dialog.getByRole('button', { name: 'Record instalment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: '2026-27' }).textContent()).toMatch(/Received£4,750,00014\/10\/2026/);
    const i = (await svAgreement()).instalments.find((x) => x.year === '2026-27')!;
    expect(i).toMatchObject({ status: 'received', receivedPence: 475_000_000, receivedOn: '2026-10-14' });
    expect(i.contributionId).not.toBeNull();
    const after = await call<PositionSummary>(s, 'getSummary', { year: '2026-27' });
    expect(after.contributionsPence - before.contributionsPence).toBe(475_000_000);
  });

  it('refuses to record an instalment in a closed year, in the server’s words, and changes nothing', async () => {
    const page = s.page;
    const before = await svAgreement();
    await page.getByRole('button', { name: 'Record the 2025-26 instalment' }).click();
    const dialog = page.getByRole('dialog', { name: 'The 2025-26 instalment' });
    await dialog.getByRole('textbox', { name: 'Date received' }).fill('20/03/2026');
    await dialog.getByRole('button', { name: 'Record instalment' }).click();
    const refusal = dialog.getByText(/^Not recorded: /);
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/2025-26 is closed/);
    await shot(page, 'recovery-safety-valve-closed-year');
    expect(await svAgreement()).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves a quarter’s monitoring of a condition, chosen with the quarter picker', async () => {
    const page = s.page;
    const card = page.getByRole('region', { name: /^Quarterly monitoring/ });
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Quarterly monitoring: 2026-27 Q3 (October–December)');
    await choose(page, card, 'Quarter', /^Q2 \(July–September\)$/);
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Quarterly monitoring: 2026-27 Q2 (July–September)');
    // A quarter not yet begun cannot be chosen.
    await card.getByRole('combobox', { name: 'Quarter' }).click();
    expect(await page.getByRole('option', { name: /Q4 \(January–March\), not begun/ }).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Escape');
    const form = card.getByRole('form', { name: 'Condition 1, 2026-27 Q2' });
    await choose(page, form, 'Condition 1 rating', 'Amber');
    await form.getByRole('textbox', { name: 'Condition 1 figures' }).fill('9.4% of EHC plans in independent special schools (target 8%)');
    await form
      .getByRole('textbox', { name: 'Condition 1 narrative' })
      .fill('Two resourced provisions opened in September; placements moving more slowly than planned.');
    await form.getByRole('button', { name: 'Save condition 1, 2026-27 Q2' }).click();
    await expect.poll(async () => (await svAgreement()).conditions[0]!.monitoring.map((m) => `${m.year} Q${m.quarter} ${m.rag}`)).toEqual(['2026-27 Q2 amber']);
    await expect.poll(() => form.getByText('Saved').isVisible()).toBe(true);
    await expectAxeClean(page, 'monitoring');
    await shot(page, 'recovery-safety-valve-monitoring');
  });

  it('exports the quarter’s return workbook through the import and export engine', async () => {
    const page = s.page;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export the 2026-27 Q2 return' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^Safety Valve return .*2026-27 Q2\.xlsx$/);
    await page.getByRole('button', { name: 'Import a return…' }).click();
    await page.getByRole('dialog').first().waitFor();
    await page.keyboard.press('Escape');
  });
});

describe('By keyboard alone', () => {
  it('reaches an agreement from the grid, and a dialog opened by keyboard gives focus back', async () => {
    const page = s.page;
    await goTo(page, '#/agreements', 'Agreements');
    const add = page.getByRole('button', { name: 'New agreement…' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New agreement' });
    await dialog.waitFor();
    await expect.poll(() => focusedDescription(page)).not.toBe('body');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toContain('New agreement');
    // Tab on from the button until the grid's link to CLU has focus, then follow it.
    let found = false;
    for (let i = 0; i < 150 && !found; i++) {
      await page.keyboard.press('Tab');
      found = /a.*"E2E-CLU-01"/.test(await focusedDescription(page));
    }
    expect(found, 'the link to E2E-CLU-01 is reached with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^E2E-CLU-01:/ }).waitFor();
  });

  it('sorts the grid and records monitoring with the keyboard', async () => {
    const page = s.page;
    await goTo(page, '#/agreements', 'Agreements');
    const table = page.getByRole('table', { name: /^Agreements: / });
    await table.getByRole('button', { name: 'Counterparty' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Counterparty' }).getAttribute('aria-sort')).toBe('ascending');
    const sv = await svAgreement();
    await goTo(page, `#/safety-valve?agreement=${sv.id}`, 'Safety Valve');
    const narrative = page.getByRole('textbox', { name: 'Condition 2 narrative' });
    await narrative.focus();
    await page.keyboard.type('High needs spend held to plan in the first half-year.');
    await page.keyboard.press('Tab');
    const save = page.getByRole('button', { name: 'Save condition 2, 2026-27 Q3' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Save condition 2, 2026-27 Q3');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await svAgreement()).conditions[1]!.monitoring.map((m) => `${m.year} Q${m.quarter} ${m.narrative}`))
      .toEqual(['2026-27 Q3 High needs spend held to plan in the first half-year.']);
    expect(await save.isVisible()).toBe(true);
  });

  it('logs no console errors', () => {
    expect(s.problems).toEqual([]);
  });
});

for (const scale of [1.5, 2]) {
  describe(`at ${scale * 100}% zoom`, () => {
    let z: Session;
    beforeAll(async () => {
      z = await openDemoSession({
        now: NOW,
        prepare: seed,
        screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale },
      });
    }, 120_000);
    afterAll(async () => {
      await z?.close();
    });

    it('the agreements, an agreement and the Safety Valve read without sideways scrolling of the page', async () => {
      const page = z.page;
      const pageFits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      await goTo(page, '#/agreements', 'Agreements');
      await page.getByRole('list', { name: 'Alerts' }).waitFor();
      expect(await pageFits()).toBe(true);
      await expectAxeClean(page, `agreements at ${scale * 100}%`);
      await shot(page, `recovery-agreements-${scale * 100}`);
      await page.getByRole('figure').first().scrollIntoViewIfNeeded();
      await shot(page, `recovery-agreements-timeline-${scale * 100}`);
      const clu = (await call<AgreementsOverview>(z, 'getAgreementsOverview', {})).agreements.find((a) => a.reference === 'E2E-CLU-01')!;
      await goTo(page, `#/agreements/${clu.id}`, /^E2E-CLU-01:/);
      expect(await pageFits()).toBe(true);
      await expectAxeClean(page, `agreement at ${scale * 100}%`);
      await shot(page, `recovery-agreement-${scale * 100}`);
      await page.getByRole('group', { name: 'Key decision' }).scrollIntoViewIfNeeded();
      await shot(page, `recovery-agreement-flags-${scale * 100}`);
      const sv = (await call<SvAgreementInfo[]>(z, 'listSvAgreements', {})).find((a) => a.name === SV_NAME)!;
      await goTo(page, `#/safety-valve?agreement=${sv.id}`, 'Safety Valve');
      await page.getByRole('heading', { level: 2, name: SV_NAME }).waitFor();
      expect(await pageFits()).toBe(true);
      await expectAxeClean(page, `safety valve at ${scale * 100}%`);
      await shot(page, `recovery-safety-valve-${scale * 100}`);
      await page.getByRole('region', { name: /^Quarterly monitoring/ }).scrollIntoViewIfNeeded();
      await shot(page, `recovery-safety-valve-monitoring-${scale * 100}`);
      expect(z.problems).toEqual([]);
    });
  });
}
