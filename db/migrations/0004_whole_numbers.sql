PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_financial_year` (
	`id` text PRIMARY KEY NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`opening_balance_pence` integer,
	CONSTRAINT "financial_year_id_format" CHECK("__new_financial_year"."id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "financial_year_whole_pence" CHECK(("__new_financial_year"."opening_balance_pence" IS NULL OR typeof("__new_financial_year"."opening_balance_pence") = 'integer'))
);
--> statement-breakpoint
INSERT INTO `__new_financial_year`("id", "start_date", "end_date", "opening_balance_pence") SELECT "id", "start_date", "end_date", "opening_balance_pence" FROM `financial_year`;--> statement-breakpoint
DROP TABLE `financial_year`;--> statement-breakpoint
ALTER TABLE `__new_financial_year` RENAME TO `financial_year`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_budget` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`line_id` integer NOT NULL,
	`original_pence` integer DEFAULT 0 NOT NULL,
	`revised_pence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`line_id`) REFERENCES `budget_line`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_whole_pence" CHECK(typeof("__new_budget"."original_pence") = 'integer' AND typeof("__new_budget"."revised_pence") = 'integer')
);
--> statement-breakpoint
INSERT INTO `__new_budget`("id", "year_id", "line_id", "original_pence", "revised_pence") SELECT "id", "year_id", "line_id", "original_pence", "revised_pence" FROM `budget`;--> statement-breakpoint
DROP TABLE `budget`;--> statement-breakpoint
ALTER TABLE `__new_budget` RENAME TO `budget`;--> statement-breakpoint
CREATE UNIQUE INDEX `budget_year_line` ON `budget` (`year_id`,`line_id`);--> statement-breakpoint
CREATE TABLE `__new_forecast` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`period` integer NOT NULL,
	`line_id` integer NOT NULL,
	`forecast_pence` integer,
	`actual_pence` integer,
	`commentary` text,
	`reviewed` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`line_id`) REFERENCES `budget_line`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "forecast_period_range" CHECK("__new_forecast"."period" BETWEEN 1 AND 12),
	CONSTRAINT "forecast_whole_numbers" CHECK(typeof("__new_forecast"."period") = 'integer' AND ("__new_forecast"."forecast_pence" IS NULL OR typeof("__new_forecast"."forecast_pence") = 'integer') AND ("__new_forecast"."actual_pence" IS NULL OR typeof("__new_forecast"."actual_pence") = 'integer'))
);
--> statement-breakpoint
INSERT INTO `__new_forecast`("id", "year_id", "period", "line_id", "forecast_pence", "actual_pence", "commentary", "reviewed") SELECT "id", "year_id", "period", "line_id", "forecast_pence", "actual_pence", "commentary", "reviewed" FROM `forecast`;--> statement-breakpoint
DROP TABLE `forecast`;--> statement-breakpoint
ALTER TABLE `__new_forecast` RENAME TO `forecast`;--> statement-breakpoint
CREATE UNIQUE INDEX `forecast_year_period_line` ON `forecast` (`year_id`,`period`,`line_id`);--> statement-breakpoint
CREATE INDEX `forecast_line` ON `forecast` (`line_id`);--> statement-breakpoint
CREATE INDEX `forecast_line_history` ON `forecast` (`year_id`,`line_id`,`period`,`forecast_pence`);--> statement-breakpoint
DROP INDEX `audit_entry_line`;--> statement-breakpoint
CREATE INDEX `audit_entry_subject` ON `audit_entry` (`subject`,`scope`);--> statement-breakpoint
ALTER TABLE `audit_entry` DROP COLUMN `year_id`;--> statement-breakpoint
ALTER TABLE `audit_entry` DROP COLUMN `line_id`;--> statement-breakpoint
ALTER TABLE `audit_entry` DROP COLUMN `period`;--> statement-breakpoint
CREATE TABLE `__new_import_batch` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_set_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`who` text NOT NULL,
	`at` text NOT NULL,
	`scope` text DEFAULT '{}' NOT NULL,
	`scope_label` text DEFAULT '' NOT NULL,
	`added` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`conflicts_resolved` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`change_set_id`) REFERENCES `change_set`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_batch_counts" CHECK("__new_import_batch"."added" >= 0 AND "__new_import_batch"."changed" >= 0 AND "__new_import_batch"."deleted" >= 0),
	CONSTRAINT "import_batch_scope_json" CHECK(json_valid("__new_import_batch"."scope"))
);
--> statement-breakpoint
INSERT INTO `__new_import_batch`("id", "change_set_id", "kind", "file_name", "file_hash", "who", "at", "scope", "scope_label", "added", "changed", "deleted", "conflicts_resolved") SELECT "id", "change_set_id", "kind", "file_name", "file_hash", "who", "at", "scope", "scope_label", "added", "changed", "deleted", "conflicts_resolved" FROM `import_batch`;--> statement-breakpoint
DROP TABLE `import_batch`;--> statement-breakpoint
ALTER TABLE `__new_import_batch` RENAME TO `import_batch`;--> statement-breakpoint
CREATE UNIQUE INDEX `import_batch_change_set_id_unique` ON `import_batch` (`change_set_id`);--> statement-breakpoint
CREATE TABLE `__new_allocation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`block` text NOT NULL,
	`allocation_pence` integer DEFAULT 0 NOT NULL,
	`deductions_pence` integer DEFAULT 0 NOT NULL,
	`adjustments_pence` integer DEFAULT 0 NOT NULL,
	`transfers_pence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `allocation_version`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "allocation_block" CHECK("__new_allocation"."block" IN ('schools', 'cssb', 'hnb', 'early_years')),
	CONSTRAINT "allocation_nonnegative" CHECK("__new_allocation"."allocation_pence" >= 0 AND "__new_allocation"."deductions_pence" >= 0),
	CONSTRAINT "allocation_whole_pence" CHECK(typeof("__new_allocation"."allocation_pence") = 'integer' AND typeof("__new_allocation"."deductions_pence") = 'integer' AND typeof("__new_allocation"."adjustments_pence") = 'integer' AND typeof("__new_allocation"."transfers_pence") = 'integer')
);
--> statement-breakpoint
INSERT INTO `__new_allocation`("id", "version_id", "block", "allocation_pence", "deductions_pence", "adjustments_pence", "transfers_pence") SELECT "id", "version_id", "block", "allocation_pence", "deductions_pence", "adjustments_pence", "transfers_pence" FROM `allocation`;--> statement-breakpoint
DROP TABLE `allocation`;--> statement-breakpoint
ALTER TABLE `__new_allocation` RENAME TO `allocation`;--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_version_block` ON `allocation` (`version_id`,`block`);--> statement-breakpoint
CREATE TABLE `__new_deficit_contribution` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deficit_contribution_kind" CHECK("__new_deficit_contribution"."kind" IN ('safety_valve', 'council', 'other')),
	CONSTRAINT "deficit_contribution_positive" CHECK("__new_deficit_contribution"."amount_pence" >= 0),
	CONSTRAINT "deficit_contribution_whole_pence" CHECK(typeof("__new_deficit_contribution"."amount_pence") = 'integer')
);
--> statement-breakpoint
INSERT INTO `__new_deficit_contribution`("id", "year_id", "kind", "amount_pence", "note") SELECT "id", "year_id", "kind", "amount_pence", "note" FROM `deficit_contribution`;--> statement-breakpoint
DROP TABLE `deficit_contribution`;--> statement-breakpoint
ALTER TABLE `__new_deficit_contribution` RENAME TO `deficit_contribution`;--> statement-breakpoint
CREATE INDEX `deficit_contribution_year` ON `deficit_contribution` (`year_id`);