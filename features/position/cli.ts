import { resolve } from 'node:path';
import { cliCommands, optionError, requireOption } from '../../electron/cli/command';
import { EXIT_OK } from '../../electron/cli/output';
import { periodOption } from '../../electron/cli/scope-options';
import { periodLongLabel } from '../../electron/shared/periods';
import { writeFileAtomic } from '../../electron/server/files';

export const positionCli = cliCommands([
  {
    words: ['summary'],
    usage: 'hnb summary --year 2024-25 [--period P6]',
    describe: 'the DSG position for a year at a period',
    options: { year: 'string', period: 'string' },
    workspace: 'open',
    async run(ctx) {
      const s = await ctx.call('getSummary', { year: requireOption(ctx, 'year'), period: periodOption(ctx) });
      if (ctx.json) {
        const { netFundingPence, budgetPence, forecastPence, variancePence, inYearPence, broughtForwardPence, contributionsPence, carriedForwardPence } = s;
        ctx.io.out(
          JSON.stringify(
            {
              year: s.year,
              period: s.period,
              netFundingPence,
              budgetPence,
              forecastPence,
              variancePence,
              inYearPence,
              broughtForwardPence,
              contributionsPence,
              carriedForwardPence,
            },
            null,
            2,
          ),
        );
        return EXIT_OK;
      }
      const ws = ctx.server.workspace!;
      const money = ws.money();
      const rows: Array<[string, number]> = [
        ['Net High Needs funding', s.netFundingPence],
        ['Revised budget', s.budgetPence],
        ['Forecast outturn', s.forecastPence],
        ['Variance (+ overspend)', s.variancePence],
        ['In-year surplus / (deficit)', s.inYearPence],
        ['Brought forward', s.broughtForwardPence],
        ['Contributions to the deficit', s.contributionsPence],
        ['Carried forward', s.carriedForwardPence],
      ];
      ctx.io.out(`${ws.info().name}\n${s.year} at ${periodLongLabel(s.year, s.period)}${s.status === 'closed' ? ' (year closed)' : ''}\n`);
      for (const [label, v] of rows) ctx.io.out(`  ${label.padEnd(30)}${money.format(v).padStart(16)}`);
      return EXIT_OK;
    },
  },
  {
    words: ['export', 'report'],
    usage: 'hnb export report --year Y --period P --out FILE.xlsx',
    describe: 'the monitoring table and DSG position as the forum sees them',
    options: { year: 'string', period: 'string', out: 'string' },
    workspace: 'open',
    async run(ctx) {
      const year = requireOption(ctx, 'year');
      const out = resolve(ctx.cwd, requireOption(ctx, 'out'));
      if (!out.toLowerCase().endsWith('.xlsx')) throw optionError('out', `--out must name an .xlsx file, not ${out}`);
      const period = periodOption(ctx) ?? (await ctx.call('getSummary', { year })).period;
      const file = await ctx.call('buildMonitoringWorkbook', { year, period });
      writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
      if (ctx.json) ctx.io.out(JSON.stringify({ out, year, period }, null, 2));
      else ctx.io.out(`Wrote ${out} (${year} P${period})`);
      return EXIT_OK;
    },
  },
]);
