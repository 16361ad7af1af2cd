/**
 * The draft minutes a clerk starts from, built from the meeting's record: attendance and the
 * quorum, each item with its resolution, the vote and who voted, declarations and actions. Only
 * nodes the paper editor makes (electron/shared/rich-doc.ts), so the draft opens in the same
 * editor and renders through the same escaping.
 */
import { ukLongDate } from '../../../electron/shared/dates';
import type { RichDoc, RichNode } from '../../../electron/shared/rich-doc';
import type { ActionInfo, AgendaItemInfo, AttendanceInfo, DeclarationInfo, MeetingDetail } from '../types';
import { CONSTITUENCY_LABELS, OUTCOME_LABELS, SCHEDULE_12A, SEAT_LABELS } from '../words';
import { meetingWhen } from './status';

const text = (t: string, bold = false): RichNode => (bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t });
/** A paragraph of runs; empty runs are dropped (the editor never holds an empty text node). */
const para = (...runs: Array<RichNode | string>): RichNode => ({
  type: 'paragraph',
  content: runs.map((r) => (typeof r === 'string' ? text(r) : r)).filter((r) => r.text !== ''),
});
const heading = (level: 1 | 2 | 3, t: string): RichNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const bullets = (lines: RichNode[][]): RichNode => ({ type: 'bulletList', content: lines.map((runs) => ({ type: 'listItem', content: [para(...runs)] })) });

function nameList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const who = (a: AttendanceInfo) => (a.organisation ? `${a.name} (${a.organisation})` : a.name);

/** "RESOLVED that …", whether the clerk typed the opening words or not. */
export function resolutionRuns(resolution: string): RichNode[] {
  const r = resolution.trim();
  const opening = /^resolved\b[\s:,-]*/i.exec(r);
  if (opening) return [text('RESOLVED', true), text(` ${r.slice(opening[0].length)}`)].filter((n) => n.text!.trim() !== '');
  if (/^that\b/i.test(r)) return [text('RESOLVED', true), text(` ${r}`)];
  return [text('RESOLVED', true), text(` that ${r}`)];
}

/** An action as the minutes list it: under its item, in the action log (with its item), or as a matter arising (with its meeting). */
function actionRuns(a: ActionInfo, where: 'item' | 'log' | 'arising'): RichNode[] {
  const due = a.dueDate ? `, by ${ukLongDate(a.dueDate)}` : '';
  const item = a.itemNumber ? `item ${a.itemNumber}` : '';
  const from =
    where === 'arising'
      ? ` (from the meeting on ${ukLongDate(a.meetingDate.slice(0, 10))}${item ? `, ${item}` : ''})`
      : where === 'log' && item
        ? ` (${item})`
        : '';
  return [text(a.description), text(` Owner: ${a.owner}${due}.${from}`)];
}

function declarationRuns(d: DeclarationInfo, underItem = false): RichNode[] {
  return [text(d.memberName, true), text(`${d.itemNumber && !underItem ? ` (item ${d.itemNumber})` : ''}: ${d.interest}`)];
}

function attendanceSection(detail: MeetingDetail): RichNode[] {
  const list = detail.attendance;
  const voting = list.filter((a) => a.status === 'present' && a.voting);
  const inAttendance = list.filter((a) => a.status === 'present' && !a.voting);
  const subs = list.filter((a) => a.status === 'substitute');
  const apologies = list.filter((a) => a.status === 'apologies');
  const absent = list.filter((a) => a.status === 'absent');
  const out: RichNode[] = [heading(2, 'Attendance')];
  const line = (label: string, names: string[]) => {
    if (names.length > 0) out.push(para(text(`${label}: `, true), `${nameList(names)}.`));
  };
  line(
    'Present',
    voting.map((a) => {
      const about = [a.organisation, a.seatCategory ? SEAT_LABELS[a.seatCategory].toLowerCase() : ''].filter(Boolean).join(', ');
      return about ? `${a.name} (${about})` : a.name;
    }),
  );
  line(
    'Substitutes',
    subs.map((a) => `${a.substituteName ?? 'a substitute'} for ${a.name}`),
  );
  line('In attendance', inAttendance.map(who));
  line(
    'Apologies',
    apologies.map((a) => a.name),
  );
  line(
    'Absent',
    absent.map((a) => a.name),
  );
  out.push(para(detail.quorum.text));
  return out;
}

function voteParagraphs(item: AgendaItemInfo): RichNode[] {
  const v = item.votes;
  if (v.source === 'none' || item.votingConstituency === 'none') return [];
  const constituency = CONSTITUENCY_LABELS[item.votingConstituency].toLowerCase();
  const out = [para(text('Vote', true), ` (${constituency}): ${v.for} for, ${v.against} against, ${v.abstain} abstaining.`)];
  if (v.source === 'named') {
    const named = (choice: string, label: string) => {
      const names = v.named.filter((n) => n.choice === choice).map((n) => (n.castBy ? `${n.name} (by ${n.castBy}, substitute)` : n.name));
      return names.length ? `${label}: ${nameList(names)}.` : '';
    };
    const lines = [named('for', 'For'), named('against', 'Against'), named('abstain', 'Abstaining')].filter(Boolean);
    if (lines.length) out.push(para(lines.join(' ')));
  }
  return out;
}

function itemSection(item: AgendaItemInfo, detail: MeetingDetail, approvals: ReadonlyMap<number, string[]>): RichNode[] {
  const out: RichNode[] = [heading(2, `${item.number}. ${item.title}`)];
  if (item.exempt && item.exemptParagraph !== null) {
    out.push(
      para(
        text(`NOT FOR PUBLICATION – Schedule 12A paragraph ${item.exemptParagraph}`, true),
        ` (${SCHEDULE_12A[item.exemptParagraph] ?? ''}). Public summary: ${item.publicSummary}`,
      ),
    );
  }
  switch (item.standingKind) {
    case 'apologies': {
      const apologies = detail.attendance.filter((a) => a.status === 'apologies').map((a) => a.name);
      const subs = detail.attendance.filter((a) => a.status === 'substitute').map((a) => `${a.substituteName ?? 'a substitute'} for ${a.name}`);
      out.push(para(apologies.length ? `Apologies were received from ${nameList(apologies)}.` : 'No apologies were received.'));
      if (subs.length) out.push(para(`Substitutes: ${nameList(subs)}.`));
      break;
    }
    case 'declarations':
      if (detail.declarations.length) out.push(bullets(detail.declarations.map((x) => declarationRuns(x))));
      else out.push(para('No declarations of interest were made.'));
      break;
    case 'minutes':
      for (const when of approvals.get(item.id) ?? [])
        out.push(para(`The minutes of the meeting on ${ukLongDate(when.slice(0, 10))} were approved as a correct record.`));
      break;
    case 'matters_arising':
      if (detail.mattersArising.length) out.push(bullets(detail.mattersArising.map((a) => actionRuns(a, 'arising'))));
      else out.push(para('There were no open actions from earlier meetings.'));
      break;
    default:
      for (const d of detail.declarations.filter((x) => x.itemId === item.id)) out.push(para(text('Declaration: ', true), ...declarationRuns(d, true)));
  }
  if (item.resolution.trim()) out.push(para(...resolutionRuns(item.resolution)));
  out.push(...voteParagraphs(item));
  if (item.outcome) out.push(para(text('Outcome', true), `: ${OUTCOME_LABELS[item.outcome]}.`));
  const actions = detail.actions.filter((a) => a.itemId === item.id);
  if (actions.length) out.push(para(text('Actions', true)), bullets(actions.map((a) => actionRuns(a, 'item'))));
  return out;
}

/**
 * `approvals`: for each of this meeting's items, the start times of the earlier meetings whose
 * minutes were approved at it.
 */
export function draftMinutes(detail: MeetingDetail, approvals: ReadonlyMap<number, string[]> = new Map()): RichDoc {
  const m = detail.meeting;
  const where = [m.venue, m.onlineLink].filter(Boolean).join(', ');
  const content: RichNode[] = [
    heading(1, `${detail.body.name}: minutes`),
    para(`Minutes of the meeting held on ${meetingWhen(m.startsAt)}${where ? `, ${where}` : ''}.`),
    ...attendanceSection(detail),
  ];
  for (const item of detail.items) content.push(...itemSection(item, detail, approvals));
  const hasDeclarationsItem = detail.items.some((i) => i.standingKind === 'declarations');
  if (!hasDeclarationsItem && detail.declarations.length)
    content.push(heading(2, 'Declarations of interest'), bullets(detail.declarations.map((x) => declarationRuns(x))));
  if (detail.actions.length) content.push(heading(2, 'Actions'), bullets(detail.actions.map((a) => actionRuns(a, 'log'))));
  return { type: 'doc', content };
}
