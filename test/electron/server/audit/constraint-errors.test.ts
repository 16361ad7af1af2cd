import { afterEach, describe, expect, it } from 'vitest';
import { forecast } from '../../../../features/monitoring/schema';
import { testServer, type TestServer } from '../../../support/workspace';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('a rule the database refuses', () => {
  it('is said in words, naming the row the writer was on, never in SQLite’s own text, and nothing is saved', async () => {
    t = await testServer({ demo: true });
    const ws = t.server.workspace!;
    const line = t.sqlite.prepare("SELECT id FROM budget_line WHERE code = 'HN01'").pluck().get() as number;
    const before = t.sqlite.prepare('SELECT count(*) FROM forecast').pluck().get();
    let caught: unknown;
    try {
      ws.write('import', 'test', (rec) => {
        rec.source = { label: 'Monitoring return!row 12', sheet: 'Monitoring return', cell: 'A12' };
        // A bug above the database could hand it half a period; the database refuses it itself.
        rec.insert(forecast, { yearId: '2026-27', period: 7.5 as number, lineId: line, forecastPence: 1 });
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Monitoring return!row 12: the forecast could not be saved because amounts must be whole pence and periods whole numbers. Nothing was saved.',
      details: { issues: [{ sheet: 'Monitoring return', cell: 'A12', rule: 'amounts must be whole pence and periods whole numbers' }] },
    });
    expect((caught as Error).message).not.toMatch(/constraint|SQLITE|CHECK/i);
    expect(t.sqlite.prepare('SELECT count(*) FROM forecast').pluck().get()).toBe(before);
  });

  it('through a call, comes back as a sentence too', async () => {
    t = await testServer({ demo: true });
    // A unique code, broken behind the handler's own check (as a race would): the database holds the rule.
    t.sqlite.exec("CREATE TRIGGER t_dup BEFORE UPDATE OF name ON budget_line BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: budget_line.code'); END;");
    const line = t.sqlite.prepare("SELECT id, group_id FROM budget_line WHERE code = 'HN01'").get() as { id: number; group_id: number };
    const r = await t.refused('saveLine', { id: line.id, code: 'HN01', name: 'x', s251Code: null, groupId: line.group_id, holder: '', active: true });
    expect(r.message).not.toMatch(/SQLITE|constraint failed/i);
  });
});
