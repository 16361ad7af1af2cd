import { previousYearId } from '../../../../electron/shared/periods';
import type { DbRow, KindData, KindDef, RowValues } from '../../../../electron/server/workbooks/engine/kind';
import { svAgreement, svCondition } from '../../schema';
import { RAG_LABELS, RAGS, type Rag } from '../../words';
import { writeQuarter } from '../monitoring-writes';
import { conditionsOf, monitoringRow, requireSvCondition } from '../queries';
import { quarterLongName, quarterName } from '../rules';
import { scopeAgreement, type SvReturnScope, svReturnScope } from './return-scope';

/** What the rows are checked against: the quarter the file says it is for, and whose conditions are whose. */
interface SvReturnData extends KindData {
  quarter: string;
  agreementName: string;
  /** This agreement's conditions: id -> number. */
  own: Map<number, number>;
  /** Other agreements' conditions: id -> "condition 3 of …". */
  others: Map<number, string>;
}

const ragLabel = (r: Rag | null | undefined) => (r ? RAG_LABELS[r] : '');
const ragValue = (label: unknown): Rag | null => RAGS.find((r) => RAG_LABELS[r].toLowerCase() === String(label ?? '').toLowerCase()) ?? null;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const previousQuarter = (year: string, quarter: number): [string, number] => (quarter > 1 ? [year, quarter - 1] : [previousYearId(year), 4]);
const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '-').trim();

/**
 * The quarterly Safety Valve return: one row per numbered condition, with its target to read and
 * the quarter's RAG, narrative and figures to fill in. Applying it writes that quarter's
 * monitoring of each condition; the quarters before keep their history.
 */
export const safetyValveReturn: KindDef<SvReturnScope> = {
  kind: 'safety-valve-return',
  title: 'Safety Valve quarterly return',
  sheetName: 'Safety Valve return',
  schemaVersion: 1,
  scope: svReturnScope,
  keyField: 'number',
  labelField: 'text',
  rowNoun: 'condition',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  deleteMeans: "this quarter's RAG, narrative and figures for the condition are cleared",
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    {
      field: 'number',
      header: 'Condition no.',
      type: 'code',
      width: 11,
      editable: false,
      key: true,
      required: true,
      aliases: ['condition number', 'number', 'no', 'no.', 'condition'],
    },
    // Read back to tell a sorted sheet from a condition renumbered since the export (see checkRows).
    { field: 'text', header: 'Condition', type: 'text', width: 48, editable: false, key: true, wrap: true, aliases: ['condition text', 'description'] },
    { field: 'target', header: 'Target', type: 'text', width: 32, editable: false, wrap: true, aliases: ['targets', 'measure'] },
    // Read back to catch a `_meta` edited to name another quarter: every row says which it was written for.
    { field: 'quarter', header: 'Quarter', type: 'text', width: 12, editable: false, key: true, aliases: ['period'] },
    { field: 'previousRag', header: 'Last quarter', type: 'text', width: 12, editable: false, aliases: ['previous rag', 'last rag'] },
    { field: 'rag', header: 'RAG', type: 'list', list: 'rag', width: 10, editable: true, aliases: ['rag rating', 'rating', 'status'] },
    {
      field: 'narrative',
      header: 'Narrative',
      type: 'text',
      width: 60,
      editable: true,
      maxLength: 4000,
      wrap: true,
      aliases: ['commentary', 'progress', 'update', 'comments'],
    },
    { field: 'figures', header: 'Figures', type: 'text', width: 32, editable: true, maxLength: 1000, wrap: true, aliases: ['data', 'evidence', 'measures'] },
  ],
  instructions: [
    'For each numbered condition of the agreement, choose a RAG rating for the quarter (Red, Amber or Green), say what progress was made in the Narrative column, and give the figures that show it.',
    'The condition, its target, the quarter and last quarter’s rating are for reference and are locked.',
    'Do not add or delete rows, rename the sheets or change the headings: send the file back as it is and every change will be shown before it is applied.',
  ],
  fileName: (s) => `Safety Valve return ${typeof s.agreement === 'string' ? `${safeName(s.agreement)} ` : ''}${s.year} Q${s.quarter}.xlsx`,

  load(ws, scope): SvReturnData {
    const agreement = scopeAgreement(ws, scope);
    const [prevYear, prevQuarter] = previousQuarter(scope.year, scope.quarter);
    const quarter = quarterName(scope.year, scope.quarter);
    const rows: DbRow[] = conditionsOf(ws.db, agreement.id).map((c) => {
      const now = monitoringRow(ws.db, c.id, scope.year, scope.quarter);
      const before = monitoringRow(ws.db, c.id, prevYear, prevQuarter);
      return {
        id: c.id,
        values: {
          number: String(c.number),
          text: c.text,
          target: c.target,
          quarter,
          previousRag: ragLabel(before?.rag),
          rag: ragLabel(now?.rag),
          narrative: now?.narrative ?? '',
          figures: now?.figures ?? '',
        },
      };
    });
    const own = new Map(rows.map((r) => [r.id, Number(r.values.number)]));
    const names = new Map(
      ws.db
        .select()
        .from(svAgreement)
        .all()
        .map((a) => [a.id, a.name]),
    );
    const others = new Map<number, string>();
    const keysElsewhere = new Map<string, string>();
    for (const c of ws.db.select().from(svCondition).all()) {
      if (c.agreementId === agreement.id) continue;
      const what = `condition ${c.number} of ${names.get(c.agreementId) ?? 'another agreement'}`;
      others.set(c.id, what);
      if (![...own.values()].includes(c.number)) keysElsewhere.set(String(c.number), what);
    }
    return {
      rows,
      lists: { rag: RAGS.map((r) => RAG_LABELS[r]) },
      subtitle: `${agreement.name}: ${quarterLongName(scope.year, scope.quarter)}`,
      keysElsewhere,
      quarter,
      agreementName: agreement.name,
      own,
      others,
    };
  },

  checkRows(rows, kindData) {
    const data = kindData as SvReturnData;
    const problems: Array<[number, string, string, string]> = [];
    const numbers = [...data.own.values()].sort((a, b) => a - b);
    const known = `conditions ${numbers.join(', ')}`;
    const byId = new Map(data.rows.map((r) => [r.id, r]));
    const byNumber = new Map(data.rows.map((r) => [str(r.values.number), r]));
    for (const r of rows) {
      // A row whose hidden id and number disagree was either sorted (its number moved with its text, and the number
      // decides) or its condition was renumbered since the export (the id kept its text): then the number now names
      // another condition, whose quarter this report is not about.
      const exportedFor = r.id !== null ? byId.get(r.id) : undefined;
      const numbered = byNumber.get(str(r.values.number).trim());
      const text = r.values.text === undefined ? undefined : str(r.values.text);
      if (exportedFor && numbered && exportedFor.id !== numbered.id && text === str(exportedFor.values.text) && text !== str(numbered.values.text)) {
        problems.push([
          r.fileRow,
          'number',
          `this row was exported for "${text}", which is now condition ${str(exportedFor.values.number)}; condition ${str(numbered.values.number)} is now "${str(numbered.values.text)}". The conditions were renumbered after this return was exported, so nothing is applied: export the return again and copy the reports into it`,
          `"${str(r.values.number)}"`,
        ]);
      }
      if (r.values.quarter !== undefined && str(r.values.quarter) !== data.quarter) {
        problems.push([
          r.fileRow,
          'quarter',
          `every row must be for ${data.quarter}, the quarter this return was exported for; the workbook's hidden _meta sheet and its rows disagree, so nothing is applied. Export the return for the quarter you mean`,
          `"${str(r.values.quarter)}"`,
        ]);
      }
      if (r.id !== null && !data.own.has(r.id)) {
        const whose = data.others.get(r.id);
        problems.push([
          r.fileRow,
          'id',
          `must be the row id HNB Desk wrote for one of ${data.agreementName}'s conditions (leave the hidden column alone)`,
          whose ? `id ${r.id}, which is ${whose}` : `id ${r.id}, which is no condition of this agreement`,
        ]);
      }
      const n = str(r.values.number).trim();
      if (n !== '' && !numbers.some((x) => String(x) === n)) {
        const elsewhere = data.keysElsewhere?.get(n);
        problems.push([r.fileRow, 'number', `must be one of ${data.agreementName}'s ${known}`, elsewhere ? `"${n}", which is ${elsewhere}` : `"${n}"`]);
      }
    }
    return problems;
  },

  apply(rec, ws, scope, plan) {
    const write = (id: number, v: RowValues) => {
      const condition = requireSvCondition(ws.db, id);
      writeQuarter(rec, ws.db, condition, scope.year, scope.quarter, { rag: ragValue(v.rag), narrative: str(v.narrative), figures: str(v.figures) });
    };
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      write(c.id, { ...c.current, ...c.values });
    }
    rec.source = null;
    for (const d of plan.deleted) write(d.id, { rag: '', narrative: '', figures: '' });
  },
};
