import { useEffect, useRef } from 'react';

/**
 * useFocusReturn (renderer/src/components/focus-return.ts) with one more choice: a dialog whose
 * work puts the caret somewhere new (a live block just inserted into the text) says so with
 * `elsewhere()`, and focus is not taken back to the button that opened it.
 */
export function useFocusAfter(open: boolean): { elsewhere(): void } {
  const before = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const skip = useRef(false);
  if (open && !wasOpen.current) {
    before.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    skip.current = false;
  }
  wasOpen.current = open;
  useEffect(() => {
    if (open) return;
    const el = before.current;
    before.current = null;
    if (!el || skip.current) return;
    const t = setTimeout(() => {
      if (el.isConnected && document.activeElement !== el) el.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [open]);
  return {
    elsewhere: () => {
      skip.current = true;
    },
  };
}
