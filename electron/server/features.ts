import type { ServerChannel } from '../shared/contract';
import type { HandlerMap } from './handler';
import { fundingHandlers } from '../../features/years/funding-handlers';
import { historyHandlers } from '../../features/history/handlers';
import { lineHandlers } from '../../features/lines/handlers';
import { monitoringHandlers } from '../../features/monitoring/handlers';
import { workbookHandlers } from '../../features/imports/handlers';
import { workspaceHandlers } from '../../features/workspaces/handlers';
import { yearHandlers } from '../../features/years/handlers';

/** Every server channel of the contract has exactly one handler: a missing one fails the compile. */
export const handlers: HandlerMap<ServerChannel> = {
  ...workspaceHandlers,
  ...yearHandlers,
  ...fundingHandlers,
  ...lineHandlers,
  ...monitoringHandlers,
  ...historyHandlers,
  ...workbookHandlers,
};
