import type { FormHTMLAttributes } from 'react';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'noValidate'> & { onSubmit(): void | Promise<void> };

/**
 * A form whose fields are checked by the app, not the browser (so messages are ours and in
 * words), and whose Enter or submit button goes to `onSubmit`, never reloading the page.
 */
export function SubmitForm({ onSubmit, children, ...rest }: Props) {
  return (
    <form
      noValidate
      {...rest}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
