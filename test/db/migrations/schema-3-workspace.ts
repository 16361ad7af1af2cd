/**
 * A workspace as schema 3 (migrations 0000 to 0002) held it, written with that schema's own SQL:
 * an open year, a closed one, one closed and then reopened, lines, budgets, forecasts with
 * audit entries naming their year, line and period, and two import batches. Later migrations
 * are tested against it, so each proves it carries real data across.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../../db/client';
import { applyMigrations } from '../../../db/migrate';
import { embeddedMigrations } from '../../../db/migrations/embedded';

export function schema3Workspace(dir: string): Database.Database {
  const db = new Database(join(dir, 'schema3.hnbdesk'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  applyMigrations(db, embeddedMigrations.slice(0, 3));
  db.exec(`
    INSERT INTO workspace VALUES ('ws-1', 'Old Council', 0, '2024-01-01T00:00:00Z', 'old.user');
    INSERT INTO financial_year VALUES ('2023-24', '2023-04-01', '2024-03-31', 'closed', -500000, '2024-07-01T09:00:00Z', 'closer', 'Outturn agreed');
    INSERT INTO financial_year VALUES ('2024-25', '2024-04-01', '2025-03-31', 'open', NULL, NULL, NULL, 'Reopened for an accrual');
    INSERT INTO financial_year VALUES ('2025-26', '2025-04-01', '2026-03-31', 'open', NULL, NULL, NULL, NULL);
    INSERT INTO s251_line VALUES ('1.2.1', 'Top-up funding – maintained schools', 1);
    INSERT INTO provision_group (id, code, name, sort_order) VALUES (1, 'MAINSTREAM', 'Mainstream top-ups', 10);
    INSERT INTO budget_line (id, code, name, s251_code, group_id, sort_order, holder, active) VALUES (1, 'HN01', 'Top-ups', '1.2.1', 1, 10, 'A Holder', 1), (2, 'HN02', 'Other', NULL, 1, 20, '', 0);
    INSERT INTO budget (id, year_id, line_id, original_pence, revised_pence) VALUES (1, '2024-25', 1, 100000, 120000), (2, '2025-26', 2, 0, 5000);
    INSERT INTO forecast (id, year_id, period, line_id, forecast_pence, actual_pence, commentary) VALUES
      (1, '2024-25', 1, 1, 110000, 9000, 'first'), (2, '2024-25', 7, 1, NULL, 50000, NULL), (3, '2025-26', 12, 2, 6000, NULL, 'outturn');
    INSERT INTO allocation_version (id, year_id, published_on, label) VALUES (1, '2024-25', '2023-12-19', 'December');
    INSERT INTO allocation (id, version_id, block, allocation_pence) VALUES (1, 1, 'hnb', 1000000);
    INSERT INTO deficit_contribution (id, year_id, kind, amount_pence, note) VALUES (1, '2024-25', 'council', 2500, 'Council');
    INSERT INTO change_set (id, at, who, kind, label) VALUES
      (1, '2024-01-01T00:00:00Z', 'old.user', 'system', 'Workspace created'),
      (2, '2024-05-01T10:00:00Z', 'old.user', 'edit', 'Forecast HN01 P1'),
      (3, '2024-07-01T09:00:00Z', 'closer', 'status', 'Close 2023-24'),
      (4, '2024-08-01T09:00:00Z', 'opener', 'status', 'Reopen 2024-25'),
      (5, '2024-09-01T09:00:00Z', 'importer', 'import', 'Import return.xlsx'),
      (6, '2024-10-01T09:00:00Z', 'importer', 'import', 'Import budget.xlsx');
    INSERT INTO audit_entry (change_set_id, entity, entity_id, op, field, old_value, new_value, year_id, line_id, period) VALUES
      (2, 'forecast', '1', 'update', 'forecastPence', '100000', '110000', '2024-25', 1, 1),
      (3, 'financial_year', '2023-24', 'update', 'status', '"open"', '"closed"', '2023-24', NULL, NULL),
      (4, 'financial_year', '2024-25', 'update', 'status', '"closed"', '"open"', '2024-25', NULL, NULL),
      (5, 'forecast', '2', 'insert', '*', NULL, '{}', '2024-25', 1, 7),
      (6, 'budget_line', '2', 'update', 'name', '"x"', '"Other"', NULL, 2, NULL);
    INSERT INTO import_batch (id, change_set_id, kind, file_name, file_hash, who, at, year_id, period, added, changed) VALUES
      (1, 5, 'monitoring', 'return.xlsx', 'h1', 'importer', '2024-09-01T09:00:00Z', '2024-25', 7, 0, 1),
      (2, 6, 'budget', 'budget.xlsx', 'h2', 'importer', '2024-10-01T09:00:00Z', '2025-26', NULL, 0, 1);
  `);
  return db;
}
