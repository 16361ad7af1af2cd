import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Badge, Button, Link } from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  DocumentAddRegular,
  DocumentRegular,
  EditRegular,
  ReOrderDotsVerticalRegular,
} from '@fluentui/react-icons';
import type { KeyboardEvent, ReactNode } from 'react';
import type { AgendaItemInfo } from '../../types';
import { CONSTITUENCY_LABELS, PURPOSE_LABELS } from '../../words';

/** Standing items whose record is kept on the meeting itself, not in a paper. */
const NO_PAPER = new Set(['apologies', 'declarations']);

export type RowControl = 'drag' | 'up' | 'down' | 'edit';

interface Props {
  item: AgendaItemInfo;
  index: number;
  count: number;
  /** The whole agenda is waiting for a move to be saved. */
  moving: boolean;
  onMove(item: AgendaItemInfo, to: number, control: RowControl): void;
  onEdit(item: AgendaItemInfo): void;
  onDelete(item: AgendaItemInfo): void;
  /** Shown under the item: the open actions, under matters arising. */
  children?: ReactNode;
}

/**
 * One agenda line: its number, title and what the agenda says of it, its paper, and the ways to
 * move it: dragged by the handle (mouse, or Space then the arrow keys), Move up and Move down, or
 * Alt+Up and Alt+Down anywhere in the row.
 */
export function AgendaRow({ item, index, count, moving, onMove, onEdit, onDelete, children }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const label = `item ${item.number}, ${item.title}`;
  const first = index === 0;
  const last = index === count - 1;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const up = e.key === 'ArrowUp';
    if ((up && first) || (!up && last) || moving) return;
    const control = ((e.target as HTMLElement).closest('[data-control]')?.getAttribute('data-control') ?? 'drag') as RowControl;
    onMove(item, index + (up ? -1 : 1), control);
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`agenda-row${item.subItem ? ' is-sub' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-item-id={item.id}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle"
        data-control="drag"
        {...attributes}
        {...listeners}
        aria-label={`Reorder ${label}`}
      >
        <ReOrderDotsVerticalRegular aria-hidden />
      </button>
      <span className="agenda-number" aria-hidden>
        {item.number}
      </span>
      <div className="agenda-main">
        <h3 className="agenda-title">
          <span className="visually-hidden">Item {item.number}: </span>
          {item.title}
        </h3>
        <div className="agenda-meta">
          <Badge appearance="outline" color="informative">
            {PURPOSE_LABELS[item.purpose]}
          </Badge>
          {item.presenter && <span>Presenter: {item.presenter}</span>}
          <span>Who may vote: {CONSTITUENCY_LABELS[item.votingConstituency]}</span>
          {item.exempt && (
            <Badge appearance="tint" color="danger">
              Exempt, Schedule 12A paragraph {item.exemptParagraph}
            </Badge>
          )}
        </div>
        {item.exempt && item.publicSummary && <p className="agenda-summary">Public summary: {item.publicSummary}</p>}
        {!NO_PAPER.has(item.standingKind ?? '') && (
          <div className="agenda-paper">
            {item.paper ? (
              <>
                <Link href={`#/papers/${item.id}`} aria-label={`Open paper: ${label}`}>
                  <DocumentRegular aria-hidden className="link-icon" /> Open paper
                </Link>
                {item.paper.appendices > 0 && <span className="muted">{item.paper.appendices} appendices</span>}
                {item.paper.late && (
                  <span className="late-flag">
                    <Badge appearance="filled" color="warning">
                      Late paper
                    </Badge>{' '}
                    {item.paper.lateReason}
                  </span>
                )}
              </>
            ) : (
              <Link href={`#/papers/${item.id}`} aria-label={`Write paper: ${label}`}>
                <DocumentAddRegular aria-hidden className="link-icon" /> Write paper
              </Link>
            )}
          </div>
        )}
        {children}
      </div>
      <div className="row-actions agenda-actions">
        <Button size="small" icon={<EditRegular />} data-control="edit" aria-label={`Edit ${label}`} onClick={() => onEdit(item)}>
          Edit
        </Button>
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowUpRegular />}
          data-control="up"
          disabledFocusable={first || moving}
          aria-label={`Move ${label} up`}
          aria-keyshortcuts="Alt+ArrowUp"
          onClick={() => onMove(item, index - 1, 'up')}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowDownRegular />}
          data-control="down"
          disabledFocusable={last || moving}
          aria-label={`Move ${label} down`}
          aria-keyshortcuts="Alt+ArrowDown"
          onClick={() => onMove(item, index + 1, 'down')}
        />
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Delete ${label}`} onClick={() => onDelete(item)} />
      </div>
    </li>
  );
}
