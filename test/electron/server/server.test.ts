import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budget, forecast } from '../../../db/schema';
import type { ErrorInfo } from '../../../electron/shared/errors';
import { DomainServer } from '../../../electron/server/server';
import { dumpTables, testServer, type TestServer } from '../../support/workspace';

let t: TestServer;
afterEach(() => t?.close());

const M = 100_000_000; // £1m in pence
/** £x million in pence, exactly. */
const m = (x: number) => Math.round(x * M);

async function lineIds(): Promise<number[]> {
  return (await t.ok('listLines', {})).map((l) => l.id);
}

/** A year with HNB funding of £10m, a £2m opening deficit and two budgeted lines. */
async function smallYear() {
  await t.ok('createYear', { year: '2024-25', openingBalancePence: -2 * M });
  await t.ok('saveAllocation', {
    year: '2024-25',
    block: 'hnb',
    allocationPence: 11 * M,
    deductionsPence: m(1.5),
    adjustmentsPence: -m(0.25),
    transfersPence: m(0.75),
  });
  const [a, b] = await lineIds();
  await t.ok('setBudgets', {
    year: '2024-25',
    changes: [
      { lineId: a!, originalPence: 6 * M },
      { lineId: b!, originalPence: 4 * M },
    ],
  });
  return { a: a!, b: b! };
}

function auditCount(): number {
  return (t.sqlite.prepare('SELECT count(*) AS n FROM audit_entry').get() as { n: number }).n;
}

describe('budgets, forecasts and the DSG position', () => {
  beforeEach(async () => {
    t = await testServer();
  });

  it('a new workspace holds the standard lines covering every s251 line', async () => {
    const lines = await t.ok('listLines', {});
    const s251 = await t.ok('listS251Lines', {});
    expect(s251.map((s) => s.code)).toEqual([
      '1.0.2',
      '1.2.1',
      '1.2.2',
      '1.2.3',
      '1.2.4',
      '1.2.5',
      '1.2.6',
      '1.2.7',
      '1.2.8',
      '1.2.9',
      '1.2.10',
      '1.2.11',
      '1.2.13',
    ]);
    for (const s of s251)
      expect(
        lines.some((l) => l.s251Code === s.code),
        s.code,
      ).toBe(true);
    expect((await t.ok('listGroups', {})).length).toBe(11);
  });

  it('computes net funding, variance, in-year and carried forward to the penny', async () => {
    const { a, b } = await smallYear();
    await t.ok('setForecasts', {
      year: '2024-25',
      period: 3,
      changes: [
        { lineId: a, forecastPence: m(6.5) + 1 },
        { lineId: b, forecastPence: m(3.9) },
      ],
    });
    const s = await t.ok('getSummary', { year: '2024-25', period: 3 });
    expect(s).toMatchObject({
      netFundingPence: 10 * M,
      budgetPence: 10 * M,
      forecastPence: m(10.4) + 1,
      variancePence: m(0.4) + 1,
      inYearPence: -m(0.4) - 1,
      broughtForwardPence: -2 * M,
      carriedForwardPence: -m(2.4) - 1,
    });
    // No period given: the latest with a forecast.
    expect((await t.ok('getSummary', { year: '2024-25' })).period).toBe(3);
  });

  it('shows previous forecast and movement, and carries a forecast into later periods', async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 2, changes: [{ lineId: a, forecastPence: m(6.2) }] });
    await t.ok('setForecasts', {
      year: '2024-25',
      period: 4,
      changes: [{ lineId: a, forecastPence: m(6.5), actualPence: 2 * M, commentary: 'Two more INMSS placements' }],
    });
    const p4 = await t.ok('getMonitoring', { year: '2024-25', period: 4 });
    const row = p4.rows.find((r) => r.lineId === a)!;
    expect(row).toMatchObject({
      budgetPence: 6 * M,
      forecastPence: m(6.5),
      previousPence: m(6.2),
      movementPence: m(0.3),
      variancePence: m(0.5),
      actualPence: 2 * M,
      commentary: 'Two more INMSS placements',
      forecastSource: 'this-period',
    });
    const p6 = await t.ok('getMonitoring', { year: '2024-25', period: 6 });
    expect(p6.rows.find((r) => r.lineId === a)).toMatchObject({
      forecastPence: m(6.5),
      forecastSource: 'earlier-period',
      forecastFromPeriod: 4,
      movementPence: 0,
      actualPence: null,
    });
    const group = p4.groups.find((g) => g.groupId === row.groupId)!;
    expect(group.forecastPence).toBe(p4.rows.filter((r) => r.groupId === row.groupId).reduce((s, r) => s + r.forecastPence, 0));
  });

  it('revised follows original until a virement, then stays', async () => {
    const { a } = await smallYear();
    let g = await t.ok('setBudgets', { year: '2024-25', changes: [{ lineId: a, originalPence: 7 * M }] });
    expect(g.rows.find((r) => r.lineId === a)).toMatchObject({ originalPence: 7 * M, revisedPence: 7 * M, virementPence: 0 });
    g = await t.ok('setBudgets', { year: '2024-25', changes: [{ lineId: a, revisedPence: m(7.3) }] });
    g = await t.ok('setBudgets', { year: '2024-25', changes: [{ lineId: a, originalPence: m(6.8) }] });
    expect(g.rows.find((r) => r.lineId === a)).toMatchObject({ originalPence: m(6.8), revisedPence: m(7.3), virementPence: m(0.5) });
  });

  it("rolls the position forward: next year brings forward this year's carried forward plus contributions", async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 12, changes: [{ lineId: a, forecastPence: 7 * M }] });
    await t.ok('saveContribution', { year: '2024-25', kind: 'safety_valve', amountPence: m(0.5), note: 'Instalment 1' });
    await t.ok('createYear', { year: '2025-26', copyBudgetsFrom: '2024-25' });
    const y1 = await t.ok('getSummary', { year: '2024-25', period: 12 });
    const y2 = await t.ok('getSummary', { year: '2025-26', period: 1 });
    expect(y1.carriedForwardPence).toBe(-2 * M + (10 * M - 11 * M) + m(0.5));
    expect(y2.broughtForwardPence).toBe(y1.carriedForwardPence);
    expect(y2.budgetPence).toBe(10 * M);
    const series = await t.ok('getPositionSeries', {});
    expect(series.map((s) => s.year)).toEqual(['2024-25', '2025-26']);
    expect(series[1]!.broughtForwardPence).toBe(series[0]!.carriedForwardPence);
  });

  it('keeps every published allocation version and uses the latest', async () => {
    await smallYear();
    let v = await t.ok('addAllocationVersion', { year: '2024-25', publishedOn: '2099-06-30', label: 'June update' });
    expect(v.versions).toHaveLength(2);
    v = await t.ok('saveAllocation', {
      year: '2024-25',
      block: 'hnb',
      allocationPence: 12 * M,
      deductionsPence: m(1.5),
      adjustmentsPence: -m(0.25),
      transfersPence: m(0.75),
    });
    expect(v.version?.label).toBe('June update');
    expect((await t.ok('getSummary', { year: '2024-25' })).netFundingPence).toBe(11 * M);
    const e = await t.refused('addAllocationVersion', { year: '2024-25', publishedOn: '2020-01-01', label: 'Too early' });
    expect(e.details?.issues?.[0]?.field).toBe('publishedOn');
    expect(e.message).toBe('A new allocation version must be dated on or after the latest one (30 June 2099).');
    expect(e.details?.issues?.[0]?.message).toBe('1 January 2020 is before 30 June 2099');
  });
});

describe('audit trail and undo', () => {
  beforeEach(async () => {
    t = await testServer();
  });

  it('records who, when, what, old and new in the same transaction as the write', async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 6, changes: [{ lineId: a, forecastPence: m(6.1) }] });
    await t.ok('setForecasts', { year: '2024-25', period: 6, changes: [{ lineId: a, forecastPence: m(6.3) }] });
    const history = await t.ok('getHistory', { subject: `budget_line:${a}`, scope: 'financial_year:2024-25' });
    expect(history[0]).toMatchObject({ who: 'test.user', what: 'Forecast P6', oldText: '£6,100,000', newText: '£6,300,000', op: 'update', undone: false });
    expect(history[1]).toMatchObject({ what: 'Forecast P6', oldText: '(none)', newText: '£6,100,000', op: 'insert' });
    expect(history.some((h) => h.what === 'Original budget' && h.newText === '£6,000,000')).toBe(true);
    expect(Date.parse(history[0]!.at)).not.toBeNaN();
  });

  it('writes nothing at all when a write fails part-way', async () => {
    const { a } = await smallYear();
    const before = dumpTables(t.sqlite);
    const ws = t.server.workspace!;
    expect(() =>
      ws.write('edit', 'doomed', (rec) => {
        rec.insert(forecast, { yearId: '2024-25', period: 1, lineId: a, forecastPence: 1 });
        rec.update(budget, 1, { revisedPence: 5 });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('undoes the last change, then the one before, and a paste as one step', async () => {
    const { a, b } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 1, changes: [{ lineId: a, forecastPence: m(6.1) }] });
    const afterFirst = dumpTables(t.sqlite);
    await t.ok('setForecasts', {
      year: '2024-25',
      period: 1,
      changes: [
        { lineId: a, forecastPence: m(6.2), commentary: 'x' },
        { lineId: b, forecastPence: m(4.4) },
      ],
    });
    expect((await t.ok('getUndoState', {})).label).toBe('Forecast: 2 changes');
    const r = await t.ok('undo', {});
    expect(r.undone).toBe('Forecast: 2 changes');
    const { audit_entry: _a1, change_set: _c1, ...dataNow } = dumpTables(t.sqlite);
    const { audit_entry: _a2, change_set: _c2, ...dataThen } = afterFirst;
    expect(dataNow).toEqual(dataThen);
    await t.ok('undo', {});
    expect((await t.ok('getMonitoring', { year: '2024-25', period: 1 })).rows.find((x) => x.lineId === a)!.forecastSource).toBe('budget');
    const history = await t.ok('getHistory', { subject: `budget_line:${a}`, scope: 'financial_year:2024-25' });
    expect(history.filter((h) => h.undone).length).toBeGreaterThan(0);
    expect(history[0]!.changeKind).toBe('undo');
  });

  it('will not undo over a change made outside this window, and says so', async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 1, changes: [{ lineId: a, forecastPence: m(6.1) }] });
    await t.ok('setForecasts', { year: '2024-25', period: 1, changes: [{ lineId: a, forecastPence: m(6.2) }] });
    t.sqlite.prepare('UPDATE forecast SET forecast_pence = 1 WHERE line_id = ?').run(a);
    const before = dumpTables(t.sqlite);
    const e = await t.refused('undo', {});
    expect(e.message).toMatch(/cannot be undone: the same figures have been changed since/);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('says why the last change cannot be undone once its year has closed, rather than offer it', async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 1, changes: [{ lineId: a, forecastPence: m(6.1) }] });
    await t.ok('setYearStatus', { year: '2024-25', status: 'closed', reason: 'Outturn agreed' });
    expect(await t.ok('getUndoState', {})).toEqual({
      canUndo: false,
      label: 'Forecast HN01 P1 to £6,100,000',
      blockedBy: '2024-25 is closed',
      canRedo: false,
      redoLabel: null,
    });
    await t.ok('setYearStatus', { year: '2024-25', status: 'open', reason: 'Correction' });
    expect((await t.ok('getUndoState', {})).canUndo).toBe(true);
  });

  it('keeps pence in what it says it will undo', async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 1, changes: [{ lineId: a, forecastPence: 5 }] });
    expect((await t.ok('getUndoState', {})).label).toBe('Forecast HN01 P1 to £0.05');
  });

  it('does not undo what an earlier session did', async () => {
    await smallYear();
    const path = t.server.workspace!.path;
    await t.server.openWorkspace(path);
    expect(await t.ok('getUndoState', {})).toEqual({ canUndo: false, label: null, blockedBy: null, canRedo: false, redoLabel: null });
    expect((await t.refused('undo', {})).code).toBe('NOTHING_TO_UNDO');
  });
});

describe('years follow on from each other', () => {
  beforeEach(async () => {
    t = await testServer({ demo: true });
  });

  it('refuses a year that would leave a gap, and an opening balance on a year that is not the earliest', async () => {
    const before = dumpTables(t.sqlite);
    const gap = await t.refused('createYear', { year: '2028-29' });
    expect(gap.message).toBe('Years must follow on from each other: add 2027-28 next, or 2021-22 before the earliest.');
    expect(gap.details?.issues?.[0]?.field).toBe('year');
    const opening = await t.refused('createYear', { year: '2027-28', openingBalancePence: 5 });
    expect(opening.details?.issues?.[0]).toMatchObject({ field: 'openingBalancePence', rule: 'opening balance only on the earliest year' });
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it("adding a year before the earliest moves the opening balance to it, so no year's position changes", async () => {
    const before = await t.ok('getPositionSeries', {});
    await t.ok('createYear', { year: '2021-22' });
    const after = await t.ok('getPositionSeries', {});
    expect(after[0]).toMatchObject({ year: '2021-22', broughtForwardPence: -1_200_000_000, carriedForwardPence: -1_200_000_000 });
    expect(after.slice(1).map((p) => [p.year, p.broughtForwardPence, p.carriedForwardPence])).toEqual(
      before.map((p) => [p.year, p.broughtForwardPence, p.carriedForwardPence]),
    );
    const years = await t.ok('listYears', {});
    expect(years.find((y) => y.id === '2022-23')).toMatchObject({ status: 'closed', openingBalancePence: null, isEarliest: false });
    expect(years.find((y) => y.id === '2021-22')).toMatchObject({ openingBalancePence: -1_200_000_000, isEarliest: true });
    expect((await t.refused('setOpeningBalance', { year: '2022-23', openingBalancePence: 0 })).code).toBe('CLOSED_YEAR');
  });
});

describe('closed years', () => {
  beforeEach(async () => {
    t = await testServer();
  });

  it('refuses every change to a closed year until it is reopened with a reason', async () => {
    const { a } = await smallYear();
    await t.ok('setForecasts', { year: '2024-25', period: 12, changes: [{ lineId: a, forecastPence: m(6.4) }] });
    await t.ok('setYearStatus', { year: '2024-25', status: 'closed', reason: 'Outturn agreed' });
    const before = dumpTables(t.sqlite);
    const attempts: Array<[string, unknown]> = [
      ['setForecasts', { year: '2024-25', period: 12, changes: [{ lineId: a, forecastPence: 1 }] }],
      ['setBudgets', { year: '2024-25', changes: [{ lineId: a, revisedPence: 1 }] }],
      ['saveAllocation', { year: '2024-25', block: 'hnb', allocationPence: 1, deductionsPence: 0, adjustmentsPence: 0, transfersPence: 0 }],
      ['saveContribution', { year: '2024-25', kind: 'council', amountPence: 1, note: '' }],
      ['setOpeningBalance', { year: '2024-25', openingBalancePence: 0 }],
      ['undo', {}],
    ];
    for (const [channel, input] of attempts) {
      const e = await t.refused(channel, input);
      expect(e.code, channel).toBe('CLOSED_YEAR');
      expect(e.message).toMatch(/2024-25 is closed/);
    }
    expect(dumpTables(t.sqlite)).toEqual(before);
    await t.ok('setYearStatus', { year: '2024-25', status: 'open', reason: 'Late adjustment from the auditors' });
    await t.ok('setForecasts', { year: '2024-25', period: 12, changes: [{ lineId: a, forecastPence: m(6.45) }] });
    expect((await t.refused('setYearStatus', { year: '2024-25', status: 'closed', reason: '   ' })).details?.issues?.[0]).toMatchObject({
      field: 'reason',
      rule: 'must not be blank',
    });
  });
});

describe('bad input is refused with the field and rule named, and nothing changes', () => {
  beforeEach(async () => {
    t = await testServer();
  });

  const cases: Array<[string, string, (ids: { a: number }) => unknown, string, string | undefined, RegExp]> = [
    [
      'a wrong type',
      'setForecasts',
      ({ a }) => ({ year: '2024-25', period: 6, changes: [{ lineId: a, forecastPence: '12,000' }] }),
      'INVALID_INPUT',
      'changes[0].forecastPence',
      /whole number of pence/,
    ],
    [
      'a fraction of a penny',
      'setBudgets',
      ({ a }) => ({ year: '2024-25', changes: [{ lineId: a, originalPence: 10.5 }] }),
      'INVALID_INPUT',
      'changes[0].originalPence',
      /whole number of pence/,
    ],
    [
      'a fraction of a penny in a budget',
      'setBudgets',
      ({ a }) => ({ year: '2024-25', changes: [{ lineId: a, originalPence: -100.5 }] }),
      'INVALID_INPUT',
      'changes[0].originalPence',
      /whole number of pence/,
    ],
    [
      'a negative contribution',
      'saveContribution',
      () => ({ year: '2024-25', kind: 'council', amountPence: -1, note: '' }),
      'INVALID_INPUT',
      'amountPence',
      /must not be negative/,
    ],
    [
      'an unknown line',
      'setForecasts',
      () => ({ year: '2024-25', period: 6, changes: [{ lineId: 9999, forecastPence: 1 }] }),
      'INVALID_INPUT',
      'changes[0].lineId',
      /no budget line with id 9999/,
    ],
    [
      'period 13',
      'setForecasts',
      ({ a }) => ({ year: '2024-25', period: 13, changes: [{ lineId: a, forecastPence: 1 }] }),
      'INVALID_INPUT',
      'period',
      /P1 \(April\) to P12 \(March\)/,
    ],
    ['period 0', 'getMonitoring', () => ({ year: '2024-25', period: 0 }), 'INVALID_INPUT', 'period', /P1 \(April\) to P12 \(March\)/],
    ['a badly written year', 'createYear', () => ({ year: '2024/25' }), 'INVALID_INPUT', 'year', /financial year such as 2024-25/],
    [
      'a year that does not exist',
      'setForecasts',
      ({ a }) => ({ year: '2031-32', period: 1, changes: [{ lineId: a, forecastPence: 1 }] }),
      'NOT_FOUND',
      'year',
      /no year 2031-32/,
    ],
    ['a duplicate year', 'createYear', () => ({ year: '2024-25' }), 'DUPLICATE', 'year', /already exists/],
    ['a missing field', 'setBudgets', () => ({ year: '2024-25' }), 'INVALID_INPUT', 'changes', /is required/],
    [
      'an unknown field',
      'setBudgets',
      ({ a }) => ({ year: '2024-25', changes: [{ lineId: a, originalPence: 1, budgetPence: 2 }] }),
      'INVALID_INPUT',
      'changes[0]',
      /unknown field budgetPence/,
    ],
    [
      'an empty change',
      'setBudgets',
      ({ a }) => ({ year: '2024-25', changes: [{ lineId: a }] }),
      'INVALID_INPUT',
      'changes[0]',
      /neither originalPence nor revisedPence/,
    ],
    [
      'a duplicate line code',
      'saveLine',
      () => ({ code: 'HN01', name: 'Copy', s251Code: null, groupId: 1, holder: '', active: true }),
      'INVALID_INPUT',
      'code',
      /already used/,
    ],
    [
      'an unknown s251 line',
      'saveLine',
      () => ({ code: 'HN99', name: 'New', s251Code: '1.2.12', groupId: 1, holder: '', active: true }),
      'INVALID_INPUT',
      's251Code',
      /no s251 line 1.2.12/,
    ],
    [
      'an opening balance on a later year',
      'setOpeningBalance',
      () => ({ year: '2025-26', openingBalancePence: 0 }),
      'INVALID_INPUT',
      'year',
      /Only the earliest year/,
    ],
    ['not an object', 'getSummary', () => 'nonsense', 'INVALID_INPUT', undefined, /expected object/],
    ['an unknown call', 'dropTables', () => ({}), 'NOT_AVAILABLE', undefined, /no call named "dropTables"/],
  ];

  it.each(cases)('%s', async (_what, channel, input, code, field, message) => {
    const { a } = await smallYear();
    await t.ok('createYear', { year: '2025-26' });
    const before = dumpTables(t.sqlite);
    const e: ErrorInfo = await t.refused(channel, input({ a }));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    if (field) expect(e.details?.issues?.map((i) => i.field)).toContain(field);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(auditCount()).toBe((before.audit_entry as unknown[]).length);
  });

  it('lists every problem at once, not just the first', async () => {
    await smallYear();
    const e = await t.refused('setForecasts', { year: '2024/25', period: 14, changes: [{ lineId: 0, forecastPence: 1.5, commentary: 5 }] });
    expect(e.details?.issues?.map((i) => i.field).sort()).toEqual(['changes[0].commentary', 'changes[0].forecastPence', 'changes[0].lineId', 'period', 'year']);
  });

  it('says why no workspace is open when the first one was refused', async () => {
    const bad = join(t.dir, 'refused.hnbdesk');
    writeFileSync(bad, 'not a database');
    const fresh = new DomainServer({ dataDir: t.dir, user: 'x', logError: () => undefined });
    await expect(fresh.openWorkspace(bad)).rejects.toThrow(/not a SQLite database/);
    const r = await fresh.call('listYears', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    expect(!r.ok && r.error.message).toMatch(/^No workspace is open: refused\.hnbdesk is not an HNB Desk workspace.*Open or create another workspace\.$/);
    fresh.close();
  });

  it('keeps the open workspace when another file is refused', async () => {
    await smallYear();
    const bad = join(t.dir, 'notes.hnbdesk');
    writeFileSync(bad, 'not a database');
    // The window may not name a path at all; the host's own route (a dialog) is refused for the file itself.
    expect((await t.refused('openWorkspace', { path: bad })).code).toBe('UNAUTHORIZED');
    await expect(t.server.openWorkspace(bad)).rejects.toMatchObject({ code: 'NOT_SQLITE' });
    expect((await t.ok('listYears', {})).map((y) => y.id)).toEqual(['2024-25']);
  });
});
