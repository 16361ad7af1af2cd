import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { type ReactNode, useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';

interface Props {
  /** The dialog's title and what it asks; nothing shows while it is null. */
  ask: { title: string; text: ReactNode; action: string } | null;
  busy: boolean;
  /** Does it; gives the refusal in words, or null when done. */
  onConfirm(): Promise<string | null>;
  onClose(): void;
}

/** "Delete North Cluster?": says what goes with it, and keeps a refusal in view until cancelled. */
export function ConfirmDialog({ ask, busy, onConfirm, onClose }: Props) {
  useFocusReturn(ask !== null);
  const [refused, setRefused] = useState<string | null>(null);
  const close = () => {
    setRefused(null);
    onClose();
  };
  return (
    <Dialog open={ask !== null} onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface className="alloc-dialog narrow">
        {ask && (
          <DialogBody>
            <DialogTitle>{ask.title}</DialogTitle>
            <DialogContent className="dialog-form">
              <div>{ask.text}</div>
              <RefusalBar refused={refused} prefix="Not deleted: " />
            </DialogContent>
            <DialogButtons
              busy={busy}
              icon={<DeleteRegular />}
              onCancel={close}
              onConfirm={async () => {
                const why = await onConfirm();
                if (why) setRefused(why);
                else close();
              }}
            >
              {ask.action}
            </DialogButtons>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
