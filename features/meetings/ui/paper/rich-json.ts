/**
 * Between the editor's JSON and the stored paper text (electron/shared/rich-doc.ts). The editor
 * only makes the whitelisted nodes, but it also carries attributes the server has no use for
 * (a link's target and rel, an ordered list's null type); those are dropped here, so what is
 * saved is exactly what the server keeps, and comparing two documents means comparing content.
 * DOM-free: tested in Node.
 */
import { EMPTY_DOC, type RichDoc, type RichMark, type RichNode, richDocProblem } from '../../../../electron/shared/rich-doc';

/** The attributes kept per node type, and when a value is the default and need not be stored. */
const KEEP: Record<string, Record<string, (v: unknown) => boolean>> = {
  heading: { level: (v) => typeof v === 'number' },
  orderedList: { start: (v) => typeof v === 'number' && v !== 1 },
  tableCell: { colspan: (v) => v !== 1 && v != null, rowspan: (v) => v !== 1 && v != null, colwidth: (v) => Array.isArray(v) },
  tableHeader: { colspan: (v) => v !== 1 && v != null, rowspan: (v) => v !== 1 && v != null, colwidth: (v) => Array.isArray(v) },
  liveBlock: { kind: (v) => typeof v === 'string', settings: (v) => !!v && typeof v === 'object', id: (v) => typeof v === 'string' },
  liveFigure: { kind: (v) => typeof v === 'string', settings: (v) => !!v && typeof v === 'object', id: (v) => typeof v === 'string' },
};

interface EditorJson {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorJson[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

function cleanMark(m: { type: string; attrs?: Record<string, unknown> }): RichMark {
  if (m.type !== 'link') return { type: m.type };
  const attrs: Record<string, unknown> = { href: m.attrs?.href };
  if (typeof m.attrs?.title === 'string' && m.attrs.title) attrs.title = m.attrs.title;
  return { type: 'link', attrs };
}

function cleanNode(n: EditorJson): RichNode {
  const out: RichNode = { type: String(n.type) };
  const keep = KEEP[out.type];
  if (keep && n.attrs) {
    const attrs: Record<string, unknown> = {};
    for (const [k, ok] of Object.entries(keep)) if (ok(n.attrs[k])) attrs[k] = n.attrs[k];
    if (Object.keys(attrs).length) out.attrs = attrs;
  }
  if (n.type === 'text') {
    out.text = n.text ?? '';
    if (n.marks?.length) out.marks = n.marks.map(cleanMark);
    return out;
  }
  if (n.content?.length) out.content = n.content.map(cleanNode);
  return out;
}

/** A document with nothing in it but empty paragraphs is an empty section. */
function isBlank(doc: RichDoc): boolean {
  return doc.content.every((n) => n.type === 'paragraph' && !n.content?.length);
}

/** The editor's JSON as the paper keeps it. */
export function toRichDoc(json: unknown): RichDoc {
  const j = json as EditorJson | null;
  if (j?.type !== 'doc') return EMPTY_DOC;
  const doc: RichDoc = { type: 'doc', content: (j.content ?? []).map(cleanNode) };
  return isBlank(doc) ? EMPTY_DOC : doc;
}

/** Stored text as the editor loads it: an empty section opens as one empty paragraph. */
export function toEditorJson(doc: RichDoc | null | undefined): RichDoc {
  if (doc?.type !== 'doc' || !doc.content.length) return { type: 'doc', content: [{ type: 'paragraph' }] };
  return doc;
}

/** Same content, whatever the attribute order or defaults the editor added. */
export function sameDoc(a: RichDoc, b: RichDoc): boolean {
  return JSON.stringify(toRichDoc(a)) === JSON.stringify(toRichDoc(b));
}

/** Why a section cannot be saved, in words, or null: the server's own check, run before sending. */
export function sectionProblem(heading: string, doc: RichDoc): string | null {
  const p = richDocProblem(doc);
  return p ? `${heading} ${p}.` : null;
}

/** A live block's id: unique within the paper, short enough to read in a diff. */
export function newBlockId(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)];
  return `b${s}`;
}

/** Every live block and figure in a document, in order. */
export function liveNodes(doc: RichDoc): Array<{ type: 'liveBlock' | 'liveFigure'; kind: string; id: string; settings: Record<string, unknown> }> {
  const out: ReturnType<typeof liveNodes> = [];
  const walk = (n: RichNode) => {
    if (n.type === 'liveBlock' || n.type === 'liveFigure') {
      out.push({
        type: n.type,
        kind: String(n.attrs?.kind ?? ''),
        id: String(n.attrs?.id ?? ''),
        settings: (n.attrs?.settings ?? {}) as Record<string, unknown>,
      });
    }
    for (const c of n.content ?? []) walk(c);
  };
  for (const c of doc.content) walk(c);
  return out;
}
