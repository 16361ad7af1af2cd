/**
 * Schools, partnerships, membership and data for the run tests, written straight into the
 * tables: the runs are under test here, not the school handlers.
 */
import type Database from 'better-sqlite3';

export const YEAR = '2026-27';
export const LAST_YEAR = '2025-26';

export function column(sqlite: Database.Database, key: string, name = key): number {
  const had = sqlite.prepare('SELECT id FROM school_data_column WHERE key = ?').pluck().get(key) as number | undefined;
  if (had !== undefined) return had;
  return Number(sqlite.prepare('INSERT INTO school_data_column (key, name) VALUES (?, ?)').run(key, name).lastInsertRowid);
}

let nextUrn = 100_001;
export function school(sqlite: Database.Database, name: string, status: 'open' | 'closed' = 'open'): number {
  return Number(
    sqlite.prepare("INSERT INTO school (urn, name, phase, type, status) VALUES (?, ?, 'primary', 'maintained', ?)").run(nextUrn++, name, status)
      .lastInsertRowid,
  );
}

export function partnership(sqlite: Database.Database, name: string, parentId: number | null = null): number {
  const kind = parentId === null ? 'area_inclusion' : 'cluster';
  return Number(sqlite.prepare('INSERT INTO partnership (name, kind, parent_id) VALUES (?, ?, ?)').run(name, kind, parentId).lastInsertRowid);
}

export function member(sqlite: Database.Database, year: string, schoolId: number, partnershipId: number): void {
  sqlite.prepare('INSERT INTO partnership_member (year_id, school_id, partnership_id) VALUES (?, ?, ?)').run(year, schoolId, partnershipId);
}

export function data(sqlite: Database.Database, year: string, schoolId: number, values: Record<number, number>): void {
  const st = sqlite.prepare(
    'INSERT INTO school_data (year_id, school_id, column_id, value) VALUES (?, ?, ?, ?) ON CONFLICT (year_id, school_id, column_id) DO UPDATE SET value = excluded.value',
  );
  for (const [c, v] of Object.entries(values)) st.run(year, schoolId, Number(c), v);
}

export interface HandWorked {
  pupils: number;
  fsm: number;
  idaciA: number;
  north: number;
  northCluster: number;
  south: number;
  east: number;
  west: number;
  schools: Record<string, number>;
}

/**
 * The hand-worked example (see runs.test.ts for the arithmetic):
 *   North: N1 (100 pupils, 10 FSM, 4 IDACI A) and, through its cluster, N2 (200, 20, 0)
 *   South: S1 (300, 20, 8), and S2, closed, whose 1,000 pupils do not count
 *   East:  E1 (400, 50, 20)
 *   West:  no schools (it has places only)
 *   A school in no partnership (500 pupils) does not count either.
 */
export function handWorked(sqlite: Database.Database, year = YEAR): HandWorked {
  const pupils = column(sqlite, 'pupils', 'Pupils');
  const fsm = column(sqlite, 'fsm', 'Free school meals');
  const idaciA = column(sqlite, 'idaci_a', 'IDACI band A');
  const north = partnership(sqlite, 'North');
  const northCluster = partnership(sqlite, 'North Cluster 1', north);
  const south = partnership(sqlite, 'South');
  const east = partnership(sqlite, 'East');
  const west = partnership(sqlite, 'West');
  const schools: Record<string, number> = {};
  const add = (name: string, p: number | null, v: [number, number, number], status: 'open' | 'closed' = 'open') => {
    const s = school(sqlite, `Demo ${name} School`, status);
    schools[name] = s;
    if (p !== null) member(sqlite, year, s, p);
    data(sqlite, year, s, { [pupils]: v[0], [fsm]: v[1], [idaciA]: v[2] });
  };
  add('N1', north, [100, 10, 4]);
  add('N2', northCluster, [200, 20, 0]);
  add('S1', south, [300, 20, 8]);
  add('S2', south, [1000, 100, 100], 'closed');
  add('E1', east, [400, 50, 20]);
  add('Lone', null, [500, 50, 50]);
  return { pupils, fsm, idaciA, north, northCluster, south, east, west, schools };
}

/** Pupils 40%; targeted (FSM + half of IDACI A) 60%; £10,000 pot; £10,000 a place; North 5, East 2, West 1 places. */
export function handWorkedRun(h: HandWorked, name = 'Hand-worked') {
  return {
    year: YEAR,
    name,
    formulaPotPence: 1_000_000,
    placeRatePence: 1_000_000,
    factors: [
      { name: 'Pupil numbers', weightBp: 4000, columns: [{ columnId: h.pupils, weight: 1 }] },
      {
        name: 'Targeted',
        weightBp: 6000,
        columns: [
          { columnId: h.fsm, weight: 1 },
          { columnId: h.idaciA, weight: 0.5 },
        ],
      },
    ],
    places: [
      { partnershipId: h.north, places: 5 },
      { partnershipId: h.east, places: 2 },
      { partnershipId: h.west, places: 1 },
    ],
  };
}
