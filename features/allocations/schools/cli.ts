import type { CliCommand } from '../../../electron/cli/command';

export const schoolsCli: CliCommand[] = [];
