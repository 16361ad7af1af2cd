import { Button, Dropdown, Field, SearchBox } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

interface BarProps {
  /** The group's name, for a screen reader: "Filter the schools". */
  label: string;
  className: string;
  /** The box that finds rows by any words. */
  search: { label: string; placeholder: string; value: string; onChange(value: string): void; className: string };
  /** Whether any filter is set: only then is there a button to clear them. */
  filtered: boolean;
  onClear(): void;
  /** The dropdowns, before the search box. */
  children: ReactNode;
}

/** The row of filters over a grid: dropdowns, a search box, and Clear filters once any is set. */
export function FilterBar({ label, className, search, filtered, onClear, children }: BarProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of filters over the grid, not a form to send
    <div className={className} role="group" aria-label={label}>
      {children}
      <SearchBox
        aria-label={search.label}
        placeholder={search.placeholder}
        value={search.value}
        onChange={(_, d) => search.onChange(d.value)}
        className={search.className}
      />
      {filtered && (
        <Button appearance="subtle" icon={<DismissRegular />} onClick={onClear}>
          Clear filters
        </Button>
      )}
    </div>
  );
}

interface DropdownProps {
  label: string;
  /** The words shown for the choice made. */
  value: string;
  /** The chosen option's value; '' for no filter. */
  selected: string;
  onSelect(value: string): void;
  /** For short choices (a RAG, a buy-in decision): a narrower box. */
  narrow?: boolean;
  /** The options (`textOptions`, its '' option first). */
  children: ReactNode;
}

/** One filter in a `FilterBar`: its label beside a dropdown. */
export function FilterDropdown({ label, value, selected, onSelect, narrow, children }: DropdownProps) {
  return (
    <Field label={label} orientation="horizontal" className="inline-field">
      <Dropdown
        value={value}
        selectedOptions={[selected]}
        onOptionSelect={(_, d) => onSelect(d.optionValue ?? '')}
        className={narrow ? 'filter-dropdown narrow' : 'filter-dropdown'}
      >
        {children}
      </Dropdown>
    </Field>
  );
}
