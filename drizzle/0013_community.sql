CREATE TABLE "community_settings" (
	"tambon_id" integer PRIMARY KEY NOT NULL,
	"controller" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"default_purpose" text DEFAULT '' NOT NULL,
	"retention_years" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_data_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"person_id" integer,
	"requester" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"received_on" date NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"handled_by" integer,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"village_id" integer,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"numerator" numeric NOT NULL,
	"denominator" numeric,
	"source" text DEFAULT 'import' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_form_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_forms" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"level" text DEFAULT 'household' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"draft" jsonb NOT NULL,
	"current_version" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_households" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"village_id" integer NOT NULL,
	"house_no" text NOT NULL,
	"location_text" text DEFAULT '' NOT NULL,
	"lat" numeric(9, 6),
	"lng" numeric(9, 6),
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"lawful_basis" text DEFAULT 'public_task' NOT NULL,
	"consent" text DEFAULT 'not_needed' NOT NULL,
	"consent_at" timestamp with time zone,
	"retain_until" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_indicator_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"question" text NOT NULL,
	"value" text,
	"measure" text DEFAULT 'share' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_people" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"village_id" integer NOT NULL,
	"name" text NOT NULL,
	"thai_id" text,
	"birth_date" date,
	"sex" text DEFAULT 'unspecified' NOT NULL,
	"relation" text DEFAULT 'other' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'living' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"lawful_basis" text DEFAULT 'public_task' NOT NULL,
	"consent" text DEFAULT 'not_needed' NOT NULL,
	"consent_at" timestamp with time zone,
	"retain_until" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_personal_reads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer,
	"subject" text NOT NULL,
	"subject_id" integer,
	"detail" text DEFAULT '' NOT NULL,
	"records" integer DEFAULT 1 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_record_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"entity" text NOT NULL,
	"entity_id" integer NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"via" text DEFAULT 'web' NOT NULL,
	"by_user" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"form_id" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"client_id" text NOT NULL,
	"form_id" integer NOT NULL,
	"form_version_id" integer NOT NULL,
	"round_id" integer,
	"village_id" integer NOT NULL,
	"household_id" integer,
	"person_id" integer,
	"answers" jsonb NOT NULL,
	"base_version" integer,
	"status" text DEFAULT 'accepted' NOT NULL,
	"conflict_with" integer,
	"submitted_by" integer,
	"collected_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_settings" ADD CONSTRAINT "community_settings_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_data_requests" ADD CONSTRAINT "community_data_requests_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_data_requests" ADD CONSTRAINT "community_data_requests_person_id_community_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."community_people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_data_requests" ADD CONSTRAINT "community_data_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_data_requests" ADD CONSTRAINT "community_data_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_figures" ADD CONSTRAINT "community_figures_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_figures" ADD CONSTRAINT "community_figures_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_form_versions" ADD CONSTRAINT "community_form_versions_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_form_versions" ADD CONSTRAINT "community_form_versions_form_id_community_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."community_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_form_versions" ADD CONSTRAINT "community_form_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_forms" ADD CONSTRAINT "community_forms_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_forms" ADD CONSTRAINT "community_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_households" ADD CONSTRAINT "community_households_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_households" ADD CONSTRAINT "community_households_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_households" ADD CONSTRAINT "community_households_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_indicator_sources" ADD CONSTRAINT "community_indicator_sources_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_indicator_sources" ADD CONSTRAINT "community_indicator_sources_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_indicator_sources" ADD CONSTRAINT "community_indicator_sources_form_id_community_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."community_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_people" ADD CONSTRAINT "community_people_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_people" ADD CONSTRAINT "community_people_household_id_community_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."community_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_people" ADD CONSTRAINT "community_people_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_people" ADD CONSTRAINT "community_people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_personal_reads" ADD CONSTRAINT "community_personal_reads_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_personal_reads" ADD CONSTRAINT "community_personal_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_record_changes" ADD CONSTRAINT "community_record_changes_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_record_changes" ADD CONSTRAINT "community_record_changes_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_rounds" ADD CONSTRAINT "community_rounds_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_rounds" ADD CONSTRAINT "community_rounds_form_id_community_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."community_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_form_id_community_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."community_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_form_version_id_community_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."community_form_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_round_id_community_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."community_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_household_id_community_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."community_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_person_id_community_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."community_people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_submissions" ADD CONSTRAINT "community_submissions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_data_requests_tambon_idx" ON "community_data_requests" USING btree ("tambon_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "community_figures_key" ON "community_figures" USING btree ("tambon_id",coalesce("village_id", 0),"year","code");--> statement-breakpoint
CREATE UNIQUE INDEX "community_form_versions_key" ON "community_form_versions" USING btree ("form_id","version");--> statement-breakpoint
CREATE INDEX "community_forms_tambon_idx" ON "community_forms" USING btree ("tambon_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_households_house_key" ON "community_households" USING btree ("tambon_id","village_id","house_no");--> statement-breakpoint
CREATE INDEX "community_households_village_idx" ON "community_households" USING btree ("tambon_id","village_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_indicator_sources_key" ON "community_indicator_sources" USING btree ("tambon_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_people_thai_id_key" ON "community_people" USING btree ("tambon_id","thai_id") WHERE "community_people"."thai_id" is not null;--> statement-breakpoint
CREATE INDEX "community_people_household_idx" ON "community_people" USING btree ("tambon_id","household_id");--> statement-breakpoint
CREATE INDEX "community_people_village_idx" ON "community_people" USING btree ("tambon_id","village_id");--> statement-breakpoint
CREATE INDEX "community_personal_reads_at_idx" ON "community_personal_reads" USING btree ("tambon_id","at");--> statement-breakpoint
CREATE INDEX "community_record_changes_entity_idx" ON "community_record_changes" USING btree ("tambon_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "community_rounds_form_idx" ON "community_rounds" USING btree ("tambon_id","form_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_submissions_client_key" ON "community_submissions" USING btree ("tambon_id","client_id");--> statement-breakpoint
CREATE INDEX "community_submissions_form_idx" ON "community_submissions" USING btree ("tambon_id","form_id","round_id");--> statement-breakpoint
CREATE INDEX "community_submissions_household_idx" ON "community_submissions" USING btree ("tambon_id","household_id");--> statement-breakpoint
CREATE INDEX "community_submissions_village_idx" ON "community_submissions" USING btree ("tambon_id","village_id");