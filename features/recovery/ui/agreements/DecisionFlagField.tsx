import { Badge, Radio, RadioGroup } from '@fluentui/react-components';
import type { DecisionFlag } from '../../types';
import type { DecisionFlagOverride } from '../../words';
import { TextField } from './AgreementFields';

const SOURCE_WORDS: Record<DecisionFlag['source'], string> = {
  threshold: 'From the thresholds',
  override: 'Set by hand',
  'no-threshold': 'No threshold in force',
};

interface Props {
  /** "Key decision" or "Call-in". */
  name: string;
  /** As saved: its value, where it came from and why. */
  flag: DecisionFlag;
  value: DecisionFlagOverride;
  reason: string;
  onValue(v: DecisionFlagOverride): void;
  onReason(v: string): void;
  error?: string;
}

/** A decision flag as worked out (or set by hand), its reason, and the choice to set it by hand. */
export function DecisionFlagField({ name, flag, value, reason, onValue, onReason, error }: Props) {
  const lower = name.toLowerCase();
  return (
    <fieldset className="agr-flag">
      <legend>{name}</legend>
      <p className="agr-flag-value">
        <strong>{flag.value ? 'Yes' : 'No'}</strong>
        <Badge appearance="outline" color={flag.source === 'override' ? 'important' : 'informative'}>
          {SOURCE_WORDS[flag.source]}
        </Badge>
      </p>
      <p className="agr-flag-why">{flag.explanation}</p>
      <RadioGroup value={value} onChange={(_, d) => onValue(d.value as DecisionFlagOverride)} aria-label={`How the ${lower} flag is set`}>
        <Radio value="auto" label="Worked out from the thresholds" />
        <Radio value="yes" label={`${name}: yes, set by hand`} />
        <Radio value="no" label={`${name}: no, set by hand`} />
      </RadioGroup>
      {value !== 'auto' && (
        <TextField label={`Why the ${lower} flag is set by hand`} required rows={2} max={500} value={reason} onChange={onReason} error={error} />
      )}
    </fieldset>
  );
}
