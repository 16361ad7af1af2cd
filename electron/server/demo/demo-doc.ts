/**
 * Short builders for the demo's paper text (RichDoc, electron/shared/rich-doc.ts), so the papers
 * in demo-papers.ts read as prose rather than as nested JSON.
 */
import type { RichDoc, RichNode } from '../../shared/rich-doc';

type Inline = string | RichNode;

const inline = (parts: Inline[]): RichNode[] => parts.filter((x) => x !== '').map((x) => (typeof x === 'string' ? { type: 'text', text: x } : x));

export const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });

export const p = (...parts: Inline[]): RichNode => ({ type: 'paragraph', content: inline(parts) });

export const h = (level: 2 | 3, text: string): RichNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });

export const b = (text: string): RichNode => ({ type: 'text', text, marks: [{ type: 'bold' }] });

export const i = (text: string): RichNode => ({ type: 'text', text, marks: [{ type: 'italic' }] });

export const link = (text: string, href: string): RichNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] });

const listItem = (item: Inline | Inline[]): RichNode => ({ type: 'listItem', content: [p(...(Array.isArray(item) ? item : [item]))] });

export const bullets = (...items: Array<Inline | Inline[]>): RichNode => ({ type: 'bulletList', content: items.map(listItem) });

export const numbered = (...items: Array<Inline | Inline[]>): RichNode => ({ type: 'orderedList', attrs: { start: 1 }, content: items.map(listItem) });

/** A plain table: the first row is the header. */
export function table(header: string[], rows: string[][]): RichNode {
  const cell = (type: 'tableHeader' | 'tableCell', text: string): RichNode => ({ type, content: [p(text)] });
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: header.map((t) => cell('tableHeader', t)) },
      ...rows.map((r) => ({ type: 'tableRow', content: r.map((t) => cell('tableCell', t)) })),
    ],
  };
}

/** A live table or chart, placed between paragraphs. */
export const liveBlock = (id: string, kind: string, settings: Record<string, string | number>): RichNode => ({
  type: 'liveBlock',
  attrs: { id, kind, settings },
});

/** A live figure inside a sentence. */
export const liveFigure = (id: string, kind: string, settings: Record<string, string | number>): RichNode => ({
  type: 'liveFigure',
  attrs: { id, kind, settings },
});
