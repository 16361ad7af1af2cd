import { returnsCli } from './returns/cli';
import { runsCli } from './runs/cli';
import { schoolsCli } from './schools/cli';

export const allocationsCli = [...schoolsCli, ...runsCli, ...returnsCli];
