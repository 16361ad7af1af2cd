import { Dialog, DialogSurface } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useFocusReturn } from './focus-return';

/**
 * The dialog a screen edits in. Its form is drawn only while it is open, so each opening starts
 * from what it edits, not from the last attempt; once it closes, focus goes back to what opened
 * it. Sized by `className`: `.agr-dialog` (agreements.css) for the agreement and Safety Valve
 * screens, unless a screen gives its own.
 */
export function FormDialog({ open, onClose, className = 'agr-dialog', children }: { open: boolean; onClose(): void; className?: string; children: ReactNode }) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={className}>{open && children}</DialogSurface>
    </Dialog>
  );
}
