import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { isDesktop } from '../api/api';
import { useApp } from '../state/app-state';

/** Says in words that the data server has stopped, while the page keeps trying to reach it. */
export function ConnectionBanner() {
  const { online } = useApp();
  if (online) return null;
  return (
    <MessageBar intent="error" role="alert" className="notice connection-lost">
      <MessageBarBody>
        <MessageBarTitle>HNB Desk’s data server has stopped answering.</MessageBarTitle>
        {isDesktop
          ? 'Restart HNB Desk to carry on. Nothing you saved has been lost.'
          : 'Start it again with npm run web (or npm start). Nothing you saved has been lost.'}{' '}
        {/* The words say it; the spinner only shows it is still trying (unnamed, it would be an empty progress bar to a screen reader). */}
        <Spinner size="extra-tiny" as="span" className="inline-spinner" aria-hidden /> Trying to reconnect…
      </MessageBarBody>
    </MessageBar>
  );
}
