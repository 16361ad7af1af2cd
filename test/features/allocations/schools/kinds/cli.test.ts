/**
 * The school workbooks through the command line: `hnb export` writes them with the workspace's
 * data columns, `hnb import` takes a foreign extract with --map, and a hostile file exits 2 with
 * its cells named and the workspace file unchanged table by table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../../support/cli';
import { loadWorkbook, saveWorkbook } from '../../../../support/workbooks';
import { metaRow, rowWhere, set } from '../../../recovery/hostile/support';
import { type Authority, authority, foreignWorkbook, Y2 } from './support';

let a: Authority | undefined;
afterEach(() => {
  a?.t.close();
  a = undefined;
});

async function closedAuthority() {
  a = await authority();
  a.t.server.close();
  const dir = a.t.dir;
  return { dir, hnb: (...argv: string[]) => runHnb(dir, argv) };
}

describe('hnb and the school workbooks', () => {
  it('exports school data, and refuses a tampered copy with exit 2 naming every cell, writing nothing', async () => {
    const { dir, hnb } = await closedAuthority();
    expect((await hnb('export', 'school-data', '--year', Y2, '--out', 'data.xlsx')).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(dir, 'data.xlsx')));
    const sh = wb.getWorksheet('School data')!;
    set(sh, rowWhere(sh, 'URN', '100001'), 'Pupils', -1);
    set(sh, rowWhere(sh, 'URN', '100002'), 'Free school meals', 'n/a');
    const meta = wb.getWorksheet('_meta')!;
    meta.getCell(metaRow(meta, 'scope.year'), 2).value = '2025-26';
    writeFileSync(join(dir, 'data-back.xlsx'), await saveWorkbook(wb));

    const before = workspaceSnapshot(dir);
    const r = await hnb('import', 'data-back.xlsx', '--apply', '--json');
    expect(r.code).toBe(2);
    const errors = (JSON.parse(r.out) as { errors: Array<{ sheet: string; cell: string; message: string }> }).errors;
    expect(errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(
      expect.arrayContaining(['School data!F5', 'School data!G6', 'School data!E5', 'School data!E6', 'School data!E7', 'School data!E8']),
    );
    expect(errors.find((e) => e.cell === 'F5')?.message).toBe('School data!F5 — Pupils must not be negative — found -1');
    expect(workspaceSnapshot(dir)).toEqual(before);
  });

  it('imports a Get Information about Schools extract with --map, then lists the schools', async () => {
    const { dir, hnb } = await closedAuthority();
    writeFileSync(
      join(dir, 'gias.xlsx'),
      await foreignWorkbook('edubase', [
        ['URN', 'EstablishmentName', 'TypeOfEstablishment (name)', 'PhaseOfEducation (name)', 'EstablishmentStatus (name)'],
        [140020, 'Demo Orchard Nursery', 'Local authority nursery school', 'Nursery', 'Open'],
        [100004, 'Demo Moor Short Stay School', 'Pupil referral unit', 'Not applicable', 'Open'],
      ]),
    );
    const r = await hnb(
      'import',
      'gias.xlsx',
      '--kind',
      'schools',
      '--year',
      Y2,
      '--map',
      'URN=urn,EstablishmentName=name,TypeOfEstablishment (name)=type,PhaseOfEducation (name)=phase,EstablishmentStatus (name)=status',
      '--apply',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Imported as batch \d+: 1 changed, 1 added, 0 removed\./);
    const listed = JSON.parse((await hnb('schools', '--year', Y2, '--json')).out) as Array<{ urn: number; name: string; type: string }>;
    expect(listed.filter((s) => s.urn === 140020 || s.urn === 100004).map((s) => [s.urn, s.name, s.type])).toEqual(
      expect.arrayContaining([
        [140020, 'Demo Orchard Nursery', 'maintained'],
        [100004, 'Demo Moor Short Stay School', 'pru'],
      ]),
    );
  });

  it('a --map naming a field the year has no column for is refused with the fields there are', async () => {
    const { dir, hnb } = await closedAuthority();
    writeFileSync(
      join(dir, 'census.xlsx'),
      await foreignWorkbook('Census', [
        ['URN', 'NOR'],
        [100001, 215],
      ]),
    );
    const before = workspaceSnapshot(dir);
    const r = await hnb('import', 'census.xlsx', '--kind', 'school-data', '--year', Y2, '--map', 'URN=urn,NOR=data.roll', '--apply');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"data.roll" is not a field of this workbook (the fields are urn, year, data.pupils, data.fsm');
    expect(workspaceSnapshot(dir)).toEqual(before);
    const ok = await hnb('import', 'census.xlsx', '--kind', 'school-data', '--year', Y2, '--map', 'URN=urn,NOR=data.pupils', '--apply');
    expect(ok.code).toBe(0);
  });
});
