import { Button, Dropdown, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { ActionInfo, MeetingDetail } from '../../types';
import { ACTION_STATUSES, type ActionStatus } from '../../words';
import { ACTION_STATUS_LABELS, ActionDialog } from './ActionDialog';
import { useSaveAction } from './data';

/** The actions raised at this meeting, with their owners, due dates and status. */
export function ActionsCard({ detail }: { detail: MeetingDetail }) {
  const save = useSaveAction();
  const [dialog, setDialog] = useState<{ open: boolean; action: ActionInfo | null }>({ open: false, action: null });
  const setStatus = (a: ActionInfo, status: ActionStatus) =>
    void save.run({
      id: a.id,
      meetingId: a.meetingId,
      itemId: a.itemId,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      status,
      statusNote: a.statusNote,
    });

  return (
    <section className="card" aria-labelledby="actions-title">
      <div className="card-head">
        <h2 id="actions-title">Actions</h2>
        <span className="muted">Open actions come up under matters arising at the body's next meeting.</span>
        <Button size="small" appearance="primary" icon={<AddRegular />} className="card-head-end" onClick={() => setDialog({ open: true, action: null })}>
          Add action
        </Button>
      </div>
      <Table size="small" aria-labelledby="actions-title" className="actions-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className="col-item">Item</TableHeaderCell>
            <TableHeaderCell>Action</TableHeaderCell>
            <TableHeaderCell className="col-owner">Owner</TableHeaderCell>
            <TableHeaderCell className="col-due">Due</TableHeaderCell>
            <TableHeaderCell className="col-status">Status</TableHeaderCell>
            <TableHeaderCell className="action-col">
              <span className="visually-hidden">Edit</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {detail.actions.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="muted">
                No actions raised at this meeting.
              </TableCell>
            </TableRow>
          )}
          {detail.actions.map((a) => (
            <TableRow key={a.id}>
              <TableCell>{a.itemNumber ? `Item ${a.itemNumber}` : 'General'}</TableCell>
              <TableCell>
                {a.description}
                {a.statusNote && <div className="muted">{a.statusNote}</div>}
              </TableCell>
              <TableCell>{a.owner}</TableCell>
              <TableCell>{a.dueDate ? ukLongDate(a.dueDate) : <span className="muted">None</span>}</TableCell>
              <TableCell>
                <Dropdown
                  aria-label={`Status of the action: ${a.description}`}
                  value={ACTION_STATUS_LABELS[a.status]}
                  selectedOptions={[a.status]}
                  onOptionSelect={(_, d) => d.optionValue && d.optionValue !== a.status && setStatus(a, d.optionValue as ActionStatus)}
                  className="status-choice"
                >
                  {textOptions(ACTION_STATUSES, (s) => [s, ACTION_STATUS_LABELS[s]])}
                </Dropdown>
              </TableCell>
              <TableCell>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<EditRegular />}
                  aria-label={`Edit the action: ${a.description}`}
                  onClick={() => setDialog({ open: true, action: a })}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ActionDialog open={dialog.open} detail={detail} action={dialog.action} onClose={() => setDialog((d) => ({ ...d, open: false }))} />
    </section>
  );
}
