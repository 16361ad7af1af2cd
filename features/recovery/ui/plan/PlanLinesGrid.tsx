import { type ColDef, ModuleRegistry, SelectEditorModule, type ValueFormatterParams } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { moneyCol } from '../../../../renderer/src/grid/columns';
import { pinnedNameWidth } from '../../../../renderer/src/grid/column-widths';
import { type Changes, type CommitResult, type EditableColumn, LinesGrid, type Row } from '../../../../renderer/src/grid/LinesGrid';
import { MoneyEditor } from '../../../../renderer/src/grid/MoneyEditor';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PlanLineInfo } from '../../types';
import { LINE_METHOD_LABELS, LINE_METHODS, type LineMethod } from '../../words';
import { formatBp } from '../../../../renderer/src/components/percent';
import { type AssumptionGridProps, percentCol, readGrowth, saveAskingFirst } from './assumption-grid';
import { useSavePlanLine } from './data';

// The method is chosen from a list in the cell; the app's shared grid modules leave that editor out.
ModuleRegistry.registerModules([SelectEditorModule]);

type LineRow = Row & {
  line?: PlanLineInfo;
  method?: LineMethod | '';
  basePence?: number | null;
  baseCount?: number | null;
  unitCostPence?: number | null;
  countGrowthBp?: number | null;
  costGrowthBp?: number | null;
  finalPence?: number | null;
};

/** The method as the cell shows it: the full words are its tooltip. */
const METHOD_SHORT: Record<LineMethod, string> = { activity: 'Children × cost', percent: 'Percentage' };

const EDITABLE: Record<string, EditableColumn> = {
  method: { header: 'Method', type: 'text' },
  basePence: { header: 'Base', type: 'money' },
  baseCount: { header: 'Children or places', type: 'text' },
  countGrowthBp: { header: 'Growth in numbers', type: 'text' },
  costGrowthBp: { header: 'Growth in cost', type: 'text' },
};

/** "224" or "224.5": children or places, more than nought. */
function parseCount(text: string): { ok: true; count: number } | { ok: false; reason: string } {
  const t = text.replace(/[\s,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return { ok: false, reason: `"${text}" is not a number of children or places` };
  const n = Number(t);
  if (n <= 0) return { ok: false, reason: 'the number of children or places must be more than nought' };
  return { ok: true, count: n };
}

/**
 * The expenditure lines, by provision group: each line's method (children or places × average
 * cost, or grown by a percentage), its base (the base year's forecast or outturn), the children
 * or places and the average cost they give, and the growth in numbers and in cost each year.
 * The last column is the line in the plan's final year, worked out.
 */
export function PlanLinesGrid({ assumptions, result, readOnlyReason, confirm }: AssumptionGridProps) {
  const { money, notify } = useApp();
  const save = useSavePlanLine();
  const finalYear = result?.years.at(-1)?.year ?? null;

  const { rows, total } = useMemo(() => {
    const finals = new Map<number, number>();
    for (const l of result?.lines ?? []) finals.set(l.lineId, l.years.at(-1)?.pence ?? 0);
    const groups = [...new Set(assumptions.lines.map((l) => l.groupName))];
    const out: LineRow[] = [];
    const sum = (ls: PlanLineInfo[], f: (l: PlanLineInfo) => number) => ls.reduce((s, l) => s + f(l), 0);
    const final = (l: PlanLineInfo) => finals.get(l.id) ?? 0;
    for (const g of groups) {
      const ls = assumptions.lines.filter((l) => l.groupName === g);
      out.push({ kind: 'group', rowId: `g:${g}`, name: g });
      for (const l of ls) {
        out.push({
          kind: 'line',
          rowId: `l${l.id}`,
          lineId: l.id,
          code: l.code,
          name: l.name,
          line: l,
          method: l.method,
          basePence: l.basePence,
          baseCount: l.method === 'activity' ? l.baseCount : null,
          unitCostPence: l.unitCostPence,
          countGrowthBp: l.method === 'activity' ? l.countGrowthBp : null,
          costGrowthBp: l.costGrowthBp,
          finalPence: finals.has(l.id) ? final(l) : null,
        });
      }
      out.push({ kind: 'subtotal', rowId: `s:${g}`, name: `Total ${g}`, basePence: sum(ls, (l) => l.basePence), finalPence: sum(ls, final) });
    }
    const all = assumptions.lines;
    return {
      rows: out,
      total: [{ kind: 'total', rowId: 'total', name: 'Total expenditure', basePence: sum(all, (l) => l.basePence), finalPence: sum(all, final) } as LineRow],
    };
  }, [assumptions, result]);

  const columns = useMemo<Array<ColDef<LineRow>>>(
    () => [
      {
        colId: 'code',
        field: 'code',
        headerName: 'Code',
        width: 72,
        pinned: 'left',
        colSpan: (p) => (p.data?.kind === 'group' ? 99 : p.data?.kind === 'subtotal' || p.data?.kind === 'total' ? 2 : 1),
        valueGetter: (p) => (p.data?.kind === 'line' ? p.data.code : p.data?.name),
        tooltipValueGetter: (p) => (p.data?.kind === 'subtotal' || p.data?.kind === 'total' ? p.data.name : undefined),
      },
      {
        colId: 'name',
        field: 'name',
        headerName: 'Expenditure line',
        width: pinnedNameWidth(200, window.innerWidth),
        pinned: 'left',
        tooltipField: 'name',
        valueGetter: (p) => (p.data?.kind === 'line' ? p.data.name : ''),
      },
      {
        colId: 'method',
        field: 'method',
        headerName: 'Method',
        width: 130,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...LINE_METHODS] },
        valueFormatter: (p: ValueFormatterParams<LineRow>) => (p.data?.kind !== 'line' ? '' : (METHOD_SHORT[p.value as LineMethod] ?? String(p.value ?? ''))),
        tooltipValueGetter: (p) => (p.data?.kind === 'line' && p.data.method ? LINE_METHOD_LABELS[p.data.method as LineMethod] : undefined),
      },
      moneyCol<LineRow>('basePence', 'Base', money, {
        cellEditor: MoneyEditor,
        width: 116,
        tooltipValueGetter: (p) =>
          p.data?.kind === 'line' && p.data.line?.sourceLineId !== null ? `${assumptions.baseLabel}: read from the workspace's budget line` : undefined,
      }),
      {
        colId: 'baseCount',
        field: 'baseCount',
        headerName: 'Children or places',
        width: 92,
        headerClass: 'ag-right-aligned-header',
        cellClass: 'ag-right-aligned-cell',
        valueFormatter: (p: ValueFormatterParams<LineRow>) =>
          typeof p.value === 'number' ? p.value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : String(p.value ?? ''),
      },
      moneyCol<LineRow>('unitCostPence', 'Average cost', money, { width: 100 }),
      percentCol<LineRow>('countGrowthBp', 'Growth in numbers', 92),
      percentCol<LineRow>('costGrowthBp', 'Growth in cost', 92),
      moneyCol<LineRow>('finalPence', finalYear ? `${finalYear}, worked out` : 'Final year', money, { width: 124, flex: 1, minWidth: 116 }),
    ],
    [money, finalYear, assumptions.baseLabel],
  );

  const commit = useCallback(
    async (changes: Changes): Promise<CommitResult> => {
      for (const [lineId, fields] of changes) {
        const l = assumptions.lines.find((x) => x.id === lineId);
        if (!l) continue;
        let method = l.method;
        let baseCount = l.baseCount;
        let countGrowthBp = l.countGrowthBp;
        let costGrowthBp = l.costGrowthBp;
        let basePence: number | undefined;
        if (fields.method !== undefined) {
          const m = String(fields.method ?? '');
          if (!(LINE_METHODS as readonly string[]).includes(m)) return { ok: false, reason: 'choose the method from the list' };
          method = m as LineMethod;
        }
        if (fields.baseCount !== undefined) {
          if (fields.baseCount === null) {
            if (method === 'activity')
              return { ok: false, reason: `${l.code} is worked out from its children or places: to grow it by a percentage instead, change its method` };
          } else {
            const c = parseCount(String(fields.baseCount));
            if (!c.ok) return { ok: false, reason: c.reason };
            baseCount = c.count;
            // Children or places typed on a line grown by a percentage: it is worked out from them from now on.
            if (fields.method === undefined) method = 'activity';
          }
        }
        for (const key of ['countGrowthBp', 'costGrowthBp'] as const) {
          if (fields[key] === undefined) continue;
          const p = readGrowth(fields[key]);
          if (!p.ok) return p;
          if (key === 'countGrowthBp') countGrowthBp = p.bp;
          else costGrowthBp = p.bp;
        }
        if (fields.countGrowthBp !== undefined && method !== 'activity')
          return { ok: false, reason: `${l.code} is grown by a percentage, so it has no numbers to grow: type its children or places first` };
        if (fields.basePence !== undefined) {
          if (l.sourceLineId !== null)
            return { ok: false, reason: `${l.code}'s base is the workspace's ${assumptions.baseLabel}: change it there and refresh the base` };
          basePence = (fields.basePence as number | null) ?? 0;
        }
        if (method === 'activity' && baseCount === null)
          return { ok: false, reason: `type ${l.code}'s children or places in their column: the average cost is the base divided by them` };
        const changed =
          method !== l.method ||
          baseCount !== l.baseCount ||
          countGrowthBp !== l.countGrowthBp ||
          costGrowthBp !== l.costGrowthBp ||
          (basePence !== undefined && basePence !== l.basePence);
        if (!changed) continue;
        const input = {
          scenarioId: assumptions.scenarioId,
          id: l.id,
          code: l.code,
          name: l.name,
          groupName: l.groupName,
          method,
          ...(basePence !== undefined ? { basePence } : {}),
          baseCount: method === 'activity' ? baseCount : null,
          countGrowthBp,
          costGrowthBp,
        };
        const saved = await saveAskingFirst(save, input, confirm, () =>
          notify('info', `Not saved: ${l.code} keeps its growth of ${formatBp(l.countGrowthBp)} in numbers and ${formatBp(l.costGrowthBp)} in cost.`),
        );
        if (!saved.ok) return saved;
      }
      return { ok: true };
    },
    [assumptions, save, confirm, notify],
  );

  return (
    <div className="plan-grid plan-lines-grid">
      <LinesGrid<LineRow>
        label="Expenditure lines"
        rows={rows}
        total={total}
        columns={columns}
        editable={EDITABLE}
        readOnlyReason={readOnlyReason}
        draftScope={String(assumptions.scenarioId)}
        onCommit={commit}
        onInvalid={(title, lines) => notify('error', title, lines)}
        onReadOnlyAttempt={(reason) => notify('info', reason)}
      />
    </div>
  );
}
