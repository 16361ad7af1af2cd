/**
 * Calls main answers itself (native dialogs) or checks before relaying. The window may open only
 * a workspace it got from a dialog or the recent list, never a path it made up, and may import
 * only the bytes of a file, never name a path. Written against a small interface rather than
 * Electron itself, so a test drives it with a fake dialog and a fake server.
 */
import { join } from 'node:path';
import { contract, type ChannelOutput } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';
import { namesAPath } from '../shared/import-source';

export const WORKSPACE_FILTER = [{ name: 'HNB Desk workspace', extensions: ['hnbdesk'] }];

/** What main needs of Electron: its native dialogs and the user's documents folder. */
export interface HostDialogs {
  documentsDir: string;
  /** The chosen file, or null when the user cancels. */
  openFile(options: { title: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
  saveFile(options: { title: string; defaultPath: string; filters: Array<{ name: string; extensions: string[] }> }): Promise<string | null>;
  writeFile(path: string, bytes: Uint8Array): void;
}

/** What main needs of the data server: relayed calls, and opening a file the user chose in a dialog. */
export interface HostServer {
  call(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** Privileged: only for a path from a native dialog. */
  open(path: string, create: boolean): Promise<Envelope<unknown>>;
}

function fail(e: unknown): Envelope<never> {
  const err = e instanceof AppError ? e : new AppError('INTERNAL', (e as Error)?.message ?? String(e));
  return { ok: false, error: err.toInfo() };
}

export async function hostCall(dialogs: HostDialogs, server: HostServer, channel: string, input: unknown): Promise<Envelope<unknown>> {
  try {
    if (channel === 'chooseWorkspace') {
      const { mode } = contract.chooseWorkspace.input.parse(input);
      const chosen =
        mode === 'open'
          ? await dialogs.openFile({ title: 'Open workspace', filters: WORKSPACE_FILTER })
          : await dialogs.saveFile({ title: 'New workspace', filters: WORKSPACE_FILTER, defaultPath: join(dialogs.documentsDir, 'New workspace.hnbdesk') });
      if (!chosen) return { ok: true, value: null satisfies ChannelOutput<'chooseWorkspace'> };
      return server.open(chosen, mode === 'create');
    }
    if (channel === 'saveFileAs') {
      const { fileName, base64 } = contract.saveFileAs.input.parse(input);
      // A pack's PDF is saved through the same dialog as a workbook: the filter follows the file.
      const pdf = /\.pdf$/i.test(fileName);
      const path = await dialogs.saveFile({
        title: pdf ? 'Save PDF' : 'Save workbook',
        defaultPath: join(dialogs.documentsDir, fileName),
        filters: [pdf ? { name: 'PDF document', extensions: ['pdf'] } : { name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      if (!path) return { ok: true, value: null };
      dialogs.writeFile(path, Buffer.from(base64, 'base64'));
      return { ok: true, value: { savedTo: path } };
    }
    if (channel === 'chooseImportFile') {
      const { kind, scope } = contract.chooseImportFile.input.parse(input);
      const chosen = await dialogs.openFile({ title: 'Import a workbook', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] });
      if (!chosen) return { ok: true, value: null satisfies ChannelOutput<'chooseImportFile'> };
      return server.call('importFile', { source: { path: chosen }, kind, scope });
    }
    if (namesAPath(channel, input)) throw new AppError('UNAUTHORIZED', 'Choose the file to import with File > Import workbook.');
    // openWorkspace is relayed: the server itself opens only a file from the recent list.
    return server.call(channel, input);
  } catch (e) {
    return fail(e);
  }
}
