/**
 * What a re-issued pack changes against the version before, worked out from the two stored
 * snapshots alone: papers added or removed, agenda entries changed, text changed section by
 * section, and every figure that moved, old -> new. Items are matched by id, so renumbering
 * an agenda is one change to an item, not a removed and an added paper.
 */
import { moneyFormat } from '../../../electron/shared/money';
import { richText } from '../../../electron/shared/rich-doc';
import { CONSTITUENCY_LABELS, PURPOSE_LABELS } from '../words';
import type { PackDifference } from '../types';
import { renderPaper } from '../papers/render';
import type { PackItemSnapshot, PackSnapshot } from './snapshot';

type Paper = NonNullable<PackItemSnapshot['paper']>;

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

function itemChanges(a: PackItemSnapshot, b: PackItemSnapshot): string[] {
  const out: string[] = [];
  if (a.number !== b.number) out.push(`number: ${a.number} → ${b.number}`);
  if (a.title !== b.title) out.push(`title: "${a.title}" → "${b.title}"`);
  if (a.exempt !== b.exempt) out.push(`exempt: ${yesNo(a.exempt)} → ${yesNo(b.exempt)}${b.exempt ? ` (Schedule 12A paragraph ${b.exemptParagraph})` : ''}`);
  else if (a.exempt && a.exemptParagraph !== b.exemptParagraph) out.push(`Schedule 12A paragraph: ${a.exemptParagraph} → ${b.exemptParagraph}`);
  if (a.publicSummary !== b.publicSummary) out.push('public summary changed');
  if (a.purpose !== b.purpose) out.push(`purpose: ${PURPOSE_LABELS[a.purpose]} → ${PURPOSE_LABELS[b.purpose]}`);
  if (a.votingConstituency !== b.votingConstituency) {
    out.push(`who may vote: ${CONSTITUENCY_LABELS[a.votingConstituency]} → ${CONSTITUENCY_LABELS[b.votingConstituency]}`);
  }
  if (a.presenter !== b.presenter) out.push(`presenter: "${a.presenter}" → "${b.presenter}"`);
  return out;
}

/** Section headings by key, the template's children included ("Legal implications"). */
function headings(paper: Paper): Map<string, string> {
  const m = new Map<string, string>();
  const t = paper.template;
  for (const s of [...t.preamble, ...t.sections]) {
    m.set(s.key, s.heading);
    for (const c of s.children ?? []) m.set(c.key, c.heading);
  }
  return m;
}

function textChanges(a: Paper, b: Paper): string[] {
  const out: string[] = [];
  const labels = new Map([...a.template.fields, ...b.template.fields].map((f) => [f.key, f.label]));
  for (const key of new Set([...Object.keys(a.header), ...Object.keys(b.header)])) {
    if ((a.header[key] ?? '').trim() !== (b.header[key] ?? '').trim()) out.push(labels.get(key) ?? key);
  }
  const names = new Map([...headings(a), ...headings(b)]);
  const order = [...names.keys(), ...Object.keys(a.sections), ...Object.keys(b.sections)];
  for (const key of new Set(order)) {
    const before = a.sections[key] ? richText(a.sections[key]) : '';
    const after = b.sections[key] ? richText(b.sections[key]) : '';
    if (before !== after) out.push(names.get(key) ?? key);
  }
  return out;
}

function appendixChanges(a: Paper, b: Paper): string[] {
  const key = (x: Paper['appendices'][number]) => `${x.title}\u0000${x.sha256}`;
  const before = new Set(a.appendices.map(key));
  const after = new Set(b.appendices.map(key));
  return [
    ...b.appendices.filter((x) => !before.has(key(x))).map((x) => `appendix "${x.title}" added or replaced`),
    ...a.appendices.filter((x) => !after.has(key(x)) && !b.appendices.some((y) => y.title === x.title)).map((x) => `appendix "${x.title}" removed`),
  ];
}

interface FigureAt {
  block: string;
  label: string;
  pence: number | null;
}

function figuresOf(item: PackItemSnapshot, paper: Paper): Map<string, FigureAt> {
  const rendered = renderPaper(paper, moneyFormat('minus'), { number: item.number, title: item.title });
  const m = new Map<string, FigureAt>();
  for (const f of rendered.figures) m.set(`${f.block}\u0000${f.key}`, { block: f.block, label: f.label, pence: f.pence });
  return m;
}

export function packDifferences(before: PackSnapshot, after: PackSnapshot): PackDifference[] {
  const out: PackDifference[] = [];
  const old = new Map(before.items.map((i) => [i.id, i]));
  const seen = new Set<number>();
  for (const b of after.items) {
    const a = old.get(b.id);
    seen.add(b.id);
    const where = { item: b.number, title: b.title };
    if (!a) {
      if (b.paper) out.push({ kind: 'paper-added', ...where });
      else out.push({ kind: 'item-changed', ...where, what: 'added to the agenda' });
      continue;
    }
    for (const what of itemChanges(a, b)) out.push({ kind: 'item-changed', ...where, what });
    if (!a.paper && b.paper) out.push({ kind: 'paper-added', ...where });
    if (a.paper && !b.paper) out.push({ kind: 'paper-removed', ...where });
    if (!a.paper || !b.paper) continue;
    for (const section of textChanges(a.paper, b.paper)) out.push({ kind: 'text-changed', ...where, section });
    for (const what of appendixChanges(a.paper, b.paper)) out.push({ kind: 'item-changed', ...where, what });
    const fa = figuresOf(a, a.paper);
    const fb = figuresOf(b, b.paper);
    for (const key of new Set([...fa.keys(), ...fb.keys()])) {
      const x = fa.get(key);
      const y = fb.get(key);
      const oldPence = x?.pence ?? null;
      const newPence = y?.pence ?? null;
      if (oldPence === newPence) continue;
      out.push({ kind: 'figure-moved', ...where, block: (y ?? x)!.block, figure: (y ?? x)!.label, oldPence, newPence });
    }
  }
  for (const a of before.items) {
    if (seen.has(a.id)) continue;
    const where = { item: a.number, title: a.title };
    out.push(a.paper ? { kind: 'paper-removed', ...where } : { kind: 'item-changed', ...where, what: 'removed from the agenda' });
  }
  return out;
}
