/**
 * A paper's rich text as print HTML, written by our own serializer rather than by the editor's:
 * only the node and mark types of rich-doc.ts are known, every text and attribute is escaped,
 * and anything else (an image, raw HTML, an unknown node, a `style`) is dropped with its content.
 * The contract refuses such documents on save; this is the second line, for whatever was stored
 * before a rule existed or arrived another way, so nothing a user typed can become markup.
 */
import { isSafeHref, type RichMark, type RichNode, type RichDoc } from '../../shared/rich-doc';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike; control characters (which no printed page needs) are removed. */
export function escapeHtml(value: unknown): string {
  return (
    String(value ?? '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
  );
}

export interface RichHtmlOptions {
  /** The HTML level a level-1 heading in the text becomes: under a paper's section headings (h2, h3), 3 or 4. */
  headingBase?: number;
}

const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify']);
const LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);

/** A whole number within bounds, or null: spans and starts from a stored document are not trusted. */
function wholeIn(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function markOpen(m: RichMark): [string, string] | null {
  switch (m.type) {
    case 'bold':
      return ['<strong>', '</strong>'];
    case 'italic':
      return ['<em>', '</em>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'link': {
      const href = m.attrs?.href;
      if (!isSafeHref(href)) return null;
      return [`<a href="${escapeHtml(href.trim())}" rel="noopener">`, '</a>'];
    }
    default:
      return null;
  }
}

function textHtml(n: RichNode): string {
  if (typeof n.text !== 'string') return '';
  let html = escapeHtml(n.text);
  // Links outermost, so a bold word inside a link stays one link.
  const marks = [...(Array.isArray(n.marks) ? n.marks : [])]
    .filter((m) => m && typeof m === 'object')
    .sort((a, b) => (a.type === 'link' ? 1 : 0) - (b.type === 'link' ? 1 : 0));
  const seen = new Set<string>();
  for (const m of marks) {
    if (seen.has(m.type)) continue;
    seen.add(m.type);
    const tags = markOpen(m);
    if (tags) html = `${tags[0]}${html}${tags[1]}`;
  }
  return html;
}

/**
 * The document as HTML. `live` renders a liveBlock or liveFigure node (its snapshot, or a note
 * that its data is gone); its output is trusted, so it must escape what it writes.
 */
export function richDocHtml(doc: RichDoc, live: (node: RichNode) => string, options: RichHtmlOptions = {}): string {
  const base = wholeIn(options.headingBase, 1, 6) ?? 1;
  const children = (n: RichNode, depth: number): string => (Array.isArray(n.content) ? n.content.map((c) => node(c, depth + 1)).join('') : '');

  const cell = (c: RichNode, depth: number, firstRow: boolean, tag: 'td' | 'th'): string => {
    const attrs: string[] = [];
    if (tag === 'th') attrs.push(`scope="${firstRow ? 'col' : 'row'}"`);
    const colspan = wholeIn(c.attrs?.colspan, 2, 50);
    const rowspan = wholeIn(c.attrs?.rowspan, 2, 500);
    if (colspan) attrs.push(`colspan="${colspan}"`);
    if (rowspan) attrs.push(`rowspan="${rowspan}"`);
    return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${children(c, depth)}</${tag}>`;
  };

  const table = (n: RichNode, depth: number): string => {
    const rows = (Array.isArray(n.content) ? n.content : []).filter((r) => r?.type === 'tableRow');
    const rowHtml = (r: RichNode, i: number) =>
      `<tr>${(Array.isArray(r.content) ? r.content : [])
        .map((c) => (c?.type === 'tableHeader' ? cell(c, depth + 1, i === 0, 'th') : c?.type === 'tableCell' ? cell(c, depth + 1, i === 0, 'td') : ''))
        .join('')}</tr>`;
    const headed = rows.length > 1 && (rows[0]!.content ?? []).length > 0 && (rows[0]!.content ?? []).every((c) => c?.type === 'tableHeader');
    // A header row in <thead> repeats at the top of each printed page the table runs onto.
    const head = headed ? `<thead>${rowHtml(rows[0]!, 0)}</thead>` : '';
    const body = rows
      .slice(headed ? 1 : 0)
      .map((r, i) => rowHtml(r, headed ? i + 1 : i))
      .join('');
    return `<table class="rich-table">${head}<tbody>${body}</tbody></table>`;
  };

  const node = (n: RichNode, depth: number): string => {
    if (!n || typeof n !== 'object' || depth > 40) return '';
    switch (n.type) {
      case 'text':
        return textHtml(n);
      case 'hardBreak':
        return '<br>';
      case 'paragraph': {
        const align = n.attrs?.textAlign;
        const cls = typeof align === 'string' && ALIGNMENTS.has(align) && align !== 'left' ? ` class="align-${align}"` : '';
        return `<p${cls}>${children(n, depth)}</p>`;
      }
      case 'heading': {
        const level = Math.min(6, base + (wholeIn(n.attrs?.level, 1, 4) ?? 1) - 1);
        return `<h${level}>${children(n, depth)}</h${level}>`;
      }
      case 'bulletList':
        return `<ul>${children(n, depth)}</ul>`;
      case 'orderedList': {
        const start = wholeIn(n.attrs?.start, 0, 100_000);
        const type = n.attrs?.type;
        const attrs = `${start !== null && start !== 1 ? ` start="${start}"` : ''}${typeof type === 'string' && LIST_TYPES.has(type) ? ` type="${type}"` : ''}`;
        return `<ol${attrs}>${children(n, depth)}</ol>`;
      }
      case 'listItem':
        return `<li>${children(n, depth)}</li>`;
      case 'table':
        return table(n, depth);
      case 'horizontalRule':
        return '<hr>';
      case 'liveBlock':
      case 'liveFigure':
        return live(n);
      default:
        // Images, raw HTML, embeds and anything an editor upgrade might add: never rendered.
        return '';
    }
  };

  return (Array.isArray(doc?.content) ? doc.content : []).map((n) => node(n, 1)).join('');
}
