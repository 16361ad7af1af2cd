import {
  Button,
  Dropdown,
  Menu,
  MenuButton,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Spinner,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowImportRegular, CopyRegular, DocumentTableArrowRightRegular, HistoryRegular } from '@fluentui/react-icons';
import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatPence } from '../../../electron/shared/money';
import { PERIODS, periodLongLabel } from '../../../electron/shared/periods';
import type { MonitoringRow, MonitoringTotals } from '../../../electron/shared/types';
import { api } from '../../../renderer/src/api/api';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { LineHistoryDrawer } from '../../history/ui/HistoryDrawer';
import { codeCol, moneyCol, nameCol, varianceClass } from '../../../renderer/src/grid/columns';
import { gridRows, type DisplayRow } from '../../../renderer/src/grid/display-rows';
import { LinesGrid, type Changes, type EditableColumn } from '../../../renderer/src/grid/LinesGrid';
import { MoneyEditor } from '../../../renderer/src/grid/MoneyEditor';
import { toTsv } from '../../../renderer/src/grid/tsv';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { useMenuCommand } from '../../../renderer/src/state/menu';
import { saveWorkbook } from '../../../renderer/src/api/save-file';
import { useWorkbookExports } from '../../imports/ui/export-actions';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

type MRow = DisplayRow<MonitoringRow, MonitoringTotals> & { lineId?: number };

/** Six money columns at this width leave the commentary room at 1366x768 beside a scrollbar. */
const W = 112;

const EDITABLE: Record<string, EditableColumn> = {
  forecastPence: { header: 'Forecast outturn', type: 'money' },
  actualPence: { header: 'Actual to date', type: 'signed-money' },
  commentary: { header: 'Commentary', type: 'text' },
};

function sourceNote(r: MRow): string | undefined {
  if (r.kind !== 'line') return undefined;
  if (r.forecastSource === 'earlier-period') return `No new forecast this period: P${r.forecastFromPeriod}'s stands`;
  if (r.forecastSource === 'budget') return 'No forecast yet: the revised budget is assumed';
  return undefined;
}

export function MonitoringScreen() {
  const app = useApp();
  const { year, period, setPeriod, closed, refresh, reportError, notify } = app;
  const [historyLine, setHistoryLine] = useState<number | null>(null);
  const [focusedLine, setFocusedLine] = useState<number | null>(null);
  const { data: view, loading } = useLoad(() => (year ? api.getMonitoring({ year, period }) : Promise.resolve(null)), [year, period]);
  const { rows, total } = useMemo(() => gridRows(view) as { rows: MRow[]; total: MRow[] }, [view]);

  const columns = useMemo<Array<ColDef<MRow>>>(
    () => [
      codeCol<MRow>(),
      nameCol<MRow>(204),
      moneyCol<MRow>('budgetPence', 'Revised budget', { width: W }),
      moneyCol<MRow>('forecastPence', 'Forecast outturn', {
        width: W,
        cellEditor: MoneyEditor,
        tooltipValueGetter: (p) => sourceNote(p.data as MRow),
        cellClassRules: { 'cell-carried': (p) => (p.data as MRow)?.kind === 'line' && (p.data as MonitoringRow).forecastSource !== 'this-period' },
      }),
      moneyCol<MRow>('variancePence', 'Variance', { width: W, cellClassRules: varianceClass }),
      moneyCol<MRow>('previousPence', period === 1 ? 'Previous (budget)' : `Previous (P${period - 1})`, { width: W }),
      moneyCol<MRow>('movementPence', 'Movement', { width: W, cellClassRules: varianceClass }),
      moneyCol<MRow>('actualPence', 'Actual to date', { width: W, cellEditor: MoneyEditor }),
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
    [period],
  );

  const commit = useCallback(
    async (changes: Changes, how: 'edit' | 'paste') => {
      if (!year) return;
      try {
        await api.setForecasts({
          year,
          period,
          changes: [...changes].map(([lineId, c]) => ({
            lineId,
            ...(c as { forecastPence?: number | null; actualPence?: number | null; commentary?: string | null }),
          })),
        });
        if (how === 'paste')
          notify('success', `Pasted ${[...changes.values()].reduce((s, c) => s + Object.keys(c).length, 0)} cells. Undo reverses the whole paste.`);
        refresh();
      } catch (e) {
        reportError(e);
      }
    },
    [year, period, refresh, reportError, notify],
  );

  const exportWorkbook = useCallback(async () => {
    if (!year) return;
    try {
      const saved = await saveWorkbook(await api.buildMonitoringWorkbook({ year, period }));
      if (saved) notify('success', `Saved ${saved}`);
    } catch (e) {
      reportError(e);
    }
  }, [year, period, notify, reportError]);

  useMenuCommand('export-monitoring', () => void exportWorkbook());

  const copyTable = useCallback(async () => {
    if (!view) return;
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
    await navigator.clipboard.writeText(toTsv([head, ...body]));
    notify('success', 'Table copied: paste it into Excel.');
  }, [view, rows, total, notify]);

  if (!year) return <EmptyYears />;
  const line = view?.rows.find((r) => r.lineId === historyLine);
  const pos = view?.position;
  return (
    <section className="screen" aria-labelledby="monitoring-title">
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
        <label className="header-field">
          <span id="period-label">Period</span>
          <Dropdown
            aria-labelledby="period-label"
            className="period-dropdown"
            value={periodLongLabel(year, period)}
            selectedOptions={[String(period)]}
            onOptionSelect={(_, d) => d.optionValue && setPeriod(Number(d.optionValue))}
          >
            {PERIODS.map((p) => (
              <Option key={p} value={String(p)} text={periodLongLabel(year, p)}>
                {periodLongLabel(year, p)}
              </Option>
            ))}
          </Dropdown>
        </label>
      </ScreenHead>
      <div className="command-bar">
        <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={() => void exportWorkbook()}>
          Export to Excel
        </Button>
        <ReturnExportMenu />
        <Button icon={<ArrowImportRegular />} onClick={() => app.setImporting(true)}>
          Import workbook…
        </Button>
        <span className="command-gap" />
        <Tooltip content="History of the selected line" relationship="description">
          <Button appearance="subtle" icon={<HistoryRegular />} disabled={focusedLine === null} onClick={() => setHistoryLine(focusedLine)}>
            History
          </Button>
        </Tooltip>
        <Button appearance="subtle" icon={<CopyRegular />} onClick={() => void copyTable()}>
          Copy table
        </Button>
      </div>
      {pos && (
        <div className="kpis" aria-label="Headline figures">
          <KpiCard label="Revised budget" pence={pos.budgetPence} />
          <KpiCard label="Forecast outturn" pence={pos.forecastPence} />
          <KpiCard
            label="Variance"
            pence={pos.variancePence}
            tone="cost"
            note={pos.variancePence > 0 ? 'overspend' : pos.variancePence < 0 ? 'underspend' : 'on budget'}
          />
          <KpiCard label={period === 1 ? 'Movement from budget' : `Movement since P${period - 1}`} pence={view!.total.movementPence} tone="cost" />
          <KpiCard label="In-year position" pence={pos.inYearPence} tone="balance" note={`net funding ${formatPence(pos.netFundingPence)}`} />
          <KpiCard
            label="DSG carried forward"
            pence={pos.carriedForwardPence}
            tone="balance"
            note={`brought forward ${formatPence(pos.broughtForwardPence)}`}
          />
        </div>
      )}
      {loading && !view ? (
        <Spinner label="Loading monitoring" />
      ) : (
        <LinesGrid<MRow>
          label={`High Needs monitoring ${year} P${period}`}
          rows={rows}
          total={total}
          columns={columns}
          editable={EDITABLE}
          readOnly={closed}
          onCommit={commit}
          onInvalid={(title, lines) => notify('error', title, lines)}
          onLineFocused={setFocusedLine}
        />
      )}
      <LineHistoryDrawer lineId={historyLine} title={line ? `${line.code} ${line.name}` : ''} year={year} onClose={() => setHistoryLine(null)} />
    </section>
  );
}

/** The return sent to budget holders to fill in: every line, or one holder's lines. */
function ReturnExportMenu() {
  const { intent, setIntent } = useApp();
  const { exportReturn } = useWorkbookExports();
  const [open, setOpen] = useState(false);
  const { data: lines } = useLoad(() => api.listLines({}), []);
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
        <MenuButton icon={<DocumentTableArrowRightRegular />}>Export return for budget holders</MenuButton>
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

export function EmptyYears() {
  const { setScreen } = useApp();
  return (
    <section className="screen empty">
      <h1>No years yet</h1>
      <p>Add a financial year under Years and funding to start entering budgets and forecasts.</p>
      <Button appearance="primary" onClick={() => setScreen('years')}>
        Go to Years and funding
      </Button>
    </section>
  );
}
