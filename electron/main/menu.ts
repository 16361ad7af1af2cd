import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/channels';
import { safeExternalUrl } from './guards';

/** The one way the app opens a web page: through the https-only guard. */
export function openExternalSafely(url: unknown): void {
  const safe = safeExternalUrl(url);
  if (safe) void shell.openExternal(safe);
}

export function buildMenu(window: BrowserWindow): Menu {
  const send = (command: MenuCommand) => () => window.webContents.send('hnb:menu', command);
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: '&Open workspace…', accelerator: 'CmdOrCtrl+O', click: send('open-workspace') },
        { label: '&New workspace…', click: send('new-workspace') },
        { label: 'Workspaces and &recent files', click: send('show-workspaces') },
        { type: 'separator' },
        { label: '&Import workbook…', accelerator: 'CmdOrCtrl+I', click: send('import-workbook') },
        { label: 'Import &history', click: send('show-imports') },
        { type: 'separator' },
        { label: '&Export monitoring report…', accelerator: 'CmdOrCtrl+E', click: send('export-monitoring') },
        { label: 'Export monitoring &return for budget holders…', click: send('export-monitoring-return') },
        { label: 'Export &budget workbook…', click: send('export-budget') },
        { type: 'separator' },
        { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // No accelerator: Ctrl+Z belongs to the text box being typed in; the window handles it elsewhere.
        { label: '&Undo last change', click: send('undo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[])),
      ],
    },
    {
      label: '&Help',
      submenu: [
        {
          label: 'High needs funding guidance (GOV.UK)',
          click: () => openExternalSafely('https://www.gov.uk/government/collections/high-needs-funding'),
        },
        {
          label: '&About HNB Desk',
          click: () =>
            void dialog.showMessageBox(window, {
              type: 'info',
              title: 'About HNB Desk',
              message: `HNB Desk ${app.getVersion()}`,
              detail: 'High Needs Block monitoring, the DSG deficit and Schools Forum packs for English local authorities.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
