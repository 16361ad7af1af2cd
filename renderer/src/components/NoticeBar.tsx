import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useApp } from '../state/app-state';

/** The one place results and refusals are shown; errors stay until dismissed, successes fade. */
export function NoticeBar() {
  const { notice, dismissNotice } = useApp();
  useEffect(() => {
    if (!notice || notice.intent === 'error' || notice.intent === 'warning') return;
    const t = setTimeout(dismissNotice, 5000);
    return () => clearTimeout(t);
  }, [notice, dismissNotice]);
  if (!notice) return null;
  return (
    <MessageBar key={notice.id} intent={notice.intent} className="notice" role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.lines && notice.lines.length > 0 && (
          <ul className="notice-lines">
            {notice.lines.slice(0, 12).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
            {notice.lines.length > 12 && <li>and {notice.lines.length - 12} more</li>}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={dismissNotice} />} />
    </MessageBar>
  );
}
