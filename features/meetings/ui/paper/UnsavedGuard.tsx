import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';

interface Props {
  dirty: boolean;
  /** Saves; resolves true when saved, so leaving can go ahead. */
  onSave(): Promise<boolean>;
  saving: boolean;
  what: string;
}

/**
 * Leaving a screen with changes not saved asks first: stay, leave without saving, or save and
 * leave. Closing or reloading the window asks through the browser's own prompt.
 */
export function UnsavedGuard({ dirty, onSave, saving, what }: Props) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const open = blocker.state === 'blocked';
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && blocker.reset?.()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Leave without saving?</DialogTitle>
          <DialogContent>{what} has changes that are not saved. They are lost if you leave now.</DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => blocker.reset?.()}>
              Stay
            </Button>
            <Button appearance="secondary" onClick={() => blocker.proceed?.()}>
              Leave without saving
            </Button>
            <BusyButton
              appearance="primary"
              busy={saving}
              onClick={async () => {
                if (await onSave()) blocker.proceed?.();
                else blocker.reset?.();
              }}
            >
              Save and leave
            </BusyButton>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
