/**
 * A small authority for the returns tests, built through the real handlers: 2025-26 and 2026-27,
 * three area partnerships and the agreements that fund them, and a 2026-27 allocation run.
 *
 * The run shares a £600,000 pot by pupils alone (North 1,000, South 2,000, West 0) and pays 2
 * places at £10,000 to North, so:
 *   North £200,000 + £20,000 = £220,000 (termly; AIP-N: underspend above 15% returned whole)
 *   South £400,000           = £400,000 (termly; AIP-S: only the part above 15% returned)
 *   West  £0                            (annual; no agreement)
 * East has no schools, so is not in the run at all; Cluster N1 is inside North.
 */
import type { ReturnsOverview } from '../../../../features/allocations/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { expect } from 'vitest';

export const YEAR = '2026-27';
/** Noon on 3 December 2026 in London: "today" on the server. */
export const NOW = () => new Date('2026-12-03T12:00:00Z');

export interface Fixture {
  t: TestServer;
  ids: { north: number; south: number; west: number; east: number; cluster: number; aipN: number; aipS: number; runId: number };
  categories: Record<string, number>;
  measures: Record<string, number>;
}

const agreementInput = (reference: string, counterparty: string) => ({
  reference,
  counterparty,
  type: 'cooperation',
  legalBasis: 'pcr2015_reg12_7',
  startOn: '2025-04-01',
  endOn: '2028-03-31',
  annualValuePence: 60_000_000,
  extensionsOffered: 0,
  extensionMonths: 0,
});

export async function fixture(o: { now?: () => Date } = {}): Promise<Fixture> {
  const t = await testServer({ now: o.now ?? NOW });
  await t.ok('createYear', { year: '2025-26' });
  await t.ok('createYear', { year: YEAR });
  const aipN = await t.ok('saveAgreement', agreementInput('AIP-N', 'North Area Inclusion Partnership'));
  await t.ok('saveCondition', {
    agreementId: aipN.id,
    kind: 'underspend_return',
    text: 'An underspend above 15% at year end is returned unless a development plan is approved',
    thresholdBp: 1500,
    returnBasis: 'whole',
  });
  const aipS = await t.ok('saveAgreement', agreementInput('AIP-S', 'South Area Inclusion Partnership'));
  await t.ok('saveCondition', { agreementId: aipS.id, kind: 'other', text: 'Termly returns to the forum' });
  await t.ok('saveCondition', {
    agreementId: aipS.id,
    kind: 'underspend_return',
    text: 'The part of an underspend above 15% is returned',
    thresholdBp: 1500,
    returnBasis: 'above_threshold',
  });
  const part = (name: string, extra: Record<string, unknown> = {}) =>
    t.ok('savePartnership', { name, area: name.split(' ')[0], kind: 'area_inclusion', ...extra }).then((p) => p.id);
  const north = await part('North AIP', { agreementId: aipN.id });
  const south = await part('South AIP', { agreementId: aipS.id });
  const west = await part('West AIP', { returnFrequency: 'annual' });
  const east = await part('East AIP');
  const cluster = await part('Cluster N1', { kind: 'cluster', parentId: north });

  const columns = await t.ok('listDataColumns', {});
  const pupils = columns.find((c) => c.key === 'pupils')!.id;
  const schools: Array<[number, string, number, number]> = [
    [100001, 'Demo Brook Primary', north, 600],
    [100002, 'Demo Ash Primary', cluster, 400],
    [100003, 'Demo Elm Secondary', south, 2000],
    [100004, 'Demo Oak Special', west, 0],
  ];
  for (const [urn, name, partnershipId, count] of schools) {
    const s = await t.ok('saveSchool', { urn, name, phase: 'primary', type: 'maintained' });
    await t.ok('setMembership', { year: YEAR, schoolId: s.id, partnershipId });
    await t.ok('setSchoolData', { year: YEAR, schoolId: s.id, values: { [pupils]: count } });
  }
  const run = await t.ok('createRun', {
    year: YEAR,
    name: 'Autumn 2026',
    formulaPotPence: 60_000_000,
    placeRatePence: 1_000_000,
    factors: [{ name: 'Pupil numbers', weightBp: 10_000, columns: [{ columnId: pupils, weight: 1 }] }],
    places: [{ partnershipId: north, places: 2 }],
  });
  const headings = await t.ok('listReturnHeadings', {});
  return {
    t,
    ids: { north, south, west, east, cluster, aipN: aipN.id, aipS: aipS.id, runId: run.id },
    categories: Object.fromEntries(headings.categories.map((c) => [c.name, c.id])),
    measures: Object.fromEntries(headings.measures.map((m) => [m.name, m.id])),
  };
}

export const of = (o: ReturnsOverview, name: string) => {
  const p = o.partnerships.find((x) => x.partnership === name);
  if (!p) throw new Error(`${name} is not in the overview`);
  return p;
};

/** A refusal that wrote nothing: the error, with the database compared table by table. */
export async function refusedUnchanged(t: TestServer, channel: string, input: unknown) {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e;
}
