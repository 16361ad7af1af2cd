import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../db/migrate';
import { embeddedMigrations } from '../../../db/migrations/embedded';
import { dumpTables, tempDir } from '../../support/workspace';
import { schema3Workspace } from './schema-3-workspace';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function atSchema5() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = schema3Workspace(t.dir);
  cleanups.push(() => db.close());
  applyMigrations(db, embeddedMigrations.slice(0, 5));
  return db;
}

const MEETING_TABLES = [
  'agenda_item',
  'appendix',
  'attendance',
  'bank_holiday',
  'body',
  'declaration',
  'meeting',
  'meeting_action',
  'member',
  'member_term',
  'minutes',
  'pack_file',
  'pack_version',
  'paper',
  'stored_file',
  'vote',
];

describe('migration 0005_meetings', () => {
  it('adds the meetings tables, empty, and leaves every existing row as it was', () => {
    const db = atSchema5();
    const before = dumpTables(db);
    expect(applyMigrations(db, embeddedMigrations.slice(0, 6))).toEqual(['0005_meetings']);
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) if (table !== '__drizzle_migrations') expect(after[table], table).toEqual(rows);
    for (const table of MEETING_TABLES) expect(after[table], table).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('holds the agenda and attendance rules in the database itself', () => {
    const db = atSchema5();
    applyMigrations(db, embeddedMigrations.slice(0, 6));
    db.exec(`
      INSERT INTO body (id, name, kind, quorum_kind, paper_template, standing_items) VALUES (1, 'Schools Forum', 'schools_forum', 'fraction', '{}', '[]');
      INSERT INTO member (id, body_id, name) VALUES (1, 1, 'A Head'), (2, 1, 'A Substitute');
      INSERT INTO meeting (id, body_id, starts_at) VALUES (1, 1, '2026-12-10T14:00');
      INSERT INTO agenda_item (id, meeting_id, position, title, purpose) VALUES (1, 1, 0, 'Apologies', 'information');
    `);
    // An exempt item names its Schedule 12A paragraph (1 to 7); an open one names none.
    expect(() => db.exec(`UPDATE agenda_item SET exempt = 1 WHERE id = 1`)).toThrow(/agenda_item_exempt_paragraph/);
    expect(() => db.exec(`UPDATE agenda_item SET exempt = 1, exempt_paragraph = 8 WHERE id = 1`)).toThrow(/agenda_item_exempt_paragraph/);
    db.exec(`UPDATE agenda_item SET exempt = 1, exempt_paragraph = 3 WHERE id = 1`);
    expect(() => db.exec(`UPDATE agenda_item SET position = 1.5 WHERE id = 1`)).toThrow(/agenda_item_whole_numbers/);
    expect(() => db.exec(`UPDATE agenda_item SET voting_constituency = 'everyone' WHERE id = 1`)).toThrow(/agenda_item_constituency/);
    // A substitute attends only with the status that says so, and vice versa.
    expect(() => db.exec(`INSERT INTO attendance (meeting_id, member_id, status) VALUES (1, 1, 'substitute')`)).toThrow(/attendance_substitute/);
    expect(() => db.exec(`INSERT INTO attendance (meeting_id, member_id, status, substitute_id) VALUES (1, 1, 'present', 2)`)).toThrow(/attendance_substitute/);
    db.exec(`INSERT INTO attendance (meeting_id, member_id, status, substitute_id) VALUES (1, 1, 'substitute', 2)`);
    // A late paper carries its reason.
    expect(() =>
      db.exec(`INSERT INTO paper (item_id, template, header, sections, added_at, late) VALUES (1, 'forum', '{}', '{}', '2026-12-09T10:00:00Z', 1)`),
    ).toThrow(/paper_late_reason/);
    // A meeting with a published pack cannot be deleted from under it.
    db.exec(`INSERT INTO pack_version (meeting_id, version, published_at, published_by, snapshot) VALUES (1, 1, '2026-12-01T09:00:00Z', 'clerk', '{}')`);
    expect(() => db.exec('DELETE FROM meeting WHERE id = 1')).toThrow(/FOREIGN KEY/);
  });
});
