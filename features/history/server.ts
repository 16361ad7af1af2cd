import { serverFeature } from '../../electron/server/feature';
import { historyHandlers } from './handlers';

/** The audit trail as people read it, and undo and redo of whole changes. */
export const historyServer = serverFeature({ name: 'history', handlers: historyHandlers });
