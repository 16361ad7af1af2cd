CREATE TABLE `column_mapping` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`columns` text NOT NULL,
	`header_row` integer,
	`saved_at` text NOT NULL,
	`saved_by` text NOT NULL,
	CONSTRAINT "column_mapping_name_not_blank" CHECK(length(trim("column_mapping"."name")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `column_mapping_kind_name` ON `column_mapping` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `import_batch` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_set_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`who` text NOT NULL,
	`at` text NOT NULL,
	`year_id` text NOT NULL,
	`period` integer,
	`added` integer DEFAULT 0 NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`conflicts_resolved` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`change_set_id`) REFERENCES `change_set`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_batch_counts" CHECK("import_batch"."added" >= 0 AND "import_batch"."changed" >= 0 AND "import_batch"."deleted" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_batch_change_set_id_unique` ON `import_batch` (`change_set_id`);