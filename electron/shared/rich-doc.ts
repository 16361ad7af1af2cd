/**
 * Paper and minutes text: the rich-text editor's document (ProseMirror JSON), held to a short
 * list of node and mark types. Nothing else is ever stored or rendered: no raw HTML, no images,
 * no scripts, links to http(s) and mailto only. The server checks every document on save with
 * this schema and renders it by escaping (electron/server/documents/rich-html.ts), so sanitising
 * happens twice, by construction.
 */
import { z } from 'zod';

export interface RichMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  marks?: RichMark[];
  text?: string;
}
export interface RichDoc {
  type: 'doc';
  content: RichNode[];
}

/** About 400 pages of text: far beyond any paper, well short of a 10 MB paste. */
export const MAX_DOC_CHARS = 1_000_000;
const MAX_DEPTH = 12;

export const BLOCK_NODES = [
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'horizontalRule',
  'liveBlock',
] as const;
export const INLINE_NODES = ['text', 'hardBreak', 'liveFigure'] as const;
export const MARKS = ['bold', 'italic', 'underline', 'link'] as const;

const ALLOWED_ATTRS: Record<string, readonly string[]> = {
  heading: ['level'],
  orderedList: ['start', 'type'],
  tableCell: ['colspan', 'rowspan', 'colwidth'],
  tableHeader: ['colspan', 'rowspan', 'colwidth'],
  liveBlock: ['kind', 'settings', 'id'],
  liveFigure: ['kind', 'settings', 'id'],
  paragraph: ['textAlign'],
};
const MARK_ATTRS: Record<string, readonly string[]> = { link: ['href', 'target', 'rel', 'class', 'title'] };

/** http(s) and mailto only: `javascript:`, `data:` and relative links are refused. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.length > 2000) return false;
  const trimmed = href.trim();
  return /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+)$/i.test(trimmed);
}

/** The first problem in a document, in words, or null when it is fine. */
export function richDocProblem(doc: unknown): string | null {
  if (JSON.stringify(doc ?? null).length > MAX_DOC_CHARS) {
    return `is too long: a paper section may hold at most ${MAX_DOC_CHARS.toLocaleString('en-GB')} characters (split it, or attach the material as an appendix)`;
  }
  if (!doc || typeof doc !== 'object' || (doc as RichDoc).type !== 'doc' || !Array.isArray((doc as RichDoc).content)) return 'must be a document';
  const walk = (node: unknown, depth: number, inline: boolean): string | null => {
    if (depth > MAX_DEPTH) return 'is nested too deeply';
    if (!node || typeof node !== 'object') return 'holds something that is not text';
    const n = node as RichNode;
    const allowedKeys = ['type', 'attrs', 'content', 'marks', 'text'];
    for (const k of Object.keys(n)) if (!allowedKeys.includes(k)) return `holds a "${k}" the editor does not make`;
    const known = inline ? (INLINE_NODES as readonly string[]) : (BLOCK_NODES as readonly string[]);
    if (typeof n.type !== 'string' || !(known.includes(n.type) || (!inline && n.type === 'text'))) {
      return `holds a "${String(n.type)}", which papers cannot contain (only text, headings, lists, tables, links and live blocks)`;
    }
    if (n.attrs !== undefined) {
      if (typeof n.attrs !== 'object' || n.attrs === null) return 'holds settings that are not valid';
      const ok = ALLOWED_ATTRS[n.type] ?? [];
      for (const k of Object.keys(n.attrs)) if (!ok.includes(k)) return `holds a "${k}" setting on ${n.type}, which is not allowed`;
      if (n.type === 'heading' && ![1, 2, 3, 4].includes(n.attrs.level as number)) return 'holds a heading level other than 1 to 4';
    }
    if (n.type === 'text') {
      if (typeof n.text !== 'string') return 'holds a text node without text';
      for (const m of n.marks ?? []) {
        if (!m || typeof m !== 'object' || !(MARKS as readonly string[]).includes(m.type)) return `holds a "${String(m?.type)}" mark, which is not allowed`;
        for (const k of Object.keys(m.attrs ?? {})) if (!(MARK_ATTRS[m.type] ?? []).includes(k)) return `holds a "${k}" on a ${m.type} mark`;
        if (m.type === 'link' && !isSafeHref(m.attrs?.href))
          return `holds a link to "${String(m.attrs?.href).slice(0, 80)}": links must start https://, http:// or mailto:`;
      }
      return null;
    }
    if (n.marks !== undefined) return `holds marks on ${n.type}`;
    if (n.content !== undefined) {
      if (!Array.isArray(n.content)) return 'holds content that is not a list';
      const childInline = n.type === 'paragraph' || n.type === 'heading';
      for (const c of n.content) {
        const p = walk(c, depth + 1, childInline);
        if (p) return p;
      }
    }
    return null;
  };
  for (const c of (doc as RichDoc).content) {
    const p = walk(c, 1, false);
    if (p) return p;
  }
  return null;
}

export const richDoc = z.custom<RichDoc>().superRefine((doc, ctx) => {
  const problem = richDocProblem(doc);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [] };

/** The plain words of a document, for search, diffs and the public summary. */
export function richText(doc: RichDoc | RichNode): string {
  const parts: string[] = [];
  const walk = (n: RichNode) => {
    if (n.type === 'text') parts.push(n.text ?? '');
    else if (n.type === 'hardBreak') parts.push('\n');
    for (const c of n.content ?? []) walk(c);
    if (['paragraph', 'heading', 'listItem', 'tableRow'].includes(n.type)) parts.push('\n');
    else if (n.type === 'tableCell' || n.type === 'tableHeader') parts.push('\t');
  };
  walk(doc as RichNode);
  return parts
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
