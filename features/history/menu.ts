import { menuItems } from '../../electron/shared/menu-kit';

export const historyMenu = menuItems([
  { command: 'undo', menu: 'edit', group: 10, label: '&Undo last change', shortcut: 'Ctrl+Z' },
  { command: 'redo', menu: 'edit', group: 10, label: '&Redo', shortcut: 'Ctrl+Y' },
]);
