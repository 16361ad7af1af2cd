import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer } from '../../../support/workspace';
import { addSchools, openWithYears, refusedUnchanged, Y1, Y2 } from './fixture';

let t: TestServer;
afterEach(() => t?.close());

/** An area inclusion partnership's cooperation agreement, as domain.md section 5 gives it. */
const aipAgreement = {
  reference: 'AIP-N',
  counterparty: 'North Area Inclusion Partnership',
  type: 'cooperation',
  legalBasis: 'pcr2015_reg12_7',
  startOn: '2026-04-01',
  endOn: '2027-03-31',
  annualValuePence: 105_111_000,
  extensionsOffered: 2,
  extensionMonths: 12,
};

describe('partnerships and clusters', () => {
  it('keeps an area partnership with its agreement and lead school, and lists its clusters under it with their members', async () => {
    t = await openWithYears();
    const [lead, a, b] = await addSchools(t, 3);
    const agreement = await t.ok('saveAgreement', aipAgreement);
    const north = await t.ok('savePartnership', {
      name: 'North AIP',
      area: 'North',
      kind: 'area_inclusion',
      leadSchoolId: lead!.id,
      agreementId: agreement.id,
      returnFrequency: 'termly',
      note: 'Devolved by formula',
    });
    expect(north).toMatchObject({
      name: 'North AIP',
      parentId: null,
      parentName: null,
      leadSchoolName: 'Test School 01',
      agreementId: agreement.id,
      agreementLabel: 'AIP-N North Area Inclusion Partnership',
      returnFrequency: 'termly',
      members: 0,
    });
    const west = await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster', parentId: north.id, area: 'North' });
    const east = await t.ok('savePartnership', { name: 'Eastgate Cluster', kind: 'cluster', parentId: north.id, area: 'North' });
    const annual = await t.ok('savePartnership', { name: 'City Partnership', kind: 'other', returnFrequency: 'annual' });
    expect(west).toMatchObject({ parentId: north.id, parentName: 'North AIP', agreementLabel: null, returnFrequency: 'termly' });
    await t.ok('setMembership', { year: Y2, schoolId: a!.id, partnershipId: west.id });
    await t.ok('setMembership', { year: Y2, schoolId: b!.id, partnershipId: west.id });
    await t.ok('setMembership', { year: Y2, schoolId: lead!.id, partnershipId: north.id });

    const list = await t.ok('listPartnerships', { year: Y2 });
    expect(list.map((p) => [p.name, p.parentName, p.members])).toEqual([
      ['City Partnership', null, 0],
      ['North AIP', null, 1],
      ['Eastgate Cluster', 'North AIP', 0],
      ['Westfield Cluster', 'North AIP', 2],
    ]);
    expect(list[0]).toMatchObject({ id: annual.id, returnFrequency: 'annual', kind: 'other' });
    expect((await t.ok('listPartnerships', {})).map((p) => p.members)).toEqual([0, 0, 0, 0]);
    expect(east.id).toBeGreaterThan(0);
  });

  it('goes one level only: no cluster inside a cluster, no parent for a partnership with clusters, nothing inside itself', async () => {
    t = await openWithYears();
    const north = await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion' });
    const south = await t.ok('savePartnership', { name: 'South AIP', kind: 'area_inclusion' });
    const west = await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster', parentId: north.id });

    const deeper = await refusedUnchanged(t, 'savePartnership', { name: 'Little Cluster', kind: 'cluster', parentId: west.id });
    expect(deeper.code).toBe('INVALID_INPUT');
    expect(deeper.message).toBe(
      'Westfield Cluster is itself a cluster inside North AIP, so Little Cluster cannot sit inside it: clusters go one level down only. Choose North AIP instead.',
    );
    expect(deeper.details?.issues?.[0]?.field).toBe('parentId');

    const parentWithClusters = await refusedUnchanged(t, 'savePartnership', { id: north.id, name: 'North AIP', kind: 'area_inclusion', parentId: south.id });
    expect(parentWithClusters.message).toBe(
      'North AIP has a cluster inside it (Westfield Cluster), so it cannot sit inside South AIP: clusters go one level down only.',
    );

    const itself = await refusedUnchanged(t, 'savePartnership', { id: south.id, name: 'South AIP', kind: 'area_inclusion', parentId: south.id });
    expect(itself.message).toBe('South AIP cannot sit inside itself: choose another partnership, or none.');

    // Moving a cluster to another area partnership, and taking it out to stand alone, are both fine.
    expect((await t.ok('savePartnership', { id: west.id, name: 'Westfield Cluster', kind: 'cluster', parentId: south.id })).parentName).toBe('South AIP');
    expect((await t.ok('savePartnership', { id: west.id, name: 'Westfield Cluster', kind: 'cluster', parentId: null })).parentId).toBeNull();
    // With its cluster gone, North may now sit inside South.
    expect((await t.ok('savePartnership', { id: north.id, name: 'North AIP', kind: 'area_inclusion', parentId: south.id })).parentName).toBe('South AIP');
  });

  it('keeps an agreement that funds a partnership from being deleted under it, saying what still refers to it', async () => {
    t = await openWithYears();
    const agreement = await t.ok('saveAgreement', aipAgreement);
    await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion', agreementId: agreement.id });
    const refused = await refusedUnchanged(t, 'deleteAgreement', { id: agreement.id });
    expect(refused.message).toBe(
      'The agreement could not be deleted because other records still refer to it (1 partnership). Remove those links first. Nothing was changed.',
    );
    // Unlinked, it goes.
    const north = (await t.ok('listPartnerships', {}))[0]!;
    await t.ok('savePartnership', { id: north.id, name: 'North AIP', kind: 'area_inclusion', agreementId: null });
    await t.ok('deleteAgreement', { id: agreement.id });
  });

  it('refuses a name already used, and an agreement, lead school or parent that does not exist, writing nothing', async () => {
    t = await openWithYears();
    await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion' });
    const dup = await refusedUnchanged(t, 'savePartnership', { name: ' north aip', kind: 'cluster' });
    expect(dup).toMatchObject({ code: 'DUPLICATE', message: 'There is already a partnership called North AIP: each partnership needs its own name.' });
    for (const [field, id] of [
      ['agreementId', 404],
      ['leadSchoolId', 405],
      ['parentId', 406],
    ] as const) {
      const e = await refusedUnchanged(t, 'savePartnership', { name: 'New', kind: 'cluster', [field]: id });
      expect(e.code).toBe('NOT_FOUND');
      expect(e.details?.issues?.[0]?.field).toBe(field);
    }
    const kind = await refusedUnchanged(t, 'savePartnership', { name: 'New', kind: 'trust' });
    expect(kind.details?.issues?.[0]?.message).toBe('kind must be an area inclusion partnership, a cluster or other');
  });

  it('deletes a partnership with its members of every year (undo brings them back)', async () => {
    t = await openWithYears();
    const [a] = await addSchools(t, 1);
    const p = await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster' });
    await t.ok('setMembership', { year: Y1, schoolId: a!.id, partnershipId: p.id });
    await t.ok('setMembership', { year: Y2, schoolId: a!.id, partnershipId: p.id });
    const before = dumpTables(t.sqlite);
    await t.ok('deletePartnership', { id: p.id });
    expect(await t.ok('listPartnerships', {})).toEqual([]);
    expect((await t.ok('listSchools', { year: Y1 })).schools[0]!.partnershipId).toBeNull();
    await t.ok('undo', {});
    const after = dumpTables(t.sqlite);
    expect(after.partnership).toEqual(before.partnership);
    expect(after.partnership_member).toEqual(before.partnership_member);
  });

  it('keeps a partnership that has clusters, an allocation in a run, or returns', async () => {
    t = await openWithYears();
    const north = await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion' });
    await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster', parentId: north.id });
    await t.ok('savePartnership', { name: 'Eastgate Cluster', kind: 'cluster', parentId: north.id });
    const withClusters = await refusedUnchanged(t, 'deletePartnership', { id: north.id });
    expect(withClusters.message).toBe('North AIP has clusters inside it (Eastgate Cluster, Westfield Cluster): move or delete them first.');

    const south = await t.ok('savePartnership', { name: 'South AIP', kind: 'area_inclusion' });
    t.sqlite
      .prepare(
        "INSERT INTO allocation_run (id, year_id, name, formula_pot_pence, place_rate_pence, calculated_at) VALUES (1, '2026-27', 'Main run', 100000, 0, '2026-12-01T10:00:00Z')",
      )
      .run();
    t.sqlite.prepare("INSERT INTO allocation_run_partnership (run_id, partnership_id, name, places, schools) VALUES (1, ?, 'South', 10, 4)").run(south.id);
    t.sqlite.prepare("INSERT INTO partnership_return (year_id, partnership_id, period) VALUES ('2025-26', ?, 'annual')").run(south.id);
    const used = await refusedUnchanged(t, 'deletePartnership', { id: south.id });
    expect(used.details?.issues?.map((i) => i.message)).toEqual([
      'South AIP has an allocation in the run Main run (2026-27), so it cannot be deleted: a run keeps who it allocated to.',
      'South AIP has returns or a development plan recorded for 2025-26, so it cannot be deleted.',
    ]);
    expect((await t.refused('deletePartnership', { id: 999 })).code).toBe('NOT_FOUND');
  });
});
