import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { shortcutOf } from '../../../../electron/shared/menu';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { AgendaItemInfo } from '../../types';
import { useDeleteAgendaItem } from './data';

interface Props {
  open: boolean;
  item: AgendaItemInfo | null;
  onClose(deleted: boolean): void;
}

/** Deleting an agenda item says what goes with it (its paper, votes and resolution) before it goes. */
export function DeleteItemDialog({ open, item, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>{open && item && <DeleteForm item={item} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function DeleteForm({ item, onClose }: { item: AgendaItemInfo; onClose(deleted: boolean): void }) {
  const write = useDeleteAgendaItem();
  const [refused, setRefused] = useState<string | null>(null);
  const goes = [item.paper ? 'its paper' : null, item.votes.source !== 'none' ? 'its votes' : null, item.resolution ? 'its resolution' : null].filter(Boolean);
  const confirm = async () => {
    setRefused(null);
    const done = await write.run({ id: item.id });
    if (done) onClose(true);
    else setRefused(write.lastError());
  };
  const undo = shortcutOf('undo');
  return (
    <DialogBody>
      <DialogTitle>
        Delete item {item.number}, {item.title}?
      </DialogTitle>
      <DialogContent className="dialog-form">
        <p>
          {goes.length ? `It goes from the agenda with ${goes.join(' and ')}. ` : 'It goes from the agenda. '}The items after it are numbered again.
          {undo ? ` Undo (${undo}) brings it back.` : ''}
        </p>
        <RefusalBar refused={refused} prefix="Not deleted: " />
      </DialogContent>
      <DialogButtons busy={write.busy} icon={<DeleteRegular />} onConfirm={() => void confirm()} onCancel={() => onClose(false)}>
        Delete item
      </DialogButtons>
    </DialogBody>
  );
}
