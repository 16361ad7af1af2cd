import { menuItems } from '../../electron/shared/menu-kit';

export const workspacesMenu = menuItems([
  { command: 'open-workspace', menu: 'file', group: 10, label: '&Open workspace…', shortcut: 'Ctrl+O' },
  { command: 'new-workspace', menu: 'file', group: 10, label: '&New workspace…', shortcut: 'Ctrl+N' },
  { command: 'new-demo-workspace', menu: 'file', group: 10, label: 'New &demo workspace' },
  { command: 'show-workspaces', menu: 'file', group: 10, label: 'Workspaces and &recent files' },
]);
