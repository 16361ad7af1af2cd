/**
 * The only bridge between the window and the app: one named function per contract channel,
 * plus a menu listener. ipcRenderer itself never reaches the page. The channel names are
 * written into this bundle at build time from the contract (electron.vite.config.ts), so the
 * sandboxed preload carries no zod and no list kept by hand.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isMenuCommand, type MenuCommand } from '../shared/menu';

declare const __HNB_CHANNELS__: string[];

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of __HNB_CHANNELS__) {
  api[name] = (input: unknown) => ipcRenderer.invoke('hnb:call', name, input);
}

contextBridge.exposeInMainWorld('hnb', Object.freeze(api));
contextBridge.exposeInMainWorld(
  'hnbMenu',
  Object.freeze({
    onCommand(listener: (command: MenuCommand) => void): void {
      ipcRenderer.on('hnb:menu', (_event, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      });
    },
  }),
);
