import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo } from 'react';
import { moneyCol } from '../../../../renderer/src/grid/columns';
import { type Changes, type CommitResult, type EditableColumn, LinesGrid, type Row } from '../../../../renderer/src/grid/LinesGrid';
import { MoneyEditor } from '../../../../renderer/src/grid/MoneyEditor';
import { useApp } from '../../../../renderer/src/state/app-state';
import { formatBp } from '../../../../renderer/src/components/percent';
import { type AssumptionGridProps, percentCol, readGrowth, saveAskingFirst } from './assumption-grid';
import { useSaveFundingYear } from './data';

type FundingRow = Row & {
  year: string;
  growthBp: number;
  allocationPence: number | null;
  transfersPence: number;
  adjustmentsPence: number;
  fundingPence: number | null;
  contributionsPence: number;
  safetyValvePence: number | null;
};

const EDITABLE: Record<string, EditableColumn> = {
  growthBp: { header: 'Allocation growth', type: 'text' },
  transfersPence: { header: 'Block transfers', type: 'money' },
  adjustmentsPence: { header: 'Import/export adjustments', type: 'money' },
  contributionsPence: { header: 'Planned council and other contributions', type: 'money' },
};

/**
 * Funding by plan year: the High Needs allocation grown by a percentage each year, planned block
 * transfers and import/export adjustments, and planned contributions (Safety Valve instalments
 * come from the agreement). The allocation, funding and instalments are worked out, in grey.
 */
export function FundingGrid({ assumptions, result, readOnlyReason, confirm }: AssumptionGridProps) {
  const { money, notify } = useApp();
  const save = useSaveFundingYear();
  const rows = useMemo<FundingRow[]>(
    () =>
      assumptions.funding.map((f, i) => {
        const y = result?.years.find((r) => r.year === f.year);
        return {
          kind: 'line',
          rowId: `y${f.year}`,
          lineId: i + 1,
          code: f.year,
          name: f.year,
          year: f.year,
          growthBp: f.growthBp,
          allocationPence: y?.allocationPence ?? null,
          transfersPence: f.transfersPence,
          adjustmentsPence: f.adjustmentsPence,
          fundingPence: y?.fundingPence ?? null,
          contributionsPence: f.contributionsPence,
          safetyValvePence: y?.safetyValvePence ?? null,
        };
      }),
    [assumptions, result],
  );

  const columns = useMemo<Array<ColDef<FundingRow>>>(
    () => [
      { colId: 'year', field: 'year', headerName: 'Year', width: 92, pinned: 'left' },
      percentCol<FundingRow>('growthBp', 'Allocation growth', 120),
      moneyCol<FundingRow>('allocationPence', 'HNB allocation', money, { width: 140 }),
      moneyCol<FundingRow>('transfersPence', 'Block transfers', money, { cellEditor: MoneyEditor, width: 130 }),
      moneyCol<FundingRow>('adjustmentsPence', 'Import/export adjustments', money, { cellEditor: MoneyEditor, width: 140 }),
      moneyCol<FundingRow>('fundingPence', 'Funding', money, { width: 140 }),
      moneyCol<FundingRow>('contributionsPence', 'Planned contributions', money, { cellEditor: MoneyEditor, width: 140 }),
      moneyCol<FundingRow>('safetyValvePence', 'Safety Valve instalments', money, { width: 140, flex: 1, minWidth: 130 }),
    ],
    [money],
  );

  const commit = useCallback(
    async (changes: Changes): Promise<CommitResult> => {
      for (const [index, fields] of changes) {
        const row = rows[index - 1];
        if (!row) continue;
        const input: Parameters<typeof save.run>[0] = { scenarioId: assumptions.scenarioId, year: row.year };
        if (fields.growthBp !== undefined) {
          const p = readGrowth(fields.growthBp);
          if (!p.ok) return p;
          input.growthBp = p.bp;
        }
        for (const key of ['transfersPence', 'adjustmentsPence', 'contributionsPence'] as const) {
          // A cleared cell is nil.
          if (fields[key] !== undefined) input[key] = (fields[key] as number | null) ?? 0;
        }
        if (input.contributionsPence !== undefined && input.contributionsPence < 0)
          return { ok: false, reason: 'planned contributions must not be negative: they are money towards the deficit' };
        const changed =
          (input.growthBp !== undefined && input.growthBp !== row.growthBp) ||
          (input.transfersPence !== undefined && input.transfersPence !== row.transfersPence) ||
          (input.adjustmentsPence !== undefined && input.adjustmentsPence !== row.adjustmentsPence) ||
          (input.contributionsPence !== undefined && input.contributionsPence !== row.contributionsPence);
        if (!changed) continue;
        const saved = await saveAskingFirst(save, input, confirm, () => notify('info', `Not saved: ${row.year}'s growth stays at ${formatBp(row.growthBp)}.`));
        if (!saved.ok) return saved;
      }
      return { ok: true };
    },
    [rows, assumptions.scenarioId, save, confirm, notify],
  );

  return (
    <div className="plan-grid plan-funding-grid" style={{ height: `${rows.length * 30 + 60}px` }}>
      <LinesGrid<FundingRow>
        label="Funding by year"
        rows={rows}
        total={[]}
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
