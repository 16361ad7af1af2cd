import { useApp } from '../state/app-state';

interface Props {
  label: string;
  pence: number;
  /** 'cost': positive is bad (variance); 'balance': negative is bad (deficits). */
  tone?: 'neutral' | 'cost' | 'balance';
  note?: string;
}

export function KpiCard({ label, pence, tone = 'neutral', note }: Props) {
  const { money } = useApp();
  const bad = (tone === 'cost' && pence > 0) || (tone === 'balance' && pence < 0);
  const good = (tone === 'cost' && pence < 0) || (tone === 'balance' && pence > 0);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of label, figure and note, not a form fieldset
    <div className="kpi" role="group" aria-label={label}>
      <div className="kpi-label">{label}</div>
      <div className={`kpi-value${bad ? ' is-bad' : good ? ' is-good' : ''}`}>{money.format(pence)}</div>
      {note && <div className="kpi-note">{note}</div>}
    </div>
  );
}
