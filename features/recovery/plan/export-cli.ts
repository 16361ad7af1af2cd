/** `hnb export-plan`: the plan in the layout of the DfE management plan's summary, from a terminal. */
import { resolve } from 'node:path';
import { type CliContext, cliCommands, optionError, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import { writeFileAtomic } from '../../../electron/server/files';
import type { PlanInfo, ScenarioInfo } from '../types';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The scenario an option names, within the plan named (or any plan, when the name is unique). */
function scenarioNamed(plans: PlanInfo[], option: string, name: string, planName: string | undefined): ScenarioInfo {
  const inPlans = planName === undefined ? plans : plans.filter((p) => same(p.name, planName));
  if (planName !== undefined && inPlans.length === 0) {
    throw optionError('plan', `There is no plan called "${planName}". The plans are: ${plans.map((p) => `"${p.name}"`).join(', ') || 'none yet'}.`);
  }
  const hits = inPlans.flatMap((p) => p.scenarios).filter((s) => same(s.name, name));
  if (hits.length > 1) {
    throw optionError('plan', `Several plans have a scenario called "${name}" (${hits.map((s) => `"${s.planName}"`).join(', ')}): say which with --plan NAME.`);
  }
  if (hits.length === 0) {
    const names = inPlans.flatMap((p) => p.scenarios).map((s) => `"${s.name}"`);
    throw optionError(
      option,
      `There is no scenario called "${name}"${planName ? ` in the plan "${inPlans[0]!.name}"` : ''}. ${names.length ? `Scenarios: ${names.join(', ')}.` : 'Make a plan first.'}`,
    );
  }
  return hits[0]!;
}

/** --scenario names the unmitigated scenario, or a mitigated one (which brings its parent); --mitigated adds one. */
async function scenariosFor(ctx: CliContext): Promise<{ unmitigatedId: number; mitigatedId?: number }> {
  const plans = await ctx.call('listPlans', {});
  const planName = stringOption(ctx, 'plan');
  const first = scenarioNamed(plans, 'scenario', requireOption(ctx, 'scenario'), planName);
  const mitigatedName = stringOption(ctx, 'mitigated');
  if (first.kind === 'mitigated') {
    if (mitigatedName !== undefined) {
      throw optionError(
        'scenario',
        `"${first.name}" is a mitigated scenario: name its unmitigated scenario "${first.parentName}" with --scenario, and "${first.name}" with --mitigated.`,
      );
    }
    return { unmitigatedId: first.parentId!, mitigatedId: first.id };
  }
  if (mitigatedName === undefined) return { unmitigatedId: first.id };
  const m = scenarioNamed(
    plans.filter((p) => p.id === first.planId),
    'mitigated',
    mitigatedName,
    first.planName,
  );
  return { unmitigatedId: first.id, mitigatedId: m.id };
}

export const planExportCli = cliCommands([
  {
    words: ['export-plan'],
    usage: 'hnb export-plan --scenario NAME [--mitigated NAME] [--plan NAME] --out FILE.xlsx',
    describe:
      'the deficit plan as the DfE management plan summary: unmitigated, mitigated (--scenario may name a mitigated scenario, which brings its unmitigated one), the savings log and sign-off',
    options: { scenario: 'string', mitigated: 'string', plan: 'string', out: 'string' },
    workspace: 'open',
    async run(ctx) {
      const out = resolve(ctx.cwd, requireOption(ctx, 'out'));
      if (!out.toLowerCase().endsWith('.xlsx')) throw optionError('out', `--out must name an .xlsx file, not ${out}`);
      const ids = await scenariosFor(ctx);
      const file = await ctx.call('buildPlanWorkbook', ids);
      writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
      if (ctx.json) ctx.io.out(JSON.stringify({ out, ...ids }, null, 2));
      else ctx.io.out(`Wrote ${out}`);
      return EXIT_OK;
    },
  },
]);
