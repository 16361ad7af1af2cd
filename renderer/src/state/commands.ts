/**
 * Menu commands, wherever they come from: Electron's menu (over the preload), the app's own
 * menu button (in the browser), or a keyboard shortcut. Each feature answers its own
 * (FeatureUi.commands); a screen may also listen while it is shown (useMenuCommand).
 */
import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../electron/shared/menu';
import { onMenuCommand } from '../api/api';

const listeners = new Set<(c: MenuCommand) => void>();
let wired = false;

function wire(): void {
  if (wired) return;
  wired = true;
  onMenuCommand((c) => dispatchCommand(c));
}

export function dispatchCommand(command: MenuCommand): void {
  for (const l of listeners) l(command);
}

/** Runs `handler` when `command` is given, for as long as the component is mounted. */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    wire();
    const listener = (c: MenuCommand) => c === command && latest.current();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [command]);
}

/** Every command, to one handler (the app shell hands them to the features). */
export function useAnyMenuCommand(handler: (c: MenuCommand) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    wire();
    const listener = (c: MenuCommand) => latest.current(c);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
