import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** What a form inside a dialog just saved: the app's notice bar is behind the dialog. */
export function SavedBar({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
