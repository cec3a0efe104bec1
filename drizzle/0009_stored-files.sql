CREATE TABLE "stored_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"tambon_id" integer NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"name" text DEFAULT '' NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_tambon_id_tambons_id_fk" FOREIGN KEY ("tambon_id") REFERENCES "public"."tambons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_tambon_id_idx" ON "stored_files" USING btree ("tambon_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_tambon_key_key" ON "stored_files" USING btree ("tambon_id","key");