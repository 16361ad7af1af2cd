import { Button, Spinner } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowImportRegular, CopyRegular } from '@fluentui/react-icons';
import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import type { BudgetRow, BudgetTotals } from '../../../electron/shared/types';
import { api } from '../../../renderer/src/api/api';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { codeCol, moneyCol, nameCol } from '../../../renderer/src/grid/columns';
import { gridRows, type DisplayRow } from '../../../renderer/src/grid/display-rows';
import { LinesGrid, type Changes, type EditableColumn } from '../../../renderer/src/grid/LinesGrid';
import { MoneyEditor } from '../../../renderer/src/grid/MoneyEditor';
import { toTsv } from '../../../renderer/src/grid/tsv';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { useWorkbookExports } from '../../imports/ui/export-actions';
import { EmptyYears } from './MonitoringScreen';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

type BRow = DisplayRow<BudgetRow, BudgetTotals> & { lineId?: number };

const EDITABLE: Record<string, EditableColumn> = {
  originalPence: { header: 'Original budget', type: 'money' },
  revisedPence: { header: 'Revised budget', type: 'money' },
};

export function BudgetScreen() {
  const { year, closed, refresh, reportError, notify, setImporting } = useApp();
  const { exportBudget } = useWorkbookExports();
  const { data: grid, loading } = useLoad(() => (year ? api.getBudgetGrid({ year }) : Promise.resolve(null)), [year]);
  const { rows, total } = useMemo(() => gridRows(grid) as { rows: BRow[]; total: BRow[] }, [grid]);

  const columns = useMemo<Array<ColDef<BRow>>>(
    () => [
      codeCol<BRow>(),
      nameCol<BRow>(320),
      { colId: 's251Code', field: 's251Code', headerName: 's251 line', width: 90 },
      { colId: 'holder', field: 'holder', headerName: 'Budget holder', flex: 1, minWidth: 160, tooltipField: 'holder' },
      moneyCol<BRow>('originalPence', 'Original budget', { cellEditor: MoneyEditor, width: 140 }),
      moneyCol<BRow>('revisedPence', 'Revised budget', { cellEditor: MoneyEditor, width: 140 }),
      moneyCol<BRow>('virementPence', 'Virements', { width: 120 }),
    ],
    [],
  );

  const commit = useCallback(
    async (changes: Changes, how: 'edit' | 'paste') => {
      if (!year) return;
      const list = [...changes].map(([lineId, c]) => ({
        lineId,
        // A cleared budget cell means nil, not "unknown".
        ...(c.originalPence !== undefined ? { originalPence: (c.originalPence as number | null) ?? 0 } : {}),
        ...(c.revisedPence !== undefined ? { revisedPence: (c.revisedPence as number | null) ?? 0 } : {}),
      }));
      try {
        await api.setBudgets({ year, changes: list });
        if (how === 'paste') notify('success', `Pasted budgets for ${list.length} lines. Undo reverses the whole paste.`);
        refresh();
      } catch (e) {
        reportError(e);
      }
    },
    [year, refresh, reportError, notify],
  );

  const copyTable = useCallback(async () => {
    const head = ['Code', 'Budget line', 's251 line', 'Budget holder', 'Original budget', 'Revised budget', 'Virements'];
    const body = [...rows, ...total].map((r) =>
      r.kind === 'group'
        ? [r.name]
        : [
            r.kind === 'line' ? r.code : '',
            r.name,
            r.kind === 'line' ? (r.s251Code ?? '') : '',
            r.kind === 'line' ? r.holder : '',
            r.originalPence / 100,
            r.revisedPence / 100,
            r.virementPence / 100,
          ],
    );
    await navigator.clipboard.writeText(toTsv([head, ...body]));
    notify('success', 'Table copied: paste it into Excel.');
  }, [rows, total, notify]);

  if (!year) return <EmptyYears />;
  return (
    <section className="screen" aria-labelledby="budget-title">
      <ScreenHead
        titleId="budget-title"
        title="High Needs budget"
        sub={<>{year} · type over a white cell, or paste a column copied from Excel. Revised budget follows the original until a virement is made.</>}
      >
        <Button icon={<CopyRegular />} onClick={() => void copyTable()}>
          Copy table
        </Button>
        <Button appearance="primary" icon={<ArrowDownloadRegular />} onClick={() => void exportBudget()}>
          Export budget workbook
        </Button>
        <Button icon={<ArrowImportRegular />} onClick={() => setImporting(true)}>
          Import workbook…
        </Button>
      </ScreenHead>
      {grid && (
        <div className="kpis" aria-label="Budget totals">
          <KpiCard label="Original budget" pence={grid.total.originalPence} />
          <KpiCard label="Revised budget" pence={grid.total.revisedPence} />
          <KpiCard label="Virements" pence={grid.total.virementPence} note="net of moves between lines" />
        </div>
      )}
      {loading && !grid ? (
        <Spinner label="Loading budget" />
      ) : (
        <LinesGrid<BRow>
          label={`High Needs budget ${year}`}
          rows={rows}
          total={total}
          columns={columns}
          editable={EDITABLE}
          readOnly={closed}
          onCommit={commit}
          onInvalid={(title, lines) => notify('error', title, lines)}
        />
      )}
    </section>
  );
}
