import {
  Button,
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowImportRegular, CheckmarkCircleRegular, DocumentTableArrowRightRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { shortcutOf } from '../../../electron/shared/menu';
import { periodLongLabel } from '../../../electron/shared/periods';
import { api } from '../../../renderer/src/api/api';
import { BusyButton, busyProps } from '../../../renderer/src/components/BusyButton';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { PeriodPicker } from '../../../renderer/src/components/PeriodPicker';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { codeCol, moneyCol, moneyFormatter, nameCol, varianceClass } from '../../../renderer/src/grid/columns';
import { type DisplayRow, gridRows } from '../../../renderer/src/grid/display-rows';
import { LineTools } from '../../../renderer/src/grid/LineTools';
import { type Changes, type CommitResult, type EditableColumn, LinesGrid } from '../../../renderer/src/grid/LinesGrid';
import { MoneyEditor } from '../../../renderer/src/grid/MoneyEditor';
import { useApp } from '../../../renderer/src/state/app-state';
import { dispatchCommand } from '../../../renderer/src/state/commands';
import { HistoryDrawer } from '../../history/ui/HistoryDrawer';
import { useWorkbookExports } from '../../imports/ui/export-actions';
import { useSummary } from '../../position/ui/data';
import { useExportReport } from '../../position/ui/report-export';
import type { MonitoringRow, MonitoringTotals } from '../types';
import { useMonitoring, useSetForecasts } from './data';
import './monitoring.css';

type MRow = DisplayRow<MonitoringRow, MonitoringTotals> & { lineId?: number };

/** Six money columns at this width leave the commentary room at 1366x768 beside a scrollbar. */
const W = 112;

const EDITABLE: Record<string, EditableColumn> = {
  forecastPence: { header: 'Forecast outturn', type: 'money' },
  actualPence: { header: 'Actual to date', type: 'money' },
  commentary: { header: 'Commentary', type: 'text' },
};

function sourceNote(r: MRow): string | undefined {
  if (r.kind !== 'line') return undefined;
  if (r.reviewed) return `Reviewed, no change: P${r.forecastFromPeriod ?? ''}'s forecast confirmed`;
  if (r.forecastSource === 'earlier-period') return `No new forecast this period: P${r.forecastFromPeriod}'s stands`;
  if (r.forecastSource === 'budget') return 'No forecast yet: the revised budget is assumed';
  return undefined;
}

/** The forecast, with a tick when the month was marked "reviewed, no change". */
function ForecastCell(p: ICellRendererParams<MRow>) {
  const reviewed = p.data?.kind === 'line' && p.data.reviewed;
  return (
    <span className="forecast-cell">
      {reviewed && <CheckmarkCircleRegular className="reviewed-mark" aria-label="Reviewed, no change" />}
      {p.valueFormatted ?? String(p.value ?? '')}
    </span>
  );
}

export default function MonitoringScreen() {
  const app = useApp();
  const { year, period, setPeriod, closed, notify, money } = app;
  const [historyLine, setHistoryLine] = useState<number | null>(null);
  const [focusedLine, setFocusedLine] = useState<number | null>(null);
  const report = useExportReport();
  const { data: view, isLoading } = useMonitoring(year, period);
  const { data: pos } = useSummary(year, period);
  const save = useSetForecasts();
  const { rows, total } = useMemo(() => gridRows(view ?? null) as { rows: MRow[]; total: MRow[] }, [view]);
  const closedReason =
    closed && year ? `${year} is closed, so its figures cannot change. Reopen it under Years and funding, giving a reason, to change them.` : null;

  const columns = useMemo<Array<ColDef<MRow>>>(
    () => [
      codeCol<MRow>(),
      nameCol<MRow>(204),
      moneyCol<MRow>('budgetPence', 'Revised budget', money, { width: W }),
      moneyCol<MRow>('forecastPence', 'Forecast outturn', money, {
        width: W + 8,
        cellEditor: MoneyEditor,
        cellRenderer: ForecastCell,
        // The tick and the carried-forward style follow `reviewed`, not the figure: a mark saved with
        // the forecast unchanged must still redraw the cell (the grid redraws only changed values).
        equals: () => false,
        tooltipValueGetter: (p) => sourceNote(p.data as MRow),
        cellClassRules: {
          'cell-carried': (p) =>
            (p.data as MRow)?.kind === 'line' && (p.data as MonitoringRow).forecastSource !== 'this-period' && !(p.data as MonitoringRow).reviewed,
        },
      }),
      moneyCol<MRow>('variancePence', 'Variance', money, { width: W, cellClassRules: varianceClass }),
      moneyCol<MRow>('previousPence', period === 1 ? 'Previous (budget)' : `Previous (P${period - 1})`, money, { width: W }),
      moneyCol<MRow>('movementPence', 'Movement', money, { width: W, cellClassRules: varianceClass }),
      moneyCol<MRow>('actualPence', 'Actual to date', money, { width: W, cellEditor: MoneyEditor, valueFormatter: moneyFormatter(money) }),
      {
        colId: 'commentary',
        field: 'commentary',
        headerName: 'Commentary',
        flex: 1,
        minWidth: 160,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 2000, rows: 6, cols: 50 },
        tooltipField: 'commentary',
      },
    ],
    [period, money],
  );

  const commit = useCallback(
    async (changes: Changes, how: 'edit' | 'paste'): Promise<CommitResult> => {
      if (!year) return { ok: false, reason: 'no year is chosen' };
      const list = [...changes].map(([lineId, c]) => ({
        lineId,
        ...(c as { forecastPence?: number | null; actualPence?: number | null; commentary?: string | null }),
      }));
      const done = await save.run({ year, period, changes: list });
      if (!done) return { ok: false, reason: save.lastError() ?? 'the workspace refused it' };
      if (how === 'paste')
        notify('success', `Pasted ${list.reduce((s, c) => s + Object.keys(c).length - 1, 0)} cells. Undo (${shortcutOf('undo')}) reverses the whole paste.`);
      return { ok: true };
    },
    [year, period, save, notify],
  );

  const focused = view?.rows.find((r) => r.lineId === focusedLine);
  const markReviewed = useCallback(
    async (lines: MonitoringRow[], reviewed: boolean) => {
      if (!year || lines.length === 0) return;
      const done = await save.run({ year, period, changes: lines.map((l) => ({ lineId: l.lineId, reviewed })) });
      if (done)
        notify(
          'success',
          reviewed
            ? `Marked ${lines.length === 1 ? lines[0]!.code : `${lines.length} lines`} reviewed, no change, for P${period}.`
            : `${lines[0]!.code} is no longer marked reviewed for P${period}.`,
        );
    },
    [year, period, save, notify],
  );
  const untouched = (view?.rows ?? []).filter((r) => r.forecastSource !== 'this-period' && !r.reviewed);

  const table = () => {
    if (!view) return null;
    const head = ['Code', 'Budget line', 'Revised budget', 'Forecast outturn', 'Variance', 'Previous forecast', 'Movement', 'Actual to date', 'Commentary'];
    const body = [...rows, ...total].map((r) =>
      r.kind === 'group'
        ? [r.name]
        : [
            r.kind === 'line' ? r.code : '',
            r.name,
            r.budgetPence / 100,
            r.forecastPence / 100,
            r.variancePence / 100,
            r.previousPence / 100,
            r.movementPence / 100,
            r.kind === 'line' ? (r.actualPence === null ? '' : r.actualPence / 100) : r.actualPence / 100,
            r.kind === 'line' ? r.commentary : '',
          ],
    );
    return [head, ...body];
  };

  if (!year) return <EmptyYears />;
  const line = view?.rows.find((r) => r.lineId === historyLine);
  return (
    <section className="screen grid-screen" aria-labelledby="monitoring-title">
      <ScreenHead
        titleId="monitoring-title"
        title="High Needs monitoring"
        sub={
          <>
            {year}, {periodLongLabel(year, period)}
            {closed ? ' · outturn, year closed' : ' · positive variance is an overspend'}
          </>
        }
      >
        <PeriodPicker year={year} period={period} onChange={setPeriod} />
      </ScreenHead>
      <div className="command-bar" role="toolbar" aria-label="Monitoring actions">
        <Tooltip content={`The monitoring table and DSG position as the forum sees them (${shortcutOf('export-monitoring')})`} relationship="description">
          <BusyButton appearance="primary" busy={report.busy} icon={<ArrowDownloadRegular />} onClick={() => void report.run()}>
            {report.busy ? 'Exporting…' : 'Export to Excel'}
          </BusyButton>
        </Tooltip>
        <ReturnExportMenu />
        <Tooltip content={`Read a returned or finance-system workbook (${shortcutOf('import-workbook')})`} relationship="description">
          <Button icon={<ArrowImportRegular />} onClick={() => dispatchCommand('import-workbook')}>
            Import workbook…
          </Button>
        </Tooltip>
        <span className="command-gap" />
        {!closed && (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <MenuButton appearance="subtle" icon={<CheckmarkCircleRegular />} disabled={save.busy}>
                Reviewed, no change
              </MenuButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem
                  disabled={!focused || focused.forecastSource === 'this-period' || focused.reviewed}
                  onClick={() => focused && void markReviewed([focused], true)}
                >
                  {focused ? `Mark ${focused.code} reviewed for P${period}` : 'Mark the selected line reviewed (select a line first)'}
                </MenuItem>
                <MenuItem disabled={!focused?.reviewed} onClick={() => focused && void markReviewed([focused], false)}>
                  {focused?.reviewed ? `Clear the mark on ${focused.code}` : 'Clear the mark on the selected line'}
                </MenuItem>
                <MenuDivider />
                <MenuItem disabled={untouched.length === 0} onClick={() => void markReviewed(untouched, true)}>
                  Mark every line with no new P{period} forecast ({untouched.length})
                </MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
        <LineTools focusedLine={focusedLine} onHistory={setHistoryLine} table={table} />
      </div>
      {pos && view && (
        // biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset
        <div className="kpis" role="group" aria-label="Headline figures">
          <KpiCard label="Revised budget" pence={pos.budgetPence} />
          <KpiCard label="Forecast outturn" pence={pos.forecastPence} />
          <KpiCard
            label="Variance"
            pence={pos.variancePence}
            tone="cost"
            note={pos.variancePence > 0 ? 'overspend' : pos.variancePence < 0 ? 'underspend' : 'on budget'}
          />
          <KpiCard label={period === 1 ? 'Movement from budget' : `Movement since P${period - 1}`} pence={view.total.movementPence} tone="cost" />
          <KpiCard label="In-year position" pence={pos.inYearPence} tone="balance" note={`net funding ${money.format(pos.netFundingPence)}`} />
          <KpiCard
            label="DSG carried forward"
            pence={pos.carriedForwardPence}
            tone="balance"
            note={`brought forward ${money.format(pos.broughtForwardPence)}`}
          />
        </div>
      )}
      {isLoading && !view ? (
        <Spinner label="Loading monitoring" />
      ) : (
        <LinesGrid<MRow>
          label={`High Needs monitoring ${year} P${period}`}
          rows={rows}
          total={total}
          columns={columns}
          editable={EDITABLE}
          readOnlyReason={closedReason}
          draftScope={`${year}:${period}`}
          onCommit={commit}
          onInvalid={(title, lines) => notify('error', title, lines)}
          onReadOnlyAttempt={(reason) => notify('info', reason)}
          onLineFocused={setFocusedLine}
        />
      )}
      <HistoryDrawer
        subject={historyLine === null ? null : `budget_line:${historyLine}`}
        scope={`financial_year:${year}`}
        title={line ? `${line.code} ${line.name}` : ''}
        onClose={() => setHistoryLine(null)}
      />
    </section>
  );
}

/** The return sent to budget holders to fill in: every line, or one holder's lines. */
function ReturnExportMenu() {
  const { intent, setIntent } = useApp();
  const { exportReturn, busy } = useWorkbookExports();
  const [open, setOpen] = useState(false);
  const { data: lines } = useQuery({ queryKey: ['lines', 'active'], queryFn: () => api.listLines({}) });
  const holders = useMemo(() => [...new Set((lines ?? []).map((l) => l.holder.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB')), [lines]);
  // Asked for from the menu bar: open the choice here.
  useEffect(() => {
    if (intent !== 'choose-return-holder') return;
    setIntent(null);
    setOpen(true);
  }, [intent, setIntent]);
  return (
    <Menu open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <MenuTrigger disableButtonEnhancement>
        <Tooltip content={`A workbook for budget holders to fill in and send back (${shortcutOf('export-monitoring-return')})`} relationship="description">
          <MenuButton {...busyProps(busy, <DocumentTableArrowRightRegular />)}>Export return for budget holders</MenuButton>
        </Tooltip>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => void exportReturn()}>All lines</MenuItem>
          {holders.length > 0 && (
            <>
              <MenuDivider />
              <MenuGroup>
                <MenuGroupHeader>One budget holder's lines</MenuGroupHeader>
                {holders.map((h) => (
                  <MenuItem key={h} onClick={() => void exportReturn(h)}>
                    {h}
                  </MenuItem>
                ))}
              </MenuGroup>
            </>
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
