/**
 * The recovery register as a live block: projects with their RAG, money and savings, filtered by
 * workstream or RAG, read through the same query the register screen and `hnb projects` use.
 */
import { z } from 'zod';
import type { BlockKind, BlockRendered, BlockTable } from '../../../electron/server/documents/block-kind';
import { blockNotFound } from '../../../electron/server/documents/blocks/block-common';
import { blockTableHtml } from '../../../electron/server/documents/blocks/table-html';
import type { Workspace } from '../../../electron/server/workspace';
import { londonDate, ukLongDate } from '../../../electron/shared/dates';
import { FUNDING_SOURCE_LABELS, RAG_LABELS, RAGS, type Rag } from '../words';
import { projectSummaries, workstreamRows } from './queries';

const ALL = 'all';

const settings = z.object({
  workstream: z.string({ error: 'must be a workstream code, or all' }).max(20),
  rag: z.enum([ALL, ...RAGS], { error: 'must be red, amber, green or all' }),
});

interface RegisterSnapshot {
  today: string;
  workstream: string | null;
  rag: Rag | null;
  rows: Array<{
    code: string;
    name: string;
    workstream: string;
    fundingSource: string;
    rag: Rag | null;
    ragReason: string;
    budgetPence: number;
    spendPence: number;
    forecastPence: number;
    targetPence: number;
    deliveredPence: number;
  }>;
}

const LABEL = 'Recovery register';

export const registerBlock: BlockKind<z.infer<typeof settings>> = {
  kind: 'register-table',
  label: LABEL,
  inline: false,
  fields: [
    {
      key: 'workstream',
      label: 'Workstream',
      type: 'choice',
      choicesOf: (ws: Workspace) => [
        { value: ALL, label: 'All workstreams' },
        ...workstreamRows(ws.db).map((w) => ({ value: w.code, label: `${w.code} ${w.name}` })),
      ],
    },
    { key: 'rag', label: 'RAG', type: 'choice', choices: [{ value: ALL, label: 'Any RAG' }, ...RAGS.map((r) => ({ value: r, label: RAG_LABELS[r] }))] },
  ],
  settings,
  load(ws, s): RegisterSnapshot {
    const today = londonDate(ws.actor.now());
    let workstreamId: number | undefined;
    let workstreamName: string | null = null;
    if (s.workstream !== ALL) {
      const w = workstreamRows(ws.db).find((x) => x.code.toLowerCase() === s.workstream.toLowerCase());
      if (!w) throw blockNotFound(LABEL, `names the workstream ${s.workstream}, which is not in this workspace.`);
      workstreamId = w.id;
      workstreamName = `${w.code} ${w.name}`;
    }
    const rag = s.rag === ALL ? null : s.rag;
    const rows = projectSummaries(ws.db, today, { workstreamId, rag: rag ?? undefined });
    return {
      today,
      workstream: workstreamName,
      rag,
      rows: rows.map((p) => ({
        code: p.code,
        name: p.name,
        workstream: p.workstream,
        fundingSource: FUNDING_SOURCE_LABELS[p.fundingSource],
        rag: p.rag,
        ragReason: p.ragReason,
        budgetPence: p.approvedBudgetPence,
        spendPence: p.spendToDatePence,
        forecastPence: p.forecastPence,
        targetPence: p.totalTargetPence,
        deliveredPence: p.totalDeliveredPence,
      })),
    };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as RegisterSnapshot;
    const scope = [s.workstream ? `workstream ${s.workstream}` : 'all workstreams', s.rag ? `RAG ${RAG_LABELS[s.rag].toLowerCase()}` : '']
      .filter(Boolean)
      .join(', ');
    const caption = `${LABEL}: ${scope}, at ${ukLongDate(s.today)}`;
    const sum = (f: (r: RegisterSnapshot['rows'][number]) => number) => s.rows.reduce((t, r) => t + f(r), 0);
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Project', kind: 'text' },
        { header: 'Workstream', kind: 'text' },
        { header: 'Funded from', kind: 'text' },
        { header: 'RAG', kind: 'text' },
        { header: 'Approved budget', kind: 'money' },
        { header: 'Spend to date', kind: 'money' },
        { header: 'Forecast', kind: 'money' },
        { header: 'Target savings', kind: 'money' },
        { header: 'Delivered savings', kind: 'money' },
      ],
      rows: [
        ...s.rows.map((r) => ({
          cells: [
            `${r.code} ${r.name}`,
            r.workstream,
            r.fundingSource,
            r.rag ? `${RAG_LABELS[r.rag]}${r.ragReason ? `: ${r.ragReason}` : ''}` : 'Not assessed',
            r.budgetPence,
            r.spendPence,
            r.forecastPence,
            r.targetPence,
            r.deliveredPence,
          ],
        })),
        {
          cells: [
            `Total (${s.rows.length} project${s.rows.length === 1 ? '' : 's'})`,
            null,
            null,
            null,
            sum((r) => r.budgetPence),
            sum((r) => r.spendPence),
            sum((r) => r.forecastPence),
            sum((r) => r.targetPence),
            sum((r) => r.deliveredPence),
          ],
          style: 'total' as const,
        },
      ],
      note: 'Savings are totals over every year of the project, savings and cost avoidance together; RAG is the latest assessment with its reason.',
    };
    return {
      caption,
      html: `<div class="block block-register">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: s.rows.flatMap((r) => [
        { key: `${r.code}.forecast`, label: `${r.code}: forecast`, pence: r.forecastPence },
        { key: `${r.code}.target`, label: `${r.code}: target savings`, pence: r.targetPence },
        { key: `${r.code}.delivered`, label: `${r.code}: delivered savings`, pence: r.deliveredPence },
      ]),
      wide: true,
    };
  },
};
