import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, CheckmarkRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import { todayIso } from '../../../meetings/ui/meeting/when';
import type { MilestoneInfo, ProjectDetail } from '../../types';
import { useDeleteMilestone, useSaveMilestone } from './data';

/** The project's milestones by due date: done, still to come, or overdue (said in words, not colour alone). */
export function MilestonesCard({ project: p }: { project: ProjectDetail }) {
  const save = useSaveMilestone();
  const remove = useDeleteMilestone();
  const [editing, setEditing] = useState<MilestoneInfo | 'new' | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const today = todayIso();
  const list = [...p.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);

  const markDone = async (m: MilestoneInfo) => {
    setRefused(null);
    const done = await save.run({ projectId: p.id, id: m.id, title: m.title, dueOn: m.dueOn, doneOn: today });
    if (!done) setRefused(save.refusal());
  };
  const del = async (m: MilestoneInfo) => {
    setRefused(null);
    const done = await remove.run({ id: m.id });
    if (!done) setRefused(remove.refusal());
  };

  return (
    <section className="card" aria-labelledby="milestones-title">
      <div className="card-head">
        <h2 id="milestones-title">Milestones</h2>
        <span className="muted">
          {p.milestonesDone} of {p.milestonesTotal} done
        </span>
      </div>
      <RefusalBar refused={refused} prefix="Not changed: " />
      {list.length === 0 ? (
        <p className="muted">No milestones yet.</p>
      ) : (
        <Table size="small" aria-label="Milestones" className="reg-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Milestone</TableHeaderCell>
              <TableHeaderCell className="reg-col-date">Due</TableHeaderCell>
              <TableHeaderCell className="reg-col-state">Done</TableHeaderCell>
              <TableHeaderCell className="reg-col-actions three">
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((m) => {
              const overdue = !m.doneOn && m.dueOn < today;
              return (
                <TableRow key={m.id} className={overdue ? 'is-overdue' : undefined}>
                  <TableCell>{m.title}</TableCell>
                  <TableCell>{ukDate(m.dueOn)}</TableCell>
                  <TableCell>
                    {m.doneOn ? ukDate(m.doneOn) : overdue ? <span className="overdue-tag">Overdue</span> : <span className="muted">Not yet</span>}
                  </TableCell>
                  <TableCell>
                    <div className="reg-row-actions">
                      {!m.doneOn && (
                        <BusyButton
                          size="small"
                          appearance="subtle"
                          icon={<CheckmarkRegular />}
                          aria-label={`Mark ${m.title} done today`}
                          busy={save.busy}
                          onClick={() => void markDone(m)}
                        />
                      )}
                      <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${m.title}`} onClick={() => setEditing(m)} />
                      <BusyButton
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Remove ${m.title}`}
                        busy={remove.busy}
                        onClick={() => void del(m)}
                      />
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {editing ? (
        <MilestoneForm
          key={editing === 'new' ? 'new' : editing.id}
          project={p}
          milestone={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <Button className="reg-add" icon={<AddRegular />} onClick={() => setEditing('new')}>
          Add a milestone
        </Button>
      )}
    </section>
  );
}

function MilestoneForm({ project: p, milestone: m, onDone }: { project: ProjectDetail; milestone: MilestoneInfo | null; onDone(): void }) {
  const save = useSaveMilestone();
  const [title, setTitle] = useState(m?.title ?? '');
  const [due, setDue] = useState(dateText(m?.dueOn));
  const [done, setDone] = useState(dateText(m?.doneOn));
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const dueDate = readDate(due, 'Due', true);
  const doneDate = readDate(done, 'Done', false);
  const titleError = title.trim() === '' ? 'Say what the milestone is' : undefined;
  const heading = m ? `Edit ${m.title}` : 'New milestone';

  const submit = async () => {
    setTried(true);
    if (titleError || dueDate.error || doneDate.error || !dueDate.iso) return;
    setRefused(null);
    const ok = await save.run({ projectId: p.id, id: m?.id, title: title.trim(), dueOn: dueDate.iso, doneOn: doneDate.iso });
    if (ok) onDone();
    else setRefused(save.refusal());
  };

  return (
    <SubmitForm onSubmit={submit} aria-label={heading} className="reg-subform">
      <h3 className="reg-subhead">{heading}</h3>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <Field label="Milestone" required validationMessage={tried ? titleError : undefined} validationState={tried && titleError ? 'error' : 'none'}>
        <Input value={title} maxLength={300} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      <div className="reg-form-actions start">
        <DateField label="Due" value={dueDate} onText={setDue} showError={tried} required />
        <DateField label="Done" value={doneDate} onText={setDone} showError={tried} hint="dd/mm/yyyy, blank if not yet" />
      </div>
      <div className="reg-form-actions">
        <Button type="button" onClick={onDone}>
          Cancel
        </Button>
        <BusyButton type="submit" appearance="primary" busy={save.busy}>
          {m ? 'Save milestone' : 'Add milestone'}
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
