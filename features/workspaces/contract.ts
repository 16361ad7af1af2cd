import { z } from 'zod';
import { channel, empty, fileBytes, requiredText } from '../../electron/shared/contract-kit';
import type { RecentWorkspace, WorkspaceInfo } from './types';

export const workspacesContract = {
  getWorkspace: channel(empty).returns<WorkspaceInfo>(),
  listRecentWorkspaces: channel(empty).returns<RecentWorkspace[]>(),
  /** Only a path from the recent list: hosts refuse any other (a new file comes from a dialog or createWorkspace). */
  openWorkspace: channel(z.strictObject({ path: requiredText(4096) })).returns<WorkspaceInfo>(),
  /** A new, empty workspace in the app's own folder, named by the user; the page never names a path. */
  createWorkspace: channel(z.strictObject({ name: requiredText(120) })).returns<WorkspaceInfo>(),
  /** A new workspace in the app's own folder, filled with the demo authority. */
  createDemoWorkspace: channel(empty).returns<WorkspaceInfo>(),
  renameWorkspace: channel(z.strictObject({ name: requiredText(200) })).returns<WorkspaceInfo>(),
  /** Native open/save dialog, then opens the file. Null when the user cancels. */
  chooseWorkspace: channel(z.strictObject({ mode: z.enum(['open', 'create']) })).hostReturns<WorkspaceInfo | null>(),
  /** Native save dialog for bytes the server built. Null when the user cancels. */
  saveFileAs: channel(fileBytes).hostReturns<{ savedTo: string } | null>(),
};
