import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Spinner } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { ukDateTime } from '../../../electron/shared/dates';
import { splitRef } from '../../../electron/shared/entity-ref';
import { api } from '../../../renderer/src/api/api';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import './history.css';

interface Props {
  /** The record whose history to show ("budget_line:12"), or null when closed. */
  subject: string | null;
  /** Only the changes within this scope ("financial_year:2026-27"). */
  scope?: string;
  title: string;
  onClose(): void;
}

/** Who changed what on a record, when, from what to what: read straight from the audit trail. */
export function HistoryDrawer({ subject, scope, title, onClose }: Props) {
  const { data, isLoading } = useQuery({
    queryKey: ['history', subject, scope],
    queryFn: () => api.getHistory({ subject: subject!, scope }),
    enabled: subject !== null,
  });
  const within = scope ? splitRef(scope).id : null;
  useFocusReturn(subject !== null);
  return (
    <OverlayDrawer position="end" size="medium" open={subject !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close history" icon={<DismissRegular />} onClick={onClose} />}>
          History: {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* Focusable, so a long history can be scrolled from the keyboard. */}
      <DrawerBody tabIndex={0} role="region" aria-label={`History of ${title}`}>
        {isLoading && <Spinner size="small" label="Loading history" />}
        {!isLoading && data?.length === 0 && <p>No changes recorded{within ? ` in ${within}` : ''}.</p>}
        <ol className="history-list" aria-label={`Changes to ${title}`}>
          {data?.map((h) => (
            <li key={`${h.id}-${h.field}`} className={h.undone ? 'history-item is-undone' : 'history-item'}>
              <div className="history-what">
                {h.what}
                {h.scope && !within ? <span className="history-year"> · {splitRef(h.scope).id}</span> : null}
              </div>
              <div className="history-change">
                <span className="history-old">{h.oldText}</span> → <span className="history-new">{h.newText}</span>
              </div>
              <div className="history-meta">
                {ukDateTime(h.at)} · {h.who} · {h.changeLabel}
                {h.undone ? ' (undone)' : ''}
              </div>
            </li>
          ))}
        </ol>
      </DrawerBody>
    </OverlayDrawer>
  );
}
