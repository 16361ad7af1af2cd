import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { MENU_ITEMS } from '../shared/menu';
import type { MenuItemDef } from '../shared/menu-kit';
import { safeExternalUrl } from './guards';

/** The one way the app opens a web page: through the https-only guard. */
export function openExternalSafely(url: unknown): void {
  const safe = safeExternalUrl(url);
  if (safe) void shell.openExternal(safe);
}

/**
 * One menu's items from the features' menu declarations, grouped with separators. Shortcuts are
 * shown but not registered: the window handles them (state/shortcuts.ts), so Ctrl+Z in a text
 * box stays the text box's, and a key does the same in Electron and in the browser.
 */
export function menuTemplate(menu: MenuItemDef['menu'], send: (command: string) => void): MenuItemConstructorOptions[] {
  const items = (MENU_ITEMS as readonly MenuItemDef[]).filter((i) => i.menu === menu).sort((a, b) => a.group - b.group);
  const out: MenuItemConstructorOptions[] = [];
  items.forEach((item, i) => {
    if (i > 0 && items[i - 1]!.group !== item.group) out.push({ type: 'separator' });
    out.push({
      label: item.label,
      click: () => send(item.command),
      ...(item.shortcut ? { accelerator: item.shortcut.replace(/^Ctrl\+/, 'CmdOrCtrl+'), registerAccelerator: false } : {}),
    });
  });
  return out;
}

export function buildMenu(window: BrowserWindow): Menu {
  const send = (command: string) => window.webContents.send('hnb:menu', command);
  const template: MenuItemConstructorOptions[] = [
    { label: '&File', submenu: [...menuTemplate('file', send), { type: 'separator' }, { role: 'quit', label: 'E&xit' }] },
    {
      label: '&Edit',
      submenu: [...menuTemplate('edit', send), { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
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
        { label: 'High needs funding guidance (GOV.UK)', click: () => openExternalSafely('https://www.gov.uk/government/collections/high-needs-funding') },
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
