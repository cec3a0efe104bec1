CREATE TABLE "evaluation_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"subject_type" text NOT NULL,
	"project_id" integer,
	"charter_id" integer,
	"clause_key" integer,
	"rater_id" integer,
	"rating" text NOT NULL,
	"helped" text DEFAULT '' NOT NULL,
	"blocked" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date,
	"meeting_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"carried_to_edition_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"project_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"target" numeric NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"plan_id" integer,
	"area_id" integer,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"direction" text DEFAULT 'up' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"baseline_value" numeric,
	"baseline_year" integer,
	"decimals" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"village_id" integer,
	"fiscal_year" integer NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"import_key" text,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" integer DEFAULT 1 NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"approved_on" date,
	"meeting_id" integer,
	"resolution_id" integer,
	"snapshot" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_strategies" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"area_id" integer,
	"code" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"title" text NOT NULL,
	"first_year" integer NOT NULL,
	"years" integer DEFAULT 5 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_budgets" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"source" text DEFAULT 'local' NOT NULL,
	"amount" numeric(14, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"other_id" integer NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"partner_id" integer NOT NULL,
	"role" text DEFAULT 'responsible' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"status" text NOT NULL,
	"progress" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_villages" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"village_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"parent_id" integer,
	"seq" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"area_id" integer,
	"strategy_id" integer,
	"whole_tambon" boolean DEFAULT false NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"outputs" text DEFAULT '' NOT NULL,
	"kpi" text DEFAULT '' NOT NULL,
	"expected_results" text DEFAULT '' NOT NULL,
	"responsible_unit" text DEFAULT '' NOT NULL,
	"form_category" text DEFAULT 'p02' NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"rollup" text DEFAULT 'average' NOT NULL,
	"proposed_by" integer,
	"question_id" integer,
	"merged_into_id" integer,
	"edition_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"village_id" integer NOT NULL,
	"fiscal_year" integer NOT NULL,
	"people" integer,
	"households" integer,
	"source" text DEFAULT 'entered' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_ratings" ADD CONSTRAINT "evaluation_ratings_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ratings" ADD CONSTRAINT "evaluation_ratings_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ratings" ADD CONSTRAINT "evaluation_ratings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_ratings" ADD CONSTRAINT "evaluation_ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_carried_to_edition_id_plan_editions_id_fk" FOREIGN KEY ("carried_to_edition_id") REFERENCES "public"."plan_editions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_projects" ADD CONSTRAINT "indicator_projects_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_projects" ADD CONSTRAINT "indicator_projects_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_projects" ADD CONSTRAINT "indicator_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_area_id_issue_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."issue_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_editions" ADD CONSTRAINT "plan_editions_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_editions" ADD CONSTRAINT "plan_editions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_editions" ADD CONSTRAINT "plan_editions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_strategies" ADD CONSTRAINT "plan_strategies_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_strategies" ADD CONSTRAINT "plan_strategies_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_strategies" ADD CONSTRAINT "plan_strategies_area_id_issue_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."issue_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budgets" ADD CONSTRAINT "project_budgets_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budgets" ADD CONSTRAINT "project_budgets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_other_id_projects_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_villages" ADD CONSTRAINT "project_villages_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_villages" ADD CONSTRAINT "project_villages_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_villages" ADD CONSTRAINT "project_villages_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_area_id_issue_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."issue_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_strategy_id_plan_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."plan_strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_edition_id_plan_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."plan_editions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_figures" ADD CONSTRAINT "village_figures_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_figures" ADD CONSTRAINT "village_figures_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_ratings_key" ON "evaluation_ratings" USING btree ("round_id","subject_type",coalesce("project_id", 0),coalesce("charter_id", 0),coalesce("clause_key", 0),"rater_id");--> statement-breakpoint
CREATE INDEX "evaluation_ratings_round_idx" ON "evaluation_ratings" USING btree ("tambon_id","round_id");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_plan_idx" ON "evaluation_rounds" USING btree ("tambon_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_projects_key" ON "indicator_projects" USING btree ("indicator_id","project_id");--> statement-breakpoint
CREATE INDEX "indicator_projects_project_idx" ON "indicator_projects" USING btree ("tambon_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_key" ON "indicator_targets" USING btree ("indicator_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "indicator_targets_tambon_idx" ON "indicator_targets" USING btree ("tambon_id","indicator_id");--> statement-breakpoint
CREATE INDEX "indicators_plan_idx" ON "indicators" USING btree ("tambon_id","plan_id");--> statement-breakpoint
CREATE INDEX "indicators_area_idx" ON "indicators" USING btree ("tambon_id","area_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_key" ON "measurements" USING btree ("tambon_id","indicator_id",coalesce("village_id", 0),"period_end");--> statement-breakpoint
CREATE INDEX "measurements_indicator_idx" ON "measurements" USING btree ("tambon_id","indicator_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "measurements_import_idx" ON "measurements" USING btree ("tambon_id","import_key");--> statement-breakpoint
CREATE INDEX "plan_editions_plan_idx" ON "plan_editions" USING btree ("tambon_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_editions_number_key" ON "plan_editions" USING btree ("plan_id","kind","number");--> statement-breakpoint
CREATE INDEX "plan_strategies_plan_idx" ON "plan_strategies" USING btree ("tambon_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "plans_tambon_idx" ON "plans" USING btree ("tambon_id","first_year");--> statement-breakpoint
CREATE UNIQUE INDEX "project_budgets_key" ON "project_budgets" USING btree ("project_id","fiscal_year","source");--> statement-breakpoint
CREATE INDEX "project_budgets_year_idx" ON "project_budgets" USING btree ("tambon_id","fiscal_year");--> statement-breakpoint
CREATE UNIQUE INDEX "project_links_key" ON "project_links" USING btree ("project_id","other_id","kind");--> statement-breakpoint
CREATE INDEX "project_links_project_idx" ON "project_links" USING btree ("tambon_id","project_id");--> statement-breakpoint
CREATE INDEX "project_links_other_idx" ON "project_links" USING btree ("tambon_id","other_id");--> statement-breakpoint
CREATE INDEX "project_milestones_project_idx" ON "project_milestones" USING btree ("tambon_id","project_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "project_partners_key" ON "project_partners" USING btree ("project_id","partner_id");--> statement-breakpoint
CREATE INDEX "project_partners_partner_idx" ON "project_partners" USING btree ("tambon_id","partner_id");--> statement-breakpoint
CREATE INDEX "project_updates_project_idx" ON "project_updates" USING btree ("tambon_id","project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_villages_key" ON "project_villages" USING btree ("project_id","village_id");--> statement-breakpoint
CREATE INDEX "project_villages_village_idx" ON "project_villages" USING btree ("tambon_id","village_id");--> statement-breakpoint
CREATE INDEX "projects_plan_idx" ON "projects" USING btree ("tambon_id","plan_id","seq");--> statement-breakpoint
CREATE INDEX "projects_parent_idx" ON "projects" USING btree ("tambon_id","parent_id");--> statement-breakpoint
CREATE INDEX "projects_area_idx" ON "projects" USING btree ("tambon_id","area_id");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("tambon_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "village_figures_key" ON "village_figures" USING btree ("tambon_id","village_id","fiscal_year");