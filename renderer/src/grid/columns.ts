import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { MoneyFormat } from '../../../electron/shared/money';
import { pinnedNameWidth } from './column-widths';

export function moneyFormatter(money: MoneyFormat) {
  return (p: ValueFormatterParams): string => (p.value === null || p.value === undefined || p.data?.kind === 'group' ? '' : money.format(p.value as number));
}

export function moneyCol<R>(field: string, headerName: string, money: MoneyFormat, extra: Partial<ColDef<R>> = {}): ColDef<R> {
  return {
    colId: field,
    field: field as ColDef<R>['field'],
    headerName,
    valueFormatter: moneyFormatter(money),
    headerClass: 'ag-right-aligned-header',
    cellClass: 'ag-right-aligned-cell',
    width: 118,
    ...extra,
  };
}

/** Overspend red, underspend green, as forum papers show it. */
export const varianceClass = {
  'cell-over': (p: { value: unknown; data?: { kind: string } }) => p.data?.kind !== 'group' && typeof p.value === 'number' && p.value > 0,
  'cell-under': (p: { value: unknown; data?: { kind: string } }) => p.data?.kind !== 'group' && typeof p.value === 'number' && p.value < 0,
};

export const codeCol = <R>(): ColDef<R> => ({
  colId: 'code',
  field: 'code' as ColDef<R>['field'],
  headerName: 'Code',
  width: 64,
  pinned: 'left',
  // Headings span the row; subtotal labels take the code and name columns together.
  colSpan: (p) => {
    const kind = (p.data as { kind?: string } | undefined)?.kind;
    return kind === 'group' ? 99 : kind === 'subtotal' || kind === 'total' ? 2 : 1;
  },
  tooltipValueGetter: (p) => {
    const d = p.data as { kind?: string; name?: string } | undefined;
    return d?.kind === 'subtotal' || d?.kind === 'total' ? d.name : undefined;
  },
  valueGetter: (p) => {
    const d = p.data as { kind?: string; code?: string; name?: string } | undefined;
    return d?.kind === 'line' ? d.code : d?.name;
  },
});

export const nameCol = <R>(width = 250): ColDef<R> => ({
  colId: 'name',
  field: 'name' as ColDef<R>['field'],
  headerName: 'Budget line',
  width: pinnedNameWidth(width, window.innerWidth),
  pinned: 'left',
  tooltipValueGetter: (p) => (p.data as { name?: string } | undefined)?.name,
  valueGetter: (p) => {
    const d = p.data as { kind?: string; name?: string } | undefined;
    return d?.kind === 'group' ? '' : d?.name;
  },
});
