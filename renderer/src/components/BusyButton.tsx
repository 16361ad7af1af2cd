import { Button, type ButtonProps, Spinner } from '@fluentui/react-components';
import type { MouseEvent } from 'react';

/**
 * What a button shows while the action it started runs: a spinner in place of its icon, and
 * aria-busy. It stays focusable (disabledFocusable, not disabled), so the keyboard keeps its
 * place on it. For buttons other than BusyButton: a MenuButton, say.
 */
export function busyProps(busy: boolean, icon?: ButtonProps['icon'], disabledFocusable?: boolean) {
  return {
    icon: busy ? <Spinner size="tiny" aria-hidden /> : icon,
    'aria-busy': busy || undefined,
    disabledFocusable: busy || disabledFocusable,
  };
}

export type BusyButtonProps = ButtonProps & {
  /** The action this button started is running. */
  busy: boolean;
};

/**
 * A button whose action takes time. Any other reason it cannot be used now still goes in
 * `disabled` (or `disabledFocusable`).
 */
export function BusyButton({ busy, icon, disabledFocusable, onClickCapture, ...rest }: BusyButtonProps) {
  const inert = busy || !!disabledFocusable;
  return (
    <Button
      {...rest}
      {...busyProps(busy, icon, disabledFocusable)}
      onClickCapture={(e: MouseEvent<HTMLButtonElement & HTMLAnchorElement>) => {
        // Fluent drops the click handler of a focusable disabled button, but a submit button
        // would still send its form: not while it is busy.
        if (inert) e.preventDefault();
        onClickCapture?.(e);
      }}
    />
  );
}
