import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/**
 * Why a form's save was refused, in the server's words after `prefix` ("Not saved: "), kept in
 * the form (the app's notice bar is behind the dialog) until it is tried again. Nothing while
 * there is no refusal.
 */
export function RefusalBar({ refused, prefix = '' }: { refused: string | null; prefix?: string }) {
  if (!refused) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {prefix}
        {refused}
      </MessageBarBody>
    </MessageBar>
  );
}
