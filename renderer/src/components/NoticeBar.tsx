import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useApp } from '../state/app-state';

/**
 * The one place results and refusals are shown. A notice stays until it is dismissed or the next
 * action starts, so a message is never gone before it has been read.
 */
export function NoticeBar() {
  const { notice, dismissNotice } = useApp();
  if (!notice) return null;
  return (
    <MessageBar key={notice.id} intent={notice.intent} className="notice" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.lines && notice.lines.length > 0 && (
          <ul className="notice-lines">
            {notice.lines.slice(0, 12).map((l) => (
              <li key={l}>{l}</li>
            ))}
            {notice.lines.length > 12 && <li>and {notice.lines.length - 12} more</li>}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label="Dismiss this message" icon={<DismissRegular />} onClick={dismissNotice} />}
      />
    </MessageBar>
  );
}
