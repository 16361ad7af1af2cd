import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { ukDate } from '../../../../electron/shared/dates';
import type { ProjectSummary } from '../../types';
import { RAG_LABELS } from '../../words';

/** A project, or the totals row pinned under them. */
export type RegisterRow = ProjectSummary & { isTotal?: boolean };
type P = ICellRendererParams<RegisterRow>;

/**
 * The register's cells that are more than text, drawn as plain DOM rather than React components:
 * a screenful of 200 projects' badges as React portals costs more than the rest of the screen.
 */
abstract class Cell implements ICellRendererComp<RegisterRow> {
  protected el: HTMLElement = document.createElement('span');
  init(p: P): void {
    this.el = this.draw(p);
  }
  getGui(): HTMLElement {
    return this.el;
  }
  refresh(): boolean {
    return false;
  }
  protected abstract draw(p: P): HTMLElement;
}

const span = (className: string, text: string): HTMLElement => {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
};

/** The code, a link to the project's page. Out of the tab order: arrows move between cells, Enter opens the row's project. */
export class CodeCell extends Cell {
  protected draw(p: P): HTMLElement {
    const d = p.data;
    if (!d || d.isTotal) return span('total-label', d?.code ?? '');
    const a = document.createElement('a');
    a.href = `#/register/${d.id}`;
    a.tabIndex = -1;
    a.textContent = d.code;
    a.setAttribute('aria-label', `Open ${d.code} ${d.name}`);
    return a;
  }
}

/** The RAG in words; the colour only repeats the word. */
export class RagCell extends Cell {
  protected draw(p: P): HTMLElement {
    const d = p.data;
    if (!d || d.isTotal) return span('', '');
    return d.rag ? span(`rag-chip rag-${d.rag}`, RAG_LABELS[d.rag]) : span('rag-chip rag-none', 'Not rated');
  }
}

/** The next milestone not done: its date and title, "Overdue" said before it when it is. */
export class MilestoneCell extends Cell {
  protected draw(p: P): HTMLElement {
    const d = p.data;
    if (!d || d.isTotal) return span('', '');
    const m = d.nextMilestone;
    if (!m) return span('muted-cell', d.milestonesTotal > 0 ? 'All done' : 'None set');
    const out = span(m.overdue ? 'milestone-cell is-overdue' : 'milestone-cell', '');
    if (m.overdue) out.append(span('overdue-tag', 'Overdue'));
    out.append(`${ukDate(m.dueOn)} ${m.title}`);
    return out;
  }
}
