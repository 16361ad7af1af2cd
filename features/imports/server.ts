import { serverFeature } from '../../electron/server/feature';
import { importsHandlers } from './handlers';

/** The spreadsheet round trip as the window and the command line drive it: kinds, exports, imports, batches, mappings. */
export const importsServer = serverFeature({ name: 'imports', handlers: importsHandlers });
