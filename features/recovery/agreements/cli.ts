import { cliCommands } from '../../../electron/cli/command';

export const agreementsCli = cliCommands([]);
