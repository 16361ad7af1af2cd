CREATE TABLE `setting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	CONSTRAINT "setting_value_json" CHECK(json_valid("setting"."value"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `setting_key` ON `setting` (`key`);--> statement-breakpoint
CREATE TABLE `lock` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`locked` integer NOT NULL,
	`reason` text NOT NULL,
	`changed_at` text NOT NULL,
	`changed_by` text NOT NULL,
	CONSTRAINT "lock_reason_not_blank" CHECK(length(trim("lock"."reason")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lock_entity` ON `lock` (`entity`,`entity_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_change_set` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`reverts_id` integer,
	`reverted_by_id` integer,
	CONSTRAINT "change_set_kind" CHECK("__new_change_set"."kind" IN ('edit', 'status', 'undo', 'redo', 'import', 'system', 'demo'))
);
--> statement-breakpoint
INSERT INTO `__new_change_set`("id", "at", "who", "kind", "label", "reverts_id", "reverted_by_id") SELECT "id", "at", "who", "kind", "label", "reverts_id", "reverted_by_id" FROM `change_set`;--> statement-breakpoint
DROP TABLE `change_set`;--> statement-breakpoint
ALTER TABLE `__new_change_set` RENAME TO `change_set`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `forecast` ADD `reviewed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_entry` ADD `scope` text;--> statement-breakpoint
ALTER TABLE `audit_entry` ADD `subject` text;--> statement-breakpoint
ALTER TABLE `audit_entry` ADD `part` text;--> statement-breakpoint
ALTER TABLE `import_batch` ADD `scope` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_batch` ADD `scope_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Audit entries name what they belong to generically: the year they fall in (its lock), the line they are about, the period.
UPDATE `audit_entry` SET `scope` = 'financial_year:' || `year_id` WHERE `year_id` IS NOT NULL;--> statement-breakpoint
UPDATE `audit_entry` SET `subject` = 'budget_line:' || `line_id` WHERE `line_id` IS NOT NULL;--> statement-breakpoint
UPDATE `audit_entry` SET `part` = 'P' || `period` WHERE `period` IS NOT NULL;--> statement-breakpoint
-- An import batch's scope, in its kind's terms.
UPDATE `import_batch` SET
  `scope` = CASE WHEN `period` IS NULL THEN json_object('year', `year_id`) ELSE json_object('year', `year_id`, 'period', `period`) END,
  `scope_label` = `year_id` || CASE WHEN `period` IS NULL THEN '' ELSE ' P' || `period` END;--> statement-breakpoint
-- A closed year becomes a lock on the year; a year reopened keeps the reason it was reopened.
INSERT INTO `lock` (`entity`, `entity_id`, `locked`, `reason`, `changed_at`, `changed_by`)
SELECT 'financial_year', fy.`id`, fy.`status` = 'closed',
  coalesce(nullif(trim(fy.`status_reason`), ''), CASE WHEN fy.`status` = 'closed' THEN 'Closed' ELSE 'Reopened' END),
  coalesce(fy.`closed_at`, (SELECT cs.`at` FROM `audit_entry` ae JOIN `change_set` cs ON cs.`id` = ae.`change_set_id`
    WHERE ae.`entity` = 'financial_year' AND ae.`entity_id` = fy.`id` AND ae.`field` = 'status' ORDER BY ae.`id` DESC LIMIT 1), ''),
  coalesce(fy.`closed_by`, (SELECT cs.`who` FROM `audit_entry` ae JOIN `change_set` cs ON cs.`id` = ae.`change_set_id`
    WHERE ae.`entity` = 'financial_year' AND ae.`entity_id` = fy.`id` AND ae.`field` = 'status' ORDER BY ae.`id` DESC LIMIT 1), '')
FROM `financial_year` fy WHERE fy.`status` = 'closed' OR fy.`status_reason` IS NOT NULL;
