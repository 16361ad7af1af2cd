import { Dialog, DialogSurface } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';

/**
 * The dialog the agreement and Safety Valve screens edit in. Its form is drawn only while it is
 * open, so each opening starts from what it edits, not from the last attempt; once it closes,
 * focus goes back to what opened it. Sized by `.agr-dialog` (agreements.css, which those screens load).
 */
export function FormDialog({ open, onClose, children }: { open: boolean; onClose(): void; children: ReactNode }) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="agr-dialog">{open && children}</DialogSurface>
    </Dialog>
  );
}
