import { cliCommands } from '../../../electron/cli/command';

export const registerCli = cliCommands([]);
