CREATE TABLE "charter_clause_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"charter_id" integer NOT NULL,
	"clause_key" integer NOT NULL,
	"target_type" text NOT NULL,
	"target_id" integer,
	"label" text NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_clause_progress" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"charter_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"clause_key" integer NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_comment_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"comment_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"rating" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"target" text NOT NULL,
	"clause_key" integer,
	"kind" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"proposed_text" text,
	"author_id" integer,
	"author_name" text DEFAULT '' NOT NULL,
	"village_id" integer,
	"recorded_by" integer,
	"phase" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"applied_version_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_editions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"charter_id" integer NOT NULL,
	"number" integer NOT NULL,
	"year_be" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version_id" integer,
	"hearing_version_id" integer,
	"adopted_version_id" integer,
	"based_on_edition_id" integer,
	"hearing_starts_on" date,
	"hearing_ends_on" date,
	"hearing_note" text DEFAULT '' NOT NULL,
	"effective_on" date,
	"review_years" integer DEFAULT 5 NOT NULL,
	"adopted_on" date,
	"adopted_at" timestamp with time zone,
	"adopted_by" integer,
	"adoption_kind" text,
	"question_id" integer,
	"alternative_id" integer,
	"resolution_id" integer,
	"signing_on" date,
	"signing_place" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_hearing_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"thumb" "bytea" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_signatories" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"kind" text NOT NULL,
	"pillar" text DEFAULT '' NOT NULL,
	"village_id" integer,
	"name" text NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"signed_on" date,
	"scan" "bytea",
	"scan_mime" text,
	"scan_bytes" integer,
	"scan_width" integer,
	"scan_height" integer,
	"thumb" "bytea",
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"number" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"comment_id" integer,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charters" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"scope" text DEFAULT 'tambon' NOT NULL,
	"scope_name" text DEFAULT '' NOT NULL,
	"village_id" integer,
	"area_id" integer,
	"digits" text DEFAULT 'arabic' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"next_key" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charter_clause_links" ADD CONSTRAINT "charter_clause_links_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_clause_links" ADD CONSTRAINT "charter_clause_links_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_clause_links" ADD CONSTRAINT "charter_clause_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_clause_progress" ADD CONSTRAINT "charter_clause_progress_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_clause_progress" ADD CONSTRAINT "charter_clause_progress_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_clause_progress" ADD CONSTRAINT "charter_clause_progress_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_clause_progress" ADD CONSTRAINT "charter_clause_progress_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comment_ratings" ADD CONSTRAINT "charter_comment_ratings_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comment_ratings" ADD CONSTRAINT "charter_comment_ratings_comment_id_charter_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."charter_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comment_ratings" ADD CONSTRAINT "charter_comment_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_version_id_charter_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."charter_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_comments" ADD CONSTRAINT "charter_comments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_editions" ADD CONSTRAINT "charter_editions_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_editions" ADD CONSTRAINT "charter_editions_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_editions" ADD CONSTRAINT "charter_editions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_editions" ADD CONSTRAINT "charter_editions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_hearing_meetings" ADD CONSTRAINT "charter_hearing_meetings_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_hearing_meetings" ADD CONSTRAINT "charter_hearing_meetings_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_photos" ADD CONSTRAINT "charter_photos_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_photos" ADD CONSTRAINT "charter_photos_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_photos" ADD CONSTRAINT "charter_photos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_versions" ADD CONSTRAINT "charter_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charters" ADD CONSTRAINT "charters_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charters" ADD CONSTRAINT "charters_village_id_villages_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."villages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charters" ADD CONSTRAINT "charters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charter_clause_links_clause_idx" ON "charter_clause_links" USING btree ("tambon_id","charter_id","clause_key");--> statement-breakpoint
CREATE INDEX "charter_clause_links_target_idx" ON "charter_clause_links" USING btree ("tambon_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "charter_clause_progress_idx" ON "charter_clause_progress" USING btree ("tambon_id","charter_id","clause_key","id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_comment_ratings_key" ON "charter_comment_ratings" USING btree ("comment_id","user_id");--> statement-breakpoint
CREATE INDEX "charter_comments_edition_idx" ON "charter_comments" USING btree ("tambon_id","edition_id","clause_key");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_editions_number_key" ON "charter_editions" USING btree ("charter_id","number");--> statement-breakpoint
CREATE INDEX "charter_editions_tambon_idx" ON "charter_editions" USING btree ("tambon_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_hearing_meetings_key" ON "charter_hearing_meetings" USING btree ("edition_id","meeting_id");--> statement-breakpoint
CREATE INDEX "charter_photos_edition_idx" ON "charter_photos" USING btree ("tambon_id","edition_id");--> statement-breakpoint
CREATE INDEX "charter_signatories_edition_idx" ON "charter_signatories" USING btree ("tambon_id","edition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_versions_number_key" ON "charter_versions" USING btree ("edition_id","number");--> statement-breakpoint
CREATE INDEX "charters_tambon_idx" ON "charters" USING btree ("tambon_id");