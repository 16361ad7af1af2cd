import { Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { SvAgreementInfo, SvConditionInfo } from '../../types';
import { QUARTER_LABELS, QUARTERS, RAG_LABELS, RAGS, type Rag } from '../../words';
import { RagBadge } from '../shared/RagBadge';
import { useSaveSvMonitoring } from './data';
import { type Quarter, quarterOf, quarterStart, quarterWords, yearsFromTo } from './quarters';

/** The quarter's monitoring of each condition: a rating, the narrative and the figures behind it. */
export function MonitoringCard({
  agreement,
  today,
  quarter,
  onQuarter,
}: {
  agreement: SvAgreementInfo;
  today: string;
  quarter: Quarter;
  onQuarter(q: Quarter): void;
}) {
  const years = yearsFromTo(agreement.signedOn < today ? agreement.signedOn : today, today).reverse();
  return (
    <section className="card" aria-labelledby={`sv-monitoring-${agreement.id}`}>
      <div className="card-head">
        <h2 id={`sv-monitoring-${agreement.id}`}>Quarterly monitoring: {quarterWords(quarter)}</h2>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: two pickers that choose one quarter, not a form to send */}
      <div className="sv-quarter-picker" role="group" aria-label="Quarter">
        <Field label="Year">
          <Dropdown
            value={quarter.year}
            selectedOptions={[quarter.year]}
            onOptionSelect={(_, d) => d.optionValue && onQuarter({ ...quarter, year: d.optionValue })}
          >
            {textOptions(years, (y) => [y, y])}
          </Dropdown>
        </Field>
        <Field label="Quarter">
          <Dropdown
            value={QUARTER_LABELS[quarter.quarter]}
            selectedOptions={[String(quarter.quarter)]}
            onOptionSelect={(_, d) => d.optionValue && onQuarter({ ...quarter, quarter: Number(d.optionValue) })}
          >
            {QUARTERS.map((q) => {
              const future = quarterStart(quarter.year, q) > today;
              return (
                <Option key={q} value={String(q)} text={QUARTER_LABELS[q]!} disabled={future}>
                  {future ? `${QUARTER_LABELS[q]}, not begun` : QUARTER_LABELS[q]}
                </Option>
              );
            })}
          </Dropdown>
        </Field>
      </div>
      {agreement.conditions.length === 0 ? (
        <p className="agr-none">Add the agreement’s conditions to monitor them.</p>
      ) : (
        <div className="sv-monitoring-list">
          {agreement.conditions.map((c) => (
            <ConditionQuarterForm key={`${c.id}-${quarter.year}-${quarter.quarter}`} condition={c} quarter={quarter} />
          ))}
        </div>
      )}
    </section>
  );
}

/** The quarter a screen opens at: the one today is in. */
export function openingQuarter(today: string): Quarter {
  return quarterOf(today);
}

function ConditionQuarterForm({ condition, quarter }: { condition: SvConditionInfo; quarter: Quarter }) {
  const save = useSaveSvMonitoring();
  const entry = condition.monitoring.find((m) => m.year === quarter.year && m.quarter === quarter.quarter) ?? null;
  const [rag, setRag] = useState<Rag | null>(entry?.rag ?? null);
  const [narrative, setNarrative] = useState(entry?.narrative ?? '');
  const [figures, setFigures] = useState(entry?.figures ?? '');
  const [refused, setRefused] = useState<string | null>(null);
  // A return imported, or an undo, changed what is saved: show it, unless there are edits not yet saved.
  const savedNow = JSON.stringify([entry?.rag ?? null, entry?.narrative ?? '', entry?.figures ?? '']);
  const [shown, setShown] = useState(savedNow);
  if (shown !== savedNow) {
    const [wasRag, wasNarrative, wasFigures] = JSON.parse(shown) as [Rag | null, string, string];
    setShown(savedNow);
    if (rag === wasRag && narrative === wasNarrative && figures === wasFigures) {
      setRag(entry?.rag ?? null);
      setNarrative(entry?.narrative ?? '');
      setFigures(entry?.figures ?? '');
    }
  }
  const earlier = [...condition.monitoring]
    .filter((m) => m.year < quarter.year || (m.year === quarter.year && m.quarter < quarter.quarter))
    .sort((a, b) => b.year.localeCompare(a.year) || b.quarter - a.quarter)
    .slice(0, 4);
  const dirty = rag !== (entry?.rag ?? null) || narrative !== (entry?.narrative ?? '') || figures !== (entry?.figures ?? '');
  const submit = async () => {
    setRefused(null);
    const out = await save.run({
      conditionId: condition.id,
      year: quarter.year,
      quarter: quarter.quarter,
      rag,
      narrative: narrative.trim(),
      figures: figures.trim(),
    });
    if (!out) return setRefused(save.lastError());
    // As saved: the server keeps the words without the spaces around them.
    setNarrative(narrative.trim());
    setFigures(figures.trim());
  };
  const name = `Condition ${condition.number}`;
  return (
    <SubmitForm onSubmit={submit} className="sv-monitoring" aria-label={`${name}, ${quarter.year} Q${quarter.quarter}`}>
      <div className="sv-monitoring-head">
        <h3 className="agr-subhead">
          {name}: {condition.text}
        </h3>
        {condition.target && <span className="sv-condition-target">Target: {condition.target}</span>}
        {earlier.length > 0 && (
          <span className="sv-earlier">
            <span className="muted">Earlier:</span>
            {earlier.map((m) => (
              <span key={m.id} className="sv-earlier-item">
                <span className="muted">
                  {m.year} Q{m.quarter}
                </span>
                <RagBadge rag={m.rag} size="small" />
              </span>
            ))}
          </span>
        )}
      </div>
      <div className="sv-monitoring-fields">
        <Field label={`${name} rating`}>
          <Dropdown
            value={rag ? RAG_LABELS[rag] : 'Not rated'}
            selectedOptions={[rag ?? '']}
            onOptionSelect={(_, d) => setRag(d.optionValue ? (d.optionValue as Rag) : null)}
          >
            {textOptions(RAGS, (r) => [r, RAG_LABELS[r]], 'Not rated')}
          </Dropdown>
        </Field>
        <Field label={`${name} figures`}>
          <Input value={figures} maxLength={1000} onChange={(_, d) => setFigures(d.value)} />
        </Field>
        <Field label={`${name} narrative`} className="sv-narrative">
          <Textarea value={narrative} maxLength={4000} rows={2} resize="vertical" onChange={(_, d) => setNarrative(d.value)} />
        </Field>
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <div className="sv-monitoring-actions">
        <BusyButton type="submit" icon={<SaveRegular />} busy={save.busy} disabled={!dirty}>
          Save {name.toLowerCase()}, {quarter.year} Q{quarter.quarter}
        </BusyButton>
        {entry && !dirty && <span className="muted">Saved</span>}
        {dirty && <span className="agr-dirty">Not saved yet</span>}
      </div>
    </SubmitForm>
  );
}
