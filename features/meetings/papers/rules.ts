/** The rules a paper is held to, as pure functions: its body's template, and the papers deadline. */
import { isCalendarDate, ukLongDate } from '../../../electron/shared/dates';
import type { ErrorIssue } from '../../../electron/shared/errors';
import { MAX_DOC_CHARS } from '../../../electron/shared/rich-doc';
import type { PaperTemplate } from '../types';

/** A whole paper, all its sections together: well beyond any real paper, short of a pasted book. */
export const MAX_PAPER_CHARS = 2 * MAX_DOC_CHARS;

const quoted = (keys: string[]) => keys.map((k) => `"${k}"`).join(', ');

function templateSectionKeys(t: PaperTemplate): string[] {
  return [...t.preamble.map((s) => s.key), ...t.sections.flatMap((s) => [s.key, ...(s.children ?? []).map((c) => c.key)])];
}

/** Problems with a paper's header and sections against its body's template; empty when it fits. */
export function paperShapeIssues(t: PaperTemplate, header: Record<string, string>, sections: Record<string, unknown>): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const fields = new Map(t.fields.map((f) => [f.key, f]));
  const unknownFields = Object.keys(header).filter((k) => !fields.has(k));
  if (unknownFields.length) {
    issues.push({
      field: 'header',
      rule: "header fields must be the template's",
      message: `The ${t.name} template has no header field ${quoted(unknownFields)}; its fields are ${quoted([...fields.keys()])}.`,
    });
  }
  const sectionKeys = templateSectionKeys(t);
  const unknownSections = Object.keys(sections).filter((k) => !sectionKeys.includes(k));
  if (unknownSections.length) {
    issues.push({
      field: 'sections',
      rule: "sections must be the template's",
      message: `The ${t.name} template has no section ${quoted(unknownSections)}; its sections are ${quoted(sectionKeys)}.`,
    });
  }
  for (const [key, value] of Object.entries(header)) {
    const f = fields.get(key);
    const v = value.trim();
    if (!f || v === '') continue;
    if (f.kind === 'date' && !(isCalendarDate(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))) {
      issues.push({ field: `header.${key}`, rule: 'must be a date', message: `${f.label} must be a date written YYYY-MM-DD, not "${value.slice(0, 40)}".` });
    }
    if (f.kind === 'yesno' && v !== 'yes' && v !== 'no') {
      issues.push({ field: `header.${key}`, rule: 'must be yes or no', message: `${f.label} must be "yes" or "no", not "${value.slice(0, 40)}".` });
    }
  }
  const size = JSON.stringify(sections).length;
  if (size > MAX_PAPER_CHARS) {
    issues.push({
      field: 'sections',
      rule: 'paper size limit',
      message: `The paper is too long: all its sections together may hold at most ${MAX_PAPER_CHARS.toLocaleString('en-GB')} characters. Move the detail into an appendix.`,
    });
  }
  return issues;
}

/** Late when first added after the deadline day (London dates, ISO), so on the deadline day itself it is on time. */
export function isLate(today: string, deadline: string): boolean {
  return today > deadline;
}

/** Why a late paper is refused without its reason. */
export function lateReasonNeeded(deadline: string, meetingDay: string): string {
  return `This paper is late: papers for the meeting on ${ukLongDate(meetingDay)} were due by ${ukLongDate(deadline)}. Give the reason it is late; the reason is recorded with the paper and shown on the agenda.`;
}
