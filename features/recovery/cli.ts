import { agreementsCli } from './agreements/cli';
import { planCli } from './plan/cli';
import { planExportCli } from './plan/export-cli';
import { registerCli } from './register/cli';

export const recoveryCli = [...planCli, ...planExportCli, ...registerCli, ...agreementsCli];
