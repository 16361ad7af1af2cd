import type { BuyInCount, PartnershipInfo } from '../../types';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB', { numeric: true });

export interface PartnershipGroup {
  partnership: PartnershipInfo;
  clusters: PartnershipInfo[];
  /** Schools in the year: its own members and its clusters'. */
  schools: number;
}

/**
 * The partnerships as the screens show them: each that stands on its own (an area partnership,
 * or a cluster or other group with no parent), by name, with its clusters under it by name.
 */
export function partnershipGroups(list: PartnershipInfo[]): PartnershipGroup[] {
  const top = list.filter((p) => p.parentId === null || !list.some((q) => q.id === p.parentId)).sort(byName);
  return top.map((partnership) => {
    const clusters = list.filter((c) => c.parentId === partnership.id).sort(byName);
    return { partnership, clusters, schools: partnership.members + clusters.reduce((s, c) => s + c.members, 0) };
  });
}

/** A partnership's name as a choice among all of them: a cluster says which partnership it sits in. */
export function partnershipLabel(p: PartnershipInfo): string {
  return p.parentName ? `${p.parentName} › ${p.name}` : p.name;
}

/** Every partnership in the order of the groups: each one, then its clusters. */
export function partnershipsInOrder(list: PartnershipInfo[]): PartnershipInfo[] {
  return partnershipGroups(list).flatMap((g) => [g.partnership, ...g.clusters]);
}

export interface BuyInGroup {
  partnership: PartnershipInfo | null;
  name: string;
  /** The units schools are counted in: the partnership itself (its direct members) and each of its clusters. */
  rows: BuyInCount[];
  subtotal: BuyInCount;
}

const sumOrNull = (rows: BuyInCount[], k: 'pupils' | 'boughtInPupils' | 'undecidedPupils' | 'leavingPupils'): number | null =>
  rows.some((r) => r[k] !== null) ? rows.reduce((s, r) => s + (r[k] ?? 0), 0) : null;

/** The sum of some units' counts, named `name`. */
export function addCounts(name: string, rows: BuyInCount[]): BuyInCount {
  return {
    partnershipId: 0,
    partnershipName: name,
    schools: rows.reduce((s, r) => s + r.schools, 0),
    boughtIn: rows.reduce((s, r) => s + r.boughtIn, 0),
    undecided: rows.reduce((s, r) => s + r.undecided, 0),
    leaving: rows.reduce((s, r) => s + r.leaving, 0),
    notRecorded: rows.reduce((s, r) => s + r.notRecorded, 0),
    pupils: sumOrNull(rows, 'pupils'),
    boughtInPupils: sumOrNull(rows, 'boughtInPupils'),
    undecidedPupils: sumOrNull(rows, 'undecidedPupils'),
    leavingPupils: sumOrNull(rows, 'leavingPupils'),
  };
}

/**
 * Buy-in grouped as the partnerships are: under each partnership, its own members (when it has
 * any) then each cluster, with the partnership's subtotal. Units whose partnership is not listed
 * (it was deleted since) make a group of their own at the end.
 */
export function buyInGroups(counts: BuyInCount[], partnerships: PartnershipInfo[]): BuyInGroup[] {
  const groups = partnershipGroups(partnerships).map((g): BuyInGroup => {
    const ids = [g.partnership.id, ...g.clusters.map((c) => c.id)];
    const rows = ids.map((id) => counts.find((c) => c.partnershipId === id)).filter((c): c is BuyInCount => !!c && c.schools > 0);
    return { partnership: g.partnership, name: g.partnership.name, rows, subtotal: addCounts(g.partnership.name, rows) };
  });
  const known = new Set(partnerships.map((p) => p.id));
  const rest = counts.filter((c) => !known.has(c.partnershipId) && c.schools > 0).sort((a, b) => a.partnershipName.localeCompare(b.partnershipName, 'en-GB'));
  const out = groups.filter((g) => g.rows.length > 0);
  if (rest.length) out.push({ partnership: null, name: 'Other partnerships', rows: rest, subtotal: addCounts('Other partnerships', rest) });
  return out;
}
