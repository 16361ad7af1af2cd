/**
 * Agreements needing a decision, as a live block for a Cabinet or forum paper: each agreement whose
 * term ends, or whose next extension is to be decided, within the alert window, and each key
 * decision with no decision reference, read through the same rules as the agreements screen.
 */
import { z } from 'zod';
import type { BlockKind, BlockRendered, BlockTable } from '../../../electron/server/documents/block-kind';
import { blockTableHtml } from '../../../electron/server/documents/blocks/table-html';
import { londonDate, ukDate, ukLongDate } from '../../../electron/shared/dates';
import type { AgreementAlert } from '../types';
import { AGREEMENT_TYPE_LABELS } from '../words';
import { agreementSummaries, alertDays } from './queries';

const DECISIONS: ReadonlyArray<AgreementAlert['kind']> = ['ending', 'extension-decision', 'no-decision-reference'];

interface DecisionsSnapshot {
  today: string;
  alertDays: number;
  rows: Array<{
    reference: string;
    counterparty: string;
    type: string;
    annualValuePence: number;
    totalWithExtensionsPence: number;
    currentEndOn: string;
    keyDecision: boolean;
    needed: string[];
  }>;
}

const LABEL = 'Agreements needing a decision';
const settings = z.object({});

export const agreementDecisionsBlock: BlockKind<z.infer<typeof settings>> = {
  kind: 'agreements-decisions',
  label: LABEL,
  inline: false,
  fields: [],
  settings,
  load(ws): DecisionsSnapshot {
    const today = londonDate(ws.actor.now());
    const rows = agreementSummaries(ws.db, today)
      .map((a) => ({ a, needed: a.alerts.filter((x) => DECISIONS.includes(x.kind)) }))
      .filter((x) => x.needed.length > 0)
      .map(({ a, needed }) => ({
        reference: a.reference,
        counterparty: a.counterparty,
        type: AGREEMENT_TYPE_LABELS[a.type],
        annualValuePence: a.annualValuePence,
        totalWithExtensionsPence: a.totalWithExtensionsPence,
        currentEndOn: a.currentEndOn,
        keyDecision: a.keyDecision.value,
        needed: needed.map((x) => x.text),
      }));
    return { today, alertDays: alertDays(ws.db), rows };
  },
  render(snapshot, money): BlockRendered {
    const s = snapshot as DecisionsSnapshot;
    const caption = `${LABEL}, at ${ukLongDate(s.today)}`;
    const table: BlockTable = {
      title: caption,
      columns: [
        { header: 'Agreement', kind: 'text' },
        { header: 'Type', kind: 'text' },
        { header: 'A year', kind: 'money' },
        { header: 'With every extension', kind: 'money' },
        { header: 'Ends', kind: 'text' },
        { header: 'Key decision', kind: 'text' },
        { header: 'Decision needed', kind: 'text' },
      ],
      rows:
        s.rows.length > 0
          ? s.rows.map((r) => ({
              cells: [
                `${r.reference} ${r.counterparty}`,
                r.type,
                r.annualValuePence,
                r.totalWithExtensionsPence,
                ukDate(r.currentEndOn),
                r.keyDecision ? 'Yes' : 'No',
                r.needed.join(' '),
              ],
            }))
          : [{ cells: ['No agreement needs a decision in this period.', null, null, null, null, null, null] }],
      note: `Agreements ending, or with an extension to decide, within ${s.alertDays} days of ${ukLongDate(s.today)}, and key decisions with no decision reference recorded.`,
    };
    return {
      caption,
      html: `<div class="block block-agreements-decisions">${blockTableHtml(table, money)}</div>`,
      tables: [table],
      text: null,
      figures: s.rows.map((r) => ({ key: `${r.reference}.annual`, label: `${r.reference}: a year`, pence: r.annualValuePence })),
      wide: true,
    };
  },
};
