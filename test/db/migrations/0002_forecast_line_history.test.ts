import { afterEach, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../../support/workspace';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('migration 0002_forecast_line_history', () => {
  it('indexes each line’s forecasts through a year, so the standing forecast is one seek per line', async () => {
    t = await testServer({ demo: true });
    const s = t.sqlite;
    const cols = (s.pragma('index_info(forecast_line_history)') as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['year_id', 'line_id', 'period', 'forecast_pence']);
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = (
      s
        .prepare(
          `EXPLAIN QUERY PLAN SELECT f.forecast_pence FROM forecast f WHERE f.year_id = ? AND f.line_id = ? AND f.period <= ? AND f.forecast_pence IS NOT NULL ORDER BY f.period DESC LIMIT 1`,
        )
        .all('2025-26', 1, 6) as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/COVERING INDEX forecast_line_history/);
  });
});
