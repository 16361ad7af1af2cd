import type { Db } from '../../../db/client';
import { type AuditTableDef, auditTable } from '../../../electron/server/audit/registry';
import { entityRef } from '../../../electron/shared/entity-ref';
import { agreement, agreementCondition, agreementExtension, agreementReport, decisionThreshold, recoverySettings } from '../schema';
import {
  AGREEMENT_TYPE_LABELS,
  type AgreementType,
  CONDITION_KIND_LABELS,
  type ConditionKind,
  LEGAL_BASIS_LABELS,
  type LegalBasis,
  RETURN_BASIS_LABELS,
  type ReturnBasis,
} from '../words';
import { agreementRef } from './queries';

const referenceOf = (id: unknown, db: Db) => (db.$client.prepare('SELECT reference FROM agreement WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
const conditionOf = (id: unknown, db: Db) =>
  (db.$client.prepare('SELECT text FROM agreement_condition WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
const ofAgreement = (row: Record<string, unknown>) => agreementRef(String(row.agreementId));
const percent = (v: unknown) => (typeof v === 'number' ? `${(v / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%` : null);
/** An override as people read it: set by hand to Yes or No; cleared, it is worked out again. */
const override = (v: unknown) => (v === null || v === undefined ? null : v ? 'Yes (set by hand)' : 'No (set by hand)');

/** The thresholds are one list with one history; so are the settings. */
export const THRESHOLDS_REF = entityRef('decision_threshold', 'all');
export const SETTINGS_REF = entityRef('recovery_settings', 1);

/** Agreements carry no lock: no scope. Each child row shows in its agreement's history. */
export const agreementsAudit: AuditTableDef[] = [
  auditTable(agreement, {
    fields: {
      reference: 'Reference',
      counterparty: 'Counterparty',
      type: 'Type',
      purpose: 'Purpose',
      legalBasis: 'Legal basis',
      legalBasisOn: 'Legal basis date',
      startOn: 'Starts',
      endOn: 'Ends',
      annualValuePence: 'Annual value',
      extensionsOffered: 'Extensions offered',
      extensionMonths: 'Months per extension',
      extensionNoticeDays: 'Days notice to extend',
      decisionReference: 'Decision reference',
      decisionOn: 'Decision date',
      forwardPlanReference: 'Forward plan reference',
      keyDecisionOverride: 'Key decision',
      keyDecisionReason: 'Reason for the key-decision setting',
      callInOverride: 'Call-in',
      callInReason: 'Reason for the call-in setting',
      reportingDuties: 'Reporting duties',
      note: 'Note',
    },
    subject: (row) => agreementRef(String(row.id)),
    values: {
      type: (v) => AGREEMENT_TYPE_LABELS[v as AgreementType] ?? null,
      legalBasis: (v) => LEGAL_BASIS_LABELS[v as LegalBasis] ?? null,
      keyDecisionOverride: override,
      callInOverride: override,
    },
  }),
  auditTable(agreementExtension, {
    fields: { agreementId: 'Agreement', number: 'Extension taken', takenOn: 'Taken on', decisionReference: 'Decision reference for the extension' },
    subject: ofAgreement,
    values: { agreementId: referenceOf },
  }),
  auditTable(agreementCondition, {
    fields: {
      agreementId: 'Agreement',
      kind: 'Condition',
      text: 'Condition wording',
      thresholdBp: 'Underspend threshold',
      returnBasis: 'Underspend returned',
      sortOrder: 'Order',
    },
    subject: ofAgreement,
    values: {
      agreementId: referenceOf,
      kind: (v) => CONDITION_KIND_LABELS[v as ConditionKind] ?? null,
      thresholdBp: percent,
      returnBasis: (v) => RETURN_BASIS_LABELS[v as ReturnBasis] ?? null,
    },
  }),
  auditTable(agreementReport, {
    fields: { agreementId: 'Agreement', conditionId: 'Report for condition', title: 'Report', dueOn: 'Report due', receivedOn: 'Report received' },
    subject: ofAgreement,
    values: { agreementId: referenceOf, conditionId: conditionOf },
  }),
  auditTable(decisionThreshold, {
    fields: {
      effectiveFrom: 'Threshold in force from',
      keyDecisionPence: 'Key-decision threshold (a year)',
      callInPence: 'Call-in threshold (a year)',
      note: 'Note',
    },
    subject: () => THRESHOLDS_REF,
  }),
  auditTable(recoverySettings, { fields: { alertDays: 'Days ahead agreement alerts look' }, subject: () => SETTINGS_REF }),
];
