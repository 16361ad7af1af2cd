CREATE TABLE `allocation_factor` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`name` text NOT NULL,
	`weight_bp` integer NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `allocation_run`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "allocation_factor_weight" CHECK("allocation_factor"."weight_bp" BETWEEN 0 AND 10000),
	CONSTRAINT "allocation_factor_whole" CHECK(typeof("allocation_factor"."weight_bp") = 'integer' AND typeof("allocation_factor"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_factor_run_name` ON `allocation_factor` (`run_id`,`name`);--> statement-breakpoint
CREATE TABLE `allocation_factor_column` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`factor_id` integer NOT NULL,
	`column_id` integer NOT NULL,
	`weight` real NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `allocation_run`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`factor_id`) REFERENCES `allocation_factor`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`column_id`) REFERENCES `school_data_column`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "allocation_factor_column_weight" CHECK("allocation_factor_column"."weight" > 0 AND "allocation_factor_column"."weight" <= 1000000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_factor_column_factor_column` ON `allocation_factor_column` (`factor_id`,`column_id`);--> statement-breakpoint
CREATE TABLE `allocation_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`name` text NOT NULL,
	`formula_pot_pence` integer NOT NULL,
	`place_rate_pence` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_on` text,
	`approved_note` text DEFAULT '' NOT NULL,
	`copied_from_id` integer,
	`calculated_at` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	CONSTRAINT "allocation_run_year" CHECK("allocation_run"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "allocation_run_pot" CHECK("allocation_run"."formula_pot_pence" >= 0 AND "allocation_run"."formula_pot_pence" % 100 = 0),
	CONSTRAINT "allocation_run_rate" CHECK("allocation_run"."place_rate_pence" >= 0 AND "allocation_run"."place_rate_pence" % 100 = 0),
	CONSTRAINT "allocation_run_status" CHECK("allocation_run"."status" IN ('draft', 'approved')),
	CONSTRAINT "allocation_run_approved" CHECK(("allocation_run"."approved_on" IS NULL OR "allocation_run"."approved_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
	CONSTRAINT "allocation_run_whole" CHECK(typeof("allocation_run"."formula_pot_pence") = 'integer' AND typeof("allocation_run"."place_rate_pence") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_run_year_name` ON `allocation_run` (`year_id`,`name`);--> statement-breakpoint
CREATE TABLE `allocation_run_data` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`partnership_id` integer NOT NULL,
	`column_id` integer NOT NULL,
	`total_e4` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `allocation_run`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnership`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`column_id`) REFERENCES `school_data_column`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "allocation_run_data_total" CHECK("allocation_run_data"."total_e4" >= 0),
	CONSTRAINT "allocation_run_data_whole" CHECK(typeof("allocation_run_data"."total_e4") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_run_data_run_partnership_column` ON `allocation_run_data` (`run_id`,`partnership_id`,`column_id`);--> statement-breakpoint
CREATE TABLE `allocation_run_partnership` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`partnership_id` integer NOT NULL,
	`name` text NOT NULL,
	`places` integer DEFAULT 0 NOT NULL,
	`schools` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `allocation_run`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnership`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "allocation_run_partnership_counts" CHECK("allocation_run_partnership"."places" >= 0 AND "allocation_run_partnership"."schools" >= 0),
	CONSTRAINT "allocation_run_partnership_whole" CHECK(typeof("allocation_run_partnership"."places") = 'integer' AND typeof("allocation_run_partnership"."schools") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allocation_run_partnership_run_partnership` ON `allocation_run_partnership` (`run_id`,`partnership_id`);--> statement-breakpoint
CREATE TABLE `partnership` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`area` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`lead_school_id` integer,
	`agreement_id` integer,
	`return_frequency` text DEFAULT 'termly' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `partnership`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`lead_school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreement`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "partnership_kind" CHECK("partnership"."kind" IN ('area_inclusion', 'cluster', 'other')),
	CONSTRAINT "partnership_not_own_parent" CHECK("partnership"."parent_id" IS NULL OR "partnership"."parent_id" <> "partnership"."id"),
	CONSTRAINT "partnership_frequency" CHECK("partnership"."return_frequency" IN ('termly', 'annual'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_name` ON `partnership` (`name`);--> statement-breakpoint
CREATE TABLE `partnership_member` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`school_id` integer NOT NULL,
	`partnership_id` integer NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnership`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "partnership_member_year" CHECK("partnership_member"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_member_year_school` ON `partnership_member` (`year_id`,`school_id`);--> statement-breakpoint
CREATE INDEX `partnership_member_partnership` ON `partnership_member` (`partnership_id`);--> statement-breakpoint
CREATE TABLE `partnership_return` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`partnership_id` integer NOT NULL,
	`period` text NOT NULL,
	`status` text DEFAULT 'not_sent' NOT NULL,
	`sent_on` text,
	`received_on` text,
	`checked_on` text,
	`places_used` integer,
	`commentary` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnership`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "partnership_return_year" CHECK("partnership_return"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "partnership_return_period" CHECK("partnership_return"."period" IN ('summer', 'autumn', 'spring', 'annual')),
	CONSTRAINT "partnership_return_status" CHECK("partnership_return"."status" IN ('not_sent', 'sent', 'received', 'checked')),
	CONSTRAINT "partnership_return_dates" CHECK(("partnership_return"."sent_on" IS NULL OR "partnership_return"."sent_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') AND ("partnership_return"."received_on" IS NULL OR "partnership_return"."received_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') AND ("partnership_return"."checked_on" IS NULL OR "partnership_return"."checked_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
	CONSTRAINT "partnership_return_places" CHECK("partnership_return"."places_used" IS NULL OR "partnership_return"."places_used" >= 0),
	CONSTRAINT "partnership_return_whole" CHECK(("partnership_return"."places_used" IS NULL OR typeof("partnership_return"."places_used") = 'integer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_return_year_partnership_period` ON `partnership_return` (`year_id`,`partnership_id`,`period`);--> statement-breakpoint
CREATE TABLE `partnership_year` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`partnership_id` integer NOT NULL,
	`development_plan_approved_on` text,
	`development_plan_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnership`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "partnership_year_year" CHECK("partnership_year"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "partnership_year_plan" CHECK(("partnership_year"."development_plan_approved_on" IS NULL OR "partnership_year"."development_plan_approved_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_year_year_partnership` ON `partnership_year` (`year_id`,`partnership_id`);--> statement-breakpoint
CREATE TABLE `return_category` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "return_category_whole" CHECK(typeof("return_category"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_category_name` ON `return_category` (`name`);--> statement-breakpoint
CREATE TABLE `return_measure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "return_measure_whole" CHECK(typeof("return_measure"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_measure_name` ON `return_measure` (`name`);--> statement-breakpoint
CREATE TABLE `return_measure_value` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`measure_id` integer NOT NULL,
	`value` real NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `partnership_return`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measure_id`) REFERENCES `return_measure`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_measure_value_return_measure` ON `return_measure_value` (`return_id`,`measure_id`);--> statement-breakpoint
CREATE TABLE `return_spend` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`amount_pence` integer NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `partnership_return`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `return_category`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "return_spend_whole" CHECK(typeof("return_spend"."amount_pence") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `return_spend_return_category` ON `return_spend` (`return_id`,`category_id`);--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`urn` integer NOT NULL,
	`name` text NOT NULL,
	`phase` text NOT NULL,
	`type` text NOT NULL,
	`trust` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	CONSTRAINT "school_urn_range" CHECK("school"."urn" BETWEEN 100000 AND 999999),
	CONSTRAINT "school_phase" CHECK("school"."phase" IN ('nursery', 'primary', 'middle', 'secondary', 'all_through', 'sixteen_plus', 'not_applicable')),
	CONSTRAINT "school_type" CHECK("school"."type" IN ('maintained', 'academy', 'special', 'pru', 'ap')),
	CONSTRAINT "school_status" CHECK("school"."status" IN ('open', 'closed')),
	CONSTRAINT "school_whole" CHECK(typeof("school"."urn") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_urn` ON `school` (`urn`);--> statement-breakpoint
CREATE TABLE `school_buy_in` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`school_id` integer NOT NULL,
	`status` text NOT NULL,
	`decided_on` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "school_buy_in_year" CHECK("school_buy_in"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "school_buy_in_status" CHECK("school_buy_in"."status" IN ('bought_in', 'undecided', 'leaving')),
	CONSTRAINT "school_buy_in_date" CHECK(("school_buy_in"."decided_on" IS NULL OR "school_buy_in"."decided_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_buy_in_year_school` ON `school_buy_in` (`year_id`,`school_id`);--> statement-breakpoint
CREATE TABLE `school_data` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year_id` text NOT NULL,
	`school_id` integer NOT NULL,
	`column_id` integer NOT NULL,
	`value` real NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`column_id`) REFERENCES `school_data_column`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "school_data_year" CHECK("school_data"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "school_data_value" CHECK("school_data"."value" >= 0 AND "school_data"."value" <= 1000000000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_data_year_school_column` ON `school_data` (`year_id`,`school_id`,`column_id`);--> statement-breakpoint
CREATE INDEX `school_data_by_column` ON `school_data` (`column_id`);--> statement-breakpoint
CREATE TABLE `school_data_column` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "school_data_column_key_form" CHECK("school_data_column"."key" GLOB '[a-z]*' AND "school_data_column"."key" NOT GLOB '*[^a-z0-9_]*'),
	CONSTRAINT "school_data_column_whole" CHECK(typeof("school_data_column"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_data_column_key` ON `school_data_column` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `school_data_column_name` ON `school_data_column` (`name`);--> statement-breakpoint
INSERT INTO `school_data_column` (`key`, `name`, `description`, `sort_order`) VALUES ('pupils', 'Pupils', 'Pupils on roll (the census count). Buy-in shares of pupils are worked out from this column.', 10), ('fsm', 'Free school meals', 'Pupils eligible for free school meals.', 20), ('idaci_a', 'IDACI band A', 'Pupils living in IDACI band A (income deprivation affecting children).', 30), ('idaci_b', 'IDACI band B', 'Pupils living in IDACI band B (income deprivation affecting children).', 40), ('idaci_c', 'IDACI band C', 'Pupils living in IDACI band C (income deprivation affecting children).', 50), ('idaci_d', 'IDACI band D', 'Pupils living in IDACI band D (income deprivation affecting children).', 60), ('idaci_e', 'IDACI band E', 'Pupils living in IDACI band E (income deprivation affecting children).', 70), ('idaci_f', 'IDACI band F', 'Pupils living in IDACI band F (income deprivation affecting children).', 80), ('low_prior_attainment', 'Low prior attainment', 'Pupils with low prior attainment.', 90), ('pupil_premium', 'Pupil premium', 'Pupils attracting the pupil premium.', 100);
--> statement-breakpoint
INSERT INTO `return_category` (`name`, `sort_order`) VALUES ('Staffing', 10), ('Commissioned places', 20), ('Outreach and specialist support', 30), ('Training and development', 40), ('Resources and other costs', 50);
--> statement-breakpoint
INSERT INTO `return_measure` (`name`, `unit`, `sort_order`) VALUES ('Permanent exclusions', 'pupils', 10), ('Suspensions', 'suspensions', 20), ('Attendance', '%', 30), ('Children back in mainstream', 'pupils', 40);
