import { useCallback, useMemo, useRef, type ClipboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import {
  AllCommunityModule,
  ModuleRegistry,
  type CellEditRequestEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type RowClassParams,
} from 'ag-grid-community';
import { parseMoney } from '../../../electron/shared/money';
import { gridTheme } from './grid-theme';
import { planPaste, type PasteColumn } from './paste';
import { parseTsv, toTsv } from './tsv';

ModuleRegistry.registerModules([AllCommunityModule]);

export type Row = { kind: 'group' | 'line' | 'subtotal' | 'total'; rowId: string; lineId?: number; code?: string; name?: string };
export type Changes = Map<number, Record<string, number | string | null>>;

export interface EditableColumn {
  header: string;
  type: PasteColumn['type'];
}

interface Props<R extends Row> {
  label: string;
  rows: R[];
  total: R[];
  columns: Array<ColDef<R>>;
  /** Editable columns by colId; editing is off everywhere when readOnly. */
  editable: Record<string, EditableColumn>;
  readOnly: boolean;
  onCommit(changes: Changes, how: 'edit' | 'paste'): Promise<void> | void;
  onInvalid(title: string, lines: string[]): void;
  onLineFocused?(lineId: number | null): void;
  gridRef?: React.MutableRefObject<GridApi<R> | null>;
}

/**
 * The Excel-like grid behind the budget and monitoring screens: edit in place with the
 * keyboard, paste a block copied from Excel, copy a cell out. The server is the source of
 * truth: edits are requests (readOnlyEdit) and the grid shows what comes back.
 */
export function LinesGrid<R extends Row>(props: Props<R>) {
  const api = useRef<GridApi<R> | null>(null);
  const { editable, readOnly, onCommit, onInvalid } = props;

  const columnDefs = useMemo(
    () =>
      props.columns.map((c) => {
        const id = c.colId ?? (c.field as string);
        const own = typeof c.cellClass === 'string' ? [c.cellClass] : Array.isArray(c.cellClass) ? c.cellClass : [];
        if (!editable[id]) return { ...c, editable: false, cellClass: ['cell-computed', ...own] };
        return {
          ...c,
          editable: (p: { data?: R }) => !readOnly && p.data?.kind === 'line',
          cellClass: (p: { data?: R }) => [p.data?.kind === 'line' && !readOnly ? 'cell-input' : 'cell-computed', ...own],
          headerClass: [c.headerClass as string | undefined, readOnly ? '' : 'header-input'].filter(Boolean).join(' '),
        };
      }),
    [props.columns, editable, readOnly],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<R>) => {
      const colId = e.column.getColId();
      const spec = editable[colId];
      const lineId = e.data.lineId;
      if (!spec || lineId === undefined) return;
      const raw = e.newValue;
      let value: number | string | null;
      if (spec.type === 'text') value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
      else if (raw === null || raw === undefined || String(raw).trim() === '') value = null;
      else {
        const parsed = parseMoney(String(raw));
        if (!parsed.ok) return onInvalid(`${e.data.code}, ${spec.header}: ${parsed.reason}`, []);
        if (spec.type === 'money' && parsed.pence < 0) return onInvalid(`${e.data.code}, ${spec.header}: must not be negative`, []);
        value = parsed.pence;
      }
      if (value === e.oldValue || (value === null && (e.oldValue === null || e.oldValue === '' || e.oldValue === undefined))) return;
      void onCommit(new Map([[lineId, { [colId]: value }]]), 'edit');
    },
    [editable, onCommit, onInvalid],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const grid = api.current;
      if (!grid || grid.getEditingCells().length > 0) return;
      const focused = grid.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      event.preventDefault();
      if (readOnly) return onInvalid('This year is closed, so its figures cannot be changed.', []);
      const block = parseTsv(event.clipboardData.getData('text/plain'));
      if (block.length === 0) return;
      const targets = props.rows.map((r) => ({ lineId: r.kind === 'line' ? (r.lineId ?? null) : null, code: r.code ?? '', label: r.name ?? '' }));
      const columns: PasteColumn[] = grid.getAllDisplayedColumns().map((c) => {
        const spec = editable[c.getColId()];
        return { colId: c.getColId(), header: spec?.header ?? c.getColDef().headerName ?? '', editable: !!spec, type: spec?.type ?? 'text' };
      });
      const startCol = columns.findIndex((c) => c.colId === focused.column.getColId());
      const plan = planPaste(block, targets, focused.rowIndex, columns, Math.max(0, startCol));
      if (plan.errors.length) return onInvalid('Nothing was pasted: fix these cells and paste again.', plan.errors);
      void onCommit(plan.changes, 'paste');
    },
    [props.rows, editable, readOnly, onCommit, onInvalid],
  );

  const onCopy = useCallback((event: ClipboardEvent<HTMLDivElement>) => {
    const grid = api.current;
    if (!grid || grid.getEditingCells().length > 0) return;
    const focused = grid.getFocusedCell();
    if (!focused) return;
    const node = focused.rowPinned ? grid.getPinnedBottomRow(focused.rowIndex) : grid.getDisplayedRowAtIndex(focused.rowIndex);
    const value = node ? grid.getCellValue({ rowNode: node, colKey: focused.column }) : null;
    // Money goes out as pounds, a number Excel can add up.
    const cell = typeof value === 'number' && focused.column.getColId().endsWith('Pence') ? value / 100 : (value ?? '');
    event.clipboardData.setData('text/plain', toTsv([[cell as string | number]]));
    event.preventDefault();
  }, []);

  return (
    <div className="grid-frame" onPasteCapture={onPaste} onCopyCapture={onCopy}>
      <AgGridReact<R>
        theme={gridTheme}
        rowData={props.rows}
        pinnedBottomRowData={props.total}
        columnDefs={columnDefs}
        defaultColDef={{ sortable: false, resizable: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true }}
        getRowId={(p: GetRowIdParams<R>) => p.data.rowId}
        getRowClass={(p: RowClassParams<R>) => (p.data ? `row-${p.data.kind}` : undefined)}
        readOnlyEdit
        onCellEditRequest={onCellEditRequest}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressCellFocus={false}
        onCellFocused={(e) => {
          if (!props.onLineFocused || e.rowPinned || e.rowIndex === null || e.rowIndex === undefined) return;
          const row = api.current?.getDisplayedRowAtIndex(e.rowIndex)?.data;
          props.onLineFocused(row?.kind === 'line' ? (row.lineId ?? null) : null);
        }}
        onGridReady={(e) => {
          api.current = e.api;
          if (props.gridRef) props.gridRef.current = e.api;
        }}
        tooltipShowDelay={400}
      />
    </div>
  );
}
