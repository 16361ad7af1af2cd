import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useBodies } from '../../../meetings/ui/bodies/data';
import type { ProjectDetail } from '../../types';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, type FundingSource, SAVING_KIND_LABELS, SAVING_KINDS, type SavingKind } from '../../words';
import { useSaveProject, useWorkstreams } from './data';
import { moneyText, readMoney } from './fields';

interface Props {
  open: boolean;
  /** The project to edit; null adds one. */
  project: ProjectDetail | null;
  /** A new project's workstream, when the register is filtered to one. */
  defaultWorkstreamId?: number | null;
  onClose(saved?: ProjectDetail): void;
}

/** A project's details: code, name, owner, aim, workstream, funding, money and the board that oversees it. */
export function ProjectDialog({ open, project, defaultWorkstreamId, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="reg-dialog">
        {open && <ProjectForm project={project} defaultWorkstreamId={defaultWorkstreamId} onClose={onClose} />}
      </DialogSurface>
    </Dialog>
  );
}

function ProjectForm({ project, defaultWorkstreamId, onClose }: Omit<Props, 'open'>) {
  const save = useSaveProject();
  const { data: workstreams } = useWorkstreams();
  const { data: bodies } = useBodies();
  const [code, setCode] = useState(project?.code ?? '');
  const [name, setName] = useState(project?.name ?? '');
  const [owner, setOwner] = useState(project?.owner ?? '');
  const [aim, setAim] = useState(project?.aim ?? '');
  const [workstreamId, setWorkstreamId] = useState<number | null>(project?.workstreamId ?? defaultWorkstreamId ?? null);
  const [funding, setFunding] = useState<FundingSource>(project?.fundingSource ?? 'hnb');
  const [savingKind, setSavingKind] = useState<SavingKind>(project?.savingKind ?? 'saving');
  const [budget, setBudget] = useState(moneyText(project?.approvedBudgetPence));
  const [spend, setSpend] = useState(moneyText(project?.spendToDatePence));
  const [forecast, setForecast] = useState(moneyText(project?.forecastPence));
  const [boardId, setBoardId] = useState<number | null>(project?.boardBodyId ?? null);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const b = readMoney(budget, 'Approved budget', { blank: 0 });
  const s = readMoney(spend, 'Spend to date', { blank: 0 });
  const f = readMoney(forecast, 'Forecast', { blank: 0 });
  const errors = {
    code: code.trim() === '' ? 'Give the project a code, such as P1.2' : undefined,
    name: name.trim() === '' ? 'Give the project a name' : undefined,
    workstream: workstreamId === null ? 'Choose the workstream it belongs to' : undefined,
    budget: b.error ?? undefined,
    spend: s.error ?? undefined,
    forecast: f.error ?? undefined,
  };
  const show = (e: string | undefined) => (tried ? e : undefined);
  const state = (e: string | undefined) => (tried && e ? 'error' : 'none');
  const streamName = workstreams?.find((w) => w.id === workstreamId);
  const boardName = bodies?.find((x) => x.id === boardId)?.name;

  const submit = async () => {
    setTried(true);
    if (Object.values(errors).some(Boolean) || workstreamId === null) return;
    setRefused(null);
    const saved = await save.run({
      id: project?.id,
      code: code.trim(),
      name: name.trim(),
      owner: owner.trim(),
      aim: aim.trim(),
      workstreamId,
      fundingSource: funding,
      savingKind,
      approvedBudgetPence: b.value ?? 0,
      spendToDatePence: s.value ?? 0,
      forecastPence: f.value ?? 0,
      boardBodyId: boardId,
    });
    if (saved) onClose(saved);
    else setRefused(save.refusal());
  };

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{project ? `Edit ${project.code} ${project.name}` : 'New project'}</DialogTitle>
        <DialogContent className="dialog-form">
          <RefusalBar refused={refused} prefix="Not saved: " />
          <div className="reg-form-grid">
            <Field label="Code" required hint="Such as P1.2" validationMessage={show(errors.code)} validationState={state(errors.code)}>
              <Input value={code} maxLength={20} onChange={(_, d) => setCode(d.value)} />
            </Field>
            <Field label="Name" required validationMessage={show(errors.name)} validationState={state(errors.name)} className="reg-span-2">
              <Input value={name} maxLength={200} onChange={(_, d) => setName(d.value)} />
            </Field>
            <Field label="Workstream" required validationMessage={show(errors.workstream)} validationState={state(errors.workstream)}>
              <Dropdown
                value={streamName ? `${streamName.code} ${streamName.name}` : ''}
                placeholder="Choose a workstream"
                selectedOptions={workstreamId === null ? [] : [String(workstreamId)]}
                onOptionSelect={(_, d) => d.optionValue && setWorkstreamId(Number(d.optionValue))}
              >
                {textOptions(workstreams ?? [], (w) => [w.id, `${w.code} ${w.name}`])}
              </Dropdown>
            </Field>
            <Field label="Owner">
              <Input value={owner} maxLength={120} onChange={(_, d) => setOwner(d.value)} />
            </Field>
            <Field label="Funding source">
              <Dropdown
                value={FUNDING_SOURCE_LABELS[funding]}
                selectedOptions={[funding]}
                onOptionSelect={(_, d) => d.optionValue && setFunding(d.optionValue as FundingSource)}
              >
                {textOptions(FUNDING_SOURCES, (x) => [x, FUNDING_SOURCE_LABELS[x]])}
              </Dropdown>
            </Field>
            <Field label="It brings" hint="Savings, or cost avoided">
              <Dropdown
                value={SAVING_KIND_LABELS[savingKind]}
                selectedOptions={[savingKind]}
                onOptionSelect={(_, d) => d.optionValue && setSavingKind(d.optionValue as SavingKind)}
              >
                {textOptions(SAVING_KINDS, (x) => [x, SAVING_KIND_LABELS[x]])}
              </Dropdown>
            </Field>
            <Field label="Overseeing board" hint="One of the bodies under Bodies and members" className="reg-span-2">
              <Dropdown
                value={boardName ?? 'No board'}
                selectedOptions={[boardId === null ? '' : String(boardId)]}
                onOptionSelect={(_, d) => setBoardId(d.optionValue ? Number(d.optionValue) : null)}
              >
                {textOptions(bodies ?? [], (x) => [x.id, x.name], 'No board')}
              </Dropdown>
            </Field>
            <Field label="Approved budget" validationMessage={show(errors.budget)} validationState={state(errors.budget)}>
              <Input contentBefore="£" inputMode="decimal" value={budget} onChange={(_, d) => setBudget(d.value)} />
            </Field>
            <Field label="Spend to date" validationMessage={show(errors.spend)} validationState={state(errors.spend)}>
              <Input contentBefore="£" inputMode="decimal" value={spend} onChange={(_, d) => setSpend(d.value)} />
            </Field>
            <Field label="Forecast" hint="What it will have cost by its end" validationMessage={show(errors.forecast)} validationState={state(errors.forecast)}>
              <Input contentBefore="£" inputMode="decimal" value={forecast} onChange={(_, d) => setForecast(d.value)} />
            </Field>
            <Field label="Aim" className="reg-span-all">
              <Textarea value={aim} maxLength={2000} resize="vertical" onChange={(_, d) => setAim(d.value)} />
            </Field>
          </div>
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={() => onClose()}>
          {project ? 'Save project' : 'Add project'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
