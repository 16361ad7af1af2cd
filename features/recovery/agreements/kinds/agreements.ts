import { z } from 'zod';
import { londonDate, ukLongDate } from '../../../../electron/shared/dates';
import { normKey } from '../../../../electron/server/workbooks/engine/identity';
import type { DbRow, KindDef, RowValues, ScopeDef } from '../../../../electron/server/workbooks/engine/kind';
import { agreement, agreementExtension } from '../../schema';
import type { DecisionFlag } from '../../types';
import { AGREEMENT_TYPE_LABELS, AGREEMENT_TYPES, type AgreementType, LEGAL_BASES, LEGAL_BASIS_LABELS, type LegalBasis } from '../../words';
import { agreementSummaries, extensionsOf } from '../queries';
import { agreementProblems } from '../rules';
import { deleteAgreementRows, refuseIfLinked } from '../writes';

/** Every agreement is in the one workbook: there is nothing to choose. */
type NoScope = Record<string, never>;
const noScope: ScopeDef<NoScope> = {
  fields: [],
  schema: z.strictObject({}) as unknown as z.ZodType<NoScope>,
  check: () => undefined,
  label: () => 'All agreements',
  locks: () => [],
};

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const typeOf = new Map(AGREEMENT_TYPES.map((t) => [AGREEMENT_TYPE_LABELS[t], t]));
const basisOf = new Map(LEGAL_BASES.map((b) => [LEGAL_BASIS_LABELS[b], b]));
const flagText = (f: DecisionFlag) =>
  `${f.value ? 'Yes' : 'No'}${f.source === 'override' ? ' (set by hand)' : f.source === 'no-threshold' ? ' (no threshold in force)' : ''}`;
const INT_FIELDS = ['extensionsOffered', 'extensionMonths', 'extensionsTaken'] as const;
const headerOf = (field: string) => agreementsKind.columns.find((c) => c.field === field)?.header ?? field;

/**
 * The authority's agreements and contracts, one row each, matched on the reference. People
 * keep the register in Excel: terms, values, extensions and decision references can be typed
 * over, and new agreements added in the spare rows. Totals, the end with extensions and the
 * key-decision and call-in flags are worked out by HNB Desk and locked.
 */
export const agreementsKind: KindDef<NoScope> = {
  kind: 'agreements',
  title: 'Agreements and contracts',
  sheetName: 'Agreements',
  schemaVersion: 1,
  scope: noScope,
  keyField: 'reference',
  labelField: 'counterparty',
  rowNoun: 'agreement',
  canAdd: true,
  addRequires: ['reference', 'counterparty', 'type', 'legalBasis', 'startOn', 'endOn', 'annualValuePence'],
  spareRows: 10,
  deleteMeans: 'the agreement is deleted with its extensions, conditions and reports',
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    {
      field: 'reference',
      header: 'Reference',
      type: 'code',
      width: 14,
      editable: true,
      key: true,
      required: true,
      maxLength: 60,
      aliases: ['ref', 'agreement reference', 'contract reference', 'agreement', 'contract'],
    },
    {
      field: 'counterparty',
      header: 'Counterparty',
      type: 'text',
      width: 30,
      editable: true,
      required: true,
      maxLength: 200,
      wrap: true,
      aliases: ['provider', 'supplier', 'partner', 'with'],
    },
    { field: 'type', header: 'Type', type: 'list', width: 26, editable: true, required: true, list: 'types', aliases: ['agreement type', 'route'] },
    { field: 'purpose', header: 'Purpose', type: 'text', width: 36, editable: true, maxLength: 2000, wrap: true, aliases: ['description', 'what for'] },
    { field: 'legalBasis', header: 'Legal basis', type: 'list', width: 30, editable: true, required: true, list: 'legalBases', aliases: ['basis'] },
    { field: 'legalBasisOn', header: 'Legal basis date', type: 'date', width: 12, editable: true, aliases: ['award date', 'signed'] },
    { field: 'startOn', header: 'Starts', type: 'date', width: 12, editable: true, required: true, aliases: ['start', 'start date', 'from'] },
    { field: 'endOn', header: 'Ends (initial term)', type: 'date', width: 12, editable: true, required: true, aliases: ['end', 'end date', 'to', 'ends'] },
    {
      field: 'annualValuePence',
      header: 'Annual value',
      type: 'money',
      width: 15,
      editable: true,
      required: true,
      nonNegative: true,
      total: true,
      aliases: ['value a year', 'annual', 'value per year', 'yearly value'],
    },
    { field: 'extensionsOffered', header: 'Extensions offered', type: 'int', width: 11, editable: true, aliases: ['extensions', 'extension options'] },
    { field: 'extensionMonths', header: 'Months per extension', type: 'int', width: 11, editable: true, aliases: ['extension months', 'extension length'] },
    { field: 'extensionsTaken', header: 'Extensions taken', type: 'int', width: 11, editable: true, aliases: ['taken', 'extensions used'] },
    { field: 'decisionReference', header: 'Decision reference', type: 'text', width: 13, editable: true, maxLength: 60, aliases: ['decision', 'decision ref'] },
    { field: 'decisionOn', header: 'Decision date', type: 'date', width: 12, editable: true, aliases: ['decided', 'date of decision'] },
    {
      field: 'forwardPlanReference',
      header: 'Forward plan reference',
      type: 'text',
      width: 14,
      editable: true,
      maxLength: 60,
      aliases: ['forward plan', 'forward plan ref', 'fp ref'],
    },
    { field: 'currentEndOn', header: 'Ends (with extensions taken)', type: 'date', width: 13, editable: false },
    { field: 'totalValuePence', header: 'Total to date', type: 'money', width: 15, editable: false, total: true },
    { field: 'totalWithExtensionsPence', header: 'Total with every extension', type: 'money', width: 15, editable: false, total: true },
    { field: 'keyDecision', header: 'Key decision', type: 'text', width: 12, editable: false },
    { field: 'callIn', header: 'Call-in', type: 'text', width: 12, editable: false },
  ],
  instructions: [
    'Change an agreement by typing over it: its counterparty, type, purpose, legal basis and its date, start and end of the initial term, annual value, extension options, extensions taken and decision references.',
    'Add an agreement in one of the blank rows at the foot of the table: it needs a reference, a counterparty, a type, a legal basis, a start, an end and an annual value.',
    'Extensions taken is a count: raising it records the next extensions as taken on the day the workbook is imported; lowering it removes the latest ones taken. It can never be more than the extensions offered.',
    'Dates are days: type 01/04/2026. The end of the initial term may not be before its start.',
    'The end with extensions taken, the totals and the key-decision and call-in flags are worked out by HNB Desk from the thresholds in force on each decision date; they are locked.',
    'To delete an agreement, delete its row: on import you choose whether rows missing from the file are deleted.',
  ],
  fileName: () => 'Agreements and contracts.xlsx',

  load(ws) {
    const today = londonDate(ws.actor.now());
    const rows: DbRow[] = agreementSummaries(ws.db, today).map((a) => ({
      id: a.id,
      values: {
        reference: a.reference,
        counterparty: a.counterparty,
        type: AGREEMENT_TYPE_LABELS[a.type],
        purpose: a.purpose,
        legalBasis: LEGAL_BASIS_LABELS[a.legalBasis],
        legalBasisOn: a.legalBasisOn,
        startOn: a.startOn,
        endOn: a.endOn,
        annualValuePence: a.annualValuePence,
        extensionsOffered: a.extensions.offered,
        extensionMonths: a.extensions.months,
        extensionsTaken: a.extensions.taken,
        decisionReference: a.decisionReference,
        decisionOn: a.decisionOn,
        forwardPlanReference: a.forwardPlanReference,
        currentEndOn: a.currentEndOn,
        totalValuePence: a.totalValuePence,
        totalWithExtensionsPence: a.totalWithExtensionsPence,
        keyDecision: flagText(a.keyDecision),
        callIn: flagText(a.callIn),
      },
    }));
    return {
      rows,
      lists: { types: AGREEMENT_TYPES.map((t) => AGREEMENT_TYPE_LABELS[t]), legalBases: LEGAL_BASES.map((b) => LEGAL_BASIS_LABELS[b]) },
      subtitle: `Every agreement and contract, as at ${ukLongDate(today)}`,
    };
  },

  checkRows(rows, data) {
    const problems: Array<[number, string, string, string]> = [];
    const byId = new Map(data.rows.map((r) => [r.id, r]));
    const byKey = new Map(data.rows.map((r) => [normKey(r.values.reference), r]));
    const inFile = new Set<number>();
    const resolved = rows.map((r) => {
      const key = normKey(r.values.reference);
      let db = r.id !== null ? byId.get(r.id) : undefined;
      if (db && key && normKey(db.values.reference) !== key && byKey.has(key)) {
        // Another agreement's reference beside this one's hidden id: never written to either.
        problems.push([
          r.fileRow,
          'id',
          'the hidden row id must belong to the agreement the row names (leave column A alone)',
          `id ${r.id}, which is agreement ${str(db.values.reference)}, on the row for ${str(r.values.reference)}`,
        ]);
        return null;
      }
      db ??= key ? byKey.get(key) : undefined;
      if (db) inFile.add(db.id);
      return { row: r, db };
    });

    // References held by agreements not in the file stay taken.
    const taken = new Map<string, string>();
    for (const a of data.rows) if (!inFile.has(a.id)) taken.set(normKey(a.values.reference), `agreement ${str(a.values.reference)}`);
    for (const x of resolved) {
      if (!x || x.row.invalid) continue;
      const { row, db } = x;
      const key = normKey(row.values.reference);
      if (key) {
        const other = taken.get(key);
        if (other) problems.push([row.fileRow, 'reference', 'references must be unique', `"${str(row.values.reference)}", already used by ${other}`]);
        else taken.set(key, `row ${row.fileRow}`);
      }
      const v: RowValues = { ...db?.values, ...row.values };
      let blankInt = false;
      for (const f of INT_FIELDS) {
        if (row.values[f] === null && db) {
          problems.push([row.fileRow, f, `${headerOf(f)} must be a whole number: type 0 for none`, 'a blank cell']);
          blankInt = true;
        }
      }
      if (!v.startOn || !v.endOn || blankInt) continue;
      const n = (f: string) => (typeof v[f] === 'number' ? (v[f] as number) : 0);
      const terms = {
        startOn: str(v.startOn),
        endOn: str(v.endOn),
        annualValuePence: n('annualValuePence'),
        extensionsOffered: n('extensionsOffered'),
        extensionMonths: n('extensionMonths'),
      };
      for (const p of agreementProblems(terms, 0, `Agreement ${str(v.reference)}`))
        problems.push([row.fileRow, p.field, `${headerOf(p.field)} ${p.rule}`, p.found]);
      const count = n('extensionsTaken');
      if (count < 0) problems.push([row.fileRow, 'extensionsTaken', 'Extensions taken must not be negative', String(count)]);
      else if (count > terms.extensionsOffered && terms.extensionsOffered >= 0) {
        // Point at whichever the file changed: the count taken, or the number offered.
        const offeredChanged = db !== undefined && row.values.extensionsTaken === db.values.extensionsTaken;
        const found = `${count} taken, ${terms.extensionsOffered} offered`;
        if (offeredChanged) problems.push([row.fileRow, 'extensionsOffered', 'Extensions offered must not be fewer than the extensions taken', found]);
        else
          problems.push([
            row.fileRow,
            'extensionsTaken',
            'Extensions taken must not be more than the extensions offered: an extension taken must be one that was offered',
            found,
          ]);
      }
    }
    return problems;
  },

  apply(rec, ws, _scope, plan) {
    const today = londonDate(ws.actor.now());
    const text = (v: RowValues, f: string) => (v[f] === undefined ? undefined : str(v[f]).trim());
    const date = (v: RowValues, f: string) => (v[f] === undefined ? undefined : (v[f] as string | null) || null);
    const int = (v: RowValues, f: string) => (v[f] === undefined ? undefined : ((v[f] as number | null) ?? 0));
    const fields = (v: RowValues) => ({
      reference: text(v, 'reference'),
      counterparty: text(v, 'counterparty'),
      type: v.type === undefined ? undefined : (typeOf.get(str(v.type)) as AgreementType),
      purpose: text(v, 'purpose'),
      legalBasis: v.legalBasis === undefined ? undefined : (basisOf.get(str(v.legalBasis)) as LegalBasis),
      legalBasisOn: date(v, 'legalBasisOn'),
      startOn: date(v, 'startOn') ?? undefined,
      endOn: date(v, 'endOn') ?? undefined,
      annualValuePence: v.annualValuePence === undefined ? undefined : (v.annualValuePence as number),
      extensionsOffered: int(v, 'extensionsOffered'),
      extensionMonths: int(v, 'extensionMonths'),
      decisionReference: text(v, 'decisionReference'),
      decisionOn: date(v, 'decisionOn'),
      forwardPlanReference: text(v, 'forwardPlanReference'),
    });
    // Taking more records the next ones as taken today; fewer removes the latest first.
    const setTaken = (agreementId: number, count: number | undefined) => {
      if (count === undefined) return;
      const have = extensionsOf(ws.db, agreementId);
      for (let k = have.length + 1; k <= count; k++) rec.insert(agreementExtension, { agreementId, number: k, takenOn: today, decisionReference: '' });
      for (const e of have.slice(count).reverse()) rec.delete(agreementExtension, e.id);
    };
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      rec.update(agreement, c.id, fields(c.values));
      setTaken(c.id, int(c.values, 'extensionsTaken'));
    }
    for (const a of plan.added) {
      rec.source = plan.sourceOf(a.fileRow);
      const f = fields(a.values);
      const row = rec.insert(agreement, {
        ...f,
        reference: f.reference!,
        counterparty: f.counterparty!,
        type: f.type!,
        legalBasis: f.legalBasis!,
        startOn: f.startOn!,
        endOn: f.endOn!,
        annualValuePence: f.annualValuePence!,
      });
      setTaken(row.id, int(a.values, 'extensionsTaken'));
    }
    rec.source = null;
    for (const d of plan.deleted) {
      refuseIfLinked(ws, { id: d.id, reference: str(d.current.reference) });
      deleteAgreementRows(rec, ws, d.id);
    }
  },
};
