import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { CommitResult, Row } from '../../../../renderer/src/grid/LinesGrid';
import type { PlanAssumptions, PlanResult } from '../../types';
import { formatBp, type PercentParse, parsePercent } from '../../../../renderer/src/components/percent';
import type { Confirmable } from './data';
import { PercentEditor } from './PercentEditor';

/** What the funding grid and the expenditure-lines grid are given. */
export interface AssumptionGridProps {
  assumptions: PlanAssumptions;
  result: PlanResult | undefined;
  readOnlyReason: string | null;
  /** Asks "Save anyway?" for growth past ±25%; true when meant. */
  confirm(question: string): Promise<boolean>;
}

/** A growth column: held in basis points, shown as 3.5%, edited as 3.5; blank on group and total rows. */
export function percentCol<R extends Row>(colId: string, headerName: string, width: number): ColDef<R> {
  return {
    colId,
    field: colId as ColDef<R>['field'],
    headerName,
    width,
    cellEditor: PercentEditor,
    headerClass: 'ag-right-aligned-header',
    cellClass: 'ag-right-aligned-cell',
    valueFormatter: (p: ValueFormatterParams<R>) =>
      p.data?.kind !== 'line' ? '' : typeof p.value === 'number' ? formatBp(p.value) : p.value === null || p.value === undefined ? '' : String(p.value),
  };
}

/** A growth cell as the grid sends it (the typed text; null when cleared, which is nought). */
export function readGrowth(value: unknown): PercentParse {
  const p = parsePercent(value === null ? '0' : String(value));
  return p.ok ? p : { ok: false, reason: `the growth ${p.reason}` };
}

interface ConfirmableWrite<I> {
  run(input: I): Promise<Confirmable<unknown> | undefined>;
  lastError(): string | null;
}

/**
 * Saves an assumption edit. Growth past ±25% comes back as a question: asked, and sent again with
 * confirmExtreme if the user means it; if not, nothing is saved and `declined` says what stays.
 * A refusal fails the commit with the server's reason.
 */
export async function saveAskingFirst<I extends { confirmExtreme?: boolean }>(
  save: ConfirmableWrite<I>,
  input: NoInfer<I>,
  confirm: AssumptionGridProps['confirm'],
  declined: () => void,
): Promise<CommitResult> {
  const refused = (): CommitResult => ({ ok: false, reason: save.lastError() ?? 'the workspace refused it' });
  const out = await save.run(input);
  if (!out) return refused();
  if (!('needsConfirmation' in out)) return { ok: true };
  if (!(await confirm(out.needsConfirmation))) {
    declined();
    return { ok: true };
  }
  const again = await save.run({ ...input, confirmExtreme: true });
  return !again || 'needsConfirmation' in again ? refused() : { ok: true };
}
