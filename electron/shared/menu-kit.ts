/**
 * A menu command as a feature declares it: where it sits in the menu bar and its shortcut. The
 * window's menu (Electron) and the app's own menu button (in the browser) are built from the same
 * list, and the window handles the shortcuts itself, so a key does the same in both.
 */
export interface MenuItemDef {
  command: string;
  menu: 'file' | 'edit';
  /** Items are grouped (a separator between groups) and ordered by this number. */
  group: number;
  /** With & before the access key, as Windows menus show it. */
  label: string;
  /** "Ctrl+I", "Ctrl+Shift+E": shown in menus and tooltips, handled by the window. */
  shortcut?: string;
}

export function menuItems<const T extends readonly MenuItemDef[]>(items: T): T {
  return items;
}
