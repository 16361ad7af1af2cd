/**
 * The scope of a partnership's return workbook: one partnership (by id, as the screens and
 * `hnb export returns` write it into `_meta`, so a renamed partnership's file still reads; or by
 * name, as a person types it for a workbook HNB Desk did not write) and one year, whose returns
 * must be set up.
 */
import { z } from 'zod';
import type { ScopeDef } from '../../../../electron/server/workbooks/engine/kind';
import type { Workspace } from '../../../../electron/server/workspace';
import { yearField } from '../../../../electron/shared/contract-kit';
import { AppError } from '../../../../electron/shared/errors';
import { requireYear } from '../../../years/queries';
import { type PartnershipRow, partnershipNamed, returnRows } from '../queries';
import { requireAllocation } from '../writes';

/** An id (a whole number, or text of digits) or a name. */
const partnershipField = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v),
  z.union([z.int().positive(), z.string().trim().min(1).max(120)], { error: 'must name a partnership, by its id or its name' }),
);

export const returnScopeSchema = z.strictObject({ year: yearField, partnership: partnershipField });
export type ReturnScope = z.output<typeof returnScopeSchema>;

/** The partnership a scope names, which must exist. */
export function scopePartnership(ws: Workspace, scope: ReturnScope): PartnershipRow {
  const p = partnershipNamed(ws.db, scope.partnership);
  if (!p) {
    const what = typeof scope.partnership === 'number' ? `with id ${scope.partnership}` : `called "${scope.partnership}"`;
    const message = `There is no partnership ${what} in this workspace.`;
    throw new AppError('NOT_FOUND', message, { issues: [{ field: 'partnership', rule: 'must be a partnership of this workspace', message }] });
  }
  return p;
}

function check(ws: Workspace, scope: ReturnScope): void {
  requireYear(ws.db, scope.year);
  const p = scopePartnership(ws, scope);
  requireAllocation(ws, scope.year, p, 'partnership');
  if (returnRows(ws.db, scope.year, p.id).length === 0) {
    const message = `${p.name}'s ${scope.year} returns have not been set up yet: set them up on the Partnership returns screen, then export the workbook.`;
    throw new AppError('INVALID_INPUT', message, { issues: [{ field: 'partnership', rule: 'the returns must be set up', message }] });
  }
  // The engine writes this same object to `_meta`: keep the partnership by id, so a file exported by name still reads after a rename.
  scope.partnership = p.id;
}

export const returnScope: ScopeDef<ReturnScope> = {
  fields: [
    { name: 'year', label: 'Year', input: 'year', required: true },
    { name: 'partnership', label: 'Partnership', input: 'text', required: true },
  ],
  schema: returnScopeSchema,
  check,
  label: (ws, s) => `${partnershipNamed(ws.db, s.partnership)?.name ?? String(s.partnership)}, ${s.year}`,
  // A return sits under no lock: figures can be corrected after the year closes, as the clawback is settled later.
  locks: () => [],
};
