import { menuItems } from '../../electron/shared/menu-kit';

export const positionMenu = menuItems([{ command: 'export-monitoring', menu: 'file', group: 30, label: '&Export monitoring report…', shortcut: 'Ctrl+E' }]);
