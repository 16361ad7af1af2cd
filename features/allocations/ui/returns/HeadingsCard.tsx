import { Button, DialogBody, DialogContent, DialogTitle, Field, Input } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { RowActions } from '../../../recovery/ui/shared/RowActions';
import type { ReturnCategoryInfo, ReturnMeasureInfo } from '../../types';
import { useDeleteCategory, useDeleteMeasure, useSaveCategory, useSaveMeasure } from './data';

type Heading = { kind: 'category'; item: ReturnCategoryInfo | null } | { kind: 'measure'; item: ReturnMeasureInfo | null };

/**
 * What every return asks for: the spending categories and the outcome measures, the same for
 * every partnership. A heading some return has a figure under is kept (the server says which
 * returns); rename it instead.
 */
export function HeadingsCard({ categories, measures }: { categories: ReturnCategoryInfo[]; measures: ReturnMeasureInfo[] }) {
  const [editing, setEditing] = useState<Heading | null>(null);
  const deleteCategory = useDeleteCategory();
  const deleteMeasure = useDeleteMeasure();
  return (
    <section className="card ret-headings" aria-labelledby="ret-headings-title">
      <div className="card-head">
        <h2 id="ret-headings-title">What the returns ask for</h2>
        <span className="muted">The same headings in every partnership’s return and workbook.</span>
      </div>
      <div className="ret-headings-lists">
        <section aria-labelledby="ret-categories-title">
          <div className="ret-headings-head">
            <h3 id="ret-categories-title">Spending categories</h3>
            <Button size="small" icon={<AddRegular />} onClick={() => setEditing({ kind: 'category', item: null })}>
              Add category…
            </Button>
          </div>
          {categories.length === 0 ? (
            <p className="ret-none">None yet: a return then has only places, measures and commentary.</p>
          ) : (
            <ul className="ret-heading-list">
              {categories.map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span>
                  <RowActions
                    name={`spending category ${c.name}`}
                    size="small"
                    onEdit={() => setEditing({ kind: 'category', item: c })}
                    onDelete={() => void deleteCategory.run({ id: c.id })}
                    deleting={deleteCategory.busy}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="ret-measures-title">
          <div className="ret-headings-head">
            <h3 id="ret-measures-title">Outcome measures</h3>
            <Button size="small" icon={<AddRegular />} onClick={() => setEditing({ kind: 'measure', item: null })}>
              Add measure…
            </Button>
          </div>
          {measures.length === 0 ? (
            <p className="ret-none">None yet.</p>
          ) : (
            <ul className="ret-heading-list">
              {measures.map((m) => (
                <li key={m.id}>
                  <span>
                    {m.name}
                    {m.unit ? <span className="muted"> ({m.unit})</span> : null}
                  </span>
                  <RowActions
                    name={`outcome measure ${m.name}`}
                    size="small"
                    onEdit={() => setEditing({ kind: 'measure', item: m })}
                    onDelete={() => void deleteMeasure.run({ id: m.id })}
                    deleting={deleteMeasure.busy}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <HeadingDialog editing={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

function HeadingDialog({ editing, onClose }: { editing: Heading | null; onClose(): void }) {
  return (
    <FormDialog open={editing !== null} onClose={onClose} className="ret-dialog ret-dialog-narrow">
      {editing && <HeadingForm editing={editing} onClose={onClose} />}
    </FormDialog>
  );
}

function HeadingForm({ editing, onClose }: { editing: Heading; onClose(): void }) {
  const saveCategory = useSaveCategory();
  const saveMeasure = useSaveMeasure();
  const measure = editing.kind === 'measure';
  const [name, setName] = useState(editing.item?.name ?? '');
  const [unit, setUnit] = useState(editing.kind === 'measure' ? (editing.item?.unit ?? '') : '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const what = measure ? 'outcome measure' : 'spending category';
  const nameError = name.trim() === '' ? `Name the ${what}` : undefined;
  const busy = saveCategory.busy || saveMeasure.busy;
  const submit = async () => {
    setTried(true);
    if (nameError) return;
    setRefused(null);
    const id = editing.item?.id;
    const out = measure ? await saveMeasure.run({ id, name: name.trim(), unit: unit.trim() }) : await saveCategory.run({ id, name: name.trim() });
    if (!out) return setRefused((measure ? saveMeasure : saveCategory).lastError());
    onClose();
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{editing.item ? `Change ${editing.item.name}` : measure ? 'Add an outcome measure' : 'Add a spending category'}</DialogTitle>
        <DialogContent className="dialog-form">
          <Field
            label="Name"
            required
            hint={measure ? 'Such as Permanent exclusions' : 'Such as Staffing'}
            validationMessage={tried ? nameError : undefined}
            validationState={tried && nameError ? 'error' : 'none'}
          >
            <Input value={name} maxLength={80} onChange={(_, d) => setName(d.value)} />
          </Field>
          {measure && (
            <Field label="Unit" hint="Such as pupils or %; blank for a plain number">
              <Input value={unit} maxLength={20} onChange={(_, d) => setUnit(d.value)} />
            </Field>
          )}
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={busy} onCancel={onClose}>
          {editing.item ? 'Save' : measure ? 'Add measure' : 'Add category'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
