/**
 * The allocation each partnership's returns are held against: the year's run (the most recently
 * approved, else the latest), worked out from its snapshot by the runs area.
 */
import type { Workspace } from '../../../electron/server/workspace';
import { allocationsForYear } from '../runs/queries';
import type { RunInfo } from '../types';

export interface PartnershipAllocation {
  allocationPence: number;
  places: number;
}

export interface YearAllocations {
  run: RunInfo | null;
  /** By partnership id: every partnership the run holds, with its allocation (formula and places). */
  byPartnership: Map<number, PartnershipAllocation>;
}

export function yearAllocations(ws: Workspace, year: string): YearAllocations {
  const a = allocationsForYear(ws.db, year);
  return {
    run: a.run,
    byPartnership: new Map([...a.byPartnership].map(([id, r]) => [id, { allocationPence: r.totalPence, places: r.places }])),
  };
}
