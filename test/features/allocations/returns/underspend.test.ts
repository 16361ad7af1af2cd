/**
 * The year-end underspend test in both of the agreement's settings: the whole underspend goes
 * back (North, AIP-N) or only the part above the 15% line (South, AIP-S); not before every return
 * is in, not with an approved development plan, and not without an agreement or its condition.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReturnsOverview } from '../../../../features/allocations/types';
import type { TestServer } from '../../../support/workspace';
import { type Fixture, fixture, of, refusedUnchanged, YEAR } from './fixture';

let f: Fixture;
let t: TestServer;
afterEach(() => t?.close());

/** Every return of the partnership received with its spend under Staffing, in pounds, period by period. */
async function spend(o: ReturnsOverview, name: string, pounds: number[]): Promise<ReturnsOverview> {
  const p = of(o, name);
  for (const [i, amount] of pounds.entries()) {
    await t.ok('saveReturn', { returnId: p.returns[i]!.id, spend: { [f.categories.Staffing!]: amount * 100 } });
  }
  return t.ok('listReturns', { year: YEAR });
}

async function open(): Promise<ReturnsOverview> {
  f = await fixture();
  t = f.t;
  return t.ok('setUpReturns', { year: YEAR });
}

describe('the underspend flag', () => {
  it('waits for every return; then flags the whole underspend above the line when the agreement says so', async () => {
    let o = await open();
    o = await spend(o, 'North AIP', [60_000, 60_000]);
    expect(of(o, 'North AIP')).toMatchObject({
      allocationPence: 22_000_000,
      spendPence: 12_000_000,
      underspendPence: 10_000_000,
      yearComplete: false,
      thresholdBp: 1500,
      returnBasis: 'whole',
      toReturnPence: 0,
      flagged: false,
      flagReason: 'The underspend test against the 15% line in AIP-N applies at year end, once every return is received: 2 of 3 received so far.',
    });

    o = await spend(o, 'North AIP', [60_000, 60_000, 60_000]);
    expect(of(o, 'North AIP')).toMatchObject({
      spendPence: 18_000_000,
      underspendPence: 4_000_000,
      yearComplete: true,
      toReturnPence: 4_000_000,
      flagged: true,
      flagReason:
        'An underspend of £40,000 (18.2% of the allocation) is above the 15% line in AIP-N and no development plan is approved: £40,000 is flagged for return (the whole underspend).',
    });

    // A return marked sent or not sent again no longer counts, figures and all: the year is incomplete once more.
    await t.ok('setReturnStatus', { returnId: of(o, 'North AIP').returns[2]!.id, status: 'sent' });
    o = await t.ok('listReturns', { year: YEAR });
    expect(of(o, 'North AIP')).toMatchObject({ spendPence: 12_000_000, yearComplete: false, flagged: false, toReturnPence: 0 });
    expect(of(o, 'North AIP').returns[2]!.spendPence).toBe(6_000_000);
    await t.ok('setReturnStatus', { returnId: of(o, 'North AIP').returns[2]!.id, status: 'not_sent' });
    o = await t.ok('listReturns', { year: YEAR });
    expect(of(o, 'North AIP')).toMatchObject({ spendPence: 12_000_000, yearComplete: false, flagged: false, toReturnPence: 0 });
    // Checked counts as in.
    await t.ok('setReturnStatus', { returnId: of(o, 'North AIP').returns[2]!.id, status: 'checked' });
    expect(of(await t.ok('listReturns', { year: YEAR }), 'North AIP')).toMatchObject({ spendPence: 18_000_000, flagged: true });
  });

  it('flags only the part above the line when the agreement says so, and nothing on or under the line', async () => {
    let o = await open();
    o = await spend(o, 'South AIP', [100_000, 110_000, 110_000]);
    expect(of(o, 'South AIP')).toMatchObject({
      allocationPence: 40_000_000,
      spendPence: 32_000_000,
      underspendPence: 8_000_000,
      yearComplete: true,
      thresholdBp: 1500,
      returnBasis: 'above_threshold',
      toReturnPence: 2_000_000,
      flagged: true,
      flagReason:
        'An underspend of £80,000 (20% of the allocation) is above the 15% line in AIP-S and no development plan is approved: £20,000 is flagged for return (the part above 15%).',
    });

    // Exactly 15% is on the line, not above it.
    o = await spend(o, 'South AIP', [100_000, 110_000, 130_000]);
    expect(of(o, 'South AIP')).toMatchObject({
      underspendPence: 6_000_000,
      flagged: false,
      toReturnPence: 0,
      flagReason: 'An underspend of £60,000 (15% of the allocation) is within the 15% line in AIP-S: nothing to return.',
    });
    // A penny over the line: the share shows enough places to say which side it is.
    await t.ok('saveReturn', { returnId: of(o, 'South AIP').returns[2]!.id, spend: { [f.categories.Staffing!]: 12_999_999 } });
    o = await t.ok('listReturns', { year: YEAR });
    expect(of(o, 'South AIP')).toMatchObject({ underspendPence: 6_000_001, flagged: true, toReturnPence: 1 });
    expect(of(o, 'South AIP').flagReason).toBe(
      'An underspend of £60,000.01 (just over 15% of the allocation) is above the 15% line in AIP-S and no development plan is approved: £0.01 is flagged for return (the part above 15%).',
    );

    o = await spend(o, 'South AIP', [100_000, 150_000, 160_000]);
    expect(of(o, 'South AIP')).toMatchObject({
      underspendPence: -1_000_000,
      flagged: false,
      flagReason: 'Spend is £10,000 more than the allocation: nothing to return.',
    });
  });

  it('is lifted by an approved development plan, and returns when the approval is cleared', async () => {
    let o = await open();
    o = await spend(o, 'North AIP', [60_000, 60_000, 60_000]);
    expect(of(o, 'North AIP').flagged).toBe(true);
    o = await t.ok('setDevelopmentPlan', {
      year: YEAR,
      partnershipId: f.ids.north,
      approvedOn: '2026-11-20',
      note: 'Forum supported the plan for a second outreach worker.',
    });
    expect(of(o, 'North AIP')).toMatchObject({
      developmentPlanApprovedOn: '2026-11-20',
      developmentPlanNote: 'Forum supported the plan for a second outreach worker.',
      underspendPence: 4_000_000,
      toReturnPence: 0,
      flagged: false,
      flagReason:
        'An underspend of £40,000 (18.2% of the allocation) is above the 15% line in AIP-N, but a development plan was approved on 20 November 2026, so nothing is flagged for return.',
    });
    const history = await t.ok('getHistory', { subject: `partnership:${f.ids.north}` });
    expect(history.map((h) => h.what)).toContain('Development plan approved 2026-27');

    o = await t.ok('setDevelopmentPlan', { year: YEAR, partnershipId: f.ids.north, approvedOn: null, note: 'Plan withdrawn' });
    expect(of(o, 'North AIP')).toMatchObject({
      developmentPlanApprovedOn: null,
      developmentPlanNote: 'Plan withdrawn',
      flagged: true,
      toReturnPence: 4_000_000,
    });

    const future = await refusedUnchanged(t, 'setDevelopmentPlan', { year: YEAR, partnershipId: f.ids.north, approvedOn: '2027-01-01' });
    expect(future.message).toBe('A development plan cannot be recorded as approved on 1 January 2027: that is after today.');
    const west = await refusedUnchanged(t, 'setDevelopmentPlan', { year: YEAR, partnershipId: f.ids.west, approvedOn: '2026-11-01' });
    expect(west.message).toMatch(/^West AIP has no allocation in 2026-27/);
  });

  it('flags nothing without an agreement or without an underspend condition, and says so', async () => {
    let o = await open();
    o = await spend(o, 'North AIP', [10_000, 10_000, 10_000]);
    await t.ok('savePartnership', { id: f.ids.north, name: 'North AIP', area: 'North', kind: 'area_inclusion', agreementId: null });
    o = await t.ok('listReturns', { year: YEAR });
    expect(of(o, 'North AIP')).toMatchObject({
      underspendPence: 19_000_000,
      yearComplete: true,
      thresholdBp: null,
      returnBasis: null,
      toReturnPence: 0,
      flagged: false,
      flagReason: 'North AIP has no agreement recorded, so no underspend rule applies and nothing is flagged.',
    });

    const other = await t.ok('saveAgreement', {
      reference: 'AIP-X',
      counterparty: 'North Area Inclusion Partnership',
      type: 'cooperation',
      legalBasis: 'pcr2015_reg12_7',
      startOn: '2025-04-01',
      endOn: '2028-03-31',
      annualValuePence: 22_000_000,
      extensionsOffered: 0,
      extensionMonths: 0,
    });
    await t.ok('saveCondition', { agreementId: other.id, kind: 'other', text: 'Termly returns' });
    await t.ok('savePartnership', { id: f.ids.north, name: 'North AIP', area: 'North', kind: 'area_inclusion', agreementId: other.id });
    o = await t.ok('listReturns', { year: YEAR });
    expect(of(o, 'North AIP')).toMatchObject({
      thresholdBp: null,
      flagged: false,
      toReturnPence: 0,
      flagReason: "North AIP's agreement AIP-X has no underspend condition, so nothing is flagged.",
    });
  });
});
