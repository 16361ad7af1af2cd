import { Button, Tooltip } from '@fluentui/react-components';
import { CopyRegular, HistoryRegular } from '@fluentui/react-icons';
import { useApp } from '../state/app-state';
import { toTsv } from './tsv';

type Cell = string | number | null;

interface Props {
  /** The line the grid's focus is in; null when it is on none. */
  focusedLine: number | null;
  onHistory(lineId: number): void;
  /** The table as Excel is to receive it, headings first, made when Copy table is pressed; null while there is none. */
  table(): Cell[][] | null;
}

/** The end of a grid screen's command bar: the selected line's history, and the whole table copied for Excel. */
export function LineTools({ focusedLine, onHistory, table }: Props) {
  const { notify, reportError } = useApp();
  const copy = async () => {
    const rows = table();
    if (!rows) return;
    try {
      await navigator.clipboard.writeText(toTsv(rows));
      notify('success', 'Table copied: paste it into Excel.');
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <>
      <Tooltip content="History of the selected line" relationship="description">
        <Button appearance="subtle" icon={<HistoryRegular />} disabled={focusedLine === null} onClick={() => focusedLine !== null && onHistory(focusedLine)}>
          History
        </Button>
      </Tooltip>
      <Button appearance="subtle" icon={<CopyRegular />} onClick={() => void copy()}>
        Copy table
      </Button>
    </>
  );
}
