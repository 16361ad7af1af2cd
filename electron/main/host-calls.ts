import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { contract, type ChannelOutput } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';
import { namesAPath } from '../shared/import-source';
import type { RecentWorkspace } from '../shared/types';
import { writeFileAtomic } from '../server/files';
import { WORKSPACE_EXTENSION } from '../server/app-paths';
import type { ServerProcess } from './server-process';

const workspaceFilter = [{ name: 'HNB Desk workspace', extensions: [WORKSPACE_EXTENSION] }];

function fail(e: unknown): Envelope<never> {
  const err = e instanceof AppError ? e : new AppError('INTERNAL', (e as Error)?.message ?? String(e));
  return { ok: false, error: err.toInfo() };
}

/**
 * Calls main answers itself (native dialogs) or checks before relaying: the renderer may only
 * open a workspace path it got from a dialog or the recent list, never one it made up.
 */
export async function hostCall(window: BrowserWindow, server: ServerProcess, channel: string, input: unknown): Promise<Envelope<unknown>> {
  try {
    if (channel === 'chooseWorkspace') {
      const { mode } = contract.chooseWorkspace.input.parse(input);
      const chosen =
        mode === 'open'
          ? (await dialog.showOpenDialog(window, { title: 'Open workspace', filters: workspaceFilter, properties: ['openFile'] })).filePaths[0]
          : (
              await dialog.showSaveDialog(window, {
                title: 'New workspace',
                filters: workspaceFilter,
                defaultPath: join(app.getPath('documents'), `New workspace.${WORKSPACE_EXTENSION}`),
              })
            ).filePath;
      if (!chosen) return { ok: true, value: null satisfies ChannelOutput<'chooseWorkspace'> };
      return server.call('openWorkspace', { path: chosen, create: mode === 'create' });
    }
    if (channel === 'saveFileAs') {
      const { fileName, base64 } = contract.saveFileAs.input.parse(input);
      const result = await dialog.showSaveDialog(window, {
        title: 'Save workbook',
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      if (!result.filePath) return { ok: true, value: null };
      writeFileAtomic(result.filePath, Buffer.from(base64, 'base64'));
      return { ok: true, value: { savedTo: result.filePath } };
    }
    if (channel === 'chooseImportFile') {
      const { kind, year, period } = contract.chooseImportFile.input.parse(input);
      const chosen = (
        await dialog.showOpenDialog(window, {
          title: 'Import a workbook',
          filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
          properties: ['openFile'],
        })
      ).filePaths[0];
      if (!chosen) return { ok: true, value: null satisfies ChannelOutput<'chooseImportFile'> };
      return server.call('importFile', { source: { path: chosen }, kind, year, period });
    }
    if (namesAPath(channel, input)) throw new AppError('UNAUTHORIZED', 'Choose the file to import with File > Import workbook.');
    if (channel === 'openWorkspace') {
      const { path } = contract.openWorkspace.input.parse(input);
      const recent = await server.call('listRecentWorkspaces', {});
      const known = recent.ok && (recent.value as RecentWorkspace[]).some((r) => r.path === path);
      if (!known) throw new AppError('UNAUTHORIZED', 'Choose the workspace with File > Open workspace.');
      return server.call('openWorkspace', { path, create: false });
    }
    return server.call(channel, input);
  } catch (e) {
    return fail(e);
  }
}
