import { DialogBody, DialogContent, DialogTitle, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { DateField, readDate } from '../../../../renderer/src/components/DateField';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import type { ReturnInfo } from '../../types';
import { RETURN_STATUS_LABELS, RETURN_STATUSES, type ReturnStatus } from '../../words';
import { useSetReturnStatus } from './data';
import { periodWords } from './figures';

/**
 * Where a return has got to, set by hand: a step back when one was marked by mistake, or a step
 * on dated some other day than today (a return that came in last week).
 */
export function StatusDialog({ ret, partnership, onClose }: { ret: ReturnInfo | null; partnership: string; onClose(): void }) {
  return (
    <FormDialog open={ret !== null} onClose={onClose} className="ret-dialog ret-dialog-narrow">
      {ret && <StatusForm ret={ret} partnership={partnership} onClose={onClose} />}
    </FormDialog>
  );
}

function StatusForm({ ret, partnership, onClose }: { ret: ReturnInfo; partnership: string; onClose(): void }) {
  const save = useSetReturnStatus();
  const [status, setStatus] = useState<ReturnStatus>(ret.status);
  const [on, setOn] = useState('');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(on, 'The date', false);
  const submit = async () => {
    setTried(true);
    if (date.error) return;
    setRefused(null);
    const out = await save.run({ returnId: ret.id, status, on: status === 'not_sent' ? null : date.iso });
    if (!out) return setRefused(save.lastError());
    onClose();
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>
          Status of {partnership}’s {periodWords(ret.period).replace(/^the /, '')}
        </DialogTitle>
        <DialogContent className="dialog-form">
          <Field label="Status">
            <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as ReturnStatus)}>
              {RETURN_STATUSES.map((s) => (
                <Radio key={s} value={s} label={RETURN_STATUS_LABELS[s]} />
              ))}
            </RadioGroup>
          </Field>
          {status !== 'not_sent' && (
            <DateField
              label={`Date ${RETURN_STATUS_LABELS[status].toLowerCase()}`}
              hint="dd/mm/yyyy; blank for today"
              value={date}
              onText={setOn}
              showError={tried}
            />
          )}
          <RefusalBar refused={refused} prefix="Not changed: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          Set status
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
