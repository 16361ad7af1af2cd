/**
 * Live blocks from the allocation runs: a run's table (each partnership's allocation by factor
 * and by places) and two runs compared partnership by partnership. Both read the run through the
 * calculation the screen and `hnb allocate` use, and a published pack showing either locks the
 * runs it shows (`freezes`), so the paper and the run can never disagree.
 */
import { z } from 'zod';
import type { BlockFigure, BlockKind, BlockRendered, BlockTable } from '../../../electron/server/documents/block-kind';
import { blockNotFound } from '../../../electron/server/documents/blocks/block-common';
import { blockTableHtml } from '../../../electron/server/documents/blocks/table-html';
import type { Workspace } from '../../../electron/server/workspace';
import { ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { compareRuns } from './compare';
import { ROUNDING_NOTE, percentOfBp } from './formula';
import { runDetail, runRef } from './queries';

const runChoices = (ws: Workspace) =>
  ws.db.$client
    .prepare('SELECT id, year_id AS year, name, status FROM allocation_run ORDER BY year_id DESC, id DESC')
    .all()
    .map((r) => {
      const x = r as { id: number; year: string; name: string; status: string };
      return { value: String(x.id), label: `${x.year}: ${x.name}${x.status === 'approved' ? ' (approved)' : ' (draft)'}` };
    });

const runId = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z.int({ error: 'must name an allocation run' }).positive({ error: 'must name an allocation run' }),
);

/** Reads a block's run; a run since deleted is said as the block's problem, not thrown past. */
function detailOf(ws: Workspace, label: string, id: number) {
  try {
    return runDetail(ws.db, id);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw blockNotFound(label, 'names an allocation run that is no longer in this workspace.');
    throw e;
  }
}

interface RunTableSnapshot {
  runId: number;
  run: string;
  year: string;
  status: 'draft' | 'approved';
  approvedOn: string | null;
  calculatedAt: string;
  formulaPotPence: number;
  placeRatePence: number;
  factors: Array<{ name: string; weightBp: number; potPence: number }>;
  rows: Array<{ partnership: string; schools: number; byFactor: number[]; formulaPence: number; places: number; placesPence: number; totalPence: number }>;
  formulaTotalPence: number;
  placesTotalPence: number;
  totalPence: number;
}

const tableSettings = z.object({ run: runId });
const TABLE_LABEL = 'Allocation run';

function statusSentence(s: { status: string; approvedOn: string | null; calculatedAt: string }): string {
  const worked = `Worked out on the school data of ${ukLongDate(s.calculatedAt.slice(0, 10))}.`;
  return s.status === 'approved' && s.approvedOn ? `Approved ${ukLongDate(s.approvedOn)}. ${worked}` : `Draft, not yet approved. ${worked}`;
}

export const allocationTableBlock: BlockKind<z.infer<typeof tableSettings>> = {
  kind: 'allocation-table',
  label: TABLE_LABEL,
  inline: false,
  fields: [{ key: 'run', label: 'Run', type: 'choice', choicesOf: runChoices }],
  settings: tableSettings,
  load(ws, { run }): RunTableSnapshot {
    const d = detailOf(ws, TABLE_LABEL, run);
    return {
      runId: d.id,
      run: d.name,
      year: d.year,
      status: d.status,
      approvedOn: d.approvedOn,
      calculatedAt: d.calculatedAt,
      formulaPotPence: d.formulaPotPence,
      placeRatePence: d.placeRatePence,
      factors: d.factors.map((f) => ({ name: f.name, weightBp: f.weightBp, potPence: f.potPence })),
      rows: d.allocations.map((a) => ({
        partnership: a.partnership,
        schools: a.schools,
        byFactor: d.factors.map((f) => a.byFactor[f.name] ?? 0),
        formulaPence: a.formulaPence,
        places: a.places,
        placesPence: a.placesPence,
        totalPence: a.totalPence,
      })),
      formulaTotalPence: d.formulaTotalPence,
      placesTotalPence: d.placesTotalPence,
      totalPence: d.totalPence,
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as RunTableSnapshot;
    const caption = `Formula allocations ${s.year}: ${s.run}`;
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Partnership', kind: 'text' },
        { header: 'Schools', kind: 'number' },
        ...s.factors.map((f) => ({ header: `${f.name} (${percentOfBp(f.weightBp)})`, kind: 'money' as const })),
        { header: 'Formula total', kind: 'money' },
        { header: 'Places', kind: 'number' },
        { header: 'Place funding', kind: 'money' },
        { header: 'Allocation', kind: 'money' },
      ],
      rows: [
        ...s.rows.map((r) => ({ cells: [r.partnership, r.schools, ...r.byFactor, r.formulaPence, r.places, r.placesPence, r.totalPence] })),
        {
          style: 'total' as const,
          cells: [
            'Total',
            s.rows.reduce((t, r) => t + r.schools, 0),
            ...s.factors.map((f) => f.potPence),
            s.formulaTotalPence,
            s.rows.reduce((t, r) => t + r.places, 0),
            s.placesTotalPence,
            s.totalPence,
          ],
        },
      ],
      note: [
        `Formula pot ${money.format(s.formulaPotPence)}; place funding ${money.format(s.placeRatePence)} a place.`,
        `Factor columns show each partnership's exact share (printed to the pound; the workbook holds the pence); the total row shows each factor's part of the pot.`,
        ROUNDING_NOTE,
        statusSentence(s),
      ].join(' '),
    };
    const figures: BlockFigure[] = [
      ...s.rows.map((r) => ({ key: `${s.year}.${s.run}.${r.partnership}`, label: `${r.partnership}: allocation`, pence: r.totalPence })),
      { key: `${s.year}.${s.run}.total`, label: `${s.run}: total allocation`, pence: s.totalPence },
    ];
    return {
      caption,
      html: `<div class="block block-allocation-table">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures,
      wide: s.factors.length > 2,
    };
  },
  freezes: ({ run }) => [runRef(run)],
};

interface CompareSnapshot {
  a: { id: number; name: string; year: string };
  b: { id: number; name: string; year: string };
  rows: Array<{ partnership: string; a: number | null; b: number | null; difference: number | null; placesA: number | null; placesB: number | null }>;
  totalA: number;
  totalB: number;
}

const compareSettings = z.object({
  a: runId,
  /** Another run, or "previous" for the run that counts for the year before `a`'s. */
  b: z.union([z.literal('previous'), runId]).default('previous'),
});
const COMPARE_LABEL = 'Allocation runs compared';

export const allocationCompareBlock: BlockKind<z.infer<typeof compareSettings>> = {
  kind: 'allocation-compare',
  label: COMPARE_LABEL,
  inline: false,
  fields: [
    { key: 'a', label: 'Run', type: 'choice', choicesOf: runChoices },
    {
      key: 'b',
      label: 'Compared with',
      type: 'choice',
      choicesOf: (ws) => [{ value: 'previous', label: "The previous year's run (approved, else the latest)" }, ...runChoices(ws)],
    },
  ],
  settings: compareSettings,
  load(ws, { a, b }): CompareSnapshot {
    detailOf(ws, COMPARE_LABEL, a);
    if (b !== 'previous') detailOf(ws, COMPARE_LABEL, b);
    let c: ReturnType<typeof compareRuns>;
    try {
      c = b === 'previous' ? compareRuns(ws.db, a) : compareRuns(ws.db, a, b);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') throw blockNotFound(COMPARE_LABEL, `cannot be shown: ${e.message}`);
      throw e;
    }
    return {
      a: { id: c.a.id, name: c.a.name, year: c.a.year },
      b: { id: c.b.id, name: c.b.name, year: c.b.year },
      rows: c.rows.map((r) => ({
        partnership: r.partnership,
        a: r.aPence,
        b: r.bPence,
        difference: r.differencePence,
        placesA: r.placesA,
        placesB: r.placesB,
      })),
      totalA: c.totalA,
      totalB: c.totalB,
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as CompareSnapshot;
    const nameA = `${s.a.name} (${s.a.year})`;
    const nameB = `${s.b.name} (${s.b.year})`;
    const caption = `${COMPARE_LABEL}: ${nameB} against ${nameA}`;
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Partnership', kind: 'text' },
        { header: `${nameA} places`, kind: 'number' },
        { header: nameA, kind: 'money' },
        { header: `${nameB} places`, kind: 'number' },
        { header: nameB, kind: 'money' },
        { header: 'Difference', kind: 'money' },
      ],
      rows: [
        ...s.rows.map((r) => ({ cells: [r.partnership, r.placesA, r.a, r.placesB, r.b, r.difference] })),
        { style: 'total' as const, cells: ['Total', null, s.totalA, null, s.totalB, s.totalB - s.totalA] },
      ],
      note: `Difference is ${nameB} less ${nameA}: positive means more for the partnership. A blank means the partnership is not in that run. Allocations are formula totals (rounded to whole pounds by the largest remainder) plus place funding.`,
    };
    return {
      caption,
      html: `<div class="block block-allocation-compare">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: s.rows.map((r) => ({ key: `${s.a.id}-${s.b.id}.${r.partnership}`, label: `${r.partnership}: difference`, pence: r.difference })),
      wide: false,
    };
  },
  freezes: (settings, snapshot) => {
    const s = snapshot as CompareSnapshot | undefined;
    if (s?.a && s.b) return [runRef(s.a.id), runRef(s.b.id)];
    return settings.b === 'previous' ? [runRef(settings.a)] : [runRef(settings.a), runRef(settings.b)];
  },
};

export const RUN_BLOCKS = [allocationTableBlock, allocationCompareBlock];
