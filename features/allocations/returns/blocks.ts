/**
 * The returns' position as a live block for a forum paper: each partnership's allocation, the
 * spend its returns report, the underspend, how many returns are in, and what the year-end test
 * flags for return, read through the same overview as the returns screen and `hnb returns`.
 */
import { z } from 'zod';
import type { BlockKind, BlockRendered, BlockTable } from '../../../electron/server/documents/block-kind';
import { blockNotFound, blockYear } from '../../../electron/server/documents/blocks/block-common';
import { blockTableHtml } from '../../../electron/server/documents/blocks/table-html';
import { londonDate, ukLongDate } from '../../../electron/shared/dates';
import { allYears } from '../../years/queries';
import { PERIODS_OF } from '../words';
import { returnsOverview } from './queries';
import { isIn } from './rules';

export interface ReturnsPositionSnapshot {
  year: string;
  today: string;
  run: string | null;
  rows: Array<{
    partnership: string;
    allocationPence: number;
    spendPence: number;
    underspendPence: number;
    returnsIn: number;
    returnsDue: number;
    toReturnPence: number;
    flagged: boolean;
    reason: string | null;
  }>;
}

const LABEL = 'Partnership returns: position';
const settings = z.object({ year: blockYear });

export const returnsPositionBlock: BlockKind<z.infer<typeof settings>> = {
  kind: 'returns-position',
  label: LABEL,
  inline: false,
  fields: [{ key: 'year', label: 'Year', type: 'year' }],
  settings,
  load(ws, s): ReturnsPositionSnapshot {
    if (!allYears(ws.db).some((y) => y.id === s.year)) throw blockNotFound(LABEL, `names ${s.year}, which is not in this workspace.`);
    const o = returnsOverview(ws, s.year);
    return {
      year: s.year,
      today: londonDate(ws.actor.now()),
      run: o.run?.name ?? null,
      rows: o.partnerships.map((p) => ({
        partnership: p.partnership,
        allocationPence: p.allocationPence,
        spendPence: p.spendPence,
        underspendPence: p.underspendPence,
        returnsIn: p.returns.filter((r) => isIn(r.status)).length,
        returnsDue: PERIODS_OF[p.returnFrequency].length,
        toReturnPence: p.toReturnPence,
        flagged: p.flagged,
        reason: p.flagReason,
      })),
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as ReturnsPositionSnapshot;
    const caption = `${LABEL}, ${s.year}, at ${ukLongDate(s.today)}`;
    const sum = (f: (r: ReturnsPositionSnapshot['rows'][number]) => number) => s.rows.reduce((n, r) => n + f(r), 0);
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Partnership', kind: 'text' },
        { header: 'Allocation', kind: 'money' },
        { header: 'Spend reported', kind: 'money' },
        { header: 'Underspend', kind: 'money' },
        { header: 'Returns in', kind: 'text' },
        { header: 'Flagged for return', kind: 'money' },
        { header: 'Year-end test', kind: 'text' },
      ],
      rows:
        s.rows.length > 0
          ? [
              ...s.rows.map((r) => ({
                cells: [
                  r.partnership,
                  r.allocationPence,
                  r.spendPence,
                  r.underspendPence,
                  `${r.returnsIn} of ${r.returnsDue}`,
                  r.flagged ? r.toReturnPence : null,
                  r.reason,
                ],
              })),
              {
                cells: [
                  'Total',
                  sum((r) => r.allocationPence),
                  sum((r) => r.spendPence),
                  sum((r) => r.underspendPence),
                  `${sum((r) => r.returnsIn)} of ${sum((r) => r.returnsDue)}`,
                  sum((r) => (r.flagged ? r.toReturnPence : 0)),
                  null,
                ],
                style: 'total' as const,
              },
            ]
          : [{ cells: [`No partnership has an allocation in ${s.year}.`, null, null, null, null, null, null] }],
      note: `${s.run ? `Allocations from the ${s.year} run "${s.run}".` : `${s.year} has no allocation run.`} Spend counts the returns received or checked; the underspend test applies once every return is in, against each partnership's agreement.`,
    };
    return {
      caption,
      html: `<div class="block block-returns-position">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: s.rows.flatMap((r) => [
        { key: `${r.partnership}.spend`, label: `${r.partnership}: spend reported`, pence: r.spendPence },
        { key: `${r.partnership}.toReturn`, label: `${r.partnership}: flagged for return`, pence: r.flagged ? r.toReturnPence : 0 },
      ]),
      wide: true,
    };
  },
};
