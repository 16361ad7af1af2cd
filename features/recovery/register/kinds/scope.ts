/**
 * The scope of the register's workbooks: for the projects workbook the year whose cost and
 * savings columns it carries; for both, optionally one workstream's projects (`--workstream WS1`),
 * so each project lead gets only their own.
 */
import { z } from 'zod';
import { text, yearField } from '../../../../electron/shared/contract-kit';
import { AppError } from '../../../../electron/shared/errors';
import type { ScopeFieldInfo } from '../../../../electron/shared/workbook-types';
import type { ScopeDef } from '../../../../electron/server/workbooks/engine/kind';
import type { Workspace } from '../../../../electron/server/workspace';
import type { Db } from '../../../../db/client';
import { type WorkstreamRow, workstreamRows } from '../queries';
import { normCode } from '../rules';

const workstreamField = z
  .union([z.string(), z.number()], { error: 'must be a workstream code' })
  .transform((v) => String(v).trim())
  .pipe(text(20))
  .optional();

export const kpiScope = z.strictObject({ workstream: workstreamField });
export const projectsScope = kpiScope.extend({ year: yearField });
export type KpiScope = z.output<typeof kpiScope>;
export type ProjectsScope = z.output<typeof projectsScope>;

const WORKSTREAM_FIELD: ScopeFieldInfo = { name: 'workstream', label: 'Workstream', input: 'text', required: false };

/** The workstream a scope names by its code, or null for the whole register. */
export function scopeWorkstream(db: Db, scope: KpiScope): WorkstreamRow | null {
  if (!scope.workstream) return null;
  const all = workstreamRows(db);
  const hit = all.find((w) => normCode(w.code) === normCode(scope.workstream!));
  if (hit) return hit;
  const sentence = all.length
    ? `There is no workstream ${scope.workstream}. The workstreams are ${all.map((w) => w.code).join(', ')}.`
    : `There is no workstream ${scope.workstream}: the register has no workstreams yet.`;
  throw new AppError('NOT_FOUND', sentence, { issues: [{ field: 'workstream', rule: 'must be a workstream of the register', message: sentence }] });
}

function check(ws: Workspace, scope: KpiScope): void {
  scopeWorkstream(ws.db, scope);
}

const workstreamPart = (ws: Workspace, scope: KpiScope) => {
  const w = scopeWorkstream(ws.db, scope);
  return w ? `workstream ${w.code} ${w.name}` : 'every workstream';
};

export const projectsScopeDef: ScopeDef<ProjectsScope> = {
  fields: [{ name: 'year', label: 'Year of the cost and savings columns', input: 'year', required: true }, WORKSTREAM_FIELD],
  schema: projectsScope,
  check,
  label: (ws, scope) => `${scope.year} cost and savings; ${workstreamPart(ws, scope)}`,
  // Projects are not under a lock: a submitted scenario keeps its figures as submitted, and its live results may move.
  locks: () => [],
};

export const kpiScopeDef: ScopeDef<KpiScope> = {
  fields: [WORKSTREAM_FIELD],
  schema: kpiScope,
  check,
  label: (ws, scope) => `KPIs of ${workstreamPart(ws, scope)}`,
  locks: () => [],
};

/** A file name's part: no characters Windows refuses. */
export const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();
