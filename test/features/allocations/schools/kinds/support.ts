/**
 * A small authority for the school workbooks: two years, an area partnership with a cluster
 * inside it and another partnership, four schools with their memberships, buy-in and figures.
 */
import type ExcelJS from 'exceljs';
import type { PartnershipInfo, SchoolInfo } from '../../../../../features/allocations/types';
import { streamedWorkbook } from '../../../../support/workbooks';
import type { TestServer } from '../../../../support/workspace';
import { columnId, openWithYears, Y1, Y2 } from '../fixture';

export { NOW, Y1, Y2 } from '../fixture';

export interface Authority {
  t: TestServer;
  brook: SchoolInfo;
  hill: SchoolInfo;
  vale: SchoolInfo;
  moor: SchoolInfo;
  north: PartnershipInfo;
  northA: PartnershipInfo;
  south: PartnershipInfo;
}

export async function authority(): Promise<Authority> {
  const t = await openWithYears();
  const save = (urn: number, name: string, over: Record<string, unknown> = {}) =>
    t.ok('saveSchool', { urn, name, phase: 'primary', type: 'maintained', ...over });
  const brook = await save(100001, 'Demo Brook Primary');
  const hill = await save(100002, 'Demo Hill Academy', { phase: 'secondary', type: 'academy', trust: 'Demo Learning Trust' });
  const vale = await save(100003, 'Demo Vale Special', { phase: 'all_through', type: 'special' });
  const moor = await save(100004, 'Demo Moor PRU', { phase: 'not_applicable', type: 'pru' });
  const north = await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion', area: 'North' });
  const northA = await t.ok('savePartnership', { name: 'North Cluster A', kind: 'cluster', parentId: north.id });
  const south = await t.ok('savePartnership', { name: 'South AIP', kind: 'area_inclusion', area: 'South' });
  for (const year of [Y1, Y2]) {
    await t.ok('setMembership', { year, schoolId: brook.id, partnershipId: northA.id });
    await t.ok('setMembership', { year, schoolId: hill.id, partnershipId: north.id });
    await t.ok('setMembership', { year, schoolId: vale.id, partnershipId: south.id });
  }
  await t.ok('setBuyIn', { year: Y2, schoolId: brook.id, status: 'bought_in', decidedOn: '2026-03-12', note: 'Minuted' });
  await t.ok('setBuyIn', { year: Y2, schoolId: hill.id, status: 'leaving', decidedOn: '2026-02-01' });
  const pupils = await columnId(t, 'pupils');
  const fsm = await columnId(t, 'fsm');
  await t.ok('setSchoolData', { year: Y2, schoolId: brook.id, values: { [pupils]: 210, [fsm]: 41.5 } });
  await t.ok('setSchoolData', { year: Y2, schoolId: hill.id, values: { [pupils]: 1180, [fsm]: 203 } });
  await t.ok('setSchoolData', { year: Y2, schoolId: vale.id, values: { [pupils]: 96 } });
  await t.ok('setSchoolData', { year: Y1, schoolId: brook.id, values: { [pupils]: 205 } });
  return { t, brook, hill, vale, moor, north, northA, south };
}

/** A one-sheet workbook of rows under a heading row, as another system writes it. */
export function foreignWorkbook(sheet: string, rows: ExcelJS.CellValue[][], above: ExcelJS.CellValue[][] = []): Promise<Buffer> {
  return streamedWorkbook((wb) => {
    const sh = wb.addWorksheet(sheet);
    for (const r of [...above, ...rows]) sh.addRow(r).commit();
    sh.commit();
  });
}

/** The error messages of a preview or refusal, for matching. */
export const messagesOf = (issues: Array<{ message: string }> | undefined) => (issues ?? []).map((i) => i.message);
