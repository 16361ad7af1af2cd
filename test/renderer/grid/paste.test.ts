import { describe, expect, it } from 'vitest';
import { planPaste, type PasteColumn } from '../../../renderer/src/grid/paste';

const rows = [
  { lineId: null, code: '' }, // group heading
  { lineId: 1, code: 'HN01' },
  { lineId: 2, code: 'HN02' },
  { lineId: null, code: '' }, // subtotal
  { lineId: null, code: '' }, // next heading
  { lineId: 3, code: 'HN03' },
];
const columns: PasteColumn[] = [
  { colId: 'code', header: 'Code', editable: false, type: 'text' },
  { colId: 'forecastPence', header: 'Forecast', editable: true, type: 'money' },
  { colId: 'variancePence', header: 'Variance', editable: false, type: 'money' },
  { colId: 'actualPence', header: 'Actual', editable: true, type: 'signed-money' },
  { colId: 'commentary', header: 'Commentary', editable: true, type: 'text' },
];

describe('pasting a block from Excel', () => {
  it('fills lines downwards, stepping over headings and subtotals', () => {
    const plan = planPaste([['£1,000'], ['2000'], ['(0)']], rows, 1, columns, 1);
    expect(plan.errors).toEqual([]);
    expect([...plan.changes]).toEqual([
      [1, { forecastPence: 100000 }],
      [2, { forecastPence: 200000 }],
      [3, { forecastPence: 0 }],
    ]);
  });
  it('fills editable columns across, stepping over computed ones', () => {
    const plan = planPaste([['1,000', '(250.50)', 'Two new placements']], rows, 2, columns, 1);
    expect([...plan.changes]).toEqual([[2, { forecastPence: 100000, actualPence: -25050, commentary: 'Two new placements' }]]);
  });
  it('reports every bad cell and changes nothing', () => {
    const plan = planPaste([['abc', '1'], ['-5', 'x']], rows, 1, columns, 1);
    expect(plan.changes.size).toBe(1); // row HN01's actual parsed, but errors block the whole paste
    expect(plan.errors).toEqual([
      'HN01, Forecast: "abc" is not an amount of money',
      'HN02, Forecast: must not be negative (found "-5")',
      'HN02, Actual: "x" is not an amount of money',
    ]);
  });
  it('refuses a block taller or wider than the room below and to the right', () => {
    expect(planPaste([['1'], ['2'], ['3'], ['4']], rows, 1, columns, 1).errors[0]).toMatch(/4 rows but only 3 budget lines/);
    expect(planPaste([['1', '2', '3', '4']], rows, 1, columns, 1).errors[0]).toMatch(/4 columns but only 3 editable/);
    expect(planPaste([['1']], rows, 1, columns.slice(0, 1), 0).errors[0]).toMatch(/editable column/);
  });
  it('treats a blank cell as clearing the value', () => {
    expect([...planPaste([['']], rows, 1, columns, 1).changes]).toEqual([[1, { forecastPence: null }]]);
  });
});
