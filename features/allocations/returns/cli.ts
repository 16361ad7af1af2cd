import type { CliCommand } from '../../../electron/cli/command';

export const returnsCli: CliCommand[] = [];
