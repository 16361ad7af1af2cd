import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../../../../renderer/src/api/api-error';

/** A refused call inside the wizard, where the app's notice bar is hidden behind the dialog. */
export function ErrorBar({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues.map((i) => i.message).filter((m) => m !== message) : [];
  return (
    <MessageBar intent="error" className="wizard-error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{message}</MessageBarTitle>
        {issues.length > 0 && (
          <ul className="notice-lines">
            {issues.slice(0, 12).map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, and two issues may read the same
              <li key={i}>{m}</li>
            ))}
            {issues.length > 12 && <li>and {issues.length - 12} more</li>}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
