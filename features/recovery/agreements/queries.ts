import { asc, eq, type InferSelectModel } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { londonDate } from '../../../electron/shared/dates';
import { type EntityRef, entityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import type { Workspace } from '../../../electron/server/workspace';
import {
  agreement,
  agreementCondition,
  agreementExtension,
  agreementReport,
  decisionThreshold,
  projectAgreement,
  recoveryProject,
  recoverySettings,
} from '../schema';
import type { AgreementDetail, AgreementSummary, ThresholdInfo } from '../types';
import { DEFAULT_ALERT_DAYS } from '../words';
import { agreementAlerts, agreementFigures, decisionFlags, legalBasisWarning, reportOverdue } from './rules';

export type AgreementRow = InferSelectModel<typeof agreement>;
export type ExtensionRow = InferSelectModel<typeof agreementExtension>;
export type ConditionRow = InferSelectModel<typeof agreementCondition>;
export type ReportRow = InferSelectModel<typeof agreementReport>;

export const AGREEMENT_ENTITY = 'agreement';
/** An agreement's history holds its own record and every extension, condition and report of it. */
export const agreementRef = (id: number | string): EntityRef => entityRef(AGREEMENT_ENTITY, id);

/** Today in London, or the day the caller asks about (tests and `--today`). */
export const todayOf = (ws: Workspace, today?: string) => today ?? londonDate(ws.actor.now());

export function requireAgreement(db: Db, id: number): AgreementRow {
  const row = db.select().from(agreement).where(eq(agreement.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no agreement with id ${id}. It may have been deleted: reopen the list of agreements.`, {
      issues: [{ field: 'id', rule: 'must be an agreement', message: `there is no agreement ${id}` }],
    });
  }
  return row;
}

/** A child row of an agreement (an extension, a condition, a report), or NOT_FOUND naming what was looked for. */
export function requireChild<T>(row: T | undefined, what: string, id: number): T {
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no ${what} with id ${id}. It may have been removed: reopen the agreement.`, {
      issues: [{ field: 'id', rule: `must be ${what === 'extension' ? 'an' : 'a'} ${what}`, message: `there is no ${what} ${id}` }],
    });
  }
  return row;
}

export function thresholds(db: Db): ThresholdInfo[] {
  return db
    .select()
    .from(decisionThreshold)
    .orderBy(asc(decisionThreshold.effectiveFrom))
    .all()
    .map((t) => ({ id: t.id, effectiveFrom: t.effectiveFrom, keyDecisionPence: t.keyDecisionPence, callInPence: t.callInPence, note: t.note }));
}

export function alertDays(db: Db): number {
  return db.select({ days: recoverySettings.alertDays }).from(recoverySettings).where(eq(recoverySettings.id, 1)).get()?.days ?? DEFAULT_ALERT_DAYS;
}

export function extensionsOf(db: Db, agreementId: number): ExtensionRow[] {
  return db.select().from(agreementExtension).where(eq(agreementExtension.agreementId, agreementId)).orderBy(asc(agreementExtension.number)).all();
}

/** The projects an agreement delivers, by agreement. */
function projectsByAgreement(db: Db): Map<number, Array<{ id: number; code: string; name: string }>> {
  const rows = db
    .select({ agreementId: projectAgreement.agreementId, id: recoveryProject.id, code: recoveryProject.code, name: recoveryProject.name })
    .from(projectAgreement)
    .innerJoin(recoveryProject, eq(recoveryProject.id, projectAgreement.projectId))
    .orderBy(asc(recoveryProject.code))
    .all();
  const out = new Map<number, Array<{ id: number; code: string; name: string }>>();
  for (const r of rows) {
    const list = out.get(r.agreementId) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name });
    out.set(r.agreementId, list);
  }
  return out;
}

function groupBy<T extends { agreementId: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.agreementId) ?? [];
    list.push(r);
    out.set(r.agreementId, list);
  }
  return out;
}

interface Related {
  extensions: ExtensionRow[];
  reports: ReportRow[];
  projects: Array<{ id: number; code: string; name: string }>;
}

function summaryOf(a: AgreementRow, rel: Related, limits: readonly ThresholdInfo[], today: string, days: number): AgreementSummary {
  const taken = rel.extensions.length;
  const figures = agreementFigures(a, taken);
  const { keyDecision, callIn } = decisionFlags(a, limits);
  return {
    id: a.id,
    reference: a.reference,
    counterparty: a.counterparty,
    type: a.type,
    purpose: a.purpose,
    legalBasis: a.legalBasis,
    legalBasisOn: a.legalBasisOn,
    startOn: a.startOn,
    endOn: a.endOn,
    currentEndOn: figures.currentEndOn,
    finalEndOn: figures.finalEndOn,
    annualValuePence: a.annualValuePence,
    extensions: { offered: a.extensionsOffered, taken, months: a.extensionMonths },
    totalValuePence: figures.totalValuePence,
    totalWithExtensionsPence: figures.totalWithExtensionsPence,
    decisionReference: a.decisionReference,
    decisionOn: a.decisionOn,
    forwardPlanReference: a.forwardPlanReference,
    keyDecision,
    callIn,
    alerts: agreementAlerts(
      {
        currentEndOn: figures.currentEndOn,
        extensionsOffered: a.extensionsOffered,
        extensionsTaken: taken,
        extensionMonths: a.extensionMonths,
        extensionNoticeDays: a.extensionNoticeDays,
        keyDecision,
        annualValuePence: a.annualValuePence,
        decisionReference: a.decisionReference,
        reports: rel.reports,
      },
      today,
      days,
    ),
    projectCodes: rel.projects.map((p) => p.code),
  };
}

/** Every agreement with its figures, flags and alerts as of `today`, by reference. */
export function agreementSummaries(db: Db, today: string): AgreementSummary[] {
  const limits = thresholds(db);
  const days = alertDays(db);
  const extensions = groupBy(db.select().from(agreementExtension).orderBy(asc(agreementExtension.number)).all());
  const reports = groupBy(db.select().from(agreementReport).all());
  const projects = projectsByAgreement(db);
  return db
    .select()
    .from(agreement)
    .orderBy(asc(agreement.reference))
    .all()
    .map((a) =>
      summaryOf(a, { extensions: extensions.get(a.id) ?? [], reports: reports.get(a.id) ?? [], projects: projects.get(a.id) ?? [] }, limits, today, days),
    );
}

export function agreementDetail(db: Db, id: number, today: string): AgreementDetail {
  const a = requireAgreement(db, id);
  const extensions = extensionsOf(db, id);
  const conditions = db
    .select()
    .from(agreementCondition)
    .where(eq(agreementCondition.agreementId, id))
    .orderBy(asc(agreementCondition.sortOrder), asc(agreementCondition.id))
    .all();
  const reports = db
    .select()
    .from(agreementReport)
    .where(eq(agreementReport.agreementId, id))
    .orderBy(asc(agreementReport.dueOn), asc(agreementReport.id))
    .all();
  const projects = projectsByAgreement(db).get(id) ?? [];
  const summary = summaryOf(a, { extensions, reports, projects }, thresholds(db), today, alertDays(db));
  return {
    ...summary,
    extensionNoticeDays: a.extensionNoticeDays,
    keyDecisionOverride: a.keyDecisionOverride,
    keyDecisionReason: a.keyDecisionReason,
    callInOverride: a.callInOverride,
    callInReason: a.callInReason,
    reportingDuties: a.reportingDuties,
    note: a.note,
    extensionsTaken: extensions.map((e) => ({ id: e.id, number: e.number, takenOn: e.takenOn, decisionReference: e.decisionReference })),
    conditions: conditions.map((c) => ({ id: c.id, kind: c.kind, text: c.text, thresholdBp: c.thresholdBp, returnBasis: c.returnBasis })),
    reports: reports.map((r) => ({
      id: r.id,
      conditionId: r.conditionId,
      title: r.title,
      dueOn: r.dueOn,
      receivedOn: r.receivedOn,
      overdue: reportOverdue(r, today),
    })),
    projects,
    terms: agreementFigures(a, extensions.length).terms.map(({ label, startOn, endOn, state }) => ({ label, startOn, endOn, state })),
    legalBasisWarning: legalBasisWarning(a),
  };
}
