import { Dropdown } from '@fluentui/react-components';
import { useId } from 'react';
import { PERIODS, periodLongLabel } from '../../../electron/shared/periods';
import { textOptions } from './TextOptions';

/** P1 (April 2026) to P12 (March 2027) for a year. */
export function PeriodPicker({ year, period, onChange, label = 'Period' }: { year: string; period: number; onChange(p: number): void; label?: string }) {
  const id = useId();
  return (
    <div className="header-field">
      <span id={id}>{label}</span>
      <Dropdown
        aria-labelledby={id}
        className="period-dropdown"
        value={periodLongLabel(year, period)}
        selectedOptions={[String(period)]}
        onOptionSelect={(_, d) => d.optionValue && onChange(Number(d.optionValue))}
      >
        {textOptions(PERIODS, (p) => [p, periodLongLabel(year, p)])}
      </Dropdown>
    </div>
  );
}
