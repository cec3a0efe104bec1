CREATE TABLE "site_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"asked_by" integer,
	"asker_name" text NOT NULL,
	"question" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_questions" ADD CONSTRAINT "site_questions_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_questions" ADD CONSTRAINT "site_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_questions" ADD CONSTRAINT "site_questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_questions_tambon_idx" ON "site_questions" USING btree ("tambon_id","status","created_at");