/**
 * A Schools Forum meeting with papers for the pack tests: a monitoring paper with the live
 * High Needs table at P7 and an inline figure, a DSG position paper with its table and chart and
 * a PDF and a workbook appendix, and an exempt contract paper under paragraph 3.
 */
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RichDoc, RichNode } from '../../../../electron/shared/rich-doc';
import type { TestServer } from '../../../support/workspace';

export const EXEMPT_TEXT = 'Tender evaluation: Bidder Q scored 71 on quality';
/** Typed by a user: must print as these characters, never become markup. */
export const HOSTILE_TEXT = '<script>alert("x")</script> & <img src="https://example.com/x.png">';
/** A provider's name typed into a table cell: must reach the workbook as text, never a formula. */
export const FORMULA_TEXT = '=HYPERLINK("https://example.com/x","Open")';
export const MONITORING_TEXT = 'The forecast for the year has moved since the last meeting';

const text = (t: string): RichNode => ({ type: 'text', text: t });
const row = (cell: 'tableHeader' | 'tableCell', texts: string[]): RichNode => ({
  type: 'tableRow',
  content: texts.map((t) => ({ type: cell, content: [{ type: 'paragraph', content: t ? [text(t)] : [] }] })),
});
/** A table typed into the text, as the editor stores it: a header row, then the body rows. */
export const typedTable = (headers: string[], rows: string[][]): RichNode => ({
  type: 'table',
  content: [row('tableHeader', headers), ...rows.map((r) => row('tableCell', r))],
});
const para = (...parts: Array<string | RichNode>): RichNode => ({ type: 'paragraph', content: parts.map((p) => (typeof p === 'string' ? text(p) : p)) });
export const doc = (...nodes: RichNode[]): RichDoc => ({ type: 'doc', content: nodes });

export async function pdfAppendix(title: string, pages: number): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) pdf.addPage([595, 842]).drawText(`${title}, page ${i}`, { x: 72, y: 760, size: 14, font });
  return Buffer.from(await pdf.save()).toString('base64');
}

async function xlsxAppendix(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Model').addRow(['Place', 'Cost']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export interface PackMeeting {
  bodyId: number;
  meetingId: number;
  items: { apologies: number; monitoring: number; position: number; contract: number };
}

/** Inserts go through the channels where they exist. */
export async function forumMeeting(t: TestServer): Promise<PackMeeting> {
  const body = await t.ok('saveBody', {
    name: 'County Schools Forum',
    kind: 'schools_forum',
    quorumKind: 'fraction',
    papersDeadlineDays: 5,
    clerkName: 'Priya Shah',
    clerkEmail: 'forum.clerk@example.gov.uk',
    clerkPhone: '01632 960123',
    defaultVenue: 'Committee Room 2, County Hall',
  });
  const m = await t.ok('saveMeeting', { bodyId: body.id, startsAt: '2026-12-10T14:00', venue: 'Committee Room 2, County Hall' });
  const meetingId = m.meeting.id;
  const add = async (input: Record<string, unknown>) => {
    const d = await t.ok('saveAgendaItem', { meetingId, votingConstituency: 'none', exempt: false, ...input });
    return d.items[d.items.length - 1]!.id;
  };
  const existing = (await t.ok('getMeeting', { id: meetingId })).items;
  const apologies = existing[0]?.id ?? (await add({ title: 'Apologies for absence', purpose: 'information' }));
  const monitoring = await add({ title: 'High Needs budget monitoring 2026-27 at P7', purpose: 'information', presenter: 'Head of SEND Finance' });
  const position = await add({
    title: 'DSG position & deficit management',
    purpose: 'consultation',
    presenter: 'Finance Business Partner',
    votingConstituency: 'whole_forum',
  });
  const contract = await add({
    title: 'Specialist transport contract award',
    purpose: 'decision',
    presenter: 'Commissioning Manager',
    votingConstituency: 'whole_forum',
    exempt: true,
    exemptParagraph: 3,
    publicSummary: 'Award of the specialist transport contract from April 2027.',
  });

  const monitoringBlock: RichNode = { type: 'liveBlock', attrs: { id: 'mon-p7', kind: 'monitoring-table', settings: { year: '2026-27', period: 7 } } };
  const figure: RichNode = { type: 'liveFigure', attrs: { id: 'fig-cf', kind: 'figure', settings: { year: '2026-27', period: 7, measure: 'variance' } } };
  await t.ok('savePaper', {
    itemId: monitoring,
    header: { to: 'Schools Forum', date: '2026-12-10', title: 'High Needs budget monitoring', author: 'Head of SEND Finance' },
    sections: {
      purpose: doc(para('To report the forecast outturn of the High Needs Block at period 7.'), para(HOSTILE_TEXT)),
      recommendations: doc(para('The forum is asked to note the forecast.')),
      supporting_information: doc(para(`${MONITORING_TEXT}: the variance stands at `, figure, '.'), monitoringBlock),
    },
  });
  await t.ok('savePaper', {
    itemId: position,
    header: { to: 'Schools Forum', date: '2026-12-10', title: 'DSG position', author: 'Finance Business Partner' },
    sections: {
      purpose: doc(para('To set out the DSG position and the deficit carried forward.')),
      supporting_information: doc(
        para('The position at period 7 is below.'),
        { type: 'liveBlock', attrs: { id: 'pos-table', kind: 'position-table', settings: { year: '2026-27', period: 7 } } },
        { type: 'liveBlock', attrs: { id: 'pos-chart', kind: 'position-chart', settings: { year: '2026-27' } } },
      ),
    },
  });
  const pos = await t.ok('getPaper', { itemId: position });
  await t.ok('addAppendix', {
    paperId: pos!.id,
    title: 'Deficit management plan',
    file: { fileName: 'plan.pdf', base64: await pdfAppendix('Deficit management plan', 2) },
  });
  await t.ok('addAppendix', { paperId: pos!.id, title: 'Cost model', file: { fileName: 'model.xlsx', base64: await xlsxAppendix() } });
  await t.ok('savePaper', {
    itemId: contract,
    header: { to: 'Schools Forum', date: '2026-12-10', title: 'Specialist transport contract', author: 'Commissioning Manager' },
    sections: {
      purpose: doc(para('To award the contract.')),
      supporting_information: doc(
        para(EXEMPT_TEXT),
        { type: 'liveBlock', attrs: { id: 'contract-position', kind: 'position-table', settings: { year: '2026-27', period: 7 } } },
        para('Table 1: bids that met the quality threshold, ranked by total score.'),
        typedTable(
          ['Rank', 'Provider', 'Price per place a year', 'Quality score'],
          [
            ['1', 'Elmwood Learning Ltd', '£55,800', '54.0'],
            ['2', FORMULA_TEXT, '£57,400', '52.5'],
          ],
        ),
      ),
    },
  });
  return { bodyId: body.id, meetingId, items: { apologies, monitoring, position, contract } };
}
