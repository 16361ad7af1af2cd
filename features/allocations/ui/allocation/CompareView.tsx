import { Dropdown, Field, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';
import type { RunCompare, RunInfo } from '../../types';
import { previousYear, useCompare } from './data';
import { runLabel, runOptionText } from './RunChooser';

const LAST_YEAR = 'last-year';

interface Props {
  run: RunInfo;
  runs: RunInfo[];
}

/** One partnership's allocation in the run shown and in the other, and the change. */
interface Line {
  partnershipId: number;
  partnership: string;
  other: number | null;
  shown: number | null;
  difference: number | null;
  placesOther: number | null;
  placesShown: number | null;
}

/**
 * The run against last year's (the run that counts for the year before, as the server decides)
 * or against any other run, partnership by partnership: each difference is the run shown less
 * the other, signed, green where a partnership gets more and red where it gets less, and said in
 * words to a screen reader.
 */
export function CompareView({ run, runs }: Props) {
  const { money } = useApp();
  const [with_, setWith] = useState<string>(LAST_YEAR);
  const other = runs.find((r) => String(r.id) === with_);
  // Without b the server compares a with the year before's run; with b, b is the run shown, so b − a is its change.
  const { data: compare, isLoading, error } = useCompare(other ? other.id : run.id, other ? run.id : null, true);
  const choices = runs.filter((r) => r.id !== run.id).sort((a, b) => b.year.localeCompare(a.year) || b.id - a.id);
  const lastYearText = `Last year’s run (${previousYear(run.year)})`;
  const options: Array<[string, string]> = [
    [LAST_YEAR, lastYearText],
    ...choices.map((r): [string, string] => [String(r.id), `${r.year}: ${runOptionText(r)}`]),
  ];
  const signed = (p: number) => (p > 0 ? `+${money.format(p)}` : money.format(p));

  return (
    <div className="alloc-compare">
      <Field label="Compare with" className="alloc-compare-picker">
        <Dropdown
          value={other ? `${other.year}: ${runOptionText(other)}` : lastYearText}
          selectedOptions={[with_]}
          onOptionSelect={(_, d) => d.optionValue && setWith(d.optionValue)}
        >
          {textOptions(options, (o) => o)}
        </Dropdown>
      </Field>
      {isLoading && !compare ? (
        <Spinner size="small" label="Comparing" />
      ) : error ? (
        <p className="alloc-compare-none" role="status">
          {error instanceof Error ? error.message : String(error)}
        </p>
      ) : compare ? (
        <CompareTable compare={compare} run={run} signed={signed} />
      ) : null}
    </div>
  );
}

function linesOf(compare: RunCompare, run: RunInfo): { lines: Line[]; otherRun: RunInfo; totalOther: number; totalShown: number } {
  const shownIsB = compare.b.id === run.id;
  const lines = compare.rows.map((r) => {
    const [other, shown] = shownIsB ? [r.aPence, r.bPence] : [r.bPence, r.aPence];
    const [placesOther, placesShown] = shownIsB ? [r.placesA, r.placesB] : [r.placesB, r.placesA];
    return {
      partnershipId: r.partnershipId,
      partnership: r.partnership,
      other,
      shown,
      difference: other === null || shown === null ? null : shown - other,
      placesOther,
      placesShown,
    };
  });
  return {
    lines,
    otherRun: shownIsB ? compare.a : compare.b,
    totalOther: shownIsB ? compare.totalA : compare.totalB,
    totalShown: shownIsB ? compare.totalB : compare.totalA,
  };
}

/** The change as a share of what it was: "+4.3%", "-1.5%", to one decimal place; blank where there was nothing before. */
export function share(difference: number | null, before: number | null): string {
  if (difference === null || !before) return '';
  const tenths = Math.round((difference * 1000) / before);
  const text = `${(Math.abs(tenths) / 10).toFixed(1)}%`;
  return tenths > 0 ? `+${text}` : tenths < 0 ? `-${text}` : '0.0%';
}

function CompareTable({ compare, run, signed }: { compare: RunCompare; run: RunInfo; signed(p: number): string }) {
  const { money } = useApp();
  const { lines, otherRun, totalOther, totalShown } = linesOf(compare, run);
  const otherName = runLabel(otherRun);
  const shownName = runLabel(run);
  const label = `${shownName} against ${otherName}, by partnership`;
  const diff = (p: number | null, none: string) => {
    if (p === null) return <TableCell className="num muted-cell">{none}</TableCell>;
    const tone = p > 0 ? ' diff-up' : p < 0 ? ' diff-down' : '';
    return (
      <TableCell className={`num${tone}`}>
        {signed(p)}
        {p !== 0 && <span className="visually-hidden">{p > 0 ? ', more' : ', less'}</span>}
      </TableCell>
    );
  };
  const amount = (p: number | null) => <TableCell className="num">{p === null ? '—' : money.format(p)}</TableCell>;
  return (
    <section aria-labelledby="alloc-compare-title" className="alloc-section">
      <h2 id="alloc-compare-title">
        {shownName} less {otherName}, by partnership
      </h2>
      <p className="muted">
        Each change is {shownName}'s allocation less {otherName}'s: green where a partnership gets more, red where it gets less. A dash is a partnership with no
        allocation in that run.
      </p>
      <ScrollBox label={label}>
        <Table aria-label={label} size="small" className="alloc-table alloc-figures">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Partnership</TableHeaderCell>
              <TableHeaderCell className="num">{otherName}</TableHeaderCell>
              <TableHeaderCell className="num">{shownName}</TableHeaderCell>
              <TableHeaderCell className="num">Change</TableHeaderCell>
              <TableHeaderCell className="num">Change, %</TableHeaderCell>
              <TableHeaderCell className="num">Places, {otherRun.name}</TableHeaderCell>
              <TableHeaderCell className="num">Places, {run.name}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.partnershipId}>
                <TableCell>{l.partnership}</TableCell>
                {amount(l.other)}
                {amount(l.shown)}
                {diff(l.difference, l.shown === null ? 'not in this run' : 'new')}
                <TableCell className="num">{share(l.difference, l.other)}</TableCell>
                <TableCell className="num">{l.placesOther ?? '—'}</TableCell>
                <TableCell className="num">{l.placesShown ?? '—'}</TableCell>
              </TableRow>
            ))}
            <TableRow className="alloc-total-row">
              <TableCell>Total</TableCell>
              {amount(totalOther)}
              {amount(totalShown)}
              {diff(totalShown - totalOther, '')}
              <TableCell className="num">{share(totalShown - totalOther, totalOther)}</TableCell>
              <TableCell className="num">{lines.reduce((a, l) => a + (l.placesOther ?? 0), 0)}</TableCell>
              <TableCell className="num">{lines.reduce((a, l) => a + (l.placesShown ?? 0), 0)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollBox>
    </section>
  );
}
