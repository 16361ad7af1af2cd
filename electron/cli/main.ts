import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkWorkspace } from '../../db/client';
import { AppError, type Envelope, type ErrorInfo } from '../shared/errors';
import { formatPence } from '../shared/money';
import { parsePeriod, periodLongLabel } from '../shared/periods';
import type { ChannelName, ChannelOutput } from '../shared/contract';
import { defaultDataDir } from '../server/app-paths';
import { isEmptyWorkspace, loadDemo } from '../server/demo/load-demo';
import { writeFileAtomic } from '../server/files';
import { DomainServer } from '../server/server';
import { parseCli, type CliOptions } from './args';
import { caller, exportKindCommand, importCommand, kindsCommand } from '../../features/imports/cli';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, exitCodeFor, printError, type Io } from './output';

const HELP = `hnb: HNB Desk from the command line

Usage:
  hnb init [--demo]                                  create or migrate the workspace (--demo: fill a new one with a demo authority)
  hnb summary --year 2024-25 [--period P6]           the DSG position for a year at a period
  hnb kinds [--json]                                 the workbook kinds and their fields
  hnb export budget --year Y --out FILE.xlsx         the budget workbook, to fill in and import back
  hnb export monitoring --year Y --period P [--holder NAME] --out FILE.xlsx
                                                     the monitoring return for budget holders
  hnb export report --year Y --period P --out FILE.xlsx
                                                     the monitoring table as the forum sees it
  hnb import FILE.xlsx [--apply] [--prefer file|db] [--delete-missing]
                       [--kind K --year Y --period P] [--map "Header=field,..."] [--header-row N] [--mapping NAME]
                                                     preview (and with --apply, apply) a workbook; a workbook
                                                     HNB Desk did not write needs --kind and --year
  hnb check                                          integrity check and migration status

Options:
  --db FILE   the workspace file (default: the app's default workspace)
  --json      machine-readable output
Exit codes: 0 success; 2 invalid input or a file with errors (nothing written);
3 an import with conflicts and no --prefer (nothing written); 1 anything else.`;

class CliFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

function unwrap<K extends ChannelName>(r: Envelope<unknown>): ChannelOutput<K> {
  if (!r.ok) throw new CliFailure(r.error);
  return r.value as ChannelOutput<K>;
}

function requireOption(o: CliOptions, name: 'year' | 'out'): string {
  const v = o[name];
  if (!v) throw new AppError('INVALID_INPUT', `--${name} is required`, { issues: [{ field: name, rule: 'is required', message: `--${name} is required` }] });
  return v;
}

function periodOption(o: CliOptions): number | undefined {
  if (o.period === undefined) return undefined;
  const p = parsePeriod(o.period);
  if (p === undefined) {
    throw new AppError('INVALID_INPUT', `--period must be P1 (April) to P12 (March), not "${o.period}"`, {
      issues: [{ field: 'period', rule: 'must be P1 to P12', message: `--period "${o.period}" is not P1 to P12` }],
    });
  }
  return p;
}

export interface CliEnv {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  user?: string;
}

/** Runs one `hnb` command and returns its exit code; all output goes through `io`. */
export async function runCli(argv: string[], io: Io, ctx: CliEnv = {}): Promise<number> {
  let json = argv.includes('--json');
  const server = new DomainServer({
    dataDir: defaultDataDir(ctx.env ?? process.env),
    user: ctx.user,
    logError: (e) => io.err(String((e as Error)?.stack ?? e)),
  });
  try {
    const { command, options } = parseCli(argv);
    json = options.json;
    if (options.help || command.length === 0 || command[0] === 'help') {
      io.out(HELP);
      return command.length === 0 && !options.help ? EXIT_INVALID : EXIT_OK;
    }
    const call = caller(server, (r) => {
      throw new CliFailure((r as { error: ErrorInfo }).error);
    });
    const dbPath = options.db ? resolve(ctx.cwd ?? process.cwd(), options.db) : server.defaultWorkspacePath;
    const [verb, ...rest] = command;
    switch (verb) {
      case 'init':
        return await init(server, dbPath, options, io);
      case 'summary':
        return await summary(server, dbPath, options, io);
      case 'kinds':
        await open(server, dbPath, false);
        return await kindsCommand(call, options, io);
      case 'export':
        if (rest[0] === 'report') return await exportMonitoring(server, dbPath, options, ctx.cwd ?? process.cwd(), io);
        if (rest[0] !== 'budget' && rest[0] !== 'monitoring') {
          throw new AppError('INVALID_INPUT', `hnb export knows "budget", "monitoring" and "report"; got "${rest[0] ?? ''}"`);
        }
        await open(server, dbPath, false);
        return await exportKindCommand(call, rest[0], options, ctx.cwd ?? process.cwd(), io);
      case 'import':
        await open(server, dbPath, false);
        return await importCommand(call, rest[0], options, ctx.cwd ?? process.cwd(), io);
      case 'check':
        return check(dbPath, options, io);
      default:
        throw new AppError('INVALID_INPUT', `Unknown command "${verb}". Run hnb --help.`);
    }
  } catch (e) {
    const info =
      e instanceof CliFailure ? e.info : e instanceof AppError ? e.toInfo() : { code: 'INTERNAL' as const, message: (e as Error)?.message ?? String(e) };
    printError(io, info, json);
    return exitCodeFor(info);
  } finally {
    server.close();
  }
}

async function open(server: DomainServer, path: string, create: boolean): Promise<void> {
  try {
    // Only init is a deliberate choice of workspace; summary and export are one-off reads.
    await server.openWorkspace(path, create, { remember: create });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND' && !create) {
      throw new AppError('NOT_FOUND', `There is no workspace at ${path}. Run "hnb init" first, or pass --db FILE.`, { path });
    }
    throw e;
  }
}

async function init(server: DomainServer, path: string, o: CliOptions, io: Io): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  await open(server, path, true);
  const ws = server.workspace!;
  let demo: string[] | null = null;
  let note = '';
  if (o.demo) {
    if (ws.info().isDemo) note = 'It already holds the demo authority; nothing was added.';
    else if (!isEmptyWorkspace(ws)) {
      throw new AppError('INVALID_INPUT', `${path} already holds figures, so the demo was not added. Use --db with a new file for the demo.`);
    } else demo = loadDemo(ws).years;
  }
  const info = ws.info();
  if (o.json) io.out(JSON.stringify({ workspace: info, demoYears: demo }, null, 2));
  else {
    io.out(`Workspace ready: ${info.path}`);
    io.out(`  ${info.name}, schema ${info.schemaVersion}${info.backupPath ? `; the file was upgraded and a copy kept at ${info.backupPath}` : ''}`);
    if (demo) io.out(`  Demo data added for ${demo.join(', ')}. It is clearly marked as demo data.`);
    if (note) io.out(`  ${note}`);
  }
  return EXIT_OK;
}

async function summary(server: DomainServer, path: string, o: CliOptions, io: Io): Promise<number> {
  const year = requireOption(o, 'year');
  const period = periodOption(o);
  await open(server, path, false);
  const s = unwrap<'getSummary'>(await server.call('getSummary', { year, period }));
  if (o.json) {
    const { netFundingPence, budgetPence, forecastPence, variancePence, inYearPence, broughtForwardPence, contributionsPence, carriedForwardPence } = s;
    io.out(
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
  const name = server.workspace!.info().name;
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
  io.out(`${name}\n${s.year} at ${periodLongLabel(s.year, s.period)}${s.status === 'closed' ? ' (year closed)' : ''}\n`);
  for (const [label, v] of rows) io.out(`  ${label.padEnd(30)}${formatPence(v).padStart(16)}`);
  return EXIT_OK;
}

async function exportMonitoring(server: DomainServer, path: string, o: CliOptions, cwd: string, io: Io): Promise<number> {
  const year = requireOption(o, 'year');
  const out = resolve(cwd, requireOption(o, 'out'));
  if (!out.toLowerCase().endsWith('.xlsx')) throw new AppError('INVALID_INPUT', `--out must name an .xlsx file, not ${out}`);
  await open(server, path, false);
  const period = periodOption(o) ?? unwrap<'getSummary'>(await server.call('getSummary', { year })).period;
  const file = unwrap<'buildMonitoringWorkbook'>(await server.call('buildMonitoringWorkbook', { year, period }));
  writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
  if (o.json) io.out(JSON.stringify({ out, year, period }, null, 2));
  else io.out(`Wrote ${out} (${year} P${period})`);
  return EXIT_OK;
}

function check(path: string, o: CliOptions, io: Io): number {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('NOT_FOUND', `Cannot open ${path}: ${(e as Error).message}`, { path });
  }
  try {
    const result = checkWorkspace(sqlite);
    if (o.json) io.out(JSON.stringify({ path, ...result }, null, 2));
    else {
      io.out(`Integrity: ${result.integrity.join('; ')}`);
      io.out(`Foreign key problems: ${result.foreignKeyViolations}`);
      const m = result.migrations;
      io.out(`Schema: ${m.applied} of ${m.known} migrations applied (${m.state})`);
    }
    return result.ok && result.migrations.state === 'current' ? EXIT_OK : EXIT_FAILED;
  } catch (e) {
    throw new AppError('DAMAGED', `${path} could not be checked: ${(e as Error).message}`, { path });
  } finally {
    sqlite.close();
  }
}
