/**
 * The keyboard shortcuts shown in the menus, handled by the window itself (Electron's menu shows
 * them without taking the keys), so they work the same in the desktop app and the browser.
 * Undo and redo belong to a text box while one is being typed in.
 */
import { useEffect } from 'react';
import { MENU_ITEMS, type MenuCommand } from '../../../electron/shared/menu';
import type { MenuItemDef } from '../../../electron/shared/menu-kit';
import { dispatchCommand } from './commands';

const TEXT_OWNS = new Set<MenuCommand>(['undo', 'redo']);

function keyOf(e: KeyboardEvent): string {
  const parts = [];
  if (e.ctrlKey || e.metaKey) parts.push('Ctrl');
  if (e.shiftKey) parts.push('Shift');
  if (e.altKey) parts.push('Alt');
  parts.push(e.key.length === 1 ? e.key.toUpperCase() : e.key);
  return parts.join('+');
}

function isTyping(target: EventTarget | null): boolean {
  const t = target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

export function useShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const byKey = new Map((MENU_ITEMS as readonly MenuItemDef[]).filter((i) => i.shortcut).map((i) => [i.shortcut!, i.command as MenuCommand]));
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const command = byKey.get(keyOf(e));
      if (!command) return;
      if (TEXT_OWNS.has(command) && isTyping(e.target)) return;
      e.preventDefault();
      dispatchCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
