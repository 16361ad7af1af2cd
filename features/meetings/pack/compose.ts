/**
 * Which papers a pack of a given variant holds, each rendered once from the snapshot, so the
 * PDF, the workbook and the differences all read the same figures.
 */
import { moneyFormat } from '../../../electron/shared/money';
import { type RenderedPaper, renderPaper } from '../papers/render';
import type { PackVariant } from '../words';
import type { PackItemSnapshot, PackSnapshot } from './snapshot';

export interface ComposedItem {
  item: PackItemSnapshot;
  /** The paper as this pack prints it; null when the item has none, or it is exempt and the pack is public. */
  paper: RenderedPaper | null;
  /** An exempt item's paper left out of the public pack: its agenda line stays. */
  withheld: boolean;
  /** Printed on every page of an exempt paper in the full pack. */
  marking: string | null;
}

export interface ComposedPack {
  snapshot: PackSnapshot;
  variant: PackVariant;
  items: ComposedItem[];
  /** The numbers of the exempt items. */
  exemptItems: string[];
}

/** "Exempt – Schedule 12A paragraph 3" */
export function exemptWords(paragraph: number | null): string {
  return `Exempt – Schedule 12A paragraph ${paragraph ?? '?'}`;
}

/** "NOT FOR PUBLICATION – Schedule 12A paragraph 3" */
export function notForPublication(paragraph: number | null): string {
  return `NOT FOR PUBLICATION – Schedule 12A paragraph ${paragraph ?? '?'}`;
}

export function composePack(snapshot: PackSnapshot, variant: PackVariant): ComposedPack {
  const money = moneyFormat(snapshot.negativeStyle);
  const items = snapshot.items.map((item): ComposedItem => {
    const withheld = item.exempt && variant === 'public' && item.paper !== null;
    const paper = item.paper && !withheld ? renderPaper(item.paper, money, { number: item.number, title: item.title }) : null;
    return { item, paper, withheld, marking: item.exempt && paper ? notForPublication(item.exemptParagraph) : null };
  });
  return { snapshot, variant, items, exemptItems: snapshot.items.filter((i) => i.exempt).map((i) => i.number) };
}

/** Every block whose data could not be read, named by item and block: publishing refuses while there is one. */
export function blockProblems(snapshot: PackSnapshot): Array<{ item: string; title: string; problem: string }> {
  const money = moneyFormat(snapshot.negativeStyle);
  const out: Array<{ item: string; title: string; problem: string }> = [];
  for (const item of snapshot.items) {
    if (!item.paper) continue;
    for (const problem of renderPaper(item.paper, money, { number: item.number, title: item.title }).problems) {
      out.push({ item: item.number, title: item.title, problem });
    }
  }
  return out;
}
