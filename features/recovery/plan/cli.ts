import { cliCommands } from '../../../electron/cli/command';

export const planCli = cliCommands([]);
