import type { ReactNode } from 'react';
import { isSafeHref, type RichDoc, type RichNode } from '../../../../electron/shared/rich-doc';

/**
 * A paper's or the minutes' text, read-only, drawn as React elements from the whitelisted
 * document (never as HTML), so nothing in it can run. Headings sit under the screen's own: a
 * level 1 heading is an h3 here.
 */
export function RichDocView({ doc, label }: { doc: RichDoc; label: string }) {
  return (
    <article className="rich-doc" aria-label={label}>
      {doc.content.map((n, i) => block(n, i))}
    </article>
  );
}

const HEADINGS = ['h3', 'h4', 'h5', 'h6'] as const;

function block(n: RichNode, key: number): ReactNode {
  const kids = (n.content ?? []).map((c, i) => (c.type === 'text' || c.type === 'hardBreak' || c.type === 'liveFigure' ? inline(c, i) : block(c, i)));
  switch (n.type) {
    case 'paragraph':
      return <p key={key}>{kids}</p>;
    case 'heading': {
      const level = Math.min(4, Math.max(1, Number(n.attrs?.level) || 1));
      const H = HEADINGS[level - 1]!;
      return <H key={key}>{kids}</H>;
    }
    case 'bulletList':
      return <ul key={key}>{kids}</ul>;
    case 'orderedList':
      return (
        <ol key={key} start={Number(n.attrs?.start) || undefined}>
          {kids}
        </ol>
      );
    case 'listItem':
      return <li key={key}>{kids}</li>;
    case 'table':
      return (
        <table key={key}>
          <tbody>{kids}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{kids}</tr>;
    case 'tableHeader':
      return (
        <th key={key} colSpan={Number(n.attrs?.colspan) || undefined} rowSpan={Number(n.attrs?.rowspan) || undefined}>
          {kids}
        </th>
      );
    case 'tableCell':
      return (
        <td key={key} colSpan={Number(n.attrs?.colspan) || undefined} rowSpan={Number(n.attrs?.rowspan) || undefined}>
          {kids}
        </td>
      );
    case 'horizontalRule':
      return <hr key={key} />;
    case 'liveBlock':
      return (
        <p key={key} className="live-placeholder">
          [Live table: {String(n.attrs?.kind ?? 'block')}]
        </p>
      );
    case 'text':
      return inline(n, key);
    default:
      return null;
  }
}

function inline(n: RichNode, key: number): ReactNode {
  if (n.type === 'hardBreak') return <br key={key} />;
  if (n.type === 'liveFigure')
    return (
      <span key={key} className="live-placeholder">
        [figure]
      </span>
    );
  let out: ReactNode = n.text ?? '';
  for (const m of n.marks ?? []) {
    if (m.type === 'bold') out = <strong>{out}</strong>;
    else if (m.type === 'italic') out = <em>{out}</em>;
    else if (m.type === 'underline') out = <u>{out}</u>;
    else if (m.type === 'link') {
      const href = m.attrs?.href;
      if (isSafeHref(href))
        out = (
          <a href={href} rel="noreferrer noopener" target="_blank">
            {out}
          </a>
        );
    }
  }
  return <span key={key}>{out}</span>;
}
