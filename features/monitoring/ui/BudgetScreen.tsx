import { Button, Spinner, Tooltip } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowImportRegular, ArrowSwapRegular } from '@fluentui/react-icons';
import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { shortcutOf } from '../../../electron/shared/menu';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { codeCol, moneyCol, nameCol, varianceClass } from '../../../renderer/src/grid/columns';
import { type DisplayRow, gridRows } from '../../../renderer/src/grid/display-rows';
import { LineTools } from '../../../renderer/src/grid/LineTools';
import { type Changes, type CommitResult, type EditableColumn, LinesGrid } from '../../../renderer/src/grid/LinesGrid';
import { MoneyEditor } from '../../../renderer/src/grid/MoneyEditor';
import { useApp } from '../../../renderer/src/state/app-state';
import { dispatchCommand } from '../../../renderer/src/state/commands';
import { HistoryDrawer } from '../../history/ui/HistoryDrawer';
import { useWorkbookExports } from '../../imports/ui/export-actions';
import type { BudgetRow, BudgetTotals } from '../types';
import { useBudgetGrid, useSetBudgets } from './data';
import { VirementDialog } from './VirementDialog';
import './monitoring.css';

type BRow = DisplayRow<BudgetRow, BudgetTotals> & { lineId?: number };

const EDITABLE: Record<string, EditableColumn> = {
  originalPence: { header: 'Original budget', type: 'money' },
  revisedPence: { header: 'Revised budget', type: 'money' },
};

export default function BudgetScreen() {
  const { year, closed, notify, money } = useApp();
  const { exportBudget, busy: exporting } = useWorkbookExports();
  const { data: grid, isLoading } = useBudgetGrid(year);
  const save = useSetBudgets();
  const [virement, setVirement] = useState(false);
  const [focusedLine, setFocusedLine] = useState<number | null>(null);
  const [historyLine, setHistoryLine] = useState<number | null>(null);
  const { rows, total } = useMemo(() => gridRows(grid ?? null) as { rows: BRow[]; total: BRow[] }, [grid]);
  const closedReason =
    closed && year ? `${year} is closed, so its budgets cannot change. Reopen it under Years and funding, giving a reason, to change them.` : null;

  const columns = useMemo<Array<ColDef<BRow>>>(
    () => [
      codeCol<BRow>(),
      nameCol<BRow>(300),
      { colId: 's251Code', field: 's251Code', headerName: 's251 line', width: 90 },
      { colId: 'holder', field: 'holder', headerName: 'Budget holder', flex: 1, minWidth: 140, tooltipField: 'holder' },
      moneyCol<BRow>('originalPence', 'Original budget', money, { cellEditor: MoneyEditor, width: 140 }),
      moneyCol<BRow>('revisedPence', 'Revised budget', money, { cellEditor: MoneyEditor, width: 140 }),
      moneyCol<BRow>('virementPence', 'Virements', money, { width: 120, cellClassRules: varianceClass }),
    ],
    [money],
  );

  const commit = useCallback(
    async (changes: Changes, how: 'edit' | 'paste'): Promise<CommitResult> => {
      if (!year) return { ok: false, reason: 'no year is chosen' };
      const list = [...changes].map(([lineId, c]) => ({
        lineId,
        // A cleared budget cell means nil, not "unknown".
        ...(c.originalPence !== undefined ? { originalPence: (c.originalPence as number | null) ?? 0 } : {}),
        ...(c.revisedPence !== undefined ? { revisedPence: (c.revisedPence as number | null) ?? 0 } : {}),
      }));
      const done = await save.run({ year, changes: list });
      if (!done) return { ok: false, reason: save.lastError() ?? 'the workspace refused it' };
      if (how === 'paste') notify('success', `Pasted budgets for ${list.length} lines. Undo (${shortcutOf('undo')}) reverses the whole paste.`);
      return { ok: true };
    },
    [year, save, notify],
  );

  const table = () => {
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
    return [head, ...body];
  };

  if (!year) return <EmptyYears />;
  const line = grid?.rows.find((r) => r.lineId === historyLine);
  const net = grid?.total.virementPence ?? 0;
  return (
    <section className="screen grid-screen" aria-labelledby="budget-title">
      <ScreenHead
        titleId="budget-title"
        title="High Needs budget"
        sub={<>{year} · type over a white cell, or paste a column copied from Excel. Revised budget follows the original until a virement is made.</>}
      />
      <div className="command-bar" role="toolbar" aria-label="Budget actions">
        <Tooltip content={`The budget as a workbook to fill in and import back (${shortcutOf('export-budget')})`} relationship="description">
          <BusyButton appearance="primary" busy={exporting} icon={<ArrowDownloadRegular />} onClick={() => void exportBudget()}>
            Export budget workbook
          </BusyButton>
        </Tooltip>
        <Tooltip content={`Read a returned budget workbook (${shortcutOf('import-workbook')})`} relationship="description">
          <Button icon={<ArrowImportRegular />} onClick={() => dispatchCommand('import-workbook')}>
            Import workbook…
          </Button>
        </Tooltip>
        {!closed && (
          <Button icon={<ArrowSwapRegular />} onClick={() => setVirement(true)}>
            Virement…
          </Button>
        )}
        <span className="command-gap" />
        <LineTools focusedLine={focusedLine} onHistory={setHistoryLine} table={table} />
      </div>
      {grid && (
        // biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset
        <div className="kpis" role="group" aria-label="Budget totals">
          <KpiCard label="Original budget" pence={grid.total.originalPence} />
          <KpiCard label="Revised budget" pence={grid.total.revisedPence} />
          <KpiCard
            label="Virements, net"
            pence={net}
            tone="cost"
            note={net === 0 ? 'moves between lines balance' : `do not balance: the budget is ${net > 0 ? 'up' : 'down'} overall`}
          />
        </div>
      )}
      {isLoading && !grid ? (
        <Spinner label="Loading budget" />
      ) : (
        <LinesGrid<BRow>
          label={`High Needs budget ${year}`}
          rows={rows}
          total={total}
          columns={columns}
          editable={EDITABLE}
          readOnlyReason={closedReason}
          draftScope={year}
          onCommit={commit}
          onInvalid={(title, lines) => notify('error', title, lines)}
          onReadOnlyAttempt={(reason) => notify('info', reason)}
          onLineFocused={setFocusedLine}
        />
      )}
      <VirementDialog
        open={virement}
        lines={grid?.rows ?? []}
        busy={save.busy}
        onClose={() => setVirement(false)}
        onSave={async (changes) => {
          const done = await save.run({ year, purpose: 'virement', changes });
          if (done) notify('success', `Virement saved across ${changes.length} lines.`);
          return !!done;
        }}
      />
      <HistoryDrawer
        subject={historyLine === null ? null : `budget_line:${historyLine}`}
        scope={`financial_year:${year}`}
        title={line ? `${line.code} ${line.name}` : ''}
        onClose={() => setHistoryLine(null)}
      />
    </section>
  );
}
