import { describe, expect, it } from 'vitest';
import { planPaste, type PasteColumn } from '../../../renderer/src/grid/paste';

// As the monitoring grid shows them: a heading, two lines, a subtotal, a heading, a line.
const rows = [
  { lineId: null, code: '', label: 'Place funding' },
  { lineId: 1, code: 'HN01', label: 'Place funding – special' },
  { lineId: 2, code: 'HN02', label: 'Place funding – RP' },
  { lineId: null, code: '', label: 'Total Place funding' },
  { lineId: null, code: '', label: 'Mainstream top-ups' },
  { lineId: 3, code: 'HN03', label: 'Top-ups – maintained' },
];
const columns: PasteColumn[] = [
  { colId: 'code', header: 'Code', editable: false, type: 'text' },
  { colId: 'forecastPence', header: 'Forecast', editable: true, type: 'money' },
  { colId: 'variancePence', header: 'Variance', editable: false, type: 'money' },
  { colId: 'actualPence', header: 'Actual', editable: true, type: 'money' },
  { colId: 'commentary', header: 'Commentary', editable: true, type: 'text' },
];

describe('pasting a block from Excel lands cell for cell where it is seen', () => {
  it('fills a column down the lines of one group', () => {
    const plan = planPaste([['£1,000'], ['(0)']], rows, 1, columns, 1);
    expect(plan.errors).toEqual([]);
    expect([...plan.changes]).toEqual([
      [1, { forecastPence: 100000 }],
      [2, { forecastPence: 0 }],
    ]);
  });

  it('fills adjacent editable columns across', () => {
    const plan = planPaste([['(250.50)', 'Two new placements']], rows, 2, columns, 3);
    expect([...plan.changes]).toEqual([[2, { actualPence: -25050, commentary: 'Two new placements' }]]);
  });

  it('refuses a block that would cover a calculated column, rather than shift it into the next one', () => {
    // "Forecast | Variance" copied from an exported workbook must not put variances into Actual.
    const plan = planPaste([['1,000', '99,800']], rows, 1, columns, 1);
    expect(plan.changes.size).toBe(0);
    expect(plan.errors).toEqual([
      'Variance is calculated, so the block cannot be pasted over it. Paste into the white columns only, one column at a time if they are apart.',
    ]);
    expect(planPaste([['5']], rows, 1, columns, 2).errors[0]).toMatch(/^Variance is calculated/);
  });

  it('refuses a block that would cover a heading or subtotal, rather than skip it', () => {
    const plan = planPaste([['1'], ['2'], ['3'], ['4'], ['5']], rows, 1, columns, 1);
    expect(plan.changes.size).toBe(0);
    expect(plan.errors).toEqual([
      'The block would cover "Total Place funding", "Mainstream top-ups", which are not a budget line. Paste one provision group at a time.',
    ]);
  });

  it('reports every bad cell (the grid then saves none of the block)', () => {
    // Actual may be negative; Commentary takes any text.
    const plan = planPaste(
      [
        ['abc', '1'],
        ['-5', 'x'],
      ],
      rows,
      1,
      columns,
      3,
    );
    expect(plan.errors).toEqual(['HN01, Actual: "abc" is not an amount of money']);
    // A negative forecast is a credit (an income line), not a mistake.
    const money = planPaste([['abc'], ['-5']], rows, 1, columns, 1);
    expect(money.errors).toEqual(['HN01, Forecast: "abc" is not an amount of money']);
    expect([...planPaste([['-5'], ['(1,234)']], rows, 1, columns, 1).changes]).toEqual([
      [1, { forecastPence: -500 }],
      [2, { forecastPence: -123400 }],
    ]);
  });

  it('refuses a block taller or wider than the grid below and to the right', () => {
    expect(planPaste([['1'], ['2']], rows, 5, columns, 1).errors[0]).toMatch(/2 rows but only 1 rows lie below/);
    expect(planPaste([['1', '2']], rows, 1, columns, 4).errors[0]).toMatch(/2 columns but only 1 columns lie to the right/);
  });

  it('treats a blank cell as clearing the value', () => {
    expect([...planPaste([['']], rows, 1, columns, 1).changes]).toEqual([[1, { forecastPence: null }]]);
  });
});
