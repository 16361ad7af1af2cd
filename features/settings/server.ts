import { serverFeature } from '../../electron/server/feature';
import { settingsHandlers } from './handlers';

/** How this workspace shows figures (negatives) and what an import flags (large moves). */
export const settingsServer = serverFeature({ name: 'settings', handlers: settingsHandlers });
