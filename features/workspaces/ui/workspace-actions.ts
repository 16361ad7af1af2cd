import { api, isDesktop } from '../../../renderer/src/api/api';
import type { CommandContext } from '../../../renderer/src/feature-ui';

/** Desktop: the native open or save dialog. Browser: the Workspaces screen, which has the recent list and a new workspace by name. */
export async function chooseWorkspace({ app, navigate }: Pick<CommandContext, 'app' | 'navigate'>, mode: 'open' | 'create'): Promise<void> {
  if (!isDesktop) {
    navigate('/workspaces');
    return;
  }
  app.dismissNotice();
  try {
    const info = await api.chooseWorkspace({ mode });
    if (info) {
      app.workspaceChanged(info);
      navigate('/monitoring');
    }
  } catch (e) {
    app.reportError(e);
  }
}

/** A new workspace in the app's own folder, filled with the demo authority, opened at once. */
export async function createDemoWorkspace({ app, navigate }: Pick<CommandContext, 'app' | 'navigate'>): Promise<void> {
  app.dismissNotice();
  try {
    const info = await api.createDemoWorkspace({});
    app.workspaceChanged(info);
    navigate('/monitoring');
    app.notify('success', `Opened ${info.name}`, [`A new file made for trying HNB Desk out: ${info.path}. It is marked as demo data throughout.`]);
  } catch (e) {
    app.reportError(e);
  }
}
