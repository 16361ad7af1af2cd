/** Every menu command, joined from each feature's menu.ts (one line per feature). */
import { historyMenu } from '../../features/history/menu';
import { importsMenu } from '../../features/imports/menu';
import { positionMenu } from '../../features/position/menu';
import { workspacesMenu } from '../../features/workspaces/menu';
import type { MenuItemDef } from './menu-kit';

export const MENU_ITEMS = [...workspacesMenu, ...importsMenu, ...positionMenu, ...historyMenu] as const satisfies readonly MenuItemDef[];

export type MenuCommand = (typeof MENU_ITEMS)[number]['command'];
export const MENU_COMMANDS: readonly string[] = MENU_ITEMS.map((i) => i.command);

export function isMenuCommand(c: unknown): c is MenuCommand {
  return typeof c === 'string' && MENU_COMMANDS.includes(c);
}

/** "Ctrl+I" for a command, for tooltips; undefined when it has none. */
export function shortcutOf(command: MenuCommand): string | undefined {
  return (MENU_ITEMS as readonly MenuItemDef[]).find((i) => i.command === command)?.shortcut;
}
