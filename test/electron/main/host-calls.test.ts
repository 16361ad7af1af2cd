import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HostDialogs, type HostServer, hostCall } from '../../../electron/main/host-calls';
import { writeFileAtomic } from '../../../electron/server/files';
import { testServer, type TestServer } from '../../support/workspace';
import { exportBytes } from '../../support/workbooks';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** Electron's dialogs, faked: each answers with the path queued for it (or cancels). */
function fakeDialogs(dir: string) {
  const answers: Array<string | null> = [];
  const asked: string[] = [];
  const dialogs: HostDialogs = {
    documentsDir: dir,
    openFile: async (o) => {
      asked.push(`open: ${o.title}`);
      return answers.shift() ?? null;
    },
    saveFile: async (o) => {
      asked.push(`save: ${o.title}`);
      return answers.shift() ?? null;
    },
    writeFile: (path, bytes) => writeFileAtomic(path, bytes),
  };
  return { dialogs, answers, asked };
}

/** The data server as main sees it, with its privileged open watched. */
function hostServer(t: TestServer) {
  const open = vi.fn((path: string, create: boolean) => t.server.openChosen(path, create));
  const server: HostServer = { call: (c, i) => t.server.call(c, i), open };
  return { server, open };
}

describe('what the desktop window may ask of main', () => {
  it('opens only a workspace from the recent list or one chosen in a dialog, never a path the window made up', async () => {
    t = await testServer({ demo: true });
    const { dialogs } = fakeDialogs(t.dir);
    const { server, open } = hostServer(t);
    const madeUp = join(t.dir, 'made-up.hnbdesk');
    const r = await hostCall(dialogs, server, 'openWorkspace', { path: madeUp });
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(existsSync(madeUp)).toBe(false);
    expect(open).not.toHaveBeenCalled();
    // The recent list is fine.
    expect(await hostCall(dialogs, server, 'openWorkspace', { path: t.server.defaultWorkspacePath })).toMatchObject({ ok: true });
  });

  it('opens, or creates, the file the user chose in the native dialog, and nothing when they cancel', async () => {
    t = await testServer();
    const { dialogs, answers, asked } = fakeDialogs(t.dir);
    const { server, open } = hostServer(t);
    const chosen = join(t.dir, 'Chosen.hnbdesk');
    answers.push(chosen);
    expect(await hostCall(dialogs, server, 'chooseWorkspace', { mode: 'create' })).toMatchObject({ ok: true, value: { path: chosen, name: 'Chosen' } });
    expect(open).toHaveBeenCalledWith(chosen, true);
    answers.push(null);
    expect(await hostCall(dialogs, server, 'chooseWorkspace', { mode: 'open' })).toEqual({ ok: true, value: null });
    expect(asked).toEqual(['save: New workspace', 'open: Open workspace']);
    // What was chosen is now on the recent list, so the window may open it again by path.
    expect(await hostCall(dialogs, server, 'openWorkspace', { path: chosen })).toMatchObject({ ok: true });
  });

  it('imports only the bytes of a file from the window, and a path only from the open dialog', async () => {
    t = await testServer({ demo: true });
    const { dialogs, answers } = fakeDialogs(t.dir);
    const { server } = hostServer(t);
    const file = join(t.dir, 'return.xlsx');
    writeFileAtomic(file, await exportBytes(t, { kind: 'monitoring', year: '2026-27', period: 7 }));
    expect(await hostCall(dialogs, server, 'importFile', { source: { path: file } })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    answers.push(file);
    const r = await hostCall(dialogs, server, 'chooseImportFile', {});
    expect(r).toMatchObject({ ok: true, value: { stage: 'preview', preview: { fileName: 'return.xlsx', ours: true } } });
  });

  it('saves bytes where the save dialog says', async () => {
    t = await testServer();
    const { dialogs, answers } = fakeDialogs(t.dir);
    const { server } = hostServer(t);
    const out = join(t.dir, 'saved.xlsx');
    answers.push(out);
    expect(await hostCall(dialogs, server, 'saveFileAs', { fileName: 'a.xlsx', base64: Buffer.from('bytes').toString('base64') })).toEqual({
      ok: true,
      value: { savedTo: out },
    });
    expect(readFileSync(out, 'utf8')).toBe('bytes');
    expect((await hostCall(dialogs, server, 'saveFileAs', { fileName: 'a.xlsx', base64: '' })).ok).toBe(true);
  });

  it("names a pack's PDF as a PDF in the save dialog, and a workbook as a workbook", async () => {
    t = await testServer();
    const { dialogs, answers, asked } = fakeDialogs(t.dir);
    const { server } = hostServer(t);
    answers.push(join(t.dir, 'pack.pdf'), join(t.dir, 'pack.xlsx'));
    await hostCall(dialogs, server, 'saveFileAs', { fileName: 'Forum-2026-12-10-pack.pdf', base64: Buffer.from('%PDF-').toString('base64') });
    await hostCall(dialogs, server, 'saveFileAs', { fileName: 'Forum-2026-12-10-pack.xlsx', base64: Buffer.from('PK').toString('base64') });
    expect(asked).toEqual(['save: Save PDF', 'save: Save workbook']);
    expect(readFileSync(join(t.dir, 'pack.pdf'), 'utf8')).toBe('%PDF-');
  });
});
