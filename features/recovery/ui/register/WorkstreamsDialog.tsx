import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { DialogCloseButton } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { WorkstreamInfo } from '../../types';
import { useDeleteWorkstream, useSaveWorkstream, useWorkstreams } from './data';

/** The workstreams the projects are grouped in: added, renamed, and removed once nothing is in them. */
export function WorkstreamsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="reg-dialog">{open && <Workstreams onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function Workstreams({ onClose }: { onClose(): void }) {
  const { data: list } = useWorkstreams();
  const remove = useDeleteWorkstream();
  const [editing, setEditing] = useState<WorkstreamInfo | 'new' | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  const del = async (w: WorkstreamInfo) => {
    setRefused(null);
    const done = await remove.run({ id: w.id });
    if (!done) setRefused(remove.refusal());
  };

  return (
    <DialogBody>
      <DialogTitle>Workstreams</DialogTitle>
      <DialogContent className="dialog-form">
        <RefusalBar refused={refused} prefix="Not removed: " />
        <Table size="small" aria-label="Workstreams" className="reg-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className="reg-col-code">Code</TableHeaderCell>
              <TableHeaderCell>Name and lead</TableHeaderCell>
              <TableHeaderCell className="reg-col-count">Projects</TableHeaderCell>
              <TableHeaderCell className="reg-col-actions two">
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list?.length === 0 && (
              <TableRow>
                <TableCell colSpan={4}>No workstreams yet: add the first below.</TableCell>
              </TableRow>
            )}
            {list?.map((w) => (
              <TableRow key={w.id}>
                <TableCell>{w.code}</TableCell>
                <TableCell>
                  <div>{w.name}</div>
                  {w.lead && <div className="muted">Led by {w.lead}</div>}
                </TableCell>
                <TableCell className="num">{w.projectCount}</TableCell>
                <TableCell>
                  <div className="reg-row-actions">
                    <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${w.code} ${w.name}`} onClick={() => setEditing(w)} />
                    <Tooltip
                      relationship="description"
                      content={w.projectCount > 0 ? `It has ${w.projectCount} projects: move or delete them first` : `Remove ${w.code}`}
                    >
                      <BusyButton
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Remove ${w.code} ${w.name}`}
                        busy={remove.busy}
                        disabledFocusable={w.projectCount > 0}
                        onClick={() => void del(w)}
                      />
                    </Tooltip>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {editing ? (
          <WorkstreamForm key={editing === 'new' ? 'new' : editing.id} workstream={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : (
          <div>
            <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
              Add a workstream
            </Button>
          </div>
        )}
      </DialogContent>
      <DialogCloseButton onClose={onClose} />
    </DialogBody>
  );
}

function WorkstreamForm({ workstream, onDone }: { workstream: WorkstreamInfo | null; onDone(): void }) {
  const save = useSaveWorkstream();
  const [code, setCode] = useState(workstream?.code ?? '');
  const [name, setName] = useState(workstream?.name ?? '');
  const [lead, setLead] = useState(workstream?.lead ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const codeError = code.trim() === '' ? 'Give the workstream a code, such as WS1' : undefined;
  const nameError = name.trim() === '' ? 'Give the workstream a name' : undefined;
  const title = workstream ? `Rename ${workstream.code}` : 'New workstream';

  const submit = async () => {
    setTried(true);
    if (codeError || nameError) return;
    setRefused(null);
    const done = await save.run({ id: workstream?.id, code: code.trim(), name: name.trim(), lead: lead.trim(), aim: workstream?.aim });
    if (done) onDone();
    else setRefused(save.refusal());
  };

  return (
    <SubmitForm onSubmit={submit} aria-label={title} className="reg-subform">
      <h3 className="reg-subhead">{title}</h3>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <div className="reg-form-grid">
        <Field label="Code" required validationMessage={tried ? codeError : undefined} validationState={tried && codeError ? 'error' : 'none'}>
          <Input value={code} maxLength={20} onChange={(_, d) => setCode(d.value)} />
        </Field>
        <Field label="Name" required validationMessage={tried ? nameError : undefined} validationState={tried && nameError ? 'error' : 'none'}>
          <Input value={name} maxLength={200} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="Lead">
          <Input value={lead} maxLength={120} onChange={(_, d) => setLead(d.value)} />
        </Field>
      </div>
      <div className="reg-form-actions">
        <Button type="button" onClick={onDone}>
          Cancel
        </Button>
        <BusyButton type="submit" appearance="primary" busy={save.busy}>
          {workstream ? 'Save workstream' : 'Add workstream'}
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
