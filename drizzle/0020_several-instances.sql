CREATE TABLE "job_leases" (
	"job" text PRIMARY KEY NOT NULL,
	"slot" bigint NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_windows" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_visitors" (
	"tambon_id" integer NOT NULL,
	"day" date NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "site_visitors_tambon_id_day_hash_pk" PRIMARY KEY("tambon_id","day","hash")
);
--> statement-breakpoint
ALTER TABLE "site_visitors" ADD CONSTRAINT "site_visitors_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_windows" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "site_visitors" SET UNLOGGED;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "tambon_announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Delivered when the transaction commits (never for one rolled back); identical payloads of one
  -- transaction are delivered once.
  PERFORM pg_notify('tambon_changes', coalesce(NEW."tambon_id"::text, '') || '|' || NEW."action");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_announce" AFTER INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "tambon_announce_change"();
