import { menuItems } from '../../electron/shared/menu-kit';

export const importsMenu = menuItems([
  { command: 'import-workbook', menu: 'file', group: 20, label: '&Import workbook…', shortcut: 'Ctrl+I' },
  { command: 'show-imports', menu: 'file', group: 20, label: 'Import &history' },
  { command: 'export-monitoring-return', menu: 'file', group: 30, label: 'Export monitoring &return for budget holders…', shortcut: 'Ctrl+Shift+R' },
  { command: 'export-budget', menu: 'file', group: 30, label: 'Export &budget workbook…', shortcut: 'Ctrl+Shift+B' },
]);
