import { useEffect, useRef } from 'react';

/**
 * Gives focus back to whatever had it before a dialog or drawer opened (a grid cell, a button,
 * a menu item's own trigger), once it closes: a keyboard user carries on where they were. Call it
 * in the component that renders the surface: it notes the focus while rendering, so no effect
 * (Fluent's Dialog moving focus in among them) has run yet, and needs no sibling placed first.
 */
export function useFocusReturn(open: boolean): void {
  const before = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  // Noted while rendering the open surface, before any effect (the surface's own among them)
  // has moved focus into it.
  if (open && !wasOpen.current) before.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  wasOpen.current = open;
  useEffect(() => {
    if (open) return;
    const el = before.current;
    before.current = null;
    if (!el) return;
    // After the surface has gone, so its own focus handling cannot take it back.
    const t = setTimeout(() => {
      if (el.isConnected && document.activeElement !== el) el.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [open]);
}
