import {
  Button,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { DialogCloseButton } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import type { DataColumnInfo } from '../../types';
import { useFormWrite } from './data';

const LABELS = { key: 'Key', name: 'Name', description: 'Description', id: 'Column' };

/** The data columns schools have figures in: pupils, FSM, IDACI bands, and any the authority adds. */
export function DataColumnsDialog({ open, columns, onClose }: { open: boolean; columns: DataColumnInfo[]; onClose(): void }) {
  return (
    <FormDialog open={open} onClose={onClose} className="alloc-dialog">
      <DataColumns columns={columns} onClose={onClose} />
    </FormDialog>
  );
}

type Editing = { column: DataColumnInfo | null } | null;

function DataColumns({ columns, onClose }: { columns: DataColumnInfo[]; onClose(): void }) {
  const [editing, setEditing] = useState<Editing>(null);
  const remove = useFormWrite(api.deleteDataColumn, LABELS, { success: () => 'Data column deleted.' });
  const [refused, setRefused] = useState<string | null>(null);
  /** The column whose deletion waits to be confirmed: every school's figures in it go too. */
  const [confirming, setConfirming] = useState<DataColumnInfo | null>(null);
  const del = async (c: DataColumnInfo) => {
    setRefused(null);
    const out = await remove.run({ id: c.id });
    setConfirming(null);
    if (!out) setRefused(remove.refusal());
  };
  return (
    <DialogBody>
      <DialogTitle>Data columns</DialogTitle>
      <DialogContent className="dialog-form">
        <p className="alloc-none">Each school has a figure in each column for a year; an allocation run’s factors weigh these columns.</p>
        <Table size="small" className="alloc-table" aria-label="Data columns">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Key</TableHeaderCell>
              <TableHeaderCell className="num col-count">Runs using it</TableHeaderCell>
              <TableHeaderCell className="col-actions">
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {columns.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  {c.name}
                  {c.description && <span className="figure-share">{c.description}</span>}
                </TableCell>
                <TableCell>{c.key}</TableCell>
                <TableCell className="num">{c.usedByRuns}</TableCell>
                <TableCell>
                  <span className="alloc-row-actions">
                    <Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={`Edit ${c.name}`} onClick={() => setEditing({ column: c })} />
                    <Button
                      appearance="subtle"
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={`Delete ${c.name}`}
                      disabledFocusable={remove.busy}
                      onClick={() => {
                        setRefused(null);
                        setConfirming(c);
                      }}
                    />
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <RefusalBar refused={refused} prefix="Not deleted: " />
        {confirming && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              Delete the data column {confirming.name}? Every school’s figures in it, in every year, go with it. Undo puts them back.
            </MessageBarBody>
            <MessageBarActions>
              <BusyButton busy={remove.busy} appearance="primary" icon={<DeleteRegular />} onClick={() => void del(confirming)}>
                Delete column
              </BusyButton>
              <Button onClick={() => setConfirming(null)}>Keep it</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {editing ? (
          <ColumnForm key={editing.column?.id ?? 'new'} column={editing.column} onDone={() => setEditing(null)} />
        ) : (
          <div>
            <Button icon={<AddRegular />} onClick={() => setEditing({ column: null })}>
              Add a data column
            </Button>
          </div>
        )}
      </DialogContent>
      <DialogCloseButton onClose={onClose} />
    </DialogBody>
  );
}

function ColumnForm({ column, onDone }: { column: DataColumnInfo | null; onDone(): void }) {
  const save = useFormWrite(api.saveDataColumn, LABELS, { success: (c) => `${c.name} saved.` });
  const [key, setKey] = useState(column?.key ?? '');
  const [name, setName] = useState(column?.name ?? '');
  const [description, setDescription] = useState(column?.description ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const errors = {
    key: !/^[a-z][a-z0-9_]{0,39}$/.test(key.trim().toLowerCase()) ? 'Key must start with a letter and hold only letters, digits and _ (at most 40)' : undefined,
    name: name.trim() === '' ? 'Give the column a name' : undefined,
  };
  const submit = async () => {
    setTried(true);
    if (errors.key || errors.name) return;
    setRefused(null);
    const out = await save.run({ id: column?.id, key: key.trim().toLowerCase(), name: name.trim(), description: description.trim() });
    if (!out) return setRefused(save.refusal());
    onDone();
  };
  const title = column ? `Edit ${column.name}` : 'New data column';
  return (
    <SubmitForm onSubmit={submit} aria-label={title} className="school-section">
      <h3>{title}</h3>
      <div className="alloc-form-grid">
        <Field label="Name" required validationMessage={tried ? errors.name : undefined} validationState={tried && errors.name ? 'error' : 'none'}>
          <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={80} />
        </Field>
        <Field
          label="Key"
          required
          hint="Short, for workbooks and the command line: fsm, idaci_a"
          validationMessage={tried ? errors.key : undefined}
          validationState={tried && errors.key ? 'error' : 'none'}
        >
          <Input value={key} onChange={(_, d) => setKey(d.value)} maxLength={40} autoComplete="off" />
        </Field>
        <Field label="Description" className="span-all">
          <Input value={description} onChange={(_, d) => setDescription(d.value)} maxLength={500} />
        </Field>
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <div className="actions">
        <Button onClick={onDone}>Cancel</Button>
        <BusyButton type="submit" appearance="primary" icon={<SaveRegular />} busy={save.busy}>
          {column ? 'Save column' : 'Add column'}
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
