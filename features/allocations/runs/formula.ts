/**
 * The allocation formula, as a pure function over plain figures: no database, no clock. The
 * run handlers, the bench and the property test all call it, so the rule they test is the rule
 * the app applies.
 *
 * Every step is integer (BigInt) arithmetic, so the result never depends on floating point:
 *   D[p][f] = Σ_c round(weight_c × 10,000) × S[p][c]      (S: the snapshot's ten-thousandths)
 *   T[f]    = Σ_p D[p][f]
 *   E[p][f] = pot × weightBp[f] / 10,000 × D[p][f] / T[f]   pence, exact (a fraction)
 *   E[p]    = Σ_f E[p][f]                                  over one common denominator
 * then the formula totals are rounded to whole pounds by the largest remainder (see ROUNDING_NOTE).
 */
import { AppError } from '../../../electron/shared/errors';
import { WEIGHTS_TOTAL_BP } from '../words';

/** How the rounding works, in the words the screen, the CLI and the README use. */
export const ROUNDING_NOTE =
  "Each factor's share of a partnership is exact: the factor's part of the pot in proportion to the partnership's share of the factor's data. " +
  "A partnership's formula total is the exact sum of its factor shares. The formula totals are rounded to whole pounds by the largest remainder, " +
  'so that they add up exactly to the formula pot: every total is first rounded down to whole pounds, and the pounds left over go one each to the ' +
  'partnerships with the largest fractional remainders (on a tie, the larger exact amount first, then the partnership name in alphabetical order). ' +
  'The factor shares are shown exact to the penny, so they need not add up to the rounded total. Place funding is places × the rate per place, ' +
  'and the allocation is the formula total plus the place funding.';

export interface FormulaFactor {
  name: string;
  /** Basis points: 2500 is 25%. A run's weights add up to exactly 10,000. */
  weightBp: number;
  /** The data columns the factor weighs (by id), each with its weight inside the factor (at most four decimal places). */
  columns: ReadonlyArray<{ columnId: number; weight: number; label?: string }>;
}

export interface FormulaPartnership {
  id: number;
  name: string;
  places: number;
  /** Per data column id, the sum of its schools' figures in ten-thousandths (`Math.round(value × 10,000)` each). */
  data: ReadonlyMap<number, bigint | number>;
}

export interface FormulaInput {
  /** The pot the formula shares, in pence (whole pounds). */
  potPence: number;
  /** Place funding per place, in pence (whole pounds). */
  placeRatePence: number;
  factors: readonly FormulaFactor[];
  partnerships: readonly FormulaPartnership[];
}

export interface FormulaRow {
  id: number;
  name: string;
  places: number;
  /** The formula total in whole pounds, after the largest-remainder rounding. */
  formulaPence: number;
  /** The exact formula total, rounded half up to the penny (for display). */
  exactPence: number;
  /** The exact formula total as a fraction of pence: `exactNumerator / denominator`. */
  exactNumerator: bigint;
  /** Each factor's exact share, rounded half up to the penny, in the order of the factors. */
  byFactorPence: number[];
  /** This row was handed one of the pounds left over by rounding down. */
  gotRemainderPound: boolean;
  placesPence: number;
  totalPence: number;
}

export interface FormulaResult {
  rows: FormulaRow[];
  /** The common denominator of every `exactNumerator`. */
  denominator: bigint;
  /** Each factor's part of the pot (pot × weight), exact: a whole-pound pot makes it whole pence. */
  factorPotPence: number[];
  /** Always the pot: the rounding puts every pound somewhere. */
  formulaTotalPence: number;
  placesTotalPence: number;
  totalPence: number;
}

const TEN_THOUSAND = 10_000n;

export const percentOfBp = (bp: number): string => `${(bp / 100).toFixed(2)}%`;

/** A column's weight inside a factor in ten-thousandths, exactly (the contract allows at most four decimal places). */
export const weightE4 = (weight: number): bigint => BigInt(Math.round(weight * 10_000));

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** a / b rounded half up, for a ≥ 0 and b > 0. */
const roundHalfUp = (a: bigint, b: bigint): bigint => (2n * a + b) / (2n * b);

function refuse(field: string, rule: string, message: string): never {
  throw new AppError('INVALID_INPUT', message, { issues: [{ field, rule, message }] });
}

function checkInput(input: FormulaInput): void {
  const { potPence, placeRatePence, factors, partnerships } = input;
  if (!Number.isSafeInteger(potPence) || potPence < 0 || potPence % 100 !== 0) {
    refuse('formulaPotPence', 'must be whole pounds', 'The formula pot must be a whole number of pounds, not negative.');
  }
  if (!Number.isSafeInteger(placeRatePence) || placeRatePence < 0 || placeRatePence % 100 !== 0) {
    refuse('placeRatePence', 'must be whole pounds', 'The rate per place must be a whole number of pounds, not negative.');
  }
  if (factors.length === 0) refuse('factors', 'must have at least one factor', 'A run needs at least one factor.');
  const names = new Set<string>();
  let sum = 0;
  factors.forEach((f, i) => {
    const key = f.name.trim().toLocaleLowerCase('en-GB');
    if (names.has(key)) refuse(`factors.${i}.name`, 'must be unique', `Two factors are called "${f.name}": give each factor its own name.`);
    names.add(key);
    if (!Number.isInteger(f.weightBp) || f.weightBp < 0 || f.weightBp > WEIGHTS_TOTAL_BP) {
      refuse(`factors.${i}.weightBp`, 'must be between 0% and 100%', `The factor "${f.name}" must weigh between 0% and 100%.`);
    }
    if (f.columns.length === 0) refuse(`factors.${i}.columns`, 'must weigh at least one data column', `The factor "${f.name}" weighs no data column.`);
    for (const c of f.columns) {
      if (!(c.weight > 0) || !Number.isFinite(c.weight) || Math.abs(c.weight * 10_000 - Math.round(c.weight * 10_000)) > 1e-6) {
        refuse(
          `factors.${i}.columns`,
          'must be more than nought, to at most four decimal places',
          `A column's weight in "${f.name}" must be more than nought, to at most four decimal places.`,
        );
      }
    }
    sum += f.weightBp;
  });
  if (sum !== WEIGHTS_TOTAL_BP) {
    refuse(
      'factors',
      'weights must add up to 100%',
      `The factor weights add up to ${percentOfBp(sum)}, not 100%. Change the weights so they add up to exactly 100%.`,
    );
  }
  for (const p of partnerships) {
    if (!Number.isSafeInteger(p.places) || p.places < 0)
      refuse('places', 'must be a whole number, not negative', `${p.name}'s places must be a whole number, not negative.`);
  }
}

/**
 * Works out a run: each partnership's exact share of every factor, its formula total rounded to
 * whole pounds by the largest remainder (so the totals add up to the pot exactly), and its place
 * funding. Refuses weights that do not add up to 100%, and a weighted factor whose columns hold
 * no data for any partnership (its share could not be worked out).
 */
export function calculateFormula(input: FormulaInput): FormulaResult {
  checkInput(input);
  const { factors, partnerships } = input;
  const pot = BigInt(input.potPence);
  const colWeights = factors.map((f) => f.columns.map((c) => ({ columnId: c.columnId, w: weightE4(c.weight) })));

  // D[p][f] and T[f].
  const d: bigint[][] = partnerships.map((p) =>
    colWeights.map((cols) => {
      let s = 0n;
      for (const c of cols) {
        const v = p.data.get(c.columnId);
        if (v !== undefined && v !== 0 && v !== 0n) s += c.w * BigInt(v);
      }
      return s;
    }),
  );
  const totals = factors.map((_, f) => d.reduce((s, row) => s + row[f]!, 0n));
  factors.forEach((f, i) => {
    if (f.weightBp > 0 && totals[i] === 0n) {
      const cols = f.columns.map((c) => c.label ?? `column ${c.columnId}`).join(', ');
      refuse(
        `factors.${i}.columns`,
        'must have data',
        `The factor "${f.name}" carries ${percentOfBp(f.weightBp)} of the pot, but no member school has data in its columns (${cols}), so it cannot be shared. Add the schools' data for the year, or weigh other columns.`,
      );
    }
  });

  // One common denominator Q = 10,000 × lcm(T[f]) for the weighted factors, so every exact total is N[p] / Q.
  let lcm = 1n;
  factors.forEach((f, i) => {
    if (f.weightBp > 0) lcm = (lcm / gcd(lcm, totals[i]!)) * totals[i]!;
  });
  const q = TEN_THOUSAND * lcm;
  const numerators = d.map((row) => factors.reduce((s, f, i) => (f.weightBp === 0 ? s : s + pot * BigInt(f.weightBp) * row[i]! * (lcm / totals[i]!)), 0n));

  // Largest remainder: floor to whole pounds, then hand out the pounds left over.
  const pound = 100n * q;
  const floors = numerators.map((n) => n / pound);
  const floorSum = floors.reduce((s, x) => s + x, 0n);
  const leftover = Number(pot / 100n - floorSum);
  const order = partnerships
    .map((p, i) => ({ i, name: p.name, rem: numerators[i]! % pound, exact: numerators[i]! }))
    .sort((a, b) => {
      if (a.rem !== b.rem) return a.rem > b.rem ? -1 : 1;
      if (a.exact !== b.exact) return a.exact > b.exact ? -1 : 1;
      return a.name.localeCompare(b.name, 'en-GB');
    });
  const extra = new Set(order.slice(0, leftover).map((o) => o.i));

  const rows: FormulaRow[] = partnerships.map((p, i) => {
    const formulaPence = Number((floors[i]! + (extra.has(i) ? 1n : 0n)) * 100n);
    const placesPence = p.places * input.placeRatePence;
    return {
      id: p.id,
      name: p.name,
      places: p.places,
      formulaPence,
      exactPence: Number(roundHalfUp(numerators[i]!, q)),
      exactNumerator: numerators[i]!,
      byFactorPence: factors.map((f, fi) => (f.weightBp === 0 ? 0 : Number(roundHalfUp(pot * BigInt(f.weightBp) * d[i]![fi]!, TEN_THOUSAND * totals[fi]!)))),
      gotRemainderPound: extra.has(i),
      placesPence,
      totalPence: formulaPence + placesPence,
    };
  });
  const formulaTotalPence = rows.reduce((s, r) => s + r.formulaPence, 0);
  const placesTotalPence = rows.reduce((s, r) => s + r.placesPence, 0);
  return {
    rows,
    denominator: q,
    factorPotPence: factors.map((f) => Number((pot * BigInt(f.weightBp)) / TEN_THOUSAND)),
    formulaTotalPence,
    placesTotalPence,
    totalPence: formulaTotalPence + placesTotalPence,
  };
}
