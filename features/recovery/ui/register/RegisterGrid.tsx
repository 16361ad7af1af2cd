import type { CellKeyDownEvent, ColDef, GetRowIdParams, RowClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import type { MoneyFormat } from '../../../../electron/shared/money';
import { moneyCol } from '../../../../renderer/src/grid/columns';
import { pinnedNameWidth } from '../../../../renderer/src/grid/column-widths';
import { gridTheme } from '../../../../renderer/src/grid/grid-theme';
import '../../../../renderer/src/grid/grid-modules';
import type { ProjectSummary } from '../../types';
import { FUNDING_SOURCE_LABELS, RAG_LABELS, RAGS } from '../../words';
import { CodeCell, MilestoneCell, RagCell, type RegisterRow } from './grid-cells';

export type { RegisterRow };

interface Props {
  rows: ProjectSummary[];
  total: RegisterRow;
  money: MoneyFormat;
  onOpen(id: number): void;
}

const W = 112;

/** RAG sorts by severity, red first; a project not yet rated sorts last. */
const ragOrder = (rag: unknown) => (typeof rag === 'string' ? RAGS.indexOf(rag as (typeof RAGS)[number]) : RAGS.length);

/**
 * The register: one row a project, sortable by any column (click a heading, or Enter on it), with
 * its totals pinned underneath. Filtering happens before the rows arrive, so the totals are always
 * those of the rows shown.
 */
export function RegisterGrid({ rows, total, money, onOpen }: Props) {
  const columns = useMemo<Array<ColDef<RegisterRow>>>(
    () => [
      {
        colId: 'code',
        field: 'code',
        headerName: 'Code',
        width: 96,
        pinned: 'left',
        cellRenderer: CodeCell,
        comparator: (a: string, b: string) => a.localeCompare(b, 'en-GB', { numeric: true }),
      },
      { colId: 'name', field: 'name', headerName: 'Project', width: pinnedNameWidth(230, window.innerWidth), pinned: 'left', tooltipField: 'name' },
      {
        colId: 'rag',
        field: 'rag',
        headerName: 'RAG',
        width: 104,
        cellRenderer: RagCell,
        comparator: (a, b) => ragOrder(a) - ragOrder(b),
        tooltipValueGetter: (p) =>
          p.data && !p.data.isTotal && p.data.rag ? `${RAG_LABELS[p.data.rag]}: ${p.data.ragReason || 'no reason given'}` : undefined,
      },
      { colId: 'workstream', field: 'workstream', headerName: 'Workstream', width: 150, tooltipField: 'workstream' },
      { colId: 'owner', field: 'owner', headerName: 'Owner', width: 130, tooltipField: 'owner' },
      {
        colId: 'fundingSource',
        field: 'fundingSource',
        headerName: 'Funding source',
        width: 150,
        valueFormatter: (p) => (p.data?.isTotal || !p.value ? '' : FUNDING_SOURCE_LABELS[p.value as keyof typeof FUNDING_SOURCE_LABELS]),
      },
      moneyCol<RegisterRow>('approvedBudgetPence', 'Approved budget', money, { width: W }),
      moneyCol<RegisterRow>('spendToDatePence', 'Spend to date', money, { width: W }),
      moneyCol<RegisterRow>('forecastPence', 'Forecast', money, { width: W }),
      moneyCol<RegisterRow>('totalTargetPence', 'Target savings', money, { width: W }),
      moneyCol<RegisterRow>('totalDeliveredPence', 'Delivered savings', money, { width: W }),
      {
        colId: 'nextMilestone',
        headerName: 'Next milestone',
        width: 230,
        valueGetter: (p) => p.data?.nextMilestone?.dueOn ?? null,
        cellRenderer: MilestoneCell,
        tooltipValueGetter: (p) => {
          const m = p.data?.nextMilestone;
          return m ? `${m.title}, due ${ukDate(m.dueOn)}${m.overdue ? ' (overdue)' : ''}` : undefined;
        },
      },
      {
        colId: 'scenarios',
        headerName: 'Scenarios',
        width: 180,
        valueGetter: (p) => (p.data?.isTotal ? '' : (p.data?.scenarioNames ?? []).join(', ') || 'None'),
        tooltipValueGetter: (p) => (p.data?.isTotal ? undefined : (p.data?.scenarioNames ?? []).join(', ')),
      },
    ],
    [money],
  );

  const openFromKeyboard = (e: CellKeyDownEvent<RegisterRow>) => {
    const key = e.event as KeyboardEvent | undefined;
    if (key?.key === 'Enter' && e.data && !e.data.isTotal) onOpen(e.data.id);
  };

  return (
    <div className="grid-frame register-grid">
      <AgGridReact<RegisterRow>
        theme={gridTheme}
        rowData={rows}
        pinnedBottomRowData={[total]}
        columnDefs={columns}
        // Headings wrap to two lines in a fixed height: measuring each heading's height costs more than the rows.
        defaultColDef={{ sortable: true, resizable: true, suppressMovable: true, wrapHeaderText: true }}
        headerHeight={46}
        getRowId={(p: GetRowIdParams<RegisterRow>) => (p.data.isTotal ? 'total' : String(p.data.id))}
        getRowClass={(p: RowClassParams<RegisterRow>) => (p.data?.isTotal ? 'row-total' : undefined)}
        onCellKeyDown={openFromKeyboard}
        onRowDoubleClicked={(e) => e.data && !e.data.isTotal && onOpen(e.data.id)}
        // Tab moves on to the next control on the page; arrows move between cells.
        tabToNextCell={() => false}
        tooltipShowDelay={400}
        overlayNoRowsTemplate="<span>No projects match these filters.</span>"
      />
    </div>
  );
}
