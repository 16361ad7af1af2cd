import { afterEach, describe, expect, it } from 'vitest';
import { computeMonitoring } from '../../../features/monitoring/rules';
import { periodReturnRows, yearLineRows } from '../../../features/monitoring/period-return';
import { loadLineYears } from '../../../features/monitoring/queries';
import { allYears } from '../../../features/years/queries';
import { testServer, type TestServer } from '../../support/workspace';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/**
 * The demo workspace, roughened so every rule is exercised: gaps in the months, returns with
 * an actual but no forecast, a retired line with figures and one without, a line with no budget.
 */
async function roughWorkspace(): Promise<TestServer> {
  const server = await testServer({ demo: true });
  const s = server.sqlite;
  // Every fourth return, spread over lines and months by the id order.
  const ids = (s.prepare('SELECT id FROM forecast ORDER BY id').pluck().all() as number[]).filter((id) => id % 4 === 1);
  const drop = s.prepare('DELETE FROM forecast WHERE id = ?');
  const blank = s.prepare('UPDATE forecast SET forecast_pence = NULL, actual_pence = ?, commentary = ? WHERE id = ?');
  ids.forEach((id, i) => {
    if (i % 2) drop.run(id);
    else blank.run(1000 + i, i % 3 ? `note ${i}` : null, id);
  });
  const lines = s.prepare('SELECT id FROM budget_line ORDER BY id').pluck().all() as number[];
  s.prepare('UPDATE budget_line SET active = 0 WHERE id IN (?, ?)').run(lines[0], lines[1]);
  s.prepare('DELETE FROM forecast WHERE line_id = ?').run(lines[1]);
  s.prepare('DELETE FROM budget WHERE line_id = ?').run(lines[1]);
  s.prepare(
    "INSERT INTO budget_line (code, name, group_id, sort_order, holder) SELECT 'ZZ-NEW', 'New line', group_id, 5, 'A Holder' FROM budget_line WHERE id = ?",
  ).run(lines[2]);
  return server;
}

describe('a period return worked out in SQL', () => {
  it('gives the same figures, lines and order as the monitoring rules, for every year and period', async () => {
    t = await roughWorkspace();
    const db = t.server.workspace!.db;
    let compared = 0;
    for (const y of allYears(db)) {
      const lineYears = loadLineYears(db, y.id);
      expect(yearLineRows(db, y.id).map((l) => [l.lineId, l.originalPence, l.budgetPence])).toEqual(
        lineYears.map((ly) => [ly.line.lineId, ly.originalPence, ly.revisedPence]),
      );
      for (let period = 1; period <= 12; period++) {
        const expected = computeMonitoring(lineYears, period).rows.map((r, i) => ({
          lineId: r.lineId,
          code: r.code,
          name: r.name,
          s251Code: r.s251Code,
          groupId: r.groupId,
          groupName: lineYears[i]!.group.name,
          groupCode: lineYears[i]!.group.code,
          holder: r.holder,
          originalPence: lineYears[i]!.originalPence,
          budgetPence: r.budgetPence,
          forecastPence: r.forecastPence,
          previousPence: r.previousPence,
          variancePence: r.variancePence,
          actualPence: r.actualPence,
          commentary: r.commentary,
        }));
        expect(periodReturnRows(db, y.id, period)).toEqual(expected);
        compared += expected.length;
      }
    }
    // The roughening really reached the comparison: retired-without-figures is left out, the new line is in.
    const codes = periodReturnRows(db, allYears(db)[0]!.id, 6).map((r) => r.code);
    expect(codes).toContain('ZZ-NEW');
    expect(compared).toBeGreaterThan(500);
  });
});
