import { Checkbox, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { ScenarioInfo } from '../../types';
import { useCopyScenario, useCreateMitigated, useRenameScenario } from './data';

/** Which of the three a scenario dialog is doing. */
export type ScenarioDialogKind = 'new-mitigated' | 'copy' | 'rename';

interface Props {
  kind: ScenarioDialogKind | null;
  scenario: ScenarioInfo;
  onClose(made?: ScenarioInfo): void;
}

/** A new mitigated scenario on an unmitigated one, a copy (re-based on delivered savings if asked), or a new name and note. */
export function ScenarioDialog({ kind, scenario, onClose }: Props) {
  useFocusReturn(kind !== null);
  return (
    <Dialog open={kind !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>{kind !== null && <ScenarioForm kind={kind} scenario={scenario} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

const TITLES: Record<ScenarioDialogKind, (s: ScenarioInfo) => string> = {
  'new-mitigated': (s) => `New mitigated scenario on ${s.name}`,
  copy: (s) => `Copy ${s.name}`,
  rename: (s) => `Rename ${s.name}`,
};

function ScenarioForm({ kind, scenario, onClose }: { kind: ScenarioDialogKind; scenario: ScenarioInfo; onClose(made?: ScenarioInfo): void }) {
  const create = useCreateMitigated();
  const copy = useCopyScenario();
  const rename = useRenameScenario();
  const write = kind === 'new-mitigated' ? create : kind === 'copy' ? copy : rename;
  const [name, setName] = useState(kind === 'rename' ? scenario.name : kind === 'copy' ? `${scenario.name} (copy)` : '');
  const [note, setNote] = useState(scenario.note);
  const [delivered, setDelivered] = useState(scenario.savingsBasis === 'delivered');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const nameError = name.trim() === '' ? 'Give the scenario a name, such as "Mitigated: Safety Valve proposal"' : undefined;

  const submit = async () => {
    setTried(true);
    if (nameError) return;
    setRefused(null);
    const made =
      kind === 'new-mitigated'
        ? await create.run({ parentId: scenario.id, name: name.trim() })
        : kind === 'copy'
          ? await copy.run({
              id: scenario.id,
              name: name.trim(),
              ...(scenario.kind === 'mitigated' ? { savingsBasis: delivered ? 'delivered' : 'target' } : {}),
            })
          : await rename.run({ id: scenario.id, name: name.trim(), note: note.trim() });
    if (made) onClose(made);
    else setRefused(write.lastError());
  };
  const showError = tried ? nameError : undefined;

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{TITLES[kind](scenario)}</DialogTitle>
        <DialogContent className="dialog-form">
          {kind === 'new-mitigated' && (
            <p>
              A mitigated scenario is {scenario.name} with the costs and savings of the projects you attach to it. It starts with none; its assumptions stay{' '}
              {scenario.name}'s.
            </p>
          )}
          {kind === 'copy' && (
            <p>
              The copy has {scenario.kind === 'mitigated' ? 'the same parent and projects' : 'all the same assumptions'} and is not locked, so it can be changed
              {scenario.locked ? ` while ${scenario.name} stays as submitted` : ''}.
            </p>
          )}
          <Field label="Name" required validationMessage={showError} validationState={showError ? 'error' : 'none'}>
            <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
          </Field>
          {kind === 'copy' && scenario.kind === 'mitigated' && (
            <Checkbox
              checked={delivered}
              onChange={(_, d) => setDelivered(!!d.checked)}
              label="Re-base on delivered savings: take off what each project has delivered, not its targets (a year not yet known counts as nothing)"
            />
          )}
          {kind === 'rename' && (
            <Field label="Note" hint="What this scenario assumes, for whoever reads it next">
              <Textarea value={note} maxLength={2000} onChange={(_, d) => setNote(d.value)} resize="vertical" />
            </Field>
          )}
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={write.busy} onCancel={() => onClose()}>
          {kind === 'new-mitigated' ? 'Add scenario' : kind === 'copy' ? 'Copy scenario' : 'Save'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
