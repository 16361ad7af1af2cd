CREATE TABLE `agreement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`counterparty` text NOT NULL,
	`type` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`legal_basis` text NOT NULL,
	`legal_basis_on` text,
	`start_on` text NOT NULL,
	`end_on` text NOT NULL,
	`annual_value_pence` integer NOT NULL,
	`extensions_offered` integer DEFAULT 0 NOT NULL,
	`extension_months` integer DEFAULT 0 NOT NULL,
	`extension_notice_days` integer DEFAULT 90 NOT NULL,
	`decision_reference` text DEFAULT '' NOT NULL,
	`decision_on` text,
	`forward_plan_reference` text DEFAULT '' NOT NULL,
	`key_decision_override` integer,
	`key_decision_reason` text DEFAULT '' NOT NULL,
	`call_in_override` integer,
	`call_in_reason` text DEFAULT '' NOT NULL,
	`reporting_duties` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	CONSTRAINT "agreement_reference_not_blank" CHECK(length(trim("agreement"."reference")) > 0),
	CONSTRAINT "agreement_type" CHECK("agreement"."type" IN ('cooperation', 'direct_award', 'tender', 'grant', 'sla')),
	CONSTRAINT "agreement_legal_basis" CHECK("agreement"."legal_basis" IN ('pcr2015_reg12_7', 'pcr2015', 'procurement_act_2023', 'grant_terms', 'other')),
	CONSTRAINT "agreement_dates" CHECK("agreement"."start_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND "agreement"."end_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND "agreement"."end_on" >= "agreement"."start_on"),
	CONSTRAINT "agreement_other_dates" CHECK(("agreement"."legal_basis_on" IS NULL OR "agreement"."legal_basis_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') AND ("agreement"."decision_on" IS NULL OR "agreement"."decision_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')),
	CONSTRAINT "agreement_extensions" CHECK("agreement"."extensions_offered" BETWEEN 0 AND 10 AND "agreement"."extension_months" BETWEEN 0 AND 120 AND ("agreement"."extensions_offered" = 0 OR "agreement"."extension_months" > 0) AND "agreement"."extension_notice_days" BETWEEN 0 AND 730),
	CONSTRAINT "agreement_value" CHECK("agreement"."annual_value_pence" >= 0),
	CONSTRAINT "agreement_whole" CHECK(typeof("agreement"."annual_value_pence") = 'integer' AND typeof("agreement"."extensions_offered") = 'integer' AND typeof("agreement"."extension_months") = 'integer' AND typeof("agreement"."extension_notice_days") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_reference` ON `agreement` (`reference`);--> statement-breakpoint
CREATE TABLE `agreement_condition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`threshold_bp` integer,
	`return_basis` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreement`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_condition_kind" CHECK("agreement_condition"."kind" IN ('underspend_return', 'other')),
	CONSTRAINT "agreement_condition_underspend" CHECK("agreement_condition"."kind" <> 'underspend_return' OR ("agreement_condition"."threshold_bp" IS NOT NULL AND "agreement_condition"."threshold_bp" BETWEEN 0 AND 10000 AND "agreement_condition"."return_basis" IS NOT NULL AND "agreement_condition"."return_basis" IN ('whole', 'above_threshold'))),
	CONSTRAINT "agreement_condition_whole" CHECK(("agreement_condition"."threshold_bp" IS NULL OR typeof("agreement_condition"."threshold_bp") = 'integer') AND typeof("agreement_condition"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE INDEX `agreement_condition_agreement` ON `agreement_condition` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `agreement_extension` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`number` integer NOT NULL,
	`taken_on` text NOT NULL,
	`decision_reference` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreement`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_extension_number_positive" CHECK("agreement_extension"."number" >= 1),
	CONSTRAINT "agreement_extension_taken_on" CHECK("agreement_extension"."taken_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "agreement_extension_whole" CHECK(typeof("agreement_extension"."number") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_extension_number` ON `agreement_extension` (`agreement_id`,`number`);--> statement-breakpoint
CREATE TABLE `agreement_report` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`condition_id` integer,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`received_on` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreement`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`condition_id`) REFERENCES `agreement_condition`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "agreement_report_dates" CHECK("agreement_report"."due_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ("agreement_report"."received_on" IS NULL OR "agreement_report"."received_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
);
--> statement-breakpoint
CREATE INDEX `agreement_report_agreement` ON `agreement_report` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `decision_threshold` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`effective_from` text NOT NULL,
	`key_decision_pence` integer NOT NULL,
	`call_in_pence` integer,
	`note` text DEFAULT '' NOT NULL,
	CONSTRAINT "decision_threshold_from_date" CHECK("decision_threshold"."effective_from" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "decision_threshold_positive" CHECK("decision_threshold"."key_decision_pence" > 0 AND ("decision_threshold"."call_in_pence" IS NULL OR "decision_threshold"."call_in_pence" > 0)),
	CONSTRAINT "decision_threshold_whole" CHECK(typeof("decision_threshold"."key_decision_pence") = 'integer' AND ("decision_threshold"."call_in_pence" IS NULL OR typeof("decision_threshold"."call_in_pence") = 'integer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_threshold_from` ON `decision_threshold` (`effective_from`);--> statement-breakpoint
CREATE TABLE `plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`base_year_id` text NOT NULL,
	`horizon_years` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`base_year_id`) REFERENCES `financial_year`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_horizon" CHECK("plan"."horizon_years" BETWEEN 5 AND 15),
	CONSTRAINT "plan_whole_numbers" CHECK(typeof("plan"."horizon_years") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_name` ON `plan` (`name`);--> statement-breakpoint
CREATE TABLE `plan_funding_year` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` integer NOT NULL,
	`year_id` text NOT NULL,
	`growth_bp` integer DEFAULT 0 NOT NULL,
	`transfers_pence` integer DEFAULT 0 NOT NULL,
	`adjustments_pence` integer DEFAULT 0 NOT NULL,
	`contributions_pence` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `plan_scenario`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_funding_year_year" CHECK("plan_funding_year"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "plan_funding_year_contributions" CHECK("plan_funding_year"."contributions_pence" >= 0),
	CONSTRAINT "plan_funding_year_growth" CHECK("plan_funding_year"."growth_bp" BETWEEN -10000 AND 100000),
	CONSTRAINT "plan_funding_year_whole" CHECK(typeof("plan_funding_year"."growth_bp") = 'integer' AND typeof("plan_funding_year"."transfers_pence") = 'integer' AND typeof("plan_funding_year"."adjustments_pence") = 'integer' AND typeof("plan_funding_year"."contributions_pence") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_funding_year_scenario_year` ON `plan_funding_year` (`scenario_id`,`year_id`);--> statement-breakpoint
CREATE TABLE `plan_line` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`group_name` text NOT NULL,
	`source_line_id` integer,
	`method` text NOT NULL,
	`base_pence` integer NOT NULL,
	`base_count` real,
	`count_growth_bp` integer DEFAULT 0 NOT NULL,
	`cost_growth_bp` integer DEFAULT 0 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `plan_scenario`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_line_id`) REFERENCES `budget_line`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "plan_line_method" CHECK("plan_line"."method" IN ('activity', 'percent')),
	CONSTRAINT "plan_line_code_not_blank" CHECK(length(trim("plan_line"."code")) > 0),
	CONSTRAINT "plan_line_activity_count" CHECK("plan_line"."method" <> 'activity' OR ("plan_line"."base_count" IS NOT NULL AND "plan_line"."base_count" > 0)),
	CONSTRAINT "plan_line_growth" CHECK("plan_line"."count_growth_bp" BETWEEN -10000 AND 100000 AND "plan_line"."cost_growth_bp" BETWEEN -10000 AND 100000),
	CONSTRAINT "plan_line_whole" CHECK(typeof("plan_line"."base_pence") = 'integer' AND typeof("plan_line"."count_growth_bp") = 'integer' AND typeof("plan_line"."cost_growth_bp") = 'integer' AND typeof("plan_line"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_line_scenario_code` ON `plan_line` (`scenario_id`,`code`);--> statement-breakpoint
CREATE TABLE `plan_scenario` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`savings_basis` text DEFAULT 'target' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`base_label` text DEFAULT '' NOT NULL,
	`base_allocation_pence` integer DEFAULT 0 NOT NULL,
	`opening_cumulative_pence` integer DEFAULT 0 NOT NULL,
	`submitted_on` text,
	`submitted_note` text DEFAULT '' NOT NULL,
	`submitted_figures` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_scenario_kind" CHECK("plan_scenario"."kind" IN ('unmitigated', 'mitigated')),
	CONSTRAINT "plan_scenario_savings_basis" CHECK("plan_scenario"."savings_basis" IN ('target', 'delivered')),
	CONSTRAINT "plan_scenario_parent_rule" CHECK(("plan_scenario"."kind" = 'unmitigated' AND "plan_scenario"."parent_id" IS NULL) OR ("plan_scenario"."kind" = 'mitigated' AND "plan_scenario"."parent_id" IS NOT NULL)),
	CONSTRAINT "plan_scenario_submitted_on" CHECK("plan_scenario"."submitted_on" IS NULL OR "plan_scenario"."submitted_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "plan_scenario_whole_pence" CHECK(typeof("plan_scenario"."base_allocation_pence") = 'integer' AND typeof("plan_scenario"."opening_cumulative_pence") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_scenario_name` ON `plan_scenario` (`plan_id`,`name`);--> statement-breakpoint
CREATE INDEX `plan_scenario_parent` ON `plan_scenario` (`parent_id`);--> statement-breakpoint
CREATE TABLE `plan_scenario_project` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `plan_scenario`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `recovery_project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_scenario_project_pair` ON `plan_scenario_project` (`scenario_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `plan_scenario_project_project` ON `plan_scenario_project` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_agreement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`agreement_id` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `recovery_project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreement`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_agreement_pair` ON `project_agreement` (`project_id`,`agreement_id`);--> statement-breakpoint
CREATE INDEX `project_agreement_agreement` ON `project_agreement` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `project_kpi` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`measure` text NOT NULL,
	`baseline` real NOT NULL,
	`baseline_on` text NOT NULL,
	`target` real,
	`target_on` text,
	`latest` real,
	`latest_on` text,
	`higher_is_better` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `recovery_project`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_kpi_dates" CHECK("project_kpi"."baseline_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ("project_kpi"."target_on" IS NULL OR "project_kpi"."target_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') AND ("project_kpi"."latest_on" IS NULL OR "project_kpi"."latest_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
);
--> statement-breakpoint
CREATE INDEX `project_kpi_project` ON `project_kpi` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_milestone` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`done_on` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `recovery_project`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_milestone_dates" CHECK("project_milestone"."due_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND ("project_milestone"."done_on" IS NULL OR "project_milestone"."done_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'))
);
--> statement-breakpoint
CREATE INDEX `project_milestone_project` ON `project_milestone` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_rag` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`rag` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`as_of` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `recovery_project`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_rag_rag" CHECK("project_rag"."rag" IN ('red', 'amber', 'green')),
	CONSTRAINT "project_rag_as_of" CHECK("project_rag"."as_of" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE INDEX `project_rag_project` ON `project_rag` (`project_id`,`as_of`);--> statement-breakpoint
CREATE TABLE `project_year` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`year_id` text NOT NULL,
	`cost_pence` integer DEFAULT 0 NOT NULL,
	`target_saving_pence` integer DEFAULT 0 NOT NULL,
	`delivered_saving_pence` integer,
	FOREIGN KEY (`project_id`) REFERENCES `recovery_project`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_year_year" CHECK("project_year"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "project_year_money" CHECK("project_year"."cost_pence" >= 0 AND "project_year"."target_saving_pence" >= 0),
	CONSTRAINT "project_year_whole" CHECK(typeof("project_year"."cost_pence") = 'integer' AND typeof("project_year"."target_saving_pence") = 'integer' AND ("project_year"."delivered_saving_pence" IS NULL OR typeof("project_year"."delivered_saving_pence") = 'integer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_year_project_year` ON `project_year` (`project_id`,`year_id`);--> statement-breakpoint
CREATE TABLE `recovery_project` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`owner` text DEFAULT '' NOT NULL,
	`aim` text DEFAULT '' NOT NULL,
	`workstream_id` integer NOT NULL,
	`funding_source` text NOT NULL,
	`saving_kind` text DEFAULT 'saving' NOT NULL,
	`approved_budget_pence` integer DEFAULT 0 NOT NULL,
	`spend_to_date_pence` integer DEFAULT 0 NOT NULL,
	`forecast_pence` integer DEFAULT 0 NOT NULL,
	`board_body_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`workstream_id`) REFERENCES `workstream`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`board_body_id`) REFERENCES `body`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "recovery_project_code_not_blank" CHECK(length(trim("recovery_project"."code")) > 0),
	CONSTRAINT "recovery_project_funding_source" CHECK("recovery_project"."funding_source" IN ('hnb', 'transformation_reserve', 'forum_allocation', 'council', 'other')),
	CONSTRAINT "recovery_project_saving_kind" CHECK("recovery_project"."saving_kind" IN ('saving', 'cost_avoidance')),
	CONSTRAINT "recovery_project_money" CHECK("recovery_project"."approved_budget_pence" >= 0 AND "recovery_project"."spend_to_date_pence" >= 0 AND "recovery_project"."forecast_pence" >= 0),
	CONSTRAINT "recovery_project_whole" CHECK(typeof("recovery_project"."approved_budget_pence") = 'integer' AND typeof("recovery_project"."spend_to_date_pence") = 'integer' AND typeof("recovery_project"."forecast_pence") = 'integer' AND typeof("recovery_project"."sort_order") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recovery_project_code` ON `recovery_project` (`code`);--> statement-breakpoint
CREATE INDEX `recovery_project_workstream` ON `recovery_project` (`workstream_id`);--> statement-breakpoint
CREATE TABLE `recovery_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`alert_days` integer DEFAULT 60 NOT NULL,
	CONSTRAINT "recovery_settings_one_row" CHECK("recovery_settings"."id" = 1),
	CONSTRAINT "recovery_settings_alert_days" CHECK("recovery_settings"."alert_days" BETWEEN 1 AND 730)
);
--> statement-breakpoint
CREATE TABLE `sv_agreement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`counterparty` text DEFAULT 'Department for Education' NOT NULL,
	`signed_on` text NOT NULL,
	`total_pence` integer NOT NULL,
	`capital_pence` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	CONSTRAINT "sv_agreement_kind" CHECK("sv_agreement"."kind" IN ('safety_valve', 'dbv')),
	CONSTRAINT "sv_agreement_signed_on" CHECK("sv_agreement"."signed_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "sv_agreement_money" CHECK("sv_agreement"."total_pence" >= 0 AND "sv_agreement"."capital_pence" >= 0),
	CONSTRAINT "sv_agreement_whole" CHECK(typeof("sv_agreement"."total_pence") = 'integer' AND typeof("sv_agreement"."capital_pence") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sv_agreement_name` ON `sv_agreement` (`name`);--> statement-breakpoint
CREATE TABLE `sv_condition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`number` integer NOT NULL,
	`text` text NOT NULL,
	`target` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `sv_agreement`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sv_condition_number_positive" CHECK("sv_condition"."number" >= 1),
	CONSTRAINT "sv_condition_whole" CHECK(typeof("sv_condition"."number") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sv_condition_number` ON `sv_condition` (`agreement_id`,`number`);--> statement-breakpoint
CREATE TABLE `sv_instalment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`year_id` text NOT NULL,
	`expected_pence` integer NOT NULL,
	`status` text DEFAULT 'due' NOT NULL,
	`received_pence` integer,
	`received_on` text,
	`contribution_id` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `sv_agreement`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contribution_id`) REFERENCES `deficit_contribution`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "sv_instalment_year_format" CHECK("sv_instalment"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "sv_instalment_status" CHECK("sv_instalment"."status" IN ('due', 'received', 'withheld')),
	CONSTRAINT "sv_instalment_received" CHECK(("sv_instalment"."status" = 'received' AND "sv_instalment"."received_pence" IS NOT NULL AND "sv_instalment"."received_on" IS NOT NULL AND "sv_instalment"."received_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') OR ("sv_instalment"."status" <> 'received' AND "sv_instalment"."received_pence" IS NULL)),
	CONSTRAINT "sv_instalment_money" CHECK("sv_instalment"."expected_pence" >= 0 AND ("sv_instalment"."received_pence" IS NULL OR "sv_instalment"."received_pence" >= 0)),
	CONSTRAINT "sv_instalment_whole" CHECK(typeof("sv_instalment"."expected_pence") = 'integer' AND ("sv_instalment"."received_pence" IS NULL OR typeof("sv_instalment"."received_pence") = 'integer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sv_instalment_year` ON `sv_instalment` (`agreement_id`,`year_id`);--> statement-breakpoint
CREATE TABLE `sv_monitoring` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`condition_id` integer NOT NULL,
	`year_id` text NOT NULL,
	`quarter` integer NOT NULL,
	`rag` text,
	`narrative` text DEFAULT '' NOT NULL,
	`figures` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`condition_id`) REFERENCES `sv_condition`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "sv_monitoring_year" CHECK("sv_monitoring"."year_id" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "sv_monitoring_quarter_range" CHECK("sv_monitoring"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "sv_monitoring_rag" CHECK("sv_monitoring"."rag" IS NULL OR "sv_monitoring"."rag" IN ('red', 'amber', 'green')),
	CONSTRAINT "sv_monitoring_whole" CHECK(typeof("sv_monitoring"."quarter") = 'integer')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sv_monitoring_quarter` ON `sv_monitoring` (`condition_id`,`year_id`,`quarter`);--> statement-breakpoint
CREATE TABLE `workstream` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`lead` text DEFAULT '' NOT NULL,
	`aim` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "workstream_code_not_blank" CHECK(length(trim("workstream"."code")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workstream_code` ON `workstream` (`code`);