import { api } from '../../../renderer/src/api/api';
import { featureUi } from '../../../renderer/src/feature-ui';

/** Undo and redo reach anything: everything shown is read again afterwards. */
export const historyUi = featureUi({
  commands: {
    undo: async ({ app, queryClient }) => {
      if (!app.workspace) return;
      app.dismissNotice();
      try {
        const r = await api.undo({});
        app.notify('success', `Undone: ${r.undone}`, r.canRedo ? ['Redo (Ctrl+Y) makes it again.'] : undefined);
      } catch (e) {
        app.reportError(e);
      }
      await queryClient.invalidateQueries();
    },
    redo: async ({ app, queryClient }) => {
      if (!app.workspace) return;
      app.dismissNotice();
      try {
        const r = await api.redo({});
        app.notify('success', `Redone: ${r.redone}`);
      } catch (e) {
        app.reportError(e);
      }
      await queryClient.invalidateQueries();
    },
  },
});
