import { defineHandlers } from '../../electron/server/handler';
import { workspace } from '../../db/schema';

export const workspaceHandlers = defineHandlers({
  getWorkspace: (_input, { ws }) => ws.info(),
  listRecentWorkspaces: (_input, { server }) => {
    // The open file's name may have changed since it was added (rename, demo data).
    const open = server.workspace?.info();
    return server.recent.list().map((r) => (open && r.path === open.path ? { ...r, name: open.name } : r));
  },
  openWorkspace: (input, { server }) => server.openWorkspace(input.path, input.create ?? false),
  renameWorkspace: (input, { ws, server }) => {
    const id = ws.info().id;
    ws.write('edit', `Rename workspace to ${input.name}`, (rec) => rec.update(workspace, id, { name: input.name }));
    const info = ws.info();
    server.recent.add(ws.path, info.name, server.actor.now());
    return info;
  },
});
