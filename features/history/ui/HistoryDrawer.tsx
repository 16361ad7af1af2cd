import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Spinner } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { api } from '../../../renderer/src/api/api';
import { useLoad } from '../../../renderer/src/state/app-state';

interface Props {
  lineId: number | null;
  title: string;
  year: string | null;
  onClose(): void;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Who changed what on a line, when, from what to what: read straight from the audit trail. */
export function LineHistoryDrawer({ lineId, title, year, onClose }: Props) {
  const { data, loading } = useLoad(() => (lineId === null ? Promise.resolve([]) : api.getLineHistory({ lineId, year: year ?? undefined })), [lineId, year]);
  return (
    <OverlayDrawer position="end" size="medium" open={lineId !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close history" icon={<DismissRegular />} onClick={onClose} />}>
          History: {title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      {/* Focusable, so a long history can be scrolled from the keyboard. */}
      <DrawerBody tabIndex={0} role="region" aria-label={`History of ${title}`}>
        {loading && <Spinner size="small" label="Loading history" />}
        {!loading && data?.length === 0 && <p>No changes recorded for this line{year ? ` in ${year}` : ''}.</p>}
        <ol className="history-list" aria-label={`Changes to ${title}`}>
          {data?.map((h) => (
            <li key={`${h.id}-${h.field}`} className={h.undone ? 'history-item is-undone' : 'history-item'}>
              <div className="history-what">
                {h.what}
                {h.yearId ? <span className="history-year"> · {h.yearId}</span> : null}
              </div>
              <div className="history-change">
                <span className="history-old">{h.oldText}</span> → <span className="history-new">{h.newText}</span>
              </div>
              <div className="history-meta">
                {when(h.at)} · {h.who} · {h.changeKind === 'undo' ? 'undo' : h.changeLabel}
                {h.undone ? ' (undone)' : ''}
              </div>
            </li>
          ))}
        </ol>
      </DrawerBody>
    </OverlayDrawer>
  );
}
