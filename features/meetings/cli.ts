import { agendaCli } from './agenda/cli';
import { bodiesCli } from './bodies/cli';
import { packCli } from './pack/cli';
import { papersCli } from './papers/cli';

export const meetingsCli = [...bodiesCli, ...agendaCli, ...papersCli, ...packCli];
