import { serverFeature } from '../../electron/server/feature';
import { workspacesHandlers } from './handlers';

/** Opening, creating and naming workspace files, and the recent list. */
export const workspacesServer = serverFeature({ name: 'workspaces', handlers: workspacesHandlers });
