import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { KpiInfo, ProjectDetail } from '../../types';
import { useSaveKpi } from './data';
import { numberText, readNumber } from './fields';

interface Props {
  open: boolean;
  project: ProjectDetail;
  /** The KPI to edit; null adds one. */
  kpi: KpiInfo | null;
  onClose(): void;
}

/** A KPI: the measure, its baseline with the date it was taken, the target and the latest value, each dated, and which way is better. */
export function KpiDialog({ open, project, kpi, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="reg-dialog">{open && <KpiForm project={project} kpi={kpi} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function KpiForm({ project: p, kpi: k, onClose }: Omit<Props, 'open'>) {
  const save = useSaveKpi();
  const [measure, setMeasure] = useState(k?.measure ?? '');
  const [baseline, setBaseline] = useState(numberText(k?.baseline));
  const [baselineOn, setBaselineOn] = useState(dateText(k?.baselineOn));
  const [target, setTarget] = useState(numberText(k?.target));
  const [targetOn, setTargetOn] = useState(dateText(k?.targetOn));
  const [latest, setLatest] = useState(numberText(k?.latest));
  const [latestOn, setLatestOn] = useState(dateText(k?.latestOn));
  const [higher, setHigher] = useState(k?.higherIsBetter ?? false);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const b = readNumber(baseline, 'Baseline', true);
  const t = readNumber(target, 'Target', false);
  const l = readNumber(latest, 'Latest', false);
  const bOn = readDate(baselineOn, 'Baseline date', true);
  const tOn = readDate(targetOn, 'Target date', false);
  const lOn = readDate(latestOn, 'Latest date', false);
  const latestDateMissing = l.value !== null && !lOn.iso && !lOn.error ? 'Latest date is needed with a latest value: when was it measured?' : undefined;
  const measureError = measure.trim() === '' ? 'Say what is measured, such as "EHC plans maintained"' : undefined;
  const err = (e: string | null | undefined) => (tried && e ? e : undefined);

  const submit = async () => {
    setTried(true);
    if (measureError || b.error || t.error || l.error || bOn.error || tOn.error || lOn.error || latestDateMissing || b.value === null || !bOn.iso) return;
    setRefused(null);
    const ok = await save.run({
      projectId: p.id,
      id: k?.id,
      measure: measure.trim(),
      baseline: b.value,
      baselineOn: bOn.iso,
      target: t.value,
      targetOn: tOn.iso,
      latest: l.value,
      latestOn: lOn.iso,
      higherIsBetter: higher,
    });
    if (ok) onClose();
    else setRefused(save.refusal());
  };

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{k ? `Edit ${k.measure}` : `New KPI for ${p.code}`}</DialogTitle>
        <DialogContent className="dialog-form">
          <RefusalBar refused={refused} prefix="Not saved: " />
          <Field label="Measure" required validationMessage={err(measureError)} validationState={err(measureError) ? 'error' : 'none'}>
            <Input value={measure} maxLength={200} onChange={(_, d) => setMeasure(d.value)} />
          </Field>
          <div className="reg-kpi-grid">
            <Field label="Baseline" required validationMessage={err(b.error)} validationState={err(b.error) ? 'error' : 'none'}>
              <Input inputMode="decimal" value={baseline} onChange={(_, d) => setBaseline(d.value)} className="reg-number" />
            </Field>
            <DateField label="Baseline date" value={bOn} onText={setBaselineOn} showError={tried} required />
            <Field label="Target" validationMessage={err(t.error)} validationState={err(t.error) ? 'error' : 'none'}>
              <Input inputMode="decimal" value={target} onChange={(_, d) => setTarget(d.value)} className="reg-number" />
            </Field>
            <DateField label="Target date" value={tOn} onText={setTargetOn} showError={tried} hint="dd/mm/yyyy: by when" />
            <Field label="Latest" validationMessage={err(l.error)} validationState={err(l.error) ? 'error' : 'none'}>
              <Input inputMode="decimal" value={latest} onChange={(_, d) => setLatest(d.value)} className="reg-number" />
            </Field>
            <DateField
              label="Latest date"
              value={latestDateMissing ? { ...lOn, error: latestDateMissing } : lOn}
              onText={setLatestOn}
              showError={tried}
              hint="dd/mm/yyyy: when it was measured"
            />
          </div>
          <Field label="Which way is better">
            <RadioGroup layout="horizontal" value={higher ? 'higher' : 'lower'} onChange={(_, d) => setHigher(d.value === 'higher')}>
              <Radio value="lower" label="Lower is better (EHC plans, requests, exclusions)" />
              <Radio value="higher" label="Higher is better" />
            </RadioGroup>
          </Field>
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {k ? 'Save KPI' : 'Add KPI'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
