import { agreementsCli } from './agreements/cli';
import { planCli } from './plan/cli';
import { registerCli } from './register/cli';

export const recoveryCli = [...planCli, ...registerCli, ...agreementsCli];
