import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { YearCloseCheck } from '../../monitoring/types';
import { lineWithoutOutturnText, linesWithoutOutturnTitle, missingMonthsText } from './close-check-text';

/** Lines listed before "Show all": a year can have hundreds without a P12 forecast. */
const FIRST = 8;

interface Props {
  check: YearCloseCheck | undefined;
  loading: boolean;
  error: Error | null;
}

/**
 * What closing a year would leave behind, shown in the close dialog before its Close button: the
 * months nobody reported in, and the lines whose outturn would be an earlier forecast or the
 * budget. A warning only: the year can still be closed.
 */
export function CloseCheckSummary({ check, loading, error }: Props) {
  const [all, setAll] = useState(false);
  if (loading) return <Spinner size="tiny" label="Checking the year's returns…" />;
  if (error || !check) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>The year's returns could not be checked</MessageBarTitle>
          {error?.message ?? 'No answer came back.'} You can still close the year.
        </MessageBarBody>
      </MessageBar>
    );
  }
  const months = missingMonthsText(check);
  const lines = check.linesWithoutOutturn;
  if (!months && lines.length === 0) {
    return (
      <MessageBar intent="success">
        <MessageBarBody>Every month has returns and every line has a P12 forecast.</MessageBarBody>
      </MessageBar>
    );
  }
  const shown = all ? lines : lines.slice(0, FIRST);
  return (
    <div className="dialog-form">
      {months && (
        <MessageBar intent="warning">
          <MessageBarBody>{months}</MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{linesWithoutOutturnTitle(check)}</MessageBarTitle>
            <ul id="close-check-lines">
              {shown.map((l) => (
                <li key={l.lineId}>{lineWithoutOutturnText(l)}</li>
              ))}
            </ul>
            {lines.length > FIRST && (
              <Button size="small" appearance="secondary" aria-expanded={all} aria-controls="close-check-lines" onClick={() => setAll((a) => !a)}>
                {all ? `Show the first ${FIRST} only` : `Show all ${lines.length} lines`}
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <p>Closing now fixes these as the year's outturn. You can still close it, or cancel and enter the missing forecasts first.</p>
    </div>
  );
}
