import { ukDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import type { PaperTemplate } from '../types';
import { templateKeys } from './templates';

interface TermDates {
  id?: number;
  startDate: string;
  endDate: string | null;
}

const termWords = (t: TermDates) => `${ukDate(t.startDate)} to ${t.endDate === null ? 'no end date' : ukDate(t.endDate)}`;

/** A term that ends before it starts is refused, naming both dates. */
export function checkTermDates(start: string, end: string | null): void {
  if (end !== null && end < start) {
    throw new AppError('INVALID_INPUT', `The term cannot end (${ukDate(end)}) before it starts (${ukDate(start)}). Nothing was saved.`, {
      issues: [{ field: 'termEnd', rule: 'term end on or after its start', message: `ends ${ukDate(end)}, before it starts ${ukDate(start)}` }],
    });
  }
}

export const termsOverlap = (a: TermDates, b: TermDates): boolean => a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

/** A member holds one seat at a time: a new or changed term may not overlap another of theirs. */
export function checkNoOverlap(name: string, term: TermDates, others: TermDates[]): void {
  const clash = others.find((o) => o.id !== term.id && termsOverlap(o, term));
  if (!clash) return;
  const way =
    clash.endDate === null || clash.endDate >= term.startDate
      ? ` End that term first (edit the member and give the day before the new term starts as its end), then add the new term.`
      : ' Choose dates outside it.';
  throw new AppError('INVALID_INPUT', `${name} already has a term from ${termWords(clash)}, which overlaps ${termWords(term)}.${way} Nothing was saved.`, {
    issues: [{ field: 'termStart', rule: 'terms may not overlap', message: `overlaps the term from ${termWords(clash)}` }],
  });
}

/** Papers store their header and sections under the template's keys, so each key must name one thing. */
export function checkTemplate(t: PaperTemplate): void {
  const { fields, sections } = templateKeys(t);
  const dup = (keys: string[]) => keys.find((k, i) => keys.indexOf(k) !== i);
  const field = dup(fields);
  const section = dup(sections);
  if (field || section) {
    const which = field ? `header field key "${field}"` : `section key "${section}"`;
    throw new AppError('INVALID_INPUT', `The paper template uses the ${which} twice; give each a different key. Nothing was saved.`, {
      issues: [{ field: 'paperTemplate', rule: 'template keys must be unique', message: `${which} is used twice` }],
    });
  }
}
