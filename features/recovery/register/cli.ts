import { cliCommands, optionError, stringOption } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import type { ProjectDetail } from '../types';
import { RAG_LABELS, RAGS, type Rag } from '../words';
import { normCode } from './rules';

/** A project as `hnb projects --json` gives it: money in pence, the RAG as stored, each year's figures. */
function projectJson(p: ProjectDetail) {
  return {
    code: p.code,
    name: p.name,
    workstream: p.workstream,
    fundingSource: p.fundingSource,
    rag: p.rag,
    budgetPence: p.approvedBudgetPence,
    spendPence: p.spendToDatePence,
    forecastPence: p.forecastPence,
    scenarios: p.scenarios.map((s) => s.name),
    savings: p.years
      .filter((y) => y.targetSavingPence !== 0 || y.deliveredSavingPence !== null)
      .map((y) => ({ year: y.year, targetPence: y.targetSavingPence, deliveredPence: y.deliveredSavingPence })),
    costs: p.years.filter((y) => y.costPence !== 0).map((y) => ({ year: y.year, pence: y.costPence })),
    kpis: p.kpis.map((k) => ({ measure: k.measure, baseline: k.baseline, target: k.target, latest: k.latest })),
  };
}

function plainTable(head: string[], rows: string[][], leftCols: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < leftCols ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

export const registerCli = cliCommands([
  {
    words: ['projects'],
    usage: 'hnb projects [--workstream CODE] [--rag red|amber|green] [--json]',
    describe: 'the recovery register: each project with its RAG, money, plan scenarios, savings and costs by year, and KPIs',
    options: { workstream: 'string', rag: 'string' },
    workspace: 'open',
    async run(ctx) {
      const ragText = stringOption(ctx, 'rag');
      const rag = ragText === undefined ? undefined : RAGS.find((r) => r === ragText.trim().toLowerCase());
      if (ragText !== undefined && !rag) throw optionError('rag', `--rag must be red, amber or green, not "${ragText}"`);
      const wsText = stringOption(ctx, 'workstream');
      let workstreamId: number | undefined;
      if (wsText !== undefined) {
        const all = await ctx.call('listWorkstreams', {});
        const hit = all.find((w) => normCode(w.code) === normCode(wsText));
        if (!hit)
          throw optionError('workstream', `There is no workstream ${wsText}${all.length ? `; the workstreams are ${all.map((w) => w.code).join(', ')}` : ''}.`);
        workstreamId = hit.id;
      }
      const list = await ctx.call('listProjects', { workstreamId, rag: rag as Rag | undefined });
      if (ctx.json) {
        const details: ProjectDetail[] = [];
        for (const p of list) details.push(await ctx.call('getProject', { id: p.id }));
        ctx.io.out(JSON.stringify(details.map(projectJson), null, 2));
        return EXIT_OK;
      }
      if (list.length === 0) {
        ctx.io.out(wsText !== undefined || rag ? 'No project matches.' : 'The register has no projects yet.');
        return EXIT_OK;
      }
      const money = ctx.server.workspace!.money();
      const rows = list.map((p) => [
        p.code,
        p.name,
        p.workstream,
        p.rag ? RAG_LABELS[p.rag] : '',
        money.format(p.approvedBudgetPence),
        money.format(p.spendToDatePence),
        money.format(p.forecastPence),
        money.format(p.totalTargetPence),
        money.format(p.totalDeliveredPence),
      ]);
      for (const line of plainTable(['Code', 'Project', 'Workstream', 'RAG', 'Budget', 'Spend', 'Forecast', 'Target savings', 'Delivered'], rows, 4)) {
        ctx.io.out(line);
      }
      return EXIT_OK;
    },
  },
]);
