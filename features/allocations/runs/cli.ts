/**
 * `hnb allocate`: a run's allocations (the latest run of the latest year unless --run or --year
 * say otherwise), a new run from an inputs workbook, working a draft out again or approving it;
 * `hnb export allocation` and `hnb export allocation-inputs`: a run's two workbooks.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CliCommand, CliContext } from '../../../electron/cli/command';
import { cliCommands, optionError, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK, textTable } from '../../../electron/cli/output';
import { writeFileAtomic } from '../../../electron/server/files';
import { isCalendarDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { isYearId } from '../../../electron/shared/periods';
import type { RunDetail, RunInfo } from '../types';
import { RUN_STATUS_LABELS } from '../words';
import { percentOfBp } from './formula';
import { readInputsWorkbook } from './workbooks';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');

function yearOption(ctx: CliContext): string | undefined {
  const year = stringOption(ctx, 'year');
  if (year !== undefined && !isYearId(year)) throw optionError('year', `--year must be a financial year such as 2026-27, not "${year}"`);
  return year;
}

/** The run --run and --year name: without --run, the latest run of the year (or of the latest year). */
async function runNamed(ctx: CliContext): Promise<RunInfo> {
  const year = yearOption(ctx);
  const name = stringOption(ctx, 'run');
  const runs = await ctx.call('listRuns', year ? { year } : {});
  if (runs.length === 0) {
    throw new AppError(
      'NOT_FOUND',
      year
        ? `There is no allocation run for ${year} yet.`
        : 'There are no allocation runs yet. Make one on the Allocation screen, or with hnb allocate --from.',
    );
  }
  if (name === undefined) {
    const latestYear = runs[0]!.year;
    return runs.filter((r) => r.year === latestYear).reduce((a, b) => (b.id > a.id ? b : a));
  }
  const hits = runs.filter((r) => same(r.name, name));
  if (hits.length === 0) {
    throw optionError(
      'run',
      `There is no run called "${name}"${year ? ` in ${year}` : ''}. The runs are: ${runs.map((r) => `"${r.name}" (${r.year})`).join(', ')}.`,
    );
  }
  if (hits.length > 1)
    throw optionError('year', `${hits.length} years have a run called "${name}" (${hits.map((r) => r.year).join(', ')}): say which with --year.`);
  return hits[0]!;
}

/** The shape `hnb allocate --json` prints: the issue's fields, and a few more that say how far to trust them. */
function runJson(d: RunDetail) {
  return {
    run: d.name,
    year: d.year,
    status: d.status,
    approvedOn: d.approvedOn,
    locked: d.locked,
    dataChanged: d.dataChanged,
    formulaPotPence: d.formulaPotPence,
    placeRatePence: d.placeRatePence,
    factors: d.factors.map((f) => ({
      name: f.name,
      /** Percent: 25 is 25%. */
      weight: f.weightBp / 100,
      weightBp: f.weightBp,
      columns: Object.fromEntries(f.columns.map((c) => [c.key, c.weight])),
    })),
    allocations: d.allocations.map((a) => ({
      partnership: a.partnership,
      schools: a.schools,
      formulaPence: a.formulaPence,
      exactFormulaPence: a.exactFormulaPence,
      byFactor: a.byFactor,
      places: a.places,
      placesPence: a.placesPence,
      totalPence: a.totalPence,
    })),
    formulaTotalPence: d.formulaTotalPence,
    placesTotalPence: d.placesTotalPence,
    totalPence: d.totalPence,
    roundingNote: d.roundingNote,
  };
}

function printRun(ctx: CliContext, d: RunDetail): void {
  if (ctx.json) {
    ctx.io.out(JSON.stringify(runJson(d), null, 2));
    return;
  }
  const ws = ctx.server.workspace!;
  const money = ws.money();
  const status = d.status === 'approved' && d.approvedOn ? `approved ${ukLongDate(d.approvedOn)}` : RUN_STATUS_LABELS[d.status].toLowerCase();
  ctx.io.out(`${ws.info().name}\n${d.year}: ${d.name} (${status}${d.locked ? ', locked' : ''})`);
  ctx.io.out(
    `Formula pot ${money.format(d.formulaPotPence)} by ${d.factors.map((f) => `${f.name} ${percentOfBp(f.weightBp)}`).join(', ')}; ${money.format(d.placeRatePence)} a place.`,
  );
  if (d.dataChanged) ctx.io.out('The school data has changed since this run was worked out: hnb allocate --run NAME --recalculate works a draft out again.');
  ctx.io.out('');
  const header = ['Partnership', 'Schools', ...d.factors.map((f) => `${f.name} (exact)`), 'Formula', 'Places', 'Place funding', 'Allocation'];
  const rows = [
    ...d.allocations.map((a) => [
      a.partnership,
      String(a.schools),
      ...d.factors.map((f) => money.format(a.byFactor[f.name] ?? 0, { pence: true })),
      money.format(a.formulaPence),
      String(a.places),
      money.format(a.placesPence),
      money.format(a.totalPence),
    ]),
    [
      'Total',
      String(d.allocations.reduce((s, a) => s + a.schools, 0)),
      ...d.factors.map((f) => money.format(f.potPence, { pence: true })),
      money.format(d.formulaTotalPence),
      String(d.allocations.reduce((s, a) => s + a.places, 0)),
      money.format(d.placesTotalPence),
      money.format(d.totalPence),
    ],
  ];
  // Every column after the partnership's name is a figure.
  for (const l of textTable(header, rows, new Set(header.map((_, i) => i).filter((i) => i > 0)))) ctx.io.out(l);
  ctx.io.out(`\n${d.roundingNote}`);
}

function outFile(ctx: CliContext): string {
  const out = resolve(ctx.cwd, requireOption(ctx, 'out'));
  if (!out.toLowerCase().endsWith('.xlsx')) throw optionError('out', `--out must name an .xlsx file, not ${out}`);
  return out;
}

function exportCommand(words: string[], channel: 'buildAllocationWorkbook' | 'buildRunInputsWorkbook', describe: string): CliCommand {
  return {
    words,
    usage: `hnb ${words.join(' ')} [--run NAME] [--year YEAR] --out FILE.xlsx`,
    describe,
    options: { run: 'string', year: 'string', out: 'string' },
    workspace: 'open',
    async run(ctx) {
      const out = outFile(ctx);
      const run = await runNamed(ctx);
      const file = await ctx.call(channel, { runId: run.id });
      writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
      if (ctx.json) ctx.io.out(JSON.stringify({ out, run: run.name, year: run.year }, null, 2));
      else ctx.io.out(`Wrote ${out} (${run.name}, ${run.year})`);
      return EXIT_OK;
    },
  };
}

export const runsCli = cliCommands([
  {
    words: ['allocate'],
    usage:
      'hnb allocate [--run NAME] [--year YEAR] [--json]\n  hnb allocate --year YEAR --name NAME --from FILE.xlsx [--json]\n  hnb allocate --run NAME [--year YEAR] --recalculate | --approve YYYY-MM-DD [--note TEXT]',
    describe:
      "a run's allocations by partnership (the latest run of the latest year unless named); --from makes a new run from an inputs workbook (hnb export allocation-inputs writes one); --recalculate works a draft out again on today's data; --approve approves and locks it",
    options: { run: 'string', year: 'string', name: 'string', from: 'string', recalculate: 'boolean', approve: 'string', note: 'string' },
    workspace: 'open',
    async run(ctx) {
      const from = stringOption(ctx, 'from');
      if (from !== undefined) {
        for (const other of ['run', 'approve', 'recalculate']) {
          if (ctx.options[other] !== undefined) throw optionError(other, `--from makes a new run: it does not go with --${other}.`);
        }
        const year = yearOption(ctx);
        if (!year) throw optionError('year', '--year is required with --from: the year the new run is for');
        const name = requireOption(ctx, 'name');
        const path = resolve(ctx.cwd, from);
        let bytes: Buffer;
        try {
          bytes = readFileSync(path);
        } catch {
          throw new AppError('NOT_FOUND', `There is no file at ${path}.`, { issues: [{ field: 'from', rule: 'file must exist', message: `no file ${path}` }] });
        }
        const inputs = await readInputsWorkbook(ctx.server.workspace!.db, bytes, basename(path));
        const note = stringOption(ctx, 'note');
        printRun(ctx, await ctx.call('createRun', { year, name, ...inputs, ...(note !== undefined ? { note } : {}) }));
        return EXIT_OK;
      }
      if (ctx.options.name !== undefined) throw optionError('name', '--name names a new run made --from a workbook; name an existing run with --run.');
      const approve = stringOption(ctx, 'approve');
      if (approve !== undefined && ctx.options.recalculate) throw optionError('approve', 'Choose one of --recalculate and --approve.');
      if ((approve !== undefined || ctx.options.recalculate) && ctx.options.run === undefined) {
        throw optionError('run', `Name the run to ${approve !== undefined ? 'approve' : 'work out again'} with --run NAME.`);
      }
      const run = await runNamed(ctx);
      if (approve !== undefined) {
        if (!isCalendarDate(approve)) throw optionError('approve', `--approve takes the date of approval written YYYY-MM-DD, not "${approve}"`);
        printRun(ctx, await ctx.call('approveRun', { runId: run.id, approvedOn: approve, note: stringOption(ctx, 'note') ?? '' }));
        return EXIT_OK;
      }
      if (ctx.options.recalculate) {
        printRun(ctx, await ctx.call('recalculateRun', { runId: run.id }));
        return EXIT_OK;
      }
      printRun(ctx, await ctx.call('getRun', { runId: run.id }));
      return EXIT_OK;
    },
  },
  exportCommand(
    ['export', 'allocation'],
    'buildAllocationWorkbook',
    "a run's allocations as a workbook: by factor and places, its factors, and the data it was worked on",
  ),
  exportCommand(
    ['export', 'allocation-inputs'],
    'buildRunInputsWorkbook',
    "a run's inputs as a workbook (pot, rate, factors and their columns, places): edit it, then hnb allocate --from",
  ),
]);
