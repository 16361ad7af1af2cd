import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, check, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { changeSet } from './audit';

/**
 * One applied workbook: the file it came from and what it did. Its rows and audit entries sit
 * in its change set, so reverting the batch replays that change set backwards.
 */
export const importBatch = sqliteTable(
  'import_batch',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    changeSetId: integer('change_set_id')
      .notNull()
      .unique()
      .references(() => changeSet.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** sha256 of the file's bytes, so the same file can be recognised later. */
    fileHash: text('file_hash').notNull(),
    who: text('who').notNull(),
    at: text('at').notNull(),
    /** What the workbook covered, in its kind's terms (JSON), and as people say it. */
    scope: text('scope').notNull().default('{}'),
    scopeLabel: text('scope_label').notNull().default(''),
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    deleted: integer('deleted').notNull().default(0),
    conflictsResolved: integer('conflicts_resolved').notNull().default(0),
  },
  (t) => [
    check('import_batch_counts', sql`${t.added} >= 0 AND ${t.changed} >= 0 AND ${t.deleted} >= 0`),
    check('import_batch_scope_json', sql`json_valid(${t.scope})`),
  ],
);

/** A foreign workbook's column mapping, saved by name so next year's file maps itself. */
export const columnMapping = sqliteTable(
  'column_mapping',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** JSON: header text -> field. */
    columns: text('columns').notNull(),
    headerRow: integer('header_row'),
    savedAt: text('saved_at').notNull(),
    savedBy: text('saved_by').notNull(),
  },
  (t) => [uniqueIndex('column_mapping_kind_name').on(t.kind, t.name), check('column_mapping_name_not_blank', sql`length(trim(${t.name})) > 0`)],
);
