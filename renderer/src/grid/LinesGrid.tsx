import { Button } from '@fluentui/react-components';
import { DismissRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { CellEditRequestEvent, CellKeyDownEvent, ColDef, GetRowIdParams, GridApi, RowClassParams, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { type ClipboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parseMoney } from '../../../electron/shared/money';
import { gridTheme } from './grid-theme';
import { type PasteColumn, planPaste } from './paste';
import { parseTsv, toTsv } from './tsv';

import './grid-modules';

export type Row = { kind: 'group' | 'line' | 'subtotal' | 'total'; rowId: string; lineId?: number; code?: string; name?: string };
export type Changes = Map<number, Record<string, number | string | null>>;

export interface EditableColumn {
  header: string;
  type: PasteColumn['type'];
}

/** What a save said: nothing, or why it was refused. */
export type CommitResult = { ok: true } | { ok: false; reason: string };

interface Props<R extends Row> {
  label: string;
  rows: R[];
  total: R[];
  columns: Array<ColDef<R>>;
  /** Editable columns by colId; editing is off everywhere when readOnly. */
  editable: Record<string, EditableColumn>;
  /** Why nothing can be typed (a closed year), said when someone starts typing; null when open. */
  readOnlyReason: string | null;
  /** Typed values not yet saved are kept per scope (a year and period): a new scope starts clean. */
  draftScope: string;
  onCommit(changes: Changes, how: 'edit' | 'paste'): Promise<CommitResult>;
  onInvalid(title: string, lines: string[]): void;
  onReadOnlyAttempt?(reason: string): void;
  onLineFocused?(lineId: number | null): void;
  gridRef?: React.MutableRefObject<GridApi<R> | null>;
}

/** A value typed into a cell that could not be saved: it stays in the cell, with the reason, until fixed or discarded. */
interface Draft {
  lineId: number;
  colId: string;
  code: string;
  header: string;
  text: string;
  reason: string;
}

const draftKey = (lineId: number, colId: string) => `${lineId}:${colId}`;
const isPrintable = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

/**
 * The Excel-like grid behind the budget and monitoring screens: edit in place with the
 * keyboard, paste a block copied from Excel, copy a cell out. The server is the source of
 * truth: edits are requests (readOnlyEdit) and the grid shows what comes back. A value that is
 * refused stays in its cell, marked, with the reason beside the grid, so nothing typed is lost.
 * Tab leaves the grid; the arrow keys, Enter and F2 work inside it.
 */
export function LinesGrid<R extends Row>(props: Props<R>) {
  const api = useRef<GridApi<R> | null>(null);
  const { editable, readOnlyReason, onCommit, onInvalid, onReadOnlyAttempt, draftScope } = props;
  const readOnly = readOnlyReason !== null;
  const [drafts, setDrafts] = useState<Map<string, Draft>>(new Map());
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;

  // A new year or period starts with nothing typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: draftScope is what this effect runs on, not a value it reads
  useEffect(() => setDrafts(new Map()), [draftScope]);
  // The cells read the drafts through a ref: show a change to them at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: drafts is what this effect runs on, not a value it reads
  useEffect(() => api.current?.refreshCells({ force: true }), [drafts]);

  const setDraft = useCallback((d: Draft | null, lineId?: number, colId?: string) => {
    setDrafts((prev) => {
      const next = new Map(prev);
      if (d) next.set(draftKey(d.lineId, d.colId), d);
      else if (lineId !== undefined && colId !== undefined) next.delete(draftKey(lineId, colId));
      return next;
    });
  }, []);

  const columnDefs = useMemo(
    () =>
      props.columns.map((c) => {
        const id = c.colId ?? (c.field as string);
        const own = typeof c.cellClass === 'string' ? [c.cellClass] : Array.isArray(c.cellClass) ? c.cellClass : [];
        if (!editable[id]) return { ...c, editable: false, cellClass: ['cell-computed', ...own] };
        const formatter = c.valueFormatter as ((p: ValueFormatterParams<R>) => string) | undefined;
        return {
          ...c,
          editable: (p: { data?: R }) => !readOnly && p.data?.kind === 'line',
          // A refused value shows as typed, in place of the saved one, until it is fixed.
          valueGetter: (p: { data?: R }) => {
            const d = p.data?.lineId !== undefined ? draftsRef.current.get(draftKey(p.data.lineId, id)) : undefined;
            return d ? d.text : (p.data as Record<string, unknown> | undefined)?.[c.field as string];
          },
          valueFormatter: (p: ValueFormatterParams<R>) =>
            typeof p.value === 'string' && editable[id]!.type === 'money' ? p.value : formatter ? formatter(p) : (p.value ?? ''),
          tooltipValueGetter: (p: { data?: R; value?: unknown }) => {
            const d = p.data?.lineId !== undefined ? draftsRef.current.get(draftKey(p.data.lineId, id)) : undefined;
            if (d) return `Not saved: ${d.reason}`;
            const own = c.tooltipValueGetter as ((p: unknown) => string | undefined) | undefined;
            return own ? own(p) : undefined;
          },
          cellClass: (p: { data?: R }) => {
            const base = p.data?.kind === 'line' && !readOnly ? 'cell-input' : 'cell-computed';
            const bad = p.data?.lineId !== undefined && draftsRef.current.has(draftKey(p.data.lineId, id));
            return [base, ...(bad ? ['cell-invalid'] : []), ...own];
          },
          headerClass: [c.headerClass as string | undefined, readOnly ? '' : 'header-input'].filter(Boolean).join(' '),
          // As in Excel: typing replaces the cell, F2 edits what is there, Enter moves down (it does not edit).
          headerTooltip: readOnly ? c.headerName : `${c.headerName}: type to replace a value, or F2 to edit it; Enter moves down`,
        };
      }),
    [props.columns, editable, readOnly],
  );

  const commit = useCallback(
    async (changes: Changes, how: 'edit' | 'paste', typed: Map<string, string>) => {
      const result = await onCommit(changes, how);
      for (const [lineId, fields] of changes) {
        for (const colId of Object.keys(fields)) {
          const key = draftKey(lineId, colId);
          if (result.ok) setDraft(null, lineId, colId);
          else {
            const row = props.rows.find((r) => r.lineId === lineId);
            setDraft({ lineId, colId, code: row?.code ?? '', header: editable[colId]?.header ?? colId, text: typed.get(key) ?? '', reason: result.reason });
          }
        }
      }
    },
    [onCommit, setDraft, props.rows, editable],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<R>) => {
      const colId = e.column.getColId();
      const spec = editable[colId];
      const lineId = e.data.lineId;
      if (!spec || lineId === undefined) return;
      const raw = e.newValue;
      const text = raw === null || raw === undefined ? '' : String(raw);
      let value: number | string | null;
      if (spec.type === 'text') value = text.trim() !== '' ? text.trim() : null;
      else if (text.trim() === '') value = null;
      else {
        const parsed = parseMoney(text);
        if (!parsed.ok) {
          setDraft({
            lineId,
            colId,
            code: e.data.code ?? '',
            header: spec.header,
            text,
            reason: `${parsed.reason}: type an amount in pounds, such as 1234.56, £1,234 or (1,234)`,
          });
          return;
        }
        value = parsed.pence;
      }
      const saved = (e.data as Record<string, unknown>)[colId];
      const hadDraft = drafts.has(draftKey(lineId, colId));
      if (!hadDraft && (value === saved || (value === null && (saved === null || saved === '' || saved === undefined)))) return;
      void commit(new Map([[lineId, { [colId]: value }]]), 'edit', new Map([[draftKey(lineId, colId), text]]));
    },
    [editable, commit, setDraft, drafts],
  );

  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<R>) => {
      const key = e.event as KeyboardEvent | undefined;
      if (!readOnly || !key || !editable[e.column.getColId()] || e.data?.kind !== 'line') return;
      // Enter only moves down (enterNavigatesVertically): not an attempt to type.
      if (isPrintable(key) || ['F2', 'Delete', 'Backspace'].includes(key.key)) onReadOnlyAttempt?.(readOnlyReason!);
    },
    [readOnly, readOnlyReason, editable, onReadOnlyAttempt],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const grid = api.current;
      if (!grid || grid.getEditingCells().length > 0) return;
      const focused = grid.getFocusedCell();
      if (!focused || focused.rowPinned) return;
      event.preventDefault();
      if (readOnly) return onReadOnlyAttempt?.(readOnlyReason!);
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
      const typed = new Map<string, string>();
      block.forEach((r, i) => {
        r.forEach((text, j) => {
          const row = targets[focused.rowIndex + i];
          const col = columns[Math.max(0, startCol) + j];
          if (row?.lineId && col) typed.set(draftKey(row.lineId, col.colId), text);
        });
      });
      void commit(plan.changes, 'paste', typed);
    },
    [props.rows, editable, readOnly, readOnlyReason, onReadOnlyAttempt, onInvalid, commit],
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

  const problems = [...drafts.values()];
  return (
    <div className="grid-area">
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
          onCellKeyDown={onCellKeyDown}
          onCellDoubleClicked={(e) => readOnly && editable[e.column.getColId()] && e.data?.kind === 'line' && onReadOnlyAttempt?.(readOnlyReason!)}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          // Tab moves on to the next control on the page, as it does everywhere else; arrows move between cells.
          tabToNextCell={() => false}
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
      {problems.length > 0 && (
        <div className="grid-problems" role="alert" aria-label="Values not saved">
          <ErrorCircleRegular className="grid-problems-icon" aria-hidden />
          <ul>
            {problems.map((d) => (
              <li key={draftKey(d.lineId, d.colId)}>
                <strong>
                  {d.code}, {d.header}:
                </strong>{' '}
                “{d.text}” was not saved: {d.reason.replace(/\.$/, '')}.{' '}
                <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={() => setDraft(null, d.lineId, d.colId)}>
                  Discard
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
