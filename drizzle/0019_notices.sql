CREATE TABLE "line_channels" (
	"tambon_id" integer PRIMARY KEY NOT NULL,
	"basic_id" text NOT NULL,
	"access_token" text NOT NULL,
	"channel_secret" text NOT NULL,
	"unreachable_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "line_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"code" text,
	"code_expires_at" timestamp with time zone,
	"line_user_id" text,
	"linked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notice_prefs" (
	"tambon_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"wanted" boolean NOT NULL,
	CONSTRAINT "notice_prefs_tambon_id_user_id_kind_channel_pk" PRIMARY KEY("tambon_id","user_id","kind","channel")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"user_id" integer,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"retry_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "line_channels" ADD CONSTRAINT "line_channels_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_links" ADD CONSTRAINT "line_links_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_links" ADD CONSTRAINT "line_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_prefs" ADD CONSTRAINT "notice_prefs_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_prefs" ADD CONSTRAINT "notice_prefs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "line_links_member_key" ON "line_links" USING btree ("tambon_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "line_links_line_user_key" ON "line_links" USING btree ("tambon_id","line_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "line_links_code_key" ON "line_links" USING btree ("tambon_id","code");--> statement-breakpoint
CREATE INDEX "notices_due_idx" ON "notices" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "notices_tambon_idx" ON "notices" USING btree ("tambon_id","id");