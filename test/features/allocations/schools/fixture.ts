import { expect } from 'vitest';
import type { SchoolInfo } from '../../../../features/allocations/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';

/** Noon on 3 December 2026 in London: "today" on the server. */
export const NOW = () => new Date('2026-12-03T12:00:00Z');
export const Y1 = '2025-26';
export const Y2 = '2026-27';

/** A workspace with the two years the tests use. */
export async function openWithYears(): Promise<TestServer> {
  const t = await testServer({ now: NOW });
  await t.ok('createYear', { year: Y1 });
  await t.ok('createYear', { year: Y2 });
  return t;
}

export const aSchool = (over: Record<string, unknown> = {}) => ({ urn: 100001, name: 'Test Brook Primary', phase: 'primary', type: 'maintained', ...over });

export async function addSchools(t: TestServer, n: number, first = 100001): Promise<SchoolInfo[]> {
  const out: SchoolInfo[] = [];
  for (let i = 0; i < n; i++) out.push(await t.ok('saveSchool', aSchool({ urn: first + i, name: `Test School ${String(i + 1).padStart(2, '0')}` })));
  return out;
}

/** A data column's id by its key. */
export async function columnId(t: TestServer, key: string): Promise<number> {
  const c = (await t.ok('listDataColumns', {})).find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.id;
}

/** A refusal that wrote nothing: the error, with the database compared table by table. */
export async function refusedUnchanged(t: TestServer, channel: string, input: unknown) {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e;
}
