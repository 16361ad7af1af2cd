/**
 * The scope of a quarterly Safety Valve return: one agreement (by name or id, as the command
 * line and a workbook's `_meta` give it), one year and one quarter that has begun.
 */
import { z } from 'zod';
import type { ScopeDef } from '../../../../electron/server/workbooks/engine/kind';
import type { Workspace } from '../../../../electron/server/workspace';
import { yearField } from '../../../../electron/shared/contract-kit';
import { londonDate, ukLongDate } from '../../../../electron/shared/dates';
import { AppError } from '../../../../electron/shared/errors';
import { conditionsOf, findSvAgreement, type SvAgreementRow } from '../queries';
import { quarterDates, quarterLongName } from '../rules';

const QUARTER_RULE = 'must be a quarter from Q1 (April–June) to Q4 (January–March)';

/** "Q3", "q3", "3" or 3: the command line gives text, a workbook's `_meta` a number. */
const quarterField = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const m = /^[Qq]?\s*(\d{1,2})$/.exec(v.trim());
    return m ? Number(m[1]) : v;
  },
  z.int({ error: QUARTER_RULE }).min(1, { error: QUARTER_RULE }).max(4, { error: QUARTER_RULE }),
);

/** An id (a whole number, or text of digits) or a name. */
const agreementField = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v),
  z.union([z.int().positive(), z.string().trim().min(1).max(200)], { error: 'must name a Safety Valve or DBV agreement, by its name or id' }),
);

export const svReturnScopeSchema = z.strictObject({ agreement: agreementField, year: yearField, quarter: quarterField });
export type SvReturnScope = z.output<typeof svReturnScopeSchema>;

/** The agreement a scope names, which must exist. */
export function scopeAgreement(ws: Workspace, scope: SvReturnScope): SvAgreementRow {
  const a = findSvAgreement(ws.db, scope.agreement);
  if (!a) {
    const what = typeof scope.agreement === 'number' ? `with id ${scope.agreement}` : `called "${scope.agreement}"`;
    throw new AppError('NOT_FOUND', `There is no Safety Valve or DBV agreement ${what} in this workspace.`, {
      issues: [{ field: 'agreement', rule: 'must be an agreement of this workspace', message: `there is no agreement ${what}` }],
    });
  }
  return a;
}

function check(ws: Workspace, scope: SvReturnScope): void {
  const a = scopeAgreement(ws, scope);
  const { start, end } = quarterDates(scope.year, scope.quarter);
  const name = quarterLongName(scope.year, scope.quarter);
  const problem = (message: string, field = 'quarter') => {
    throw new AppError('INVALID_INPUT', message, { issues: [{ field, rule: 'a quarter of the agreement that has begun', message }] });
  };
  if (start > londonDate(ws.actor.now())) problem(`${name} begins on ${ukLongDate(start)}: its return can be made once the quarter has begun.`);
  if (end < a.signedOn) problem(`${name} ended before ${a.name} was signed on ${ukLongDate(a.signedOn)}, so there is nothing to report for it.`);
  if (conditionsOf(ws.db, a.id).length === 0)
    problem(`${a.name} has no numbered conditions yet: add them on the Safety Valve page, then make the return.`, 'agreement');
}

export const svReturnScope: ScopeDef<SvReturnScope> = {
  fields: [
    { name: 'agreement', label: 'Agreement', input: 'text', required: true },
    { name: 'year', label: 'Year', input: 'year', required: true },
    { name: 'quarter', label: 'Quarter', input: 'text', required: true },
  ],
  schema: svReturnScopeSchema,
  check,
  label: (ws, s) => `${findSvAgreement(ws.db, s.agreement)?.name ?? String(s.agreement)}, ${quarterLongName(s.year, s.quarter)}`,
  // Monitoring sits under no lock: a quarter's return can be corrected after the DfE has read it.
  locks: () => [],
};
