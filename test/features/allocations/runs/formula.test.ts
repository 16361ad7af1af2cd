/**
 * The formula on its own: the tie rule of the largest remainder, exactness where floating point
 * would drift, a factor with no weight, and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { calculateFormula, type FormulaPartnership } from '../../../../features/allocations/runs/formula';

const one = (weightBp = 10_000) => ({ name: 'Pupils', weightBp, columns: [{ columnId: 1, weight: 1 }] });
const p = (id: number, name: string, e4: number | bigint, places = 0): FormulaPartnership => ({ id, name, places, data: new Map([[1, e4]]) });

describe('the largest remainder', () => {
  it('gives the pound left over to the larger exact amount when the remainders tie', () => {
    // £10 shared 1:3 is £2.50 and £7.50: both remainders are 50p, and £7.50 is the larger amount.
    const r = calculateFormula({ potPence: 1000, placeRatePence: 0, factors: [one()], partnerships: [p(1, 'Alpha', 1), p(2, 'Zulu', 3)] });
    expect(r.rows.map((x) => [x.name, x.formulaPence, x.exactPence, x.gotRemainderPound])).toEqual([
      ['Alpha', 200, 250, false],
      ['Zulu', 800, 750, true],
    ]);
  });

  it('then goes by name in alphabetical order (not by character code)', () => {
    // £100 in thirds: three equal remainders and amounts; "alpha" sorts before "Beta" in English.
    const r = calculateFormula({
      potPence: 10_000,
      placeRatePence: 0,
      factors: [one()],
      partnerships: [p(1, 'Beta', 5), p(2, 'Gamma', 5), p(3, 'alpha', 5)],
    });
    expect(r.rows.map((x) => [x.name, x.formulaPence])).toEqual([
      ['Beta', 3300],
      ['Gamma', 3300],
      ['alpha', 3400],
    ]);
  });

  it('hands out several pounds, largest remainder first', () => {
    // £10 shared 1:1:1:1:1:1:1 is £1.428571… each: 7 × £1 = £7, and 3 pounds left go to A, B, C by name.
    const parts = ['G', 'F', 'E', 'D', 'C', 'B', 'A'].map((n, i) => p(i + 1, n, 1));
    const r = calculateFormula({ potPence: 1000, placeRatePence: 0, factors: [one()], partnerships: parts });
    expect(Object.fromEntries(r.rows.map((x) => [x.name, x.formulaPence]))).toEqual({ A: 200, B: 200, C: 200, D: 100, E: 100, F: 100, G: 100 });
    // 1:1:2 of £10 is £2.50, £2.50, £5.00: one pound is left (2 + 2 + 5 = 9), and of the two equal halves A's name comes first.
    const r2 = calculateFormula({ potPence: 1000, placeRatePence: 0, factors: [one()], partnerships: [p(1, 'A', 1), p(2, 'B', 1), p(3, 'C', 2)] });
    expect(r2.rows.map((x) => x.formulaPence)).toEqual([300, 200, 500]);
  });

  it('ranks remainders across factors exactly, where floating point would tie them', () => {
    // Two factors whose shares differ by far less than a float's precision at this size.
    const big = 10n ** 15n;
    const r = calculateFormula({
      potPence: 300,
      placeRatePence: 0,
      factors: [one(5000), { name: 'Other', weightBp: 5000, columns: [{ columnId: 2, weight: 1 }] }],
      partnerships: [
        {
          id: 1,
          name: 'A',
          places: 0,
          data: new Map([
            [1, big],
            [2, 1n],
          ]),
        },
        {
          id: 2,
          name: 'B',
          places: 0,
          data: new Map([
            [1, big + 1n],
            [2, 1n],
          ]),
        },
      ],
    });
    // Each is £1.50 give or take a hair; B's hair is the larger, so B gets the pound.
    expect(r.rows.map((x) => x.formulaPence)).toEqual([100, 200]);
  });
});

describe('the parts of a result', () => {
  it('keeps factor shares exact to the penny and adds places at the rate', () => {
    const r = calculateFormula({
      potPence: 10_000,
      placeRatePence: 500_000,
      factors: [
        { name: 'Pupils', weightBp: 3333, columns: [{ columnId: 1, weight: 1 }] },
        { name: 'FSM', weightBp: 6667, columns: [{ columnId: 2, weight: 1.5 }] },
      ],
      partnerships: [
        {
          id: 1,
          name: 'A',
          places: 3,
          data: new Map([
            [1, 10_000],
            [2, 20_000],
          ]),
        },
        { id: 2, name: 'B', places: 0, data: new Map([[1, 20_000]]) },
      ],
    });
    // Pupils pot £33.33: A 1/3 = 1111p, B 2/3 = 2222p. FSM pot £66.67: all A's.
    expect(r.factorPotPence).toEqual([3333, 6667]);
    expect(r.rows.map((x) => [x.byFactorPence, x.exactPence, x.formulaPence, x.placesPence, x.totalPence])).toEqual([
      [[1111, 6667], 7778, 7800, 1_500_000, 1_507_800],
      [[2222, 0], 2222, 2200, 0, 2200],
    ]);
    expect(r).toMatchObject({ formulaTotalPence: 10_000, placesTotalPence: 1_500_000, totalPence: 1_510_000 });
  });

  it('lets a factor with no weight have no data', () => {
    const r = calculateFormula({
      potPence: 10_000,
      placeRatePence: 0,
      factors: [one(10_000), { name: 'Unused', weightBp: 0, columns: [{ columnId: 9, weight: 1 }] }],
      partnerships: [p(1, 'A', 1)],
    });
    expect(r.rows[0]!.byFactorPence).toEqual([10_000, 0]);
  });
});

describe('refusals', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('not refused');
  };
  it('refuses weights not adding up to 100%', () => {
    expect(refusal(() => calculateFormula({ potPence: 100, placeRatePence: 0, factors: [one(9950)], partnerships: [p(1, 'A', 1)] }))).toBe(
      'The factor weights add up to 99.50%, not 100%. Change the weights so they add up to exactly 100%.',
    );
    expect(
      refusal(() => calculateFormula({ potPence: 100, placeRatePence: 0, factors: [one(6000), { ...one(4001), name: 'B' }], partnerships: [p(1, 'A', 1)] })),
    ).toMatch(/add up to 100\.01%/);
  });
  it('refuses a weighted factor with no data, a pot in pence, repeated names', () => {
    expect(refusal(() => calculateFormula({ potPence: 100, placeRatePence: 0, factors: [one()], partnerships: [p(1, 'A', 0)] }))).toMatch(
      /no member school has data in its columns \(column 1\)/,
    );
    expect(refusal(() => calculateFormula({ potPence: 150, placeRatePence: 0, factors: [one()], partnerships: [p(1, 'A', 1)] }))).toMatch(
      /whole number of pounds/,
    );
    expect(refusal(() => calculateFormula({ potPence: 100, placeRatePence: 0, factors: [one(5000), one(5000)], partnerships: [p(1, 'A', 1)] }))).toMatch(
      /Two factors are called "Pupils"/,
    );
  });
});
