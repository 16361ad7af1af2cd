import { type CliContext, cliCommands, optionError, stringOption } from '../../../electron/cli/command';
import { EXIT_OK, textTable } from '../../../electron/cli/output';
import { isCalendarDate, ukDate, ukLongDate } from '../../../electron/shared/dates';
import { AGREEMENT_TYPE_LABELS } from '../words';

function todayOption(ctx: CliContext): string | undefined {
  const today = stringOption(ctx, 'today');
  if (today !== undefined && !(isCalendarDate(today) && !Number.isNaN(Date.parse(today)))) {
    throw optionError('today', `--today must be a date written YYYY-MM-DD, not "${today}"`);
  }
  return today;
}

export const agreementsCli = cliCommands([
  {
    words: ['agreements'],
    usage: 'hnb agreements [--today YYYY-MM-DD] [--json]',
    describe: 'agreements and contracts: terms, values with and without extensions, key-decision and call-in flags, and what needs attention',
    options: { today: 'string' },
    workspace: 'open',
    async run(ctx) {
      const o = await ctx.call('getAgreementsOverview', { today: todayOption(ctx) });
      if (ctx.json) {
        const out = o.agreements.map((a) => ({
          reference: a.reference,
          counterparty: a.counterparty,
          type: a.type,
          start: a.startOn,
          end: a.endOn,
          annualValuePence: a.annualValuePence,
          extensions: a.extensions,
          totalValuePence: a.totalValuePence,
          totalWithExtensionsPence: a.totalWithExtensionsPence,
          keyDecision: a.keyDecision.value,
          callIn: a.callIn.value,
          decisionReference: a.decisionReference,
          forwardPlanReference: a.forwardPlanReference,
          alerts: a.alerts.map((x) => x.text),
        }));
        ctx.io.out(JSON.stringify(out, null, 2));
        return EXIT_OK;
      }
      const ws = ctx.server.workspace!;
      const money = ws.money();
      ctx.io.out(`${ws.info().name}\nAgreements as of ${ukLongDate(o.today)}; alerts look ${o.alertDays} days ahead.\n`);
      if (o.agreements.length === 0) {
        ctx.io.out('No agreements yet. Add them on the Agreements screen, or import an agreements workbook.');
        return EXIT_OK;
      }
      const yesNo = (f: { value: boolean; source: string }) =>
        `${f.value ? 'Yes' : 'No'}${f.source === 'override' ? '*' : f.source === 'no-threshold' ? '?' : ''}`;
      const rows = o.agreements.map((a) => [
        a.reference,
        a.counterparty,
        AGREEMENT_TYPE_LABELS[a.type],
        ukDate(a.startOn),
        ukDate(a.currentEndOn),
        money.format(a.annualValuePence),
        `${a.extensions.taken} of ${a.extensions.offered}${a.extensions.offered ? ` × ${a.extensions.months}m` : ''}`,
        money.format(a.totalValuePence),
        money.format(a.totalWithExtensionsPence),
        yesNo(a.keyDecision),
        yesNo(a.callIn),
        a.decisionReference || '-',
      ]);
      const header = ['Reference', 'Counterparty', 'Type', 'Starts', 'Ends', 'A year', 'Extensions', 'To date', 'With all', 'Key', 'Call-in', 'Decision'];
      for (const l of textTable(header, rows, new Set([5, 7, 8]))) ctx.io.out(l);
      ctx.io.out('\n  Ends: with the extensions taken. * set by hand; ? no threshold in force on the decision date.');
      const alerting = o.agreements.filter((a) => a.alerts.length);
      ctx.io.out(alerting.length ? '\nNeeds attention:' : '\nNothing needs attention.');
      for (const a of alerting) for (const x of a.alerts) ctx.io.out(`  ${a.reference}: ${x.text}`);
      return EXIT_OK;
    },
  },
  {
    words: ['thresholds'],
    usage: 'hnb thresholds [--json]',
    describe: 'the key-decision and call-in thresholds, each from the date it took effect',
    options: {},
    workspace: 'open',
    async run(ctx) {
      const { thresholds } = await ctx.call('getAgreementsOverview', {});
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify(
            thresholds.map((t) => ({
              effectiveFrom: t.effectiveFrom,
              keyDecisionPence: t.keyDecisionPence,
              callInPence: t.callInPence ?? t.keyDecisionPence,
              note: t.note,
            })),
            null,
            2,
          ),
        );
        return EXIT_OK;
      }
      const ws = ctx.server.workspace!;
      const money = ws.money();
      ctx.io.out(`${ws.info().name}\n`);
      if (thresholds.length === 0) {
        ctx.io.out('No thresholds yet: key-decision and call-in flags cannot be worked out. Add them on the Agreements screen.');
        return EXIT_OK;
      }
      const rows = thresholds.map((t) => [
        ukDate(t.effectiveFrom),
        money.format(t.keyDecisionPence),
        t.callInPence === null ? `${money.format(t.keyDecisionPence)} (same)` : money.format(t.callInPence),
        t.note,
      ]);
      for (const l of textTable(['From', 'Key decision a year', 'Call-in a year', 'Note'], rows, new Set([1, 2]))) ctx.io.out(l);
      return EXIT_OK;
    },
  },
]);
