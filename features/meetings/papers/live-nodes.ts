/**
 * The live blocks in a paper's text, each with an id that stays the same between taking a
 * snapshot and rendering it. The editor gives each block an id; one without (or a copy pasted
 * with its original's id) is named by where it sits, so the walk order here is the contract.
 */
import type { RichDoc, RichNode } from '../../../electron/shared/rich-doc';
import type { PaperTemplate } from '../types';

export interface LiveNode {
  id: string;
  node: RichNode;
  section: string;
  inline: boolean;
  kind: string;
  /** The node's settings as stored: an object, or the JSON text some editors keep. */
  settings: Record<string, unknown>;
}

const GOOD_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** Section keys in the order a paper prints them: the template's, then any the template no longer has. */
export function sectionOrder(template: PaperTemplate, sections: Record<string, unknown>): string[] {
  const keys = [...template.preamble.map((s) => s.key), ...template.sections.flatMap((s) => [s.key, ...(s.children ?? []).map((c) => c.key)])];
  const known = new Set(keys);
  return [
    ...keys,
    ...Object.keys(sections)
      .filter((k) => !known.has(k))
      .sort(),
  ];
}

export function nodeSettings(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as unknown;
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Every liveBlock and liveFigure node, with its id; the same sections always give the same ids. */
export function liveNodes(template: PaperTemplate, sections: Record<string, RichDoc>): LiveNode[] {
  const out: LiveNode[] = [];
  const used = new Set<string>();
  for (const key of sectionOrder(template, sections)) {
    const doc = sections[key];
    if (!doc || !Array.isArray(doc.content)) continue;
    const walk = (n: RichNode, path: string) => {
      if (!n || typeof n !== 'object') return;
      if (n.type === 'liveBlock' || n.type === 'liveFigure') {
        const given = n.attrs?.id;
        const asText = typeof given === 'number' || typeof given === 'string' ? String(given) : '';
        let id = GOOD_ID.test(asText) && !used.has(asText) ? asText : `${key}:${path}`;
        while (used.has(id)) id = `${id}'`;
        used.add(id);
        out.push({
          id,
          node: n,
          section: key,
          inline: n.type === 'liveFigure',
          kind: typeof n.attrs?.kind === 'string' ? n.attrs.kind : '',
          settings: nodeSettings(n.attrs?.settings),
        });
        return;
      }
      if (Array.isArray(n.content)) {
        for (const [i, c] of n.content.entries()) walk(c, `${path}.${i}`);
      }
    };
    for (const [i, c] of doc.content.entries()) walk(c, String(i));
  }
  return out;
}
