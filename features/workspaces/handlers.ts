import { resolve } from 'node:path';
import { workspace } from '../../db/schema';
import { AppError } from '../../electron/shared/errors';
import { publishDemoPacks } from '../../electron/server/demo/demo-packs';
import { loadDemo } from '../../electron/server/demo/load-demo';
import { defineHandlers } from '../../electron/server/handler';

export const workspacesHandlers = defineHandlers({
  getWorkspace: (_input, { ws }) => ws.info(),

  listRecentWorkspaces: (_input, { server }) => {
    // The open file's name may have changed since it was added (rename, demo data).
    const open = server.workspace?.info();
    const list = server.recent.list().map((r) => (open && r.path === open.path ? { ...r, name: open.name } : r));
    const names = new Map<string, number>();
    for (const r of list) names.set(r.name.trim().toLowerCase(), (names.get(r.name.trim().toLowerCase()) ?? 0) + 1);
    return list.map((r) => ({ ...r, sameNameAsAnother: (names.get(r.name.trim().toLowerCase()) ?? 0) > 1 }));
  },

  /**
   * Only a file from the recent list: a window may not name any other path (a new one comes from
   * a host's dialog or createWorkspace). The refusal is the same whether or not the path exists.
   */
  openWorkspace: async (input, { server }) => {
    if (!server.recent.has(input.path)) {
      throw new AppError(
        'UNAUTHORIZED',
        'Only a workspace from the recent list can be opened from here: choose another with File > Open workspace, or start HNB Desk with it.',
      );
    }
    return server.openWorkspace(resolve(input.path), false);
  },

  createWorkspace: async (input, { server }) => server.openWorkspace(server.freshPathFor(input.name), true),

  createDemoWorkspace: async (_input, { server }) => {
    const info = await server.openWorkspace(server.freshPathFor('Demo authority'), true);
    loadDemo(server.workspace!);
    // Without a browser the demo is whole but for its published pack, which the meeting page can publish later.
    await publishDemoPacks(server);
    const demo = server.workspace!.info();
    server.recent.add(demo.path, demo.name, server.actor.now());
    return { ...info, ...demo };
  },

  renameWorkspace: (input, { ws, server }) => {
    const id = ws.info().id;
    ws.write('edit', `Rename workspace to ${input.name}`, (rec) => rec.update(workspace, id, { name: input.name }));
    const info = ws.info();
    server.recent.add(ws.path, info.name, server.actor.now());
    return info;
  },
});
