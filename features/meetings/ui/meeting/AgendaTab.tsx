import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  type Modifier,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { AgendaItemInfo, MeetingDetail } from '../../types';
import { AgendaItemDialog } from './AgendaItemDialog';
import { AgendaRow, type RowControl } from './AgendaRow';
import { useMoveAgendaItem } from './data';
import { DeleteItemDialog } from './DeleteItemDialog';
import { MattersArising } from './MattersArising';

/** Items move up and down only. */
const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const INSTRUCTIONS =
  'To move an item, press Space or Enter on its handle, move it with the up and down arrow keys, and press Space or Enter to drop it, or Escape to leave it where it was. Alt+Up and Alt+Down move the item one place at once.';

/**
 * The agenda builder: the items in order, numbered by the server (1, 2, 2a…), reordered by drag,
 * by keyboard and by the Move buttons; each move is saved at once and announced.
 */
export function AgendaTab({ detail }: { detail: MeetingDetail }) {
  const move = useMoveAgendaItem();
  const heading = useRef<HTMLHeadingElement>(null);
  const items = [...detail.items].sort((a, b) => a.position - b.position);
  /** The order shown while a move is being saved. */
  const [pending, setPending] = useState<number[] | null>(null);
  const [said, setSaid] = useState('');
  /** The control to keep focus on once the row has moved. */
  const focusAfter = useRef<{ id: number; control: RowControl } | null>(null);
  const [editing, setEditing] = useState<{ open: boolean; item: AgendaItemInfo | null }>({ open: false, item: null });
  const [deleting, setDeleting] = useState<{ open: boolean; item: AgendaItemInfo | null }>({ open: false, item: null });
  const byId = new Map(items.map((i) => [i.id, i]));
  const shown = pending ? pending.map((id) => byId.get(id)).filter((i): i is AgendaItemInfo => !!i) : items;
  const ids = shown.map((i) => i.id);

  // A moved row's node may be taken out and put back: focus goes back to the control that moved it.
  useEffect(() => {
    const f = focusAfter.current;
    if (!f) return;
    const el = document.querySelector<HTMLElement>(`[data-item-id="${f.id}"] [data-control="${f.control}"]`);
    if (el && document.activeElement !== el) el.focus();
    if (!pending) focusAfter.current = null;
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const doMove = async (item: AgendaItemInfo, to: number, control: RowControl) => {
    const from = ids.indexOf(item.id);
    if (from < 0 || to < 0 || to >= ids.length || from === to || move.busy) return;
    focusAfter.current = { id: item.id, control };
    setPending(arrayMove(ids, from, to));
    setSaid('');
    const saved = await move.run({ id: item.id, toPosition: to });
    setPending(null);
    if (!saved) return setSaid(`${item.title} was not moved: ${move.lastError() ?? 'the change was refused'}`);
    const now = saved.items.find((i) => i.id === item.id);
    setSaid(`${item.title} moved ${to < from ? 'up' : 'down'} to place ${to + 1} of ${ids.length}: now item ${now?.number ?? to + 1}.`);
  };

  const name = (id: UniqueIdentifier) => {
    const i = byId.get(Number(id));
    return i ? `item ${i.number}, ${i.title}` : 'the item';
  };
  const place = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(Number(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, in place ${place(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${name(active.id)} is over place ${place(over.id)} of ${ids.length}.` : `${name(active.id)} is not over a place.`,
    onDragEnd: ({ active, over }) =>
      over ? `${name(active.id)} dropped in place ${place(over.id)} of ${ids.length}.` : `${name(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving cancelled: ${name(active.id)} stays in place ${place(active.id)}.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const item = byId.get(Number(active.id));
    if (item) void doMove(item, ids.indexOf(Number(over.id)), 'drag');
  };

  return (
    <section className="card" aria-labelledby="agenda-title">
      <div className="card-head">
        <h2 id="agenda-title" ref={heading} tabIndex={-1}>
          Agenda
        </h2>
        <span className="muted">Drag an item by its handle, or use Move up and Move down (Alt+Up, Alt+Down), to reorder. Numbers follow the order.</span>
        <Button appearance="primary" size="small" icon={<AddRegular />} className="card-head-end" onClick={() => setEditing({ open: true, item: null })}>
          Add item
        </Button>
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        modifiers={[restrictToVerticalAxis]}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="agenda-list" aria-labelledby="agenda-title" aria-busy={move.busy || undefined}>
            {shown.map((item, index) => (
              <AgendaRow
                key={item.id}
                item={item}
                index={index}
                count={shown.length}
                moving={move.busy}
                onMove={(i, to, control) => void doMove(i, to, control)}
                onEdit={(i) => setEditing({ open: true, item: i })}
                onDelete={(i) => setDeleting({ open: true, item: i })}
              >
                {item.standingKind === 'matters_arising' && <MattersArising detail={detail} />}
              </AgendaRow>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {shown.length === 0 && <p className="muted">No items yet: add the first with Add item.</p>}
      <div className="visually-hidden" role="status" aria-live="polite">
        {said}
      </div>
      <AgendaItemDialog
        open={editing.open}
        meetingId={detail.meeting.id}
        item={editing.item}
        first={items.length === 0}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
      />
      <DeleteItemDialog
        open={deleting.open}
        item={deleting.item}
        onClose={(deleted) => {
          setDeleting((d) => ({ ...d, open: false }));
          // The item and its buttons are gone: the keyboard carries on from the agenda's heading.
          if (deleted) setTimeout(() => heading.current?.focus(), 0);
        }}
      />
    </section>
  );
}
