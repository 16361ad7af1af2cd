/**
 * A paper's parts in the order they are written, numbered as the printed paper numbers them:
 * the preamble unnumbered (a council report's summary and recommendations), then 1 Purpose,
 * 2 Recommendations …; a section with children is a heading over them (4 Corporate
 * considerations, 4.1 Consultation and engagement …) and has no text of its own. DOM-free.
 */
import type { PaperTemplate } from '../../types';

export interface PaperPart {
  /** The key its text is saved under; null for a heading over children. */
  key: string | null;
  number: string | null;
  heading: string;
  /** 2 for a section, 3 for a child of one (the screen's heading levels). */
  level: 2 | 3;
}

export function paperParts(template: PaperTemplate): PaperPart[] {
  const parts: PaperPart[] = template.preamble.map((p) => ({ key: p.key, number: null, heading: p.heading, level: 2 }));
  template.sections.forEach((s, i) => {
    const n = String(i + 1);
    if (s.children?.length) {
      parts.push({ key: null, number: n, heading: s.heading, level: 2 });
      s.children.forEach((c, j) => {
        parts.push({ key: c.key, number: `${n}.${j + 1}`, heading: c.heading, level: 3 });
      });
    } else {
      parts.push({ key: s.key, number: n, heading: s.heading, level: 2 });
    }
  });
  return parts;
}

/** "4.1 Consultation and engagement", "Summary of main issues". */
export function partTitle(p: PaperPart): string {
  return p.number ? `${p.number} ${p.heading}` : p.heading;
}
