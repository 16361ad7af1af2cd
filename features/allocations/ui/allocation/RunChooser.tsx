import { Dropdown } from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { RunInfo } from '../../types';

/** "2026-27 formula, approved", "Draft B, draft", "Forum paper run, locked": a run's name and where it stands. */
export function runOptionText(r: RunInfo): string {
  return `${r.name}, ${r.status === 'approved' ? 'approved' : r.locked ? 'locked' : 'draft'}`;
}

/** "AIP allocations 2026-27", "Revised run (2026-27)": a run named with its year, unless its name says it. */
export function runLabel(r: Pick<RunInfo, 'name' | 'year'>): string {
  return r.name.includes(r.year) ? r.name : `${r.name} (${r.year})`;
}

interface Props {
  years: string[];
  year: string;
  runs: RunInfo[];
  run: RunInfo | undefined;
  onYear(year: string): void;
  onRun(id: number): void;
  /** After the two dropdowns: starting a run. */
  children?: ReactNode;
}

/** The year, and which of its runs is shown (newest first). */
export function RunChooser({ years, year, runs, run, onYear, onRun, children }: Props) {
  const yearId = useId();
  const runId = useId();
  const ofYear = runs.filter((r) => r.year === year).sort((a, b) => b.id - a.id);
  return (
    <div className="alloc-chooser">
      <div className="header-field">
        <span id={yearId}>Year</span>
        <Dropdown
          aria-labelledby={yearId}
          className="alloc-year-dropdown"
          value={year}
          selectedOptions={[year]}
          onOptionSelect={(_, d) => d.optionValue && onYear(d.optionValue)}
        >
          {textOptions(years, (y) => [y, y])}
        </Dropdown>
      </div>
      {ofYear.length > 0 && (
        <div className="header-field">
          <span id={runId}>Run</span>
          <Dropdown
            aria-labelledby={runId}
            className="alloc-run-dropdown"
            value={run ? runOptionText(run) : ''}
            selectedOptions={run ? [String(run.id)] : []}
            onOptionSelect={(_, d) => d.optionValue && onRun(Number(d.optionValue))}
          >
            {textOptions(ofYear, (r) => [r.id, runOptionText(r)])}
          </Dropdown>
        </div>
      )}
      {children}
    </div>
  );
}
