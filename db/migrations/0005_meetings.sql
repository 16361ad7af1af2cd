CREATE TABLE `agenda_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`sub_item` integer DEFAULT false NOT NULL,
	`title` text NOT NULL,
	`purpose` text NOT NULL,
	`presenter` text DEFAULT '' NOT NULL,
	`voting_constituency` text DEFAULT 'none' NOT NULL,
	`exempt` integer DEFAULT false NOT NULL,
	`exempt_paragraph` integer,
	`public_summary` text DEFAULT '' NOT NULL,
	`standing_kind` text,
	`resolution` text DEFAULT '' NOT NULL,
	`outcome` text,
	`votes_for` integer,
	`votes_against` integer,
	`votes_abstain` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agenda_item_exempt_paragraph" CHECK(("agenda_item"."exempt" = 0 AND "agenda_item"."exempt_paragraph" IS NULL) OR ("agenda_item"."exempt" = 1 AND "agenda_item"."exempt_paragraph" IS NOT NULL AND "agenda_item"."exempt_paragraph" BETWEEN 1 AND 7)),
	CONSTRAINT "agenda_item_purpose" CHECK("agenda_item"."purpose" IN ('decision', 'consultation', 'information')),
	CONSTRAINT "agenda_item_constituency" CHECK("agenda_item"."voting_constituency" IN ('whole_forum', 'schools_and_academies', 'maintained_primary', 'maintained_secondary', 'maintained_schools', 'none')),
	CONSTRAINT "agenda_item_votes" CHECK(coalesce("agenda_item"."votes_for", 0) >= 0 AND coalesce("agenda_item"."votes_against", 0) >= 0 AND coalesce("agenda_item"."votes_abstain", 0) >= 0),
	CONSTRAINT "agenda_item_whole_numbers" CHECK(typeof("agenda_item"."position") = 'integer' AND ("agenda_item"."exempt_paragraph" IS NULL OR typeof("agenda_item"."exempt_paragraph") = 'integer') AND ("agenda_item"."votes_for" IS NULL OR typeof("agenda_item"."votes_for") = 'integer') AND ("agenda_item"."votes_against" IS NULL OR typeof("agenda_item"."votes_against") = 'integer') AND ("agenda_item"."votes_abstain" IS NULL OR typeof("agenda_item"."votes_abstain") = 'integer'))
);
--> statement-breakpoint
CREATE INDEX `agenda_item_meeting` ON `agenda_item` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `appendix` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`sha256` text NOT NULL,
	`pages` integer,
	FOREIGN KEY (`paper_id`) REFERENCES `paper`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `stored_file`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appendix_paper` ON `appendix` (`paper_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`status` text NOT NULL,
	`substitute_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`substitute_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "attendance_status" CHECK("attendance"."status" IN ('present', 'apologies', 'substitute', 'absent')),
	CONSTRAINT "attendance_substitute" CHECK(("attendance"."status" = 'substitute') = ("attendance"."substitute_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_member` ON `attendance` (`meeting_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `bank_holiday` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `body` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`quorum_kind` text NOT NULL,
	`quorum_numerator` integer DEFAULT 2 NOT NULL,
	`quorum_denominator` integer DEFAULT 5 NOT NULL,
	`quorum_fixed` integer,
	`papers_deadline_days` integer DEFAULT 5 NOT NULL,
	`paper_template` text NOT NULL,
	`standing_items` text NOT NULL,
	`clerk_name` text DEFAULT '' NOT NULL,
	`clerk_email` text DEFAULT '' NOT NULL,
	`clerk_phone` text DEFAULT '' NOT NULL,
	`default_venue` text DEFAULT '' NOT NULL,
	CONSTRAINT "body_kind" CHECK("body"."kind" IN ('schools_forum', 'cabinet', 'scrutiny', 'programme_board', 'transformation_board', 'partnership_board', 'other')),
	CONSTRAINT "body_quorum_kind" CHECK("body"."quorum_kind" IN ('fraction', 'fixed')),
	CONSTRAINT "body_quorum_fraction" CHECK("body"."quorum_numerator" > 0 AND "body"."quorum_denominator" >= "body"."quorum_numerator"),
	CONSTRAINT "body_whole_numbers" CHECK(typeof("body"."quorum_numerator") = 'integer' AND typeof("body"."quorum_denominator") = 'integer' AND ("body"."quorum_fixed" IS NULL OR typeof("body"."quorum_fixed") = 'integer') AND typeof("body"."papers_deadline_days") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `body_name` ON `body` (`name`);--> statement-breakpoint
CREATE TABLE `declaration` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`item_id` integer,
	`interest` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `declaration_meeting` ON `declaration` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`online_link` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`status_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "meeting_status" CHECK("meeting"."status" IN ('draft', 'published', 'held', 'approved', 'cancelled'))
);
--> statement-breakpoint
CREATE INDEX `meeting_body` ON `meeting` (`body_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `meeting_action` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`item_id` integer,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`status_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "meeting_action_status" CHECK("meeting_action"."status" IN ('open', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `meeting_action_meeting` ON `meeting_action` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `member` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body_id` integer NOT NULL,
	`name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`councillor_or_officer` integer DEFAULT false NOT NULL,
	`substitute_for_id` integer,
	FOREIGN KEY (`body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_body` ON `member` (`body_id`);--> statement-breakpoint
CREATE TABLE `member_term` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` integer NOT NULL,
	`seat_category` text NOT NULL,
	`role` text NOT NULL,
	`voting` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "member_term_seat" CHECK("member_term"."seat_category" IN ('maintained_primary_head', 'maintained_primary_governor', 'maintained_secondary_head', 'maintained_secondary_governor', 'maintained_special', 'maintained_nursery', 'pru', 'academy', 'special_academy', 'ap_academy', 'early_years_provider', 'post16_provider', 'diocese', 'union', 'other_non_schools', 'councillor', 'officer', 'other')),
	CONSTRAINT "member_term_role" CHECK("member_term"."role" IN ('chair', 'vice_chair', 'member', 'observer', 'officer_in_attendance')),
	CONSTRAINT "member_term_dates" CHECK("member_term"."end_date" IS NULL OR "member_term"."end_date" >= "member_term"."start_date")
);
--> statement-breakpoint
CREATE INDEX `member_term_member` ON `member_term` (`member_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `minutes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`doc` text NOT NULL,
	`approved_at_item_id` integer,
	`approved_on` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`approved_at_item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_id_unique` ON `minutes` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `pack_file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`variant` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`pages` integer,
	FOREIGN KEY (`version_id`) REFERENCES `pack_version`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`sha256`) REFERENCES `stored_file`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pack_file_kind` ON `pack_file` (`version_id`,`variant`,`format`);--> statement-breakpoint
CREATE TABLE `pack_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`version` integer NOT NULL,
	`supplementary` integer DEFAULT false NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text NOT NULL,
	`snapshot` text NOT NULL,
	`differences` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meeting`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "pack_version_whole" CHECK(typeof("pack_version"."version") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pack_version_number` ON `pack_version` (`meeting_id`,`version`);--> statement-breakpoint
CREATE TABLE `paper` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`template` text NOT NULL,
	`header` text NOT NULL,
	`sections` text NOT NULL,
	`added_at` text NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`late_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "paper_late_reason" CHECK("paper"."late" = 0 OR length(trim("paper"."late_reason")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_item` ON `paper` (`item_id`);--> statement-breakpoint
CREATE TABLE `stored_file` (
	`sha256` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`size` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vote` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`choice` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_item`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `member`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "vote_choice" CHECK("vote"."choice" IN ('for', 'against', 'abstain'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_member` ON `vote` (`item_id`,`member_id`);