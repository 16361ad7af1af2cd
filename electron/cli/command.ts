/**
 * A command of the `hnb` command line, as a feature declares it in its cli.ts. The command
 * line lists them (electron/cli/commands.ts), builds its help from their usage lines, and
 * refuses an option a command does not take.
 */
import type { ChannelName, ChannelOutput } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { DomainServer } from '../server/server';
import type { Io } from './output';

export type OptionType = 'string' | 'boolean';

export interface CliContext {
  server: DomainServer;
  /** Calls a channel; a refusal ends the command with its error and exit code. */
  call: <K extends ChannelName>(channel: K, input: unknown) => Promise<ChannelOutput<K>>;
  /** Positional words after the command's own words. */
  args: string[];
  options: Record<string, string | boolean | undefined>;
  json: boolean;
  /** The workspace file: --db, or the default one. */
  dbPath: string;
  cwd: string;
  io: Io;
}

export interface CliCommand {
  /** The words that name it: ['summary'], ['export', 'report']; the longest match wins. */
  words: string[];
  /** Lines for --help: usage, then what it does. */
  usage: string;
  describe: string;
  options?: Record<string, OptionType>;
  /** 'open': the workspace must exist; 'create': made if missing (init); 'none': the command opens it itself. */
  workspace: 'open' | 'create' | 'none';
  run(ctx: CliContext): Promise<number>;
}

export function cliCommands<const T extends readonly CliCommand[]>(commands: T): T {
  return commands;
}

/** An input error for an option, exit code 2. */
export function optionError(name: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { issues: [{ field: name, rule: 'is invalid', message }] });
}

export function stringOption(ctx: CliContext, name: string): string | undefined {
  const v = ctx.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function requireOption(ctx: CliContext, name: string): string {
  const v = stringOption(ctx, name);
  if (!v) throw optionError(name, `--${name} is required`);
  return v;
}
