CREATE TABLE "charter_hearing_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charter_review_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"recipients" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "charter_hearing_meetings" ADD CONSTRAINT "charter_hearing_meetings_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_hearing_meetings" ADD CONSTRAINT "charter_hearing_meetings_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_hearing_meetings" ADD CONSTRAINT "charter_hearing_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_review_notices" ADD CONSTRAINT "charter_review_notices_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_review_notices" ADD CONSTRAINT "charter_review_notices_edition_id_charter_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."charter_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charter_hearing_meetings_key" ON "charter_hearing_meetings" USING btree ("edition_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_review_notices_key" ON "charter_review_notices" USING btree ("edition_id","kind","due_on");