import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { AgendaItemInfo, MeetingDetail, TemplateField } from '../../types';

/** A yes-no field as the server keeps it (the printed paper shows Yes or No). */
export const YES = 'yes';
export const NO = 'no';

/**
 * A new paper's header as far as the meeting already says it: the title is the item's, the date
 * the meeting's, "To" the body, the author the presenter. Matched on the field's words, since a
 * body's template is its own. Dates as typed: dd/mm/yyyy.
 */
export function headerDefaults(fields: TemplateField[], meeting: MeetingDetail, item: AgendaItemInfo): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const label = f.label.toLowerCase();
    if (f.kind === 'date') out[f.key] = dateText(meeting.meeting.startsAt.slice(0, 10));
    else if (f.kind === 'yesno') out[f.key] = '';
    else if (/title/.test(label)) out[f.key] = item.title;
    else if (label === 'to' || /report to/.test(label)) out[f.key] = meeting.body.name;
    else if (/author|report of|presenter|lead/.test(label)) out[f.key] = item.presenter;
    else out[f.key] = '';
  }
  return out;
}

/** A stored header as the fields show it: dates dd/mm/yyyy. */
export function headerTexts(fields: TemplateField[], stored: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (f.key in stored) out[f.key] = f.kind === 'date' ? dateText(stored[f.key] || null) : (stored[f.key] ?? '');
  return out;
}

/** The header as the server keeps it (dates ISO), or the first field that cannot be read. */
export function headerToSave(fields: TemplateField[], texts: Record<string, string>): { header: Record<string, string> } | { problem: string } {
  const header: Record<string, string> = {};
  for (const f of fields) {
    const v = texts[f.key] ?? '';
    if (f.kind !== 'date') {
      header[f.key] = v;
      continue;
    }
    const d = readDate(v, f.label, false);
    if (d.error) return { problem: `${d.error}.` };
    header[f.key] = d.iso ?? '';
  }
  return { header };
}

interface Props {
  fields: TemplateField[];
  /** As typed: dates dd/mm/yyyy. */
  values: Record<string, string>;
  onChange(key: string, value: string): void;
  /** Show each date's problem (the form was sent). */
  showErrors: boolean;
}

/** The fields at the head of a paper (To, Date, Title …; Report of, Key decision …), as its body's template lists them. */
export function PaperHeader({ fields, values, onChange, showErrors }: Props) {
  return (
    <div className="paper-header-fields">
      {fields.map((f) => {
        const v = values[f.key] ?? '';
        if (f.kind === 'yesno') {
          return (
            <Field key={f.key} label={f.label}>
              <RadioGroup layout="horizontal" value={v} onChange={(_, d) => onChange(f.key, d.value)}>
                <Radio value={YES} label="Yes" />
                <Radio value={NO} label="No" />
              </RadioGroup>
            </Field>
          );
        }
        if (f.kind === 'date') {
          return <DateField key={f.key} label={f.label} value={readDate(v, f.label, false)} onText={(t) => onChange(f.key, t)} showError={showErrors} />;
        }
        return (
          <Field key={f.key} label={f.label} className={/\btitle\b|contact|\bwards\b|report to/i.test(f.label) ? 'is-wide' : undefined}>
            <Input value={v} maxLength={2000} onChange={(_, d) => onChange(f.key, d.value)} />
          </Field>
        );
      })}
    </div>
  );
}
