/**
 * A paper for the pack, in two steps. `snapshotPaper` reads everything the paper shows, live
 * blocks included, into plain JSON: publishing stores it, so a published pack never reads the
 * data again. `renderPaper` turns a snapshot into print HTML, the tables the workbook gets and
 * every figure a re-issue compares, from the snapshot alone.
 */
import type { BlockFigure, BlockTable } from '../../../electron/server/documents/block-kind';
import type { BlockRegistry } from '../../../electron/server/documents/block-kind';
import { blockProblemHtml, settingsProblem } from '../../../electron/server/documents/blocks/block-common';
import { escapeHtml, richDocHtml } from '../../../electron/server/documents/rich-html';
import { REGISTRY } from '../../../electron/server/features';
import type { Workspace } from '../../../electron/server/workspace';
import { isCalendarDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import type { MoneyFormat } from '../../../electron/shared/money';
import type { RichDoc, RichNode } from '../../../electron/shared/rich-doc';
import type { PaperTemplate, TemplateSection } from '../types';
import { blockContext } from './block-context';
import { liveNodes, sectionOrder } from './live-nodes';
import { appendicesOf, paperOfItem, paperPlace, parseHeader, parseSections } from './queries';

/** A live block as the snapshot holds it: its data, or why its data could not be read. */
export type PaperBlockSnapshot =
  | { kind: string; settings: Record<string, unknown>; snapshot: unknown }
  | { kind: string; settings: Record<string, unknown>; problem: string };

/** Everything a paper prints, as JSON. Stored in a published pack; never read back from the workspace. */
export interface PaperSnapshot {
  paperId: number;
  template: PaperTemplate;
  header: Record<string, string>;
  sections: Record<string, RichDoc>;
  late: boolean;
  lateReason: string;
  addedAt: string;
  appendices: Array<{ id: number; title: string; fileName: string; format: 'pdf' | 'xlsx'; sha256: string; pages: number | null }>;
  /** By the live node's id (see live-nodes.ts). */
  blocks: Record<string, PaperBlockSnapshot>;
}

export interface RenderedPaper {
  /** The paper's body: header fields, then its sections. The pack puts the item's number and title above it. */
  html: string;
  tables: BlockTable[];
  /** Each with the block it belongs to, named as a reader would ("High Needs monitoring"), stable between versions. */
  figures: Array<BlockFigure & { block: string }>;
  /** A block needs a landscape page. */
  wide: boolean;
  /** Blocks whose data is gone, in sentences: publishing refuses while there is one. */
  problems: string[];
}

const humanise = (key: string) => {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The template, with any section the paper holds that its body's template has since dropped, so no text is lost. */
function withOrphans(t: PaperTemplate, sections: Record<string, RichDoc>): PaperTemplate {
  const order = sectionOrder(t, sections);
  const known = new Set([...t.preamble.map((s) => s.key), ...t.sections.flatMap((s) => [s.key, ...(s.children ?? []).map((c) => c.key)])]);
  const orphans = order.filter((k) => !known.has(k));
  return orphans.length ? { ...t, sections: [...t.sections, ...orphans.map((key) => ({ key, heading: humanise(key) }))] } : t;
}

/** A paper with its live blocks read now; null when the item has no paper. */
export function snapshotPaper(ws: Workspace, itemId: number): PaperSnapshot | null {
  const row = paperOfItem(ws, itemId);
  if (!row) return null;
  const place = paperPlace(ws, itemId);
  const sections = parseSections(row);
  const template = withOrphans(place.template, sections);
  const ctx = blockContext(ws, place.meeting.id);
  const blocks: Record<string, PaperBlockSnapshot> = {};
  // The same block quoted twice (a figure in the summary and the body) is read once.
  const loaded = new Map<string, PaperBlockSnapshot>();
  for (const n of liveNodes(template, sections)) {
    const key = JSON.stringify([n.kind, n.settings]);
    let b = loaded.get(key);
    if (!b) {
      b = loadBlock(ws, n.kind, n.settings, ctx);
      loaded.set(key, b);
    }
    blocks[n.id] = b;
  }
  return {
    paperId: row.id,
    template,
    header: parseHeader(row),
    sections,
    late: row.late,
    lateReason: row.lateReason,
    addedAt: row.addedAt,
    appendices: appendicesOf(ws, row.id).map((a) => ({ id: a.id, title: a.title, fileName: a.fileName, format: a.format, sha256: a.sha256, pages: a.pages })),
    blocks,
  };
}

/** One block's data now, or the sentence saying why it cannot be read. Anything but a refusal is a fault, and is thrown. */
export function loadBlock(ws: Workspace, kindName: string, settings: Record<string, unknown>, ctx: ReturnType<typeof blockContext>): PaperBlockSnapshot {
  const kind = ws.registry.blocks.get(kindName);
  if (!kind)
    return {
      kind: kindName,
      settings,
      problem: `The paper holds a live block of a kind this version of HNB Desk does not know ("${kindName}"). Remove it and insert the block again.`,
    };
  const parsed = kind.settings.safeParse(settings);
  if (!parsed.success) return { kind: kindName, settings, problem: settingsProblem(kind.label, parsed.error) };
  try {
    return { kind: kindName, settings, snapshot: kind.load(ws, parsed.data, ctx) };
  } catch (e) {
    if (e instanceof AppError) return { kind: kindName, settings, problem: e.message };
    throw e;
  }
}

function fieldValue(kind: PaperTemplate['fields'][number]['kind'], value: string): string {
  const v = value.trim();
  if (kind === 'date' && isCalendarDate(v)) return ukLongDate(v);
  if (kind === 'yesno') return v === 'yes' ? 'Yes' : v === 'no' ? 'No' : v;
  return v;
}

const isEmptyDoc = (doc: RichDoc | undefined) => !doc || !Array.isArray(doc.content) || doc.content.length === 0 || doc.content.every(isBlankNode);

function isBlankNode(n: RichNode): boolean {
  if (!n || typeof n !== 'object') return true;
  if (n.type === 'liveBlock' || n.type === 'liveFigure' || n.type === 'horizontalRule') return false;
  if (n.type === 'text') return !(n.text ?? '').trim();
  return !Array.isArray(n.content) || n.content.every(isBlankNode);
}

/** "PDF, 3 pages" / "Excel workbook, with the pack's files" */
function appendixNote(a: PaperSnapshot['appendices'][number]): string {
  if (a.format === 'pdf') return `PDF${a.pages ? `, ${a.pages} page${a.pages === 1 ? '' : 's'}` : ''}, at the end of this paper`;
  return 'Excel workbook, sent with the pack';
}

/** A, B, … Z, AA: the pack letters appendices in the order they are attached. */
function appendixLetter(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(65 + (i % 26)) + s;
  return s;
}

/**
 * The paper as print HTML: its header fields as a table, the unnumbered preamble, then the
 * numbered sections (1, 2 … with children 4.1, 4.2); a section with no text is left out and the
 * numbers close up. Live blocks print from the snapshot; one whose data is gone prints a visible
 * note and is listed in `problems`.
 */
export function renderPaper(p: PaperSnapshot, money: MoneyFormat, opts: { number: string; title: string; blocks?: BlockRegistry }): RenderedPaper {
  const registry = opts.blocks ?? REGISTRY.blocks;
  const tables: BlockTable[] = [];
  const figures: Array<BlockFigure & { block: string }> = [];
  const problems: string[] = [];
  let wide = false;

  // Names for re-issue differences: the kind's label, numbered when a paper holds several different blocks of one kind.
  const nodes = liveNodes(p.template, p.sections);
  const byNode = new Map(nodes.map((n) => [n.node, n]));
  const settingsByLabel = new Map<string, string[]>();
  for (const n of nodes) {
    const label = registry.get(n.kind)?.label ?? n.kind;
    const list = settingsByLabel.get(label) ?? [];
    const s = JSON.stringify([n.kind, n.settings]);
    if (!list.includes(s)) list.push(s);
    settingsByLabel.set(label, list);
  }
  const blockName = (kind: string, settings: Record<string, unknown>) => {
    const label = registry.get(kind)?.label ?? kind;
    const list = settingsByLabel.get(label) ?? [];
    return list.length > 1 ? `${label} (${list.indexOf(JSON.stringify([kind, settings])) + 1})` : label;
  };
  const rendered = new Set<string>();

  const live = (node: RichNode): string => {
    const n = byNode.get(node);
    const inline = node.type === 'liveFigure';
    const b = n ? p.blocks[n.id] : undefined;
    const fail = (problem: string) => {
      if (!problems.includes(problem)) problems.push(problem);
      return blockProblemHtml(problem, inline);
    };
    if (!n || !b) return fail('A live block was added after the paper was read; build the pack again.');
    if ('problem' in b) return fail(b.problem);
    const kind = registry.get(b.kind);
    if (!kind) return fail(`The paper holds a live block of a kind this version of HNB Desk does not know ("${b.kind}").`);
    if (inline && !kind.inline)
      return fail(`The block '${kind.label}' is a table or chart, so it cannot sit inside a line of text. Insert it as a block of its own.`);
    const r = kind.render(b.snapshot, money);
    const name = blockName(b.kind, b.settings);
    const once = `${name}\u0000${JSON.stringify(b.settings)}`;
    if (!rendered.has(once)) {
      rendered.add(once);
      tables.push(...r.tables);
      for (const f of r.figures) figures.push({ ...f, block: name });
    }
    if (r.wide) wide = true;
    return !inline && kind.inline ? `<p>${r.html}</p>` : r.html;
  };

  const parts: string[] = [];
  const fields = p.template.fields.filter((f) => (p.header[f.key] ?? '').trim() !== '');
  if (fields.length) {
    parts.push(
      `<table class="paper-fields"><tbody>${fields
        .map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(fieldValue(f.kind, p.header[f.key]!))}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }

  const anchor = (suffix: string) => escapeHtml(`item-${opts.number}-${suffix}`.replace(/[^A-Za-z0-9_-]/g, '-'));
  const body = (key: string, headingBase: number) => richDocHtml(p.sections[key]!, live, { headingBase });
  const appendixList = () =>
    `<ul class="paper-appendices">${p.appendices
      .map((a, i) => `<li>Appendix ${appendixLetter(i)}: ${escapeHtml(a.title)} (${escapeHtml(appendixNote(a))})</li>`)
      .join('')}</ul>`;
  // The forum paper's "Appendices" section lists them when the author has not.
  const hasText = (s: TemplateSection) => !isEmptyDoc(p.sections[s.key]) || (s.key === 'appendices' && p.appendices.length > 0);
  const sectionBody = (s: TemplateSection, base: number) =>
    isEmptyDoc(p.sections[s.key]) ? (s.key === 'appendices' ? appendixList() : '') : body(s.key, base);

  for (const s of p.template.preamble) {
    if (!hasText(s)) continue;
    parts.push(`<section class="paper-preamble" id="${anchor(s.key)}"><h2>${escapeHtml(s.heading)}</h2>${sectionBody(s, 3)}</section>`);
  }
  let number = 0;
  for (const s of p.template.sections) {
    const children = (s.children ?? []).filter(hasText);
    if (!hasText(s) && children.length === 0) continue;
    number++;
    const inner = [hasText(s) ? sectionBody(s, 3) : ''];
    children.forEach((c, i) => {
      inner.push(
        `<section class="paper-subsection" id="${anchor(c.key)}"><h3><span class="section-number">${number}.${i + 1}</span> ${escapeHtml(c.heading)}</h3>${sectionBody(c, 4)}</section>`,
      );
    });
    parts.push(
      `<section class="paper-section" id="${anchor(s.key)}"><h2><span class="section-number">${number}</span> ${escapeHtml(s.heading)}</h2>${inner.join('')}</section>`,
    );
  }
  if (parts.length === 0) parts.push('<p class="paper-empty">This paper has no text yet.</p>');
  return { html: parts.join('\n'), tables, figures, wide, problems };
}
