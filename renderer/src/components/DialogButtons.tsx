import { Button, type ButtonProps, DialogActions } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { BusyButton } from './BusyButton';

interface Props {
  /** The main button's words. */
  children: ReactNode;
  /** What the main button does; without it, it is its form's submit button. */
  onConfirm?(): void;
  /** The write under way: the main button shows it and stays focusable. */
  busy?: boolean;
  /** Any other reason the main button cannot be used now. */
  disabled?: boolean;
  icon?: ButtonProps['icon'];
  onCancel(): void;
  cancelLabel?: string;
  /** Cancel waits for the write under way. */
  cancelDisabled?: boolean;
}

/** A dialog's Cancel and main button, in that order. */
export function DialogButtons({ children, onConfirm, busy = false, disabled, icon, onCancel, cancelLabel = 'Cancel', cancelDisabled }: Props) {
  return (
    <DialogActions>
      <Button type="button" appearance="secondary" disabled={cancelDisabled} onClick={onCancel}>
        {cancelLabel}
      </Button>
      <BusyButton type={onConfirm ? 'button' : 'submit'} appearance="primary" busy={busy} disabled={disabled} icon={icon} onClick={onConfirm}>
        {children}
      </BusyButton>
    </DialogActions>
  );
}

/** The one button of a dialog that edits as it goes (each part saves itself): Close. */
export function DialogCloseButton({ onClose }: { onClose(): void }) {
  return (
    <DialogActions>
      <Button appearance="secondary" onClick={onClose}>
        Close
      </Button>
    </DialogActions>
  );
}
