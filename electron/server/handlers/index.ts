import type { ServerChannel } from '../../shared/contract';
import type { HandlerMap } from '../handler';
import { fundingHandlers } from './funding';
import { historyHandlers } from './history';
import { lineHandlers } from './lines';
import { monitoringHandlers } from './monitoring';
import { workbookHandlers } from './workbooks';
import { workspaceHandlers } from './workspace';
import { yearHandlers } from './years';

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
