/**
 * The formula over random data: whatever the partnerships, factors, weights and figures, the
 * formula totals add up to the pot exactly, each is within £1 of its exact amount (and is the
 * exact amount rounded down, or that plus one pound), and the pounds added go by the stated rule.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../../../../electron/server/demo/demo-plan';
import { calculateFormula, type FormulaFactor, type FormulaPartnership, type FormulaResult } from '../../../../features/allocations/runs/formula';

/** A seeded generator, so a failure can be replayed from its seed. */
function generator(seed: number) {
  const next = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int };
}

/** Weights in basis points adding up to exactly 10,000, some of them possibly nought. */
function weights(g: ReturnType<typeof generator>, n: number): number[] {
  const cuts = Array.from({ length: n - 1 }, () => g.int(0, 10_000)).sort((x, y) => x - y);
  return [...cuts, 10_000].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]!));
}

function randomCase(seed: number): { factors: FormulaFactor[]; partnerships: FormulaPartnership[]; potPence: number } {
  const g = generator(seed);
  const columns = g.int(1, 8);
  const nFactors = g.int(1, 6);
  const ws = weights(g, nFactors);
  const factors = ws.map((w, i) => ({
    name: `Factor ${i + 1}`,
    weightBp: w,
    columns: Array.from({ length: g.int(1, columns) }, (_, c) => ({ columnId: c + 1, weight: g.int(1, 40_000) / 10_000 })),
  }));
  const nParts = g.int(1, 40);
  // Some partnerships share a name's first letters and some have equal data, so ties happen.
  const template = new Map(Array.from({ length: columns }, (_, c) => [c + 1, g.int(0, 3) * 10_000] as [number, number]));
  const partnerships = Array.from({ length: nParts }, (_, i) => ({
    id: i + 1,
    name: `${['Alder', 'ash', 'Birch', 'beech', 'Cedar'][g.int(0, 4)]} ${i}`,
    places: g.int(0, 60),
    data:
      g.next() < 0.2
        ? template
        : new Map(Array.from({ length: columns }, (_, c) => [c + 1, g.next() < 0.15 ? 0 : g.int(0, 2_000_000_000)] as [number, number])),
  }));
  // Every column has some data somewhere, so no weighted factor is refused.
  const first = partnerships[0]!.data as Map<number, number>;
  partnerships[0] = { ...partnerships[0]!, data: new Map([...first].map(([c, v]) => [c, v + 1])) };
  const potPence = g.next() < 0.05 ? 0 : g.int(1, 50_000_000) * 100;
  return { factors, partnerships, potPence };
}

function checkRule(r: FormulaResult, potPence: number, names: string[]): void {
  const q = r.denominator;
  expect(r.rows.reduce((s, x) => s + x.formulaPence, 0)).toBe(potPence);
  expect(r.formulaTotalPence).toBe(potPence);
  let exactSum = 0n;
  for (const x of r.rows) {
    exactSum += x.exactNumerator;
    const formula = BigInt(x.formulaPence) * q;
    const diff = formula - x.exactNumerator;
    // Less than £1 from the exact amount, either way.
    expect(diff < 100n * q && diff > -100n * q).toBe(true);
    // The exact amount rounded down to whole pounds, plus the one pound it may have been given.
    const floor = (x.exactNumerator / (100n * q)) * 100n;
    expect(BigInt(x.formulaPence)).toBe(floor + (x.gotRemainderPound ? 100n : 0n));
  }
  // The exact totals add up to the pot exactly.
  expect(exactSum).toBe(BigInt(potPence) * q);
  // Every row given a pound ranks above every row not given one: remainder, then amount, then name.
  const rank = r.rows.map((x, i) => ({ rem: x.exactNumerator % (100n * q), exact: x.exactNumerator, name: names[i]!, got: x.gotRemainderPound }));
  const before = (a: (typeof rank)[number], b: (typeof rank)[number]) =>
    a.rem !== b.rem ? a.rem > b.rem : a.exact !== b.exact ? a.exact > b.exact : a.name.localeCompare(b.name, 'en-GB') < 0;
  for (const a of rank.filter((x) => x.got)) for (const b of rank.filter((x) => !x.got)) expect(before(a, b)).toBe(true);
}

describe('the formula over random data', () => {
  it('adds up to the pot exactly, and each total is within £1 of its exact amount, over 400 random runs', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const c = randomCase(seed);
      const r = calculateFormula({ ...c, placeRatePence: 1_000_000 });
      try {
        checkRule(
          r,
          c.potPence,
          c.partnerships.map((p) => p.name),
        );
        expect(r.placesTotalPence).toBe(c.partnerships.reduce((s, p) => s + p.places, 0) * 1_000_000);
        expect(r.totalPence).toBe(c.potPence + r.placesTotalPence);
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).message}`);
      }
    }
  });

  it('gives each factor share to the penny of its exact value', () => {
    for (let seed = 1000; seed < 1100; seed++) {
      const c = randomCase(seed);
      const r = calculateFormula({ ...c, placeRatePence: 0 });
      c.factors.forEach((_f, fi) => {
        const shared = r.rows.reduce((s, x) => s + x.byFactorPence[fi]!, 0);
        // Each share is rounded half up to the penny: together they are within half a penny a partnership of the factor's pot.
        expect(Math.abs(shared - r.factorPotPence[fi]!)).toBeLessThanOrEqual(Math.ceil(c.partnerships.length / 2));
      });
    }
  });
});
