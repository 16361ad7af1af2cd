import { type CliContext, cliCommands, optionError, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import { AppError } from '../../../electron/shared/errors';
import { ukLongDate } from '../../../electron/shared/dates';
import type { PlanInfo, ScenarioInfo } from '../types';

/** The scenario a name means: with several plans, `--plan` says which one's. */
function findScenario(plans: PlanInfo[], name: string, planName: string | undefined): ScenarioInfo {
  if (planName !== undefined && !plans.some((p) => p.name === planName)) {
    const known = plans.map((p) => `"${p.name}"`).join(', ');
    throw new AppError('NOT_FOUND', `There is no plan called "${planName}"${known ? `; the plans are ${known}` : ''}.`, {
      issues: [{ field: 'plan', rule: 'plan must exist', message: `no plan "${planName}"` }],
    });
  }
  const matches = plans.filter((p) => planName === undefined || p.name === planName).flatMap((p) => p.scenarios.filter((s) => s.name === name));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AppError(
      'INVALID_INPUT',
      `"${name}" is a scenario in ${matches.length} plans (${matches.map((s) => `"${s.planName}"`).join(', ')}): say which with --plan.`,
      { issues: [{ field: 'plan', rule: 'name the plan when scenario names repeat', message: `"${name}" is in several plans` }] },
    );
  }
  const known = plans.flatMap((p) => p.scenarios.filter(() => planName === undefined || p.name === planName).map((s) => `"${s.name}"`));
  throw new AppError(
    'NOT_FOUND',
    `There is no scenario called "${name}"${known.length ? `; the scenarios are ${known.join(', ')}` : ': no plan has been made yet'}.`,
    {
      issues: [{ field: 'scenario', rule: 'scenario must exist', message: `no scenario "${name}"` }],
    },
  );
}

function plainTable(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

async function plans(ctx: CliContext): Promise<PlanInfo[]> {
  return ctx.call('listPlans', {});
}

export const planCli = cliCommands([
  {
    words: ['scenarios'],
    usage: 'hnb scenarios [--plan NAME] [--json]',
    describe: 'the deficit plan scenarios: unmitigated and mitigated, what each rests on, and which are submitted and locked',
    options: { plan: 'string' },
    workspace: 'open',
    async run(ctx) {
      const planName = stringOption(ctx, 'plan');
      const all = await plans(ctx);
      if (planName !== undefined && !all.some((p) => p.name === planName)) throw optionError('plan', `There is no plan called "${planName}".`);
      const scenarios = all.filter((p) => planName === undefined || p.name === planName).flatMap((p) => p.scenarios);
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify(
            scenarios.map((s) => ({
              name: s.name,
              kind: s.kind,
              parent: s.parentName,
              locked: s.locked,
              lockedNote: s.locked ? s.submittedNote : null,
              plan: s.planName,
            })),
            null,
            2,
          ),
        );
        return EXIT_OK;
      }
      if (scenarios.length === 0) {
        ctx.io.out('No plan has been made yet.');
        return EXIT_OK;
      }
      const rows = scenarios.map((s) => [
        s.planName,
        s.name,
        s.kind,
        s.parentName ?? '',
        s.locked ? `submitted ${s.submittedOn ? ukLongDate(s.submittedOn) : ''}: ${s.submittedNote}` : '',
      ]);
      const head = ['Plan', 'Scenario', 'Kind', 'Built on', 'Locked'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      for (const r of [head, ...rows])
        ctx.io.out(
          r
            .map((c, i) => c.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        );
      return EXIT_OK;
    },
  },
  {
    words: ['plan'],
    usage: 'hnb plan --scenario NAME [--plan NAME] [--json]',
    describe: "a scenario's funding, expenditure, in-year and cumulative position for each year of its plan",
    options: { scenario: 'string', plan: 'string' },
    workspace: 'open',
    async run(ctx) {
      const s = findScenario(await plans(ctx), requireOption(ctx, 'scenario'), stringOption(ctx, 'plan'));
      const r = await ctx.call('getPlanResult', { scenarioId: s.id });
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify(
            {
              scenario: r.scenario,
              baseYear: r.baseYear,
              openingCumulativePence: r.openingCumulativePence,
              years: r.years.map((y) => ({
                year: y.year,
                fundingPence: y.fundingPence,
                expenditurePence: y.expenditurePence,
                inYearPence: y.inYearPence,
                contributionsPence: y.contributionsPence,
                cumulativePence: y.cumulativePence,
              })),
              firstInYearSurplus: r.firstInYearSurplus,
            },
            null,
            2,
          ),
        );
        return EXIT_OK;
      }
      const money = ctx.server.workspace!.money();
      const f = (p: number) => money.format(p);
      ctx.io.out(
        `${s.planName}: ${r.scenario} (${r.kind})${s.locked ? `, submitted ${s.submittedOn ? ukLongDate(s.submittedOn) : ''}: ${s.submittedNote}` : ''}`,
      );
      ctx.io.out(`Base: ${r.baseLabel}; cumulative position at the start ${f(r.openingCumulativePence)}\n`);
      const rows = r.years.map((y) => [y.year, f(y.fundingPence), f(y.expenditurePence), f(y.inYearPence), f(y.contributionsPence), f(y.cumulativePence)]);
      for (const line of plainTable(['Year', 'Funding', 'Expenditure', 'In-year', 'Contributions', 'Cumulative'], rows)) ctx.io.out(line);
      ctx.io.out(`\n${r.firstInYearSurplus ? `First in-year surplus: ${r.firstInYearSurplus}` : 'No year of the plan has an in-year surplus.'}`);
      return EXIT_OK;
    },
  },
]);
