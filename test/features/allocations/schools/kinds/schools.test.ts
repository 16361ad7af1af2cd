/**
 * The schools workbook: each school by URN with, for the year, its partnership and buy-in. Round
 * tripped through HNB Desk's own export, and read from the DfE's Get Information about Schools
 * extract by its headings, the DfE's words taken as ours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../../../support/workspace';
import { apply, exported, get, messages, previewOf, rowWhere, set, spareRow, tampered } from '../../../recovery/hostile/support';
import { type Authority, authority, foreignWorkbook, Y1, Y2 } from './support';

let a: Authority;
afterEach(() => a?.t.close());

const SHEET = 'Schools';
const schoolsOf = async (year: string) => (await a.t.ok('listSchools', { year })).schools;
const byUrn = async (year: string, urn: number) => (await schoolsOf(year)).find((s) => s.urn === urn)!;

describe('export', () => {
  it("writes every school with the year's partnership and buy-in, as people read them", async () => {
    a = await authority();
    const bytes = await exported(a.t, 'schools', { year: Y2 });
    await tampered(bytes, SHEET, (sh, meta) => {
      expect((sh.getRow(4).values as unknown[]).slice(1)).toEqual([
        'Row id',
        'URN',
        'School',
        'Phase',
        'Type',
        'Trust',
        'Open or closed',
        'Year',
        'Partnership',
        'Buy-in',
        'Decision date',
        'Buy-in note',
      ]);
      const hill = rowWhere(sh, 'URN', '100002');
      expect([get(sh, hill, 'School'), get(sh, hill, 'Phase'), get(sh, hill, 'Type'), get(sh, hill, 'Trust'), get(sh, hill, 'Partnership')]).toEqual([
        'Demo Hill Academy',
        'Secondary',
        'Academy',
        'Demo Learning Trust',
        'North AIP',
      ]);
      const brook = rowWhere(sh, 'URN', '100001');
      expect([get(sh, brook, 'Buy-in'), get(sh, brook, 'Buy-in note'), get(sh, brook, 'Year')]).toEqual(['Bought in', 'Minuted', Y2]);
      expect(get(sh, rowWhere(sh, 'URN', '100004'), 'Partnership')).toBeNull();
      // A kind with fixed columns records none in _meta.
      expect([...Array(meta.rowCount).keys()].some((i) => meta.getCell(i + 1, 1).value === 'columns')).toBe(false);
    });
  });
});

describe('round trip', () => {
  it('changes schools, moves one between partnerships, records buy-in and adds a new school', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SHEET, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100001'), 'School', 'Demo Brook Church of England Primary');
      set(sh, rowWhere(sh, 'URN', '100002'), 'Partnership', 'south aip');
      const vale = rowWhere(sh, 'URN', '100003');
      set(sh, vale, 'Buy-in', 'Yet to decide');
      set(sh, vale, 'Buy-in note', 'Governors meet in January');
      const moor = rowWhere(sh, 'URN', '100004');
      set(sh, moor, 'Open or closed', 'Closed');
      const spare = spareRow(sh, 'URN');
      set(sh, spare, 'URN', 100010);
      set(sh, spare, 'School', 'Demo Meadow Infants');
      set(sh, spare, 'Phase', 'Primary');
      set(sh, spare, 'Type', 'Maintained');
      set(sh, spare, 'Open or closed', 'Open');
      set(sh, spare, 'Partnership', 'North Cluster A');
      set(sh, spare, 'Buy-in', 'Bought in');
      set(sh, spare, 'Decision date', new Date('2026-06-30T00:00:00Z'));
    });
    const p = await previewOf(a.t, bytes, 'Schools 2026-27.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ added: 1, changed: 4, unchanged: 0 });
    await apply(a.t, p);

    expect(await byUrn(Y2, 100001)).toMatchObject({ name: 'Demo Brook Church of England Primary', partnershipName: 'North Cluster A' });
    // The move is for 2026-27 only: 2025-26's membership stands.
    expect(await byUrn(Y2, 100002)).toMatchObject({ partnershipName: 'South AIP', buyIn: 'leaving' });
    expect(await byUrn(Y1, 100002)).toMatchObject({ partnershipName: 'North AIP' });
    expect(await byUrn(Y2, 100003)).toMatchObject({ buyIn: 'undecided', buyInDecidedOn: null, buyInNote: 'Governors meet in January' });
    expect(await byUrn(Y2, 100004)).toMatchObject({ status: 'closed' });
    expect(await byUrn(Y2, 100010)).toMatchObject({
      name: 'Demo Meadow Infants',
      phase: 'primary',
      type: 'maintained',
      status: 'open',
      partnershipName: 'North Cluster A',
      buyIn: 'bought_in',
      buyInDecidedOn: '2026-06-30',
    });
    expect(await byUrn(Y1, 100010)).toMatchObject({ partnershipName: null, buyIn: null });
  });

  it('clearing a buy-in decision clears its date and note; a file sent back unchanged changes nothing', async () => {
    a = await authority();
    const bytes = await exported(a.t, 'schools', { year: Y2 });
    const same = await previewOf(a.t, bytes);
    expect(same.counts).toMatchObject({ changed: 0, added: 0, unchanged: 4 });
    const cleared = await tampered(bytes, SHEET, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      for (const h of ['Buy-in', 'Decision date', 'Buy-in note']) set(sh, brook, h, null);
      set(sh, rowWhere(sh, 'URN', '100003'), 'Partnership', null);
    });
    await apply(a.t, await previewOf(a.t, cleared));
    expect(await byUrn(Y2, 100001)).toMatchObject({ buyIn: null, buyInDecidedOn: null, buyInNote: '' });
    expect(await byUrn(Y2, 100003)).toMatchObject({ partnershipName: null });
    expect(await byUrn(Y1, 100003)).toMatchObject({ partnershipName: 'South AIP' });
  });

  it('removing rows missing from the file marks those schools closed, keeping their records', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SHEET, (sh) => {
      sh.spliceRows(rowWhere(sh, 'URN', '100003'), 1);
    });
    const p = await previewOf(a.t, bytes);
    expect(p.rows).toEqual([expect.objectContaining({ status: 'missing', ref: '100003', note: expect.stringContaining('the school is marked closed') })]);
    await apply(a.t, p, { deleteMissing: true });
    expect(await byUrn(Y2, 100003)).toMatchObject({ status: 'closed', partnershipName: 'South AIP' });
  });
});

/** Headings and rows as the DfE's Get Information about Schools extract has them (a few of its many columns). */
const GIAS_HEADINGS = [
  'URN',
  'LA (code)',
  'LA (name)',
  'EstablishmentNumber',
  'EstablishmentName',
  'TypeOfEstablishment (code)',
  'TypeOfEstablishment (name)',
  'EstablishmentTypeGroup (code)',
  'EstablishmentTypeGroup (name)',
  'EstablishmentStatus (code)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (code)',
  'PhaseOfEducation (name)',
  'StatutoryLowAge',
  'StatutoryHighAge',
  'Trusts (code)',
  'Trusts (name)',
  'NumberOfPupils',
  'OpenDate',
];

const gias = (urn: number, name: string, type: string, group: string, status: string, phase: string, trust = '') => [
  urn,
  999,
  'Demo Borough',
  2000 + (urn % 1000),
  name,
  1,
  type,
  4,
  group,
  1,
  status,
  2,
  phase,
  4,
  11,
  trust ? 5000 : null,
  trust || null,
  300,
  '01-09-2012',
];

describe('a Get Information about Schools extract', () => {
  it('is mapped by its headings and its words are read as ours', async () => {
    a = await authority();
    const bytes = await foreignWorkbook('edubasealldata', [
      GIAS_HEADINGS,
      gias(100002, 'Demo Hill Academy', 'Academy converter', 'Academies', 'Open', 'Secondary', 'Demo Learning Trust'),
      gias(100001, 'Demo Brook Primary School', 'Voluntary aided school', 'Local authority maintained schools', 'Open', 'Primary'),
      gias(140001, 'Demo Ridge Special Academy', 'Academy special converter', 'Special schools', 'Open', 'Not applicable', 'Demo Special Trust'),
      gias(140002, 'Demo Lane Short Stay School', 'Pupil referral unit', 'Local authority maintained schools', 'Open, but proposed to close', 'Not applicable'),
      gias(140003, 'Demo Bridge AP Free School', 'Free schools alternative provision', 'Free Schools', 'Open', 'Not applicable', 'Demo AP Trust'),
      gias(140004, 'Demo Tower Middle', 'Foundation school', 'Local authority maintained schools', 'Open', 'Middle deemed secondary'),
      gias(140005, 'Demo New Special', 'Free schools special', 'Free Schools', 'Proposed to open', 'All-through'),
    ]);
    const start = await a.t.ok('importFile', {
      source: { fileName: 'edubaseallstatefunded.xlsx', base64: bytes.toString('base64') },
      kind: 'schools',
      scope: { year: Y2 },
    });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    const col = (h: string) => GIAS_HEADINGS.indexOf(h) + 1;
    expect(start.proposal.proposed).toEqual({
      urn: col('URN'),
      name: col('EstablishmentName'),
      type: col('TypeOfEstablishment (name)'),
      status: col('EstablishmentStatus (name)'),
      phase: col('PhaseOfEducation (name)'),
      trust: col('Trusts (name)'),
    });
    const before = dumpTables(a.t.sqlite);
    const p = await a.t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'schools',
      scope: { year: Y2 },
      headerRow: 1,
      columns: start.proposal.proposed,
    });
    expect(dumpTables(a.t.sqlite)).toEqual(before);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ added: 5, changed: 1, unchanged: 1 });
    expect(p.notes).toContain('Not in this file, so left as they are: Partnership, Buy-in, Decision date, Buy-in note.');
    expect(p.rows.find((r) => r.ref === '100001')?.cells).toEqual([
      { field: 'name', header: 'School', old: 'Demo Brook Primary', new: 'Demo Brook Primary School' },
    ]);
    await apply(a.t, p);

    const got = (await schoolsOf(Y2)).filter((s) => s.urn >= 140000).map((s) => [s.urn, s.type, s.phase, s.status, s.trust]);
    expect(got).toEqual([
      [140003, 'ap', 'not_applicable', 'open', 'Demo AP Trust'],
      [140002, 'pru', 'not_applicable', 'open', ''],
      [140005, 'special', 'all_through', 'closed', ''],
      [140001, 'special', 'not_applicable', 'open', 'Demo Special Trust'],
      [140004, 'maintained', 'middle', 'open', ''],
    ]);
    // Membership and buy-in were not in the file: left as they were.
    expect(await byUrn(Y2, 100001)).toMatchObject({ type: 'maintained', partnershipName: 'North Cluster A', buyIn: 'bought_in' });
  });

  it('refuses an establishment HNB Desk does not fund by formula, naming the cell and the words it reads', async () => {
    a = await authority();
    const bytes = await foreignWorkbook('edubasealldata', [
      GIAS_HEADINGS,
      gias(140001, 'Demo Ridge Special Academy', 'Academy special converter', 'Special schools', 'Open', 'Not applicable'),
      gias(140009, 'Demo Priory Independent', 'Other independent school', 'Independent schools', 'Open', 'Not applicable'),
    ]);
    const before = dumpTables(a.t.sqlite);
    const start = await a.t.ok('importFile', { source: { fileName: 'gias.xlsx', base64: bytes.toString('base64') }, kind: 'schools', scope: { year: Y2 } });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    const p = await a.t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'schools',
      scope: { year: Y2 },
      headerRow: 1,
      columns: start.proposal.proposed,
    });
    expect(messages(p)).toEqual([
      'edubasealldata!G3 — Type must be one of the type values in the list (Maintained, Academy, Special, Pupil referral unit, Alternative provision), or a word another system uses for one — found "Other independent school"',
    ]);
    const r = await a.t.refused('applyImport', { importId: p.importId, confirmFlags: true });
    expect(r.message).toBe('gias.xlsx has 1 problem to fix first; nothing was changed.');
    expect(dumpTables(a.t.sqlite)).toEqual(before);
  });
});
