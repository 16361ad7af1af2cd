import { serverFeature } from '../../electron/server/feature';
import { linesAudit } from './audit';
import { lineHandlers } from './handlers';
import { seedStandardLines } from './seed';

/** Budget lines: the authority's cost centres, each under an s251 line and a provision group. */
export const linesServer = serverFeature({ name: 'lines', handlers: lineHandlers, audit: linesAudit, seed: seedStandardLines });
