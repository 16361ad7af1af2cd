CREATE TABLE `workspace` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `financial_year` (
	`id` text PRIMARY KEY NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opening_balance_pence` integer,
	`closed_at` text,
	`closed_by` text,
	`status_reason` text,
	CONSTRAINT "financial_year_id_format" CHECK("financial_year"."id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "financial_year_status" CHECK("financial_year"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE `allocation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`block` text NOT NULL,
	`allocation_pence` integer DEFAULT 0 NOT NULL,
	`deductions_pence` integer DEFAULT 0 NOT NULL,
	`adjustments_pence` integer DEFAULT 0 NOT NULL,
	`transfers_pence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `allocation_version`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "allocation_block" CHECK("allocation"."block" IN ('schools', 'cssb', 'hnb', 'early_years')),
	CONSTRAINT "allocation_nonnegative" CHECK("allocation"."allocation_pence" >= 0 AND "allocation"."deductions_pence" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_version_block` ON `allocation` (`version_id`,`block`);--> statement-breakpoint
CREATE TABLE `allocation_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`published_on` text NOT NULL,
	`label` text NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `allocation_version_year` ON `allocation_version` (`year_id`,`published_on`);--> statement-breakpoint
CREATE TABLE `deficit_contribution` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "deficit_contribution_kind" CHECK("deficit_contribution"."kind" IN ('safety_valve', 'council', 'other')),
	CONSTRAINT "deficit_contribution_positive" CHECK("deficit_contribution"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE INDEX `deficit_contribution_year` ON `deficit_contribution` (`year_id`);--> statement-breakpoint
CREATE TABLE `budget_line` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`s251_code` text,
	`group_id` integer NOT NULL,
	`sort_order` integer NOT NULL,
	`holder` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`s251_code`) REFERENCES `s251_line`(`code`) ON UPDATE cascade ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `provision_group`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_line_code_not_blank" CHECK(length(trim("budget_line"."code")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_line_code_unique` ON `budget_line` (`code`);--> statement-breakpoint
CREATE TABLE `provision_group` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provision_group_code_unique` ON `provision_group` (`code`);--> statement-breakpoint
CREATE TABLE `s251_line` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `budget` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`line_id` integer NOT NULL,
	`original_pence` integer DEFAULT 0 NOT NULL,
	`revised_pence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`line_id`) REFERENCES `budget_line`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "budget_nonnegative" CHECK("budget"."original_pence" >= 0 AND "budget"."revised_pence" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_year_line` ON `budget` (`year_id`,`line_id`);--> statement-breakpoint
CREATE TABLE `forecast` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`period` integer NOT NULL,
	`line_id` integer NOT NULL,
	`forecast_pence` integer,
	`actual_pence` integer,
	`commentary` text,
	FOREIGN KEY (`year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`line_id`) REFERENCES `budget_line`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "forecast_period_range" CHECK("forecast"."period" BETWEEN 1 AND 12),
	CONSTRAINT "forecast_nonnegative" CHECK("forecast"."forecast_pence" IS NULL OR "forecast"."forecast_pence" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forecast_year_period_line` ON `forecast` (`year_id`,`period`,`line_id`);--> statement-breakpoint
CREATE INDEX `forecast_line` ON `forecast` (`line_id`);--> statement-breakpoint
CREATE TABLE `audit_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_set_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`year_id` text,
	`line_id` integer,
	`period` integer,
	FOREIGN KEY (`change_set_id`) REFERENCES `change_set`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entry_change_set` ON `audit_entry` (`change_set_id`);--> statement-breakpoint
CREATE INDEX `audit_entry_line` ON `audit_entry` (`line_id`);--> statement-breakpoint
CREATE INDEX `audit_entry_entity` ON `audit_entry` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `change_set` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`who` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`reverts_id` integer,
	`reverted_by_id` integer,
	CONSTRAINT "change_set_kind" CHECK("change_set"."kind" IN ('edit', 'status', 'undo', 'import', 'system', 'demo'))
);
