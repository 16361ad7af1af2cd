import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChannelName, ChannelOutput } from '../shared/contract';
import { AppError, type ErrorInfo } from '../shared/errors';
import { defaultDataDir } from '../server/app-paths';
import { DomainServer } from '../server/server';
import type { CliCommand, CliContext, OptionType } from './command';
import { COMMANDS } from './commands';
import { EXIT_INVALID, EXIT_OK, exitCodeFor, type Io, printError } from './output';

const GLOBAL_OPTIONS: Record<string, OptionType> = { db: 'string', json: 'boolean', help: 'boolean' };

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length)) + 2;
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}${c.describe}`);
  return `hnb: HNB Desk from the command line

Usage:
${lines.join('\n')}

Options:
  --db FILE   the workspace file (default: the app's default workspace)
  --json      machine-readable output
Exit codes: 0 success; 2 invalid input or a file with errors (nothing written);
3 an import with conflicts and no --prefer (nothing written); 1 anything else.`;
}

class CliFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

function parse(argv: string[]): { positionals: string[]; values: Record<string, string | boolean | undefined> } {
  const options: Record<string, { type: OptionType; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const c of COMMANDS) for (const [name, type] of Object.entries(c.options ?? {})) options[name] = { type };
  for (const [name, type] of Object.entries(GLOBAL_OPTIONS)) options[name] ??= { type };
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options });
    return { positionals, values };
  } catch (e) {
    throw new AppError('INVALID_INPUT', (e as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

/** The command whose words begin the positionals, the longest such (export report before export). */
function findCommand(positionals: string[]): CliCommand | undefined {
  let best: CliCommand | undefined;
  for (const c of COMMANDS) {
    if (c.words.every((w, i) => positionals[i] === w) && (!best || c.words.length > best.words.length)) best = c;
  }
  return best;
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
    const { positionals, values } = parse(argv);
    json = values.json === true;
    if (values.help || positionals.length === 0 || positionals[0] === 'help') {
      io.out(help());
      return positionals.length === 0 && !values.help ? EXIT_INVALID : EXIT_OK;
    }
    const command = findCommand(positionals);
    if (!command) throw new AppError('INVALID_INPUT', `Unknown command "${positionals.join(' ')}". Run hnb --help.`);
    for (const [name, v] of Object.entries(values)) {
      if (v === undefined || name in GLOBAL_OPTIONS || name in (command.options ?? {})) continue;
      throw new AppError('INVALID_INPUT', `--${name} is not an option of hnb ${command.words.join(' ')}. Run hnb --help.`, {
        issues: [{ field: name, rule: 'not an option of this command', message: `--${name} is not an option of hnb ${command.words.join(' ')}` }],
      });
    }
    const cwd = ctx.cwd ?? process.cwd();
    const dbPath = typeof values.db === 'string' ? resolve(cwd, values.db) : server.defaultWorkspacePath;
    if (command.workspace !== 'none') await openFor(server, dbPath, command.workspace === 'create');
    const context: CliContext = {
      server,
      call: async <K extends ChannelName>(channel: K, input: unknown) => {
        const r = await server.call(channel, input);
        if (!r.ok) throw new CliFailure(r.error);
        return r.value as ChannelOutput<K>;
      },
      args: positionals.slice(command.words.length),
      options: values,
      json,
      dbPath,
      cwd,
      io,
    };
    return await command.run(context);
  } catch (e) {
    const info =
      e instanceof CliFailure ? e.info : e instanceof AppError ? e.toInfo() : { code: 'INTERNAL' as const, message: (e as Error)?.message ?? String(e) };
    printError(io, info, json);
    return exitCodeFor(info);
  } finally {
    server.close();
  }
}

/** Only init is a deliberate choice of workspace; the other commands are one-off reads of an existing one. */
async function openFor(server: DomainServer, path: string, create: boolean): Promise<void> {
  try {
    await server.openWorkspace(path, create, { remember: create });
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND' && !create) {
      throw new AppError('NOT_FOUND', `There is no workspace at ${path}. Run "hnb init" first, or pass --db FILE.`, { path });
    }
    throw e;
  }
}
