import {
  Badge,
  Button,
  DialogBody,
  DialogContent,
  DialogTitle,
  Dropdown,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { AgreementDetail, ConditionInfo, ReportInfo } from '../../types';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { RowActions } from '../shared/RowActions';
import { TextField, TypedDateField } from './AgreementFields';
import { useDeleteReport, useSaveReport } from './data';

const conditionName = (conditions: ConditionInfo[], id: number | null): string => {
  const i = conditions.findIndex((c) => c.id === id);
  return i < 0 ? '' : `Condition ${i + 1}`;
};

/** The reports the agreement calls for: due and received dates, the overdue ones marked. */
export function ReportsCard({ agreement }: { agreement: AgreementDetail }) {
  const remove = useDeleteReport();
  const [editing, setEditing] = useState<{ open: boolean; report: ReportInfo | null }>({ open: false, report: null });
  const close = () => setEditing((e) => ({ ...e, open: false }));
  const reports = [...agreement.reports].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <section className="card agr-reports" aria-labelledby="agr-reports-title">
      <div className="card-head">
        <h2 id="agr-reports-title">Reports</h2>
        <Button className="card-head-end" icon={<AddRegular />} onClick={() => setEditing({ open: true, report: null })}>
          Add report…
        </Button>
      </div>
      {agreement.reportingDuties && <p className="agr-duties">{agreement.reportingDuties}</p>}
      {reports.length === 0 ? (
        <p className="agr-none">No reports due.</p>
      ) : (
        <Table size="small" aria-label={`Reports due under ${agreement.reference}`} className="agr-small-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Report</TableHeaderCell>
              <TableHeaderCell>For</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Received</TableHeaderCell>
              <TableHeaderCell>
                <span className="visually-hidden">Edit or delete</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.id} className={r.overdue ? 'agr-overdue' : undefined}>
                <TableCell>{r.title}</TableCell>
                <TableCell>{conditionName(agreement.conditions, r.conditionId) || 'The agreement'}</TableCell>
                <TableCell>
                  {ukDate(r.dueOn)}{' '}
                  {r.overdue && (
                    <Badge appearance="tint" color="danger">
                      Overdue
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{r.receivedOn ? ukDate(r.receivedOn) : 'Not yet'}</TableCell>
                <TableCell>
                  <RowActions
                    name={r.title}
                    onEdit={() => setEditing({ open: true, report: r })}
                    onDelete={() => void remove.run({ id: r.id })}
                    deleting={remove.busy}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <FormDialog open={editing.open} onClose={close}>
        <ReportForm agreement={agreement} report={editing.report} onClose={close} />
      </FormDialog>
    </section>
  );
}

function ReportForm({ agreement, report, onClose }: { agreement: AgreementDetail; report: ReportInfo | null; onClose(): void }) {
  const save = useSaveReport();
  const [title, setTitle] = useState(report?.title ?? '');
  const [conditionId, setConditionId] = useState<number | null>(report?.conditionId ?? null);
  const [due, setDue] = useState(dateText(report?.dueOn));
  const [received, setReceived] = useState(dateText(report?.receivedOn));
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const dueDate = readDate(due, 'Due', true);
  const receivedDate = readDate(received, 'Received', false);
  const titleError = title.trim() === '' ? 'Name the report, such as "Termly return, autumn"' : undefined;
  const submit = async () => {
    setTried(true);
    if (titleError || dueDate.error || receivedDate.error) return;
    setRefused(null);
    const out = await save.run({
      agreementId: agreement.id,
      id: report?.id,
      conditionId,
      title: title.trim(),
      dueOn: dueDate.iso!,
      receivedOn: receivedDate.iso,
    });
    if (!out) return setRefused(save.lastError());
    onClose();
  };
  const conditionLabel = conditionId === null ? 'The agreement as a whole' : conditionName(agreement.conditions, conditionId);
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{report ? `Edit ${report.title}` : 'Add a report'}</DialogTitle>
        <DialogContent className="dialog-form">
          <TextField label="Report" required max={200} value={title} onChange={setTitle} error={tried ? titleError : undefined} />
          <Field label="Called for by">
            <Dropdown
              value={conditionLabel}
              selectedOptions={[conditionId === null ? '' : String(conditionId)]}
              onOptionSelect={(_, d) => setConditionId(d.optionValue ? Number(d.optionValue) : null)}
            >
              {textOptions(
                agreement.conditions,
                (c) => [c.id, `${conditionName(agreement.conditions, c.id)}: ${c.text.slice(0, 60)}`],
                'The agreement as a whole',
              )}
            </Dropdown>
          </Field>
          <div className="agr-form-grid">
            <TypedDateField label="Due" required value={due} onChange={setDue} error={tried ? (dueDate.error ?? undefined) : undefined} />
            <TypedDateField
              label="Received"
              hint="Blank until it arrives: dd/mm/yyyy"
              value={received}
              onChange={setReceived}
              error={tried ? (receivedDate.error ?? undefined) : undefined}
            />
          </div>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {report ? 'Save report' : 'Add report'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
