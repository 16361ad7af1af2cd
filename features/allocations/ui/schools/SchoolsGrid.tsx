import type { CellKeyDownEvent, ColDef, GetRowIdParams, RowClassParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { pinnedNameWidth } from '../../../../renderer/src/grid/column-widths';
import { gridTheme } from '../../../../renderer/src/grid/grid-theme';
import '../../../../renderer/src/grid/grid-modules';
import type { DataColumnInfo, SchoolYearRow } from '../../types';
import { BUY_IN_STATUS_LABELS, PHASE_LABELS, SCHOOL_STATUS_LABELS, SCHOOL_TYPE_LABELS } from '../../words';
import { dataText } from './data-values';

export type SchoolRow = SchoolYearRow & { isTotal?: boolean };

interface Props {
  year: string;
  rows: SchoolYearRow[];
  columns: DataColumnInfo[];
  /** A partnership's full name by id ("North AIP › Brook cluster"), for the tooltip. */
  partnershipLabels: Map<number, string>;
  onOpen(id: number): void;
}

/** The shown schools' data added up, under the grid. */
function totalRow(rows: SchoolYearRow[], columns: DataColumnInfo[]): SchoolRow {
  const data: Record<string, number> = {};
  for (const c of columns) {
    const withFigure = rows.filter((r) => typeof r.data[c.key] === 'number');
    // Summed in ten-thousandths, as the formula does, so 0.1 + 0.2 shows as 0.3.
    if (withFigure.length) data[c.key] = withFigure.reduce((s, r) => s + Math.round(r.data[c.key]! * 10_000), 0) / 10_000;
  }
  return {
    isTotal: true,
    id: 0,
    urn: 0,
    name: `Total, ${rows.length} ${rows.length === 1 ? 'school' : 'schools'}`,
    phase: 'not_applicable',
    type: 'maintained',
    trust: '',
    status: 'open',
    partnershipId: null,
    partnershipName: null,
    buyIn: null,
    buyInDecidedOn: null,
    buyInNote: '',
    data,
  };
}

/**
 * The schools of a year, a row each: URN, name, type and phase, open or closed, the partnership
 * it is in that year, its buy-in decision, and its data, one column per data column, added up
 * underneath. Sorted by any column; Enter or a double-click on a row opens the school.
 */
export function SchoolsGrid({ year, rows, columns, partnershipLabels, onOpen }: Props) {
  const defs = useMemo<Array<ColDef<SchoolRow>>>(
    () => [
      {
        colId: 'urn',
        field: 'urn',
        headerName: 'URN',
        width: 88,
        pinned: 'left',
        // The total's words take the URN and name columns together.
        valueFormatter: (p) => (p.data?.isTotal ? p.data.name : String(p.value)),
        colSpan: (p) => (p.data?.isTotal ? 2 : 1),
      },
      {
        colId: 'name',
        field: 'name',
        headerName: 'School',
        width: pinnedNameWidth(230, window.innerWidth),
        pinned: 'left',
        tooltipField: 'name',
        valueGetter: (p) => p.data?.name,
      },
      {
        colId: 'type',
        field: 'type',
        headerName: 'Type',
        width: 130,
        valueFormatter: (p) => (p.data?.isTotal ? '' : SCHOOL_TYPE_LABELS[p.value as keyof typeof SCHOOL_TYPE_LABELS]),
      },
      {
        colId: 'phase',
        field: 'phase',
        headerName: 'Phase',
        width: 104,
        valueFormatter: (p) => (p.data?.isTotal ? '' : PHASE_LABELS[p.value as keyof typeof PHASE_LABELS]),
      },
      {
        colId: 'status',
        field: 'status',
        headerName: 'Open or closed',
        width: 84,
        valueFormatter: (p) => (p.data?.isTotal ? '' : SCHOOL_STATUS_LABELS[p.value as keyof typeof SCHOOL_STATUS_LABELS]),
      },
      {
        colId: 'partnership',
        headerName: `Partnership, ${year}`,
        width: 190,
        valueGetter: (p) => (p.data?.isTotal ? '' : (p.data?.partnershipName ?? 'None')),
        tooltipValueGetter: (p) => (p.data?.partnershipId ? partnershipLabels.get(p.data.partnershipId) : undefined),
        cellClass: (p) => (p.data && !p.data.isTotal && !p.data.partnershipId ? 'muted-cell' : undefined),
      },
      {
        colId: 'buyIn',
        headerName: `Buy-in, ${year}`,
        width: 124,
        valueGetter: (p) => (p.data?.isTotal ? '' : p.data?.buyIn ? BUY_IN_STATUS_LABELS[p.data.buyIn] : 'Not recorded'),
        tooltipValueGetter: (p) => (p.data?.buyInNote ? p.data.buyInNote : undefined),
        cellClass: (p) => (p.data && !p.data.isTotal && !p.data.buyIn ? 'muted-cell' : undefined),
      },
      {
        colId: 'decidedOn',
        field: 'buyInDecidedOn',
        headerName: 'Decided on',
        width: 104,
        valueFormatter: (p) => (p.value ? ukDate(p.value as string) : ''),
      },
      ...columns.map<ColDef<SchoolRow>>((c) => ({
        colId: `data-${c.key}`,
        headerName: c.name,
        headerTooltip: c.description ? `${c.name}: ${c.description}` : `${c.name} (${c.key})`,
        width: 104,
        valueGetter: (p) => p.data?.data[c.key] ?? null,
        valueFormatter: (p) => dataText(p.value as number | null),
        headerClass: 'ag-right-aligned-header',
        cellClass: 'ag-right-aligned-cell',
      })),
      { colId: 'trust', field: 'trust', headerName: 'Trust', width: 180, tooltipField: 'trust' },
    ],
    [year, columns, partnershipLabels],
  );
  const total = useMemo(() => totalRow(rows, columns), [rows, columns]);

  const openFromKeyboard = (e: CellKeyDownEvent<SchoolRow>) => {
    const key = e.event as KeyboardEvent | undefined;
    if (key?.key === 'Enter' && e.data && !e.data.isTotal) onOpen(e.data.id);
  };

  return (
    <div className="grid-frame schools-grid">
      <AgGridReact<SchoolRow>
        theme={gridTheme}
        rowData={rows}
        pinnedBottomRowData={[total]}
        columnDefs={defs}
        defaultColDef={{ sortable: true, resizable: true, suppressMovable: true, wrapHeaderText: true }}
        headerHeight={46}
        getRowId={(p: GetRowIdParams<SchoolRow>) => (p.data.isTotal ? 'total' : String(p.data.id))}
        getRowClass={(p: RowClassParams<SchoolRow>) => (p.data?.isTotal ? 'row-total' : undefined)}
        onCellKeyDown={openFromKeyboard}
        onRowDoubleClicked={(e) => e.data && !e.data.isTotal && onOpen(e.data.id)}
        // Tab moves on to the next control on the page; arrows move between cells.
        tabToNextCell={() => false}
        tooltipShowDelay={400}
        // Every column is drawn, so each data column's heading can be found on the page; rows are still drawn as they scroll in.
        suppressColumnVirtualisation
        overlayNoRowsTemplate="<span>No schools match these filters.</span>"
      />
    </div>
  );
}
