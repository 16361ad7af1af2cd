import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../electron/shared/channels';
import { onMenuCommand } from '../api/api';

const listeners = new Set<(c: MenuCommand) => void>();
let wired = false;

/** Runs `handler` when the native menu sends `command`, for as long as the component is mounted. */
export function useMenuCommand(command: MenuCommand, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!wired) {
      wired = true;
      onMenuCommand((c) => listeners.forEach((l) => l(c)));
    }
    const listener = (c: MenuCommand) => c === command && latest.current();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [command]);
}
