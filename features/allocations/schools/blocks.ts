/**
 * Buy-in by cluster as a live block for a forum paper: each cluster's (or partnership's) open
 * schools that have bought in, are yet to decide or are leaving, and their shares of pupils,
 * read through the same count as the partnerships screen and `hnb buy-in`.
 */
import { z } from 'zod';
import type { BlockKind, BlockRendered, BlockTable } from '../../../electron/server/documents/block-kind';
import { blockNotFound, blockYear } from '../../../electron/server/documents/blocks/block-common';
import { blockTableHtml } from '../../../electron/server/documents/blocks/table-html';
import { londonDate, ukLongDate } from '../../../electron/shared/dates';
import { allYears } from '../../years/queries';
import type { BuyInCount } from '../types';
import { buyInCounts } from './queries';

export interface BuyInSnapshot {
  year: string;
  today: string;
  counts: BuyInCount[];
}

const LABEL = 'Buy-in by cluster';
const settings = z.object({ year: blockYear });

/** A share of pupils as the table holds it (a fraction), or nothing when there are no pupil numbers. */
const share = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : part / whole);

/** The totals row: counts add up; pupils add up when every row has them. */
function totalOf(counts: readonly BuyInCount[]): BuyInCount {
  const sum = (f: (c: BuyInCount) => number) => counts.reduce((n, c) => n + f(c), 0);
  const hasPupils = counts.length > 0 && counts[0]!.pupils !== null;
  const pupils = (f: (c: BuyInCount) => number | null) => (hasPupils ? sum((c) => f(c) ?? 0) : null);
  return {
    partnershipId: 0,
    partnershipName: 'All',
    schools: sum((c) => c.schools),
    boughtIn: sum((c) => c.boughtIn),
    undecided: sum((c) => c.undecided),
    leaving: sum((c) => c.leaving),
    notRecorded: sum((c) => c.notRecorded),
    pupils: pupils((c) => c.pupils),
    boughtInPupils: pupils((c) => c.boughtInPupils),
    undecidedPupils: pupils((c) => c.undecidedPupils),
    leavingPupils: pupils((c) => c.leavingPupils),
  };
}

function cellsOf(c: BuyInCount, name: string): Array<string | number | null> {
  return [
    name,
    c.schools,
    c.boughtIn,
    c.undecided,
    c.leaving,
    share(c.boughtInPupils, c.pupils),
    share(c.undecidedPupils, c.pupils),
    share(c.leavingPupils, c.pupils),
  ];
}

/**
 * Partnerships with no clusters first, one row each; then each area partnership as a heading
 * over its own schools (if any belong to it directly) and its clusters. Rows after a heading
 * belong to it, so the standalone ones go before every heading.
 */
function groupedRows(counts: readonly BuyInCount[]): BlockTable['rows'] {
  const clustersOf = new Map<number, { name: string; own: BuyInCount | null; clusters: BuyInCount[] }>();
  for (const c of counts) {
    if (c.parentId === null || c.parentId === undefined) continue;
    const g = clustersOf.get(c.parentId) ?? { name: c.parentName ?? '', own: null, clusters: [] };
    g.clusters.push(c);
    clustersOf.set(c.parentId, g);
  }
  const standalone: BlockTable['rows'] = [];
  for (const c of counts) {
    if (c.parentId !== null && c.parentId !== undefined) continue;
    const g = clustersOf.get(c.partnershipId);
    if (g) g.own = c;
    else standalone.push({ cells: cellsOf(c, c.partnershipName) });
  }
  const grouped = [...clustersOf.values()].flatMap((g) => [
    { cells: [g.name, null, null, null, null, null, null, null], style: 'group' as const },
    ...(g.own ? [{ cells: cellsOf(g.own, 'Directly in the partnership') }] : []),
    ...g.clusters.map((c) => ({ cells: cellsOf(c, c.partnershipName) })),
  ]);
  return [...standalone, ...grouped];
}

export const buyInBlock: BlockKind<z.infer<typeof settings>> = {
  kind: 'buy-in',
  label: LABEL,
  inline: false,
  fields: [{ key: 'year', label: 'Year', type: 'year' }],
  settings,
  load(ws, s): BuyInSnapshot {
    if (!allYears(ws.db).some((y) => y.id === s.year)) throw blockNotFound(LABEL, `names ${s.year}, which is not in this workspace.`);
    return { year: s.year, today: londonDate(ws.actor.now()), counts: buyInCounts(ws.db, s.year) };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as BuyInSnapshot;
    const caption = `${LABEL}, ${s.year}, at ${ukLongDate(s.today)}`;
    const total = totalOf(s.counts);
    const hasPupils = s.counts.length > 0 && s.counts[0]!.pupils !== null;
    const notes = [
      `Open schools in each cluster or partnership in ${s.year}.`,
      total.notRecorded
        ? `${total.notRecorded} ${total.notRecorded === 1 ? 'school has' : 'schools have'} no decision recorded and ${total.notRecorded === 1 ? 'counts' : 'count'} as yet to decide.`
        : '',
      hasPupils ? 'Shares are of pupils on roll (the pupils data column).' : `No pupil numbers are recorded for ${s.year}, so there are no shares of pupils.`,
    ];
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Cluster or partnership', kind: 'text' },
        { header: 'Schools', kind: 'number' },
        { header: 'Bought in', kind: 'number' },
        { header: 'Yet to decide', kind: 'number' },
        { header: 'Leaving', kind: 'number' },
        { header: 'Pupils bought in', kind: 'percent' },
        { header: 'Pupils yet to decide', kind: 'percent' },
        { header: 'Pupils leaving', kind: 'percent' },
      ],
      rows: s.counts.length
        ? [
            ...groupedRows(s.counts),
            {
              cells: cellsOf(total, 'Total'),
              style: 'total' as const,
            },
          ]
        : [{ cells: [`No school is in a partnership in ${s.year}.`, null, null, null, null, null, null, null] }],
      note: notes.filter(Boolean).join(' '),
    };
    return {
      caption,
      html: `<div class="block block-buy-in">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: [],
      wide: true,
    };
  },
};
