import { expect } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';

/**
 * The demo loaded again on another day writes the same rows in `tables` as it did in `t`: none
 * of them hangs on the clock, or on anything but the demo's own seeds.
 */
export async function expectSameDemoRows(t: TestServer, tables: readonly string[]): Promise<void> {
  const pick = (d: Record<string, unknown[]>) => Object.fromEntries(tables.map((n) => [n, d[n]]));
  const again = await testServer({ demo: true, now: () => new Date('2027-01-15T09:00:00Z') });
  try {
    expect(pick(dumpTables(again.sqlite))).toEqual(pick(dumpTables(t.sqlite)));
  } finally {
    again.close();
  }
}
