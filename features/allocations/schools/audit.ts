import type { Db } from '../../../db/client';
import { type AuditTableDef, auditTable } from '../../../electron/server/audit/registry';
import { partnership, partnershipMember, school, schoolBuyIn, schoolData, schoolDataColumn } from '../schema';
import {
  BUY_IN_STATUS_LABELS,
  type BuyInStatus,
  PARTNERSHIP_KIND_LABELS,
  PHASE_LABELS,
  type PartnershipKind,
  type Phase,
  RETURN_FREQUENCY_LABELS,
  type ReturnFrequency,
  SCHOOL_STATUS_LABELS,
  SCHOOL_TYPE_LABELS,
  type SchoolStatus,
  type SchoolType,
} from '../words';
import { dataColumnRef, partnershipRef, schoolRef } from './queries';

const nameOf = (sqlText: string) => (id: unknown, db: Db) => (db.$client.prepare(sqlText).pluck().get(id) as string | undefined) ?? null;
const schoolName = nameOf("SELECT name || ' (URN ' || urn || ')' FROM school WHERE id = ?");
const partnershipName = nameOf('SELECT name FROM partnership WHERE id = ?');
const ofSchool = (row: Record<string, unknown>) => schoolRef(String(row.schoolId));
/** A figure, a membership or a decision belongs to a year: the history says which. */
const ofYear = (row: Record<string, unknown>) => (row.yearId === undefined ? null : String(row.yearId));

/**
 * Schools, partnerships and their years carry no lock (a run keeps its own copy of the data it
 * was worked on), so no scope. A school's history holds its figures, memberships and buy-in.
 */
export const schoolsAudit: AuditTableDef[] = [
  auditTable(school, {
    fields: { urn: 'URN', name: 'Name', phase: 'Phase', type: 'Type', trust: 'Trust', status: 'Open or closed' },
    subject: (row) => schoolRef(String(row.id)),
    values: {
      phase: (v) => PHASE_LABELS[v as Phase] ?? null,
      type: (v) => SCHOOL_TYPE_LABELS[v as SchoolType] ?? null,
      status: (v) => SCHOOL_STATUS_LABELS[v as SchoolStatus] ?? null,
    },
  }),
  auditTable(schoolDataColumn, {
    fields: { key: 'Key', name: 'Name', description: 'Description', sortOrder: 'Order' },
    subject: (row) => dataColumnRef(String(row.id)),
  }),
  auditTable(schoolData, {
    fields: { yearId: 'Year', schoolId: 'School', columnId: 'Data column', value: 'Figure' },
    subject: ofSchool,
    part: ofYear,
    values: { schoolId: schoolName, columnId: nameOf('SELECT name FROM school_data_column WHERE id = ?') },
  }),
  auditTable(partnership, {
    fields: {
      name: 'Name',
      area: 'Area',
      kind: 'Kind',
      parentId: 'Inside',
      leadSchoolId: 'Lead school',
      agreementId: 'Agreement',
      returnFrequency: 'Returns',
      note: 'Note',
    },
    subject: (row) => partnershipRef(String(row.id)),
    values: {
      kind: (v) => PARTNERSHIP_KIND_LABELS[v as PartnershipKind] ?? null,
      parentId: partnershipName,
      leadSchoolId: schoolName,
      agreementId: nameOf("SELECT reference || ' ' || counterparty FROM agreement WHERE id = ?"),
      returnFrequency: (v) => RETURN_FREQUENCY_LABELS[v as ReturnFrequency] ?? null,
    },
  }),
  auditTable(partnershipMember, {
    fields: { yearId: 'Year', schoolId: 'School', partnershipId: 'Partnership' },
    subject: ofSchool,
    part: ofYear,
    values: { schoolId: schoolName, partnershipId: partnershipName },
  }),
  auditTable(schoolBuyIn, {
    fields: { yearId: 'Year', schoolId: 'School', status: 'Buy-in', decidedOn: 'Decision date', note: 'Buy-in note' },
    subject: ofSchool,
    part: ofYear,
    values: { schoolId: schoolName, status: (v) => BUY_IN_STATUS_LABELS[v as BuyInStatus] ?? null },
  }),
];
