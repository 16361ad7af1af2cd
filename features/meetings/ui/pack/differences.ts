/**
 * What a re-issued pack changed since the version before, in words a clerk can read out:
 * "Item 5, High Needs monitoring: forecast outturn £3,749,700 → £3,812,000". DOM-free.
 */
import type { MoneyFormat } from '../../../../electron/shared/money';
import type { PackDifference } from '../../types';

function amount(money: MoneyFormat, pence: number | null): string {
  return pence === null ? 'none' : money.format(pence, { pence: pence % 100 !== 0 });
}

export function differenceText(d: PackDifference, money: MoneyFormat): string {
  const item = `Item ${d.item} (${d.title})`;
  switch (d.kind) {
    case 'paper-added':
      return `${item}: paper added`;
    case 'paper-removed':
      return `${item}: paper removed`;
    case 'text-changed':
      return `${item}: text changed in ${d.section}`;
    case 'figure-moved':
      return `${item}, ${d.block}: ${d.figure} ${amount(money, d.oldPence)} → ${amount(money, d.newPence)}`;
    case 'item-changed':
      return `${item}: ${d.what}`;
  }
}

/** The start of a SHA-256, enough to compare by eye with what `hnb publish` printed: "3f9a2c1b…e07d". */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-4)}` : sha256;
}

export interface ItemDifferences {
  item: string;
  title: string;
  /** Papers added or removed, sections whose text changed, items changed: one line each. */
  lines: string[];
  /** Figures that moved, by the block they are in: "revised budget £8,104,500 → £8,204,500". */
  blocks: Array<{ block: string; moves: string[] }>;
}

/**
 * A re-issue's differences, item by item in the order the server gives them: the sections whose
 * text changed said in one line, and the figures that moved listed under their block, so a long
 * table's changes read as one list rather than a repeated sentence each.
 */
export function groupDifferences(diffs: PackDifference[], money: MoneyFormat): ItemDifferences[] {
  const items: ItemDifferences[] = [];
  const of = (d: PackDifference) => {
    let g = items.find((x) => x.item === d.item);
    if (!g) {
      g = { item: d.item, title: d.title, lines: [], blocks: [] };
      items.push(g);
    }
    return g;
  };
  const textChanged = new Map<ItemDifferences, string[]>();
  for (const d of diffs) {
    const g = of(d);
    if (d.kind === 'paper-added') g.lines.push('Paper added');
    else if (d.kind === 'paper-removed') g.lines.push('Paper removed');
    else if (d.kind === 'item-changed') g.lines.push(d.what.charAt(0).toUpperCase() + d.what.slice(1));
    else if (d.kind === 'text-changed') textChanged.set(g, [...(textChanged.get(g) ?? []), d.section]);
    else if (d.kind === 'figure-moved') {
      let b = g.blocks.find((x) => x.block === d.block);
      if (!b) {
        b = { block: d.block, moves: [] };
        g.blocks.push(b);
      }
      b.moves.push(`${d.figure} ${amount(money, d.oldPence)} → ${amount(money, d.newPence)}`);
    }
  }
  for (const [g, sections] of textChanged) g.lines.push(`Text changed in ${sections.join(', ')}`);
  return items;
}
