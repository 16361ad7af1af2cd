/**
 * The only bridge between the window and the app: one named function per contract channel,
 * plus a menu listener. ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, MENU_COMMANDS, type MenuCommand } from '../shared/channels';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of CHANNEL_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke('hnb:call', name, input);
}

contextBridge.exposeInMainWorld('hnb', Object.freeze(api));
contextBridge.exposeInMainWorld(
  'hnbMenu',
  Object.freeze({
    onCommand(listener: (command: MenuCommand) => void): void {
      ipcRenderer.on('hnb:menu', (_event, command: unknown) => {
        if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) listener(command as MenuCommand);
      });
    },
  }),
);
