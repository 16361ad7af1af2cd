/**
 * The rules of schools, partnerships, membership and buy-in as pure functions over plain rows,
 * so the handlers, the workbooks and the tests share one wording.
 */
import type { ErrorIssue } from '../../../electron/shared/errors';
import type { BuyInCount } from '../types';
import type { BuyInStatus } from '../words';

/** A figure as the formula reads it: an exact whole number of ten-thousandths. */
export const toE4 = (value: number): number => Math.round(value * 10_000);
/** The figure kept: four decimal places at most, with a float's noise (0.1 + 0.2) taken off. */
export const cleanFigure = (value: number): number => toE4(value) / 10_000;

interface PartnershipShape {
  id?: number;
  name: string;
}

/**
 * One level only: a cluster sits directly inside an area partnership. A partnership cannot sit
 * inside itself or inside a cluster, and one with clusters of its own cannot sit inside another.
 */
export function parentProblems(
  self: PartnershipShape,
  parent: { id: number; name: string; parentId: number | null; parentName: string | null } | null,
  clusters: readonly string[],
): ErrorIssue[] {
  if (!parent) return [];
  const field = 'parentId';
  if (self.id !== undefined && parent.id === self.id) {
    return [{ field, rule: 'a partnership cannot sit inside itself', message: `${self.name} cannot sit inside itself: choose another partnership, or none.` }];
  }
  const problems: ErrorIssue[] = [];
  if (parent.parentId !== null) {
    problems.push({
      field,
      rule: 'a parent must be a top-level partnership',
      message: `${parent.name} is itself a cluster inside ${parent.parentName ?? 'another partnership'}, so ${self.name} cannot sit inside it: clusters go one level down only. Choose ${parent.parentName ?? 'its parent'} instead.`,
    });
  }
  if (clusters.length > 0) {
    problems.push({
      field,
      rule: 'a partnership with clusters cannot have a parent',
      message: `${self.name} has ${clusters.length === 1 ? 'a cluster' : 'clusters'} inside it (${clusters.join(', ')}), so it cannot sit inside ${parent.name}: clusters go one level down only.`,
    });
  }
  return problems;
}

/** The sentence refusing a second partnership for a school in one year, naming both. */
export function membershipClash(schoolName: string, year: string, current: string, wanted: string): ErrorIssue {
  return {
    field: 'partnershipId',
    rule: 'a school is in at most one partnership a year',
    message: `${schoolName} is already in ${current} in ${year}, so it cannot also be in ${wanted}: a school belongs to one partnership a year. Move it from ${current} instead.`,
  };
}

export interface BuyInUnit {
  id: number;
  name: string;
  parentId: number | null;
  parentName: string | null;
}

export interface BuyInMember {
  partnershipId: number;
  status: BuyInStatus | null;
  /** The school's pupils in ten-thousandths, or null when it has no figure. */
  pupilsE4: number | null;
}

/**
 * Buy-in in each membership unit (a cluster, or a partnership schools belong to directly), in the
 * order the units are given; a unit with no members is left out. A school with no decision
 * recorded counts as undecided, and `notRecorded` says how many. Pupil shares are summed in
 * ten-thousandths, so they are exact; with no pupil numbers in the year they are null.
 */
export function countBuyIn(units: readonly BuyInUnit[], members: readonly BuyInMember[], yearHasPupils: boolean): BuyInCount[] {
  const blank = () => ({ schools: 0, boughtIn: 0, undecided: 0, leaving: 0, notRecorded: 0, pupils: 0, boughtInP: 0, undecidedP: 0, leavingP: 0 });
  const tally = new Map<number, ReturnType<typeof blank>>();
  for (const m of members) {
    const t = tally.get(m.partnershipId) ?? blank();
    tally.set(m.partnershipId, t);
    const pupils = m.pupilsE4 ?? 0;
    t.schools += 1;
    t.pupils += pupils;
    if (m.status === 'bought_in') {
      t.boughtIn += 1;
      t.boughtInP += pupils;
    } else if (m.status === 'leaving') {
      t.leaving += 1;
      t.leavingP += pupils;
    } else {
      t.undecided += 1;
      t.undecidedP += pupils;
      if (m.status === null) t.notRecorded += 1;
    }
  }
  const pupils = (e4: number) => (yearHasPupils ? e4 / 10_000 : null);
  return units.flatMap((u) => {
    const t = tally.get(u.id);
    if (!t) return [];
    return [
      {
        partnershipId: u.id,
        partnershipName: u.name,
        parentId: u.parentId,
        parentName: u.parentName,
        schools: t.schools,
        boughtIn: t.boughtIn,
        undecided: t.undecided,
        leaving: t.leaving,
        notRecorded: t.notRecorded,
        pupils: pupils(t.pupils),
        boughtInPupils: pupils(t.boughtInP),
        undecidedPupils: pupils(t.undecidedP),
        leavingPupils: pupils(t.leavingP),
      },
    ];
  });
}
